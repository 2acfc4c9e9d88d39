"""The real thing: `streamlit run` on a loopback port, Debian's Chromium driven by Playwright, no network.

Every request to a host other than loopback is aborted and recorded; the test fails if there is any.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium); CI always runs this", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "streamlit.log", "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log.name}")
            time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not become healthy in 90 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture()
def page():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: apt-get install -y chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.external_requests = []
        pg.console_errors = []

        def route(r):
            host = urlparse(r.request.url).hostname or ""
            if r.request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
                r.continue_()
            else:
                pg.external_requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
        try:
            yield pg
        finally:
            context.close()
            browser.close()


def wait_app_idle(pg, timeout=60_000):
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def map_frame(pg):
    return pg.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def count(frame, selector) -> int:
    return frame.locator(selector).count()


def test_map_offline_renders_and_date_range_filters(app_url, page):
    t0 = time.monotonic()
    page.goto(app_url)
    frame = map_frame(page)
    frame.locator(".osint-base").first.wait_for(timeout=60_000)
    frame.locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=30_000)
    first_map_s = time.monotonic() - t0
    wait_app_idle(page)
    page.wait_for_timeout(500)

    n_bases = count(frame, ".osint-base")
    n_events = count(frame, ".osint-ev")
    n_arrows = count(frame, ".osint-arrow")
    n_land = frame.locator(".leaflet-osint-basemap-pane path").count()
    assert n_bases >= 3, n_bases
    assert n_events > 0 and n_arrows > 0, (n_events, n_arrows)
    assert n_land > 100, n_land  # coastlines and borders drawn from the local basemap
    labels = frame.locator(".osint-base-label").all_inner_texts()
    assert any("Hmeimim" in t for t in labels) and any("Tartus" in t for t in labels)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=False)

    # Click an event: its popup shows date, type and the supporting quote as text.
    frame.locator(".osint-ev").first.click(force=True)
    popup = frame.locator(".leaflet-popup-content .osint-popup")
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "Date:" in text and "Source:" in text and len(frame.locator(".osint-quote").inner_text()) > 20

    # Change the date range with the keyboard: move the start thumb to the end of the range.
    thumbs = page.get_by_role("slider")
    thumbs.first.focus()
    page.keyboard.press("End")
    wait_app_idle(page)
    page.wait_for_function(
        """([n]) => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
                     return f && f.contentDocument && f.contentDocument.querySelectorAll('.osint-ev').length !== n; }""",
        arg=[n_events], timeout=30_000,
    )
    assert count(frame, ".osint-ev") < n_events
    page.screenshot(path=str(ARTIFACTS / "map-filtered.png"))

    assert page.external_requests == [], page.external_requests
    (ARTIFACTS / "first_map_seconds.txt").write_text(f"{first_map_s:.2f}\n")
