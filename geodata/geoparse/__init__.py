"""Toponym recognition and resolution: text -> place mentions with character offsets.

Recognition (``scan``) looks up capitalised token n-grams (longest first) in the gazetteer's name index,
then a transliteration skeleton for spelling variants, and reads feature words beside a name ("Qamishli
airport", "port of Tartus", "Idlib province"; the words are ``lexicon``'s); ``rules`` drops what is not a
place (acronyms, people, metonyms, common words). ``geodata.resolve`` then picks one candidate per name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from geodata.gazetteer.index import Gazetteer, haversine_km
from geodata.geoparse.districts import district_place, district_spans
from geodata.geoparse.lexicon import (  # noqa: F401  (names the tests and tools use)
    _CONNECTORS,
    _FEATURE_AFTER,
    _FEATURE_BEFORE,
    _LOCATIVE_BEFORE,
    _SENTENCE_START,
    ACRONYM_KEYS,
    COMMON_WORDS,
    ENGLISH_WORDS,
    _feature_class,
    _fuzzy_allowed,
)
from geodata.geoparse.rules import _name_before, _reading, _ship, role_of
from geodata.geoparse.scan import (  # noqa: F401
    _CAP_TOKEN,
    _NEXT_TOKEN,
    _TOKEN,
    MAX_TEXT_CHARS,
    _cues_before,
    _name_at,
    recognise,
)
from geodata.models import LITERAL, Mention
from geodata.parts import descriptive_region
from geodata.resolve import Span, context, demonym_countries, resolve
from geodata.vocabulary import INSTALLATION_KINDS


def _acronyms_in_capitals(spans: list, text: str) -> list:
    """A country's short name in capitals is the country only when written so: "Car bombs" or "Us" at a sentence's
    start are no Central African Republic or United States (other readings of the name stay)."""
    out = []
    for s in spans:
        if s.key in ACRONYM_KEYS and not text[s.start:s.end].isupper():
            s.candidates = [p for p in s.candidates if p.kind != "country"]
            if not s.candidates:
                continue
        out.append(s)
    return out


# An abbreviation in parentheses right after a name defines it for the text: "New South Wales (NSW)".
_DEFINED = re.compile(r"[ \u00a0]*\(([A-Z][A-Z.]{1,7})\)")


def _initials(name: str) -> str:
    """The initials of a name's capitalised words: "New South Wales" -> "NSW", "Democratic Republic of the
    Congo" -> "DRC"."""
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’]*", name) if w[0].isupper())


def _defined_abbreviations(spans: list[Span], text: str) -> tuple[list[Span], dict[int, int]]:
    """The spans with every use of an abbreviation the text defines for a place ("New South Wales (NSW) ... the NSW
    government") made a span of that place, and, for each such span's index, its defining span's index."""
    defined: dict[str, Span] = {}
    for s in spans:
        m = _DEFINED.match(text, s.end, s.end + 14)
        if m and not s.fuzzy and _initials(text[s.start:s.end]) == m.group(1).replace(".", ""):
            defined.setdefault(m.group(1), s)  # the name's own initials: not "... Force in Lebanon (UNIFIL)"
    if not defined:
        return spans, {}
    starts = [s.start for s in spans]
    out = list(spans)
    defining: dict[int, Span] = {}  # id of a span of an abbreviation -> the span defining it
    for abbr, d in defined.items():
        for m in re.finditer(r"(?<![\w.])" + re.escape(abbr) + r"(?![\w])", text):
            k = bisect.bisect_right(starts, m.start()) - 1
            same = k >= 0 and (spans[k].start, spans[k].end) == m.span() and spans[k] is not d
            if not same and ((k >= 0 and spans[k].end > m.start()) or (k + 1 < len(spans) and spans[k + 1].start < m.end())):
                continue  # inside a name already found
            a = Span(m.start(), m.end(), d.key, list(d.candidates), d.feature, same and spans[k].locative, False, True)
            if same:
                out[k] = a  # "WA" is a town in Ghana too: the text's own definition wins
            else:
                out.append(a)
            defining[id(a)] = d
    if not defining:
        return spans, {}
    out.sort(key=lambda s: s.start)
    index = {id(s): i for i, s in enumerate(out)}
    return out, {i: index[id(defining[id(s)])] for i, s in enumerate(out) if id(s) in defining}


def find_mentions(text: str, gaz: Gazetteer, roi: Iterable[str] = ()) -> list[Mention]:
    """Every place mention in ``text``, in order, with offsets into ``text``.

    ``roi``: ISO country codes of the region of interest; ties between same-named places go to them.
    """
    if not isinstance(text, str) or not text:
        return []
    spans = _acronyms_in_capitals(recognise(text, gaz), text)
    spans, defined_by = _defined_abbreviations(spans, text)
    readings = [_reading(s.key, tuple(s.candidates)) for s in spans]  # what role_of asks of the candidates (memoised)
    strong = [r.strong for r in readings]
    # a one-word name, not a country or the like, after a capitalised word ("John Kerry"): a person's
    after_name = [" " not in s.key and not st and _name_before(s, text) for s, st in zip(spans, strong, strict=True)]
    person_keys = frozenset(s.key for s, after in zip(spans, after_name, strict=True) if after)
    # the countries the text names, or whose people it names ("Syrian troops ... near Tal Rifaat")
    demonyms = demonym_countries(text, gaz.demonyms)
    named = frozenset(p.country_code for s in spans if not s.fuzzy for p in s.candidates
                      if p.kind == "country" or len(s.candidates) == 1) | demonyms
    # role_of asks _name_before of one-word names that are not strong only: the answer is after_name's
    # a name the text gives a ship anywhere ("Sparta II") is the ship's wherever it stands (role_of reads a span's
    # own reading from these keys: each span is read once)
    ships = frozenset(s.key for s, st in zip(spans, strong, strict=True) if not st and _ship(s, text))
    roles = [role_of(s, text, person_keys, named, after, ships, r)
             for s, after, r in zip(spans, after_name, readings, strict=True)]
    for k, s in enumerate(spans):  # "the Chadian army": a people's adjective, not the Chinese village Chadian
        if roles[k] is not None and s.key in gaz.demonyms and not any(p.kind == "country" for p in s.candidates):
            roles[k] = None
    # one sense per document: a name dropped for opening a sentence without a locative ("Selydove has been
    # shelled") is the place the document names so elsewhere after a locative or feature word ("the town of Selydove")
    literal_keys = {s.key for s, r in zip(spans, roles, strict=True)
                    if r == LITERAL and not s.fuzzy and (s.locative or s.feature)}
    for k, s in enumerate(spans):
        if roles[k] is None and s.key in literal_keys and not s.fuzzy \
                and _SENTENCE_START.search(text, max(0, s.start - 3), s.start) is not None:
            roles[k] = LITERAL
    for k, d in defined_by.items():  # an abbreviation stands for its place only as the place itself is used
        if roles[d] not in (LITERAL, "metonym"):
            roles[k] = None
    # "the Sudzhansky district": over a spelling variant's reading of the adjective (Korenevsky is no Korenovsk)
    districts = district_spans(text, gaz, named, [(s.start, s.end) for s in spans if not s.fuzzy])
    if districts:
        merged = sorted([*((s, r) for s, r in zip(spans, roles, strict=True)
                           if not any(d.start < s.end and s.start < d.end for d in districts)),
                         *((d, LITERAL) for d in districts)], key=lambda t: t[0].start)
        spans, roles = [s for s, _ in merged], [r for _, r in merged]
    district_ids = {id(d) for d in districts}
    kept = [(s, r) for s, r in zip(spans, roles, strict=True) if r is not None]
    # only literal mentions tell where the text is (as they did before roles were kept)
    literal = [s for s, r in kept if r == LITERAL]
    ctx = context(literal, text, frozenset(c.upper() for c in roi), gaz, demonyms)
    out = []
    i = 0
    for s, r in kept:
        if r == LITERAL:
            place, conf = resolve(i, s, gaz, ctx)
            i += 1
        else:
            place, conf = resolve(-2, s, gaz, ctx)  # -2: no span of the context
        if district_ids and id(s) in district_ids:
            place = district_place(place, text[s.start:s.end])
        m = Mention(text[s.start:s.end], s.start, s.end, place, conf, r)  # positional: a third faster
        out.append(descriptive_region(text, m, gaz) if r == LITERAL else m)
    return _installation_stems(out)


# An installation's name without its kind ("Bagram Air Base" -> "Bagram", "Kant airfield" -> "Kant").
_INSTALLATION_WORDS = re.compile(r"\s+(?:international\s+)?(?:air\s*base|airbase|air\s+force\s+base|airport|airfield|"
                                 r"naval\s+(?:base|facility|station)|military\s+base|base)$", re.I)
STEM_FAR_KM = 100.0  # a town this close to the installation may be the one it is named after ("Kabul" beside Kabul airport)


def _installation_stems(mentions: list[Mention]) -> list[Mention]:
    """One sense per document for an installation: its name without its kind, used alone ("the withdrawal from
    Bagram" after "Bagram Air Base"), is the installation when the name alone was read as a place far from it
    (a village in another country), never when it is a town beside it."""
    bases: dict[str, Mention] = {}
    for m in mentions:
        if m.role == LITERAL and m.place.kind in INSTALLATION_KINDS:
            stem = _INSTALLATION_WORDS.sub("", m.text)
            if stem != m.text:
                bases.setdefault(stem.casefold(), m)
    if not bases:
        return mentions
    out = []
    for m in mentions:
        b = bases.get(m.text.casefold())
        if (b is not None and m.place.kind not in INSTALLATION_KINDS and m.place.kind != "country"
                and haversine_km(m.place.lat, m.place.lon, b.place.lat, b.place.lon) > STEM_FAR_KM):
            m = Mention(m.text, m.start, m.end, b.place, b.confidence, m.role)
        out.append(m)
    return out
