"""A map a briefing room can read (issue 15), in Chromium against `streamlit run`: presentation mode fits the
window at three projector sizes (map, legend and narrative controls in view, nothing to scroll), no two labels
overlap, the view follows the data, and precision is drawn honestly (country-level ends, areas)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import harness
import pytest

ARTIFACTS = harness.ROOT / "test-artifacts"
VIEWPORTS = [(1280, 720), (1600, 1000), (1920, 1080)]

pytestmark = pytest.mark.browser

if not Path(harness.CHROMIUM).exists():
    pytest.skip(f"{harness.CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def briefing_url(tmp_path_factory, seeds_result):
    """The seeds with a two-step narrative: a movement, then an event elsewhere."""
    from geodata import narrative

    folder = tmp_path_factory.mktemp("briefing")
    for f in (harness.ROOT / "seeds").iterdir():
        shutil.copy(f, folder / f.name)
    a = next(e for e in seeds_result.events if e.origin and e.destination and e.date)
    b = next(e for e in seeds_result.events if e.place and e.date and e.date.year < a.date.year)
    for ev in (a, b):
        narrative.add(narrative.path_for(folder), ev.id, "A note for the room")
    with harness.running_app(ARTIFACTS / "streamlit-view.log", env={"GEODATA_CORPUS": str(folder)}) as url:
        yield url


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _labels(page) -> dict:
    """Every label drawn on the map (basemap names, base labels, route labels) and the controls' boxes."""
    return harness._content_frame(page).evaluate(
        "() => window.OSINT.drawnLabels(document.querySelector('.leaflet-container')._osintEvents._map)")


def _assert_labels_apart(page) -> int:
    drawn = _labels(page)
    boxes, controls = [lb["box"] for lb in drawn["labels"]], drawn["controls"]
    clash = [(drawn["labels"][i]["text"], drawn["labels"][j]["text"])
             for i in range(len(boxes)) for j in range(i) if _overlap(boxes[i], boxes[j])]
    assert not clash, clash
    under = [lb["text"] for lb in drawn["labels"] for c in controls if _overlap(lb["box"], c)]
    assert not under, under
    return len(boxes)


def _inside(box, vw, vh, what):
    assert box is not None, what
    assert box["x"] >= -0.5 and box["y"] >= -0.5, (what, box)
    assert box["x"] + box["width"] <= vw + 0.5 and box["y"] + box["height"] <= vh + 0.5, (what, box, vw, vh)


def _wait_view(page) -> None:
    harness.map_frame(page).locator(".leaflet-container[data-view-fits]").wait_for(state="attached", timeout=20_000)
    harness.settle(page)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=[f"{w}x{h}" for w, h in VIEWPORTS])
def test_presentation_fits_the_window(briefing_url, viewport):
    vw, vh = viewport
    with harness.offline_page(viewport=viewport) as page:
        page.goto(f"{briefing_url}/?step=1&mode=present")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        frame = harness.map_frame(page)
        frame.locator(".leaflet-container[data-window-fit]").wait_for(state="attached", timeout=20_000)
        frame.locator(".leaflet-popup-content .osint-quote").first.wait_for(timeout=10_000)  # the step's event
        _wait_view(page)
        # nothing to scroll: the page ends at the window's bottom
        scroll = page.evaluate("""() => { const m = document.querySelector("[data-testid='stMain']");
            return [m.scrollHeight, m.clientHeight, document.scrollingElement.scrollHeight, window.innerHeight]; }""")
        assert scroll[0] <= scroll[1] + 1 and scroll[2] <= scroll[3] + 1, scroll
        iframe = page.locator(harness.MAP_IFRAME).bounding_box()
        _inside(iframe, vw, vh, "map")
        assert iframe["height"] >= 0.6 * vh - 120, iframe  # the map takes the window, not a strip of it
        legend = frame.locator(".osint-legend").bounding_box()  # the frame's boxes are in the page's pixels
        _inside(legend, vw, vh, "legend")
        assert legend["height"] < 40 and legend["width"] < 160, legend  # folded: small
        for name in ("◀ Previous", "Next ▶", "End"):
            _inside(page.get_by_role("button", name=name).bounding_box(), vw, vh, name)
        page.get_by_text("Step 1 of 2").wait_for()
        n = _assert_labels_apart(page)
        assert n > 5, n
        # the step's popup: its close button is clear of the controls, so it can be clicked
        close = frame.locator(".leaflet-popup-close-button")
        _inside(close.bounding_box(), vw, vh, "popup close")
        close.click()
        frame.locator(".leaflet-popup").wait_for(state="detached", timeout=5_000)
        page.screenshot(path=str(ARTIFACTS / f"present-step-{vw}x{vh}.png"))

        # the first view of the briefing frames every event in range, arrowheads inside
        page.goto(f"{briefing_url}/?mode=present")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        frame.locator(".leaflet-container[data-window-fit]").wait_for(state="attached", timeout=20_000)
        _wait_view(page)
        c = frame.locator(".leaflet-container")
        assert c.get_attribute("data-view-fits") == "1"
        drawn = harness.drawn_items(page)
        w, h = drawn["size"]
        heads = [r["head"] for r in drawn["routes"]] + [[d["x"], d["y"]] for d in drawn["dots"]]
        assert heads and all(0 <= x <= w and 0 <= y <= h for x, y in heads), (heads, w, h)
        _inside(frame.locator(".osint-legend").bounding_box(), vw, vh, "legend")
        _assert_labels_apart(page)
        page.screenshot(path=str(ARTIFACTS / f"present-{vw}x{vh}.png"))
        assert page.external_requests == [] and page.page_errors == []


def _pan_away(page) -> None:
    harness._content_frame(page).evaluate(
        "() => { document.querySelector('.leaflet-container')._osintEvents._map.setView([-10, -140], 7, {animate: false}); }")
    harness.settle(page)


def _jump(page, month: str) -> None:
    """Pick a month in "Jump to" as a person does: open the box and type it (the list only renders the options
    near the current choice, so a far one is found by typing)."""
    page.locator(".st-key-preset").click()
    page.keyboard.type(month)
    page.get_by_role("option", name=re.compile("^" + month)).click()
    harness.wait_app_idle(page)


def test_the_view_follows_the_data(briefing_url):
    with harness.offline_page() as page:
        page.goto(f"{briefing_url}/?start=2018-01-01&end=2018-01-31")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        _wait_view(page)
        c = harness.map_frame(page).locator(".leaflet-container")
        assert c.get_attribute("data-view-fits") == "1" and c.get_attribute("data-view-follow") == "on"
        refits = int(c.get_attribute("data-view-refits") or 0)
        _pan_away(page)  # the Pacific: nothing of this corpus in view
        _jump(page, "2026-01")  # a month whose events are elsewhere (Moscow, Syria)
        page.wait_for_function(
            """([iframe, n]) => { const c = document.querySelector(iframe).contentDocument.querySelector('.leaflet-container');
                 return c.getAttribute('data-view-fits') === '1' && Number(c.getAttribute('data-view-refits')) > n; }""",
            arg=[harness.MAP_IFRAME, refits], timeout=30_000)
        harness.settle(page)
        drawn = harness.drawn_items(page)
        w, h = drawn["size"]
        assert drawn["dots"] and all(0 <= d["x"] <= w and 0 <= d["y"] <= h for d in drawn["dots"])
        _assert_labels_apart(page)

        # "Follow the data" off: the map stays where the analyst put it, and says the data is not all in view
        page.get_by_text("Follow the data").click()
        harness.wait_app_idle(page)
        refits = int(c.get_attribute("data-view-refits"))
        _pan_away(page)
        _jump(page, "2024-12")
        page.wait_for_function(
            """([iframe]) => { const c = document.querySelector(iframe).contentDocument.querySelector('.leaflet-container');
                 return c.getAttribute('data-view-follow') === 'off' && c.getAttribute('data-view-fits') === '0'; }""",
            arg=[harness.MAP_IFRAME], timeout=30_000)
        assert int(c.get_attribute("data-view-refits")) == refits
        assert page.external_requests == [] and page.page_errors == []


def test_country_level_ends_and_areas_are_drawn_as_such(briefing_url):
    with harness.offline_page() as page:
        page.goto(f"{briefing_url}/?start=2024-12-01&end=2024-12-31")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        _wait_view(page)
        drawn = harness.drawn_items(page)
        places = harness._content_frame(page).evaluate(
            "() => document.querySelector('.leaflet-container')._osintEvents._draw.places")
        open_heads = [r for r in drawn["routes"] if r["open_head"]]
        assert open_heads, drawn["routes"]
        assert all(places[r["d"]][0].endswith("(country-level)") and places[r["d"]][4] == "country" for r in open_heads)
        # a route to a town keeps its filled head
        assert any(not r["open_head"] and places[r["d"]][4] not in ("country", "region") for r in drawn["routes"])
        notes = [lb for lb in drawn["labels"] if lb["kind"] == "end"]
        assert notes and all(lb["text"] == "country-level" for lb in notes)
        # events placed only to a country are areas (a circle of its rough extent), with a clickable centre
        areas = [a for a in drawn["areas"] if a["precision"] == "country"]
        assert areas and all(a["r"] > 12 for a in areas), drawn["areas"]
        centres = [(d["x"], d["y"]) for d in drawn["dots"] if d["precision"] == "country"]
        assert centres and all("area" in d for d in drawn["dots"] if d["precision"] == "country")
        assert all("area" not in d for d in drawn["dots"] if d["precision"] in ("point", "town"))
        spot = harness.free_spot(page, centres)
        assert spot is not None
        harness.click_in_map(page, *spot)
        popup = harness.map_frame(page).locator(".leaflet-popup-content .osint-popup").first
        popup.wait_for(timeout=10_000)
        assert "Date:" in popup.inner_text()
        legend = harness.map_frame(page).locator(".osint-legend")
        legend.locator("summary").click()
        assert "country-level" in legend.inner_text() and "rough extent" in legend.inner_text()
        page.screenshot(path=str(ARTIFACTS / "precision.png"))
        assert page.external_requests == [] and page.page_errors == []
