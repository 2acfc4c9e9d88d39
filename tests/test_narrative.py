"""The briefing narrative: storage (geodata.narrative) and stepping through it in the app (AppTest)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

from conftest import ROOT, open_app
from streamlit.testing.v1 import AppTest

from geodata import narrative

APP = str(ROOT / "dashboard" / "page.py")


def test_steps_are_kept_in_order_and_survive_concurrent_edits(tmp_path):
    path = narrative.path_for(tmp_path)
    assert narrative.read(path) == []
    narrative.add(path, "ev-b", "second")
    narrative.add(path, "ev-a")
    narrative.add(path, "ev-c", "with, a comma and \"quotes\"")
    assert [s.event_id for s in narrative.read(path)] == ["ev-b", "ev-a", "ev-c"]
    assert narrative.read(path)[2].note == "with, a comma and \"quotes\""
    narrative.move(path, "ev-c", -5)
    assert [s.event_id for s in narrative.read(path)] == ["ev-c", "ev-b", "ev-a"]
    narrative.remove(path, "ev-b")
    narrative.add(path, "ev-a", "now with a note")  # no duplicate: the note is updated
    steps = narrative.read(path)
    assert [s.event_id for s in steps] == ["ev-c", "ev-a"] and steps[1].note == "now with a note"


def test_a_step_frames_its_places_and_days(seeds_result):
    move = next(e for e in seeds_result.events if e.origin and e.destination and e.date)
    f = narrative.frame(move)
    assert f.start == move.date - timedelta(days=3) and f.end == (move.date_end or move.date) + timedelta(days=3)
    lat_lo, lat_hi = sorted((move.origin.lat, move.destination.lat))
    assert lat_lo <= f.center[0] <= lat_hi
    assert 3 <= f.zoom <= 9
    near = narrative.zoom_for(0.5)
    far = narrative.zoom_for(40)
    assert near > far


def _app(tmp_path, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("GEODATA_CORPUS", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return open_app(at)


def _map_args(at):
    import json
    comp = next(c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium")
    return json.loads(comp.proto.json_args)


def test_pick_events_and_step_through_them_in_the_app(tmp_path, monkeypatch, seeds_result):
    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    picked = [e for e in seeds_result.events if e.place is not None and e.date is not None and e.date.year == 2024][:2]
    at = _app(tmp_path, monkeypatch, event=picked[0].id)
    at.text_input(key=f"nar_note_{picked[0].id}").input("Opening: the drawdown starts")
    next(b for b in at.button if b.label == "Add to narrative").click().run()
    assert [s.event_id for s in narrative.read(narrative.path_for(tmp_path))] == [picked[0].id]
    narrative.add(narrative.path_for(tmp_path), picked[1].id)  # a second step, as another session would add it

    at = _app(tmp_path, monkeypatch)
    at.button(key="nar_start").click().run()
    assert not at.exception, at.exception
    f1 = narrative.frame(picked[0])
    assert at.slider(key="date_range").value == (f1.start, f1.end)
    assert at.query_params["step"] == "1" and at.query_params["event"] == picked[0].id
    assert any("Step 1 of 2" in m.value and "Opening: the drawdown starts" in m.value for m in at.markdown)
    args = _map_args(at)
    assert args["zoom"] == f1.zoom and args["center"] == list(f1.center)
    at.button(key="nar_next").click().run()
    f2 = narrative.frame(picked[1])
    assert at.slider(key="date_range").value == (max(f2.start, date(2018, 1, 1)), f2.end)
    assert at.query_params["step"] == "2"
    at.button(key="nar_end").click().run()
    assert "step" not in at.query_params


def test_a_link_to_a_step_reopens_it(tmp_path, monkeypatch, seeds_result):
    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    ev = next(e for e in seeds_result.events if e.origin and e.destination and e.date)
    narrative.add(narrative.path_for(tmp_path), ev.id)
    at = _app(tmp_path, monkeypatch, step="1", mode="present")
    f = narrative.frame(ev)
    assert at.slider(key="date_range").value == (f.start, f.end)
    assert any("Step 1 of 1" in m.value for m in at.markdown)
