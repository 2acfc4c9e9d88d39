from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# The suite never touches the user's real cache (~/.cache/geodata): one temporary cache for the whole run,
# set before any test imports geodata (the app's servers started by the browser tests inherit it).
CACHE = Path(tempfile.mkdtemp(prefix="geodata-test-cache-"))
os.environ["GEODATA_CACHE"] = str(CACHE)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(CACHE, ignore_errors=True)


def open_app(at):
    """A new session's first run draws the map and stops; in a browser a timer then reruns the whole page.
    AppTest has no timers: run it twice, as the browser would, and check the first run was the short one."""
    at.run()
    assert not at.exception, at.exception
    assert not at.dataframe, "the first run should stop after the map"
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="session")
def gaz():
    from geodata.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seeds_result(gaz):
    from geodata.pipeline import build_uncached
    from geodata.settings import Settings

    return build_uncached(SEEDS, Settings.from_env(), gaz)


class FakeNominatim(BaseHTTPRequestHandler):
    hits: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802 - http.server API
        url = urlparse(self.path)
        q = parse_qs(url.query).get("q", [""])[0]
        FakeNominatim.hits.append((q, self.headers.get("User-Agent", "")))
        body = [] if q.startswith("Nowhere") else [{
            "lat": "34.9", "lon": "35.9", "display_name": f"{q}, Somewhere", "osm_type": "node", "osm_id": 1,
            "class": "place", "type": "village", "importance": 0.3,
        }]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    FakeNominatim.hits = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
