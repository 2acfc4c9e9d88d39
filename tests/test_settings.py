"""Online sources are opt-in: tiles and the online geocoder (against a Nominatim-shaped server on loopback)."""

from __future__ import annotations

import json

from conftest import ROOT, FakeNominatim, open_app
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard" / "page.py")


def _map_script(at: AppTest) -> str:
    comp = next(c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium")
    return json.loads(comp.proto.json_args)["script"]


def test_offline_by_default_and_says_so(server, tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_NOMINATIM", f"http://{server}")
    monkeypatch.setenv("GEODATA_CACHE", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    open_app(at)
    assert not at.exception, at.exception
    assert any("no request leaves this machine" in c.value for c in at.caption)
    assert "tile.openstreetmap.org" not in _map_script(at)
    at.text_input(key="lookup").input("Xyzzy Hamlet").run()
    assert any("not in the offline gazetteer" in w.value for w in at.warning)
    assert FakeNominatim.hits == []  # nothing asked online while it is off


def test_tiles_and_online_geocoder_when_turned_on(server, tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_NOMINATIM", f"http://{server}")
    monkeypatch.setenv("GEODATA_CACHE", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    open_app(at)
    at.radio(key="background").set_value("satellite").run()
    assert "World_Imagery" in _map_script(at)
    assert any("Esri World Imagery" in c.value for c in at.caption)
    at.toggle(key="online_geocoder").set_value(True).run()
    at.text_input(key="lookup").input("Khmeimim").run()
    assert any("offline gazetteer" in s.value for s in at.success) and FakeNominatim.hits == []  # offline first
    at.text_input(key="lookup").input("Xyzzy Hamlet").run()
    assert not at.exception, at.exception
    assert any("34.9000, 35.9000" in s.value and "online" in s.value for s in at.success)
    assert [q for q, _ in FakeNominatim.hits] == ["Xyzzy Hamlet"]

    from geodata.gazetteer import load_gazetteer
    from geodata.pipeline import place_lookup
    from geodata.settings import Settings

    place = place_lookup(load_gazetteer(), Settings.from_env())("Xyzzy Hamlet")  # a rebuild places it from the cache, offline
    assert place is not None and place.source == "online" and abs(place.lat - 34.9) < 1e-6
    assert len(FakeNominatim.hits) == 1
