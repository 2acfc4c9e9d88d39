"""The derived basemap data: polygons cut at the antimeridian, and the labels, rivers and lakes
(``scripts/derive_basemap_labels.py``)."""

from __future__ import annotations

import json

import pytest

from dashboard import mapview

BASEMAP = mapview.BASEMAP_DIR / mapview.BASEMAP_FILE
LABELS = mapview.BASEMAP_DIR / "labels-50m.json"


def _polygons(geometry):
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


@pytest.fixture(scope="module")
def labels():
    return json.loads(LABELS.read_text(encoding="utf-8"))


def _decode(steps, scale):
    x = y = 0
    out = []
    for dx, dy in zip(steps[::2], steps[1::2], strict=True):
        x, y = x + dx, y + dy
        out.append((x / scale, y / scale))
    return out


def test_no_basemap_ring_jumps_across_the_antimeridian():
    geo = json.loads(BASEMAP.read_text(encoding="utf-8"))
    by_name = {}
    for f in geo["features"]:
        for polygon in _polygons(f["geometry"]):
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4, f["properties"]["name"]
                for (x0, _), (x1, _) in zip(ring, ring[1:], strict=False):
                    assert abs(x1 - x0) <= 180, (f["properties"]["name"], x0, x1)
                    assert -180 <= x1 <= 180
        by_name[f["properties"]["name"]] = f
    # the countries that crossed it are still there, on both sides where they lie on both
    for name in ("Russia", "Fiji"):
        xs = [x for p in _polygons(by_name[name]["geometry"]) for r in p for x, _ in r]
        assert min(xs) == -180 and max(xs) == 180, name
    antarctica = [r for p in _polygons(by_name["Antarctica"]["geometry"]) for r in p]
    assert any(min(y for _, y in r) == -90 and max(x for x, _ in r) - min(x for x, _ in r) == 360 for r in antarctica)
    assert len(geo["features"]) == 241


def test_the_antimeridian_cut_leaves_other_polygons_alone():
    import sys

    pytest.importorskip("shapely", reason="the derivation scripts' dev-time dependency")

    sys.path.insert(0, str(mapview.BASEMAP_DIR.parent.parent.parent / "scripts"))
    try:
        from antimeridian import split_geometry
    finally:
        sys.path.pop(0)
    square = {"type": "Polygon", "coordinates": [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]}
    assert split_geometry(square) is square
    crossing = {"type": "Polygon", "coordinates": [[[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]]}
    out = split_geometry(crossing)
    assert out["type"] == "MultiPolygon" and len(out["coordinates"]) == 2
    spans = sorted((min(x for x, _ in p[0]), max(x for x, _ in p[0])) for p in out["coordinates"])
    assert spans == [(-180, -179), (179, 180)]


def test_labels_have_names_points_and_zooms(labels):
    assert labels["version"] == 1 and labels["scale"] == 100
    kinds = {}
    for kind, name, lon, lat, zoom in labels["labels"]:
        assert kind in {"country", "capital", "city", "sea", "lake", "river"}
        assert isinstance(name, str) and name.strip() == name and name
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and 2 <= zoom <= 10
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds["country"] == 241 and kinds["capital"] > 190 and kinds["city"] > 5000
    assert kinds["sea"] > 50 and kinds["lake"] > 50 and kinds["river"] > 50
    # in priority order: countries, capitals, cities (by population), seas, lakes, rivers
    order = [k for k, *_ in labels["labels"]]
    firsts = [order.index(k) for k in ("country", "capital", "city", "sea", "lake", "river")]
    assert firsts == sorted(firsts)


def _find(labels, kind, name):
    hits = [lb for lb in labels["labels"] if lb[0] == kind and lb[1] == name]
    assert hits, (kind, name)
    return hits[0]


def test_labels_are_english_and_where_they_should_be(labels):
    names = {lb[1] for lb in labels["labels"] if lb[0] in ("city", "capital")}
    for city in ("Tartus", "Latakia", "Aleppo", "Homs", "Copenhagen", "Kyiv", "Izmir", "Osaka", "Basra"):
        assert city in names, city
    assert "Mosul" in names and "Al Mawsil al Jadidah" not in names  # one label for GeoNames' two records
    for local in ("Ţarţūs", "Al Lādhiqīyah", "København", "İzmir", "Ōsaka"):
        assert local not in names, local
    assert not [n for n in names if any(ord(c) >= 0x100 for c in n)]  # Latin-1 accents at most (São Paulo)
    damascus = _find(labels, "capital", "Damascus")
    assert abs(damascus[2] - 36.29) < 0.1 and abs(damascus[3] - 33.51) < 0.1 and damascus[4] <= 3
    tartus = _find(labels, "city", "Tartus")
    assert abs(tartus[2] - 35.89) < 0.1 and abs(tartus[3] - 34.89) < 0.1
    syria = _find(labels, "country", "Syria")
    assert 35.5 < syria[2] < 42.5 and 32.3 < syria[3] < 37.4  # inside the country
    med = _find(labels, "sea", "Mediterranean Sea")
    assert 0 < med[2] < 36 and 30 < med[3] < 45
    assert _find(labels, "river", "Euphrates")


def test_rivers_and_lakes_are_small_lines_within_the_world(labels):
    s = labels["scale"]
    assert len(labels["rivers"]) > 300 and len(labels["lakes"]) > 100
    for zoom, width, steps in labels["rivers"]:
        pts = _decode(steps, s)
        assert len(pts) >= 2 and 2 <= zoom <= 10 and 0 < width < 3
        assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in pts)
    for zoom, rings in labels["lakes"]:
        outer = _decode(rings[0], s)
        assert len(outer) >= 3 and outer[0] == outer[-1] and 2 <= zoom <= 10
    assert LABELS.stat().st_size < 1_000_000
