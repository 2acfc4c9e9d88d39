"""Gazetteer and geoparser speed: index build and load time, memory, throughput (MB of text per second, one core).

    python -m benchmarks.gazetteer_bench [--runs 3]

Build and load run in fresh subprocesses (a cold Python each time) so memory and time are not flattered
by what an earlier step left in the process. Throughput is measured on the GeoVirus and seed texts,
repeated to about 4 MB.
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
import json, os, resource, sys, time
t0 = time.perf_counter()
from geodata.gazetteer import load_gazetteer
g = load_gazetteer(rebuild=sys.argv[1] == "build")
secs = time.perf_counter() - t0
print(json.dumps({"seconds": secs, "places": len(g), "names": len(g.names),
                  "peak_mem_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(mode: str, cache: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "GEODATA_CACHE": cache, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus_text(target_bytes: int = 4_000_000) -> str:
    from benchmarks.geoparse_eval import GEOVIRUS, load_geovirus

    parts = [d.text for d in load_geovirus(GEOVIRUS)] if GEOVIRUS.exists() else []
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base = "\n\n".join(parts)
    return (base + "\n\n") * max(1, target_bytes // max(1, len(base.encode())))


def run(runs: int = 3, text_mb: float = 4.0) -> dict:
    with tempfile.TemporaryDirectory() as cache:
        builds = [child("build", cache) for _ in range(runs)]
        loads = [child("load", cache) for _ in range(runs)]
    from geodata.gazetteer import load_gazetteer
    from geodata.geoparse import find_mentions

    gaz = load_gazetteer()
    text = corpus_text(int(text_mb * 1e6))
    docs = text.split("\n\n")
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n = sum(len(find_mentions(d, gaz)) for d in docs)
        rates.append(len(text.encode()) / 1e6 / (time.perf_counter() - t0))
    res = {
        "places": builds[0]["places"], "names": builds[0]["names"],
        "gazetteer_build_s": round(statistics.median(b["seconds"] for b in builds), 2),
        "gazetteer_load_s": round(statistics.median(b["seconds"] for b in loads), 3),
        "peak_mem_mb_build": round(statistics.median(b["peak_mem_mb"] for b in builds)),
        "peak_mem_mb_load": round(statistics.median(b["peak_mem_mb"] for b in loads)),
        "geoparse_mb_per_s": round(statistics.median(rates), 2), "mentions": n, "text_mb": round(len(text.encode()) / 1e6, 1),
    }
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for k, v in run(args.runs).items():
        print(f"{k:<22}{v}")


if __name__ == "__main__":
    main()
