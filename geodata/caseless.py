"""Case-insensitive lexicon patterns, matched fast.

Python's ``re`` folds the case of every character it compares under ``re.I``: a long case-insensitive
alternation (a trigger lexicon) runs about five times slower than the same alternation matched
case-sensitively. A lexicon written in lower case has a *twin*: the same pattern compiled without
``re.I``, run on the lower-cased text. The twin finds the same matches at the same offsets (group text
comes back lower-cased) whenever lower-casing cannot change what ``re.I`` would match: the text is ASCII,
or its other characters have no case (curly quotes, dashes). ``lowered`` says when; otherwise callers use
the ``re.I`` pattern itself.
"""

from __future__ import annotations

import re

_ASCII = frozenset(map(chr, range(128)))
# Pattern text that is syntax, not literal: escapes ("\S" is not "\s"), named groups, inline flags.
_SYNTAX = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|\(\?[aiLmsux-]+[:)]", re.S)


def _caseless(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


def lowered(text: str) -> str | None:
    """``text.lower()`` when a twin may be run on it in place of its ``re.I`` pattern, else None."""
    if text.isascii() or all(_caseless(ch) for ch in set(text).difference(_ASCII)):
        return text.lower()
    return None


def twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a ``re.I`` pattern written in lower case (ValueError for any other).

    Inline flags are refused (``(?-i:...)`` would change meaning), and so are character codes and literals
    with case (upper-case letters; beyond ASCII, any letter with case, such as "ſ", which ``re.I`` matches
    to "s").
    """
    if not rx.flags & re.I:
        raise ValueError(f"not a case-insensitive pattern: {rx.pattern[:60]!r}")
    for m in _SYNTAX.finditer(rx.pattern):
        if m.group().startswith("(?") and not m.group().startswith("(?P"):
            raise ValueError(f"inline flags in a lexicon pattern: {rx.pattern[:60]!r}")
        if m.group()[:2] in ("\\x", "\\u", "\\U", "\\N", "\\0"):
            raise ValueError(f"a character code in a lexicon pattern (its case is unknown): {rx.pattern[:60]!r}")
    literal = _SYNTAX.sub("", rx.pattern)
    if any(ch.isupper() or (not ch.isascii() and not _caseless(ch)) for ch in literal):
        raise ValueError(f"a lexicon pattern must be written in lower case: {rx.pattern[:60]!r}")
    return re.compile(rx.pattern, rx.flags & ~re.I)


class Lexicon:
    """A ``re.I`` lexicon pattern and its twin: ``search(text, low)`` runs the twin on ``low`` when it is given."""

    __slots__ = ("rx", "twin")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.twin = rx, twin(rx)

    def search(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        """``rx.search(text, pos)`` (same offsets; group text lower-cased when ``low``, ``lowered(text)``, is given)."""
        return self.rx.search(text, pos) if low is None else self.twin.search(low, pos)
