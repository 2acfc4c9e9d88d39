"""Resolution: which of a name's candidate places the text means, and with what confidence.

The document's context decides: the kind of place (countries before towns), population, feature
words beside the name, the countries the text names (or whose nationality adjectives it uses),
closeness to its unambiguous places, "Austin, Texas" containers, lists of one kind, and the
region of interest. ("northern Syria", "Syria's northeast": ``geodata.parts``.)
"""

from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from geodata import caseless
from geodata.gazetteer.index import FACILITY_KINDS, MEMO_MAX, Gazetteer, haversine_km, is_village, prior_score
from geodata.gazetteer.normalize import name_keys
from geodata.models import Place

FEATURE_KINDS: dict[str, frozenset[str]] = {
    "naval": frozenset({"naval_base"}),
    "air": frozenset({"air_base", "airport", "military_base"}),
    "airport": frozenset({"airport", "air_base"}),
    "base": frozenset({"air_base", "naval_base", "military_base"}),
    "port": frozenset({"port", "naval_base"}),
    "admin1": frozenset({"admin1", "admin2"}),
    "city": frozenset({"city"}),
    "state": frozenset({"admin1", "admin2"}),
    "road": frozenset({"road"}),
    "district": frozenset({"admin2"}),
}


# Kinds too broad to anchor a document's other names (their point is a label, not a spot).
_BROAD_KINDS = frozenset({"country", "region", "sea", "river", "road"})


@dataclass
class Span:
    start: int
    end: int
    key: str
    candidates: list[Place]
    feature: str = ""  # feature class from a word next to the name
    locative: bool = False
    fuzzy: bool = False  # matched by transliteration skeleton, not by an exact name
    alias: bool = False  # an abbreviation the text defines for a place ("New South Wales (NSW)"), see geoparse


@dataclass
class _Context:
    """What the rest of the document says about where it is."""

    countries: set[str]  # countries named, or holding an unambiguous place
    anchors: list[tuple[float, float, int]]  # (lat, lon, span index) of unambiguous places, one per spot
    roi: frozenset[str]  # region-of-interest prior: ISO country codes the user cares about
    containers: dict[int, set[str]]  # span index -> country codes named right after it ("Austin, Texas")
    list_kind: dict[int, str] = field(default_factory=dict)  # span index -> the kind its list is made of
    gaz: Gazetteer | None = None  # for the towns a facility is named after
    inner: set[str] = field(default_factory=set)  # countries the text names a place inside of, unambiguously
    # (lat, lon) -> its two nearest anchors as (km, span index): a name repeated in the text is measured once
    nearest: dict[tuple[float, float], list[tuple[float, int]]] = field(default_factory=dict)
    # (latitude in radians, its cosine, longitude, span index) of each anchor: what _two_nearest needs of an
    # anchor, computed once per document instead of once per candidate point measured against it
    anchor_terms: list[tuple[float, float, float, int]] = field(init=False)
    anchor_spans: frozenset[int] = field(init=False)  # the spans that placed an anchor
    anchor_lats: list[float] = field(init=False)  # the anchors' latitudes in radians, sorted: see closeness_bound
    # (name, feature, candidates) -> (best score, best place, runner-up's score): see _ranked
    ranked: dict[tuple[str, str, tuple[Place, ...]], tuple[float, Place, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.anchor_terms = [(math.radians(la), math.cos(math.radians(la)), lo, j) for la, lo, j in self.anchors]
        self.anchor_spans = frozenset(j for _, _, j in self.anchors)
        self.anchor_lats = sorted(p for p, _, _, _ in self.anchor_terms)

    def closeness_bound(self, lat: float) -> float:
        """At least the closeness term (``_ranked``) of a point at latitude ``lat``: no anchor is nearer than the arc
        of latitude between them (a hair of slack for rounding)."""
        p, lats = math.radians(lat), self.anchor_lats
        k = bisect_left(lats, p)
        gap = min(abs(p - lats[j]) for j in (k - 1, k) if 0 <= j < len(lats))
        return 2.0 * math.exp(-6371.0088 * gap * (1 - 1e-9) / 300.0)

    def anchor_km(self, lat: float, lon: float, i: int) -> float:
        """Distance to the nearest anchor not placed by span ``i`` itself (20,000 km when there is none)."""
        best = self.nearest.get((lat, lon))
        if best is None:
            best = self.nearest[(lat, lon)] = _two_nearest(lat, lon, self.anchor_terms)
        return next((d for d, j in best if j != i), 20_000.0)


def _two_nearest(lat: float, lon: float, anchor_terms: list[tuple[float, float, float, int]]) -> list[tuple[float, int]]:
    """The two anchors nearest to a point, as (km, span index), nearest first (earlier first on a tie). Span indices
    are unique among anchors (-1 aside): the nearest but a span's own is one of these two. The distance is
    ``haversine_km``'s, term for term (the same floats), the anchors' terms computed once (``anchor_terms``)."""
    sin, radians, asin, sqrt = math.sin, math.radians, math.asin, math.sqrt  # local names: the loop is hot
    p1 = radians(lat)
    cos_p1 = math.cos(p1)
    d1 = d2 = math.inf
    j1 = j2 = 0
    a2 = math.inf  # the runner-up's haversine term: the distance grows with it, so a term as large is no nearer
    a1 = math.inf
    for p2, cos_p2, lo, j in anchor_terms:
        a = sin((p2 - p1) / 2) ** 2
        if a >= a2:
            continue  # the latitudes' term alone is as large (the other is never negative): as below
        a += cos_p1 * cos_p2 * sin(radians(lo - lon) / 2) ** 2
        if a >= a2:
            continue  # its distance is at least the runner-up's: neither branch below would take it
        d = 6371.0088 * 2 * asin(min(1.0, sqrt(a)))
        if d < d1:
            d1, j1, d2, j2 = d, j, d1, j1
            a1, a2 = a, a1
        elif d < d2:
            d2, j2 = d, j
            a2 = a
    return [(d, j) for d, j in ((d1, j1), (d2, j2)) if d != math.inf]


# "\b[A-Z][a-z]{3,}\b", with the boundary tested after the capital (a look-behind): a pattern opening with a
# character class lets re skip the rest of the text at C speed.
_CAP_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{3,}\b")
# Between a place and the country or state it is in: "Austin, Texas", "Cornwall in South West England", "a camp in
# northern Mali" (the words a descriptive region starts with may stand between).
_CONTAINER_GAP = re.compile(r",\s*|\s+in\s+(?:the\s+)?(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral)(?:ern)?"
                    r"(?:[- ]?(?:[Ee]ast|[Ww]est)(?:ern)?)?\s+)?")
MAX_ANCHORS = 300
_LOWER_WORD = re.compile(r"[a-z]{4,}")
_demonym_finder: tuple[dict[str, str], re.Pattern[str] | None] | None = None  # the gazetteer's demonyms, their finder


def demonym_countries(text: str, demonyms: dict[str, str]) -> set[str]:
    """The countries whose demonym ("syrian": "SY") the text uses as a ``_CAP_WORD`` ("Syrian"). Only those words
    are looked for (one pattern of them, ``caseless.starts_only``): most capitalised words are none."""
    global _demonym_finder
    if _demonym_finder is None or _demonym_finder[0] is not demonyms:
        words = [w.capitalize() for w in demonyms if _LOWER_WORD.fullmatch(w)]  # what _CAP_WORD can read
        finder = caseless.starts_only(re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")) if words else None
        _demonym_finder = demonyms, finder
    finder = _demonym_finder[1]
    if finder is None:
        return set()
    return {demonyms[_CAP_WORD.match(text, m.start()).group().lower()] for m in finder.finditer(text)}


def _also_a_unit_elsewhere(cands: list[Place] | tuple[Place, ...]) -> bool:
    """A country's name that is also a first-level unit of another country ("Georgia")."""
    country = {p.country_code for p in cands if p.kind == "country"}
    return any(p.kind == "admin1" and p.country_code not in country for p in cands)


def context(spans: list[Span], text: str, roi: frozenset[str], gaz: Gazetteer,
            peoples: set[str] | None = None) -> _Context:
    """``peoples``: ``demonym_countries(text, gaz.demonyms)``, when the caller has it already."""
    # A country's name says the text is about it, unless the name is also a first-level unit elsewhere:
    # "Georgia" beside Texas and Atlanta is the US state, and must not vouch for the country it might be.
    wheres = [_where(tuple(s.candidates)) for s in spans]
    countries = set().union(*(w.countries for w in wheres))
    anchors = []
    inner: set[str] = set()
    for i, (s, w) in enumerate(zip(spans, wheres, strict=True)):
        if s.fuzzy:
            continue
        if w.country:
            countries |= w.country  # every reading of the name is in one country ("Deir ez-Zor": city or province)
            if w.inside:
                inner |= w.country
        if w.spot is not None:
            anchors.append((*w.spot, i))  # every reading is in one spot
    # Adjectives of nationality say which countries the text is about ("Syrian troops recaptured Palmyra").
    countries |= demonym_countries(text, gaz.demonyms) if peoples is None else peoples
    containers: dict[int, set[str]] = {}
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if _CONTAINER_GAP.fullmatch(text, a.end, b.start):
            codes = {p.country_code for p in b.candidates if p.kind in ("country", "admin1", "admin2")}
            mine = {p.country_code for p in a.candidates}
            if codes & mine:
                containers[i] = codes & mine  # "Atlanta, Georgia": Atlanta's Georgia is the US state
                containers[i + 1] = codes & mine
    if containers:  # one sense per document: "Cornwall in South West England" ... "Cornwall police" is that Cornwall
        placed: dict[str, set[str]] = {}
        for i, codes in containers.items():
            placed.setdefault(spans[i].key, set()).update(codes)
        for j, s in enumerate(spans):
            if j not in containers and not s.feature and s.key in placed:
                containers[j] = placed[s.key]
    # One anchor per spot (a name repeated 1,000 times is one anchor): resolution stays linear in the text.
    spots: dict[tuple[float, float], tuple[float, float, int]] = {}
    for la, lo, i in anchors:
        key = _spot(la, lo)
        spots[key] = (la, lo, i) if key not in spots else (la, lo, -1)  # -1: named by several spans
    anchors = list(spots.values())[:MAX_ANCHORS]
    return _Context(countries, anchors, roi, containers, _list_kinds(spans, text), gaz, inner)


class _Where(NamedTuple):  # what a name's readings alone say about where the text is (``_where``)
    countries: frozenset[str]  # the countries among them (none when one is also a first-level unit elsewhere)
    country: frozenset[str]  # the one country every reading is in (empty: several, or none)
    inside: bool  # every reading is inside that country (none of the broad kinds)
    spot: tuple[float, float] | None  # the first reading's point, when every reading is within 100 km of it


@lru_cache(maxsize=MEMO_MAX)
def _where(cands: tuple[Place, ...]) -> _Where:
    """``_Where`` of a name's candidates, memoised (the same names come back in every article)."""
    codes = frozenset(p.country_code for p in cands)
    p0 = cands[0]
    return _Where(
        frozenset() if _also_a_unit_elsewhere(cands) else frozenset(p.country_code for p in cands if p.kind == "country"),
        codes if len(codes) == 1 and "" not in codes else frozenset(),
        all(p.kind not in _BROAD_KINDS for p in cands),
        (p0.lat, p0.lon) if p0.kind not in _BROAD_KINDS and all(
            haversine_km(p0.lat, p0.lon, p.lat, p.lon) <= 100 for p in cands[1:]) else None)


@lru_cache(maxsize=100_000)
def _spot(lat: float, lon: float) -> tuple[float, float]:
    """The point rounded to a tenth of a degree (round() is slow, and the same places come back in every article)."""
    return round(lat, 1), round(lon, 1)


_LIST_SEP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def _list_kinds(spans: list[Span], text: str) -> dict[int, str]:
    """In "Ohio, Oregon, Texas and Utah" every name is a state: the kind most list members can only be."""
    out: dict[int, str] = {}
    start = 0
    for i in range(1, len(spans) + 1):
        if i < len(spans) and _LIST_SEP.fullmatch(text[spans[i - 1].end:spans[i].start]):
            continue
        members = range(start, i)
        if len(members) >= 3:
            votes: dict[str, int] = {}
            for j in members:
                # villages aside: most names are also some hamlet's (the full GeoNames list has 235,000)
                kinds = {p.kind for p in spans[j].candidates if not is_village(p)} or {p.kind for p in spans[j].candidates}
                if len(kinds) == 1:
                    k = next(iter(kinds))
                    votes[k] = votes.get(k, 0) + 1
            if votes:
                kind, n = max(votes.items(), key=lambda kv: kv[1])
                if n >= 2:
                    out.update({j: kind for j in members})
        start = i
    return out


@lru_cache(maxsize=100_000)
def own_keys(name: str) -> frozenset[str]:
    """``name_keys(name)``, remembered: a place's own name is looked at for every mention of it."""
    return frozenset(name_keys(name))


def _capitals() -> frozenset[tuple[str, str]]:
    """(country code, capital's name) of every country in ``countries.csv``."""
    import csv

    from geodata.gazetteer.sources import COUNTRIES
    try:
        with open(COUNTRIES, encoding="utf-8", newline="") as fh:
            return frozenset((r["iso2"], r["capital"]) for r in csv.DictReader(fh) if r.get("capital"))
    except OSError:
        return frozenset()


CAPITALS = _capitals()
_ADMIN_KINDS = ("admin1", "admin2")
_WIDE = frozenset({"country", "admin1", "region", "sea"})  # places a facility word after them cannot pin down
_ADMIN_FEATURES = ("admin1", "state", "district")


def _namesake_penalty(span: Span, p: Place) -> float:
    """A province named like its town, or like a region or sea, is read as the town or the region unless a feature
    word says province ("Gao region", "the province of Gao"): "Gao", "Kidal", "Tartus" are the towns, "the Sahel"
    the broad region (not Burkina Faso's Sahel region)."""
    if p.kind not in _ADMIN_KINDS or span.feature in _ADMIN_FEATURES:
        return 0.0
    for q in span.candidates:
        if (q.kind == "city" and q.country_code == p.country_code and span.key in own_keys(q.name)
                and haversine_km(q.lat, q.lon, p.lat, p.lon) <= 400):
            return 2.0  # the town's own name (not "Maryland City" for "Maryland")
        if q.kind in ("region", "sea") and q.source.startswith("curated"):
            return 2.0
    return 0.0


def _far_village_penalty(span: Span, p: Place) -> float:
    """A village named like a first-level unit far from it (in its country or another) is read as the unit unless
    the text places it: "California" beside Ohio is the state, not the village of California, Pennsylvania, and
    "Texas" beside Mexico City is not a Mexican hamlet (a town that is the province's namesake, Gao in the Gao
    region, is ``_namesake_penalty``'s)."""
    if not is_village(p):
        return 0.0
    for q in span.candidates:
        if (q.kind == "admin1" and span.key in own_keys(q.name)
                and haversine_km(q.lat, q.lon, p.lat, p.lon) > 400):
            return 2.0
    return 0.0


def _name_score(span: Span, p: Place) -> float:
    """The terms of ``_score`` that the name, its feature word and its candidates alone decide (not the text)."""
    s = prior_score(p)
    if p.kind == "city" and span.key in own_keys(p.name):
        # a famous city or a capital by its own name beats a small namesake in a country the text names ("Paris"
        # in a story that names the United States once is still Paris, France); a capital, unless its country
        # has a province of the name too (Washington)
        s += 1.0 if p.population >= 1_000_000 else 0.0
        if (p.country_code, p.name) in CAPITALS and not any(
                q.kind in _ADMIN_KINDS and q.country_code == p.country_code for q in span.candidates):
            s += 1.0
        s -= _far_village_penalty(span, p)
    elif p.kind in _ADMIN_KINDS:
        s -= _namesake_penalty(span, p)
    if span.key in own_keys(p.name) or p.source.startswith("curated"):
        s += 0.5  # its own name, not one of the alternate (historical, foreign) names; a curated row's aliases
        # are the names English news uses ("the Atlantic" is the ocean, not Colombia's Atlántico)
    if span.key.endswith((" sea", " ocean", " gulf", " strait", " bay")) and p.kind == "sea":
        s += 2.0
    return s


@lru_cache(maxsize=MEMO_MAX)
def _name_scores(key: str, feature: str, cands: tuple[Place, ...]) -> tuple[tuple[Place, float], ...]:
    """A span's candidates, each with its ``_name_score`` (memoised: the same names come back in every article)."""
    span = Span(0, 0, key, list(cands), feature)  # what _name_score reads of a span
    return tuple((p, _name_score(span, p)) for p in cands)


def _score(i: int, span: Span, p: Place, ctx: _Context, name_score: float | None = None) -> float:
    """How well candidate ``p`` fits span ``i`` (one of several candidates), but for its closeness to the anchors
    (added last: ``_ranked``). ``name_score``: ``_name_score(span, p)``, when the caller has it already."""
    s = _name_score(span, p) if name_score is None else name_score
    if p.country_code and p.country_code in ctx.countries:
        s += 1.5
    if p.country_code and p.country_code in ctx.roi:
        s += 1.0
    if i in ctx.containers and p.country_code in ctx.containers[i]:
        s += 3.0
    if p.kind == "admin1" and p.country_code in ctx.inner and any(
            q.kind == "country" and q.country_code not in ctx.countries for q in span.candidates):
        s += 4.0  # "Georgia" beside Texas and Atlanta: the state, not a country nothing else in the text is about
    if ctx.list_kind.get(i) == p.kind:
        s += 1.5
    if span.feature and p.kind in FEATURE_KINDS.get(span.feature, frozenset()):
        s += 3.0
        if ctx.gaz is not None:
            s += 0.5 * _town_prior(ctx.gaz, span.key, p)
    return s


def _town_prior(gaz: Gazetteer, key: str, facility: Place) -> float:
    """"Cairo airport": a facility is as likely as the best-known town of that name within 50 km of it (Cairo
    International, not El Cairo in Bolivia); 0 when no town of the name is near. Memoised per gazetteer ("cairo"
    has hundreds of candidates to measure, and the same facilities come back in every article)."""
    memo = _TOWN_PRIORS.get(gaz)
    if memo is None or len(memo) >= MEMO_MAX:
        memo = _TOWN_PRIORS[gaz] = {}
    if (key, facility) not in memo:
        memo[(key, facility)] = max((prior_score(q) for q in gaz.candidates(key) if q.kind not in FACILITY_KINDS
                                     and haversine_km(q.lat, q.lon, facility.lat, facility.lon) <= 50), default=0.0)
    return memo[(key, facility)]


_TOWN_PRIORS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, Place], float]] = weakref.WeakKeyDictionary()


def _ranked(i: int, span: Span, ctx: _Context) -> tuple[float, Place, float]:
    """The best candidate of span ``i`` with its score, and the runner-up's score.

    A name repeated in the text is scored once: a span's scores depend on the span itself only when it sits in
    a container ("Austin, Texas") or a list, or placed an anchor (left out of its own distance). Those spans
    are scored afresh; the others share the ranking of their name, feature word and candidates.
    """
    memo = None
    cands = tuple(span.candidates)
    if i not in ctx.containers and i not in ctx.list_kind and i not in ctx.anchor_spans:
        memo = (span.key, span.feature, cands)
        known = ctx.ranked.get(memo)
        if known is not None:
            return known
    # Only the best two count: the closeness to the anchors (at most 2.0, and at most ``closeness_bound``) is added
    # last, best first, for a candidate it can still lift to the runner-up so far. One it cannot keeps its score
    # without it, below the runner-up's: the best two are those of scoring every candidate fully.
    partial = sorted(((_score(i, span, p, ctx, name_score), p) for p, name_score in
                      _name_scores(span.key, span.feature, cands)), key=lambda t: -t[0])
    scored: list[tuple[float, Place]] = []
    best = second = -math.inf
    for sc, p in partial:
        if (ctx.anchors and p.kind not in _BROAD_KINDS and sc + 2.0 >= second
                and (second == -math.inf or sc + ctx.closeness_bound(p.lat) >= second)):
            sc += 2.0 * math.exp(-ctx.anchor_km(p.lat, p.lon, i) / 300.0)  # near where the document surely is
        scored.append((sc, p))
        if sc > best:
            best, second = sc, best
        elif sc > second:
            second = sc
    scored.sort(key=lambda t: (-t[0], t[1].id))
    out = (scored[0][0], scored[0][1], scored[1][0])
    if memo is not None:
        ctx.ranked[memo] = out
    return out


def resolve(i: int, span: Span, gaz: Gazetteer, ctx: _Context) -> tuple[Place, float]:
    if len(span.candidates) == 1:  # nothing to choose between: no scores needed
        best = span.candidates[0]
        conf = 0.95 if best.source.startswith("curated") or best.kind == "country" else 0.85
    else:
        best_s, best, second_s = _ranked(i, span, ctx)
        margin = best_s - second_s
        conf = 0.5 + 0.45 * (1 - math.exp(-margin))
    if span.fuzzy:
        conf *= 0.8
    # A feature word names a facility the index knows only by location ("Qamishli airport"); a town's, never a
    # country's or a province's ("a military base in Qatar" is not the one air base near Qatar's middle).
    if (span.feature in ("air", "airport", "base", "naval", "port") and best.kind not in FACILITY_KINDS
            and best.kind not in _WIDE):
        near = gaz.facilities_near(best.lat, best.lon, FEATURE_KINDS[span.feature], km=30.0)
        if near:
            best, conf = near[0][1], min(conf, 0.8)
    return best, conf
