import base64
import json
import re

import numpy as np

from dashboard import mapview
from geodata.export import installations_geojson, map_dataset


def test_local_assets_exist_and_no_external_links():
    for f in mapview.asset_files():
        assert f.exists(), f
    m = mapview.base_map()
    assert mapview.external_links(m) == []
    html = m.get_root().render()
    assert not re.search(r"""(?:src|href)=["']https?://""", html)


def test_online_tiles_are_opt_in():
    assert "openstreetmap" not in mapview.base_map().get_root().render().lower()
    osm = mapview.base_map(online_tiles="osm").get_root().render()
    assert "tile.openstreetmap.org" in osm
    assert re.search(r'OSINT\.basemap\([^)]*basemap-\w+\.json", false\)', osm)  # borders only, tiles show
    assert re.search(r'OSINT\.basemap\([^)]*basemap-\w+\.json", true\)', mapview.base_map().get_root().render())
    sat = mapview.base_map(online_tiles="satellite").get_root().render()
    assert "World_Imagery" in sat and "Esri" in sat
    assert mapview.external_links(mapview.base_map(online_tiles="satellite")) == []  # tiles, never scripts


def test_hostile_quote_cannot_break_out_of_the_script(seeds_result):
    ev = seeds_result.events[0]
    hostile = "</script><script>alert(1)</script> ${alert(2)} `tick` <img src=x onerror=alert(3)>"
    ev_copy = type(ev)(**{**ev.__dict__, "quote": hostile})
    draw, details = map_dataset([ev_copy])
    html = mapview.standalone_html(draw, details, None, installations_geojson([], None), title="t").decode()
    assert "</script><script>alert(1)" not in html
    assert "<img src=x" not in html
    # the quote survives as data: decode the JSON argument back and get the exact text
    start = html.index("window.OSINT.eventCanvas(") + len("window.OSINT.eventCanvas(")
    spec = json.JSONDecoder().raw_decode(html, start)[0]
    assert spec["source"]["details_data"][0]["quote"] == hostile


def test_dataset_is_published_once_by_content_and_masks_are_bits(seeds_result):
    draw, details = map_dataset(seeds_result.events)
    urls = mapview.publish(draw, details)
    assert urls == mapview.publish(draw, details) and mapview.published(urls)
    on_disk = json.loads((mapview.MAPDATA_DIR / urls["draw"].rsplit("/", 1)[-1]).read_text())
    assert on_disk["n"] == len(seeds_result.events) and len(on_disk["p"]) == on_disk["n"]
    mask = np.zeros(len(seeds_result.events), dtype=bool)
    mask[[0, 3, len(mask) - 1]] = True
    bits = np.unpackbits(np.frombuffer(base64.b64decode(mapview.pack_mask(mask)), dtype=np.uint8))
    assert list(np.flatnonzero(bits[: len(mask)])) == [0, 3, len(mask) - 1] and not bits[len(mask):].any()


def test_layers_follow_the_layer_toggles(seeds_result):
    bases = installations_geojson(seeds_result.installations, None)
    source = {"draw": "d.json", "details": ["x.json"], "chunk": 2000}
    names = [fg.layer_name for fg in mapview.data_layers(source, None, bases, {"bases", "events"})]
    assert names == ["Events and movements", "Bases"]
    assert [fg.layer_name for fg in mapview.data_layers(source, None, bases, {"bases"})] == ["Bases"]


def test_standalone_html_has_every_asset_inlined(seeds_result):
    html = mapview.standalone_html(*map_dataset(seeds_result.events), None,
                                   installations_geojson(seeds_result.installations, None), title="t").decode()
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    assert html.count("data:text/javascript;base64,") == len(mapview.local_js()) and "data:application/json;base64," in html
    assert "window.OSINT.labels(" in html  # the labels too, their data inlined


def test_compact_basemap_is_the_geojson_losslessly():
    geo = json.loads((mapview.BASEMAP_DIR / mapview.BASEMAP_FILE).read_text(encoding="utf-8"))
    compact = json.loads(mapview.compact_basemap())
    assert len(compact["shapes"]) == len(geo["features"]) == len(compact["names"])
    s = 1 / compact["scale"]
    for feature, name, shape in zip(geo["features"], compact["names"], compact["shapes"], strict=True):
        g = feature["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        decoded = []
        for rings in shape:
            polygon = []
            for steps in rings:
                x = y = 0
                ring = []
                for dx, dy in zip(steps[::2], steps[1::2], strict=True):
                    x, y = x + dx, y + dy
                    ring.append([round(x * s, 3), round(y * s, 3)])
                polygon.append(ring)
            decoded.append(polygon)
        assert name == feature["properties"]["name"]
        assert decoded == [[[[round(lon, 3), round(lat, 3)] for lon, lat in ring] for ring in polygon] for polygon in polygons]
    assert mapview.basemap_url().endswith(".json")


def test_labels_are_served_locally_once_by_content():
    url = mapview.labels_url()
    assert url == mapview.labels_url() and "://" not in url and url.startswith(mapview._url(mapview._mapdata, "labels-"))
    on_disk = mapview.MAPDATA_DIR / url.rsplit("/", 1)[-1]
    assert on_disk.read_bytes() == (mapview.BASEMAP_DIR / mapview.LABELS_FILE).read_bytes()
    assert ("osint_labels", mapview._url(mapview._app_assets, "osint-labels.js")) in mapview.local_js()
    assert mapview.ASSET_DIR / "osint-labels.js" in mapview.asset_files()
    html = mapview.base_map().get_root().render()
    assert re.search(r'OSINT\.labels\([^)]*labels-\w+\.json", \{"water": true\}\)', html)
    sat = mapview.base_map(online_tiles="satellite").get_root().render()
    assert re.search(r'OSINT\.labels\([^)]*\{"water": false\}\)', sat)  # names over imagery, no drawn rivers
    assert "OSINT.labels(" not in mapview.base_map(online_tiles="osm").get_root().render()  # OSM has its own
