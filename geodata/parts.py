"""Descriptive regions: "northern Syria", "Syria's northeast", "western Anbar", "the central Sahel" become a
region inside the country, province or region named, with its own point and extent (a country's part from
``country_directions.csv``, a curated part's own row, the others half their extent from their point)."""

from __future__ import annotations

import math
import re

from geodata.gazetteer.index import Gazetteer
from geodata.gazetteer.normalize import name_keys
from geodata.models import Mention, Place

_DIRECTION = r"(?P<d>(?:north|south)(?:[- ]?(?:east|west))?|east|west|central)(?:ern)?"
_DIRECTION_BEFORE = re.compile(r"\b(?:the\s+)?(?:far\s+)?" + _DIRECTION + r"(?:\s+of)?\s+$", re.I)
_DIRECTION_AFTER = re.compile(r"^['’]s\s+(?:far\s+)?" + _DIRECTION + r"\b", re.I)


_BEARING = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "northeast": (1, 1), "northwest": (1, -1),
            "southeast": (-1, 1), "southwest": (-1, -1), "central": (0, 0)}
_PART_KINDS = ("admin1", "admin2", "region", "sea")  # a part of these is put off their point by half their extent


def _part_point(place: Place, direction: str) -> tuple[float, float] | None:
    """A point in the ``direction`` part of a province or region: half its extent from its point that way."""
    dy, dx = _BEARING.get(direction, (None, None))
    if dy is None:
        return None
    km = place.extent_km / 2.0 / (math.sqrt(2) if dy and dx else 1.0)
    lat = place.lat + dy * km / 111.2
    lon = place.lon + dx * km / (111.2 * max(0.1, math.cos(math.radians(place.lat))))
    return round(lat, 4), round(lon, 4)


def _named_part(gaz: Gazetteer, words: str, m: Mention) -> Place | None:
    """A curated row for that part ("southern Red Sea", "central Sahel"): a long sea's or a broad region's parts
    lie where the news means them, not half its extent due south of its middle. Only for curated places (a
    continent's "central Africa" stays a part of Africa)."""
    if not m.place.source.startswith("curated"):
        return None
    for name in (m.text, m.place.name):
        for key in name_keys(f"{words} {name}"):
            for p in gaz.candidates(key) if key in gaz.names else ():
                if p.source.startswith("curated"):
                    return p
    return None


def descriptive_region(text: str, m: Mention, gaz: Gazetteer) -> Mention:
    """"northern Syria", "Syria's northeast", "western Anbar", "the central Sahel" -> a region inside the country,
    province or region, with its own point (a country's from ``country_directions.csv``, the others' half their
    extent from their point)."""
    if m.place.kind != "country" and m.place.kind not in _PART_KINDS:
        return m
    before = _DIRECTION_BEFORE.search(text[max(0, m.start - 30):m.start])
    after = None if before else _DIRECTION_AFTER.match(text[m.end:m.end + 30])
    hit = before or after
    if hit is None:
        return m
    direction = hit.group("d").lower().replace("-", "").replace(" ", "")
    words = {"central": "central"}.get(direction, direction + "ern")
    named = _named_part(gaz, words, m)
    if m.place.kind == "country" and named is None:
        point = gaz.directions.get(f"{m.place.country_code}:{direction}")
        source = "natural-earth-direction"
    elif named is None:
        point = _part_point(m.place, direction)
        source = "extent-direction"
    else:
        point, source = (named.lat, named.lon), named.source
    if point is None:
        return m
    start, end = m.start, m.end
    if before:
        start = max(0, m.start - 30) + before.start()
        if text[start:start + 4].lower() == "the ":
            start += 4
    else:
        end = m.end + after.end()
    if named is not None:
        return Mention(text=text[start:end], start=start, end=end, place=named, confidence=m.confidence * 0.9)
    place = Place(id=f"{m.place.id}/{direction}", name=f"{words} {m.place.name}", lat=point[0], lon=point[1],
                  kind="region", country_code=m.place.country_code, source=source,
                  radius_km=round(m.place.extent_km / 2.0, 1))
    return Mention(text=text[start:end], start=start, end=end, place=place, confidence=m.confidence * 0.9)
