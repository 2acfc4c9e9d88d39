"""Filter state: what the analyst selected, parsed from and written to the URL; pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from geodata.models import EVENT_TYPES, Event

LAYERS = ("bases", "movements", "events", "mentions")
DEFAULT_LAYERS = ("bases", "movements", "events")


@dataclass
class Filters:
    start: date
    end: date
    types: set[str] = field(default_factory=lambda: set(EVENT_TYPES))
    include_undated: bool = True
    actors: set[str] = field(default_factory=set)  # empty: any actor
    sources: set[str] = field(default_factory=set)  # empty: any source (outlet)
    statuses: set[str] = field(default_factory=set)  # empty: any status
    review: set[str] = field(default_factory=set)  # "unreviewed", "confirm", "edit", "add"; empty: any
    text: str = ""  # words that must all appear in the quote, place or source title (case-insensitive)


def parse_date(value: str | None, lo: date, hi: date) -> date | None:
    """An ISO date from the URL, clamped to [lo, hi]; None when absent or malformed."""
    if not value:
        return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return min(max(d, lo), hi)


def parse_list(value: str | None, allowed: tuple[str, ...]) -> set[str] | None:
    if value is None:
        return None
    return {v for v in value.split(",") if v in allowed}


def date_bounds(events: list[Event], fallback: date) -> tuple[date, date]:
    dated = [e for e in events if e.date is not None]
    if not dated:
        return fallback, fallback
    return min(e.date for e in dated), max((e.date_end or e.date) for e in dated)


def in_range(ev: Event, start: date, end: date) -> bool:
    """An event is shown when its date interval overlaps [start, end]."""
    if ev.date is None:
        return False
    return ev.date <= end and (ev.date_end or ev.date) >= start


def _matches(ev: Event, f: Filters) -> bool:
    if ev.type not in f.types:
        return False
    if f.actors and not f.actors & set(ev.actors):
        return False
    if f.sources and not f.sources & {s.source for s in ev.sources}:
        return False
    if f.statuses and ev.status not in f.statuses:
        return False
    if f.review and (ev.review or "unreviewed") not in f.review:
        return False
    if f.text.strip():
        hay = " ".join([ev.quote, *(p.name for p in (ev.place, ev.origin, ev.destination) if p),
                        *(s.title for s in ev.sources)]).lower()
        if not all(w in hay for w in f.text.lower().split()):
            return False
    return True


def select(events: list[Event], f: Filters) -> list[Event]:
    out = []
    for ev in events:
        if not _matches(ev, f):
            continue
        if ev.date is None:
            if f.include_undated:
                out.append(ev)
            continue
        if in_range(ev, f.start, f.end):
            out.append(ev)
    return out


def presets(events: list[Event], published: list[tuple[str, date]], lo: date, hi: date) -> list[tuple[str, date, date]]:
    """Date ranges to jump to: everything, each month that has events, each article's week."""
    out = [("All dates", lo, hi)]
    months: dict[tuple[int, int], int] = {}
    for ev in events:
        if ev.date is not None:
            months[(ev.date.year, ev.date.month)] = months.get((ev.date.year, ev.date.month), 0) + 1
    for (y, m), n in sorted(months.items()):
        first = date(y, m, 1)
        last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
        out.append((f"{first:%Y-%m} ({n} events)", max(first, lo), min(last, hi)))
    for title, day in sorted(published, key=lambda t: t[1]):
        monday = day - timedelta(days=day.weekday())
        short = title if len(title) <= 50 else title[:47] + "…"
        out.append((f"Week of {day.isoformat()}: {short}", max(monday, lo), min(monday + timedelta(days=6), hi)))
    return [(label, s, e) for label, s, e in out if s <= e]


STEP_UNITS = {"day": 1, "week": 7, "month": 30}


def step(start: date, end: date, lo: date, hi: date, direction: int, unit: str) -> tuple[date, date] | None:
    """The range moved one step forward (+1) or back (-1), keeping its length; None at the edge."""
    days = timedelta(days=STEP_UNITS.get(unit, 7))
    width = end - start
    if direction > 0:
        if end >= hi:
            return None
        new_end = min(hi, end + days)
        return max(lo, new_end - width), new_end
    if start <= lo:
        return None
    new_start = max(lo, start - days)
    return new_start, min(hi, new_start + width)
