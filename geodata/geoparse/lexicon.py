"""The words of geoparsing's rules: feature words and locatives beside a name, connectors inside one, common
words and English words that are names only in some contexts (``data/gazetteer/common_words.txt``,
``english_words.txt``). Patterns here are the readable ``re.I`` forms; ``geodata.geoparse.scan`` runs their fast
twins.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from geodata.gazetteer.normalize import normalize
from geodata.gazetteer.sources import COUNTRIES

# Tokens allowed in lower case inside a multi-word name ("Gulf of Aden", "Deir ez-Zor").
_CONNECTORS = frozenset(
    "of the de la le du des del da do dos al el ez ash ad as an ar at az ech es et sur am im der bin ibn abu and on upon "
    "au aux en les di della y e von van den ter"
    .split()
)
# Matched from the end of a name (``pos``) to 40 characters on (``endpos``); its twin on the lower-cased text. The
# no-break space is written as itself: a twin refuses character codes.
_FEATURE_AFTER = re.compile(
    "[ \t\u00a0]*[-‐]?[ \t\u00a0]*" r"(?P<f>(?:naval|navy)\s+(?:base|facility|station|port)|air\s*base|air\s+field|airfield"
    r"|(?:international\s+)?airport|military\s+(?:base|airfield|airport|facility)|base|port|harbou?r|province|governorate|region|oblast|state|highway|motorway|district|raion|rayon|county)\b",
    re.I,
)
_FEATURE_BEFORE = re.compile(
    r"(?P<f>(?:naval|navy)\s+(?:base|facility)|air\s*base|airfield|airport|military\s+base|base|port|harbou?r|"
    r"province|governorate|state(?=\s+of\b)|city|town)\s+(?:of|in|at|near)\s+$",  # "the state of", not "State in"
    re.I,
)
# An unnamed installation near a name ("an airbase near Latakia", "a new base near Tartus"): the name is the town the
# installation is near, not the installation's (a named one, "the Hmeimim air base near Latakia", still reads
# Latakia through the base).
_UNNAMED_FEATURE_NEAR = re.compile(
    r"\b(?:a|an|the)\s+(?:new\s+|small\s+|large\s+|military\s+|secret\s+)?(?:(?:naval|navy)\s+(?:base|facility)|"
    r"air\s*base|airfield|airport|base|port|harbou?r)\s+near\s+$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|in|inside|to|into|from|near|outside|visited|visit|visiting|around|between|towards?|"
                              r"through|via|across|outskirts\s+of|siege\s+of)\s+(?:the\s+)?$", re.I)
# A feature word in capitals, or after a name, before "in" ends another name ("Hmeimim Air Base in Latakia",
# "the Hmeimim air base at Latakia"): it is not Latakia's ("Syria's port of Tartus" is Tartus's; "the Hmeimim air
# base near Latakia" still reads Latakia through the base, where events nest it).
_NAMED_FEATURE_BEFORE = re.compile(
    r"(?:(?:Base|Airbase|Airport|Airfield|Port|Harbou?r|Facility)|[A-Z][\w-]*(?<!['’]s)[ \t\u00a0]+(?:air[ \t\u00a0]*base|"
    r"airbase|airfield|airport|naval[ \t\u00a0]+base|base)(?=\s+(?:in|at)\s))\s+(?:of|in|at|near)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”\n]\s*|\n\s*)$")


_ADMIN1_WORDS = ("province", "governorate", "region", "oblast")
_DISTRICT_WORDS = ("district", "raion", "rayon", "county")
# Words for a unit of government after a name ("Donetsk Oblast", "Pokrovsk raion", "Kano State")
UNIT_WORDS = frozenset((*_ADMIN1_WORDS, *_DISTRICT_WORDS, "state"))


def _feature_class(word: str) -> str:
    w = " ".join(word.lower().split())
    if w.startswith(("naval", "navy")):
        return "naval"
    if "air" in w and "airport" not in w or w == "airfield" or "military" in w and "air" in w:
        return "air"
    if w in ("airport", "international airport"):
        return "airport"
    if w in ("port", "harbor", "harbour"):
        return "port"
    if w in _ADMIN1_WORDS:
        return "admin1"
    if w in ("city", "town"):
        return "city"
    if w in _DISTRICT_WORDS:
        return "district"  # a second-level unit ("Pokrovsk raion"): a district of the name, else the town steers it
    if w in ("highway", "motorway"):
        return "road"  # "the M4 highway": a road known by its number
    if w == "state":
        return "state"  # a first-level unit, unless the name is a country's (see _match)
    return "base"


def _load_common_words(name: str = "common_words.txt") -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / name
    try:
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    except OSError:
        return frozenset()


COMMON_WORDS = _load_common_words()
ENGLISH_WORDS = _load_common_words("english_words.txt")


def _load_acronym_keys(path: Path = COUNTRIES) -> frozenset[str]:
    """The keys of the countries' short names in capitals ("US", "U.A.E.", "DRC", "CAR"): a country only when
    written in capitals ("Car bombs", "Us" are not one)."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            aliases = [a for r in csv.DictReader(fh) for a in (r.get("aliases") or "").split("|")]
    except OSError:
        return frozenset()
    return frozenset(normalize(a) for a in aliases if len(a.replace(".", "")) >= 2 and a.replace(".", "").isupper())


ACRONYM_KEYS = _load_acronym_keys()


_NOT_FUZZY = _CONNECTORS | ENGLISH_WORDS | COMMON_WORDS


def _fuzzy_allowed(norms: list[str]) -> bool:
    """Spelling-variant lookup only for capitalised names that are not English words or given names.

    ``norms``: the normalised tokens of a candidate name, each capitalised or a connector (``_name_at``
    builds no other); one of them must be a word that is neither a connector nor common.
    """
    return any(n not in _NOT_FUZZY for n in norms)


