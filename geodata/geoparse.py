"""Toponym recognition and resolution: text -> place mentions with character offsets.

Recognition looks up capitalised token n-grams (longest first) in the gazetteer's name index,
then a transliteration skeleton for spelling variants, reads feature words beside a name
("Qamishli airport", "port of Tartus", "Idlib province") and drops what is not a place (acronyms,
people, metonyms, common words). ``geodata.resolve`` then picks one candidate per name.
"""

from __future__ import annotations

import calendar
import re
import string
from collections.abc import Iterable
from pathlib import Path

from geodata import caseless
from geodata.gazetteer.index import Gazetteer
from geodata.gazetteer.normalize import ARTICLES, normalize, strip_article
from geodata.models import Mention, Place
from geodata.resolve import FEATURE_KINDS, Span, context, demonym_countries, descriptive_region, own_keys, resolve

MAX_TEXT_CHARS = 5_000_000  # longer input is cut here (callers are told via len of the result, never a crash)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['’‘`ʼ]\w+)*")  # "U.S." is one token
_POSSESSIVES = ("'s", "’s")  # cut off a token: "Syria's" is read as "Syria"
# Tokens allowed in lower case inside a multi-word name ("Gulf of Aden", "Deir ez-Zor").
_CONNECTORS = frozenset(
    "of the de la le du des del da do dos al el ez ash ad as an ar at az ech es et sur am im der bin ibn abu and on upon "
    "au aux en les di della y e von van den ter"
    .split()
)
# Matched from the end of a name (``pos``) to 40 characters on (``endpos``); its twin on the lower-cased text. The
# no-break space is written as itself: a twin refuses character codes.
_FEATURE_AFTER = re.compile(
    "[ \t\u00a0]*[-‐]?[ \t\u00a0]*" r"(?P<f>(?:naval|navy)\s+(?:base|facility|station|port)|air\s*base|air\s+field|airfield"
    r"|airport|military\s+(?:base|airfield|airport|facility)|base|port|harbou?r|province|governorate|region|oblast|state)\b",
    re.I,
)
_FEATURE_AFTER_TWIN = caseless.twin(_FEATURE_AFTER)
_FEATURE_BEFORE = re.compile(
    r"(?P<f>(?:naval|navy)\s+(?:base|facility)|air\s*base|airfield|airport|military\s+base|base|port|harbou?r|"
    r"province|governorate|state(?=\s+of\b)|city|town)\s+(?:of|in|at|near)\s+$",  # "the state of", not "State in"
    re.I,
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|in|inside|to|into|from|near|outside|visited|visit|visiting|around|between|towards?|"
                              r"through|via|across|outskirts\s+of|siege\s+of)\s+(?:the\s+)?$", re.I)
_FEATURE_BEFORE_TWIN = caseless.twin(_FEATURE_BEFORE)  # for lower-cased text: same matches, faster
_LOCATIVE_BEFORE_TWIN = caseless.twin(_LOCATIVE_BEFORE)
# Either ends the window it is looked for in, and holds at most this many words: a feature word of two and its
# preposition ("naval base of"), a locative and "the". Only the window's last words are searched.
_CUE_WORDS = 3
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”\n]\s*|\n\s*)$")

def _feature_class(word: str) -> str:
    w = " ".join(word.lower().split())
    if w.startswith(("naval", "navy")):
        return "naval"
    if "air" in w and "airport" not in w or w == "airfield" or "military" in w and "air" in w:
        return "air"
    if w == "airport":
        return "airport"
    if w in ("port", "harbor", "harbour"):
        return "port"
    if w in ("province", "governorate", "region", "oblast"):
        return "admin1"
    if w in ("city", "town"):
        return "city"
    if w == "state":
        return "state"  # a first-level unit, unless the name is a country's (see _match)
    return "base"


def _load_common_words(name: str = "common_words.txt") -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "gazetteer" / name
    try:
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    except OSError:
        return frozenset()


COMMON_WORDS = _load_common_words()
ENGLISH_WORDS = _load_common_words("english_words.txt")


# The next token of a name, group 1, read from the end of the one before: only spaces or hyphens may separate them
# (never a comma or full stop). One new line may end the gap: the full match of the gap this replaces ended in
# ``$``, which also matches before a final new line, and the names found stay the same.
_NEXT_TOKEN = re.compile(r"[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*\n?(" + _TOKEN.pattern + ")")
# A token starting with a capital (or any letter beyond ASCII), exactly as ``_TOKEN.finditer`` over the whole text
# would read it: it starts at a letter with no word character (or word character and apostrophe) before it, and
# runs as ``_TOKEN`` does ("U.S." whole). Only such tokens start a name, so the text is not cut into its thousand
# tokens: the few after each are read as a name runs on. The pattern opens with a character class, which re skips
# to at C speed: capitals and any character beyond ASCII (two ranges, tested twice as fast as the categories of
# "[^\W\d_a-z]"), the latter then checked to be a letter by a look-behind. It also reads the token after it (group
# 1, as ``_NEXT_TOKEN`` would; None when a mark comes first), in a look-ahead: that one is still read as a token of
# its own, and a name runs on without a second search.
_CAP_TOKEN = re.compile(r"[A-Z\x80-\U0010ffff](?<![\W\d_])(?<!\w\w)(?<!\w['’‘`ʼ]\w)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:['’‘`ʼ]\w+)*)"
                        f"(?:(?={_NEXT_TOKEN.pattern})|)")
# A French elided article before a capitalised word reads as capitalised: "Côte d'Ivoire", "Val d'Isère".
_ELIDED_CAP = re.compile(r"[dlDL]['’‘`ʼ][^\W\d_a-z]")


_NOT_FUZZY = _CONNECTORS | ENGLISH_WORDS | COMMON_WORDS


def _fuzzy_allowed(norms: list[str]) -> bool:
    """Spelling-variant lookup only for capitalised names that are not English words or given names.

    ``norms``: the normalised tokens of a candidate name, each capitalised or a connector (``_name_at``
    builds no other); one of them must be a word that is neither a connector nor common.
    """
    return any(n not in _NOT_FUZZY for n in norms)


def _match(text: str, low: str | None, gaz: Gazetteer, key: str, start: int, end: int, fuzzy: bool) -> Span | None:
    """The span for ``key`` at [start, end) if the gazetteer knows it (with a feature word after it, if any).

    ``low``: ``caseless.lowered(text)``, for the feature word's twin pattern (None: the ``re.I`` one on ``text``)."""
    if fuzzy:
        cands = gaz.fuzzy_candidates(key)
        if not cands:
            return None  # a feature word after it would only steer the resolution of candidates
    else:
        cands = gaz.candidates(key) if key in gaz.names else []  # most keys tried are no name: no list built
    fm = _FEATURE_AFTER.match(text, end, end + 40) if low is None else _FEATURE_AFTER_TWIN.match(low, end, end + 40)
    if fm is None:
        return Span(start, end, key, cands, fuzzy=fuzzy) if cands else None
    fclass = _feature_class(fm.group("f"))
    if fclass == "state" and any(p.kind == "country" for p in cands):
        return Span(start, end, key, cands, fuzzy=fuzzy)  # "Mexico state media", "Syria state TV": the country
    full_cands: list[Place] = []
    feat_cands: list[Place] = []
    if not fuzzy:
        full = f"{key} {normalize(fm.group('f'))}"
        full_cands = gaz.candidates(full) or gaz.candidates(strip_article(full))
        feat_cands = [p for p in gaz.feature_candidates(key) + cands if p.kind in FEATURE_KINDS[fclass]]
    if full_cands or feat_cands:
        # "Cairo airport" is the full name of El Cairo Airport (Bolivia) too: the facilities named after the town
        # stay candidates beside it, and resolution weighs them (context, the town they are named after)
        merged = full_cands + [p for p in feat_cands if p not in full_cands]
        return Span(start, fm.end(), key, merged, fclass)
    if cands:
        return Span(start, end, key, cands, fclass, fuzzy=fuzzy)  # the feature only steers resolution
    return None


def _cues_before(text: str, low: str | None, start: int) -> tuple[str, bool]:
    """What the 60 characters before a name at ``start`` say: the feature class ("the port of") and whether it
    is a locative ("in", "near the", or a feature word). ``low``: ``caseless.lowered(text)``."""
    before = text[max(0, start - 60):start]
    # the lower-cased window, from the lower-cased text when there is one (lower-casing keeps every offset)
    low = caseless.lowered(before) if low is None else low[max(0, start - 60):start]
    # where the last _CUE_WORDS words of the window start (or before): no cue starts before them
    head = (before if low is None else low).rsplit(None, _CUE_WORDS)
    pos = len(head[0]) if len(head) > _CUE_WORDS else 0
    if low is None:
        bm, lm = _FEATURE_BEFORE.search(before, pos), _LOCATIVE_BEFORE.search(before, pos)
    else:
        bm, lm = _FEATURE_BEFORE_TWIN.search(low, pos), _LOCATIVE_BEFORE_TWIN.search(low, pos)
    return (_feature_class(bm.group("f")) if bm else ""), bool(lm or bm)


def _possessive(tok: str) -> bool:
    """"Syria's" ends a name (read as "Syria"); "People's" does not ("People's Republic of China")."""
    return tok.endswith(_POSSESSIVES) and not tok.startswith("People")


def _run(text: str, first: re.Match[str], max_tokens: int) -> tuple[int, list[int], list[bool], list[str]]:
    """The tokens a name starting at the capitalised token ``first`` may take: joined by spaces or hyphens only,
    each capitalised or a connector, at most ``max_tokens``; as (start, each token's end, whether it is
    capitalised, its normalised form). A possessive is cut off a token and ends the name ("Syria's Idlib")."""
    tok, end = first.group(), first.end()
    possessive = _possessive(tok)
    ends = [end - 2 if possessive else end]
    caps = [True]
    norms = [normalize(tok[:-2] if possessive else tok)]  # normalised only where a name may run (lru-cached)
    m: re.Match[str] | None = first  # group 1: the next token (``first`` read the one after it)
    while not possessive and len(ends) < max_tokens:
        if m is None or m.start(1) < 0:
            break  # a comma, full stop or other mark before the next token, or the end of the text
        tok, end = m.group(1), m.end(1)
        possessive = _possessive(tok)
        norm = normalize(tok[:-2] if possessive else tok)
        cap = tok[:1].isupper() or _ELIDED_CAP.match(tok) is not None
        if not (cap or norm in _CONNECTORS):
            break
        ends.append(end - 2 if possessive else end)
        caps.append(cap)
        norms.append(norm)
        m = _NEXT_TOKEN.match(text, end)
    return first.start(), ends, caps, norms


def _name_at(text: str, low: str | None, gaz: Gazetteer, first: re.Match[str]) -> Span | None:
    """The longest gazetteer name starting at the capitalised token ``first`` (a ``_CAP_TOKEN`` match), if any."""
    start, ends, caps, norms = _run(text, first, gaz.max_tokens)
    # Longest first; a multi-word spelling variant ("Tal Rifaat" ~ "Tall Rif'at", at most three words) beats a
    # shorter exact name ("Tal"), and a one-word variant is tried only when no exact name starts here.
    for j in range(len(ends), 0, -1):
        if j > 1 and not caps[j - 1]:
            continue  # a name does not end on a connector
        words = norms[:j]
        key = " ".join(words)
        if not key:
            continue
        found = _match(text, low, gaz, key, start, ends[j - 1], False)
        if found is None and 2 <= j <= 3 and _fuzzy_allowed(words):
            found = _match(text, low, gaz, key, start, ends[j - 1], True)
        if found is not None:
            return found
    if norms[0] and norms[0] not in _NOT_FUZZY:  # _fuzzy_allowed of the one word, asked of most capitalised words
        return _match(text, low, gaz, norms[0], start, ends[0], True)
    return None


def recognise(text: str, gaz: Gazetteer) -> list[Span]:
    """Candidate spans: the longest gazetteer name starting at each capitalised token."""
    text = text[:MAX_TEXT_CHARS]
    low = caseless.lowered(text)
    spans: list[Span] = []
    resume = 0  # where the last name found ends: no name starts inside it
    for m in _CAP_TOKEN.finditer(text):
        start = m.start()
        if start < resume or not text[start].isupper():
            continue  # inside the last name, or a letter without case (or lower case beyond ASCII)
        found = _name_at(text, low, gaz, m)
        if found is None:
            continue
        feature, locative = _cues_before(text, low, found.start)
        if feature and not found.feature:
            found.feature = feature
        found.locative = locative
        spans.append(found)
        resume = found.end
    return spans


_CAP_WORD_AFTER = re.compile(
    r"^ (?!(?:City|Province|Governorate|District|Region|County|Oblast|Port|Airport|Air|Base|Airbase|Harbou?r|Bay|Strait|"
    r"River|Valley|Mountains?|Island|Islands|Peninsula|Desert|Plain|Lake|Sea|Gulf|Coast|Border|Crossing|Camp|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|And|Or)\b)[A-Z][a-z]"
)
_CAP_WORD_BEFORE = re.compile(r"[A-Z][A-Za-z]* $")
_ASCII_LETTERS = frozenset(string.ascii_letters)


_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern greater upper lower inner outer downtown metro old new "
    "in at to from of near for and or the a an".split()
)


def _name_before(span: Span, text: str) -> bool:
    """A capitalised word (not a direction or qualifier) directly before: "John Kerry", "CNN Turk"."""
    # _CAP_WORD_BEFORE ends in a letter and one space (its "$" also allows a new line after them): most names
    # follow none, and need no search
    end = span.start - 1 if text.startswith("\n", span.start - 1) else span.start
    if end < 2 or text[end - 1] != " " or text[end - 2] not in _ASCII_LETTERS:
        return False
    before = text[max(0, span.start - 25):span.start]
    m = _CAP_WORD_BEFORE.search(before)
    if not m or m.group().strip().lower() in _QUALIFIERS:
        return False
    return not _SENTENCE_START.search(before[: m.start()])


# An Arabic article joining the name to a capitalised word makes it part of a longer name: "Ain" in
# "Ain al-Asad" or "Ras al-Ain" is not Al Ain in the Emirates.
_ARTICLE = "(?:" + "|".join(ARTICLES) + ")"  # the Arabic articles the gazetteer's keys fold
_ARTICLE_JOIN_AFTER = re.compile(r"[ \u00a0]+" + _ARTICLE + r"[-‐‑–][A-Z]")
_ARTICLE_JOIN_BEFORE = re.compile(r"[A-Z][\w'’]*[ \u00a0]+(?:" + _ARTICLE + r"[-‐‑–]|"
                                  r"(?:de|del|della|di|da|do|dos|du|des|la|le|van|von|der|den) )$")


def _name_like_neighbour(span: Span, text: str, name_before: bool | None = None) -> bool:
    """A capitalised word directly beside a one-word name makes it part of another name. ``name_before``:
    ``_name_before(span, text)``, when the caller has it already."""
    if _CAP_WORD_AFTER.match(text[span.end:span.end + 3]):
        return True
    if _name_before(span, text) if name_before is None else name_before:
        return True
    return (_ARTICLE_JOIN_AFTER.match(text, span.end, span.end + 8) is not None
            or _ARTICLE_JOIN_BEFORE.search(text[max(0, span.start - 30):span.start]) is not None)


_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?:\w+ly|later|also|again|has|had|have|then|earlier|previously|officially)\s+)?"
    r"(?:said|says|told|announced|insisted|warned|denied|rejected|accused|claimed|added|condemned|responded|confirmed)\b"
)
_OPERATION_BEFORE = re.compile(r"\bOperation[ \u00a0]+$")
_DATED = re.compile(r",?[ \u00a0]+\d")  # "March 2025", "March 4", "Sunday, 4 May"
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \u00a0]+$")  # "4 March", "4th March"
_CALENDAR = frozenset({calendar.month_name[i].lower() for i in range(1, 13)} | {d.lower() for d in calendar.day_name})
_ACRONYM = re.compile(r"^[A-Z][A-Z.]+$")


# A name in a compound adjective of sponsorship or control names who, not where.
_SPONSOR_AFTER = re.compile(
    r"[-‐‑](?:backed|led|controlled|held|allied|sponsored|brokered|funded|supported|aligned|armed|trained|run|"
    r"dominated|occupied|annexed|installed)\b", re.I)


def _strong_place(p: Place) -> bool:
    """A country, sea or region, or a curated row: a name that is a place whatever stands around it."""
    return p.kind in ("country", "sea", "region") or p.source.startswith("curated")


def _strong(cands: list[Place]) -> bool:
    return any(map(_strong_place, cands))


def _is_primary(key: str, cands: list[Place]) -> bool:
    """True when some candidate carries this name as its own name (not only as an alternate name)."""
    return any(key in own_keys(p.name) for p in cands)


def _candidates_read(cands: list[Place]) -> tuple[bool, bool, int]:
    """What ``_keep`` asks of a span's candidates, read in one pass: whether every one is a curated locative only,
    whether one is strong (``_strong``), and the largest one's population (a province counts as 1,000,000 people,
    a district as 100,000)."""
    only_locative, strong, best_pop, admin = True, False, cands[0].population if cands else 0, ""
    for p in cands:
        if p.source != "curated-locative":
            only_locative = False
        if not strong and _strong_place(p):
            strong = True
        if p.population > best_pop:
            best_pop = p.population
        if p.kind == "admin1" or (p.kind == "admin2" and not admin):
            admin = p.kind
    if admin:
        best_pop = max(best_pop, 1_000_000 if admin == "admin1" else 100_000)
    return only_locative, strong, best_pop


def _keep(span: Span, text: str, person_keys: frozenset[str] = frozenset(),
          doc_countries: frozenset[str] = frozenset(), name_before: bool | None = None) -> bool:
    """Drop spans that are probably not places: acronyms, common words, people, metonyms. ``name_before``:
    ``_name_before(span, text)`` when the caller has it already (it is asked of one-word names only)."""
    cands = span.candidates
    only_locative, strong, best_pop = _candidates_read(cands)
    surface = text[span.start:span.end]
    if not span.locative and only_locative:
        return False
    if _ACRONYM.match(surface) and not strong:
        return False  # "FAO", "DOH", "PEI": organisations, not Al Faw, Doha or Peicheng
    if _SPONSOR_AFTER.match(text, span.end, span.end + 14):
        return False  # "US-backed forces", "Iran-led militias", "Turkey-controlled parts of Syria": an actor
    if _OPERATION_BEFORE.search(text, max(0, span.start - 12), span.start):
        return False  # "Operation Olive Branch", "Operation Euphrates Shield": a military operation's name
    if span.key in _CALENDAR and (not span.feature or _DATED.match(text, span.end, span.end + 6)
                                  or _DAY_BEFORE.search(text, max(0, span.start - 6), span.start)):
        # "in March 2025", "on Sunday", even after a feature word ("the air base in March 2025", "the city on
        # 4 March"): dates, not March (Cambridgeshire) or Thursday Island
        return False
    if " " in span.key and len(span.key.split()[0]) == 1 and not strong:
        return False  # "A Su-33", "Mr T": a lone letter does not start a place name
    if span.fuzzy:
        # A spelling variant is trusted for curated installations, and for places in the countries the
        # document names when a locative or feature word says it is a place ("in Qudsayya"); anything else
        # is too likely a person's name that merely sounds like a town.
        placed = span.locative or bool(span.feature)
        span.candidates = [p for p in cands if p.source.startswith("curated") or (placed and p.country_code in doc_countries)]
        if not span.candidates or len(span.key.replace(" ", "")) < 5:
            return False
        # "Valley" in "Rift Valley Province" is no Valle: a one-word variant beside a capitalised word is part of
        # another name (curated installations aside: "Russia's Hemeimeem")
        return " " in span.key or all(p.source.startswith("curated") for p in span.candidates) \
            or not _name_like_neighbour(span, text)
    if strong:
        return True
    if span.feature:
        # "the province of Western Kasai": the feature word is Kasai's; "Western" is part of its name
        return " " in span.key or not _CAP_WORD_AFTER.match(text[span.end:span.end + 3])
    if span.key in person_keys:
        return False  # the document names a person so ("John Kerry" ... "Kerry said")
    words = span.key.split()
    single = len(words) == 1
    common = all(w in COMMON_WORDS or w in _CONNECTORS for w in words)
    if common and not _is_primary(span.key, cands) and not (span.locative and best_pop >= 1_000_000 and single):
        return False  # "Center", "White House": translations and nicknames among alternate names ("to Mecca" stays)
    if common and not any(p.kind in ("admin1", "admin2") and p.country_code in doc_countries for p in cands):
        # "Central", "Western": a province counts as a large place only in a country the text names (not
        # Paraguay's or Papua New Guinea's)
        best_pop = max((p.population for p in cands), default=0)
    if common and best_pop < 1_000_000 and not (span.locative and best_pop >= 50_000):
        return False  # "Reading", "Nice", "Mobile" need "in"/"to"/"from" before them
    if single and len(span.key) <= 3 and best_pop < 100_000:
        return False
    if single and _name_like_neighbour(span, text, name_before):
        return False  # "Vladimir Putin", "CNN Turk": part of a person's or an outlet's name
    if not span.locative and _SPEECH_AFTER.match(text[span.end:span.end + 15]):
        return False  # "Damascus rejected": the government, not the place
    if single and best_pop < 5_000 and not span.locative:
        return False  # a hamlet sharing its name with a surname ("Dunn", "Steele") needs "in"/"near" before it
    if (single and best_pop < 50_000 and not span.locative
            and _SENTENCE_START.search(text[max(0, span.start - 3):span.start]) is not None):
        return False  # a small place at the start of a sentence needs a locative
    return True


def find_mentions(text: str, gaz: Gazetteer, roi: Iterable[str] = ()) -> list[Mention]:
    """Every place mention in ``text``, in order, with offsets into ``text``.

    ``roi``: ISO country codes of the region of interest; ties between same-named places go to them.
    """
    if not isinstance(text, str) or not text:
        return []
    spans = recognise(text, gaz)
    # a one-word name, not a country or the like, after a capitalised word ("John Kerry"): a person's
    after_name = [" " not in s.key and not _strong(s.candidates) and _name_before(s, text) for s in spans]
    person_keys = frozenset(s.key for s, after in zip(spans, after_name, strict=True) if after)
    # the countries the text names, or whose people it names ("Syrian troops ... near Tal Rifaat")
    demonyms = demonym_countries(text, gaz.demonyms)
    named = frozenset(p.country_code for s in spans if not s.fuzzy for p in s.candidates
                      if p.kind == "country" or len(s.candidates) == 1) | demonyms
    # _keep asks _name_before of one-word names that are not strong only: the answer is after_name's
    spans = [s for s, after in zip(spans, after_name, strict=True) if _keep(s, text, person_keys, named, after)]
    ctx = context(spans, text, frozenset(c.upper() for c in roi), gaz, demonyms)
    out = []
    for i, s in enumerate(spans):
        place, conf = resolve(i, s, gaz, ctx)
        m = Mention(text[s.start:s.end], s.start, s.end, place, conf)  # positional: a third faster
        out.append(descriptive_region(text, m, gaz))
    return out
