"""Where a country-level end of a movement is drawn: the point of that country's border nearest the other
end, never its centroid ("evacuated to Russia by air" is an arrow from Syria to Russia's border, not into
central Siberia). Border points come from the basemap (Natural Earth 1:50m, ``data/basemap``).
"""

from __future__ import annotations

import csv
import json
import math
from functools import cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
BASEMAP = DATA / "basemap" / "countries-50m.geojson"
COUNTRIES = DATA / "gazetteer" / "countries.csv"


@cache
def _vertices() -> dict[str, np.ndarray]:
    """ISO code -> every outer-ring vertex of the country's polygons, as an (n, 2) array of (lat, lon)."""
    with open(COUNTRIES, encoding="utf-8", newline="") as fh:
        code_of = {r["ne_name"]: r["iso2"] for r in csv.DictReader(fh)}
    out: dict[str, list[list[float]]] = {}
    for f in json.loads(BASEMAP.read_bytes())["features"]:
        code = code_of.get((f.get("properties") or {}).get("name", ""))
        if not code:
            continue
        g = f["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        out.setdefault(code, []).extend([lat, lon] for polygon in polygons for lon, lat in polygon[0])
    return {code: np.asarray(pts, dtype=float) for code, pts in out.items()}


def border_point(country_code: str, lat: float, lon: float) -> tuple[float, float] | None:
    """The vertex of the country's border nearest (great-circle) to (lat, lon), or None for a country the
    basemap lacks (memoised to 0.01 degrees: a corpus's movements share a few ends)."""
    return _border_point(country_code.upper(), round(lat, 2), round(lon, 2))


@cache
def _border_point(country_code: str, lat: float, lon: float) -> tuple[float, float] | None:
    """The vertex of the country's border nearest (great-circle) to (lat, lon), or None for a country the
    basemap lacks. A point inside the country gets the nearest border point too; callers ask only for an
    end whose other end lies elsewhere."""
    pts = _vertices().get(country_code)
    if pts is None or not len(pts):
        return None
    la, lo = np.radians(pts[:, 0]), np.radians(pts[:, 1])
    p1, l1 = math.radians(lat), math.radians(lon)
    a = np.sin((la - p1) / 2) ** 2 + math.cos(p1) * np.cos(la) * np.sin((lo - l1) / 2) ** 2
    i = int(np.argmin(a))
    return float(pts[i, 0]), float(pts[i, 1])
