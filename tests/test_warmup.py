"""The entry (dashboard/app.py) and its import warm-up (dashboard/warmup.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, sys
from dashboard import warmup
before = warmup.wait(timeout=0)  # never started: no wait
started, again = warmup.start(), warmup.start()
finished = warmup.wait()
print(json.dumps({"before": before, "started": started, "again": again, "finished": finished,
                  "report": warmup.report, "modules": sorted(sys.modules)}))
"""


def test_warmup_imports_the_heavy_modules_and_declares_no_component():
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["before"] is True and got["started"] is True and got["again"] is False and got["finished"] is True
    assert got["report"]["failed"] == [] and got["report"]["seconds"] > 0
    modules = set(got["modules"])
    assert {"folium", "folium.plugins", "pandas", "geodata.export", "geodata.pipeline"} <= modules
    # a component declared outside a script run is never registered with the server (its files would 404):
    # nothing that declares one may be imported by the warm-up
    assert "streamlit_folium" not in modules
    assert {m for m in modules if m.startswith("dashboard.")} == {"dashboard.warmup"}


def test_streamlit_run_finds_the_entry_app():
    found = discover_asgi_app(ROOT / "dashboard" / "app.py")
    assert found.is_asgi_app and found.app_name == "app"
    assert not discover_asgi_app(ROOT / "dashboard" / "page.py").is_asgi_app  # the page is a plain script


_PREPARE_PROBE = """
import json
from dashboard import warmup
warmup.start()
warmup.wait()
job = warmup._preparation
print(json.dumps({"preparing": job is not None, "report": warmup.report}))
if job is not None:
    job.stop()  # the test checks that it starts; its work is tests/test_gazetteer_build.py's
"""


def test_warmup_starts_a_first_start_preparation_only_without_a_cached_index(gaz, tmp_path):
    import os

    def run(env: dict) -> dict:
        out = subprocess.run([sys.executable, "-c", _PREPARE_PROBE], cwd=ROOT, capture_output=True, text=True,
                             check=True, env={**os.environ, **env})
        return json.loads(out.stdout)

    first = run({"GEODATA_CACHE": str(tmp_path)})  # a fresh machine: the build starts with the server
    assert first["preparing"] is True and "prepare" not in first["report"]
    assert run({})["preparing"] is False  # the suite's cache holds the session's index: nothing to prepare
