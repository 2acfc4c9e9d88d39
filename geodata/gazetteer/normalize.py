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


def fold(text: str) -> str:
    """Diacritics off, to ASCII (Latin only is kept by callers), lowercase."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return anyascii(stripped).lower()


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Canonical key: folded, marks dropped, separators to single spaces."""
    s = _MARKS.sub("", fold(name))
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


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (GeoNames alternate names mix every script)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ou", "u"),
             ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("w", "v"))
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Transliteration-tolerant key: Arabic articles anywhere, vowels and doubled letters folded.

    "khmeimim", "hmeymim" and "hemeimeem" all give "hmmm"; "deir el zour" and "deir ez zor" give "dr sr";
    "tal rifaat" and "tall rifat" give "tl rft". Used only as a fallback when the exact key is unknown.
    """
    out = []
    for tok in key.split():
        if tok in ARTICLES:
            continue
        for a, b in _DIGRAPHS:
            tok = tok.replace(a, b)
        tok = _DOUBLED.sub(r"\1", tok)
        head, rest = tok[:1], _VOWELS.sub("", tok[1:])
        out.append(head + rest)
    return " ".join(out)


def skeleton_ok(sk: str) -> bool:
    """Only skeletons with enough consonants are specific enough to match on."""
    return len(sk.replace(" ", "")) >= 3
