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


@contextlib.contextmanager
def running_app(log_path: Path, env: dict[str, str] | None = None, timeout: float = 90.0) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free loopback port; yields its URL once healthy."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
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

            def route(r, page=page):
                url = r.request.url
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


def wait_app_idle(page, timeout: int = 60_000) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def map_frame(page):
    return page.frame_locator(MAP_IFRAME)


def wait_map_drawn(page, timeout: int = 60_000) -> None:
    """Until the basemap is loaded and the bases layer is on the map."""
    frame = map_frame(page)
    frame.locator(".osint-base").first.wait_for(timeout=timeout)
    frame.locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=timeout)


def count_in_map(page, selector: str) -> int:
    return map_frame(page).locator(selector).count()


def wait_count_changes(page, selector: str, before: int, timeout: int = 30_000) -> int:
    page.wait_for_function(
        """([sel, n, iframe]) => { const f = document.querySelector(iframe);
             return f && f.contentDocument && f.contentDocument.querySelectorAll(sel).length !== n; }""",
        arg=[selector, before, MAP_IFRAME], timeout=timeout,
    )
    return count_in_map(page, selector)
