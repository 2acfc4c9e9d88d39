"""Events of one article: one pass per sentence (boilerplate skipped) giving typed, dated, located claims.

A trigger lexicon (the vocabulary's) gives the type, the prepositions before each place mention give origin and
destination ("from Damascus to the Hmeimim airbase"; "sent to X and then evacuated to Y" becomes two legs), the
temporal expressions in the sentence give the date (else the article's publication date, precision ``as_of``),
and an actor lexicon (``data/actors.csv``) gives who acted.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date

from geodata import caseless
from geodata.corpus import excluded_share, is_excluded
from geodata.events.classify import (
    _TRIGGER_FIRSTS,
    _TRIGGER_FIRSTS_TWIN,
    AGREEMENT,
    DEPLOYMENT,
    LEAVES,
    MEETING,
    PRESENCE,
    STATEMENT,
    WITHDRAWAL,
    _status,
    _trigger_starts,
    classify_types,
    refine_types,
)
from geodata.events.lexicon import _HOME, _SINCE, _THEN, _WHY, _WHY_TWIN, ACTOR_COUNTRY, actors_in, doer
from geodata.events.roles import (
    MAX_PLACES,
    _adjectival,
    _claim_places,
    _main_clause_places,
    _roles,
    is_metonym,
    parallel,
)
from geodata.events.sentences import sentences
from geodata.models import LITERAL, Article, DateRef, Event, Mention, Place, Source
from geodata.vocabulary import KIND_SPECIFICITY, is_movement

MAX_LEGS = 4  # legs of one journey in one sentence


def event_id(article_id: str, etype: str, quote: str, leg: int = 0) -> str:
    h = hashlib.sha1(f"{article_id}|{etype}|{' '.join(quote.split())}|{leg}".encode()).hexdigest()
    return f"ev-{h[:12]}"


def _source(article: Article, quote: str, start: int, end: int) -> Source:
    return Source(
        article_id=article.id, file=article.file, title=article.title, source=article.source, url=article.url,
        published=article.published.isoformat() if article.published else "", quote=quote, start=start, end=end,
    )



def _sentence_date(sdates: list[DateRef], published: date | None, near: int = -1) -> tuple[date | None, date | None, str, str]:
    """The sentence's date nearest the trigger (offset ``near``), else as of publication."""
    if sdates:
        d0 = min(sdates, key=lambda d: abs(d.start - near)) if near >= 0 else sdates[0]
        if d0.precision != "day":  # "attacks last month, with a Sept. 13 strike": the day within it says more
            d0 = next((d for d in sdates if d.precision == "day" and d0.date <= d.date <= d0.date_end), d0)
        return d0.date, d0.date_end, d0.precision, d0.text
    if published:
        return published, published, "as_of", ""
    return None, None, "", ""


# Verbs whose infinitive is their object, not a purpose ("Russia is seeking to secure its bases").
_WANTS = re.compile(r"\b(?:seek\w*|sought|want\w*|hop\w*|aim\w*|tr(?:y|ies|ied|ying)|keen|wish\w*|need\w*|"
                    r"intend\w*|plan\w*|expect\w*|agree\w*|fail\w*|manag\w+)\s+(?:\w+\s+)?\Z", re.I)


# Where talks are held: a locative or a visit just before the place (not "talks with Russia", "ties between A and B").
_HELD_AT = re.compile(r"\b(?:in|at|to|visit\w*|reached|arrived in|hosted?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}\Z", re.I)


# "for the first time since 2012": how long it had not happened, not when this began.
_FIRST_SINCE = re.compile(r"\b(?:first|last)\b[^,;.]{0,30}\bsince\s+(?:the\s+)?\Z", re.I)


# A deadline given or set for a move ("given X until Sept. 15 to leave", "must leave by August").
_DEADLINE_FOR = re.compile(r"\b(?:given|gave|give[sn]?|set|until|deadline|must|ordered|has to|have to)\b.{0,80}?\bto\s+"
                           r"(?:withdraw|leave|remove|pull|depart|quit|complete|end|hand)\b|\bby\b", re.I)


# A sentence that goes on with the happening the one before it dated ("On Monday, ... . The convoy then crossed").
_CONTINUES = re.compile(r"\b(?:then|later|afterwards|subsequently|thereafter|after that|shortly after|soon after|"
                        r"the same day|that day)\b|\A(?:He|She|They|It|The (?:[\w-]+ ){0,2}(?:diplomat|minister|official|"
                        r"envoy|delegation|spokes(?:man|woman|person)|president|leader|commander))\b")


def _carried(text: str, prev: tuple[int, int], s: int, dates: list[DateRef], d_starts: list[int]) -> list[DateRef]:
    """The dates of the previous sentence when it is in the same paragraph (no line break between them)."""
    ps, pe = prev
    if "\n" in text[pe:s]:
        return []
    return [d for d in dates[bisect_left(d_starts, ps):bisect_left(d_starts, pe)]
            if d.end <= pe and not _SINCE.search(text[max(ps, d.start - 12):d.start])][:1]


def _legs(origins: list[Place], dests: list[Place], apart: frozenset[int] = frozenset()) -> list[tuple[Place | None, Place | None]]:
    """A journey as legs: "from A to B and then to C" is A->B, B->C; "left A" is A->?; a destination in a
    contrasting clause (index in ``apart``: "part will move to A while others return to B") is another journey's
    end, from the same origin."""
    legs: list[tuple[Place | None, Place | None]] = []
    if dests:
        first = start_pl = origins[0] if origins else None
        for i, d in enumerate(dests[:MAX_LEGS]):
            if i in apart:
                start_pl = first
            if start_pl is not None and d.id == start_pl.id:
                continue
            legs.append((start_pl, d))
            start_pl = d
    elif origins:  # "left A and B": one leg from each
        seen: set[str] = set()
        for o in origins:
            if o.id not in seen and len(legs) < MAX_PLACES:
                seen.add(o.id)
                legs.append((o, None))
    return legs



def extract_events(article: Article, mentions: list[Mention], dates: list[DateRef],
                   home: Callable[[str, str], Place | None] | None = None) -> list[Event]:
    """Events of one article, in text order: one per type a sentence reports, and per place or leg.

    ``home(actor, country_code)``: the actor's country as a place, for an end the article leaves implicit
    ("the troops returned home") when the article names no such country."""
    text = article.text
    events: list[Event] = []
    m_starts = [m.start for m in mentions]
    d_starts = [d.start for d in dates]
    spans = sentences(text)
    story: tuple[Place, int, tuple[str, ...]] | None = None  # where the article's forces were last reported leaving
    last_end: tuple[Place, int] | None = None  # where they were last reported going
    for k, (s, e) in enumerate(spans):
        if excluded_share(article, s, e) > 0.5:
            continue
        # A sentence naming no place is skipped before it is classified; one that reports nothing, before its places
        # are read (most sentences stop at one of these two tests).
        in_sentence = [m for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)] if m.role == LITERAL]
        if not in_sentence:
            continue  # an event the map cannot place is left to the reader
        sent = scan = text[s:e]  # scan: the sentence the lexicons read (low: lower-cased, when its twins may)
        sent_low = low = caseless.lowered(scan)
        starts = _trigger_starts(scan, low)
        types = classify_types(scan, low, starts)
        if not types:
            continue  # blanking a clause out (below) never adds a trigger
        ments = [m for m in in_sentence if m.end <= e and not _adjectival(text, m)
                 and not is_metonym(text, m) and not is_excluded(article, m.start, m.end)]
        if not ments:
            continue
        why = [(s + w.start(), s + w.end()) for w in (_WHY.finditer(sent) if low is None else _WHY_TWIN.finditer(low))
               if not _WANTS.search(sent, max(0, w.start() - 24), w.start())]  # "seeking to secure X": what is sought
        if why:  # the clause blanked out, offsets kept; its places dropped
            ments = [m for m in ments if not any(a <= m.start < b for a, b in why)]
            if not ments:
                continue
            # blanking changes nothing unless a blanked clause holds a trigger of its own
            if any((_TRIGGER_FIRSTS.find(sent[a - s:b - s]) if low is None else _TRIGGER_FIRSTS_TWIN.find(low[a - s:b - s])) >= 0
                   for a, b in why):
                for a, b in why:
                    scan = scan[:a - s] + " " * (b - a) + scan[b - s:]
                low = caseless.lowered(scan)
                starts = _trigger_starts(scan, low)
                types = classify_types(scan, low, starts)
                if not types:
                    continue
        if len(ments) > 1:
            ments = _main_clause_places(text, s, sent, sent_low, ments)
        sdates = [d for d in dates[bisect_left(d_starts, s):bisect_left(d_starts, e)] if d.end <= e]
        # "since 2012", "for the first time since 2012": when a state began, not when this happened
        since = [d for d in sdates if _SINCE.search(text[max(s, d.start - 12):d.start])]
        sdates = [d for d in sdates if d not in since]
        # "has given the U.S. until Sept. 15 to remove troops": a deadline dates what is planned by it
        deadline = [d for d in since if d.text and not text[max(s, d.start - 12):d.start].rstrip().lower().endswith("since")]
        by_deadline = bool(deadline and not sdates and _DEADLINE_FOR.search(sent))
        if by_deadline:
            sdates, since = deadline[:1], [d for d in since if d not in deadline]
        if not sdates and k and _CONTINUES.search(sent):  # (on the sentence: \A is the text's start, not s)
            sdates = _carried(text, spans[k - 1], s, dates, d_starts)
        roles = _roles(text, s, ments)
        origins = [m.place for m, r in roles if r == "origin"]
        dest_ms = [m for m, r in roles if r == "destination"]
        dests = [m.place for m in dest_ms]
        apart = frozenset(i for i in range(1, len(dest_ms)) if parallel(text, dest_ms[i - 1], dest_ms[i]))
        types = refine_types(types, scan, low, starts, bool(since), bool(origins), bool(dests))
        named = actors_in(sent)
        journey = {p.id for p in origins + dests} if any(is_movement(t) for t in types) else set()
        for etype in types:
            trig = starts.get(etype)  # where its trigger is (none for a type read from other cues)
            when, until, precision, date_text = _sentence_date(sdates, article.published, -1 if trig is None else s + trig)
            began = since if etype == PRESENCE else [d for d in since if not _FIRST_SINCE.search(text, max(s, d.start - 40), d.start)]
            if began and article.published and (etype == PRESENCE or not sdates):  # "has kept a base there since 2019"
                when, until, precision, date_text = began[0].date, article.published, "range", began[0].text
            status = _status(scan, etype, until or when, article.published, low)
            if by_deadline and when and article.published and when > article.published and status == "reported":
                status = "planned"  # a deadline still ahead
            actors = named if etype in (AGREEMENT, MEETING) else doer(sent, -1 if trig is None else trig, named)
            ends: list[tuple[str, ...]] = []  # per leg: the ends inferred from the article
            if is_movement(etype):
                legs = _legs(origins, dests, apart)
                if not legs:  # "withdrawing from positions in Idlib": the place it leaves; "anchored off X": where it is
                    here = _claim_places(roles, text, s)[:1]
                    legs = [(p, None) for p in here] if etype in LEAVES else [(None, p) for p in here]
                then = last_end if last_end is not None and k - last_end[1] <= 2 and _THEN.find(scan, low) >= 0 else None
                legs, ends = _inferred_ends(legs, etype, scan, low, actors, (then[0], k, actors[:1]) if then else story, k,
                                            mentions, home)
            else:
                # the places of this sentence's journey belong to the journey ("...the offensive in Latakia, Hama
                # and Tartus, the Russian military withdrew warships from the base in Tartus": no attack on the base)
                # a continent or supranational region ("in Africa", "the Middle East") locates no claim
                claim = _claim_places([(m, r) for m, r in roles if m.place.kind != "region" or m.place.country_code], text, s)
                if etype == MEETING:  # talks are held at a place ("met in Ankara", "visited Damascus"), not with one
                    claim = [p for p in claim if any(m.place.id == p.id and _HELD_AT.search(text, max(s, m.start - 30), m.start)
                                                     for m, _ in roles)]
                # (a presence is where the force is: the journey's origin may be it, never where the others go)
                legs = [(None, None, p) for p in claim if p.id not in journey  # type: ignore[misc]
                        or (etype == PRESENCE and all(p.id != d.id for d in dests))]
                if not legs and etype == STATEMENT:  # a decided move: the decision is about the journey's places
                    legs = [(None, None, p) for p in claim]  # type: ignore[misc]
            for i, leg in enumerate(legs):
                orig, dest = leg[0], leg[1]
                place = leg[2] if len(leg) == 3 else (dest or orig)
                inferred = ends[i] if i < len(ends) else ()
                leg_type = WITHDRAWAL if etype == DEPLOYMENT and "origin" in inferred else etype
                conf = 0.45
                conf += 0.15 if place and KIND_SPECIFICITY.get(place.kind, 9) <= 2 else 0
                conf += 0.1 if sdates else 0
                conf += 0.15 if orig and dest else 0
                conf += 0.05 if named else 0
                conf -= 0.1 if len(types) > 1 else 0
                events.append(Event(
                    id=event_id(article.id, leg_type, sent, i), type=leg_type, status=status, date=when, date_end=until,
                    date_precision=precision, place=place, origin=orig if is_movement(etype) else None,
                    destination=dest if is_movement(etype) else None, actors=actors, quote=sent,
                    start=s, end=e, confidence=max(0.2, min(conf, 0.95)), article_id=article.id, date_text=date_text,
                    sources=[_source(article, sent, s, e)], inferred=inferred,
                ))
                if leg_type in LEAVES and orig is not None and KIND_SPECIFICITY.get(orig.kind, 9) <= 2:
                    story = (orig, k, actors[:1])  # the place the story's forces leave, for the sentences after
                if leg_type in LEAVES and dest is not None:
                    last_end = (dest, k)  # where they went: where a leg told "then" starts
    return events


STORY_REACH = 6  # sentences after a withdrawal from a place that may go on with it without naming the place again


def _inferred_ends(legs: list, etype: str, scan: str, low: str | None, actors: tuple[str, ...],
                   story: tuple[Place, int, tuple[str, ...]] | None, k: int,
                   mentions: list[Mention], home_of: Callable[[str, str], Place | None] | None = None,
                   ) -> tuple[list, list[tuple[str, ...]]]:
    """Ends not named in the sentence but established earlier in the article: the place the story's forces are
    leaving, for a movement with a destination only; home, the doer's country ("the troops returned home")."""
    out, ends = [], []
    for orig, dest in legs:
        inferred: tuple[str, ...] = ()
        if dest is None and actors and _HOME.find(scan, low) >= 0:
            cc = ACTOR_COUNTRY.get(actors[0], "")
            home = next((m.place for m in mentions if cc and m.place.kind == "country" and m.place.country_code == cc),
                        None)
            if home is None and cc and home_of is not None:
                home = home_of(actors[0], cc)
            if home is not None and (orig is None or orig.country_code != cc):
                dest, inferred = home, ("destination",)
        if (orig is None and dest is not None and story is not None and k - story[1] <= STORY_REACH
                and (etype in LEAVES or etype == DEPLOYMENT) and story[0].id != dest.id
                and (not actors or actors[:1] == story[2])):  # the same doer, or none named: the story's
            orig, inferred = story[0], (*inferred, "origin")
        out.append((orig, dest))
        ends.append(inferred)
    return out, ends
