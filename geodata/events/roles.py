"""Roles of a sentence's places: origin, destination or location; metonyms and adjectival names; the places a
claim happens at."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from geodata import caseless
from geodata.events.lexicon import (
    _ADJECTIVAL,
    _AGENT_OF_INFINITIVE,
    _APPOSITIVE,
    _AT,
    _ATTRIBUTION,
    _ATTRIBUTION_TWIN,
    _BARE_COORDINATION,
    _CLAUSE_BREAK,
    _CONTRAST,
    _COORDINATED,
    _DEST_WORDS,
    _INFINITIVE_TO,
    _METONYM_AFTER,
    _METONYM_OBJECT,
    _ORIGIN_WORDS,
    _PREP_BEFORE,
    _PREP_LIST_BEFORE,
    _RELATIVE_CLAUSE,
    _ROLE_CUES_TWINS,
    _SAID_AT,
    _TITLE_FOR,
    ACTOR_COUNTRY,
    actors_in,
    doer,
)
from geodata.gazetteer import haversine_km
from geodata.models import LITERAL, Mention, Place
from geodata.vocabulary import INSTALLATION_KINDS, KIND_SPECIFICITY

# A cue, then a noun phrase chained by locative prepositions up to the mention: no comma, no verb-like word.
_CHAIN = re.compile(r"\b(?:from|out of|to|towards?|into)\s+(?:(?!\w+(?:ed|ing)\b)[\w'’-]+\s+)*?"
                    r"(?:in|at|of|near)(?:\s+(?!\w+(?:ed|ing)\b)[\w'’-]+){0,4}\s*$", re.I)
# "across the border from X", "40 km from X", "not far from X": where something is, not where it left
_APART_FROM = re.compile(r"\b(?:across the [\w-]+|\d+\s*(?:km|kilomet(?:er|re)s?|miles?)|far|away|distance|short drive|"
                         r"(?:north|south|east|west)(?:east|west)?)\s+$", re.I)
# "according to", "due to", "next to": a "to" that names no goal
_NO_GOAL = re.compile(r"\baccording\s+$", re.I)
# A "to" after a noun or an adjective that names no journey ("threats to B", "access to B", "close to B").
_TO_NO_GOAL = re.compile(r"\b(?:threats?|risks?|dangers?|damage|harm|access|ties|links?|relations|support|aid|assistance|"
                         r"loyal(?:ty)?|allegiance|next|close|due|thanks|owing|prior|similar|contrary|addition)\s+to\s+"
                         r"(?:the\s+)?$", re.I)
# Where the sources of a report are ("according to several sources in A"): not where it happened
_SOURCES_IN = re.compile(r"\baccording to\s+(?:(?:[\w'’-]+\s+){0,4}?(?:in|at|from)\s+)?(?:the\s+)?$", re.I)
_JOINED = re.compile(r"^\s*,?\s*(?:and|or|as well as)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_LISTED = re.compile(r"^\s*,\s*$")
_BETWEEN = re.compile(r"\bbetween\b", re.I)
_VIA = re.compile(r"\bvia\s+(?:the\s+)?$", re.I)
MAX_PLACES = 3  # places of one non-movement claim ("900 troops in Syria and 2,500 in Iraq")
NESTED_KM = 15  # a place this close to a more specific one named for the same claim is the area it lies in


def _role(tail: str) -> str:
    """The role the words before a mention (``tail``) give it: the cue nearest the mention wins."""
    low = caseless.lowered(tail)  # the cues' twins read it when they may (the same offsets)
    clause_break, origin_words, dest_words, contrast = (
        (_CLAUSE_BREAK, _ORIGIN_WORDS, _DEST_WORDS, _CONTRAST) if low is None else _ROLE_CUES_TWINS)
    words = tail if low is None else low
    cut = 0
    for c in contrast.finditer(words):  # only the cues of the mention's own clause count
        cut = c.end()
    if cut:
        words, tail = words[cut:], tail[cut:]
    between = [b.end() for b in _BETWEEN.finditer(words)]  # "tensions between Russia and Ukraine": where, not where to
    if between:
        words, tail = words[between[-1]:], tail[between[-1]:]
    if clause_break.search(words):
        return "location"  # any cue sits in (or before) another clause: looked for first, it settles it
    o = [x.start() for x in origin_words.finditer(words) if not _APART_FROM.search(words, 0, x.start())]
    d = [x.start() for x in dest_words.finditer(words)]
    if d and "to " in tail:
        infinitive = _INFINITIVE_TO.search(tail)
        if infinitive and infinitive.start() in d:
            d.remove(infinitive.start())
    if not (o or d):
        return "location"
    return "destination" if d and (not o or d[-1] > o[-1]) else "origin"


# "the airport", "the base", "the port": an installation the article named shortly before, of a kind the word may mean
_INSTALLATION_WORD = re.compile(r"\b(?:the|that) (air ?base|airport|airfield|naval base|base|port|site|facility|camp)\b"
                                r"(?!['’]s\b)(?! (?:city|town|of|for|to)\b)(?! (?:in|at|near) (?-i:[A-Z]))", re.I)
MILITARY_KINDS = ("air_base", "naval_base", "military_base")  # what "the base" may mean; a named one a presence
_WORD_KINDS = {"airport": ("airport",), "airfield": ("airport", "air_base"), "air base": ("air_base",),
               "airbase": ("air_base",), "naval base": ("naval_base",), "base": MILITARY_KINDS,
               "port": ("port", "naval_base"), "site": tuple(INSTALLATION_KINDS), "facility": tuple(INSTALLATION_KINDS),
               "camp": ("military_base",)}
# the country of those who leave, or are told to ("the U.S. military", "gave France until May to", "asked Russia to")
LEAVER = re.compile(r"\s+(?:(?:military|army|forces?|troops|soldiers|personnel|contingent)\b|(?:until|to|by)\s)", re.I)
ANAPHOR_REACH = 800  # characters back the installation may have been named


def _inside_a_mention(mentions: list[Mention], starts: list[int], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps a mention (``starts``: the mentions' starts; they do not overlap one another, so
    only the last one starting before ``b`` can)."""
    i = bisect_left(starts, b)
    return bool(i) and mentions[i - 1].end > a


def installation_anaphors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for "the airport", "the base", "the port" where the article named such an installation within
    ``ANAPHOR_REACH`` characters before ("A cargo plane was seen taking off from the airport"): the place that
    was named. Words inside a mention ("the Hmeimim air base") are none. Only a journey's ends are read from them
    (the extraction drops them elsewhere)."""
    named = [m for m in mentions if m.role == LITERAL and m.place.kind in INSTALLATION_KINDS]
    out: list[Mention] = []
    if not named:
        return out
    starts = [m.start for m in mentions]
    for a in _INSTALLATION_WORD.finditer(text, named[0].end):
        if _inside_a_mention(mentions, starts, a.start(), a.end()):
            continue
        kinds = _WORD_KINDS[" ".join(a.group(1).lower().split())]
        ante = next((m for m in reversed(named) if m.end <= a.start() and m.place.kind in kinds), None)
        if ante is not None and a.start() - ante.end <= ANAPHOR_REACH:
            out.append(Mention(text=a.group(), start=a.start(), end=a.end(), place=ante.place,
                               confidence=ante.confidence, role=LITERAL))
    return out


# An installation left unnamed, then the town it stands in ("departed from the air base in the port city of X",
# "a drone base near the desert town of Y"): the words before the town.
_UNNAMED_AT = re.compile(r"\b(air ?base|airport|airfield|naval base|base|port)\s+(?:in|at|near|outside)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,4}?(?:of\s+)?\Z", re.I)
UNNAMED_KM = 30  # how far from the town the installation the article names may stand


def unnamed_installations(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a town after an unnamed installation ("Russia's air base in the Syrian port city of X") made
    the installation of that kind the article names (before or after) within ``UNNAMED_KM`` of the town: the claim
    and the journey's end are the installation's, not the town's."""
    named = [m for m in mentions if m.role == LITERAL and m.place.kind in INSTALLATION_KINDS]
    if not named:
        return mentions
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.role != LITERAL or m.place.kind != "city":
            continue
        w = _UNNAMED_AT.search(text, max(0, m.start - 60), m.start)
        if w is None:
            continue
        kinds = _WORD_KINDS[" ".join(w.group(1).lower().split())]
        site = min((n for n in named if n.place.kind in kinds), default=None,
                   key=lambda n: haversine_km(m.place.lat, m.place.lon, n.place.lat, n.place.lon))
        if site is not None and haversine_km(m.place.lat, m.place.lon, site.place.lat, site.place.lon) <= UNNAMED_KM:
            out[i] = Mention(text=m.text, start=m.start, end=m.end, place=site.place, confidence=m.confidence, role=LITERAL)
    return out


# "the country", "the West African nation", "this Central African country": a country the article named before
_COUNTRY_HEAD = re.compile(r"\b(?:country|nation)\b")  # found first: the phrase is read back from it
_COUNTRY_WORD = re.compile(r"\b[Tt](?:he|his) (?:(?:[A-Z][\w-]+|war-torn|landlocked|oil-rich|coastal|neighbou?ring) ){0,3}"
                           r"(?:country|nation)\Z")
_COUNTRY_NOT_AFTER = re.compile(r"['’]s? (?:(?:own|first|largest|biggest|only) )?(?:capital|borders?)\b")
LEAVE_VERBS = r"(?:from|out of|leave|left|leaving|quit)"  # before "the country": left to ``extract._the_country``
_LEAVES_THE_COUNTRY = re.compile(r"\b" + LEAVE_VERBS + r"\s+$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\s")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|into|to|from|across|inside|within|throughout|of)\s+(?:the\s+)?$", re.I)
COUNTRY_REACH = 1500  # characters back "the country" may have been named


def places_per_country(mentions: list[Mention], before: int) -> dict[str, int]:
    """How many places the article names as locations, per country code, in mentions ending by offset ``before``
    (in the order the countries are first reached): the country the article is about is the one counted most."""
    told: dict[str, int] = {}
    for m in mentions:
        if m.end > before:
            break
        if m.role == LITERAL and m.place.country_code:
            told[m.place.country_code] = told.get(m.place.country_code, 0) + 1
    return told


def country_anaphors(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions for "the country", "the West African nation" (and "the country's north", made a part of it by the
    caller): the country the phrase stands for. In its own sentence, a country named before it as an owner
    ("Niger's junta ordered the U.S. to withdraw from the country") or as a place ("Putin's trip to Syria comes as
    Assad's forces retook most of the country"); never one that is the subject ("France had 1,000 troops in the
    Central African country"). Else, of the countries named as places within ``COUNTRY_REACH`` before it, the one
    the article has named most so far, its parts ("northeast Syria") counted (the last named of those tied).
    "from the country" after a leaving verb is left to the extraction's own reading (``_the_country``)."""
    out: list[Mention] = []
    if "country" not in text and "nation" not in text:
        return out
    countries = [m for m in mentions if m.place.kind == "country" and m.role in (LITERAL, "metonym")]
    if not countries:
        return out
    places = {m.place.country_code: m for m in countries}  # a country the article names, as a place to point at
    parts = [m for m in mentions if m.role == LITERAL and m.place.id.startswith("cc:")]
    starts = [m.start for m in mentions]
    country_ends = [m.end for m in countries]
    k = 0
    for h in _COUNTRY_HEAD.finditer(text, countries[0].end):
        a = _COUNTRY_WORD.search(text, max(countries[0].end, h.start() - 80), h.end())
        if a is None or _COUNTRY_NOT_AFTER.match(text, h.end()):
            continue
        if _inside_a_mention(mentions, starts, a.start(), a.end()):
            continue
        if _LEAVES_THE_COUNTRY.search(text, max(0, a.start() - 12), a.start()):
            continue
        while k < len(spans) and spans[k][1] <= a.start():
            k += 1
        s = spans[k][0] if k < len(spans) else a.start()
        before = countries[:bisect_right(country_ends, a.start())]
        own = [m for m in before if m.start >= s and (_POSSESSIVE.match(text, m.end)
                                                      or _LOCATIVE_BEFORE.search(text, max(s, m.start - 12), m.start))]
        if not own:  # a country the sentence names that is not the doer's own ("Senegal asked France to close its
            # bases in the country"), nor told to leave
            doers = doer(text[s:a.start()], a.start() - s, actors_in(text[s:a.start()]))
            home = {ACTOR_COUNTRY.get(d, "") for d in doers}
            own = [m for m in before if m.start >= s and m.place.country_code not in home and not LEAVER.match(text, m.end)]
        if own:
            ante = own[-1]
        else:
            told = places_per_country(mentions, a.start())
            near: dict[str, int] = {}  # the countries named as places (or their parts) within reach, and where last
            for m in parts:
                if m.end > a.start():
                    break
                if m.start < s and a.start() - m.end <= COUNTRY_REACH and not LEAVER.match(text, m.end):
                    near[m.place.country_code] = m.start
            best = max(near, key=lambda c: (told.get(c, 0), near[c]), default=None)
            ante = places.get(best) if best else None
        if ante is not None:
            out.append(Mention(text=a.group(), start=a.start(), end=a.end(), place=ante.place,
                               confidence=ante.confidence * 0.9, role=LITERAL))
    return out


# "the town", "the strategic town", "the city's outskirts": the town or city named shortly before ("the town of X"
# names its own)
_TOWN_HEAD = re.compile(r"\b(?:town|city|village|capital)\b")
_TOWN_WORD = re.compile(r"\b[Tt]he (?:[a-z-]+ )?(?P<w>town|city|village|capital)\Z")
_TOWN_NOT_AFTER = re.compile(r" of\b| (?:in|at|near) |,? (?:city )?[A-Z]")
TOWN_REACH = 600  # characters back the town may have been named


def town_anaphors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for "the town", "the strategic city": the town or city last named as a place before it, within
    ``TOWN_REACH`` characters ("... reached Kidal. The army battled rebels to take control of the town"); for "the
    capital", the capital of the country the article has named most places of so far, when named before, however far
    ("RSF fighters entered the capital": Khartoum)."""
    from geodata.resolve import CAPITALS

    out: list[Mention] = []
    if not any(w in text for w in ("town", "city", "village", "capital")):
        return out
    towns = [m for m in mentions if m.role == LITERAL and m.place.kind == "city"]
    if not towns:
        return out
    starts = [m.start for m in mentions]
    for h in _TOWN_HEAD.finditer(text, towns[0].end):
        a = _TOWN_WORD.search(text, max(towns[0].end, h.start() - 40), h.end())
        if a is None or _TOWN_NOT_AFTER.match(text, h.end()):
            continue
        if _inside_a_mention(mentions, starts, a.start(), a.end()):
            continue
        capital = a.group("w") == "capital"
        home = ""
        if capital:  # the capital of the country the article names most so far ("the capital": N'Djamena, not Paris)
            told = places_per_country(mentions, a.start())
            home = max(told, key=lambda c: told[c], default="")
        ante = next((m for m in reversed(towns) if m.end <= a.start()
                     and (not capital or (m.place.country_code == home and (home, m.place.name) in CAPITALS))), None)
        if ante is not None and (capital or a.start() - ante.end <= TOWN_REACH):
            out.append(Mention(text=a.group(), start=a.start(), end=a.end(), place=ante.place,
                               confidence=ante.confidence * 0.9, role=LITERAL))
    return out


# "there" after a verb of arriving or being somewhere ("Several hundred troops have already arrived there").
_THERE = re.compile(r"\b(?:arriv\w*|deploy\w*|station\w*|based|sent|moved|flown|flew|shipped|redeploy\w*|landed|"
                    r"docked|gathered|massed|headed|went|gone|returned|transferred|relocated|reinforced|remain\w*|stay\w*)"
                    r"\s+(?:[a-z]+ly\s+|back\s+)?(?P<w>there)\b")


def there_anaphors(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions for "there" after a verb of arriving or staying ("... evacuation at the Tartus port. Several hundred
    special forces have already arrived there"): the place last named as a location before it, in its sentence or
    the one before."""
    out: list[Mention] = []
    if "there" not in text:
        return out
    starts = [m.start for m in mentions]
    sent_starts = [s for s, _ in spans]
    for t in _THERE.finditer(text):
        a = t.start("w")
        k = bisect_left(sent_starts, a + 1) - 1  # the sentence "there" is in
        if k < 0:
            continue
        lo = spans[k - 1][0] if k else spans[k][0]
        ante = next((m for m in reversed(mentions[bisect_left(starts, lo):bisect_left(starts, a)])
                     if m.role == LITERAL and not _adjectival(text, m) and not is_metonym(text, m)), None)
        if ante is not None:
            out.append(Mention(text="there", start=a, end=a + 5, place=ante.place,
                               confidence=ante.confidence * 0.9, role=LITERAL))
    return out


def parallel(text: str, a: Mention, b: Mention) -> bool:
    """Whether destination ``b`` is the end of another journey than ``a``'s, not the next leg after it
    ("part will move to A while others return to B")."""
    return _CONTRAST.search(text, a.end, b.start) is not None


# A list naming places inside the destination before it ("to airports in Russia, including A, B and C").
_INCLUDING = re.compile(r"^[\s,]*(?:including|such as|notably|namely|among them|in particular)\b|^\s*,?\s*(?:(?:and|or)\s+)?$", re.I)
WIDE_KINDS = ("country", "region", "admin1", "admin2")  # places with other places inside them


def narrowed(text: str, dest_ms: list[Mention]) -> tuple[list[Mention], frozenset[int]]:
    """The destinations with a wide one replaced by the places listed inside it, each the end of a journey of its
    own ("fly from A to airports in Russia, including B and C": A->B, A->C, not A->Russia->B->C); the indexes of
    the ends reached in parallel (``_legs``' ``apart``)."""
    out: list[Mention] = []
    apart: set[int] = set()
    wide: Mention | None = None
    for m in dest_ms:
        if (wide is not None and out and m.place.country_code == wide.place.country_code and m.place.kind not in WIDE_KINDS
                and _INCLUDING.match(text[out[-1].end:m.start])):
            if out[-1] is wide:
                out[-1] = m
            else:
                apart.add(len(out))
                out.append(m)
            continue
        wide = m if m.place.kind in WIDE_KINDS else None
        if out and (parallel(text, out[-1], m) or _INCLUDING.match(text[out[-1].end:m.start])):
            apart.add(len(out))  # "while others return to B"; "to A and B": each another journey's end
        out.append(m)
    return out, frozenset(apart)


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
        if role != "location" and _CLAUSE_BREAK.search(" ".join(between.rsplit(None, 24)[-24:])):
            role = "location"  # "..., which is 8 km from the border and sends gas into B": B is no journey's end
        if role == "location":  # "from Russia's air base in the Syrian port city of Latakia": a longer locative chain
            chain = _CHAIN.search(" ".join(between.rsplit(None, 16)[-16:]))
            role = _role(chain.group()) if chain and not _NO_GOAL.search(chain.string, 0, chain.start()) else role
        # "to airports in Russia, including A, B and C": places listed inside a destination are destinations too
        if (role == "location" and out and out[-1][1] == "destination" and m.place.kind not in WIDE_KINDS
                and m.place.country_code == out[-1][0].place.country_code and _INCLUDING.match(between)):
            role = "destination"
        if role == "destination" and _TO_NO_GOAL.search(between[-60:]):
            role = "location"  # "relocating to A in the face of threats to B": B is where the threat is
        if _VIA.search(between):  # "left A via B": B is where the first leg ends
            role = "via"
        # "from its base at A or its port at B", "out of A and B": a place coordinated with an origin is one too
        if role == "location" and out and out[-1][1] == "origin" and (_COORDINATED.match(between) or (
                m.place.kind == out[-1][0].place.kind and m.place.id != out[-1][0].place.id
                and _BARE_COORDINATION.match(between))):  # "from Austria, Bulgaria and Slovakia"
            role = "origin"
        # "deployed to Poland, Romania and Germany": a place listed beside a destination of its kind is one too
        if (role == "location" and out and out[-1][1] == "destination" and m.place.kind == out[-1][0].place.kind
                and m.place.id != out[-1][0].place.id and _BARE_COORDINATION.match(between)):
            role = "destination"
        out.append((m, role))
        prev_end = m.end
    return out


def _adjectival(text: str, m: Mention) -> bool:
    """A place name in an adjective ("Turkish-backed", "Damascus-based"): looked for only after a hyphen."""
    return text.startswith("-", m.end) and _ADJECTIVAL.match(text[m.end:m.end + 12]) is not None


def is_metonym(text: str, m: Mention) -> bool:
    """A capital or country used for its government ("Moscow views", "Moscow's ally", "urged Ankara to close");
    never the subject-looking place of a prepositional phrase ("the evacuation of Aleppo would continue")."""
    if m.place.kind not in ("city", "country", "facility") or m.text == "there":  # an adverb stands for no government
        return False
    after = _METONYM_AFTER.match(text[m.end:m.end + 48])
    if after is None and not (text.startswith(" to ", m.end) and _AGENT_OF_INFINITIVE.match(text[m.end:m.end + 40])):
        return _METONYM_OBJECT.search(text, max(0, m.start - 16), m.start) is not None  # "surprised Moscow"
    # a possessive stays one ("the fate of Russia's presence"); a verb's subject is none after a preposition
    return (after is not None and after.group()[:1] in "'’") or not (
        _PREP_BEFORE.search(text[max(0, m.start - 16):m.start]) or _PREP_LIST_BEFORE.search(text[max(0, m.start - 80):m.start]))


def _most_specific(places: list[Place]) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda p: KIND_SPECIFICITY.get(p.kind, 9))


def _band(kind: str) -> int:
    """Places that may share one claim when coordinated: countries; regions and seas; the rest (towns, provinces,
    districts, installations: "strikes hit Tyre and Nabatieh", the one a town, the other read as its province)."""
    return 0 if kind == "country" else 1 if kind in ("region", "sea") else 2


# Between an installation and the town or province it stands in ("the Bagram air base near Kabul", "Air Base 101 at
# the airport of Niamey", "the Ramstein base in the German state of Rhineland-Palatinate").
_SITED = re.compile(r"\s*,?\s*(?:at|in|near|outside|close to)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+)?", re.I)
SITE_KINDS = ("city", "admin1", "admin2")  # where an installation stands (a country or a region may be the claim's)


def _unsited(text: str, located: list[Mention]) -> list[Mention]:
    """The places without those that only say where the installation named just before them stands (the claim is
    the installation's), and the wider ones saying where that place lies ("Air Base 201, near Agadez in central
    Niger")."""
    out: list[Mention] = []
    site: Mention | None = None  # the installation, or the last place said to be where it stands
    for m in located:
        if (site is not None and (m.place.kind in SITE_KINDS or (site.place.kind not in INSTALLATION_KINDS
                                                                and m.place.kind == "region"))
                and _SITED.fullmatch(text, site.end, m.start) is not None):
            site = m
            continue
        out.append(m)
        site = m if m.place.kind in INSTALLATION_KINDS else None
    return out or located


def _claim_places(roles: list[tuple[Mention, str]], text: str, s: int) -> list[Place]:
    """Where a non-movement claim happens: the places in a locative phrase ("in Homs and Hama"), below
    country level when there are any, else the most specific place of the sentence (one)."""
    located = [m for m, _ in roles]
    if len(located) > 1 and text.find(", wh", s, located[-1].start) >= 0:
        # a place in a relative clause (", which had travelled from Bamako,") is background to the claim
        aside = [(s + r.start(), s + r.end()) for r in _RELATIVE_CLAUSE.finditer(text[s:located[-1].end + 200])]
        located = [m for m in located if not any(a <= m.start < b for a, b in aside)] or located
    located = _unsited(text, located)
    local = [m for m in located if _AT.search(text[max(s, m.start - 40):m.start])]
    for i in range(1, len(located)):  # "a lease of the A air base and the B naval base": B shares A's phrase
        gap = text[located[i - 1].end:located[i].start]
        if located[i - 1] in local and located[i] not in local and (_JOINED.match(gap) or (
                # "in A, B and C": a comma joins places of one kind ("Prizren, Kosovo" is where Prizren is)
                _LISTED.match(gap) and located[i].place.kind == located[i - 1].place.kind)):
            local.insert(local.index(located[i - 1]) + 1, located[i])
    if not local:
        best = _most_specific([m.place for m in located if text[s:m.start].strip() != ""] or [m.place for m in located])
        if best is None:
            return []
        if len(located) == 1:
            return [best]
        # "closed the Bosporus and Dardanelles straits": places of one band coordinated with it share the claim
        out, at = [best], next(i for i, m in enumerate(located) if m.place is best)
        for step in (-1, 1):
            i = at
            while 0 <= i + step < len(located) and len(out) < MAX_PLACES:
                a, b = (located[i + step], located[i]) if step < 0 else (located[i], located[i + step])
                nxt = located[i + step]
                if _band(nxt.place.kind) != _band(best.kind) or not _BARE_COORDINATION.match(text[a.end:b.start]):
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


_OUTSIDE = re.compile(r"\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)
_BORDER_WITH = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$", re.I)


def _main_clause_places(text: str, s: int, sent: str, low: str | None, ments: list[Mention]) -> list[Mention]:
    """Drop the places of the closing attribution clause and of appositives, unless nothing else is left; the place a
    report was made at ("told reporters in Bamako") always."""
    ments = [m for m in ments if not _SAID_AT.search(text, max(s, m.start - 60), m.start)]
    # "the base in X is the largest facility outside the country": where the claim is not ("outside Damascus", a
    # town's outskirts, is)
    ments = [m for m in ments if not (m.place.kind in WIDE_KINDS and _OUTSIDE.search(text, max(s, m.start - 24), m.start))
             ] or ments
    if "border" in sent:  # "restored control over the border with Iraq": the border, not Iraq
        ments = [m for m in ments if not _BORDER_WITH.search(text, max(s, m.start - 20), m.start)] or ments
    attr = _ATTRIBUTION.search(sent) if low is None else _ATTRIBUTION_TWIN.search(low)
    cut = s + attr.start() if attr else len(text)
    kept = [m for i, m in enumerate(ments)
            if m.start < cut
            and not _SOURCES_IN.search(text, max(s, m.start - 60), m.start)
            and not _TITLE_FOR.search(text, max(s, m.start - 40), m.start)
            and not (i and text.rfind(",", max(s, m.start - 80), m.start) >= 0
                     and _APPOSITIVE.search(text[max(s, m.start - 80):m.start]))]
    return kept or ments

