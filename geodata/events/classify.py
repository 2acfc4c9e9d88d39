"""Types and status of a sentence's claims: the vocabulary's trigger lexicons, then the rules that refine them."""

from __future__ import annotations

import re
from datetime import date

from geodata import caseless
from geodata.events.lexicon import (
    _BASE_FUTURE,
    _CARGO,
    _CIVILIANS,
    _FORCE_WORDS,
    _FUTURE_OF_BASE,
    _PRESENCE_CLAUSE,
    _SELF_FLOWN,
    _SPEECH,
    _STATUS_FIRSTS,
    _STATUS_FIRSTS_TWIN,
    _STATUS_WORDS,
)
from geodata.vocabulary import VOCABULARY, is_movement

# The parts event types play in the rules below (which type plays each is the vocabulary's say).
PRESENCE = VOCABULARY.role("presence")
STATEMENT = VOCABULARY.role("statement")
MEETING = VOCABULARY.role("meeting")
WITHDRAWAL = VOCABULARY.role("withdrawal")
DEPLOYMENT = VOCABULARY.role("deployment")
EVACUATION = VOCABULARY.role("evacuation")
CARGO_FLIGHT = VOCABULARY.role("cargo_flight")
# Movements whose lone place, when no destination is named, is the place they leave.
LEAVES = frozenset(t.name for t in VOCABULARY.event_types if t.leaves)


def _trigger_rx(triggers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(r"\b(?:" + t + r")\b" for t in triggers), re.I)


# Most specific first: the first type whose trigger fires names the sentence's event.
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (t.name, _trigger_rx(t.triggers))
    for t in sorted(VOCABULARY.event_types, key=lambda t: t.trigger_rank) if t.triggers
]
# Where each type's trigger first matches, found together (most sentences have none): on the sentence, or with the
# lexicons' case-sensitive twins on its lower-cased text.
_TRIGGER_FIRSTS = caseless.Firsts([rx for _, rx in TRIGGERS])
_TRIGGER_FIRSTS_TWIN = caseless.Firsts([caseless.twin(rx) for _, rx in TRIGGERS])


def _trigger_starts(sentence: str, low: str | None) -> dict[str, int]:
    """Where the trigger of each type first matches in the sentence (types whose trigger matches nowhere left out).

    ``low``: ``caseless.lowered(sentence)``."""
    firsts = _TRIGGER_FIRSTS.firsts(sentence) if low is None else _TRIGGER_FIRSTS_TWIN.firsts(low)
    return {TRIGGERS[k][0]: at for k, at in firsts.items()}



def classify_types(sentence: str, low: str | None, starts: dict[str, int]) -> list[str]:
    """Every type the sentence reports, most specific first, given where each type's trigger first matches
    (``_trigger_starts``; ``low``: ``caseless.lowered(sentence)``). Presence of a base is implied by most
    reports about it, so it stands alone only when nothing else happened; so does a statement."""
    if not starts:
        return []
    # One journey per sentence: its most specific movement type names it ("sent to Turkey and then
    # evacuated to Russia by air" is one air transport in two legs, not three journeys). Types that cannot
    # change the answer are not looked for: later movement types, anything once it holds three types.
    move, others = None, []
    for etype, _ in TRIGGERS:
        if etype == PRESENCE or (move and is_movement(etype)):
            continue
        if etype in starts:
            if is_movement(etype):
                move = etype
            else:
                others.append(etype)
            if move and len(others) >= 2:
                break
    if (len(others) < 2 and (" where " in sentence or " which " in sentence)
            and _PRESENCE_CLAUSE.find(sentence, low) >= 0):
        others.append(PRESENCE)  # "..., where it has kept a helicopter base since 2019": asserted beside the news
    if MEETING in others and _BASE_FUTURE.find(sentence, low) >= 0 and _SPEECH.find(sentence, low) >= 0:
        others = [STATEMENT] + [t for t in others if t not in (MEETING, STATEMENT)]
    if move == CARGO_FLIGHT and _SELF_FLOWN.find(sentence, low) >= 0 and _CARGO.find(sentence, low) < 0:
        move = WITHDRAWAL if WITHDRAWAL in starts else DEPLOYMENT  # combat aircraft flying themselves
    if move in (WITHDRAWAL, CARGO_FLIGHT):
        people = _CIVILIANS.find(sentence, low)
        if people >= 0:  # people, not forces, leaving or flown out: the first of them named is who moves
            force = _FORCE_WORDS.find(sentence, low)
            if force < 0 or people < force:
                move = EVACUATION
    if move == DEPLOYMENT and _FORCE_WORDS.find(sentence, low) < 0:
        move = None  # a leader flying to a summit deploys nothing
        if not others:
            return []
    if move is None and not others:  # a trigger fired: it was the presence of a base, alone
        return [_first_type(sentence, low, starts) or PRESENCE]
    return (([move] if move else []) + others)[:3]


def _first_type(sentence: str, low: str | None, starts: dict[str, int]) -> str | None:
    """The first type whose trigger fires; a base's future asserted by someone is a statement."""
    for etype, _ in TRIGGERS:
        if etype in starts:
            if etype == PRESENCE and _SPEECH.find(sentence, low) >= 0 and _FUTURE_OF_BASE.find(sentence, low) >= 0:
                return STATEMENT
            return etype
    return None


def _status(sentence: str, etype: str, when: date | None, published: date | None, low: str | None = None) -> str:
    """What the sentence says of the claim: denied, planned, historical, ongoing, completed or reported."""
    firsts = _STATUS_FIRSTS.firsts(sentence) if low is None else _STATUS_FIRSTS_TWIN.firsts(low)
    said = {status for k, status in enumerate(_STATUS_WORDS) if k in firsts}
    if "denied" in said:
        return "denied"
    if "planned" in said:
        return "planned"
    if when and published and (published - when).days > 365:
        return "historical"
    if "ongoing" in said:
        return "ongoing"
    if is_movement(etype) and "completed" in said:
        return "completed"
    return "reported"
