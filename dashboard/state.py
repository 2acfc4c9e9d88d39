"""Filter state: what the analyst selected, parsed from and written to the URL; pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from geodata.models import EVENT_TYPES, Event

# what the map shows; "app6" draws the bases with NATO symbols (APP-6, dashboard/symbols.py) instead of glyphs
LAYERS = ("bases", "movements", "events", "mentions", "app6")
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


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 event", "2 events" (``many`` for an irregular plural)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def parse_date(value: str | None, lo: date, hi: date) -> date | None:
    """An ISO date from the URL, clamped to [lo, hi]; None when absent or malformed."""
    if not value:
        return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return min(max(d, lo), hi)


def clamp(d: date, lo: date, hi: date) -> date:
    return min(max(d, lo), hi)


def typed_range(start: date | None, end: date | None, lo: date, hi: date, moved: str,
                current: tuple[date, date]) -> tuple[date, date]:
    """The range the "From" and "To" fields say, clamped to [lo, hi]; a field left empty keeps its end of
    ``current``, and when From passes To the other end follows the one just typed (``moved``: "from" or "to")."""
    start = clamp(start or current[0], lo, hi)
    end = clamp(end or current[1], lo, hi)
    if start > end:
        if moved == "from":
            end = start
        else:
            start = end
    return start, end


def parse_list(value: str | None, allowed: tuple[str, ...]) -> set[str] | None:
    if value is None:
        return None
    return {v for v in value.split(",") if v in allowed}


def date_bounds(events: list[Event], fallback: date) -> tuple[date, date]:
    dated = [e for e in events if e.date is not None]
    if not dated:
        return fallback, fallback
    return min(e.date for e in dated), max((e.date_end or e.date) for e in dated)


class EventIndex:
    """The events as NumPy columns, built once per corpus, so a filter is a vectorised mask (milliseconds at
    100,000 events) instead of a Python loop; the mask is also what the map receives (one bit an event)."""

    def __init__(self, events: list[Event]):
        n = len(events)
        self.events = events
        self.d0 = np.array([e.date.toordinal() if e.date else -1 for e in events], dtype=np.int64)
        self.d1 = np.array([(e.date_end or e.date).toordinal() if e.date else -1 for e in events], dtype=np.int64)
        self.type = np.array([e.type for e in events], dtype=object)
        self.status = np.array([e.status for e in events], dtype=object)
        self.review = np.array([e.review or "unreviewed" for e in events], dtype=object)
        self.moving = np.array([e.origin is not None and e.destination is not None for e in events], dtype=bool)
        self._actors = self._members(n, (e.actors for e in events))
        self._sources = self._members(n, ({s.source for s in e.sources} for e in events))
        self._hay: pd.Series | None = None  # built on the first text search

    @staticmethod
    def _members(n: int, values) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i, names in enumerate(values):
            for name in names:
                out.setdefault(name, np.zeros(n, dtype=bool))[i] = True
        return out

    @property
    def actors(self) -> list[str]:
        return sorted(self._actors)

    @property
    def sources(self) -> list[str]:
        return sorted(self._sources)

    def hay(self) -> pd.Series:
        if self._hay is None:
            self._hay = pd.Series([" ".join([e.quote, *(p.name for p in (e.place, e.origin, e.destination) if p),
                                             *(s.title for s in e.sources)]).lower() for e in self.events], dtype=object)
        return self._hay

    def any_of(self, table: dict[str, np.ndarray], chosen: set[str]) -> np.ndarray:
        out = np.zeros(len(self.events), dtype=bool)
        for name in chosen:
            if name in table:
                out |= table[name]
        return out

    def date_mask(self, f: Filters) -> np.ndarray:
        """Dated events whose interval overlaps [start, end]; undated ones as ``include_undated`` says.
        (osint-canvas.js applies the same rule to the day numbers of the map's dataset.)"""
        dated = self.d0 >= 0
        return np.where(dated, (self.d0 <= f.end.toordinal()) & (self.d1 >= f.start.toordinal()), f.include_undated)

    def filter_mask(self, f: Filters) -> np.ndarray:
        """Every filter but the dates: types, actors, sources, statuses, review state, text."""
        keep = np.isin(self.type, list(f.types))
        if f.actors:
            keep &= self.any_of(self._actors, f.actors)
        if f.sources:
            keep &= self.any_of(self._sources, f.sources)
        if f.statuses:
            keep &= np.isin(self.status, list(f.statuses))
        if f.review:
            keep &= np.isin(self.review, list(f.review))
        for word in f.text.lower().split():
            keep &= self.hay().str.contains(word, regex=False).to_numpy(dtype=bool)
        return keep

    def mask(self, f: Filters) -> np.ndarray:
        """Which events the filters keep."""
        return self.date_mask(f) & self.filter_mask(f)

    def take(self, mask: np.ndarray) -> list[Event]:
        return [self.events[i] for i in np.flatnonzero(mask)]


def select(events: list[Event], f: Filters) -> list[Event]:
    idx = EventIndex(events)
    return idx.take(idx.mask(f))


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
        out.append((f"{first:%Y-%m} ({plural(n, 'event')})", max(first, lo), min(last, hi)))
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
