"""Gazetteer and geoparser speed: index build and load time, memory, throughput (MB of text per second, one core).

    python -m benchmarks.gazetteer_bench [--runs 3] [--geonames cities500]

Build and load run in fresh subprocesses (a cold Python each time) so memory and time are not flattered
by what an earlier step left in the process; a third kind of subprocess loads the index and geoparses the
GeoVirus and seed articles once (its peak memory is what an extraction run costs). Throughput is measured
on the same texts, repeated to about 4 MB. ``--geonames``: the GeoNames file (default: ``Settings``'
default, cities500, every place of 500 people or more).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, os, sys, time
from benchmarks.memory import peak_mb
t0 = time.perf_counter()
from geodata.gazetteer import load_gazetteer
from geodata.settings import Settings
settings = Settings.from_env()
g = load_gazetteer(settings, rebuild=sys.argv[1] == "build")
secs = time.perf_counter() - t0
docs = 0
if sys.argv[1] == "parse":
    from benchmarks.gazetteer_bench import corpus_text
    from geodata.geoparse import find_mentions
    for d in corpus_text(0).split("\n\n"):
        find_mentions(d, g)
        docs += 1
index = sorted(settings.cache.glob("gazetteer-*.idx"), key=lambda p: p.stat().st_mtime)
print(json.dumps({"seconds": secs, "places": len(g), "names": len(g.names), "geonames": settings.geonames,
                  "index_mb": index[-1].stat().st_size / 1e6 if index else 0.0, "docs": docs,
                  "peak_mem_mb": peak_mb()}))
"""


def child(mode: str, cache: str, geonames: str | None = None) -> dict:
    env = {**os.environ, "GEODATA_CACHE": cache, "PYTHONPATH": str(ROOT)}
    if geonames:
        env["GEODATA_GEONAMES"] = geonames
    out = subprocess.run([sys.executable, "-c", _CHILD, mode], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus_text(target_bytes: int = 4_000_000) -> str:
    from benchmarks.geoparse_eval import GEOVIRUS, load_geovirus

    parts = [d.text for d in load_geovirus(GEOVIRUS)] if GEOVIRUS.exists() else []
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base = "\n\n".join(parts)
    return (base + "\n\n") * max(1, target_bytes // max(1, len(base.encode())))


def run(runs: int = 3, text_mb: float = 4.0, geonames: str | None = None) -> dict:
    """``geonames``: the GeoNames file (None: the settings' default, or ``GEODATA_GEONAMES``)."""
    with tempfile.TemporaryDirectory() as cache:
        builds = [child("build", cache, geonames) for _ in range(runs)]
        loads = [child("load", cache, geonames) for _ in range(runs)]
        parse = child("parse", cache, geonames)
    from geodata.gazetteer import load_gazetteer
    from geodata.geoparse import find_mentions
    from geodata.settings import Settings

    settings = Settings.from_env()
    gaz = load_gazetteer(settings.with_(geonames=geonames) if geonames else settings)
    text = corpus_text(int(text_mb * 1e6))
    docs = text.split("\n\n")
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n = sum(len(find_mentions(d, gaz)) for d in docs)
        rates.append(len(text.encode()) / 1e6 / (time.perf_counter() - t0))
    res = {
        "geonames": builds[0]["geonames"], "places": builds[0]["places"], "names": builds[0]["names"],
        "index_mb": round(builds[0]["index_mb"], 1),
        "gazetteer_build_s": round(statistics.median(b["seconds"] for b in builds), 2),
        "gazetteer_load_s": round(statistics.median(b["seconds"] for b in loads), 3),
        "peak_mem_mb_build": round(statistics.median(b["peak_mem_mb"] for b in builds)),
        "peak_mem_mb_load": round(statistics.median(b["peak_mem_mb"] for b in loads)),
        "peak_mem_mb_load_and_geoparse": round(parse["peak_mem_mb"]), "geoparse_texts": parse["docs"],
        "geoparse_mb_per_s": round(statistics.median(rates), 2), "mentions": n, "text_mb": round(len(text.encode()) / 1e6, 1),
    }
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--geonames", help="GeoNames file: cities500 (the default), cities1000, cities5000, cities15000")
    args = ap.parse_args()
    for k, v in run(args.runs, geonames=args.geonames).items():
        print(f"{k:<31}{v}")


if __name__ == "__main__":
    main()
