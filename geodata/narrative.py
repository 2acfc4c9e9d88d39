"""A briefing narrative: the key events an analyst picked, in the order they will be told.

Kept beside the articles as ``<corpus>/narrative.csv`` (one row a step: event id and the analyst's
note), human-readable and diff-friendly like ``curations.csv``. Every change takes the corpus lock,
re-reads the file and replaces it atomically, so two sessions editing the same narrative never lose
each other's steps. Framing a step (its date range and map view) is a pure function of its event.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from geodata.fsio import atomic_write, locked
from geodata.models import Event

FILE = "narrative.csv"
COLUMNS = ("event_id", "note")


@dataclass(frozen=True)
class Step:
    event_id: str
    note: str = ""


@dataclass(frozen=True)
class Frame:
    """What the map shows for a step: its date range, the centre and zoom that hold its places."""

    start: date
    end: date
    center: tuple[float, float]
    zoom: int


def path_for(corpus: str | Path) -> Path:
    return Path(corpus) / FILE


def read(path: str | Path) -> list[Step]:
    p = Path(path)
    if not p.exists():
        return []
    with open(p, encoding="utf-8", newline="") as fh:
        steps = [Step((row.get("event_id") or "").strip(), (row.get("note") or "").strip()) for row in csv.DictReader(fh)]
    out, seen = [], set()
    for s in steps:  # a hand-edited file may repeat an event: the first occurrence is the step
        if s.event_id and s.event_id not in seen:
            seen.add(s.event_id)
            out.append(s)
    return out


def _write(p: Path, steps: list[Step]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for s in steps:
        w.writerow((s.event_id, s.note))
    atomic_write(p, buf.getvalue().encode("utf-8"))


def _change(path: str | Path, fn) -> list[Step]:
    p = Path(path)
    with locked(p):
        steps = fn(read(p))  # re-read under the lock: another session may have changed it
        _write(p, steps)
    return steps


def add(path: str | Path, event_id: str, note: str = "") -> list[Step]:
    """Append a step (or update its note if the event is already in the narrative)."""
    def fn(steps: list[Step]) -> list[Step]:
        if any(s.event_id == event_id for s in steps):
            return [Step(s.event_id, note or s.note) if s.event_id == event_id else s for s in steps]
        return [*steps, Step(event_id, note)]
    return _change(path, fn)


def remove(path: str | Path, event_id: str) -> list[Step]:
    return _change(path, lambda steps: [s for s in steps if s.event_id != event_id])


def move(path: str | Path, event_id: str, by: int) -> list[Step]:
    """Move a step ``by`` places (negative: earlier), clamped to the ends."""
    def fn(steps: list[Step]) -> list[Step]:
        i = next((k for k, s in enumerate(steps) if s.event_id == event_id), None)
        if i is None:
            return steps
        s = steps.pop(i)
        steps.insert(max(0, min(len(steps), i + by)), s)
        return steps
    return _change(path, fn)


def sort_by_date(path: str | Path, events: dict[str, Event]) -> list[Step]:
    """Chronological order (steps whose event is gone or undated go last, in their current order)."""
    def key(s: Step):
        ev = events.get(s.event_id)
        return (0, ev.date) if ev is not None and ev.date is not None else (1, date.max)
    return _change(path, lambda steps: sorted(steps, key=key))


def zoom_for(span_deg: float, width_px: int = 900) -> int:
    """A web-map zoom at which ``span_deg`` degrees of longitude (or latitude) fit in ``width_px`` pixels."""
    if span_deg <= 0:
        return 9
    z = math.log2(width_px / 256 * 360 / (span_deg * 1.6))
    return int(max(3, min(9, math.floor(z))))


def frame(ev: Event, context_days: int = 3) -> Frame | None:
    """The step's view: the days around the event, and a centre and zoom holding its place(s)."""
    places = [p for p in (ev.origin, ev.destination, ev.place) if p is not None]
    if not places:
        return None
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    center = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    zoom = zoom_for(max(max(lats) - min(lats), max(lons) - min(lons)))
    if ev.date is None:
        return Frame(date.min, date.max, center, zoom)
    pad = timedelta(days=context_days)
    return Frame(ev.date - pad, (ev.date_end or ev.date) + pad, center, zoom)
