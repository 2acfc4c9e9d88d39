"""Analyst review: confirm, reject, edit or add events in a CSV that lives beside the articles.

``<corpus>/curations.csv`` is human-readable and diff-friendly (one row per decision, stable column
order, sorted by event id). Rebuilding from the articles never touches it: decisions are applied on
top of freshly extracted events, and a decision whose event no longer exists is reported as
*orphaned*, never dropped. Every write takes an exclusive lock, re-reads the file, changes only the
row it means to change, and replaces the file atomically, so two sessions cannot overwrite each
other's work.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from geodata.fsio import atomic_write, locked
from geodata.models import EVENT_STATUSES, EVENT_TYPES, Event, Place, Source

FILE = "curations.csv"
COLUMNS = ("event_id", "action", "type", "status", "date", "date_end", "place", "origin", "destination", "actors",
           "quote", "note", "analyst", "updated")
ACTIONS = ("confirm", "reject", "edit", "add")


class CurationError(ValueError):
    """A decision that cannot be recorded (unknown action, bad date, unknown type...)."""


@dataclass(frozen=True)
class Curation:
    event_id: str
    action: str
    type: str = ""
    status: str = ""
    date: str = ""
    date_end: str = ""
    place: str = ""
    origin: str = ""
    destination: str = ""
    actors: str = ""  # "Russia; Turkey"
    quote: str = ""
    note: str = ""
    analyst: str = ""
    updated: str = ""

    def validate(self) -> Curation:
        if not self.event_id.strip():
            raise CurationError("a decision needs an event id")
        if self.action not in ACTIONS:
            raise CurationError(f"action must be one of {', '.join(ACTIONS)}, not {self.action!r}")
        if self.type and self.type not in EVENT_TYPES:
            raise CurationError(f"unknown event type {self.type!r}")
        if self.status and self.status not in EVENT_STATUSES:
            raise CurationError(f"unknown status {self.status!r}")
        for d in (self.date, self.date_end):
            if d:
                try:
                    date.fromisoformat(d)
                except ValueError:
                    raise CurationError(f"date {d!r} is not YYYY-MM-DD") from None
        if self.action == "add" and not (self.type and self.date and self.place):
            raise CurationError("an added event needs at least a type, a date and a place")
        return self


@dataclass
class ReviewReport:
    applied: list[str] = field(default_factory=list)  # event ids a decision changed or confirmed
    rejected: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    orphaned: list[Curation] = field(default_factory=list)  # decisions whose event is gone
    unplaced: list[str] = field(default_factory=list)  # edits/additions naming a place the gazetteer does not know


def path_for(corpus: str | Path) -> Path:
    return Path(corpus) / FILE


def read(path: str | Path) -> dict[str, Curation]:
    """All decisions, by event id (a missing file is no decisions)."""
    p = Path(path)
    if not p.exists():
        return {}
    out: dict[str, Curation] = {}
    with open(p, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            values = {k: (row.get(k) or "").strip() for k in COLUMNS}
            if values["event_id"]:
                out[values["event_id"]] = Curation(**values)
    return out


def _render(decisions: dict[str, Curation]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for eid in sorted(decisions):
        w.writerow({k: getattr(decisions[eid], k) for k in COLUMNS})
    return buf.getvalue()


def record(path: str | Path, decision: Curation) -> Curation:
    """Add or replace one decision; every other row in the file is kept exactly as it is on disk now."""
    decision = replace(decision.validate(), updated=decision.updated or datetime.now(UTC).isoformat(timespec="seconds"))
    p = Path(path)
    with locked(p):
        current = read(p)  # re-read under the lock: another session may have written since we loaded
        current[decision.event_id] = decision
        atomic_write(p, _render(current).encode("utf-8"))
    return decision


def withdraw(path: str | Path, event_id: str) -> bool:
    """Remove one decision (the event goes back to what the extractor says). True if there was one."""
    p = Path(path)
    with locked(p):
        current = read(p)
        if event_id not in current:
            return False
        del current[event_id]
        atomic_write(p, _render(current).encode("utf-8"))
    return True


def _actors(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.replace(",", ";").split(";") if a.strip())


def apply(events: list[Event], decisions: dict[str, Curation], geocode) -> tuple[list[Event], ReviewReport]:
    """Events with the analyst's decisions applied. ``geocode(name) -> Place | None`` places edited names."""
    report = ReviewReport()
    by_id = {e.id: e for e in events}
    out: list[Event] = []
    for ev in events:
        d = decisions.get(ev.id)
        if d is None:
            out.append(ev)
        elif d.action == "reject":
            report.rejected.append(ev.id)
        else:
            out.append(_edited(ev, d, geocode, report))
            report.applied.append(ev.id)
    for d in decisions.values():
        if d.action == "add" and d.event_id not in by_id:
            ev = _added(d, geocode, report)
            if ev is not None:
                out.append(ev)
                report.added.append(d.event_id)
        elif d.event_id not in by_id and d.action != "add":
            report.orphaned.append(d)
    out.sort(key=lambda e: (e.date or date.min, e.article_id, e.start))
    return out, report


def _place(name: str, current: Place | None, geocode, report: ReviewReport, eid: str) -> Place | None:
    if not name:
        return current
    if name == "-":
        return None  # the analyst says there is no such place
    p = geocode(name)
    if p is None:
        report.unplaced.append(f"{eid}: {name}")
        return current
    return p


def _edited(ev: Event, d: Curation, geocode, report: ReviewReport) -> Event:
    new = replace(
        ev,
        type=d.type or ev.type, status=d.status or ev.status,
        date=date.fromisoformat(d.date) if d.date else ev.date,
        date_end=date.fromisoformat(d.date_end or d.date) if (d.date_end or d.date) else ev.date_end,
        date_precision="day" if d.date and (d.date_end or d.date) == d.date else ("range" if d.date else ev.date_precision),
        place=_place(d.place, ev.place, geocode, report, ev.id),
        origin=_place(d.origin, ev.origin, geocode, report, ev.id),
        destination=_place(d.destination, ev.destination, geocode, report, ev.id),
        actors=_actors(d.actors) or ev.actors,
        quote=d.quote or ev.quote,
        confidence=1.0 if d.action in ("confirm", "edit") else ev.confidence,
        sources=list(ev.sources), review=d.action,
    )
    return new


def _added(d: Curation, geocode, report: ReviewReport) -> Event | None:
    place = _place(d.place, None, geocode, report, d.event_id)
    if place is None:
        return None
    start = date.fromisoformat(d.date)
    end = date.fromisoformat(d.date_end) if d.date_end else start
    ev = Event(
        id=d.event_id, type=d.type, status=d.status or "reported", date=start, date_end=end,
        date_precision="day" if start == end else "range", place=place,
        origin=_place(d.origin, None, geocode, report, d.event_id),
        destination=_place(d.destination, None, geocode, report, d.event_id),
        actors=_actors(d.actors), quote=d.quote, confidence=1.0, article_id="",
        sources=[Source(article_id="", file="", title=d.note or "Added by an analyst", source=d.analyst or "analyst",
                        url="", published="", quote=d.quote, start=0, end=0)],
        review="add",
    )
    return ev
