"""Case-insensitive lexicon patterns, matched fast.

Python's ``re`` folds the case of every character it compares under ``re.I``: a long case-insensitive
alternation (a trigger lexicon) runs about five times slower than the same alternation matched
case-sensitively. A lexicon written in lower case has a *twin*: the same pattern compiled without
``re.I``, run on the lower-cased text. The twin finds the same matches at the same offsets (group text
comes back lower-cased) whenever lower-casing cannot change what ``re.I`` would match: the text is ASCII,
or its other characters have no case (curly quotes, dashes). ``lowered`` says when; otherwise callers use
the ``re.I`` pattern itself.

A lexicon is mostly asked *where* it first matches, not what it matched: ``starts_only`` rewrites a
pattern into one that matches at exactly the same offsets and is found faster (its alternatives grouped
by their first character), and ``Firsts`` asks several patterns at once, in one scan of the text.
"""

from __future__ import annotations

import re

_ASCII_BYTES = bytes(range(128))
# Pattern text that is syntax, not literal: escapes ("\S" is not "\s"), named groups, inline flags.
_SYNTAX = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|\(\?[aiLmsux-]+[:)]", re.S)


def _caseless(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


def _beyond_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order: its UTF-8 bytes with the ASCII ones (never part of another
    character's) deleted, decoded again. Many times faster than a set of all its characters."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a twin may be run on it in place of its ``re.I`` pattern, else None."""
    if text.isascii() or all(_caseless(ch) for ch in set(_beyond_ascii(text))):
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


# ---- where a pattern matches, found fast ---------------------------------------------------------------------------
# re tries every alternative of an alternation at every offset of the text. Grouped by their first character, as in
# "w(?:arships?|ithdr[ae]w\w*)|l(?:eft)", only the alternatives that start with the character read are tried.
# Alternatives that all start at a word boundary test it first, once ("(?<!\w)(?:w(?:...)|l(?:...))"): most offsets
# are inside a word. Unless one starts with a lower-case letter (most of a text), the group's character comes first
# instead, the boundary after it ("R(?<!\w.)(?:ussia|ussian)|K(?<!\w.)(?:remlin)"), so that re skips at C speed to
# the characters a match can start with.

_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_WORD_LITERAL = re.compile(r"[A-Za-z0-9]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_AFTER_BOUNDARY = r"(?<!\w.)"  # after a word character: none before it, a word boundary before it
_AT_BOUNDARY = r"(?<!\w)"  # before a word character: a word boundary


def _atom_end(p: str, i: int) -> int:
    """Where the atom starting at ``p[i]`` ends (its quantifier left out): an escape, a set, a group or a character."""
    if p[i] == "\\":
        return i + 2
    if p[i] == "[":
        j = i + 1
        j += p.startswith("^", j)
        j += p.startswith("]", j)  # a "]" first in a set is itself
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return j + 1
    if p[i] == "(":
        depth, j = 0, i
        while True:
            if p[j] in "\\[":
                j = _atom_end(p, j)
                continue
            depth += {"(": 1, ")": -1}.get(p[j], 0)
            j += 1
            if depth == 0:
                return j
    return i + 1


def _first_atom(p: str) -> tuple[str, str, str]:
    """(first atom, its quantifier, the rest) of a pattern with no top-level "|"."""
    end = _atom_end(p, 0)
    q = _QUANTIFIER.match(p, end)
    qend = q.end() if q else end
    return p[:end], p[end:qend], p[qend:]


def _alternatives(p: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    out, start, i = [], 0, 0
    while i < len(p):
        if p[i] == "|":
            out.append(p[start:i])
            start = i + 1
            i += 1
        else:
            i = _atom_end(p, i)
    out.append(p[start:])
    return out


def _heads(alt: str, bound: bool = False, depth: int = 0) -> list[tuple[str, str, bool]]:
    """The ways an alternative may start: (first character, the rest, a word boundary before it). A leading
    non-capturing group is opened up ("(?:a|b)c" is "ac|bc"); an alternative that opens with anything but a
    letter or digit is kept whole, its first character "" (a boundary before it written back in)."""
    if alt:
        atom, quantifier, rest = _first_atom(alt)
        if not quantifier:
            if atom == r"\b" and not bound:
                return _heads(rest, True, depth)
            if atom.startswith("(?:") and depth < 4:
                return [h for a in _alternatives(atom[3:-1]) for h in _heads(a + rest, bound, depth + 1)]
            if _WORD_LITERAL.fullmatch(atom):
                return [(atom, rest, bound)]
    return [("", (r"\b" if bound else "") + alt, False)]


def starts_only(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that matches at exactly the offsets where ``rx`` does, found faster; what it matches from there
    may differ (it has no groups). ``rx`` itself when it cannot be rewritten (groups, verbose or inline flags)."""
    if not isinstance(rx.pattern, str) or rx.groups or rx.flags & re.X or _INLINE_FLAGS.search(rx.pattern):
        return rx
    grouped: dict[tuple[str, bool], list[str]] = {}
    whole: list[str] = []
    for alt in _alternatives(rx.pattern):
        for first, rest, bound in _heads(alt):
            if first:
                grouped.setdefault((first, bound), []).append(rest)
            else:
                whole.append(rest)
    if not whole and all(bound for _, bound in grouped) and (rx.flags & re.I or any(f.islower() for f, _ in grouped)):
        form = _AT_BOUNDARY + "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for (first, _), rests in grouped.items()) + ")"
    else:
        form = "|".join([f"{first}{_AFTER_BOUNDARY if bound else ''}(?:{'|'.join(rests)})"
                         for (first, bound), rests in grouped.items()] + whole)
    try:
        return re.compile(form, rx.flags)
    except re.error:
        return rx


class _Finder:
    """Where a pattern first matches from an offset, found with its ``starts_only`` form. When that form tests a word
    boundary first (``_AT_BOUNDARY``) and the pattern is case-sensitive, the offsets after the first are looked for
    from the character before them, a non-word one: re skips the letters of the text to it at C speed.

    The forms are compiled when first asked for (compiling a long lexicon's takes tens of milliseconds, and a
    ``re.I`` pattern's are asked for only of text its twin cannot read)."""

    __slots__ = ("_source", "_rx", "_after")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._source = rx
        self._rx: re.Pattern[str] | None = None
        self._after: re.Pattern[str] | None = None

    def _compile(self) -> re.Pattern[str]:
        rx = self._source
        self._rx = starts_only(rx)
        if self._rx.pattern.startswith(_AT_BOUNDARY) and self._rx is not rx and not rx.flags & re.I:
            # a character that is not an ASCII word one (a set of ranges, skipped to fast), then checked to be none
            self._after = re.compile(r"[^A-Za-z0-9_](?<=\W)" + self._rx.pattern[len(_AT_BOUNDARY):], rx.flags)
        return self._rx

    def find(self, text: str, pos: int = 0) -> int:
        """Where ``rx.search(text, pos)`` finds its match, -1 for none."""
        if self._rx is None:
            self._compile()
        if self._after is None:
            m = self._rx.search(text, pos)
            return -1 if m is None else m.start()
        if self._rx.match(text, pos):
            return pos
        m = self._after.search(text, pos)
        return -1 if m is None else m.start() + 1


class Firsts:
    """Several patterns (one set of flags, no groups) asked together where each first matches: one scan finds where
    any of them does (most texts hold none), and at each such offset one match tells which of them do there."""

    __slots__ = ("_patterns", "_any", "_here", "_size")

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        flags = patterns[0].flags
        if any(rx.groups or rx.flags != flags for rx in patterns):
            raise ValueError("patterns asked together need one set of flags and no groups")
        self._patterns = patterns
        self._any: _Finder | None = None  # compiled when first asked for, as _Finder's forms
        self._here: re.Pattern[str] | None = None
        self._size = len(patterns)

    def _compile(self) -> None:
        flags = self._patterns[0].flags
        self._any = _Finder(re.compile("|".join(f"(?:{rx.pattern})" for rx in self._patterns), flags))
        # an empty match whose group k is set when pattern k matches from there
        self._here = re.compile("".join(f"(?:(?=({rx.pattern}))|)" for rx in self._patterns), flags)

    def find(self, text: str, pos: int = 0) -> int:
        """Where the first of the patterns to match in ``text`` from ``pos`` matches, -1 for none."""
        if self._any is None:
            self._compile()
        return self._any.find(text, pos)

    def firsts(self, text: str, pos: int = 0) -> dict[int, int]:
        """Where each pattern first matches in ``text`` from ``pos``, by its index (patterns matching nowhere left out)."""
        out: dict[int, int] = {}
        at = self.find(text, pos)
        while at >= 0 and len(out) < self._size:
            for k, hit in enumerate(self._here.match(text, at).groups()):
                if hit is not None and k not in out:
                    out[k] = at
            at = self.find(text, at + 1)
        return out


class Lexicon:
    """A ``re.I`` lexicon pattern and its twin: ``search(text, low)`` runs the twin on ``low`` when it is given;
    ``find(text, low)``, only where it matches, their ``starts_only`` forms."""

    __slots__ = ("rx", "twin", "_starts", "_twin_starts")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.twin = rx, twin(rx)
        self._starts, self._twin_starts = _Finder(self.rx), _Finder(self.twin)

    def search(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        """``rx.search(text, pos)`` (same offsets; group text lower-cased when ``low``, ``lowered(text)``, is given)."""
        return self.rx.search(text, pos) if low is None else self.twin.search(low, pos)

    def find(self, text: str, low: str | None, pos: int = 0) -> int:
        """Where ``search(text, low, pos)`` finds its match, -1 for none."""
        return self._starts.find(text, pos) if low is None else self._twin_starts.find(low, pos)
