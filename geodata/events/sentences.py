"""Sentence splitting: (start, end) offsets of each sentence of an article, overlong ones cut; and of its clauses."""

from __future__ import annotations

import re

from geodata import caseless

_ABBREVIATIONS = ("Mr", "Mrs", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                  "Dec", "No", "Gen", "Col", "Lt", "Maj", "Capt", "Brig", "Adm", "Sgt", "Cmdr", "Rep", "Sen", "Gov", "Prof")
# Not after an initial or an abbreviation: one look-behind per length (a look-behind has one width), each behind the
# character just read (hence the ".": an abbreviation, then the full stop or ! ? …).
_ABBREV = r"(?<!\b[A-Z].)" + "".join(
    rf"(?<!\b(?:{'|'.join(w for w in _ABBREVIATIONS if len(w) == n)}).)" for n in sorted({len(w) for w in _ABBREVIATIONS}))
# The pattern opens with a character class, the one character a sentence end starts with, so re skips to it at C
# speed and the look-behinds run only there. A new line starts a run of new lines.
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|" + _ABBREV + r"[.!?…]*[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9]))")


MAX_SENTENCE = 1500  # a "sentence" longer than this (a pasted table, hostile input) is cut at white space


def _cut(s: int, e: int, text: str) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut + 1
    out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space; overlong ones are cut."""
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        out.append((pos, m.start() + len(m.group().rstrip())))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        if e - s <= MAX_SENTENCE and s < e and not text[s].isspace() and not text[e - 1].isspace():
            trimmed.append((s, e))  # most sentences: nothing to trim, and what _cut gives, without the call
            continue
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs - ls > MAX_SENTENCE:
            trimmed.extend(_cut(s + ls, s + rs, text))
        elif rs > ls:
            trimmed.append((s + ls, s + rs))  # what _cut gives a sentence short enough, without the call
    return trimmed



# Where a sentence's second clause with its own predicate starts: a contrast ("..., while others will move to B"),
# a semicolon, "only to" ("withdrew in 2007, only to return in 2014"), "while" before a subject of its own ("A attacked
# X while the army shelled Y"), "after" before a subject and its verb ("fired rockets at A after an Israeli
# strike killed a commander in B"), or "and" opening a clause with its own subject
# and finite verb ("... from A and a fleet of planes has been dispatched to B").
_CLAUSE_START = re.compile(r",\s+(?:while|whereas|but|only to)\s+|;\s+|"
                           r"\s+(?:while|whereas)\s+(?=(?:the|a|an|its|their|other|some)\s)|"
                           r"\s+after\s+(?=(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:killed|hit|struck|\w+ed)\s)|"
                           r"\s+and\s+(?=(?:a|an|the|some|other)\s+"
                           r"(?:[\w-]+\s+){0,4}?(?:has|have|had|was|were|is|are|will)\s)", re.I)


_CLAUSE_START_TWIN = caseless.twin(_CLAUSE_START)


def clauses(text: str, s: int, e: int, low: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each clause of the sentence ``text[s:e]`` (the sentence itself when it has one). ``low``:
    ``caseless.lowered(text)``, when the caller has it (the pattern's twin reads it: the same offsets)."""
    out, pos = [], s
    for m in (_CLAUSE_START.finditer(text, s, e) if low is None else _CLAUSE_START_TWIN.finditer(low, s, e)):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return out
