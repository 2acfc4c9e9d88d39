"""Run the app on a loopback port and drive it in Debian's Chromium with the network cut off.

Shared by the browser tests and the benchmarks. Every request to a host other than loopback is
aborted and recorded in ``page.external_requests``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe_env(folder: Path, source: str) -> dict[str, str]:
    """Environment that loads ``source`` as ``sitecustomize`` into a Python process started with it (the
    server under test: an audit hook, import stamps), written to ``folder``/probe."""
    probe = folder / "probe"
    probe.mkdir(parents=True, exist_ok=True)
    (probe / "sitecustomize.py").write_text(source, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(probe), os.environ.get("PYTHONPATH", "")])}


@contextlib.contextmanager
def running_app(log_path: Path, env: dict[str, str] | None = None, timeout: float = 90.0,
                script: Path | None = None, readme: bool = False) -> Iterator[str]:
    """`streamlit run dashboard/app.py` (or ``script``) on a free loopback port; yields its URL once healthy.

    ``readme``: only the port on the command line, as the README's command (which has none): address,
    headless and usage statistics then come from ``.streamlit/config.toml`` alone."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard" / "app.py"), "--server.port", str(port)]
    if not readme:
        cmd += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                        if r.read().decode().strip() == "ok":
                            break
                except OSError:
                    pass
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log_path}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s; see {log_path}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextlib.contextmanager
def offline_pages(n: int = 1, viewport: tuple[int, int] = (1400, 1000)):
    """``n`` Playwright pages in Debian's Chromium, each its own browser context (its own Streamlit
    session), where only loopback is reachable."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} missing: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts, pages = [], []
        for _ in range(n):
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            page = context.new_page()
            page.external_requests = []
            page.page_errors = []

            def route(r, request, page=page):  # Playwright calls route handlers with (route, request)
                url = request.url
                host = urlparse(url).hostname or ""
                if url.startswith(("data:", "blob:", "about:", "file:")) or host in LOOPBACK:
                    r.continue_()
                else:
                    page.external_requests.append(url)
                    r.abort()

            context.route("**/*", route)
            page.on("pageerror", lambda e, page=page: page.page_errors.append(str(e)))
            contexts.append(context)
            pages.append(page)
        try:
            yield pages
        finally:
            for context in contexts:
                context.close()
            browser.close()


@contextlib.contextmanager
def offline_page(viewport: tuple[int, int] = (1400, 1000)):
    """One Playwright page in Debian's Chromium where only loopback is reachable."""
    with offline_pages(1, viewport) as pages:
        yield pages[0]


REST_PENDING = "Loading the timeline and the events table…"  # the app's caption until the rest of the page comes


def wait_app_idle(page, timeout: int = 60_000) -> None:
    """Until the app's script is not running and the whole page is there: a new session's page comes in two
    runs (the map, then the rest once the map is drawn), and the app is idle for a moment between them."""
    idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
    page.wait_for_selector(idle, timeout=timeout)
    page.get_by_text(REST_PENDING).wait_for(state="detached", timeout=timeout)
    page.wait_for_selector(idle, timeout=timeout)


def map_frame(page):
    return page.frame_locator(MAP_IFRAME)


def wait_map_drawn(page, timeout: int = 60_000, bases: bool = True) -> None:
    """Until the basemap is loaded and the bases layer (if asked) is on the map."""
    frame = map_frame(page)
    if bases:
        frame.locator(".osint-base").first.wait_for(timeout=timeout)
    frame.locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=timeout)


def map_state(scope) -> dict[str, str]:
    """The events canvas's own report, from attributes on the Leaflet container: events-shown (kept by the
    filters), events-drawn / moves-drawn (in view), routes, clusters, draw-seq (one more per redraw), draw-ms.
    ``scope`` is a page (the app: the map iframe) or a page holding the map itself (a standalone file)."""
    target = map_frame(scope) if scope.locator(MAP_IFRAME).count() else scope
    el = target.locator(".leaflet-container").first
    return {k: el.get_attribute(f"data-{k}") or "" for k in
            ("events", "events-shown", "events-drawn", "moves-drawn", "routes", "clusters", "draw-seq", "draw-ms")}


def _content_frame(page):
    if page.locator(MAP_IFRAME).count():
        return page.locator(MAP_IFRAME).element_handle().content_frame()
    return page.main_frame


def drawn_items(page) -> dict:
    """What the events canvas drew, in the map container's pixels: dots, clusters, routes."""
    return _content_frame(page).evaluate(
        """() => { const c = document.querySelector('.leaflet-container');
                   const l = c && c._osintEvents; return l ? l.drawn() : {dots: [], clusters: [], routes: []}; }""")


def free_spot(page, points) -> tuple[float, float] | None:
    """The first of ``points`` (map container pixels) where a click reaches the map itself, not a base
    marker, a label, a control or a popup lying on top."""
    return _content_frame(page).evaluate(
        """(pts) => { const box = document.querySelector('.leaflet-container').getBoundingClientRect();
             for (const [x, y] of pts) {
               const el = document.elementFromPoint(box.left + x, box.top + y);
               if (el && !el.closest('.leaflet-marker-pane, .leaflet-tooltip-pane, .leaflet-control-container, .leaflet-popup-pane'))
                 return [x, y];
             }
             return null; }""", [list(p) for p in points])


def settle(page, quiet_ms: int = 350, timeout_s: float = 10.0) -> None:
    """Until the events canvas has not redrawn for ``quiet_ms`` (pans and zooms finished)."""
    deadline = time.monotonic() + timeout_s
    seq = map_state(page)["draw-seq"]
    while time.monotonic() < deadline:
        page.wait_for_timeout(quiet_ms)
        now = map_state(page)["draw-seq"]
        if now == seq:
            return
        seq = now


def click_in_map(page, x: float, y: float) -> None:
    """A real mouse click at container pixel (x, y) of the map (the iframe's offset added)."""
    frame = _content_frame(page)
    box = frame.evaluate("() => { const r = document.querySelector('.leaflet-container').getBoundingClientRect();"
                         " return {x: r.left, y: r.top}; }")
    dx = dy = 0.0
    if page.locator(MAP_IFRAME).count():
        ib = page.locator(MAP_IFRAME).bounding_box()
        dx, dy = ib["x"], ib["y"]
    page.mouse.click(dx + box["x"] + x, dy + box["y"] + y)


def count_in_map(page, selector: str) -> int:
    return map_frame(page).locator(selector).count()


_PARENT_PROBE = """() => {
  window.__keyAt = [];
  document.addEventListener('keydown', e => window.__keyAt.push(performance.timeOrigin + e.timeStamp), true);
  window.__idleAt = [];
  const app = document.querySelector("[data-testid='stApp']");
  new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'notRunning')
    window.__idleAt.push(performance.timeOrigin + performance.now()); }).observe(app, {attributes: true});
}"""

# In the map iframe: when the events layer reports a new count, wait two animation frames (the frame
# with the new canvas has been painted) and note the time.
_FRAME_PROBE = """() => {
  window.__shownAt = [];
  const box = document.querySelector('.leaflet-container');
  new MutationObserver(() => { const v = box.getAttribute('data-events-shown');
    requestAnimationFrame(() => requestAnimationFrame(() => window.__shownAt.push([v, performance.timeOrigin + performance.now()])));
  }).observe(box, {attributes: true, attributeFilter: ['data-events-shown']});
}"""


def install_probes(page) -> None:
    """Clocks in the page (key events, the app's runs ending) and in the map (new events painted)."""
    page.evaluate(_PARENT_PROBE)
    _content_frame(page).evaluate(_FRAME_PROBE)


def timed_key_on_slider(page, key: str, timeout: int = 60_000) -> tuple[float, float]:
    """Press ``key`` on the date slider's start thumb: milliseconds from the key event to the map painted
    with a new number of events, and to the app's rerun finished (``install_probes`` first)."""
    frame = _content_frame(page)
    before = map_state(page)["events-shown"]
    page.get_by_role("slider").first.focus()
    page.evaluate("() => { window.__keyAt.length = 0; window.__idleAt.length = 0; }")
    frame.evaluate("() => { window.__shownAt.length = 0; }")
    page.keyboard.press(key)
    frame.wait_for_function("(n) => window.__shownAt.some(s => s[0] !== n)", arg=before, timeout=timeout)
    wait_app_idle(page, timeout=timeout)
    page.wait_for_function("() => window.__idleAt.length > 0", timeout=timeout)
    at_key = page.evaluate("() => window.__keyAt[0]")
    shown = next(t for v, t in frame.evaluate("() => window.__shownAt") if v != before)
    idle = page.evaluate("() => window.__idleAt[window.__idleAt.length - 1]")
    return shown - at_key, idle - at_key
