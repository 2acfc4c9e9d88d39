"""Streamlit AppTest of dashboard/page.py (the page script dashboard/app.py serves): runs the real script, no browser."""

from __future__ import annotations

import base64
import json
from datetime import date

import numpy as np
import pytest
from conftest import ROOT, open_app
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard" / "page.py")


def map_args(at: AppTest) -> tuple[dict, str]:
    comps = [c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium"]
    assert len(comps) == 1
    return json.loads(comps[0].proto.json_args), comps[0].proto.id


def events_spec(args: dict) -> dict | None:
    """The spec handed to OSINT.eventCanvas in this rerun (None when the events layers are off)."""
    fg = args["feature_group"]
    marker = "window.OSINT.eventCanvas("
    if marker not in fg:
        return None
    return json.JSONDecoder().raw_decode(fg, fg.index(marker) + len(marker))[0]


def shown_details(spec: dict) -> list[dict]:
    """The popup details of the events the map shows: the filters' mask and the date range applied to the
    files the iframe fetches, by the rule osint-canvas.js uses."""
    from dashboard.mapview import MAPDATA_DIR

    def fetch(url):
        return json.loads((MAPDATA_DIR / url.rsplit("/", 1)[-1]).read_text(encoding="utf-8"))

    draw = fetch(spec["source"]["draw"])
    details = [d for url in spec["source"]["details"] for d in fetch(url)]
    bits = np.unpackbits(np.frombuffer(base64.b64decode(spec["mask"]), dtype=np.uint8))[: len(details)]
    d0, d1, dates = np.array(draw["d0"]), np.array(draw["d1"]), spec["dates"]
    in_range = np.where(d0 < 0, dates["undated"], (d0 <= dates["end"]) & (d0 + d1 >= dates["start"]))
    return [d for d, keep in zip(details, bits & in_range, strict=True) if keep]


@pytest.fixture()
def at():
    return open_app(AppTest.from_file(APP, default_timeout=120))


def test_app_renders_map_with_local_assets_only(at):
    args, _ = map_args(at)
    for link in args["js_links"] + args["css_links"]:
        assert not link.startswith(("http:", "https:", "//")), link
    assert "leaflet.js" in " ".join(args["js_links"])
    assert args["feature_group"].count("window.OSINT.baseLayer") == 1
    assert "Hmeimim Air Base" in args["feature_group"]


def test_date_range_filters_events_without_remounting_the_map(at):
    slider = at.slider(key="date_range")
    lo, hi = slider.value
    before, map_id = map_args(at)
    n_before = at.metric[0].value
    slider.set_range(date(2024, 12, 1), date(2024, 12, 31)).run()
    after, map_id_after = map_args(at)
    assert at.metric[0].value != n_before
    assert int(at.metric[0].value) > 0
    assert before["feature_group"] != after["feature_group"]
    assert before["script"] == after["script"]  # the base map is unchanged: st_folium keeps the iframe
    assert events_spec(before)["source"] == events_spec(after)["source"]  # the data is not sent again: only the mask
    shown = shown_details(events_spec(after))
    assert len(shown) == int(at.metric[0].value) - sum(1 for d in shown if d["place"] is None)
    assert all(d["date"] is None or ("2024-12" <= d["date"] <= "2024-12-31") or d["date_end"] >= "2024-12-01"
               for d in shown)
    assert at.query_params["start"] == "2024-12-01"


def test_url_state_sets_the_range():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["start"] = "2026-01-01"
    app.query_params["end"] = "2026-01-31"
    open_app(app)
    assert not app.exception
    assert app.slider(key="date_range").value == (date(2026, 1, 1), date(2026, 1, 28))


def test_from_and_to_fields_move_the_range_and_the_url(at):
    lo, hi = at.slider(key="date_range").value
    assert (at.date_input(key="date_from").value, at.date_input(key="date_to").value) == (lo, hi)
    at.date_input(key="date_from").set_value(date(2024, 12, 1)).run()
    at.date_input(key="date_to").set_value(date(2024, 12, 31)).run()
    assert not at.exception, at.exception
    assert at.slider(key="date_range").value == (date(2024, 12, 1), date(2024, 12, 31))
    assert (at.query_params["start"], at.query_params["end"]) == ("2024-12-01", "2024-12-31")
    # From typed past To: To follows it
    at.date_input(key="date_from").set_value(date(2025, 1, 10)).run()
    assert at.slider(key="date_range").value == (date(2025, 1, 10), date(2025, 1, 10))
    # the slider (and playback, "Jump to") move the fields
    at.slider(key="date_range").set_range(date(2024, 12, 8), date(2024, 12, 14)).run()
    assert (at.date_input(key="date_from").value, at.date_input(key="date_to").value) == (date(2024, 12, 8), date(2024, 12, 14))
    at.button(key="step_fwd").click().run()
    assert at.date_input(key="date_from").value == date(2024, 12, 15)
    assert at.query_params["start"] == "2024-12-15"


def test_layer_toggle_drops_a_layer(at):
    at.checkbox(key="layer_events").uncheck().run()
    args, _ = map_args(at)
    assert events_spec(args)["events"] is False and events_spec(args)["movements"] is True
    at.checkbox(key="layer_movements").uncheck().run()
    args, _ = map_args(at)
    assert events_spec(args) is None
    assert "window.OSINT.baseLayer" in args["feature_group"]


def test_messy_corpus_folder_still_renders(tmp_path, monkeypatch):
    (tmp_path / "undated.txt").write_text("Russian warships left the port of Tartus on Sunday.", encoding="utf-8")
    (tmp_path / "hostile.txt").write_text(
        "Published 2024-12-09. <script>alert(1)</script> Troops left Damascus for the Hmeimim airbase ${alert(2)} `x`.",
        encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 near Idlib".encode("latin-1"))
    monkeypatch.setenv("GEODATA_CORPUS", str(tmp_path))
    app = AppTest.from_file(APP, default_timeout=120)
    open_app(app)
    assert not app.exception, app.exception
    assert any("not UTF-8" in e.value for e in app.error)  # the full list, under "Corpus notes"
    assert any("undated" in w.value for w in app.warning)
    # problems in sight: the skipped file is announced at the top of the page, with what to do
    top = next(w for w in app.warning if "could not be read" in w.value)
    assert top.value.startswith("1 file in the corpus folder") and "UTF-8" in top.value and "Corpus notes" in top.value
    assert any(e.label.startswith("Corpus notes: 1 error, ") for e in app.expander)
    args, _ = map_args(app)
    assert "<script>" not in args["feature_group"]  # no article text travels in the map's script
    quotes = [d["quote"] for d in shown_details(events_spec(args))]
    assert any("<script>alert(1)</script>" in q for q in quotes)  # data, fetched as JSON and drawn with textContent


def test_review_from_the_app_is_written_and_applied(tmp_path, monkeypatch, seeds_result):
    import shutil

    from geodata import curation

    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("GEODATA_CORPUS", str(tmp_path))
    target = next(e for e in seeds_result.events if e.place is not None and e.date is not None)
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["event"] = target.id
    open_app(app)
    assert not app.exception, app.exception
    assert any("Evidence" in h.value for h in app.subheader)
    assert any("ev-place" in m.value for m in app.markdown)  # the sentence with its places marked
    next(b for b in app.button if b.label == "Reject").click().run()
    assert not app.exception, app.exception
    assert curation.read(curation.path_for(tmp_path))[target.id].action == "reject"
    args, _ = map_args(app)
    assert target.id not in {d["id"] for d in shown_details(events_spec(args))}  # rejected: gone from the map


def test_timeline_and_export_buttons(at):
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download events (CSV)", "Download events (GeoJSON)", "Download map (offline HTML)"]


def test_presets_jump_the_range_and_the_url_keeps_layers(at):
    sb = at.selectbox(key="preset")
    month = next(o for o in sb.options if o.startswith("2024-12"))
    sb.select(month).run()
    assert not at.exception
    assert at.slider(key="date_range").value == (date(2024, 12, 1), date(2024, 12, 31))
    at.checkbox(key="layer_movements").uncheck().run()
    assert at.query_params["layers"] == "bases,events"
    week = next(o for o in at.selectbox(key="preset").options if o.startswith("Week of 2020-02-11"))
    at.selectbox(key="preset").select(week).run()
    assert at.slider(key="date_range").value == (date(2020, 2, 10), date(2020, 2, 16))


def test_presentation_mode_from_the_url():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["mode"] = "present"
    app.query_params["start"] = "2024-12-01"
    app.query_params["end"] = "2024-12-31"
    open_app(app)
    assert not app.exception, app.exception
    args, _ = map_args(app)
    from dashboard.panels.mapframe import PRESENT_HEIGHT

    assert args["height"] == PRESENT_HEIGHT  # until the map's script sizes it to the window (osint-view.js)
    assert "window.OSINT.view" in args["script"] and '"fitWindow": true' in args["script"]
    assert "window.OSINT.caption" in args["feature_group"] and "01 Dec 2024 \\u2013 31 Dec 2024" in args["feature_group"]
    assert not app.get("arrow_data_frame") and not app.dataframe  # no table in the briefing view


def test_step_buttons_move_the_range(at):
    at.slider(key="date_range").set_range(date(2024, 12, 1), date(2024, 12, 7)).run()
    at.button(key="step_fwd").click().run()
    assert at.slider(key="date_range").value == (date(2024, 12, 8), date(2024, 12, 14))
    at.selectbox(key="step_unit").select("day").run()
    at.button(key="step_back").click().run()
    assert at.slider(key="date_range").value == (date(2024, 12, 7), date(2024, 12, 13))
    at.button(key="play").click().run()
    assert not at.exception and at.session_state["playing"] is True


def test_place_mentions_layer_is_opt_in(at):
    args, _ = map_args(at)
    assert "window.OSINT.mentionLayer" not in args["feature_group"]
    at.checkbox(key="layer_mentions").check().run()
    args, _ = map_args(at)
    assert "window.OSINT.mentionLayer" in args["feature_group"] and "Hmeimim Air Base" in args["feature_group"]
    assert "mentions" in at.query_params["layers"]


def test_follow_the_data_switch_reaches_the_map(at):
    """The sidebar's "Follow the data" (on by default) goes to the map in the events layer's spec; no frame is set
    when neither a narrative step nor a selected event frames the view."""
    spec = events_spec(map_args(at)[0])
    assert spec["follow"] is True and spec["frame"] is None and spec["frame_rows"] == []
    at.toggle(key="follow").set_value(False).run()
    assert not at.exception, at.exception
    assert events_spec(map_args(at)[0])["follow"] is False


def test_nato_symbols_are_an_option_off_by_default(at):
    args, _ = map_args(at)
    assert "data:image/svg+xml" not in args["feature_group"] and "layers" not in at.query_params
    at.checkbox(key="layer_app6").check().run()
    assert not at.exception, at.exception
    args, _ = map_args(at)
    assert args["feature_group"].count("data:image/svg+xml;base64,") >= 3  # a symbol per installation kind and status
    assert "app6" in at.query_params["layers"]
