"""Take the README screenshot (docs/screenshot.png): the app on the seeds, offline, a movement popup open.

    python scripts/screenshot.py [--out docs/screenshot.png]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import harness  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(harness.ROOT / "docs" / "screenshot.png"))
    args = ap.parse_args()
    with harness.running_app(harness.ROOT / "test-artifacts" / "screenshot-streamlit.log") as url, \
            harness.offline_page(viewport=(1500, 1050)) as page:
        page.goto(url)
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        page.wait_for_timeout(800)
        frame = harness.map_frame(page)
        box = page.locator(harness.MAP_IFRAME).bounding_box()
        arrows = frame.locator(".osint-arrow")
        for i in range(arrows.count()):
            bb = arrows.nth(i).bounding_box()
            if bb and box["x"] < bb["x"] < box["x"] + box["width"] - 40 and box["y"] < bb["y"] < box["y"] + box["height"] - 40:
                arrows.nth(i).click(force=True)
                page.wait_for_timeout(500)
                break
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.out)
        assert page.external_requests == [], page.external_requests
    print(args.out)


if __name__ == "__main__":
    main()
