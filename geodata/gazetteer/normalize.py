"""Name normalisation: the key under which a name is indexed and looked up.

``normalize("Al Qāmishlī") == "al qamishli"``; ``name_keys`` adds the form without the Arabic article
(``"qamishli"``), so "Qamishli", "al-Qamishli" and "El Qamishli" all meet GeoNames' "Al Qāmishlī".
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from anyascii import anyascii

# Apostrophe-like marks (ayn/hamza transliterations included) vanish: "Ma‘arrat" == "Maarrat".
_MARKS = re.compile(r"[’‘'`´ʻʼʽʾʿ\u02b9\u02ba\u2032]")
_SEP = re.compile(r"[\s\-‐‑‒–—_/.,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
# Arabic definite article as written in English text and in GeoNames.
ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "es", "et", "ez", "ech")
_ARTICLE_SET = frozenset(ARTICLES)


class _Combining(dict):
    """``str.translate`` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = self[code] = None if unicodedata.combining(chr(code)) else code
        return value


_DROP_COMBINING = _Combining()


def fold(text: str) -> str:
    """Diacritics off, to ASCII (Latin only is kept by callers), lowercase."""
    if text.isascii():
        return text.lower()
    stripped = unicodedata.normalize("NFKD", text).translate(_DROP_COMBINING)
    return anyascii(stripped).lower()


def _ascii_table() -> dict[int, str | None]:
    """What ``normalize`` does to each ASCII character, as one ``str.translate`` table: marks vanish,
    separators become spaces, anything else but ``[a-z0-9 ]`` vanishes (the text is folded first)."""
    table: dict[int, str | None] = {}
    for code in range(128):
        ch = chr(code)
        if _MARKS.match(ch):
            table[code] = None
        elif _SEP.match(ch):
            table[code] = " "
        elif _NON_WORD.match(ch):
            table[code] = None
    return table


_ASCII_TABLE = _ascii_table()


def _normalize(name: str) -> str:
    """``normalize`` without its memo."""
    s = fold(name)
    if s.isascii():  # always, after fold: one pass of a table does the three substitutions below
        return " ".join(s.translate(_ASCII_TABLE).split())
    s = _MARKS.sub("", s)
    s = _SEP.sub(" ", s)
    s = _NON_WORD.sub("", s)
    return " ".join(s.split())


class _Fold(dict):
    """What ``fold`` makes of a run of non-ASCII characters, one character at a time: a combining mark vanishes,
    any other character becomes its ``anyascii`` form (``anyascii`` maps each character on its own, so this is
    ``anyascii`` of the run with its marks dropped); runs are memoised as they are met."""

    def __missing__(self, run: str) -> str:
        value = self[run] = "".join(["" if unicodedata.combining(ch) else anyascii(ch) for ch in run])
        return value


_FOLD = _Fold()


def _fold_error(err: UnicodeEncodeError) -> tuple[str, int]:
    """The ``geodata-fold`` codec error handler: an ASCII encoding folds what is not ASCII (``_Fold``)."""
    return _FOLD[err.object[err.start:err.end]], err.end


codecs.register_error("geodata-fold", _fold_error)
_ASCII_TABLE_LINES = {**_ASCII_TABLE, ord("\n"): "\n"}  # as _ASCII_TABLE, but a newline stays: it parts names


def normalize_many(names: list[str]) -> list[str]:
    """``[normalize(n) for n in names]`` without a Python call per name (an index build normalises a million):
    the names are joined by newlines and folded, translated and spaced as one string. Unicode decomposition
    (NFKD) and ``anyascii`` work character by character and a newline is a starter that no mark reorders
    across, so each line comes out as its name alone would."""
    joined = "\n".join(names)
    if not names or joined.count("\n") != len(names) - 1:  # a name with a newline of its own: one at a time
        return [_normalize(n) for n in names]
    if not joined.isascii():
        joined = unicodedata.normalize("NFKD", joined).encode("ascii", "geodata-fold").decode("ascii")
    s = joined.lower().translate(_ASCII_TABLE_LINES)
    while "  " in s:
        s = s.replace("  ", " ")
    return s.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Canonical key: folded, marks dropped, separators to single spaces."""
    return _normalize(name)


def strip_article(key: str) -> str:
    """'al qamishli' -> 'qamishli'; keys that are only an article stay as they are."""
    head, sep, rest = key.partition(" ")
    return rest if sep and rest and head in _ARTICLE_SET else key


def _keys_of(key: str) -> tuple[str, ...]:
    """A normalised name's keys: itself and its form without the Arabic article, two characters or more."""
    stripped = strip_article(key)
    if stripped is key:
        return (key,) if len(key) >= 2 else ()
    return tuple(k for k in (key, stripped) if len(k) >= 2)


def name_keys(name: str) -> set[str]:
    """Every key a name is indexed under."""
    return set(_keys_of(normalize(name)))


def build_keys(name: str) -> tuple[str, ...]:
    """``name_keys(name)`` for an index build: without the memo (a build sees a million names, most of them
    once, and the memo's misses cost more than its hits save: the build takes a fifth less time)."""
    return _keys_of(_normalize(name))


@lru_cache(maxsize=4096)
def _non_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" not in unicodedata.name(ch, "")


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (GeoNames alternate names mix every script)."""
    return name.isascii() or not any(map(_non_latin_letter, name))


_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ou", "u"),
             ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("w", "v"))
_DOUBLED = re.compile(r"(.)\1+")
_NO_VOWELS = str.maketrans("", "", "aeiouy")


def _first_char(m: re.Match[str]) -> str:
    return m.group(1)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Transliteration-tolerant key: Arabic articles anywhere, vowels and doubled letters folded.

    "khmeimim", "hmeymim" and "hemeimeem" all give "hmmm"; "deir el zour" and "deir ez zor" give "dr sr";
    "tal rifaat" and "tall rifat" give "tl rft". Used only as a fallback when the exact key is unknown.
    """
    return " ".join([_token_skeleton(tok) for tok in key.split() if tok not in _ARTICLE_SET])


def _token_skeleton(tok: str) -> str:
    for a, b in _DIGRAPHS:
        if a in tok:
            tok = tok.replace(a, b)
    if _DOUBLED.search(tok):
        tok = _DOUBLED.sub(_first_char, tok)
    return tok[:1] + tok[1:].translate(_NO_VOWELS)


def key_skeletons(keys: Iterable[str]) -> Iterator[str]:
    """``skeleton(k)`` of each key, for many keys at once (an index build): tokens recur across names
    ("san", "village"), so each token's skeleton is worked out once."""
    memo: dict[str, str] = {}
    for key in keys:
        out = []
        for tok in key.split():
            if tok not in _ARTICLE_SET:
                sk = memo.get(tok)
                if sk is None:
                    sk = memo[tok] = _token_skeleton(tok)
                out.append(sk)
        yield " ".join(out)


_ARTICLE_TOKEN = re.compile(r"(?<![^ \n])(?:" + "|".join(ARTICLES) + r")(?![^ \n])")
_VOWELS = "aeiouy"
_DROP_VOWELS = str.maketrans("", "", _VOWELS)


def skeletons_many(keys: list[str]) -> list[str]:
    """``[skeleton(k) for k in keys]`` for keys as ``normalize`` gives them (``[a-z0-9]`` words parted by single
    spaces), without a Python call per key: the keys joined by newlines, each step of ``skeleton`` done to the
    whole string at once. No step reaches across a space or a newline (an article is a whole word, a digraph or
    a doubled letter lies within one, a vowel goes unless it starts one), so each line is its key's skeleton."""
    joined = "\n".join(keys)
    if not keys or joined.count("\n") != len(keys) - 1 or not joined.isascii():
        return list(key_skeletons(keys))
    s = _ARTICLE_TOKEN.sub("", joined)
    while "  " in s:
        s = s.replace("  ", " ")
    s = s.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = "\n" + _DOUBLED.sub(r"\1", s)
    for v in _VOWELS:  # a word's first letter stays (upper case, for a moment): every other vowel goes
        s = s.replace(" " + v, " " + v.upper()).replace("\n" + v, "\n" + v.upper())
    return s[1:].translate(_DROP_VOWELS).lower().split("\n")


def skeleton_ok(sk: str) -> bool:
    """Only skeletons with enough consonants are specific enough to match on."""
    return len(sk.replace(" ", "")) >= 3
