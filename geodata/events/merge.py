"""Merging reports of one event: one event per type, places and overlapping dates, every source kept."""

from __future__ import annotations

import re
from datetime import date, timedelta

from geodata.models import Event, Place


def _pid(p: Place | None) -> str:
    return p.id if p else ""


def _close(a: Event, b: Event, days: int = 1) -> bool:
    if a.date is None or b.date is None:
        return a.date is b.date
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    return a.date - timedelta(days=days) <= b_end and b.date - timedelta(days=days) <= a_end


_WORD = re.compile(r"[a-z]{4,}")


def _similar(a: str, b: str, threshold: float = 0.3) -> bool:
    """Two sentences of one article that repeat a claim share many of their longer words."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= threshold


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (type, place, origin, destination, overlapping dates), with every source kept."""
    merged: list[Event] = []
    index: dict[tuple[str, str, str, str], list[Event]] = {}
    for ev in sorted(events, key=lambda x: -x.confidence):
        key = (ev.type, _pid(ev.place), _pid(ev.origin), _pid(ev.destination))
        twin = next((m for m in index.get(key, []) if _close(m, ev)
                     and (m.article_id != ev.article_id or _similar(m.quote, ev.quote))), None)
        if twin is None:
            copy = Event(**{**ev.__dict__, "sources": list(ev.sources)})
            merged.append(copy)
            index.setdefault(key, []).append(copy)
        else:
            # corroborated by another article: once per distinct article (one article cited twice counts once)
            seen = {s.article_id for s in twin.sources} | {twin.article_id}
            fresh = {s.article_id for s in ev.sources} - seen
            twin.sources.extend(ev.sources)
            twin.confidence = min(0.99, twin.confidence + 0.1 * len(fresh))
    merged.sort(key=lambda x: (x.date or date.min, x.article_id, x.start))
    return merged
