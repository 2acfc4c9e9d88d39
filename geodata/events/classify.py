"""Types and status of a sentence's claims: the vocabulary's trigger lexicons, then the rules that refine them."""

from __future__ import annotations

import re
from datetime import date

from geodata import caseless
from geodata.events.lexicon import (
    _AGREED_TO_TALK,
    _AGREEMENTS_NAMED,
    _ANALYSIS,
    _BASE_FUTURE,
    _BASIS,
    _BLOCKED,
    _CANCELLED,
    _CARGO,
    _CIVILIANS,
    _DATED_AFTER,
    _DECIDED,
    _DIPLOMACY,
    _ENDED,
    _EXERCISE,
    _EXTENDED,
    _FORCE_WORDS,
    _FORCES_EVACUATED,
    _FUTURE_OF_BASE,
    _INTERVENED,
    _MATERIEL,
    _MOVED_AFTER,
    _NAMED_AGAIN,
    _NO_FORCES,
    _PLACE_AFTER,
    _PRESENCE_BESIDE,
    _PRESENCE_CLAUSE,
    _REMOTE_TALKS,
    _SELF_FLOWN,
    _SHIPS,
    _SINCE_NOUN,
    _SPEECH,
    _STATE_BESIDE,
    _STATIONED,
    _STATUS_FIRSTS,
    _STATUS_FIRSTS_TWIN,
    _STATUS_WORDS,
    _TOLD_TO_CLOSE,
    _TOLD_TO_LEAVE,
    _VISITED_FORCES,
)
from geodata.vocabulary import VOCABULARY, is_movement

# The parts event types play in the rules below (which type plays each is the vocabulary's say).
PRESENCE = VOCABULARY.role("presence")
STATEMENT = VOCABULARY.role("declaration")
MEETING = VOCABULARY.role("talks")
WITHDRAWAL = VOCABULARY.role("pullback")
DEPLOYMENT = VOCABULARY.role("sending")
EVACUATION = VOCABULARY.role("rescue")
CARGO_FLIGHT = VOCABULARY.role("cargo_flight")
AGREEMENT = VOCABULARY.role("accord")
ATTACK = VOCABULARY.role("violence")
# the words that only name a type's happening ("the withdrawal comes amid ..."), from the vocabulary
_NOUNS = {t.name: frozenset(t.nouns) for t in VOCABULARY.event_types}
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
_TRIGGER_RX = dict(TRIGGERS)
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
    if (move or others) and len(others) < 2 and PRESENCE not in others \
            and _PRESENCE_BESIDE.find(sentence, low) >= 0:
        others.append(PRESENCE)  # "500 troops will remain in Erbil, while others will move to Kuwait"
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
    if move == DEPLOYMENT and _FORCE_WORDS.find(sentence, low) < 0 and _INTERVENED.find(sentence, low) < 0:
        move = None  # a leader flying to a summit deploys nothing
        if not others:
            return []
    if move is None and not others:  # a trigger fired: it was the presence of a base, alone
        if _ANALYSIS.find(sentence, low) >= 0:
            return []  # what a presence is worth or aims at is analysis, not a happening
        if _NO_FORCES.find(sentence, low) >= 0:
            return []  # "not one soldier is left in X": no force there
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


def _only_named(sentence: str, etype: str, nouns: frozenset[str], place_after: bool = False) -> bool:
    """Whether every trigger of ``etype`` in the sentence is one of ``nouns`` only naming the happening ("the
    withdrawal comes amid"; with ``place_after``, unless a place follows it: "talks in Ankara")."""
    found = _triggers(sentence, etype)
    return found is not None and all(
        m.group().lower() in nouns and (_SUBJECT_BEFORE if place_after else _NAMED_BEFORE).search(sentence, 0, m.start())
        and not (place_after and _PLACE_AFTER.match(sentence, m.end(), m.end() + 40)) for m in found)


def _named_again(sentence: str, etype: str) -> bool:
    """Whether every trigger of ``etype`` is one of its nouns, definite, after a preposition ("after the strike")."""
    found, nouns = _triggers(sentence, etype), _NOUNS.get(etype, frozenset())
    return bool(found) and bool(nouns) and all(m.group().lower() in nouns and _AGAIN_BEFORE.search(sentence, 0, m.start())
                                               for m in found)


def _triggers(sentence: str, etype: str) -> list[re.Match[str]] | None:
    """The triggers of ``etype`` in the sentence (None: the type has no trigger words)."""
    rx = _TRIGGER_RX.get(etype)
    return None if rx is None else list(rx.finditer(sentence))


def _all_nouns(sentence: str, etype: str) -> bool:
    """Whether every trigger of ``etype`` in the sentence is one of its nouns ("the troop withdrawal")."""
    found, nouns = _triggers(sentence, etype), _NOUNS.get(etype, frozenset())
    return found is not None and bool(nouns) and all(m.group().lower() in nouns for m in found)


def _all_visits(sentence: str) -> bool:
    """Whether every meeting trigger in the sentence is a visit ("visit", "visited")."""
    found = _triggers(sentence, MEETING)
    return found is not None and all(m.group().lower().startswith("visit") for m in found)


def _plural_only(sentence: str) -> bool:
    """Whether every agreement trigger in the sentence is a plural noun ("agreements", "deals")."""
    found = _triggers(sentence, AGREEMENT)
    return found is not None and all(_AGREEMENTS_NAMED.fullmatch(m.group()) for m in found)


def _within(sentence: str, etype: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every trigger of ``etype`` lies inside one of ``spans``."""
    found = _triggers(sentence, etype) or []
    return bool(found) and all(any(a <= m.start() < b for a, b in spans) for m in found)


def _dated_after(sentence: str, etype: str) -> bool:
    """Whether a trigger of ``etype`` has a date of its own just after it ("a full withdrawal in September 2026")."""
    return any(_DATED_AFTER.match(sentence, m.end()) for m in _triggers(sentence, etype) or [])


def _as_time(sentence: str, etype: str) -> bool:
    """Whether every trigger of ``etype`` is a noun naming a past happening as a time ("since the temporary
    ceasefire"): a noun of its type, or any trigger of a type that names none."""
    found, nouns = _triggers(sentence, etype) or [], _NOUNS.get(etype, frozenset())
    return bool(found) and all((not nouns or m.group().lower() in nouns) and m.group()[:1].islower()
                               and not m.group().endswith(("ed", "ing")) and _SINCE_NOUN.search(sentence, 0, m.start())
                               for m in found)


# Before a noun that only names a movement: the start of a clause or a preposition, then a determiner or a
# possessive ("The withdrawal comes", "amid France's withdrawal"); not a verb ("ordered the withdrawal").
_NAMED_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\b(?:as|and|but|amid|with|after|before|since|during|following|despite|of|on|"
                           r"about|over|for)\s+)(?:(?:the|this|that|its|their|[\w’'-]+['’]s)\s+(?:[\w-]+\s+){0,2})?\Z", re.I)
# Before a noun naming again an attack the article told ("no comment regarding the attack", "missing after the strike").
_AGAIN_BEFORE = re.compile(r"\b(?:after|following|since|regarding|about|over|amid|despite|of)\s+(?:the|this|that|these|"
                           r"those|its|their|[\w’'-]+['’]s)\s+(?:[\w-]+\s+){0,2}\Z", re.I)
# "as part of the deal", "in accordance with the agreement": an accord another happening follows.
_AS_PART = re.compile(r"\b(?:as part of|in accordance with|in keeping with|as stipulated (?:by|in)|within the framework of|"
                      r"pursuant to|in compliance with)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}\Z", re.I)
# A clause's subject: "The visit marks", "Putin's visit follows".
_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:(]\s*)(?:the|this|that|its|their|[\w’'-]+['’]s)\s+(?:[\w-]+\s+){0,2}\Z", re.I)


def refine_types(types: list[str], sentence: str, low: str | None, starts: dict[str, int],
                 since: bool, origin: bool, destination: bool) -> list[str]:
    """The types once the sentence's dates and place roles are known: a force deployed somewhere "since 2019" is
    a presence; a withdrawal only named, with no place it leaves, is no new one; one ordered, or a move blocked,
    is a statement, and a move decided is one too, beside the move; materiel evacuated is withdrawn; a meeting only named is none; fighting that diplomacy is
    appealed about is no attack; an agreement ended is a statement."""
    out = []
    again = [m.span("noun") for m in _NAMED_AGAIN.finditer(sentence)]
    for t in types:
        if _as_time(sentence, t) or (again and _within(sentence, t, again)):
            continue  # "since the ceasefire ended": a past happening named as a time; "the attack took place when"
        if (t == ATTACK and _EXERCISE.find(sentence, low) >= 0) or (t == MEETING and _REMOTE_TALKS.find(sentence, low) >= 0):
            continue  # exercises and phone calls are no events
        if t == MEETING and _all_visits(sentence) and _SHIPS.find(sentence, low) >= 0:
            continue  # warships calling at a port: a visit of ships, no talks
        if t == MEETING and _all_visits(sentence) and _VISITED_FORCES.find(sentence, low) >= 0:
            continue  # "visited an air base in X": a visit to the troops, no talks
        if t == AGREEMENT and _ENDED.find(sentence, low) < 0 and _plural_only(sentence):
            continue  # agreements named, none reached
        if is_movement(t) and _CANCELLED.find(sentence, low) >= 0:
            continue  # "cancelled its weekly flights to X": nothing moved
        if (is_movement(t) and AGREEMENT in types and 0 <= starts.get(AGREEMENT, -1) < starts.get(t, -1)
                and _all_nouns(sentence, t) and not _dated_after(sentence, t)):
            continue  # "agreed to the troop withdrawal": the agreement is the news, the move only its object
        if t in (DEPLOYMENT, PRESENCE) and _EXTENDED.find(sentence, low) >= 0:
            t = STATEMENT  # "voted to extend the deployment of troops": a decision, no new move
        elif t == AGREEMENT and _AGREED_TO_TALK.find(sentence, low) >= 0:
            t = STATEMENT
        elif t == DEPLOYMENT and since and not destination:
            t = PRESENCE
        elif t == DEPLOYMENT and not origin and 0 <= (at := _STATIONED.find(sentence, low)) \
                and _MOVED_AFTER.find(sentence, low, at) < 0:
            t = PRESENCE  # "troops are still stationed in X": where they are
        elif t == WITHDRAWAL and not origin and _only_named(sentence, t, _NOUNS[WITHDRAWAL]):
            continue
        elif t == WITHDRAWAL and not origin and PRESENCE in starts and _all_nouns(sentence, t) \
                and _STATE_BESIDE.find(sentence, low) >= 0:
            t = PRESENCE  # "keeps 2,000 troops in Syria despite calls for a pullout": the presence is what is told
        elif t == WITHDRAWAL and _TOLD_TO_LEAVE.find(sentence, low) >= 0:
            t = STATEMENT
        elif t == PRESENCE and _TOLD_TO_CLOSE.find(sentence, low) >= 0:
            t = STATEMENT  # "Senegal has asked France to close its bases": a demand, the bases still there
        elif t in (WITHDRAWAL, DEPLOYMENT) and _DECIDED.find(sentence, low) >= 0 and STATEMENT not in out:
            out.append(STATEMENT)  # "Putin ordered the withdrawal of ...": the decision is news of its own, beside the move
            out.append(t)
            continue
        elif is_movement(t) and _BLOCKED.find(sentence, low) >= 0:
            t = STATEMENT
        elif t == EVACUATION and _CIVILIANS.find(sentence, low) < 0 and (
                _MATERIEL.find(sentence, low) >= 0 or _FORCES_EVACUATED.find(sentence, low) >= 0):
            # "an emergency evacuation of military equipment", "aims to evacuate its military staff from X": forces
            # leaving, not people
            t = WITHDRAWAL
        elif t == MEETING and _only_named(sentence, t, _NOUNS[MEETING], place_after=True):
            continue
        elif t == ATTACK and 0 <= _DIPLOMACY.find(sentence, low) < starts.get(t, -1):
            continue
        elif t == ATTACK and _named_again(sentence, t):
            continue  # "there has been no comment regarding the attack": the attack told before
        elif t == AGREEMENT and _ENDED.find(sentence, low) >= 0:
            t = STATEMENT
        elif t == AGREEMENT and PRESENCE in starts and _BASIS.search(sentence, 0, starts[t]):
            t = PRESENCE  # the agreement a presence rests on: the presence is what is told
        elif t == AGREEMENT and len(types) > 1 and all(_BASIS.search(sentence, 0, m.start()) or _AS_PART.search(
                sentence, 0, m.start()) for m in _triggers(sentence, t) or []):
            continue  # "under the ceasefire, troops must withdraw within 60 days": the withdrawal is what is told
        if t not in out:
            out.append(t)
    return out
