"""Name normalisation: the key under which a name is indexed and looked up.

``normalize("Al Qāmishlī") == "al qamishli"``; ``name_keys`` adds the form without the Arabic article
(``"qamishli"``), so "Qamishli", "al-Qamishli" and "El Qamishli" all meet GeoNames' "Al Qāmishlī".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Apostrophe-like marks (ayn/hamza transliterations included) vanish: "Ma‘arrat" == "Maarrat".
_MARKS = re.compile(r"[’‘'`´ʻʼʽʾʿ\u02b9\u02ba\u2032]")
_SEP = re.compile(r"[\s\-‐‑‒–—_/.,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
# Arabic definite article as written in English text and in GeoNames.
ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "es", "et", "ez", "ech")
_ARTICLE_RE = re.compile(r"^(?:" + "|".join(ARTICLES) + r") ")


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


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Canonical key: folded, marks dropped, separators to single spaces."""
    s = fold(name)
    if s.isascii():  # always, after fold: one pass of a table does the three substitutions below
        return " ".join(s.translate(_ASCII_TABLE).split())
    s = _MARKS.sub("", s)
    s = _SEP.sub(" ", s)
    s = _NON_WORD.sub("", s)
    return " ".join(s.split())


def strip_article(key: str) -> str:
    """'al qamishli' -> 'qamishli'; keys that are only an article stay as they are."""
    stripped = _ARTICLE_RE.sub("", key, count=1)
    return stripped if stripped else key


def name_keys(name: str) -> set[str]:
    """Every key a name is indexed under."""
    key = normalize(name)
    if not key:
        return set()
    keys = {key, strip_article(key)}
    return {k for k in keys if len(k) >= 2}


@lru_cache(maxsize=4096)
def _non_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" not in unicodedata.name(ch, "")


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (GeoNames alternate names mix every script)."""
    return name.isascii() or not any(map(_non_latin_letter, name))


_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ou", "u"),
             ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("w", "v"))
_DOUBLED = re.compile(r"(.)\1+")
_INNER_VOWEL = re.compile(r"(?<=[^ ])[aeiouy]")


def _first_char(m: re.Match[str]) -> str:
    return m.group(1)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Transliteration-tolerant key: Arabic articles anywhere, vowels and doubled letters folded.

    "khmeimim", "hmeymim" and "hemeimeem" all give "hmmm"; "deir el zour" and "deir ez zor" give "dr sr";
    "tal rifaat" and "tall rifat" give "tl rft". Used only as a fallback when the exact key is unknown.
    """
    s = " ".join(tok for tok in key.split() if tok not in ARTICLES)
    for a, b in _DIGRAPHS:  # no digraph spans a space: the whole key at once is each token in turn
        s = s.replace(a, b)
    s = _DOUBLED.sub(_first_char, s)
    return _INNER_VOWEL.sub("", s)  # every vowel but a token's first letter


def skeleton_ok(sk: str) -> bool:
    """Only skeletons with enough consonants are specific enough to match on."""
    return len(sk.replace(" ", "")) >= 3
