import json
import re

from dashboard import mapview
from geodata.export import events_geojson, installations_geojson


def test_local_assets_exist_and_no_external_links():
    for f in mapview.asset_files():
        assert f.exists(), f
    m = mapview.base_map()
    assert mapview.external_links(m) == []
    html = m.get_root().render()
    assert not re.search(r"""(?:src|href)=["']https?://""", html)


def test_online_tiles_are_opt_in():
    assert "openstreetmap" not in mapview.base_map().get_root().render().lower()
    assert "openstreetmap" in mapview.base_map(online_tiles=True).get_root().render().lower()


def test_hostile_quote_cannot_break_out_of_the_script(seeds_result):
    ev = seeds_result.events[0]
    hostile = "</script><script>alert(1)</script> ${alert(2)} `tick` <img src=x onerror=alert(3)>"
    ev_copy = type(ev)(**{**ev.__dict__, "quote": hostile})
    fg = mapview.feature_group("Events", "eventLayer", events_geojson([ev_copy]))
    m = mapview.base_map()
    fg.add_to(m)
    js = m.get_root().render()
    assert "</script><script>alert(1)" not in js
    assert "<img src=x" not in js
    # the quote survives as data: decode the JSON argument back and get the exact text
    payload = re.search(r"window\.OSINT\.eventLayer\((\{.*?\})\);", js, re.S).group(1)
    assert json.loads(payload)["features"][0]["properties"]["quote"] == hostile


def test_layers_follow_the_layer_toggles(seeds_result):
    evs = events_geojson(seeds_result.events)
    bases = installations_geojson(seeds_result.installations, None)
    names = [fg.layer_name for fg in mapview.data_layers(evs, bases, {"bases", "events"})]
    assert names == ["Events", "Bases"]


def test_standalone_html_has_every_asset_inlined(seeds_result):
    html = mapview.standalone_html(events_geojson(seeds_result.events),
                                   installations_geojson(seeds_result.installations, None), title="t").decode()
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    assert html.count("data:text/javascript;base64,") == 3 and "data:application/json;base64," in html
