"""Roles of a sentence's places: origin, destination or location; metonyms and adjectival names; the places a
claim happens at."""

from __future__ import annotations

from geodata import caseless
from geodata.events.lexicon import (
    _ADJECTIVAL,
    _AGENT_OF_INFINITIVE,
    _APPOSITIVE,
    _AT,
    _ATTRIBUTION,
    _ATTRIBUTION_TWIN,
    _BARE_COORDINATION,
    _CLAUSE_BREAK,
    _CONTRAST,
    _COORDINATED,
    _DEST_WORDS,
    _INFINITIVE_TO,
    _METONYM_AFTER,
    _ORIGIN_WORDS,
    _PREP_BEFORE,
    _ROLE_CUES_TWINS,
    _SAID_AT,
    _TITLE_FOR,
)
from geodata.gazetteer import haversine_km
from geodata.models import Mention, Place
from geodata.vocabulary import KIND_SPECIFICITY

MAX_PLACES = 3  # places of one non-movement claim ("900 troops in Syria and 2,500 in Iraq")
NESTED_KM = 15  # a place this close to a more specific one named for the same claim is the area it lies in


def _role(tail: str) -> str:
    """The role the words before a mention (``tail``) give it: the cue nearest the mention wins."""
    low = caseless.lowered(tail)  # the cues' twins read it when they may (the same offsets)
    clause_break, origin_words, dest_words, contrast = (
        (_CLAUSE_BREAK, _ORIGIN_WORDS, _DEST_WORDS, _CONTRAST) if low is None else _ROLE_CUES_TWINS)
    words = tail if low is None else low
    cut = 0
    for c in contrast.finditer(words):  # only the cues of the mention's own clause count
        cut = c.end()
    if cut:
        words, tail = words[cut:], tail[cut:]
    if clause_break.search(words):
        return "location"  # any cue sits in (or before) another clause: looked for first, it settles it
    o = [x.start() for x in origin_words.finditer(words)]
    d = [x.start() for x in dest_words.finditer(words)]
    if d and "to " in tail:
        infinitive = _INFINITIVE_TO.search(tail)
        if infinitive and infinitive.start() in d:
            d.remove(infinitive.start())
    if not (o or d):
        return "location"
    return "destination" if d and (not o or d[-1] > o[-1]) else "origin"


def parallel(text: str, a: Mention, b: Mention) -> bool:
    """Whether destination ``b`` is the end of another journey than ``a``'s, not the next leg after it
    ("part will move to A while others return to B")."""
    return _CONTRAST.search(text, a.end, b.start) is not None


def _roles(text: str, s_start: int, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Each place mention of one sentence with its role: origin, destination or location.

    The cue nearest the mention wins ("left for Moscow" is a destination), looking back at most eight
    words and never across a relative clause ("..., which Assad handed over to Moscow" is no movement).
    """
    out: list[tuple[Mention, str]] = []
    prev_end = s_start
    for m in mentions:
        between = text[prev_end:m.start]
        # the last eight words before the mention (rsplit: a long stretch before it is not cut into words)
        role = _role(" ".join(between.rsplit(None, 8)[-8:]))
        # "from its base at A or its port at B", "out of A and B": a place coordinated with an origin is one too
        if role == "location" and out and out[-1][1] == "origin" and _COORDINATED.match(between):
            role = "origin"
        out.append((m, role))
        prev_end = m.end
    return out


def _adjectival(text: str, m: Mention) -> bool:
    """A place name in an adjective ("Turkish-backed", "Damascus-based"): looked for only after a hyphen."""
    return text.startswith("-", m.end) and _ADJECTIVAL.match(text[m.end:m.end + 12]) is not None


def is_metonym(text: str, m: Mention) -> bool:
    """A capital or country used for its government ("Moscow views", "Moscow's ally", "urged Ankara to close");
    never the subject-looking place of a prepositional phrase ("the evacuation of Aleppo would continue")."""
    if m.place.kind not in ("city", "country", "facility"):
        return False
    after = _METONYM_AFTER.match(text[m.end:m.end + 48])
    if after is None and not (text.startswith(" to ", m.end) and _AGENT_OF_INFINITIVE.match(text[m.end:m.end + 40])):
        return False
    # a possessive stays one ("the fate of Russia's presence"); a verb's subject is none after a preposition
    return (after is not None and after.group()[:1] in "'’") or not _PREP_BEFORE.search(text[max(0, m.start - 16):m.start])


def _most_specific(places: list[Place]) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda p: KIND_SPECIFICITY.get(p.kind, 9))


def _claim_places(roles: list[tuple[Mention, str]], text: str, s: int) -> list[Place]:
    """Where a non-movement claim happens: the places in a locative phrase ("in Homs and Hama"), below
    country level when there are any, else the most specific place of the sentence (one)."""
    located = [m for m, _ in roles]
    local = [m for m in located if _AT.search(text[max(s, m.start - 40):m.start])]
    if not local:
        best = _most_specific([m.place for m in located if text[s:m.start].strip() != ""] or [m.place for m in located])
        if best is None:
            return []
        if len(located) == 1:
            return [best]
        # "closed the Bosporus and Dardanelles straits": places of one kind coordinated with it share the claim
        out, at = [best], next(i for i, m in enumerate(located) if m.place is best)
        for step in (-1, 1):
            i = at
            while 0 <= i + step < len(located) and len(out) < MAX_PLACES:
                a, b = (located[i + step], located[i]) if step < 0 else (located[i], located[i + step])
                nxt = located[i + step]
                if nxt.place.kind != best.kind or not _BARE_COORDINATION.match(text[a.end:b.start]):
                    break
                if all(p.id != nxt.place.id for p in out):
                    out.append(nxt.place)
                i += step
        return out
    located = local
    specific = [m.place for m in located if m.place.kind not in ("country", "region", "sea")]
    if specific:
        places = specific
    else:
        places = [m.place for m in located if text[s:m.start].strip() != ""] or [m.place for m in located]
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.id, p)
    places = list(seen.values())
    specs = [KIND_SPECIFICITY.get(p.kind, 9) for p in places]
    if len(places) > 1 and min(specs) < max(specs):  # nested places of one claim: the most specific ("the Kremlin", not "Moscow" too)
        places = [p for p, sp in zip(places, specs, strict=True) if sp < 2 or not any(
            sq < sp and haversine_km(p.lat, p.lon, q.lat, q.lon) <= NESTED_KM for q, sq in zip(places, specs, strict=True))]
    return places[:MAX_PLACES]


def _main_clause_places(text: str, s: int, sent: str, low: str | None, ments: list[Mention]) -> list[Mention]:
    """Drop the places of the closing attribution clause and of appositives, unless nothing else is left."""
    attr = _ATTRIBUTION.search(sent) if low is None else _ATTRIBUTION_TWIN.search(low)
    cut = s + attr.start() if attr else len(text)
    kept = [m for i, m in enumerate(ments)
            if m.start < cut and not _SAID_AT.search(text, max(s, m.start - 60), m.start)
            and not _TITLE_FOR.search(text, max(s, m.start - 40), m.start)
            and not (i and text.rfind(",", max(s, m.start - 80), m.start) >= 0
                     and _APPOSITIVE.search(text[max(s, m.start - 80):m.start]))]
    return kept or ments

