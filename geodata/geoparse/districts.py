"""Districts named by the adjective of their centre town, as Russian and Ukrainian reporting names them: "the
Sudzhansky district", "Pokrovskyi raion", "the Glushkovsky and Rylsky districts". GeoNames' populated places
carry no second-level units, but such a district is named after the town it is run from: the adjective's stem
gives the town (Sudzha, Pokrovsk, Glushkovo, Rylsk), and the district is placed there, with a district's extent.
"""

from __future__ import annotations

import re

from geodata.gazetteer.index import Gazetteer
from geodata.gazetteer.normalize import normalize
from geodata.models import Place
from geodata.resolve import Span

# The adjective (Russian -sky/-skiy/-skoy, Ukrainian -skyi/-s'kyi), then, after any others coordinated with it, a
# word for a district ("the Sudzhansky and Korenevsky districts").
_ADJECTIVE = r"[A-Z][a-z’'-]+?s['’]?k(?:yi|yy|yj|iy|ii|ij|oy|y)"
_DISTRICT_ADJECTIVE = re.compile(
    r"\b(?P<a>" + _ADJECTIVE + r")\b(?=(?:\s*,\s*" + _ADJECTIVE + r"|\s+(?:and|or)\s+" + _ADJECTIVE + r")*"
    r"\s+(?:districts?|raions?|rayons?|municipalit(?:y|ies)|hromadas?)\b)")
_SUFFIX = re.compile(r"s['’]?k(?:yi|yy|yj|iy|ii|ij|oy|y)$")
DISTRICT_EXTENT_KM = 30.0  # the extent given to a district placed at its centre town (a raion is ~1,000-2,000 km²)


def _town_names(adjective: str) -> list[str]:
    """The names the adjective's centre town may have, likeliest first: "Pokrovskyi" -> Pokrovsk, "Korenevsky" ->
    Korenevo, "Sudzhansky" -> Sudzha, "Bakhmutskyi" -> Bakhmut, "Vasylivskyi" -> Vasylivka."""
    stem = _SUFFIX.sub("", adjective)
    if len(stem) < 3:
        return []
    names = [stem, stem + "sk", stem + "o", stem + "a", stem + "e", stem + "ka", stem + "i"]
    if stem.endswith("n"):
        names.append(stem[:-1])  # Sudzhan(sky) -> Sudzha
    return names


def district_spans(text: str, gaz: Gazetteer, countries: frozenset[str], taken: list[tuple[int, int]]) -> list[Span]:
    """A span for each district adjective whose centre town is in a country the text names, placed at that town
    (``district_place`` makes it the district); none overlaps ``taken``, the spans found already."""
    if "sk" not in text:
        return []
    out = []
    for m in _DISTRICT_ADJECTIVE.finditer(text):
        a, b = m.span("a")
        if any(s < b and a < e for s, e in taken):
            continue
        for name in _town_names(m.group("a")):
            key = normalize(name)
            towns = [p for p in gaz.candidates(key) if p.kind == "city" and p.country_code in countries] \
                if key in gaz.names else []
            if towns:
                out.append(Span(a, b, key, towns, "district", True))
                break
    return out


def district_place(town: Place, adjective: str) -> Place:
    """The district an adjective names, at its centre ``town``."""
    return Place(id=f"{town.id}/district", name=f"{adjective} district", lat=town.lat, lon=town.lon, kind="admin2",
                 country_code=town.country_code, source=f"{town.source}+district", radius_km=DISTRICT_EXTENT_KM)
