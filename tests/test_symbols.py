"""NATO symbols (APP-6) for the bases: every installation kind of the vocabulary gets a valid SVG in every status."""

import base64
import xml.etree.ElementTree as ET

from dashboard import mapview, symbols
from geodata.vocabulary import BASE_STATUSES, INSTALLATION_KINDS, VOCABULARY

SVG = "{http://www.w3.org/2000/svg}"


def test_every_installation_kind_gets_a_valid_svg_data_uri_in_every_status():
    icons = symbols.icons()
    assert set(icons) == set(INSTALLATION_KINDS)
    for kind in INSTALLATION_KINDS:
        assert set(icons[kind]) == set(BASE_STATUSES)
        for status, icon in icons[kind].items():
            prefix = "data:image/svg+xml;base64,"
            assert icon["url"].startswith(prefix)
            root = ET.fromstring(base64.b64decode(icon["url"][len(prefix):]))
            assert root.tag == SVG + "svg"
            paths = root.findall(SVG + "path")
            assert len(paths) >= 3  # the halo, the frame, the icon (and the installation's bar)
            stroke = next(s.stroke for s in VOCABULARY.base_statuses if s.name == status)
            assert paths[0].get("stroke") == stroke and paths[0].get("fill") == "none"  # the status halo
            assert paths[1].get("fill") == "rgb(255,255,128)"  # the frame: unknown affiliation's yellow quatrefoil
            w, h = icon["size"]
            assert 20 <= w <= 48 and 20 <= h <= 48 and 0 < icon["anchor"][0] < w and 0 < icon["anchor"][1] < h


def test_sidcs_are_unknown_affiliation_land_installations():
    for kind in INSTALLATION_KINDS:
        code = symbols.sidc(kind)
        assert len(code) == 20 and code[:2] == "10" and code[3] == "1" and code[4:6] == "20"
    assert symbols.sidc("air_base") == symbols.sidc("airport") != symbols.sidc("naval_base") == symbols.sidc("port")
    # the three symbols differ
    assert len({symbols.icons()[k]["active"]["url"] for k in ("air_base", "naval_base", "military_base")}) == 3


def test_the_bases_layer_carries_symbols_only_with_the_option():
    fc = {"type": "FeatureCollection", "features": []}

    def bases_data(show):
        (layer,) = mapview.data_layers({}, None, fc, show)[-1]._children.values()
        return layer.data

    assert "symbols" not in bases_data({"bases"})
    assert bases_data({"bases", "app6"})["symbols"] == symbols.icons()


def test_the_briefing_file_carries_the_symbols_when_asked(seeds_result):
    from geodata.export import installations_geojson, map_dataset

    args = (*map_dataset(seeds_result.events), None, installations_geojson(seeds_result.installations, None))
    assert b"data:image/svg+xml;base64," not in mapview.standalone_html(*args, title="t")
    assert b"data:image/svg+xml;base64," in mapview.standalone_html(*args, title="t", app6=True)
