"""The map payload at 100 ... 100,000 events, and the naive folium approach beside it.

    python -m benchmarks.map_bench [--sizes 100,1000,10000,100000] [--runs 3]

*Ours* is what the app does: once per corpus version, ``map_dataset`` + JSON (the draw table the
iframe fetches once; popup details apart, fetched on the first click); on every rerun, the filter mask
and the feature-group script ``st_folium`` sends. *Naive* is one ``folium.Marker`` per event (with a
``folium.Popup`` holding its quote, so a click shows the same evidence) added in a loop to a
``folium.Map`` and rendered to HTML, which is what ``st_folium`` does with it on every rerun.
Each figure is the median of ``--runs`` runs on synthetic events (``benchmarks.synthetic``).
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import time
from datetime import date

import folium
import numpy as np
from streamlit_folium import _get_feature_group_string

SIZES = (100, 1_000, 10_000, 100_000)


def _median_time(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def ours(events, runs: int = 3) -> dict:
    from dashboard import mapview
    from dashboard.state import EventIndex, Filters
    from geodata.export import map_dataset

    def build():
        draw, details = map_dataset(events)
        chunks = [mapview._dumps(details[i:i + mapview.DETAILS_CHUNK]) for i in range(0, len(details), mapview.DETAILS_CHUNK)]
        return mapview._dumps(draw), chunks

    build_s, (draw_json, chunks) = _median_time(build, runs)
    index = EventIndex(events)
    days = sorted(e.date for e in events if e.date)
    lo, hi = days[0], days[-1]
    source = {"draw": "../osint_mapdata/draw.json", "chunk": mapview.DETAILS_CHUNK,
              "details": [f"../osint_mapdata/details-{i}.json" for i in range(len(chunks))]}

    def rerun():  # what a date change costs in Python: mask + the feature-group script st_folium sends
        f = Filters(start=lo, end=date.fromordinal(lo.toordinal() + (hi - lo).days // 2))
        mask = index.mask(f)
        groups = mapview.data_layers(source, mask, {"type": "FeatureCollection", "features": []},
                                     {"events", "movements"}, caption="x")
        m = mapview.base_map()
        m.render()
        # the very function st_folium uses to turn feature groups into the script it sends each rerun
        return "".join(_get_feature_group_string(g, m, i) for i, g in enumerate(groups)), mask

    rerun_s, (script, _) = _median_time(rerun, runs)
    return {
        "build_s": build_s, "draw_bytes": len(draw_json), "details_bytes": sum(map(len, chunks)),
        "details_chunk_bytes": max(map(len, chunks)),
        "bytes_per_event": len(draw_json) / max(1, len(events)), "rerun_s": rerun_s, "rerun_bytes": len(script),
    }


def naive(events, runs: int = 1) -> dict:
    def build():
        m = folium.Map(location=[35, 38], zoom_start=6)
        for ev in events:
            if ev.place is None:
                continue
            folium.Marker([ev.place.lat, ev.place.lon], tooltip=f"{ev.type} {ev.date}",
                          popup=folium.Popup(html.escape(ev.quote), max_width=300)).add_to(m)
        return m.get_root().render()

    secs, page = _median_time(build, runs)
    return {"build_s": secs, "html_bytes": len(page.encode("utf-8"))}


def run(sizes=SIZES, runs: int = 3, naive_at: int = 10_000, naive_runs: int = 1) -> dict:
    from benchmarks.synthetic import make_events

    out: dict = {"sizes": {}}
    for n in sizes:
        events = make_events(n, seed=0)
        out["sizes"][str(n)] = ours(events, runs)
    events = make_events(naive_at, seed=0)
    ours_n = out["sizes"].get(str(naive_at)) or ours(events, runs)
    nv = naive(events, naive_runs)
    out["naive"] = {"events": naive_at, **nv}
    out["naive_ratio"] = {
        # speed: building what the browser gets for the first map (ours: draw table + details + script)
        "speed": round(nv["build_s"] / (ours_n["build_s"] + ours_n["rerun_s"]), 1),
        # size: what the browser loads to draw the map (ours: draw table + script; details come on a click)
        "size": round(nv["html_bytes"] / (ours_n["draw_bytes"] + ours_n["rerun_bytes"]), 1),
        # ... and after the first click (one chunk of popup details)
        "size_after_click": round(nv["html_bytes"] / (ours_n["draw_bytes"] + ours_n["details_chunk_bytes"]
                                                      + ours_n["rerun_bytes"]), 1),
        "rerun_speed": round(nv["build_s"] / ours_n["rerun_s"], 1),
    }
    return out


def report(res: dict) -> None:
    print(f"{'events':>8} {'build s':>8} {'draw KB':>9} {'B/event':>8} {'details KB':>11} {'rerun ms':>9} {'rerun KB':>9}")
    for n, r in res["sizes"].items():
        print(f"{int(n):>8} {r['build_s']:>8.3f} {r['draw_bytes'] / 1024:>9.0f} {r['bytes_per_event']:>8.1f} "
              f"{r['details_bytes'] / 1024:>11.0f} {r['rerun_s'] * 1000:>9.1f} {r['rerun_bytes'] / 1024:>9.1f}")
    nv = res["naive"]
    print(f"naive folium.Marker x {nv['events']}: build+render {nv['build_s']:.2f} s, HTML {nv['html_bytes'] / 1e6:.1f} MB")
    print("ours / naive:", json.dumps(res["naive_ratio"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    report(run(tuple(int(s) for s in args.sizes.split(",")), args.runs))


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
