"""Temporal expressions in news text, resolved against the publication date.

Plain regexes on purpose (dateparser's search reads the verb "may" as a month and splits "Dec. 15" in two).
Month and weekday names must be capitalised, news style; relative phrases ("last week", "two days ago") match in
any case. Where expressions overlap, the longest wins ("October last year" is one). Pure: patterns are compiled
once at import, no I/O, no state. The rules live in ``rules``, the machinery that runs them fast in ``scan``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from geodata import caseless
from geodata.dates.rules import _BEFORE, _RULES, _month_alone, _Resolved, future_before
from geodata.dates.scan import _matches
from geodata.models import DateRef

__all__ = ["_RULES", "_matches", "find_date_in_header", "find_dates"]


def find_dates(text: str, published: dt.date | None) -> list[DateRef]:
    """All temporal expressions in `text`, in order of position, resolved against `published` (or against a wire
    dateline's day, "NIAMEY, Dec. 22 (Xinhua) --", when it is up to DATELINE_LAG_DAYS before publication).

    Expressions that need a reference date (relative ones, month-day without year) are skipped when published is
    None; absolute ones (full dates, years) are still returned.
    """
    if not isinstance(text, str) or not text:
        return []
    p = published.date() if isinstance(published, dt.datetime) else published
    if not isinstance(p, dt.date):
        p = None
    p = _dateline_day(text, p) or p
    cands: list[tuple[int, int, int, _Resolved]] = []
    lowered = caseless.lowered(text)  # when the case-insensitive rules' twins may read it
    low = text.lower() if lowered is None else lowered
    anchors: dict[str, list[int]] | None = {} if len(low) == len(text) else None  # offsets must agree
    for rank, (rx, resolve, _) in enumerate(_RULES):
        has_x, before = "x" in rx.groupindex, _BEFORE.get(resolve)
        for m in _matches(rank, text, low, anchors, lowered is not None):
            s, e = m.span("x") if has_x else m.span()
            groups = m.groupdict()
            if before is not None and (b := before.search(text, s)) is not None:
                groups |= b.groupdict()
                s = b.start("x") if b["x"] else s
            if resolve is _month_alone and future_before(text, s):
                groups["future"] = "1"
            try:
                r = resolve(groups, p)
            except (ValueError, OverflowError, KeyError):
                continue  # "February 30", a year out of range, ...
            if r is not None:
                cands.append((s, e, rank, r))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))  # longest first, then leftmost, then rule order
    starts: list[int] = []
    ends: list[int] = []
    kept: list[DateRef] = []
    for s, e, _, (d0, d1, precision) in cands:
        i = bisect_right(starts, s)
        if (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue  # overlaps a longer expression already kept
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(DateRef(text=text[s:e], start=s, end=e, date=d0, date_end=d1, precision=precision))
    return sorted(kept, key=lambda r: r.start)


# A wire dateline ("NIAMEY, Dec. 22 (Xinhua) --", "Bamako, July 27 (Reuters) -"): the day the copy was filed.
_DATELINE = re.compile(r"\A\s*[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s+(?P<d>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                       r"Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*\(")
DATELINE_LAG_DAYS = 3  # a dateline this many days or fewer before publication anchors the relative dates


def _dateline_day(text: str, published: dt.date | None) -> dt.date | None:
    """The dateline's day when it is a little before publication ("last Friday" counts from when the copy was
    filed, not from the day a site published it), else None."""
    m = _DATELINE.match(text, 0, 120) if published else None
    if m is None or published is None:
        return None
    refs = [r for r in find_dates(m.group("d"), published) if r.precision == "day"]
    if refs and 0 < (published - refs[0].date).days <= DATELINE_LAG_DAYS:
        return refs[0].date
    return None


def find_date_in_header(text: str, max_chars: int = 400) -> dt.date | None:
    """A full explicit date (day+month+year, or ISO) written near the start of an article.

    E.g. ' date 2024-12-09 The press...', 'Published December 9, 2024', '9 Dec 2024'; used when the manifest gives
    no publication date. None if none starts within the first `max_chars` characters.
    """
    if not isinstance(text, str) or max_chars <= 0:
        return None
    for ref in find_dates(text[: max_chars + 40], None):  # a little slack so a date straddling the limit is whole
        if ref.start < max_chars and ref.precision == "day":
            return ref.date
    return None
