"""The offline gazetteer as a geopy ``Geocoder`` (above the gazetteer and the geoparser, which reads free-text
queries such as "Qamishli airport"): ``geocode(query, exactly_one=True) -> Location``.

Composes with the geopy ecosystem (``RateLimiter``, chains of geocoders) and never touches the
network: every answer comes from the local index.
"""

from __future__ import annotations

import re

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geodata.gazetteer.index import Gazetteer, load_gazetteer, prior_score
from geodata.gazetteer.normalize import normalize, strip_article
from geodata.geoparse import find_mentions
from geodata.models import Place

_FEATURE_WORD = re.compile(r"\b(?:air\s*base|airbase|airport|airfield|port|harbou?r|naval|base)\b", re.I)


def _location(place: Place, confidence: float) -> Location:
    raw = {**place.to_dict(), "confidence": round(confidence, 3)}
    return Location(place.name, (place.lat, place.lon, 0.0), raw)


class OfflineGazetteer(Geocoder):
    """geopy geocoder over the offline index. ``country_bias``: ISO codes to prefer on ties."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, country_bias: tuple[str, ...] = ()):
        super().__init__(user_agent="geodata-offline")
        self._gaz = gazetteer
        self.country_bias = tuple(c.upper() for c in country_bias)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    def _ranked(self, query: str) -> list[tuple[float, Place]]:
        key = normalize(query)
        if not key:
            return []
        cands = self.gazetteer.candidates(key) or self.gazetteer.candidates(strip_article(key))
        text = query.strip().title() if query.islower() else query.strip()
        if not cands or _FEATURE_WORD.search(text):
            # Free text ("Qamishli airport", "port of Tartus"), or a name with a feature word that several
            # facilities answer to ("Cairo airport" is also El Cairo Airport in Bolivia): the geoparser reads it,
            # weighing the facilities by the town they are named after.
            mentions = find_mentions(text, self.gazetteer)
            if mentions:
                best = max(mentions, key=lambda m: (m.end - m.start, m.confidence))
                rest = [(prior_score(p), p) for p in cands if p.id != best.place.id]
                return [(10.0 + best.confidence, best.place)] + sorted(rest, key=lambda t: (-t[0], t[1].id))
            if not cands:
                return []
        ranked = [(prior_score(p) + (1.5 if p.country_code in self.country_bias else 0.0), p) for p in cands]
        ranked.sort(key=lambda t: (-t[0], t[1].id))
        return ranked

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None, limit: int | None = None):
        if not isinstance(query, str):
            raise TypeError("query must be a string")
        ranked = self._ranked(query[:500])
        if not ranked:
            return None
        total = sum(max(s, 0.01) for s, _ in ranked)
        locs = [_location(p, min(0.99, max(s, 0.01) / total if len(ranked) > 1 else 0.9)) for s, p in ranked]
        if exactly_one:
            return locs[0]
        return locs[:limit] if limit else locs

    def place(self, query: str) -> Place | None:
        """The best match as a ``Place`` (what the pipeline stores), or None."""
        ranked = self._ranked(query[:500]) if isinstance(query, str) else []
        return ranked[0][1] if ranked else None

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):  # pragma: no cover - not offered
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")
