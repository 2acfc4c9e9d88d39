"""The real thing: `streamlit run` on a loopback port, Debian's Chromium driven by Playwright, no network.

Every request to a host other than loopback is aborted and recorded; the test fails if there is any.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import harness
import pytest

ARTIFACTS = harness.ROOT / "test-artifacts"

pytestmark = pytest.mark.browser

if not Path(harness.CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{harness.CHROMIUM} not installed (apt-get install -y chromium); CI always runs this",
                allow_module_level=True)


@pytest.fixture(scope="module", autouse=True)
def _index_built(gaz):
    """Every app below starts on the session's cache (conftest) with the gazetteer index already built: a first
    start builds it (15-60 s for cities500, with the machine's load), which is not what these tests time."""


@pytest.fixture(scope="module")
def app_url():
    with harness.running_app(ARTIFACTS / "streamlit.log") as url:
        yield url


@pytest.fixture()
def page():
    with harness.offline_page() as pg:
        yield pg


def test_map_offline_renders_and_date_range_filters(app_url, page):
    t0 = time.monotonic()
    page.goto(app_url)
    harness.wait_map_drawn(page)
    first_map_s = time.monotonic() - t0
    harness.wait_app_idle(page)
    page.wait_for_timeout(500)
    frame = harness.map_frame(page)

    n_bases = harness.count_in_map(page, ".osint-base")
    state = harness.map_state(page)
    n_events, n_arrows = int(state["events-drawn"]), int(state["routes"])
    n_land = int(frame.locator(".leaflet-container").get_attribute("data-basemap-features"))
    assert harness.count_in_map(page, ".leaflet-osint-basemap-pane canvas") == 1
    assert n_bases >= 3, n_bases
    assert n_events > 0 and n_arrows > 0, (n_events, n_arrows)
    assert n_land > 100, n_land  # coastlines and borders drawn from the local basemap
    frame.locator(".leaflet-container[data-labels='loaded']").wait_for(timeout=10_000)
    assert int(frame.locator(".leaflet-container").get_attribute("data-labels-drawn")) > 0  # names, offline
    labels = frame.locator(".osint-base-label").all_inner_texts()
    assert any("Hmeimim" in t for t in labels) and any("Tartus" in t for t in labels)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))

    frame.locator("summary.osint-legend-summary").click()
    assert frame.locator(".osint-legend-body").is_visible()
    frame.locator("summary.osint-legend-summary").click()
    # Click an event dot on the canvas, like a user: its popup shows date, type and the quote as text.
    harness.settle(page)
    dot = harness.free_spot(page, [(d["x"], d["y"]) for d in harness.drawn_items(page)["dots"]])
    harness.click_in_map(page, *dot)
    popup = frame.locator(".leaflet-popup-content .osint-popup").first
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "Date:" in text and "Source:" in text and len(frame.locator(".osint-quote").first.inner_text()) > 20
    assert frame.locator(".osint-quote mark.osint-mark-place").count() > 0  # the place it read, highlighted
    frame.locator(".leaflet-popup-close-button").click()
    frame.locator(".leaflet-popup").wait_for(state="detached")  # gone, not fading out over the route below
    harness.settle(page)  # the popup may have panned the map
    # A route: its popup lists the movements on it.
    drawn = harness.drawn_items(page)
    w, h = drawn["size"]
    candidates = sorted((pt for r in drawn["routes"] for pt in r["samples"][2:-2] if 60 < pt[0] < w - 60 and 60 < pt[1] < h - 60),
                        key=lambda pt: -min(((pt[0] - d["x"]) ** 2 + (pt[1] - d["y"]) ** 2 for d in drawn["dots"]), default=1e9))
    spot = harness.free_spot(page, candidates)  # on the line, away from dots, labels and controls
    assert spot is not None
    harness.click_in_map(page, *spot)
    frame.locator(".leaflet-popup-content .osint-popup", has_text="Movement:").first.wait_for(timeout=10_000)
    frame.locator(".leaflet-popup-close-button").click()

    # Change the date range with the keyboard: move the start thumb to the end of the range.
    shown = harness.map_state(page)["events-shown"]
    harness.install_probes(page)
    to_map, to_rerun = harness.timed_key_on_slider(page, "End")
    assert to_map < to_rerun  # the map follows the slider by itself, before the app's rerun is back
    harness.settle(page)
    after = int(harness.map_state(page)["events-shown"])
    assert 0 < after < int(shown)
    # the app's rerun, with its own mask, agrees with what the map drew before it came back: every count
    # painted since the key press is the same
    painted = {v for v, _ in harness._content_frame(page).evaluate("() => window.__shownAt")}
    assert painted == {str(after)}, painted
    end = harness.map_state(page)
    from datetime import date as _date
    from urllib.parse import parse_qs, urlparse

    q = parse_qs(urlparse(page.url).query)
    s_day, e_day = _date.fromisoformat(q["start"][0]), _date.fromisoformat(q["end"][0])
    want = f"{s_day:%d %b %Y}" if s_day == e_day else f"{s_day:%d %b %Y} – {e_day:%d %b %Y}"
    assert frame.locator(".osint-caption").inner_text() == want  # as the map wrote it and as the app did
    assert end["events-shown"] == str(after)
    page.screenshot(path=str(ARTIFACTS / "map-filtered.png"))

    assert page.external_requests == [], page.external_requests
    assert page.page_errors == [], page.page_errors
    (ARTIFACTS / "first_map_seconds.txt").write_text(f"{first_map_s:.2f}\n")


HOSTILE = (
    "Published 2024-12-09. Russian warships left the port of Tartus on Sunday "
    "<script>window.top.__pwned = 'script'; alert(1)</script> "
    "<img src=x onerror=\"window.top.__pwned = 'img'; alert(2)\"> ${window.top.__pwned = 'template'} `backtick` "
    "and sailed to the Black Sea.\n"
)


# Loaded into the server by `sitecustomize`: every DNS lookup or connection to a host other than loopback,
# whatever library makes it, is written to $NET_AUDIT_LOG (Python's audit hooks see them all).
_NET_AUDIT = r'''
import ipaddress, os, sys

_LOG = os.environ["NET_AUDIT_LOG"]


def _loopback(host):
    h = host.decode() if isinstance(host, bytes) else str(host)
    if h in ("localhost", "None", ""):
        return True
    try:
        return ipaddress.ip_address(h.split("%")[0]).is_loopback
    except ValueError:
        return False


def _hook(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        host = args[0]
    elif event in ("socket.connect", "socket.sendto") and isinstance(args[1], tuple):
        host = args[1][0]
    else:
        return
    if not _loopback(host):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{event} {host!r}\n")


sys.addaudithook(_hook)
'''


def test_the_readme_command_sends_nothing_off_this_machine(tmp_path, page):
    """The README's `streamlit run dashboard/app.py` (only a port added; address, headless and usage statistics
    from .streamlit/config.toml) serves the seeds' map, and the server itself resolves or contacts no host but
    loopback: the browser side is held to the same by every test here (harness.offline_page)."""
    audit = tmp_path / "net.log"
    env = {"NET_AUDIT_LOG": str(audit), **harness.probe_env(tmp_path, _NET_AUDIT)}
    # the probe sees a lookup when there is one
    subprocess.run([sys.executable, "-c", "import socket\ntry: socket.getaddrinfo('example.invalid', 80)\nexcept OSError: pass"],
                   env={**os.environ, **env}, check=True)
    assert "example.invalid" in audit.read_text(encoding="utf-8")
    audit.unlink()
    with harness.running_app(ARTIFACTS / "streamlit-readme.log", env=env, readme=True) as url:
        page.goto(url)
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        assert harness.count_in_map(page, ".osint-base") >= 3
    assert not audit.exists(), audit.read_text(encoding="utf-8")


def test_hostile_article_renders_as_text_and_runs_nothing(tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    from geodata.pipeline import build

    ev = build(tmp_path).events[0]
    with harness.running_app(ARTIFACTS / "streamlit-hostile.log", env={"GEODATA_CORPUS": str(tmp_path)}) as url, \
            harness.offline_page() as page:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/?event={ev.id}")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        frame = harness.map_frame(page)
        # ?event= opens the selected event's popup on the map (as a table click does)
        quote = frame.locator(".leaflet-popup-content .osint-quote")
        quote.wait_for(timeout=10_000)
        assert "<script>" in quote.inner_text() and "${window.top.__pwned" in quote.inner_text()
        evidence = page.locator("blockquote.ev-quote")
        evidence.wait_for(timeout=10_000)
        assert "<img src=x" in evidence.inner_text()  # shown as text in the evidence panel too
        page.get_by_text("Article reader: what the machine read").click()
        reader = page.locator(".ev-article")
        reader.wait_for(timeout=10_000)
        assert "<script>window.top.__pwned = 'script'; alert(1)</script>" in reader.inner_text()  # and in the reader
        # the table drew it (as cell text); it follows the map a moment after the map reports it is drawn
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=10_000)
        assert page.locator("[data-testid='stDataFrame']").count() >= 1
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__pwned === undefined")
        assert dialogs == []
        assert page.external_requests == []


def test_standalone_html_export_works_offline_from_a_file(tmp_path, seeds_result):
    from dashboard import mapview
    from geodata.export import installations_geojson, map_dataset

    html = mapview.standalone_html(*map_dataset(seeds_result.events), None,
                                   installations_geojson(seeds_result.installations, None), title="Briefing")
    path = tmp_path / "briefing.html"
    path.write_bytes(html)
    with harness.offline_page() as page:
        page.goto(path.as_uri())
        page.locator(".osint-base").first.wait_for(timeout=30_000)
        page.locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=30_000)
        page.locator(".leaflet-container[data-events='drawn']").wait_for(timeout=30_000)
        state = harness.map_state(page)
        assert int(state["events-drawn"]) > 0 and int(state["routes"]) > 0, state
        page.locator(".leaflet-container[data-labels='loaded']").wait_for(timeout=30_000)
        _assert_labels_apart(page)
        kinds = page.evaluate("""() => { let map; for (const k in window) if (window[k] instanceof L.Map) map = window[k];
            const c = map.getContainer(), out = {}, at = map.getCenter(), z0 = map.getZoom();
            for (const z of [2, 8]) { map.setView([35, 38], z, {animate: false}); out[z] = c._osintLabels.drawn().map(l => l.kind); }
            map.setView(at, z0, {animate: false});
            return out; }""")
        assert kinds["2"] and set(kinds["2"]) <= {"country", "sea"}, kinds["2"]  # the world: countries and oceans
        assert "city" in kinds["8"]  # close up: towns too
        dot = harness.free_spot(page, [(d["x"], d["y"]) for d in harness.drawn_items(page)["dots"]])
        harness.click_in_map(page, *dot)
        page.locator(".leaflet-popup-content .osint-quote").first.wait_for(timeout=10_000)
        assert page.external_requests == [] and page.page_errors == []
        page.screenshot(path=str(ARTIFACTS / "standalone.png"))


def _assert_labels_apart(page):
    """The basemap's names (osint-labels.js): some drawn, the region's capital among them, no two
    overlapping and none over a map control or a base marker."""
    drawn = page.evaluate("""() => { const c = document.querySelector('.leaflet-container'), box = c.getBoundingClientRect();
        const rect = n => { const r = n.getBoundingClientRect(); return [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]; };
        return { labels: c._osintLabels.drawn(), n: c.getAttribute('data-labels-drawn'),
                 controls: [...c.querySelectorAll('.leaflet-control, .leaflet-marker-icon')].map(rect) }; }""")
    labels = drawn["labels"]
    assert len(labels) == int(drawn["n"]) > 10, drawn["n"]
    assert "Damascus" in {lb["name"] for lb in labels}

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    boxes = [lb["box"] for lb in labels]
    assert not [(i, j) for i in range(len(boxes)) for j in range(i) if overlap(boxes[i], boxes[j])]
    assert not [b for b in boxes for c in drawn["controls"] if overlap(b, c)]


def test_presentation_view_reopens_from_its_url(app_url, page):
    page.goto(f"{app_url}/?mode=present&start=2024-12-01&end=2024-12-31&layers=bases,movements")
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    frame = harness.map_frame(page)
    frame.locator(".osint-caption").wait_for(timeout=10_000)
    assert frame.locator(".osint-caption").inner_text() == "01 Dec 2024 – 31 Dec 2024"
    frame.locator(".leaflet-container[data-events='drawn']").wait_for(timeout=10_000)
    state = harness.map_state(page)
    assert state["events-drawn"] == "0" and int(state["routes"]) > 0, state  # the events layer is off in this link
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.screenshot(path=str(ARTIFACTS / "presentation.png"))
    assert page.external_requests == [] and page.page_errors == []


def test_two_sessions_review_without_losing_each_others_decisions(tmp_path):
    import shutil

    from geodata import curation
    from geodata.pipeline import build

    for f in (harness.ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    evs = [e for e in build(tmp_path).events if e.place is not None and e.date is not None][:2]
    with harness.running_app(ARTIFACTS / "streamlit-two.log", env={"GEODATA_CORPUS": str(tmp_path)}) as url, \
            harness.offline_pages(2) as (one, two):
        for page, ev in ((one, evs[0]), (two, evs[1])):
            page.goto(f"{url}/?event={ev.id}")
            harness.wait_app_idle(page)
            page.get_by_role("button", name="Reject").wait_for(timeout=30_000)
        path = curation.path_for(tmp_path)
        one.get_by_role("button", name="Reject").click()   # session one decides...
        one.get_by_text("Rejected: hidden from the map").first.wait_for(timeout=30_000)
        assert evs[0].id in curation.read(path)
        two.get_by_role("button", name="Reject").click()   # ...then session two, which loaded before that
        two.get_by_text("Rejected: hidden from the map").first.wait_for(timeout=30_000)
    decisions = curation.read(path)
    assert {evs[0].id, evs[1].id} <= set(decisions)
    assert all(decisions[e.id].action == "reject" for e in evs)


def test_playback_steps_the_range_in_the_browser(app_url, page):
    page.goto(f"{app_url}/?start=2024-12-01&end=2024-12-07")
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    frame = harness.map_frame(page)
    caption = frame.locator(".osint-caption")
    assert caption.inner_text() == "01 Dec 2024 – 07 Dec 2024"
    page.get_by_role("button", name="Step ▶").click()
    page.wait_for_function(
        """([iframe]) => { const f = document.querySelector(iframe);
             const c = f && f.contentDocument && f.contentDocument.querySelector('.osint-caption');
             return c && c.textContent === '08 Dec 2024 – 14 Dec 2024'; }""", arg=[harness.MAP_IFRAME], timeout=30_000)
    page.get_by_role("button", name="▶ Play").click()  # plays on by itself: the range moves again
    page.wait_for_function(
        """([iframe]) => { const f = document.querySelector(iframe);
             const c = f && f.contentDocument && f.contentDocument.querySelector('.osint-caption');
             return c && c.textContent !== '08 Dec 2024 – 14 Dec 2024'; }""", arg=[harness.MAP_IFRAME], timeout=30_000)
    page.get_by_role("button", name="⏸ Pause").click()
    assert page.external_requests == [] and page.page_errors == []


def test_place_mentions_layer_draws_in_the_browser(app_url, page):
    page.goto(f"{app_url}/?layers=bases,mentions")
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    frame = harness.map_frame(page)
    frame.locator("path.osint-mention").first.wait_for(state="attached", timeout=20_000)
    assert frame.locator("path.osint-mention").count() > 5
    assert frame.locator(".leaflet-container[data-events]").count() == 0  # events and movements are off
    assert page.external_requests == [] and page.page_errors == []


def test_upload_an_article_from_the_app(tmp_path):
    import shutil

    for f in (harness.ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    upload = tmp_path.parent / "../escape attempt.txt"
    upload.write_text("Russian warships left the port of Tartus for the Black Sea on Sunday.", encoding="utf-8")
    with harness.running_app(ARTIFACTS / "streamlit-upload.log", env={"GEODATA_CORPUS": str(tmp_path)}) as url, \
            harness.offline_page() as page:
        page.goto(url)
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        page.get_by_text("Add articles").click()
        page.locator("input[type=file]").set_input_files(str(upload))
        page.get_by_label("Source (outlet)").fill("Test wire")
        page.get_by_role("button", name="Add to the corpus").click()
        page.wait_for_function(
            """() => [...document.querySelectorAll("[data-testid='stMetric']")]
                       .some(m => m.innerText.startsWith('Articles') && m.innerText.trim().endsWith('6'))""",
            timeout=30_000)
        proposed = page.locator("[data-testid='stMarkdownContainer']", has_text="Proposed from your upload")
        proposed.wait_for(timeout=30_000)
        assert "escape_attempt.txt" in proposed.inner_text() and ": 0 events" not in proposed.inner_text()
        assert page.external_requests == [] and page.page_errors == []
    assert (tmp_path / "escape_attempt.txt").exists() and not (tmp_path.parent / "escape_attempt.txt").exists()
    assert "escape_attempt.txt,,Test wire" in (tmp_path / "articles.csv").read_text(encoding="utf-8")


def test_narrative_steps_with_the_keyboard(tmp_path, seeds_result):
    import shutil

    from geodata import narrative

    for f in (harness.ROOT / "seeds").iterdir():
        shutil.copy(f, tmp_path / f.name)
    a = next(e for e in seeds_result.events if e.origin and e.destination and e.date)
    b = next(e for e in seeds_result.events if e.place and e.date and e.date.year < a.date.year)
    for ev in (a, b):
        narrative.add(narrative.path_for(tmp_path), ev.id)
    from dashboard.narrative import frame_for
    from dashboard.state import date_bounds

    lo, hi = date_bounds(seeds_result.events, None)
    steps = narrative.read(narrative.path_for(tmp_path))
    frames = [frame_for(k, steps, {a.id: a, b.id: b}, lo, hi) for k in (1, 2)]  # dates clamped to the corpus's
    with harness.running_app(ARTIFACTS / "streamlit-narrative.log", env={"GEODATA_CORPUS": str(tmp_path)}) as url, \
            harness.offline_page() as page:
        page.goto(f"{url}/?step=1&mode=present")
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        frame = harness.map_frame(page)
        caption = frame.locator(".osint-caption")
        assert caption.inner_text() == f"{frames[0].start:%d %b %Y} – {frames[0].end:%d %b %Y}"
        popup = frame.locator(".leaflet-popup-content .osint-quote").first  # the step's event is open on the map
        popup.wait_for(timeout=10_000)
        assert popup.inner_text() == a.quote
        page.get_by_text("Step 1 of 2").wait_for()
        page.screenshot(path=str(ARTIFACTS / "narrative.png"))
        page.get_by_text("Step 1 of 2").click()  # focus on the page, not on a widget
        page.keyboard.press("PageDown")  # what a presentation clicker sends
        page.get_by_text("Step 2 of 2").wait_for(timeout=30_000)
        page.wait_for_function(
            """([iframe, want]) => { const f = document.querySelector(iframe);
                 const c = f && f.contentDocument && f.contentDocument.querySelector('.osint-caption');
                 return c && c.textContent === want; }""",
            arg=[harness.MAP_IFRAME, f"{frames[1].start:%d %b %Y} – {frames[1].end:%d %b %Y}"], timeout=30_000)
        frame.locator(".leaflet-popup-content .osint-quote", has_text=b.quote[:40]).wait_for(timeout=10_000)
        assert "step=2" in page.url
        assert page.external_requests == [] and page.page_errors == []


def test_png_snapshot_of_the_map_for_slides(app_url, page, tmp_path):
    import numpy as np
    from PIL import Image

    page.goto(f"{app_url}/?start=2024-12-01&end=2024-12-31")
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    frame = harness.map_frame(page)
    frame.locator(".leaflet-container[data-events='drawn']").wait_for(timeout=10_000)
    size = harness.drawn_items(page)["size"]
    with page.expect_download(timeout=20_000) as dl:
        frame.locator("a.osint-snapshot").click()
    path = tmp_path / "map.png"
    dl.value.save_as(path)
    assert dl.value.suggested_filename == "osint-map_01-Dec-2024-31-Dec-2024.png"
    img = Image.open(path).convert("RGB")
    assert img.size == (size[0] * 2, size[1] * 2)
    px = np.asarray(img).reshape(-1, 3).astype(int)
    assert len(np.unique(px[::17], axis=0)) > 50  # a drawn map, not a blank rectangle

    def count(rgb, tol=0):
        return int((np.abs(px - np.array(rgb)).max(axis=1) <= tol).sum())

    assert count((0xF4, 0xF1, 0xEA)) > 1000 and count((0xD7, 0xE6, 0xF0)) > 1000  # the offline basemap: land, sea
    assert count((0xB0, 0x3A, 0x2E), tol=8) > 50  # movement routes
    assert count((0x8F, 0xB3, 0xD1), tol=6) > 50  # rivers (osint-labels.js's water canvas)

    # ... and the filtered events as CSV, with their citations
    with page.expect_download(timeout=20_000) as dl:
        page.get_by_role("button", name="Download events (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    metric = page.locator("[data-testid='stMetric']", has_text="Events in range").inner_text().split()[-1]
    assert len(rows) == int(metric) and all("2024-12" <= (r["date_end"] or r["date"]) for r in rows if r["date"])
    assert all(r["quote"] and r["sources"] for r in rows)
    assert page.external_requests == [] and page.page_errors == []


def test_dates_by_hand_and_from_the_timeline(app_url, page):
    """The From field typed like a user (segments, then leaving the field), then a drag across the timeline: each sets
    the range, the URL and the other controls."""
    page.goto(app_url)
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    page.locator(".st-key-date_from [data-type=year]").click()
    page.keyboard.type("20241201")
    page.locator("h1").first.click()  # the field commits when it loses focus
    page.wait_for_function("location.search.includes('start=2024-12-01')", timeout=30_000)
    harness.wait_app_idle(page)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)  # Vega's view is ready for the pointer
    box = chart.bounding_box()
    y = box["y"] + 80  # among the bars, under the title
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=10)
    page.mouse.up()
    page.wait_for_function("!location.search.includes('start=2024-12-01')", timeout=30_000)
    harness.wait_app_idle(page)
    query = parse_qs(urlparse(page.url).query)
    start, end = query["start"][0], query["end"][0]
    assert "2018-01-01" < start < end < "2026-01-28", (start, end)
    assert start.endswith("-01")  # a monthly timeline selects whole months
    assert page.locator(".st-key-date_from [data-type=year]").inner_text() == start[:4]
    assert page.locator(".st-key-date_to [data-type=year]").inner_text() == end[:4]
    assert not page.external_requests and not page.page_errors, (page.external_requests, page.page_errors)


def test_nato_symbols_draw_the_bases_as_images(app_url, page):
    """Off by default; with the sidebar's option on, every base is the APP-6 symbol's image (decoded: not a broken
    image), and off again the glyph badges come back in place."""
    page.goto(app_url)
    harness.wait_map_drawn(page)
    harness.wait_app_idle(page)
    frame = harness.map_frame(page)
    n_bases = harness.count_in_map(page, ".osint-base-icon")  # the markers (the legend's swatches are .osint-base too)
    assert n_bases >= 3 and harness.count_in_map(page, ".osint-base-app6 img") == 0
    page.locator(".st-key-layer_app6 label").click()
    frame.locator(".osint-base-app6 img").first.wait_for(timeout=30_000)
    harness.wait_app_idle(page)
    images = frame.locator(".osint-base-app6 img")
    assert images.count() == n_bases == harness.count_in_map(page, ".osint-base-icon")
    assert images.evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0 && i.src.startsWith('data:image/svg+xml'))")
    assert "app6" in parse_qs(urlparse(page.url).query)["layers"][0]  # the view's link keeps the option
    assert "APP-6" in frame.locator(".osint-legend-body").text_content()  # the legend says what the symbols are
    labels = frame.locator(".osint-base-label").all_inner_texts()
    assert any("Hmeimim" in t for t in labels)  # names and statuses still beside them
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-app6.png"))
    # the PNG for slides draws the same symbols (a data: URI image leaves the canvas exportable)
    import numpy as np
    from PIL import Image

    with page.expect_download(timeout=20_000) as dl:
        frame.locator("a.osint-snapshot").click()
    px = np.asarray(Image.open(dl.value.path()).convert("RGB")).reshape(-1, 3).astype(int)
    assert int((np.abs(px - np.array((255, 255, 128))).max(axis=1) <= 4).sum()) > 200  # the quatrefoils' yellow
    page.locator(".st-key-layer_app6 label").click()
    frame.locator(".osint-base-app6").first.wait_for(state="detached", timeout=30_000)
    assert harness.count_in_map(page, ".osint-base-icon") == n_bases
    assert "APP-6" not in frame.locator(".osint-legend-body").text_content()
    assert not page.external_requests and not page.page_errors, (page.external_requests, page.page_errors)
