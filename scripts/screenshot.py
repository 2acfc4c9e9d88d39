"""Take the screenshots in docs/: the map view (a route's popup open; the labelled basemap, the movement to
Russia drawn to its border as country-level), the presentation view and a narrative step at 1600x1000. The app runs on the seeds (a temporary copy for the narrative), offline.

    python scripts/screenshot.py [--out docs/]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the Playwright driver, tests/harness.py

import harness  # noqa: E402

LOG = harness.ROOT / "test-artifacts" / "screenshot-streamlit.log"
DECEMBER = "start=2024-12-01&end=2024-12-31"


def open_route_popup(page) -> None:
    drawn = harness.drawn_items(page)
    w, h = drawn["size"]
    points = [pt for r in drawn["routes"] for pt in r["samples"][3:-3] if 80 < pt[0] < w - 80 and 80 < pt[1] < h - 80]
    spot = harness.free_spot(page, points)
    if spot:
        harness.click_in_map(page, *spot)
        page.wait_for_timeout(600)


def shoot(url: str, path: Path, route_popup: bool = False, wait_text: str | None = None,
          viewport: tuple[int, int] = (1500, 1050)) -> None:
    with harness.offline_page(viewport=viewport) as page:
        page.goto(url)
        harness.wait_map_drawn(page)
        harness.wait_app_idle(page)
        harness.settle(page)
        if wait_text:
            page.get_by_text(wait_text).first.wait_for()
        if route_popup:
            open_route_popup(page)
        page.screenshot(path=str(path))
        assert page.external_requests == [], page.external_requests
    print(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(harness.ROOT / "docs"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with harness.running_app(LOG) as url:
        shoot(f"{url}/?{DECEMBER}", out / "screenshot.png", route_popup=True)
        shoot(f"{url}/?mode=present&{DECEMBER}&title=Russian+forces+in+Syria,+December+2024", out / "presentation.png",
              viewport=(1600, 1000))

    from geodata import narrative
    from geodata.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        for f in (harness.ROOT / "seeds").iterdir():
            if f.is_file():
                shutil.copy(f, Path(tmp) / f.name)
        events = sorted((e for e in build(tmp).events if e.date and e.date.year == 2024 and e.place), key=lambda e: e.date)
        story = [e for e in events if e.origin and e.destination][:2] + [e for e in events if e.type == "base_presence"][:1]
        for ev in sorted(story, key=lambda e: e.date):
            narrative.add(narrative.path_for(tmp), ev.id)
        with harness.running_app(LOG, env={"GEODATA_CORPUS": tmp}) as url:
            shoot(f"{url}/?mode=present&step=2&title=Briefing:+the+drawdown", out / "narrative.png", wait_text="Step 2 of",
                  viewport=(1600, 1000))


if __name__ == "__main__":
    main()
