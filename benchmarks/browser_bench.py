"""In Chromium against a running app (offline): time to the first map, and from a date-range change to the
map showing the new events, at 100 ... 100,000 events.

    python -m benchmarks.browser_bench [--sizes 100,1000,10000,100000] [--changes 9]
    python -m benchmarks.browser_bench --fresh [--seed-runs 5]   # a first start on a fresh machine

For each size, synthetic events (``benchmarks.synthetic``) are written as JSON Lines and the app is started
on them (``GEODATA_EVENTS``, empty article folder). A date change is a real key press on the range slider's
start thumb, alternating ``End`` (the last day only) and ``Home`` (everything): the clock runs, in the page
itself, from the key event to the frame painted after the map's events layer reports the new number of
events (``data-events-shown``). The map follows the slider at once; the app's rerun (table, timeline,
metrics, bases' status) lands later, and the time to that is reported too (``rerun_done_ms``). Changes are
measured ``--changes`` times; medians are reported. The first map is timed from just before the server's
spawn to the frame painted once the map has drawn its basemap, events and bases, by a clock in the map's
iframe (wall clock, as the spawn's).

``--fresh``: only the first map on the seeds, each start with an empty cache folder (``GEODATA_CACHE``), as on a
fresh machine: the app builds the gazetteer index and extracts the corpus before the map can be drawn.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the Playwright driver, tests/harness.py

import harness  # noqa: E402

SIZES = (100, 1_000, 10_000, 100_000)
LOG = harness.ROOT / "test-artifacts" / "bench-browser.log"


# In the map's iframe: the wall-clock time (ms) of the frame painted once the map is drawn (the basemap loaded,
# the events layer drawn and a base on the map, each when asked). Read in the page, like the date changes: the
# driver's polling comes late while the page lays out the rest of itself after the map (0.1-0.6 s here).
_PAINT_CLOCK = r"""
(() => {
  if (window === window.top) return;
  const needEvents = %s, needBases = %s;
  const id = setInterval(() => {
    const box = document.querySelector('.leaflet-container');
    if (!box || box.getAttribute('data-basemap') !== 'loaded') return;
    if (needEvents && box.getAttribute('data-events') !== 'drawn') return;
    if (needBases && !document.querySelector('.osint-base')) return;
    clearInterval(id);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__mapPaintedAt = performance.timeOrigin + performance.now();
    }));
  }, 16);  // a frame's worth: the clock is read two frames after the test passes
  setTimeout(() => clearInterval(id), 300000);
})();
"""


def paint_clock(page, events: bool = True, bases: bool = True) -> None:
    """Before ``goto``: every frame of ``page`` notes when the map in it is drawn and painted."""
    page.add_init_script(_PAINT_CLOCK % ("true" if events else "false", "true" if bases else "false"))


def painted_s(page, t0: float) -> float:
    """Seconds from ``t0`` (``time.time()``, before ``streamlit run``) to the map's painted frame."""
    frame = harness._content_frame(page)  # the map's iframe, as the date-change clocks read it
    frame.wait_for_function("() => window.__mapPaintedAt !== undefined", timeout=60_000)
    return frame.evaluate("() => window.__mapPaintedAt") / 1000 - t0


def first_map(page, url: str, t0: float, bases: bool = True) -> float:
    """Seconds from ``t0`` (``time.time()`` before the spawn; ``paint_clock`` installed) to the map painted with
    its basemap, events and (if asked) bases."""
    page.goto(url)
    harness.wait_map_drawn(page, timeout=180_000, bases=bases)
    harness.map_frame(page).locator(".leaflet-container[data-events='drawn']").wait_for(timeout=180_000)
    return painted_s(page, t0)


def date_changes(page, changes: int) -> tuple[list[float], list[float]]:
    """Press End / Home on the slider's start thumb; for each press, milliseconds from the key event to the
    map painted with the new events (measured in the page, so the driver's polling adds nothing), and to
    the app's whole rerun finished (table, timeline, metrics)."""
    harness.wait_app_idle(page, timeout=180_000)
    harness.settle(page)
    harness.install_probes(page)
    to_map, to_idle = [], []
    for k in range(changes):
        t_map, t_idle = harness.timed_key_on_slider(page, "End" if k % 2 == 0 else "Home")
        to_map.append(t_map)
        to_idle.append(t_idle)
        harness.settle(page)
    return to_map, to_idle


def at_size(n: int, changes: int = 9, seed: int = 0) -> dict:
    from benchmarks.synthetic import write_events

    with tempfile.TemporaryDirectory() as tmp:
        events = write_events(Path(tmp) / "events.jsonl", n, seed=seed)
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        env = {"GEODATA_CORPUS": str(corpus), "GEODATA_EVENTS": str(events)}
        with harness.offline_page() as page:
            paint_clock(page, bases=False)
            t0 = time.time()
            with harness.running_app(LOG, env=env, timeout=300) as url:
                first = first_map(page, url, t0, bases=False)
                state = harness.map_state(page)
                times, idle = date_changes(page, changes)
                assert page.external_requests == [], page.external_requests
                assert page.page_errors == [], page.page_errors
    return {"events": n, "first_map_s": round(first, 2), "date_change_ms": round(statistics.median(times), 1),
            "date_change_ms_all": [round(t, 1) for t in times], "rerun_done_ms": round(statistics.median(idle), 1),
            "shown_at_start": int(state["events-shown"]),
            "draw_ms": float(state.get("draw-ms") or 0)}


def first_map_on_seeds(runs: int = 3, fresh: bool = False) -> dict:
    """``streamlit run`` on the embedded seeds (warm caches) until the map is drawn with bases and events. One
    untimed start first: after a change to the extraction code the corpus cache is rebuilt once, by it.
    ``fresh``: every start with an empty cache folder (a first start: the gazetteer is built), none untimed."""
    times = []
    for k in range(runs + (0 if fresh else 1)):
        with tempfile.TemporaryDirectory() as tmp, harness.offline_page() as page:  # Chromium up before the clock
            paint_clock(page)
            env = {"GEODATA_CACHE": str(Path(tmp) / "cache")} if fresh else None
            t0 = time.time()
            with harness.running_app(LOG, env=env) as url:
                took = first_map(page, url, t0)
                assert page.external_requests == [], page.external_requests
        if k or fresh:
            times.append(took)
    return {"first_map_s": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}


_BARE_APP = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from streamlit_folium import st_folium
from dashboard import mapview
st_folium(mapview.base_map(), returned_objects=[], key="map", height=620, use_container_width=True)
"""


def bare_first_map(runs: int = 3) -> dict:
    """The floor, for context: a one-line Streamlit app showing only st_folium with our offline basemap."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare.py"
        script.write_text(_BARE_APP.format(root=str(harness.ROOT)), encoding="utf-8")
        for _ in range(runs):
            with harness.offline_page() as page:
                paint_clock(page, events=False, bases=False)
                t0 = time.time()
                with harness.running_app(LOG, script=script) as url:
                    page.goto(url)
                    harness.map_frame(page).locator(".leaflet-container[data-basemap='loaded']").wait_for(timeout=60_000)
                    times.append(painted_s(page, t0))
    return {"first_map_s": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}


def run(sizes=SIZES, changes: int = 9, seed_runs: int = 7) -> dict:
    return {"seeds": first_map_on_seeds(seed_runs), "bare_st_folium": bare_first_map(seed_runs),
            "sizes": {str(n): at_size(n, changes) for n in sizes}}


def report(res: dict) -> None:
    print(f"first map on the seeds after `streamlit run`: median {res['seeds']['first_map_s']} s {res['seeds']['runs']}")
    bare = res.get("bare_st_folium")
    if bare:
        print(f"  (floor: a bare st_folium app with the same basemap: median {bare['first_map_s']} s {bare['runs']})")
    print(f"{'events':>8} {'first map s':>12} {'date change ms':>15} {'rerun done ms':>14}  all (map)")
    for n, r in res["sizes"].items():
        print(f"{int(n):>8} {r['first_map_s']:>12} {r['date_change_ms']:>15} {r['rerun_done_ms']:>14}  "
              f"{r['date_change_ms_all']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--changes", type=int, default=9)
    ap.add_argument("--seed-runs", type=int, default=7)
    ap.add_argument("--fresh", action="store_true", help="only the first map of a first start (empty cache folder)")
    args = ap.parse_args()
    if args.fresh:
        res = first_map_on_seeds(args.seed_runs, fresh=True)
        print(f"first start (empty cache) to the map on the seeds: median {res['first_map_s']} s {res['runs']}")
        return
    report(run(tuple(int(s) for s in args.sizes.split(",")), args.changes, args.seed_runs))


if __name__ == "__main__":
    main()
