"""Time from `streamlit run` to the map being drawn in Chromium (offline), median of N runs.

    python -m benchmarks.first_map [--runs 3] [--cold]

``--cold`` points the gazetteer cache at an empty folder for each run, so the index is built too.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from dashboard import harness


def one_run(cold: bool) -> tuple[float, float]:
    env = {}
    tmp = None
    if cold:
        tmp = tempfile.TemporaryDirectory()
        env["GEODATA_CACHE"] = tmp.name
    try:
        with harness.offline_page() as page:  # browser up before the clock starts: we time the app, not Chromium
            t0 = time.monotonic()
            with harness.running_app(harness.ROOT / "test-artifacts" / "bench-streamlit.log", env=env) as url:
                healthy = time.monotonic() - t0
                page.goto(url)
                harness.wait_map_drawn(page)
                drawn = time.monotonic() - t0
                assert page.external_requests == [], page.external_requests
        return healthy, drawn
    finally:
        if tmp:
            tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="rebuild the gazetteer index on every run")
    args = ap.parse_args()
    runs = [one_run(args.cold) for _ in range(args.runs)]
    print(f"{'cold' if args.cold else 'warm'} gazetteer cache, {args.runs} runs")
    print(f"  server healthy after start : median {statistics.median(r[0] for r in runs):.2f} s")
    print(f"  map drawn after start      : median {statistics.median(r[1] for r in runs):.2f} s  "
          f"(runs: {', '.join(f'{r[1]:.2f}' for r in runs)})")


if __name__ == "__main__":
    main()
