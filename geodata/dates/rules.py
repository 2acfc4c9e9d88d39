"""The linguistic rules of temporal expressions: names, patterns and how each resolves against publication.

Plain regexes on purpose (dateparser's search reads the verb "may" as a month and splits "Dec. 15" in two).
Month and weekday names must be capitalised, news style; relative phrases ("last week", "two days ago") match in
any case. Each rule names its anchor: a word one of its matches always holds (``geodata.dates.scan`` runs the
rule only around them).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

_Resolved = tuple[dt.date, dt.date, str]  # date, date_end, precision
_Groups = dict[str, str | None]  # named groups of a match (and of its prefix, for rules that look back)
_Resolver = Callable[[_Groups, dt.date | None], _Resolved | None]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
         "Nov": 11, "Dec": 12}
_MONTH_NUM = {m.lower(): i for i, m in enumerate(_MONTHS, 1)} | {a.lower(): n for a, n in _ABBR.items()}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NUM = {w.lower(): i for i, w in enumerate(_WEEKDAYS)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "couple of": 2, "a couple of": 2}
_FEW = ("few", "a few", "several")


def _names(words: tuple[str, ...]) -> str:
    return "|".join(sorted({*words, *(w.upper() for w in words)}, key=len, reverse=True))


def _month_re(exclude: tuple[str, ...] = ()) -> str:
    full = tuple(m for m in _MONTHS if m not in exclude)
    abbr = "|".join(sorted(_ABBR, key=len, reverse=True))
    return rf"(?:(?:{_names(full)})\b|(?:{abbr})\b\.?)"


_S = r"\s{1,3}"
_S0 = r"\s{0,3}"
_MON = _month_re()
_MON_SOLO = _month_re(exclude=("May",))  # the modal verb: "May" only ever with a day or a year
_WD = rf"(?:{_names(_WEEKDAYS)})\b"
_WD_PREFIX = rf"(?:{_WD},?{_S})?"  # "Monday, December 9"
_TIME_OF_DAY = r"(?i:morning|afternoon|evening|night)\b"
_SEASON = rf"(?i:end|start|beginning|middle|spring|summer|autumn|fall|winter|course|first{_S}half|second{_S}half)"
_PREP_WORDS = ("in", "since", "by", "until", "till", "from", "of", "during", "throughout", "before", "after", "through",
               "around")
_MOD_WORDS = ("early", "late", "mid")
_REL_WORDS = ("last", "this", "next", "past")
_PREP = rf"(?i:{'|'.join(_PREP_WORDS)})"
_MOD = rf"(?i:{'|'.join(_MOD_WORDS)})"
_NUM = r"\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_FEWRE = rf"(?:a{_S})?(?:few|couple(?:{_S}of)?)|several"
_COUNT = (r"(?!\s{0,3}(?:%|(?i:percent|per\b|troops|soldiers|people|men\b|women|children|civilians|fighters|"
          r"personnel|refugees|residents|families|km\b|kilomet|miles|met(?:er|re)s|tons|tonnes|dollars|euros|"
          r"rubles|roubles|vehicles|tanks|aircraft|planes|ships|units|times)))")
_RANGE_SEP = rf"(?P<sep>{_S0}[-–—]{_S0}|{_S}(?i:to|until|till|through|and){_S})"
_I = re.IGNORECASE


def _at(first: str) -> str:
    """Start of an expression: a cheap first-character test (keeps 1 MB scans fast), then a word boundary."""
    return rf"(?=[{first}])(?<!\w)"


def _day(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)(?!\w|[.,/-]\d)"


def _month(name: str) -> int:
    return _MONTH_NUM[name.rstrip(".").lower()]


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, k: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add_units(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "week"):
        return d + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(d, n * (12 if unit == "year" else 1))


def _closest_md(month: int, day: int, p: dt.date) -> dt.date:
    """The month-day nearest to p (ties go to the past); ValueError if it exists in none of the three years."""
    best: dt.date | None = None
    for y in (p.year - 1, p.year, p.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - p).days) < abs((best - p).days):
            best = d
    if best is None:
        raise ValueError(f"no valid date for {month}-{day}")
    return best


def _closest_month_year(month: int, p: dt.date) -> int:
    return min((p.year - 1, p.year, p.year + 1), key=lambda y: abs(y * 12 + month - p.year * 12 - p.month))


def _iso(m: _Groups, p: dt.date | None) -> _Resolved:
    d = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return d, d, "day"


def _month_day(m: _Groups, p: dt.date | None) -> _Resolved | None:
    month, day = _month(m["mon"]), int(m["d"])
    if m["y"]:
        d = dt.date(int(m["y"]), month, day)
    elif p is None:
        return None
    else:
        d = _closest_md(month, day, p)
    return d, d, "day"


def _month_year(m: _Groups, p: dt.date | None) -> _Resolved:
    return *_month_range(int(m["y"]), _month(m["mon"])), "month"


def _month_alone(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None or not (m.get("kw") or m.get("mod") or m.get("rel") or m["ry"]):
        return None  # a bare month name is too often something else ("the October Revolution")
    month, rel, ry = _month(m["mon"]), (m.get("rel") or "").lower(), (m["ry"] or "").lower()
    if ry:
        year = p.year + {"last": -1, "this": 0, "next": 1}[ry]
    elif rel in ("last", "past"):
        year = p.year if month < p.month else p.year - 1
    elif rel == "next":
        year = p.year if month > p.month else p.year + 1
    elif rel == "this":
        year = p.year
    elif m.get("future") or (m.get("kw") or "").lower() in _DEADLINE_WORDS:
        year = _closest_month_year(month, p)  # "will withdraw in September", "by August": it may lie ahead
    else:
        year = p.year if month <= p.month else p.year - 1  # past narration: the most recent such month
    return *_month_range(year, month), "month"


_DEADLINE_WORDS = ("by", "until", "till", "before")
# Words of the future in the clause before a month name without a year ("is expected to leave in August").
_FUTURE_CUE = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|expected|scheduled|due|intends?|intended|"
                         r"is to|are to|set to|deadline|upcoming|coming|next|later this)\b[^.;!?]*\Z", re.I)


def future_before(text: str, s: int) -> bool:
    """Whether the clause before offset ``s`` (up to 100 characters back) speaks of the future."""
    return _FUTURE_CUE.search(text, max(0, s - 100), s) is not None


def _year_kw(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if not (m.get("kw") or m.get("mod")):
        return None  # a bare four-digit number may be a count
    y = int(m["y"])
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _year_range(m: _Groups, p: dt.date | None) -> _Resolved | None:
    sep, kw, y1, y2s = m["sep"].strip().lower(), (m["kw"] or "").lower(), int(m["y1"]), m["y2"]
    if (sep == "and") != (kw == "between") or (len(y2s) == 2 and sep != "–"):
        return None
    y2 = y1 // 100 * 100 + int(y2s) if len(y2s) == 2 else int(y2s)
    if not y1 < y2 <= y1 + 100:
        return None
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range"


def _day_range(m: _Groups, p: dt.date | None) -> _Resolved | None:
    sep, kw = m["sep"].strip().lower(), (m["kw"] or "").lower()
    if sep == "and" and kw != "between":
        return None  # "December 8 and 10" are two days, not a range
    m1 = _month(m["m1"]) if m["m1"] else _month(m["m2"])
    m2 = _month(m["m2"]) if m["m2"] else m1
    d1, d2 = int(m["d1"]), int(m["d2"])
    if m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        start, end = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
    else:
        if m["y1"]:
            start = dt.date(int(m["y1"]), m1, d1)
        elif p is None:
            return None
        else:
            start = _closest_md(m1, d1, p)
        end = dt.date(start.year, m2, d2)
        if end < start and m["m1"] and m["m2"] and m2 < m1:
            end = dt.date(start.year + 1, m2, d2)  # "Dec. 28 to Jan. 3"
    if not start < end or (end - start).days > 366:
        return None
    return start, end, "range"


def _weekday(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None:
        return None
    target, rel = _WEEKDAY_NUM[m["wd"].lower()], (m["rel"] or "").lower()
    if rel == "next":
        d = p + dt.timedelta(days=(target - p.weekday()) % 7 or 7)
    else:
        back = (p.weekday() - target) % 7
        d = p - dt.timedelta(days=back or (7 if rel in ("last", "past") else 0))
    return d, d, "day"


_DAY_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
                "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0, "tomorrow": 1}


def _day_word(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None:
        return None
    d = p + dt.timedelta(days=_DAY_OFFSETS[" ".join(m["w"].lower().split())])
    return d, d, "day"


def _this_last_next(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None:
        return None
    q, w, unit = (m["q"] or "").lower(), m["w"].lower(), m["u"].lower()
    k = {"last": -1, "this": 0, "next": 1}[w]
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday())
        if k:
            return monday + dt.timedelta(days=7 * k), monday + dt.timedelta(days=7 * k + 6), "week"
        if q == "later":
            return p, monday + dt.timedelta(days=6), "week"
        return monday, p, "week"
    if unit == "month":
        shifted = _add_months(p.replace(day=1), k)
        first, last = _month_range(shifted.year, shifted.month)
        precision = "month"
    else:
        first, last, precision = dt.date(p.year + k, 1, 1), dt.date(p.year + k, 12, 31), "year"
    if k == 0 and q == "earlier":
        return first, p, "range"
    if k == 0 and q == "later":
        return p, last, "range"
    return first, last, precision


def _count(word: str | None) -> int | None:
    """A number word as an int; None for "few"/"several"."""
    if word is None:
        return 1
    w = " ".join(word.lower().split())
    return None if w in _FEW else int(w) if w.isdigit() else _NUMBERS[w]


def _past_next(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None:
        return None
    unit, n = m["u"].lower().rstrip("s"), _count(m["n"])
    if n is None or (m["n"] is None and m["u"].lower().endswith("s")):  # "the past few days", "the coming weeks"
        span = {"day": 6, "week": 21, "month": 91, "year": 1095}[unit]
        other = p + dt.timedelta(days=span if m["dir"].lower() in ("coming", "next") else -span)
    else:
        other = _add_units(p, unit, n if m["dir"].lower() in ("coming", "next") else -n)
    return min(p, other), max(p, other), "range"


def _recent(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None:
        return None
    days = {"days": 6, "weeks": 27, "months": 90}[m["u"].lower()]
    return p - dt.timedelta(days=days), p, "range"


def _ago(m: _Groups, p: dt.date | None) -> _Resolved | None:
    if p is None or not m.get("u"):
        return None
    unit, n = m["u"].lower().rstrip("s"), _count(m["n"])
    if n is None:
        return _add_units(p, unit, -6), _add_units(p, unit, -2), "range"
    d = _add_units(p, unit, -n)
    if unit == "day":
        return d, d, "day"
    if unit == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    if unit == "month":
        return *_month_range(d.year, d.month), "month"
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"


class _Before:
    """What may come just before a month name, a year, "ago": looked for only where those occur, and only when the
    word just before is one of `words` (a cheap test that keeps dense text fast). Group "x" starts the span."""

    def __init__(self, pattern: str, words: tuple[str, ...], window: int) -> None:
        self.rx = re.compile(rf"(?<!\w)(?:{pattern})\Z", _I)
        self.words = tuple({v for w in words for v in (w, w.capitalize(), w.upper())})
        self.window = window

    def search(self, text: str, s: int) -> re.Match[str] | None:
        j = s
        while j > 0 and j > s - 4 and (text[j - 1].isspace() or text[j - 1] == "-"):
            j -= 1
        if j == s or not text.endswith(self.words, max(0, j - 12), j):
            return None
        return self.rx.search(text, max(0, s - self.window), s)


_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years")
_BEFORE = {
    _month_alone: _Before(rf"(?:(?P<kw>{_PREP}){_S})?(?P<x>(?P<mod>{_MOD})[\s-]{{1,3}}|"
                          rf"(?P<rel>last|this|next|past){_S})?", _PREP_WORDS + _MOD_WORDS + _REL_WORDS, 24),
    _year_kw: _Before(rf"(?:(?P<kw>{_PREP}){_S}(?:the{_S}{_SEASON}{_S}of{_S})?)?(?P<x>(?P<mod>{_MOD})[\s-]{{1,3}})?",
                      _PREP_WORDS + _MOD_WORDS, 50),
    _ago: _Before(rf"(?P<x>(?P<n>{_NUM}|{_FEWRE}){_S}(?P<u>days?|weeks?|months?|years?){_S})", _UNITS, 30),
}

# (pattern, resolver, anchor). A group "x", when present, is the span reported; otherwise the whole match.
_RULES: list[tuple[re.Pattern[str], _Resolver, str]] = [
    (re.compile(r"(?=[12])(?<![\w./-])(?P<y>(?:19|20)\d\d)(?P<s>[-/.])(?P<mo>1[0-2]|0?[1-9])(?P=s)"
                r"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)"), _iso, "year"),
    (re.compile(rf"{_at('JFMASONDTW')}{_WD_PREFIX}(?P<mon>{_MON}){_S0}{_day('d')}"
                rf"(?:(?:,{_S0}|{_S}){_year('y')}|(?![.,]\d))"), _month_day, "month"),
    (re.compile(rf"(?=[0-9MTWFSt])(?<![\w.,]){_WD_PREFIX}(?:(?i:the){_S})?{_day('d')}(?:{_S}(?i:of))?{_S}"
                rf"(?P<mon>{_MON})(?:,?{_S}{_year('y')})?"), _month_day, "month"),
    (re.compile(rf"{_at('JFMASOND')}(?P<mon>{_MON})(?:,?{_S}|{_S}(?i:of){_S}){_year('y')}"), _month_year, "month"),
    (re.compile(rf"{_at('JFMASOND')}(?P<mon>{_MON_SOLO})(?:{_S}(?P<ry>(?i:last|this|next)){_S}(?i:year)\b)?"
                rf"(?!\.?{_S0}\d)"), _month_alone, "month"),
    (re.compile(rf"(?=[12])(?<![\w.,/]){_year('y')}{_COUNT}"), _year_kw, "year"),
    (re.compile(rf"{_at('12fFbB')}(?:(?P<kw>(?i:from|between)){_S})?(?P<y1>(?:19|20)\d\d)"
                rf"(?P<sep>{_S0}[-–—]{_S0}|{_S}(?i:to|until|till|through|and){_S})(?P<y2>(?:19|20)\d\d|\d\d)"
                rf"(?!\w|[.,/-]\d){_COUNT}"), _year_range, "year"),
    (re.compile(rf"{_at('fFbBJFMASONDTW')}(?:(?P<kw>(?i:from|between)){_S})?{_WD_PREFIX}(?P<m1>{_MON}){_S0}"
                rf"{_day('d1')}(?:,?{_S}{_year('y1')})?{_RANGE_SEP}(?:(?P<m2>{_MON}){_S0})?{_day('d2')}"
                rf"(?:(?:,{_S0}|{_S}){_year('y2')}|(?![.,]\d))"), _day_range, "month"),
    (re.compile(rf"(?=[0-9fFbB])(?<![\w.,])(?:(?P<kw>(?i:from|between)){_S})?{_day('d1')}"
                rf"(?:{_S}(?P<m1>{_MON})(?:,?{_S}{_year('y1')})?)?{_RANGE_SEP}{_day('d2')}{_S}(?P<m2>{_MON})"
                rf"(?:,?{_S}{_year('y2')})?"), _day_range, "month"),
    (re.compile(rf"{_at('lLnNtTpPMWFS')}(?<!very\s)(?<!each\s)(?:(?P<rel>(?i:last|next|this|past)){_S})?(?P<wd>{_WD})"
                rf"(?:{_S}{_TIME_OF_DAY})?"), _weekday, "weekday"),
    (re.compile(rf"{_at('ytle')}(?<!usa\s)(?<!russia\s)(?P<w>yesterday|today|tonight|tomorrow|last{_S}night|"
                rf"this{_S}(?:morning|afternoon|evening)|(?:earlier|later){_S}today)(?!\w)", _I), _day_word, "day_word"),
    (re.compile(rf"{_at('elmtn')}(?:(?P<q>earlier|later|early|late|mid)[\s-]{{1,3}})?(?P<w>last|this|next){_S}"
                r"(?P<u>week|month|year)(?!\w)", _I), _this_last_next, "unit"),
    (re.compile(rf"{_at('iodwft')}(?:(?:in|over|during|within|for|throughout){_S})?the{_S}"
                rf"(?P<dir>past|last|coming|next){_S}(?:(?P<n>{_NUM}|{_FEWRE}){_S})?(?P<u>days|weeks?|months?|years?)"
                r"(?!\w)", _I), _past_next, "unit"),
    (re.compile(rf"{_at('iodtr')}(?:(?:in|over|during){_S})?(?:the{_S})?recent{_S}(?P<u>days|weeks|months)(?!\w)",
                _I), _recent, "recent"),
    (re.compile(r"(?=a)(?<!\w)ago(?!\w)", _I), _ago, "ago"),
]
# The case-insensitive rules (written in lower case) run as their case-sensitive twins on the lower-cased text when
