"""Display names: the name an English briefing uses for a place, the gazetteer's name kept as data.

GeoNames and ISO 3166-2 write many places in a scholarly transliteration (``Ţarţūs``, ``Al Lādhiqīyah``,
``Ḩimş``) and airportsdata under an airline's spelling (``Kamishly Airport``). The articles themselves say
what English readers call them ("Tartus", "Latakia", "Qamishli airport"), so a place's display name is:

1. its gazetteer name, when that is plain Latin script (ASCII and Latin-1's letters: "Hmeimim Air Base",
   "Côte d'Ivoire");
2. else (and for a facility whose name does not hold the articles' spelling: "Kamishly Airport" when they say
   "Qamishli airport") the articles' most frequent plain spelling of it, with the kind's word when the
   spelling lacks one ("Qamishli Airport", "Latakia province");
3. else the gazetteer name folded to ASCII (``anyascii``: "Ţarţūs" -> "Tartus").

Pure functions of the mentions: the same corpus always gives the same names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from anyascii import anyascii

from geodata.models import Mention, Place
from geodata.vocabulary import VOCABULARY

_KIND = {k.name: k for k in VOCABULARY.place_kinds}
_SUFFIX = {"airport": "Airport", "air_base": "Air Base", "naval_base": "Naval Base", "port": "Port",
           "military_base": "Base", "admin1": "province", "admin2": "district"}  # place kinds' words after a name


def plain(name: str) -> bool:
    """Written in plain Latin script: ASCII and Latin-1's accented letters ("Côte d'Ivoire"), not a scholarly
    transliteration's ("Ţarţūs", "Ḩimş")."""
    return all(ord(c) < 0x100 for c in name)


_FEATURE = re.compile(r"\s*\b(?:international\s+)?(?:air\s*base|airbase|airport|airfield|naval\s+(?:base|facility)|"
                      r"port|base|province|governorate|region|district|oblast)\b\s*", re.I)


def _bare(text: str) -> str:
    """A spelling without the feature words it may carry ("Qamishli airport" -> "Qamishli")."""
    return " ".join(_FEATURE.sub(" ", text).split())


def _title(text: str) -> str:
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in text.split())


def display_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """``place id -> display name`` for every place the mentions resolve to (see the module's rules)."""
    spellings: dict[str, Counter[str]] = {}
    places: dict[str, Place] = {}
    for m in mentions:
        places[m.place.id] = m.place
        text = " ".join(m.text.split())
        if text and plain(text) and not text.isupper():
            spellings.setdefault(m.place.id, Counter())[text] += 1
    out = {}
    for pid, place in places.items():
        out[pid] = display(place, spellings.get(pid))
    return out


def display(place: Place, spellings: Counter[str] | None = None) -> str:
    """The display name of one place, given how the articles spelled it (``spellings``: text -> count)."""
    name = place.name
    facility = _KIND.get(place.kind) is not None and _KIND[place.kind].facility
    bare: Counter[str] = Counter()
    for text, n in (spellings or {}).items():
        if _bare(text):
            bare[_bare(text)] += n
    best = max(sorted(bare), key=lambda s: bare[s]) if bare else ""
    if plain(name) and not (facility and best and best.lower() not in name.lower()):
        return name
    if best:
        best = _title(best)
        suffix = _SUFFIX.get(place.kind, "")
        if suffix and suffix.lower().split()[-1] not in best.lower():
            best = f"{best} {suffix}"
        return best
    return anyascii(name)
