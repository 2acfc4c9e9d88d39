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


_QUOTE_MARKS = ("“", "”", '"')


def _restates(a: Event, b: Event) -> bool:
    """One of two reports of one article quotes someone restating the other ("... said: 'the troops left X'"):
    the later quote is undated, or dated as the report it restates."""
    quoted = b if b.start > a.start else a
    other = a if quoted is b else b
    return any(q in quoted.quote for q in _QUOTE_MARKS) and (
        _close(a, b) or (quoted.date_precision == "as_of" and other.date is not None and quoted.date is not None
                         and other.date <= quoted.date))


def _told_before(ev: Event) -> bool:
    """A departure from a place the sentence does not name, read from the article, going nowhere it names ("All U.S.
    personnel have now departed", after the lede told of the departure from the base): the story told again (an
    arrival at "the base" may be another plane's)."""
    return ev.origin is not None and ev.destination is None and "origin" in ev.inferred


def _same_happening(a: Event, b: Event) -> bool:
    """Two reports in one article of one happening: sentences repeating each other, a sentence telling the story
    again without naming its places, or a quote restating it."""
    return (_close(a, b) and (_similar(a.quote, b.quote) or _told_before(a) or _told_before(b))) or _restates(a, b)


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (type, place, origin, destination, overlapping dates), with every source kept; in one
    article, the lede and a later quote restating it are one event."""
    merged: list[Event] = []
    index: dict[tuple[str, str, str, str], list[Event]] = {}
    order: dict[int, int] = {}  # a kept event's place in the input: one sentence's legs stay in text order
    for at, ev in sorted(enumerate(events), key=lambda x: -x[1].confidence):
        key = (ev.type, _pid(ev.place), _pid(ev.origin), _pid(ev.destination))
        twin = next((m for m in index.get(key, []) if (m.article_id != ev.article_id and _close(m, ev))
                     or (m.article_id == ev.article_id and _same_happening(m, ev))), None)
        if twin is None:
            copy = Event(**{**ev.__dict__, "sources": list(ev.sources)})
            merged.append(copy)
            order[id(copy)] = at
            index.setdefault(key, []).append(copy)
        else:
            # corroborated by another article: once per distinct article (one article cited twice counts once)
            seen = {s.article_id for s in twin.sources} | {twin.article_id}
            fresh = {s.article_id for s in ev.sources} - seen
            twin.sources.extend(ev.sources)
            twin.confidence = min(0.99, twin.confidence + 0.1 * len(fresh))
    merged.sort(key=lambda x: (x.date or date.min, x.article_id, x.start, order[id(x)]))
    return merged
