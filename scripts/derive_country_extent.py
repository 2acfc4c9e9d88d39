"""Derive each country's rough extent into ``geodata/data/gazetteer/countries.csv`` (column ``radius_km``).

Dev-time tool, not run by the app or CI. The area of each country's polygons in
``geodata/data/basemap/countries-50m.geojson`` (Natural Earth 1:50m, see ``derive_natural_earth.py``), on the
sphere (R = 6371.0088 km; rings by the spherical-excess formula for small segments, holes subtracted), joined on
``ne_name``; ``radius_km`` is the radius of a disc of that area, rounded to the kilometre (the file keeps its CRLF line ends; a country's "extent":
how far from its point a place inside it may lie). Countries with no polygon keep an empty cell.

Usage::

    python scripts/derive_country_extent.py
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "geodata" / "data"
R = 6371.0088


def ring_area_km2(ring: list[list[float]]) -> float:
    """Signed area of a lon/lat ring on the sphere (Chamberlain & Duquette 2007)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:] + ring[:1], strict=True):
        dlon = math.radians(lon2 - lon1)
        if dlon > math.pi:
            dlon -= 2 * math.pi
        elif dlon < -math.pi:
            dlon += 2 * math.pi
        total += dlon * (2 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2)))
    return total * R * R / 2.0


def polygon_area_km2(rings: list[list[list[float]]]) -> float:
    outer, *holes = rings
    return max(0.0, abs(ring_area_km2(outer)) - sum(abs(ring_area_km2(h)) for h in holes))


def country_areas(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out[f["properties"]["name"]] = out.get(f["properties"]["name"], 0.0) + sum(map(polygon_area_km2, polys))
    return out


def main() -> None:
    areas = country_areas(DATA / "basemap" / "countries-50m.geojson")
    path = DATA / "gazetteer" / "countries.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = [f for f in reader.fieldnames or [] if f != "radius_km"] + ["radius_km"]
        rows = list(reader)
    for r in rows:
        area = areas.get(r["ne_name"]) or areas.get(r["name"])
        r["radius_km"] = str(round(math.sqrt(area / math.pi))) if area else ""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
