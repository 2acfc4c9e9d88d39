"""Name normalisation: the key under which a name is indexed and looked up.

``normalize("Al Qāmishlī") == "al qamishli"``; ``name_keys`` adds the form without the Arabic article
(``"qamishli"``), so "Qamishli", "al-Qamishli" and "El Qamishli" all meet GeoNames' "Al Qāmishlī".
"""

from __future__ import annotations

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


def skeleton_ok(sk: str) -> bool:
    """Only skeletons with enough consonants are specific enough to match on."""
    return len(sk.replace(" ", "")) >= 3
