"""The speed machinery of the date scan: anchors found fast, rules run only in the windows around them, the
case-insensitive rules' case-sensitive twins. What it finds is what a scan of the whole text finds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from geodata import caseless
from geodata.dates.rules import _MONTHS, _RULES, _WEEKDAYS

# Anchors: words one of which every match of a rule contains, found fast (below). Month and weekday names are
# case-sensitive in the rules and are looked for as written; the other anchors in the lower-cased text, and none of
# their letters is "i" or "s" (the only ASCII letters re.I also matches to other characters), so they find what a
# case-insensitive rule matches.
_MONTH_ANCHORS = [m[:3] for m in _MONTHS]
_WEEKDAY_ANCHORS = [w[:3] for w in _WEEKDAYS]
_ANCHORS: dict[str, tuple[tuple[str, ...], bool]] = {  # name -> (words, scans the lower-cased text)
    "month": ((*_MONTH_ANCHORS, *(m.upper() for m in _MONTH_ANCHORS)), False),
    "weekday": ((*_WEEKDAY_ANCHORS, *(w.upper() for w in _WEEKDAY_ANCHORS)), False),
    "year": (("19", "20"), False),
    "day_word": (("day", "ght", "morn", "ftern", "ven", "morrow"), True),  # yesterday tonight morning afternoon evening
    "unit": (("day", "week", "month", "year"), True),
    "recent": (("recent",), True),
    "ago": (("ago",), True),
}
# str.find passes over a text about ten times faster than re's scan for a set of first characters: the words of an
# anchor are found one by one, unless there are many (month and weekday names), found in one scan (an alternation of
# literals: re jumps from one possible first character to the next).
_FEW_WORDS = 8
_ANCHOR_RX = {name: re.compile("|".join(words)) for name, (words, _) in _ANCHORS.items() if len(words) > _FEW_WORDS}


def _anchor_offsets(name: str, text: str) -> list[int]:
    """Where the words of anchor ``name`` occur in ``text``, in order. Found one by one, every occurrence is (also
    one overlapping another): never fewer windows than a scan for any of them gives, at most a few more."""
    rx = _ANCHOR_RX.get(name)
    if rx is not None:
        return [m.start() for m in rx.finditer(text)]
    found: set[int] = set()
    for word in _ANCHORS[name][0]:
        i = text.find(word)
        while i >= 0:
            found.add(i)
            i = text.find(word, i + 1)
    return sorted(found)

# it may be read so (geodata.caseless): the same matches, faster. Their resolvers read groups in lower case.
_TWINS = [caseless.twin(rx) if rx.flags & re.I else None for rx, _, _ in _RULES]


# ---- scanning only where a rule can match -------------------------------------------------------------------------
# A regex costs about the same per character whether or not it matches, and most of a text holds no date: fifteen
# rules scanning whole articles were most of the time spent here. A rule is run only in windows around its anchors:
# from as far before an anchor as a match may start (the rule's widest match; or, when the rule opens a group with
# the anchor, as much as may come before that group), to as far after it as the rule can read (matched text plus
# look-aheads, plus two). A match starting in a window then reads nothing the window cuts off, so it is the match a
# scan of the whole text finds there; and every match of the whole text starts in some window.

_REACH_LIMIT = 1000  # rules that could match or read further than this are scanned whole
# Groups that open with one of the anchor's words in every match ("(?P<mon>...)": a month name opens with its first
# three letters): the first of them at the top of a rule bounds how far before its anchor a match starts.
_ANCHOR_GROUPS = {"month": ("mon", "m1", "m2"), "weekday": ("wd",), "year": ("y", "y1"), "unit": ("u",)}


def _reach(rx: re.Pattern[str], anchor: str) -> tuple[int, int] | None:
    """(farthest a match may start before its anchor, farthest reach after a match's start, look-aheads included)
    of a rule; None if unknown."""
    if "\\(" in rx.pattern:
        return None  # an escaped parenthesis would defeat the look-ahead rewrite below
    try:
        from re import _parser  # re's own parser (private): only its width bounds are read

        parsed = _parser.parse(rx.pattern, rx.flags)
        lead = parsed.getwidth()[1]
        groups = {parsed.state.groupdict[g] for g in _ANCHOR_GROUPS.get(anchor, ()) if g in parsed.state.groupdict}
        for i, (op, av) in enumerate(parsed.data):
            if op is _parser.SUBPATTERN and av[0] in groups:
                lead = _parser.SubPattern(parsed.state, parsed.data[:i]).getwidth()[1]  # look-arounds: no width
                break
        # a look-ahead reads what it tests without consuming it: counted as consumed, an upper bound
        reads = _parser.parse(rx.pattern.replace("(?=", "(?:").replace("(?!", "(?:"), rx.flags).getwidth()[1]
    except Exception:  # noqa: BLE001 - another Python's parser: scan whole texts, as before
        return None
    return (lead, reads) if reads < _REACH_LIMIT else None


_REACH = [_reach(rx, anchor) for rx, _, anchor in _RULES]
_ANCHOR_SLACK = {name: max(map(len, words)) - 1 for name, (words, _) in _ANCHORS.items()}


def _matches(rank: int, text: str, low: str, anchors: dict[str, list[int]] | None,
             twins: bool = False) -> Iterator[re.Match[str]]:
    """What ``rx.finditer(text)`` finds for rule ``rank``, scanning only the windows around its anchors.

    ``low`` is ``text.lower()``; ``anchors`` caches the anchors found in it (None: offsets differ, scan whole);
    ``twins``: the rule's twin, if it has one, may read ``low`` (the same matches, group text lower-cased).
    """
    rx, _, anchor = _RULES[rank]
    subject = text
    if twins and _TWINS[rank] is not None:
        rx, subject = _TWINS[rank], low
    reach = _REACH[rank]
    if reach is None or anchors is None:
        yield from rx.finditer(subject)
        return
    if anchor not in anchors:
        anchors[anchor] = _anchor_offsets(anchor, low if _ANCHORS[anchor][1] else text)
    lead, reads = reach
    slack = _ANCHOR_SLACK[anchor]  # an anchor overlapping the one found just before it is not found itself
    windows: list[list[int]] = []  # [first offset scanned, last offset a match may start at]
    for a in anchors[anchor]:
        lo, last = max(0, a - lead), a + slack
        if windows and lo <= windows[-1][1] + reads:
            windows[-1][1] = last  # reads overlap: one window, so matches do not overlap across them
        else:
            windows.append([lo, last])
    for lo, last in windows:
        for m in rx.finditer(subject, lo, last + reads + 2):
            if m.start() > last:
                break
            yield m

