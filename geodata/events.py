"""Events from sentences: typed, dated, located claims with their evidence.

One pass per sentence (boilerplate sentences skipped): a trigger lexicon gives the type, the
prepositions before each place mention give origin and destination ("from Damascus to the Hmeimim
airbase"; "sent to X and then evacuated to Y" becomes two legs), the temporal expressions in the
sentence give the date (else the article's publication date, precision ``as_of``), and an actor
lexicon (``data/actors.csv``) gives who acted.
"""

from __future__ import annotations

import csv
import hashlib
import re
from bisect import bisect_left
from datetime import date, timedelta
from pathlib import Path

from geodata import caseless
from geodata.corpus import excluded_share, is_excluded
from geodata.gazetteer import haversine_km
from geodata.models import LITERAL, Article, DateRef, Event, Mention, Place, Source

# ---- sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = ("Mr", "Mrs", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                  "Dec", "No", "Gen", "Col")
# Not after an initial or an abbreviation: one look-behind per length (a look-behind has one width), each behind the
# character just read (hence the ".": an abbreviation, then the full stop or ! ? …).
_ABBREV = r"(?<!\b[A-Z].)" + "".join(
    rf"(?<!\b(?:{'|'.join(w for w in _ABBREVIATIONS if len(w) == n)}).)" for n in sorted({len(w) for w in _ABBREVIATIONS}))
# The pattern opens with a character class, the one character a sentence end starts with, so re skips to it at C
# speed and the look-behinds run only there. A new line starts a run of new lines.
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|" + _ABBREV + r"[.!?…]*[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9]))")


MAX_SENTENCE = 1500  # a "sentence" longer than this (a pasted table, hostile input) is cut at white space
MAX_LEGS = 4  # legs of one journey in one sentence


def _cut(s: int, e: int, text: str) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut + 1
    out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space; overlong ones are cut."""
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        out.append((pos, m.start() + len(m.group().rstrip())))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        if e - s <= MAX_SENTENCE and s < e and not text[s].isspace() and not text[e - 1].isspace():
            trimmed.append((s, e))  # most sentences: nothing to trim, and what _cut gives, without the call
            continue
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs - ls > MAX_SENTENCE:
            trimmed.extend(_cut(s + ls, s + rs, text))
        elif rs > ls:
            trimmed.append((s + ls, s + rs))  # what _cut gives a sentence short enough, without the call
    return trimmed


MOVEMENTS = ("withdrawal", "evacuation", "deployment", "ship_movement", "air_transport")

# ---- lexicons ----------------------------------------------------------------------------------

def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.I)


# Most specific first: the first type whose trigger fires names the sentence's event.
_FORCES = r"(?:troops|forces?|soldiers|personnel|military|units?|contingent|convoys?|police|sappers|advisers|advisors|observers|jets|warplanes|aircraft|helicopters|fighters|marines|garrison|coalition)"

_PEOPLE = r"(?:civilians|residents|families|refugees|diplomats|staff|wounded|nationals|citizens|evacuees)"

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("ship_movement", _rx(r"(?:frigate|warships?|ships?|vessels?|submarines?|corvettes?|destroyers?|cruiser|tankers?|fleet|landing ships?|carriers?|boats?)"
                          r"\b[^.]{0,80}\b(?:left|leaves?|leaving|sailed|sails|departed|arrived|docked|moved|withdr[ae]w\w*|entered|passed|"
                          r"took up position|taken up position|anchored|transited|headed|sailing|waiting off|patrolling)"
                          r"|(?:withdr[ae]w\w*|pull\w* out|moved?|redeploy\w*)\b[^.]{0,40}\b(?:warships?|ships?|vessels?|fleet|frigates?)")),
    ("air_transport", _rx(r"by air|by plane|by (?:military )?aircraft|airlift\w*|special flights?|flights? (?:to|from|between|out of)|"
                          r"(?:cargo|transport) (?:planes?|aircraft)|il-76|an-124|flown (?:to|from|out)")),
    ("evacuation", _rx(r"evacuat\w+|safe (?:exit|passage)|fled to|fleeing|flee|" + _PEOPLE +
                       r"(?: [\w,-]+){0,8} (?:left|leav\w+|fled|bussed|driven|flown|taken out)\b")),
    ("withdrawal", _rx(r"withdr[ae]w\w*|withdrawal|pull\w* (?:\w+ ){0,3}(?:out|back)|pullout|drawdown|retreat\w*|"
                       r"scal\w+ back|(?:leave|return to) (?:the |their |its )?(?:permanent )?(?:\w+ )?bases?|"
                       r"left the (?:capital|base|country|port|city|town|area)|departing|end (?:its|their) (?:military )?mission|"
                       + _FORCES + r"[^.]{0,40}\b(?:left|leave|leaves|leaving)\b|abandon\w*|vacat\w+|hand(?:ed|ing)? over|moving from")),
    ("attack", _rx(r"attacks?(?! (?:and \w+ )?(?:helicopters?|aircraft|jets|submarines?|drones?))|attacked|strikes?|striking|struck|(?:was|were|been) hit|shell\w+|bomb\w*|shot down|killed|drone strikes?|airstrikes?|offensive|"
                   r"air campaign|captured|recaptured|seized|took (?:full )?control|launched (?:an |a )?(?:operation|assault|raid)|"
                   r"raids?|assault|clashes|fighting(?! (?:the|an?|against|off)\b)")),
    ("deployment", _rx(r"deploy\w*|redeploy\w*|reinforc\w+|(?:sent|sends|send|dispatched|moved|moving|flew|arrived)\b[^.]{0,40}\b(?:to|into|towards)\b|"
                       r"patrol\w*|stationed|mov\w+ into|began moving|entered|arrived (?:at|in)|set up (?:a |an )?(?:base|position|post)")),
    ("agreement", _rx(r"agreements?|agreed|deal|accord|treaty|signed|ceasefire|memorandum|lease|joint (?:statement|declaration)")),
    ("statement", _rx(r"(?:closed|closes|closing|to close)(?: [\w-]+){0,6} (?:airspace|straits?|border|ports?)|(?:offer|grant|allow|give)\w*(?: [\w-]+){0,6} (?:use of|access to)|denied|rejected claims|dismissed")),
    ("meeting", _rx(r"met|meets?|meeting|talks|negotiat\w+|summit|visit\w*")),
    ("base_presence", _rx(r"(?:air|naval|military|army|helicopter)\s*bases?|airbase|bases|military presence|naval facility|garrison|"
                          r"observation posts?|has (?:about |some |around |roughly )?[\d,]+ " + _FORCES + r"|" + _FORCES +
                          r" (?:are|is|remain|will remain)\b[^.]{0,30}\bin\b|using (?:it )?as a")),
]
TRIGGER_RX = dict(TRIGGERS)
# The lexicons below are matched through geodata.caseless: on a sentence's lower-cased text when it has no
# character whose case re.I folds specially, with case-sensitive twins five times faster than re.I.
# Where each type's trigger first matches, found together (most sentences have none): on the sentence, or with the
# lexicons' case-sensitive twins on its lower-cased text.
_TRIGGER_FIRSTS = caseless.Firsts([rx for _, rx in TRIGGERS])
_TRIGGER_FIRSTS_TWIN = caseless.Firsts([caseless.twin(rx) for _, rx in TRIGGERS])
# Purpose and justification clauses say why, not what happened ("deployed police to Aleppo to monitor the
# evacuation", "struck targets in retaliation for an attack on its troops", "moved in, saying the army had
# abandoned its posts"): their words trigger no event and
# their places locate none. They run to the end of the clause.
_WHY = re.compile(r"\b(?:to (?:help )?(?:monitor|oversee|observe|support|secure|protect|guard|facilitate|assist|"
                  r"escort|ensure|prevent|deter|counter|fight|combat|fend off|back|supervise|verify|defend)|"
                  r"in (?:retaliation|response|revenge) (?:for|to))\b[^,;:.]*"
                  r"|,\s+(?:saying|claiming|citing|arguing|alleging)\b[^,;:.]*", re.I)
_WHY_TWIN = caseless.twin(_WHY)
# People, not forces, on the move: leaving, being flown out or driven away is an evacuation.
_CIVILIANS = caseless.Lexicon(_rx(_PEOPLE))
_FORCE_WORDS = caseless.Lexicon(_rx(_FORCES.replace("(?:", "(?:jets|bombers|warships?|ships?|vessels?|frigates?|tanks|"
                                                    "troop|systems?|missiles?|batteries|drones?|equipment|army|navy|engineers|"
                                                    "battalions?|brigades?|divisions?|regiments?|paratroopers|", 1)))
# The closing attribution (", the Defence Ministry in Moscow said.") names who spoke, not where it happened.
_ATTRIBUTION = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?[^,;:]{0,60}?\b(?:said|says|told|reported|announced|added|stated|"
                          r"according to)\b[^,;:]{0,40}$", re.I)
_ATTRIBUTION_TWIN = caseless.twin(_ATTRIBUTION)
# "Erbil, the capital of the Kurdistan region": the appositive describes the place named before it.
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:capital|city|town|village|province|region|part|port|"
                         r"heart|seat|centre|center|outskirts|suburb)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_SINCE = re.compile(r"\b(?:since|until|till|by)\s+$", re.I)
# A base's future asserted by someone ("the bases will remain", "no final decisions") is a statement.
_FUTURE_OF_BASE = caseless.Lexicon(_rx(r"will|would|future|fate|remain|keep|retain|decision|discuss\w*|premature|too early"))
# Reported words about a named base's future are a statement, even when they mention the talks held about it.
_BASE_FUTURE = caseless.Lexicon(_rx(r"(?:future|fate|status) of\b[^.]{0,50}\b(?:bases?|facilit(?:y|ies)|military presence)"))
# Combat aircraft flying themselves ("the jets were flown to Syria") deploy; transport flights carry cargo.
_SELF_FLOWN = caseless.Lexicon(_rx(r"(?:aircraft|jets|warplanes|bombers|fighters|helicopters|drones|mig-\d+|su-\d+)\b[^.,;]{0,25}\bflown"))
_CARGO = caseless.Lexicon(_rx(r"cargo|transport (?:planes?|aircraft|flights?)|equipment|supplies|il-76|an-124|airlift\w*|by air"))
# A relative clause asserting a presence ("where it has kept a base", "which the army has used as a garrison").
_PRESENCE_CLAUSE = caseless.Lexicon(_rx(r"(?:where|which) (?:[\w-]+ ){0,2}(?:has |have |had )?(?:kept|keeps|maintained|maintains|"
                                        r"operated|operates|stationed|used|uses) (?:[\w-]+ ){0,3}(?:bases?|garrison|troops|forces)"))
_SPEECH = caseless.Lexicon(_rx(r"said|says|told|stated|statement|announced|reported|according to"))

_ORIGIN_WORDS = re.compile(r"\b(?:from|out of|left|leaving|leave|leaves|departed|departing|departs)\b", re.I)
_DEST_WORDS = re.compile(r"\b(?:to|towards|toward|into|for|reached|bound for|headed for|"
                         r"(?:dock|land|berth|anchor|arriv)ed (?:at|in|off))\b", re.I)
# "to" opening an infinitive whose own phrase holds the place ("to call at the port", "to take a route over
# the sea") marks no destination: a lower-case word that is no determiner, then a locative preposition.
_INFINITIVE_TO = re.compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|all|both|other|"
                            r"northern|southern|eastern|western|central|north|south|east|west|coastal|neighbouring|"
                            r"neighboring|nearby)\b)(?-i:[a-z])\w*\b.*\b(?:at|over|in|on|near|off|across|around|through)\b", re.I)
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\s+(?!then\b)[^,;:]{0,40}$", re.I)
_CLAUSE_BREAK = re.compile(r"\b(?:which|who|whom|whose|while|whereas)\b|[;:]", re.I)
_ROLE_CUES_TWINS = caseless.twin(_CLAUSE_BREAK), caseless.twin(_ORIGIN_WORDS), caseless.twin(_DEST_WORDS)
# Metonymy: "Moscow views", "Moscow's ally", "Ankara said": the capital stands for its government.
_METONYM_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:said|says|say|views?|viewed|made|makes|has|had|have|is|was|were|will|would|wants?|wanted|asked|"
    r"asks|agreed|denied|insists?|insisted|warned|claims?|claimed|accused|granted|hopes?|seeks?|sought|supports?)\b)",
    re.I,
)
# A metonym is an agent, never the object of a preposition ("the evacuation of Aleppo would continue").
_PREP_BEFORE = re.compile(r"\b(?:of|in|at|from|to|into|near|for|on|over|across|around|towards?|via|through)\s+(?:the\s+)?$", re.I)
# "urged Ankara to close", "want Russia to keep": the capital or country as the agent of an infinitive.
_AGENT_OF_INFINITIVE = re.compile(r"^\s+to\s+(?:(?-i:[a-z])\w+)\s+(?!(?-i:[A-Z]))", re.I)
_ADJECTIVAL = re.compile(r"^-(?:controlled|held|backed|led|based|occupied|allied|supported|run)\b", re.I)

_PLANNED = caseless.Lexicon(_rx(r"will|would|plans?|planned|planning|intends?|to be (?:moved|sent|withdrawn|evacuated|transported)|are to|seeks?|seeking|expected to|requested|asked"))
_DENIED = caseless.Lexicon(_rx(r"denied|denies|not currently|did not|does not|no plans|was not|were not|is not|are not|no final decisions"))
_ONGOING = caseless.Lexicon(_rx(r"is \w+ing|are \w+ing|was \w+ing|were \w+ing|continu\w+|ongoing|underway"))
_COMPLETED = caseless.Lexicon(_rx(r"withdrew|left|evacuated|departed|sailed|arrived|returned|traveled|travelled|moved|transferred|has withdrawn"))
# Looked for together (one scan for any of them), on the sentence or with their twins on its lower-cased text.
_STATUS_WORDS = {"denied": _DENIED, "planned": _PLANNED, "ongoing": _ONGOING, "completed": _COMPLETED}
_STATUS_FIRSTS = caseless.Firsts([lex.rx for lex in _STATUS_WORDS.values()])
_STATUS_FIRSTS_TWIN = caseless.Firsts([lex.twin for lex in _STATUS_WORDS.values()])

KIND_SPECIFICITY = {
    "air_base": 0, "naval_base": 0, "military_base": 0, "airport": 1, "port": 1, "facility": 1, "city": 2,
    "admin2": 3, "admin1": 3, "sea": 4, "country": 5, "region": 6,
}


def _load_actors() -> list[tuple[str, re.Pattern[str]]]:
    path = Path(__file__).resolve().parent / "data" / "actors.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return [(r["actor"], re.compile(r["pattern"])) for r in csv.DictReader(fh)]


ACTORS = _load_actors()


def _firsts(patterns: list[re.Pattern[str]]) -> caseless.Firsts | None:
    """The patterns asked together where each first matches (None when they cannot be: groups, several flags)."""
    try:
        return caseless.Firsts(patterns) if patterns else None
    except (ValueError, re.error):
        return None


_ACTOR_FIRSTS = _firsts([rx for _, rx in ACTORS])


def actors_in(sentence: str) -> tuple[str, ...]:
    """The actors the sentence names, in lexicon order (found together: most sentences name none)."""
    if _ACTOR_FIRSTS is None:
        return tuple(name for name, rx in ACTORS if rx.search(sentence))
    return tuple(ACTORS[k][0] for k in sorted(_ACTOR_FIRSTS.firsts(sentence)))


def _trigger_starts(sentence: str, low: str | None) -> dict[str, int]:
    """Where the trigger of each type first matches in the sentence (types whose trigger matches nowhere left out).

    ``low``: ``caseless.lowered(sentence)``."""
    firsts = _TRIGGER_FIRSTS.firsts(sentence) if low is None else _TRIGGER_FIRSTS_TWIN.firsts(low)
    return {TRIGGERS[k][0]: at for k, at in firsts.items()}


def classify_all(sentence: str, low: str | None = None) -> list[str]:
    """Every type the sentence reports, most specific first. Presence of a base is implied by most
    reports about it, so it stands alone only when nothing else happened; so does a statement.

    ``low``: ``caseless.lowered(sentence)``, when the caller has it already."""
    low = caseless.lowered(sentence) if low is None else low
    return _classify_all(sentence, low, _trigger_starts(sentence, low))


def _classify_all(sentence: str, low: str | None, starts: dict[str, int]) -> list[str]:
    """``classify_all`` given where each type's trigger first matches (``_trigger_starts``)."""
    if not starts:
        return []
    # One journey per sentence: its most specific movement type names it ("sent to Turkey and then
    # evacuated to Russia by air" is one air transport in two legs, not three journeys). Types that cannot
    # change the answer are not looked for: later movement types, anything once it holds three types.
    move, others = None, []
    for etype, _ in TRIGGERS:
        if etype == "base_presence" or (move and etype in MOVEMENTS):
            continue
        if etype in starts:
            if etype in MOVEMENTS:
                move = etype
            else:
                others.append(etype)
            if move and len(others) >= 2:
                break
    if (len(others) < 2 and (" where " in sentence or " which " in sentence)
            and _PRESENCE_CLAUSE.find(sentence, low) >= 0):
        others.append("base_presence")  # "..., where it has kept a helicopter base since 2019": asserted beside the news
    if "meeting" in others and _BASE_FUTURE.find(sentence, low) >= 0 and _SPEECH.find(sentence, low) >= 0:
        others = ["statement"] + [t for t in others if t not in ("meeting", "statement")]
    if move == "air_transport" and _SELF_FLOWN.find(sentence, low) >= 0 and _CARGO.find(sentence, low) < 0:
        move = "withdrawal" if "withdrawal" in starts else "deployment"  # combat aircraft flying themselves
    if move in ("withdrawal", "air_transport"):
        people = _CIVILIANS.find(sentence, low)
        if people >= 0:  # people, not forces, leaving or flown out: the first of them named is who moves
            force = _FORCE_WORDS.find(sentence, low)
            if force < 0 or people < force:
                move = "evacuation"
    if move == "deployment" and _FORCE_WORDS.find(sentence, low) < 0:
        move = None  # a leader flying to a summit deploys nothing
        if not others:
            return []
    if move is None and not others:  # a trigger fired: it was the presence of a base, alone
        return [_classify(sentence, low, starts) or "base_presence"]
    return (([move] if move else []) + others)[:3]


def classify(sentence: str, low: str | None = None) -> str | None:
    low = caseless.lowered(sentence) if low is None else low
    return _classify(sentence, low, _trigger_starts(sentence, low))


def _classify(sentence: str, low: str | None, starts: dict[str, int]) -> str | None:
    """``classify`` given where each type's trigger first matches (``_trigger_starts``)."""
    for etype, _ in TRIGGERS:
        if etype in starts:
            if etype == "base_presence" and _SPEECH.find(sentence, low) >= 0 and _FUTURE_OF_BASE.find(sentence, low) >= 0:
                return "statement"
            return etype
    return None


def _status(sentence: str, etype: str, when: date | None, published: date | None, low: str | None = None) -> str:
    firsts = _STATUS_FIRSTS.firsts(sentence) if low is None else _STATUS_FIRSTS_TWIN.firsts(low)
    said = {status for k, status in enumerate(_STATUS_WORDS) if k in firsts}
    if "denied" in said:
        return "denied"
    if "planned" in said:
        return "planned"
    if when and published and (published - when).days > 365:
        return "historical"
    if "ongoing" in said:
        return "ongoing"
    if etype in ("withdrawal", "evacuation", "ship_movement", "air_transport", "deployment") and "completed" in said:
        return "completed"
    return "reported"


# ---- roles of places ---------------------------------------------------------------------------

def _role(tail: str) -> str:
    """The role the words before a mention (``tail``) give it: the cue nearest the mention wins."""
    low = caseless.lowered(tail)  # the cues' twins read it when they may (the same offsets)
    clause_break, origin_words, dest_words = (_CLAUSE_BREAK, _ORIGIN_WORDS, _DEST_WORDS) if low is None else _ROLE_CUES_TWINS
    words = tail if low is None else low
    if clause_break.search(words):
        return "location"  # any cue sits in (or before) another clause: looked for first, it settles it
    o = [x.start() for x in origin_words.finditer(words)]
    d = [x.start() for x in dest_words.finditer(words)]
    if d and "to " in tail:
        infinitive = _INFINITIVE_TO.search(tail)
        if infinitive and infinitive.start() in d:
            d.remove(infinitive.start())
    if not (o or d):
        return "location"
    return "destination" if d and (not o or d[-1] > o[-1]) else "origin"


def _roles(text: str, s_start: int, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Each place mention of one sentence with its role: origin, destination or location.

    The cue nearest the mention wins ("left for Moscow" is a destination), looking back at most eight
    words and never across a relative clause ("..., which Assad handed over to Moscow" is no movement).
    """
    out: list[tuple[Mention, str]] = []
    prev_end = s_start
    for m in mentions:
        between = text[prev_end:m.start]
        # the last eight words before the mention (rsplit: a long stretch before it is not cut into words)
        role = _role(" ".join(between.rsplit(None, 8)[-8:]))
        # "from its base at A or its port at B", "out of A and B": a place coordinated with an origin is one too
        if role == "location" and out and out[-1][1] == "origin" and _COORDINATED.match(between):
            role = "origin"
        out.append((m, role))
        prev_end = m.end
    return out


def _adjectival(text: str, m: Mention) -> bool:
    """A place name in an adjective ("Turkish-backed", "Damascus-based"): looked for only after a hyphen."""
    return text.startswith("-", m.end) and _ADJECTIVAL.match(text[m.end:m.end + 12]) is not None


def is_metonym(text: str, m: Mention) -> bool:
    """A capital or country used for its government ("Moscow views", "Moscow's ally", "urged Ankara to close");
    never the subject-looking place of a prepositional phrase ("the evacuation of Aleppo would continue")."""
    if m.place.kind not in ("city", "country", "facility"):
        return False
    after = _METONYM_AFTER.match(text[m.end:m.end + 20])
    if after is None and not (text.startswith(" to ", m.end) and _AGENT_OF_INFINITIVE.match(text[m.end:m.end + 40])):
        return False
    # a possessive stays one ("the fate of Russia's presence"); a verb's subject is none after a preposition
    return (after is not None and after.group()[:1] in "'’") or not _PREP_BEFORE.search(text[max(0, m.start - 16):m.start])


def _most_specific(places: list[Place]) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda p: KIND_SPECIFICITY.get(p.kind, 9))


def event_id(article_id: str, etype: str, quote: str, leg: int = 0) -> str:
    h = hashlib.sha1(f"{article_id}|{etype}|{' '.join(quote.split())}|{leg}".encode()).hexdigest()
    return f"ev-{h[:12]}"


def _source(article: Article, quote: str, start: int, end: int) -> Source:
    return Source(
        article_id=article.id, file=article.file, title=article.title, source=article.source, url=article.url,
        published=article.published.isoformat() if article.published else "", quote=quote, start=start, end=end,
    )


MAX_PLACES = 3  # places of one non-movement claim ("900 troops in Syria and 2,500 in Iraq")


def _sentence_date(sdates: list[DateRef], published: date | None, near: int = -1) -> tuple[date | None, date | None, str, str]:
    """The sentence's date nearest the trigger (offset ``near``), else as of publication."""
    if sdates:
        d0 = min(sdates, key=lambda d: abs(d.start - near)) if near >= 0 else sdates[0]
        return d0.date, d0.date_end, d0.precision, d0.text
    if published:
        return published, published, "as_of", ""
    return None, None, "", ""


def _legs(origins: list[Place], dests: list[Place]) -> list[tuple[Place | None, Place | None]]:
    """A journey as legs: "from A to B and then to C" is A->B, B->C; "left A" is A->?."""
    legs: list[tuple[Place | None, Place | None]] = []
    if dests:
        start_pl = origins[0] if origins else None
        for d in dests[:MAX_LEGS]:
            if start_pl is not None and d.id == start_pl.id:
                continue
            legs.append((start_pl, d))
            start_pl = d
    elif origins:  # "left A and B": one leg from each
        seen: set[str] = set()
        for o in origins:
            if o.id not in seen and len(legs) < MAX_PLACES:
                seen.add(o.id)
                legs.append((o, None))
    return legs


_AT = re.compile(r"\b(?:in|at|near|off|over|outside|inside|across|around|into|on|to|from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


_BARE_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or)?\s*$", re.I)
NESTED_KM = 15  # a place this close to a more specific one named for the same claim is the area it lies in


def _claim_places(roles: list[tuple[Mention, str]], text: str, s: int) -> list[Place]:
    """Where a non-movement claim happens: the places in a locative phrase ("in Homs and Hama"), below
    country level when there are any, else the most specific place of the sentence (one)."""
    located = [m for m, _ in roles]
    local = [m for m in located if _AT.search(text[max(s, m.start - 40):m.start])]
    if not local:
        best = _most_specific([m.place for m in located if text[s:m.start].strip() != ""] or [m.place for m in located])
        if best is None:
            return []
        if len(located) == 1:
            return [best]
        # "closed the Bosporus and Dardanelles straits": places of one kind coordinated with it share the claim
        out, at = [best], next(i for i, m in enumerate(located) if m.place is best)
        for step in (-1, 1):
            i = at
            while 0 <= i + step < len(located) and len(out) < MAX_PLACES:
                a, b = (located[i + step], located[i]) if step < 0 else (located[i], located[i + step])
                nxt = located[i + step]
                if nxt.place.kind != best.kind or not _BARE_COORDINATION.match(text[a.end:b.start]):
                    break
                if all(p.id != nxt.place.id for p in out):
                    out.append(nxt.place)
                i += step
        return out
    located = local
    specific = [m.place for m in located if m.place.kind not in ("country", "region", "sea")]
    if specific:
        places = specific
    else:
        places = [m.place for m in located if text[s:m.start].strip() != ""] or [m.place for m in located]
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.id, p)
    places = list(seen.values())
    specs = [KIND_SPECIFICITY.get(p.kind, 9) for p in places]
    if len(places) > 1 and min(specs) < max(specs):  # nested places of one claim: the most specific ("the Kremlin", not "Moscow" too)
        places = [p for p, sp in zip(places, specs, strict=True) if sp < 2 or not any(
            sq < sp and haversine_km(p.lat, p.lon, q.lat, q.lon) <= NESTED_KM for q, sq in zip(places, specs, strict=True))]
    return places[:MAX_PLACES]


def _main_clause_places(text: str, s: int, sent: str, low: str | None, ments: list[Mention]) -> list[Mention]:
    """Drop the places of the closing attribution clause and of appositives, unless nothing else is left."""
    attr = _ATTRIBUTION.search(sent) if low is None else _ATTRIBUTION_TWIN.search(low)
    cut = s + attr.start() if attr else len(text)
    kept = [m for i, m in enumerate(ments)
            if m.start < cut
            and not (i and text.rfind(",", max(s, m.start - 80), m.start) >= 0
                     and _APPOSITIVE.search(text[max(s, m.start - 80):m.start]))]
    return kept or ments


def extract_events(article: Article, mentions: list[Mention], dates: list[DateRef]) -> list[Event]:
    """Events of one article, in text order: one per type a sentence reports, and per place or leg."""
    text = article.text
    events: list[Event] = []
    m_starts = [m.start for m in mentions]
    d_starts = [d.start for d in dates]
    for s, e in sentences(text):
        if excluded_share(article, s, e) > 0.5:
            continue
        # A sentence naming no place is skipped before it is classified; one that reports nothing, before its places
        # are read (most sentences stop at one of these two tests).
        in_sentence = [m for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)] if m.role == LITERAL]
        if not in_sentence:
            continue  # an event the map cannot place is left to the reader
        sent = scan = text[s:e]  # scan: the sentence the lexicons read (low: lower-cased, when its twins may)
        sent_low = low = caseless.lowered(scan)
        starts = _trigger_starts(scan, low)
        types = _classify_all(scan, low, starts)
        if not types:
            continue  # blanking a clause out (below) never adds a trigger
        ments = [m for m in in_sentence if m.end <= e and not _adjectival(text, m)
                 and not is_metonym(text, m) and not is_excluded(article, m.start, m.end)]
        if not ments:
            continue
        why = [(s + w.start(), s + w.end()) for w in (_WHY.finditer(sent) if low is None else _WHY_TWIN.finditer(low))]
        if why:  # the clause blanked out, offsets kept; its places dropped
            ments = [m for m in ments if not any(a <= m.start < b for a, b in why)]
            if not ments:
                continue
            # blanking changes nothing unless a blanked clause holds a trigger of its own
            if any((_TRIGGER_FIRSTS.find(sent[a - s:b - s]) if low is None else _TRIGGER_FIRSTS_TWIN.find(low[a - s:b - s])) >= 0
                   for a, b in why):
                for a, b in why:
                    scan = scan[:a - s] + " " * (b - a) + scan[b - s:]
                low = caseless.lowered(scan)
                starts = _trigger_starts(scan, low)
                types = _classify_all(scan, low, starts)
                if not types:
                    continue
        if len(ments) > 1:
            ments = _main_clause_places(text, s, sent, sent_low, ments)
        sdates = [d for d in dates[bisect_left(d_starts, s):bisect_left(d_starts, e)] if d.end <= e]
        # "since 2012", "for the first time since 2012": when a state began, not when this happened
        since = [d for d in sdates if _SINCE.search(text[max(s, d.start - 12):d.start])]
        sdates = [d for d in sdates if d not in since]
        roles = _roles(text, s, ments)
        origins = [m.place for m, r in roles if r == "origin"]
        dests = [m.place for m, r in roles if r == "destination"]
        actors = actors_in(sent)
        journey = {p.id for p in origins + dests} if any(t in MOVEMENTS for t in types) else set()
        for etype in types:
            trig = starts.get(etype)  # where its trigger is (none for a type read from other cues)
            when, until, precision, date_text = _sentence_date(sdates, article.published, -1 if trig is None else s + trig)
            if etype == "base_presence" and since and article.published:  # "has kept a base there since 2019"
                when, until, precision, date_text = since[0].date, article.published, "range", since[0].text
            status = _status(scan, etype, until or when, article.published, low)
            if etype in MOVEMENTS:
                legs = _legs(origins, dests)
                if not legs:  # "withdrawing from positions in Idlib": the place it leaves; "anchored off X": where it is
                    here = _claim_places(roles, text, s)[:1]
                    legs = [(p, None) for p in here] if etype in ("withdrawal", "evacuation") else [(None, p) for p in here]
            else:
                # the places of this sentence's journey belong to the journey ("...the offensive in Latakia, Hama
                # and Tartus, the Russian military withdrew warships from the base in Tartus": no attack on the base)
                legs = [(None, None, p) for p in _claim_places(roles, text, s) if p.id not in journey or etype == "base_presence"]  # type: ignore[misc]
            for i, leg in enumerate(legs):
                orig, dest = leg[0], leg[1]
                place = leg[2] if len(leg) == 3 else (dest or orig)
                conf = 0.45
                conf += 0.15 if place and KIND_SPECIFICITY.get(place.kind, 9) <= 2 else 0
                conf += 0.1 if sdates else 0
                conf += 0.15 if orig and dest else 0
                conf += 0.05 if actors else 0
                conf -= 0.1 if len(types) > 1 else 0
                events.append(Event(
                    id=event_id(article.id, etype, sent, i), type=etype, status=status, date=when, date_end=until,
                    date_precision=precision, place=place, origin=orig if etype in MOVEMENTS else None,
                    destination=dest if etype in MOVEMENTS else None, actors=actors, quote=sent,
                    start=s, end=e, confidence=max(0.2, min(conf, 0.95)), article_id=article.id, date_text=date_text,
                    sources=[_source(article, sent, s, e)],
                ))
    return events


# ---- merging reports of one event --------------------------------------------------------------

def _pid(p: Place | None) -> str:
    return p.id if p else ""


def _close(a: Event, b: Event, days: int = 1) -> bool:
    if a.date is None or b.date is None:
        return a.date is b.date
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    return a.date - timedelta(days=days) <= b_end and b.date - timedelta(days=days) <= a_end


_WORD = re.compile(r"[a-z]{4,}")


def _similar(a: str, b: str, threshold: float = 0.3) -> bool:
    """Two sentences of one article that repeat a claim share many of their longer words."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= threshold


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (type, place, origin, destination, overlapping dates), with every source kept."""
    merged: list[Event] = []
    index: dict[tuple[str, str, str, str], list[Event]] = {}
    for ev in sorted(events, key=lambda x: -x.confidence):
        key = (ev.type, _pid(ev.place), _pid(ev.origin), _pid(ev.destination))
        twin = next((m for m in index.get(key, []) if _close(m, ev)
                     and (m.article_id != ev.article_id or _similar(m.quote, ev.quote))), None)
        if twin is None:
            copy = Event(**{**ev.__dict__, "sources": list(ev.sources)})
            merged.append(copy)
            index.setdefault(key, []).append(copy)
        else:
            twin.sources.extend(ev.sources)
            if ev.article_id != twin.article_id:
                twin.confidence = min(0.99, twin.confidence + 0.1)  # corroborated by another article
    merged.sort(key=lambda x: (x.date or date.min, x.article_id, x.start))
    return merged
