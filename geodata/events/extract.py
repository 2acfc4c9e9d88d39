"""Events of one article: one pass per sentence (boilerplate skipped) giving typed, dated, located claims.

A trigger lexicon (the vocabulary's) gives the type, the prepositions before each place mention give origin and
destination ("from Damascus to the Hmeimim airbase"; "sent to X and then evacuated to Y" becomes two legs), the
temporal expressions in the sentence give the date (else the article's publication date, precision ``as_of``),
and an actor lexicon (``data/actors.csv``) gives who acted. A sentence whose clauses each report something at a
place of their own ("fewer than 500 troops will remain in A, while others will move to B") is read clause by clause.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from geodata import caseless
from geodata.corpus import excluded_share, is_excluded
from geodata.events.classify import (
    _TRIGGER_FIRSTS,
    _TRIGGER_FIRSTS_TWIN,
    _TRIGGER_RX,
    AGREEMENT,
    ATTACK,
    DEPLOYMENT,
    LEAVES,
    MEETING,
    PRESENCE,
    STATEMENT,
    WITHDRAWAL,
    _status,
    _trigger_starts,
    _triggers,
    classify_types,
    refine_types,
)
from geodata.events.lexicon import (
    _FORCES_FROM_BEFORE,
    _FORCES_OF_AFTER,
    _HOME,
    _LEFT_AFTER,
    _SINCE,
    _THEN,
    _WHY,
    _WHY_TWIN,
    ACTOR_COUNTRY,
    actors_in,
    doer,
)
from geodata.events.roles import (
    COUNTRY_REACH,
    LEAVE_VERBS,
    LEAVER,
    MAX_PLACES,
    MILITARY_KINDS,
    WIDE_KINDS,
    _adjectival,
    _claim_places,
    _main_clause_places,
    _roles,
    country_anaphors,
    installation_anaphors,
    is_metonym,
    narrowed,
    places_per_country,
    there_anaphors,
    town_anaphors,
    unnamed_installations,
)
from geodata.events.sentences import clauses, sentences
from geodata.models import LITERAL, Article, DateRef, Event, Mention, Place, Source
from geodata.resolve import CAPITALS
from geodata.vocabulary import INSTALLATION_KINDS, KIND_SPECIFICITY, is_movement

MAX_LEGS = 4  # legs of one journey in one sentence
BROAD_KM = 300  # a region of no country wider than this (or of no stated size: "the Middle East") locates no claim


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


# A paragraph that opens on the person the one before quoted ("He said that ...", "The Russian diplomat told ..."):
# news paragraphs are a sentence long, so it goes on with the one before.
_SPEAKER_GOES_ON = re.compile(r"(?:He|She|They|The (?:[\w-]+ ){0,2}(?:diplomat|minister|official|envoy|spokes(?:man|woman|person)|"
                              r"president|leader|commander))\s+(?:also\s+|later\s+)?(?:said|says|told|added|noted)\b")


_REPORTED = re.compile(r"\b(?:said|says|told|added|announced|confirmed|reported)\b")


def _carried(text: str, prev: tuple[int, int], s: int, dates: list[DateRef], d_starts: list[int]) -> list[DateRef]:
    """The dates of the previous sentence when it is in the same paragraph (no line break between them), or when
    this one opens a paragraph going on with what its speaker said ("He said that ...")."""
    ps, pe = prev
    if "\n" in text[pe:s] and (text[pe:s].count("\n") > 2 or not _SPEAKER_GOES_ON.match(text, s)):
        return []
    found = [d for d in dates[bisect_left(d_starts, ps):bisect_left(d_starts, pe)]
             if d.end <= pe and not _SINCE.search(text[max(ps, d.start - 12):d.start])]
    if len(found) > 1:  # "On Monday, Assad said he had left Damascus on Dec. 8": what he tells is dated after "said"
        said = _REPORTED.search(text, found[0].end, pe)
        later = [d for d in found[1:] if said is not None and d.start > said.end()]
        if later:
            return later[:1]
    return found[:1]


def _legs(origins: list[Place], dests: list[Place], apart: frozenset[int] = frozenset()) -> list[tuple[Place | None, Place | None]]:
    """A journey as legs: "from A to B and then to C" is A->B, B->C; "from A or B to C" is A->C, B->C; "left A" is
    A->?; a destination in a contrasting clause (index in ``apart``: "part will move to A while others return to B") is another journey's
    end, from the same origin."""
    legs: list[tuple[Place | None, Place | None]] = []
    # an origin as wide as a country beside one inside it is where that one is: not an origin of its own
    alike = [o for o in origins if not any(p.id != o.id and o.kind in WIDE_KINDS and p.country_code == o.country_code
                                           for p in origins)]
    if len(dests) == 1 and len({o.id for o in alike}) > 1:  # "from A or B to C": a leg from each
        firsts = list({o.id: o for o in reversed(alike) if o.id != dests[0].id}.values())[::-1]
        return [(o, dests[0]) for o in firsts][:MAX_PLACES]
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
            if o.id not in seen and len(legs) < MAX_LEGS:
                seen.add(o.id)
                legs.append((o, None))
    return legs



def _clause_types(sentence: str, starts: dict[str, int], clause: str = "") -> list[str]:
    """The types of a clause: its own, else those of its sentence whose trigger it holds ("..., while others will
    move to B": the sentence says who moves)."""
    own = classify_types(clause, caseless.lowered(clause), starts) if clause else []
    return own or [t for t in classify_types(sentence, caseless.lowered(sentence), _trigger_starts(
        sentence, caseless.lowered(sentence))) if t in starts]


def _units(text: str, spans: list[tuple[int, int]], mentions: list[Mention], m_starts: list[int]):
    """(sentence index, start, end, sentence start, sentence end) of what is read as one claim: the sentence, or
    each of its clauses when two or more of them report something at a place of their own ("fewer than 500
    troops will remain in A, while others will move to B")."""
    low = caseless.lowered(text)
    for k, (s, e) in enumerate(spans):
        lo, hi = bisect_left(m_starts, s), bisect_left(m_starts, e)
        # a sentence naming no place as a location tells nothing (extract_events skips it): its clauses are not read
        parts = clauses(text, s, e, low) if any(m.role == LITERAL for m in mentions[lo:hi]) else ()
        if len(parts) > 1:
            told = [(cs, ce) for cs, ce in parts if any(m.role == LITERAL and m.end <= ce and not _adjectival(text, m)
                                                        and not is_metonym(text, m) for m in
                                                        mentions[bisect_left(m_starts, cs):bisect_left(m_starts, ce)])
                    and _clause_types(text[s:e], _trigger_starts(text[cs:ce], caseless.lowered(text[cs:ce])), text[cs:ce])]
            if len(told) > 1:
                for cs, ce in parts:
                    yield k, cs, ce, s, e
                continue
        yield k, s, e, s, e


def extract_events(article: Article, mentions: list[Mention], dates: list[DateRef],
                   home: Callable[[str, str], Place | None] | None = None,
                   part: Callable[[str, Mention], Mention] | None = None) -> list[Event]:
    """Events of one article, in text order: one per type a sentence reports, and per place or leg.

    ``home(actor, country_code)``: the actor's country as a place, for an end the article leaves implicit
    ("the troops returned home") when the article names no such country. ``part(text, mention)``: the mention
    widened to the part of its place the words around it name ("the country's north"), or itself."""
    text = article.text
    events: list[Event] = []
    spans = sentences(text)
    mentions = unnamed_installations(text, mentions)  # "the air base in the port city of X": the base named elsewhere
    said = installation_anaphors(text, mentions)  # "the airport": the one named before, an end read from the article
    told = country_anaphors(text, mentions, spans)  # "the country": a place read from the article
    if told and part is not None:
        told = [part(text, m) for m in told]
    told += town_anaphors(text, mentions)  # "the town"
    told += there_anaphors(text, mentions, spans)  # "arrived there"
    if said or told:
        mentions = sorted(mentions + said + told, key=lambda m: m.start)
    told_at = {m.start for m in told}
    m_starts = [m.start for m in mentions]
    d_starts = [d.start for d in dates]
    story: tuple[Place, int, tuple[str, ...]] | None = None  # where the article's forces were last reported leaving
    left: tuple[Place, int, tuple[str, ...]] | None = None  # the same, a country too (for sentences naming no place)
    last_end: tuple[Place, int] | None = None  # where they were last reported going
    for k, s, e, s0, e0 in _units(text, spans, mentions, m_starts):
        if excluded_share(article, s, e) > 0.5:
            continue
        # A sentence naming no place is skipped before it is classified; one that reports nothing, before its places
        # are read (most sentences stop at one of these two tests).
        in_sentence = [m for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)] if m.role == LITERAL]
        # a sentence naming no place goes on with the story's leaving ("The first convoy departed on Oct. 10")
        story_live = left is not None and k - left[1] <= STORY_REACH
        if not in_sentence and not story_live:
            continue  # an event the map cannot place is left to the reader
        sent = scan = text[s:e]  # scan: the sentence the lexicons read (low: lower-cased, when its twins may)
        sent_low = low = caseless.lowered(scan)
        starts = _trigger_starts(scan, low)
        types = classify_types(scan, low, starts) or (_clause_types(text[s0:e0], starts) if s0 != s or e0 != e else [])
        sites = _listed_sites(in_sentence) if not types else []
        if sites:
            types = [PRESENCE]  # "Sites such as Al Tanf, Conoco and Green Village are remote": bases that are there
        if not types:
            continue  # blanking a clause out (below) never adds a trigger
        ments = [m for m in in_sentence if m.end <= e and not _adjectival(text, m)
                 and not is_metonym(text, m) and not is_excluded(article, m.start, m.end)]
        storied = not ments and story_live  # (its only places may be governments: "escorted by Niger's forces")
        if not ments and not storied:
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
        if ments:
            ments = _main_clause_places(text, s, sent, sent_low, ments)
            if not ments and not storied:
                continue  # only where it was said ("told reporters in Bamako")
        implied = {m.place.id for m in ments if m in said} - {m.place.id for m in ments if m not in said} if said else set()
        anaphoric = ({m.place.id for m in ments if m.start in told_at} - {m.place.id for m in ments if m.start not in told_at}
                     if told_at else set())  # places this sentence names only as "the country"
        if said:  # "the base" beside its own name says nothing more
            ments = [m for m in ments if m.place.id in implied or m not in said]
        sdates = [d for d in dates[bisect_left(d_starts, s):bisect_left(d_starts, e)] if d.end <= e] or (
            [d for d in dates[bisect_left(d_starts, s0):bisect_left(d_starts, e0)] if d.end <= e0] if s0 != s or e0 != e else [])
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
        if implied:  # "the airport" is read as a journey's end only ("evacuated the site": the place left)
            leaving = any(t in LEAVES for t in types)
            roles = [(m, r) for m, r in roles if r != "location" or m not in said or leaving]
            if not roles:
                continue
        origins = [m.place for m, r in roles if r == "origin"]
        # "left A via B for C": the place passed through ends the first leg
        dest_ms, apart = narrowed(text, [m for m, r in roles if r == "via"] + [m for m, r in roles if r == "destination"])
        dests = [m.place for m in dest_ms]
        types = refine_types(types, scan, low, starts, bool(since), bool(origins), bool(dests))
        named = actors_in(sent) or actors_in(text[s0:e0])
        # the journey's ends, unless the sentence names the place as a location too ("met with HTS in Damascus to
        # negotiate the passage of Russian personnel from the capital to the Hmeimim airbase")
        journey = ({p.id for p in origins + dests} - {m.place.id for m, r in roles if r == "location"}
                   if any(is_movement(t) for t in types) else set())
        n0 = len(events)
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
            country = None
            if is_movement(etype):
                if origins and not dests and etype not in LEAVES:  # "troops from A were deployed in B": B is where to
                    dests = [m.place for m, r in roles if r == "location" and trig is not None and m.start > s + trig
                             and _PUT_IN.search(text, max(s, m.start - 50), m.start)][:1]
                gone_home = _home_of_leavers(text, s, in_sentence) if not dests else None
                if gone_home is not None:  # "Servicemen from Tajikistan left": home to Tajikistan, from elsewhere
                    legs = _legs([o for o in origins if o.id != gone_home.id], [gone_home])
                else:
                    legs = _legs(origins, dests, apart)
                country = _the_country(text, s, e, mentions, actors) if not legs and etype in LEAVES else None
                if country is not None:  # "given the U.S. until May to remove troops from its territory"
                    legs = [(country, None)]
                if not legs:  # "withdrawing from positions in Idlib": the place it leaves; "anchored off X": where it is
                    own = [(m, r) for m, r in roles if trig is not None and _same_clause(text, s, e, s + trig, m.start)]
                    here = _claim_places(own or roles, text, s)[:1]  # the trigger's own clause's place first
                    legs = [(p, None) for p in here] if etype in LEAVES else [(None, p) for p in here]
                then = last_end if last_end is not None and k - last_end[1] <= 2 and (
                    _THEN.find(scan, low) >= 0 or _AT_THE_BASE.search(scan) and last_end[0].kind in INSTALLATION_KINDS) else None
                # "Russia sent military trainers to Niger": from Russia, not from where the story's forces left
                sender = _sender(text, s, e, mentions) if etype not in LEAVES and all(o is None for o, _ in legs) else None
                legs, ends = _inferred_ends(_away_from_home(legs, actors), etype, scan, low, actors,
                                            (then[0], k, actors[:1]) if then else None if sender else story, k, mentions,
                                            home, s)
                legs, ends = _to_capital(legs, ends, scan, mentions)
                if etype == DEPLOYMENT and legs and all(o is not None and o.kind == "country" and d is None for o, d in legs):
                    # "These personnel will come from Austria and Slovakia": to the country the story is about
                    told = _told_country(mentions, s, "")
                    if told is not None and all(o.country_code != told.country_code for o, _ in legs):
                        legs = [(o, told) for o, _ in legs]
                        ends = [(*(ends[i] if i < len(ends) else ()), "destination") for i in range(len(legs))]
                if etype not in LEAVES and legs and all(o is None for o, _ in legs):
                    if sender is not None:
                        legs = [(sender if d is not None and d.country_code != sender.country_code else o, d) for o, d in legs]
                        actors = (sender.name,)  # who sends ("North Korea has sent troops to Russia"), not where to
                if storied and not legs and etype in LEAVES and left is not None and (not actors or actors[:1] == left[2]):
                    legs, ends = [(left[0], None)], [("origin",)]  # the place the story's forces are leaving
            else:
                # the places of this sentence's journey belong to the journey ("...the offensive in Latakia, Hama
                # and Tartus, the Russian military withdrew warships from the base in Tartus": no attack on the base)
                # a continent or supranational region ("in Africa", "the Middle East") locates no claim (a shoal,
                # a reef or an island of no country does: "near Second Thomas Shoal");
                # "the airport" implied from an earlier sentence is read as a journey's end only
                claim = _claim_places([(m, r) for m, r in roles if (m.place.kind != "region" or m.place.country_code
                                                                    or 0 < m.place.radius_km < BROAD_KM)
                                       and not (implied and m in said)], text, s)
                if etype == ATTACK and trig is not None and len(claim) > 1:
                    # "following an attack in the perimeter of A": the place of the attack's own phrase, and those
                    # coordinated with it ("attacks on A and B")
                    own_at = [m for m, _ in roles if m.start > s + trig and _ATTACK_AT.fullmatch(text, s + trig, m.start)][:1]
                    for m, _ in roles:
                        if own_at and m.start > own_at[-1].end and _COORDINATED_PLACE.fullmatch(text, own_at[-1].end, m.start):
                            own_at.append(m)
                    if own_at and all(any(p.id == m.place.id for p in claim) for m in own_at):
                        claim = [m.place for m in own_at]
                if etype == MEETING:  # talks are held at a place ("met in Ankara", "visited Damascus"), not with one
                    claim = [p for p in claim if any(m.place.id == p.id and _HELD_AT.search(text, max(s, m.start - 30), m.start)
                                                     for m, _ in roles)]
                # (a presence is where the force is: the journey's origin may be it, never where the others go)
                legs = [(None, None, p) for p in claim if p.id not in journey  # type: ignore[misc]
                        or (etype == PRESENCE and all(p.id != d.id for d in dests))]
                if not legs and etype == STATEMENT:  # a decided move: the decision is about the journey's places
                    legs = [(None, None, p) for p in claim]  # type: ignore[misc]
                    told_out = _the_country(text, s, e, mentions, actors) if not legs else None
                    if told_out is not None:  # "ordered the U.S. to withdraw from the country": that country
                        legs = [(None, None, told_out)]  # type: ignore[misc]
                if sites:
                    legs = [(None, None, p) for p in sites]  # type: ignore[misc]
            dated = [(leg, (when, until, precision, date_text)) for leg in legs]
            if etype == ATTACK and len(legs) == 1:  # "a Sept. 13 strike ..., as well as a Sept. 22 strike": two attacks
                days = _dated_occurrences(scan, s, sdates, etype)
                if len(days) > 1:
                    dated = [(legs[0], (d.date, d.date_end, d.precision, d.text)) for d in days]
            for i, (leg, (when, until, precision, date_text)) in enumerate(dated):
                orig, dest = leg[0], leg[1]
                place = leg[2] if len(leg) == 3 else (dest or orig)
                inferred = ends[i] if i < len(ends) else ()
                if country is not None and orig is country and not any(m.place.id == orig.id for m in in_sentence):
                    inferred = ("origin", *inferred)  # the country named before the sentence
                if anaphoric:
                    inferred = (*inferred, *(r for r, p in ((("origin", orig), ("destination", dest)) if is_movement(etype)
                                                            else (("place", place),))
                                             if p is not None and p.id in anaphoric and r not in inferred))
                leg_type = WITHDRAWAL if etype == DEPLOYMENT and "origin" in inferred else etype
                cc = ACTOR_COUNTRY.get(actors[0], "") if etype == DEPLOYMENT and actors else ""
                if (cc and trig is not None and orig is not None and dest is not None
                        and dest.country_code == cc and orig.country_code not in ("", cc)
                        and actors[0] in actors_in(sent[:trig])):
                    # "Turkish troops from Afghanistan arrived in Ankara": the doer, named before the move, comes home
                    leg_type = WITHDRAWAL
                if implied and is_movement(etype):  # an end this sentence names only as "the airport"
                    inferred = (*inferred, *(r for r, p in (("origin", orig), ("destination", dest))
                                             if p is not None and p.id in implied and r not in inferred))
                conf = 0.45
                conf += 0.15 if place and KIND_SPECIFICITY.get(place.kind, 9) <= 2 else 0
                conf += 0.1 if sdates else 0
                conf += 0.15 if orig and dest else 0
                conf += 0.05 if named else 0
                conf -= 0.1 if len(types) > 1 else 0
                events.append(Event(
                    id=event_id(article.id, leg_type, sent, i), type=leg_type, status=status, date=when, date_end=until,
                    date_precision=precision, place=place, origin=orig if is_movement(etype) else None,
                    destination=dest if is_movement(etype) else None, actors=actors, quote=text[s0:e0],
                    start=s0, end=e0, confidence=max(0.2, min(conf, 0.95)), article_id=article.id, date_text=date_text,
                    sources=[_source(article, text[s0:e0], s0, e0)], inferred=inferred,
                ))
                if leg_type in LEAVES and orig is not None and KIND_SPECIFICITY.get(orig.kind, 9) <= 2:
                    story = (orig, k, actors[:1])  # the place the story's forces leave, for the sentences after
                if leg_type in LEAVES and orig is not None and (
                        left is None or k - left[1] > STORY_REACH or KIND_SPECIFICITY.get(orig.kind, 9) <= 2
                        or left[0].country_code != orig.country_code):
                    # what a sentence naming no place leaves, countries too ("French troops began leaving Niger.
                    # The first convoy departed on Oct. 10"); a base or a town named before stays it
                    left = (orig, k, actors[:1])
                if leg_type in LEAVES and dest is not None:
                    last_end = (dest, k)  # where they went: where a leg told "then" starts
        back = _BACK_AGAIN.search(scan) if len(events) > n0 else None
        gone = next((ev for ev in events[n0:] if ev.type == WITHDRAWAL and ev.origin is not None), None) if back else None
        if gone is not None and _TRIGGER_RX[WITHDRAWAL].search(scan, 0, back.start()):
            # "withdrew in 2007, only to return in 2014": forces returning to the place they left are deployed there
            d = next((d for d in sdates if 0 <= d.start - (s + back.end()) <= 30), None)
            if d is not None:
                events.append(replace(
                    gone, id=event_id(article.id, DEPLOYMENT, sent, MAX_LEGS), type=DEPLOYMENT,
                    status=_status(scan, DEPLOYMENT, d.date_end or d.date, article.published, low), date=d.date,
                    date_end=d.date_end, date_precision=d.precision, place=gone.origin, origin=None,
                    destination=gone.origin, date_text=d.text, sources=[_source(article, text[s0:e0], s0, e0)],
                    inferred=("destination",)))
    return events


# A return after a withdrawal told in the same sentence, to no place named ("withdrew in 2007, only to return in
# 2014", ", before returning in 2014", ", and returned in 2014"): back where the forces left.
_BACK_AGAIN = re.compile(r",\s+(?:only\s+to|before|and(?:\s+then)?|but)\s+(?:later\s+)?return(?:ed|ing)?\b"
                         r"(?!\s+(?:home|to)\b)")


def _listed_sites(in_sentence: list[Mention]) -> list[Place]:
    """The military installations a sentence with no trigger lists (two or more, by name): each is a presence."""
    seen: dict[str, Place] = {}
    for m in in_sentence:
        if m.place.kind in MILITARY_KINDS:
            seen.setdefault(m.place.id, m.place)
    return list(seen.values())[:MAX_PLACES] if len(seen) > 1 else []


# A country as the subject of a verb of sending: where what it sends comes from.
_SENDS = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|already\s+|now\s+|quietly\s+|reportedly\s+)?(?:sent|sends|"
                    r"dispatched|dispatches|flew|shipped|airlifted)\b")


def _sender(text: str, s: int, e: int, mentions: list[Mention]) -> Place | None:
    """The country that sends in this sentence: named as the acting government just before the verb ("Russia sent
    military trainers to Niger", "Turkey has dispatched drones to Libya"; a force "deployed at X" is stationed there,
    from wherever)."""
    for m in mentions:
        if s <= m.start < e and m.role in (LITERAL, "metonym") and m.place.kind == "country" and _SENDS.match(text, m.end):
            return m.place
    return None


OCCURRENCE_GAP = 30  # characters between a day's date and the trigger of the happening it dates


def _dated_occurrences(scan: str, s: int, sdates: list[DateRef], etype: str) -> list[DateRef]:
    """The days a sentence dates several happenings of one type on, each day beside a trigger of its own ("a
    Sept. 13 strike badly damaged a submarine, and a Sept. 22 strike hit the headquarters"); one day per trigger."""
    found = _triggers(scan, etype) or []
    out: list[DateRef] = []
    used: set[int] = set()
    for d in sdates:
        if d.precision != "day" or any(d.date == o.date for o in out):
            continue
        near = [t for t in found if t.start() not in used and (0 <= t.start() - (d.end - s) <= OCCURRENCE_GAP
                                                                or 0 <= (d.start - s) - t.end() <= OCCURRENCE_GAP)]
        if near:
            used.add(near[0].start())
            out.append(d)
    return out


def _home_of_leavers(text: str, s: int, in_sentence: list[Mention]) -> Place | None:
    """The country of forces the sentence tells leaving ("Servicemen from Tajikistan left", "Kyrgyzstan's
    peacekeepers departed"): where they go, when the sentence names no destination."""
    for m in in_sentence:
        if m.place.kind != "country":
            continue
        of = _FORCES_OF_AFTER.match(text, m.end)  # "Kyrgyzstan's peacekeepers"
        forces_end = of.end() if of else m.end if _FORCES_FROM_BEFORE.search(text, max(s, m.start - 40), m.start) else -1
        if forces_end >= 0 and _LEFT_AFTER.match(text, forces_end):  # "... departed": the forces are the subject
            return m.place
    return None


def _same_clause(text: str, s: int, e: int, a: int, b: int) -> bool:
    return any(cs <= a < ce and cs <= b < ce for cs, ce in clauses(text, s, e))


def _away_from_home(legs: list, actors: tuple[str, ...]) -> list:
    """"All troops from the US and other countries have left Iraq": the doer's own country is no place it left,
    when the sentence names another."""
    cc = ACTOR_COUNTRY.get(actors[0], "") if actors else ""
    kept = [(o, d) for o, d in legs if not (d is None and o is not None and o.kind == "country" and o.country_code == cc)]
    return kept if kept and cc else legs


_TO_CAPITAL = re.compile(r"\b(?:to|towards?|for|into|reached)\s+the\s+(?:[\w'’-]+\s+)?capital\b(?!\s+(?:city\s+)?of\b)", re.I)


_THE_COUNTRY = re.compile(r"\b" + LEAVE_VERBS + r"\s+(?:the|its|their|this)\s+(?:country|territory|soil)\b", re.I)


def _the_country(text: str, s: int, e: int, mentions: list[Mention], actors: tuple[str, ...]) -> Place | None:
    """"withdraw from the country", "from its territory": the last country named before the phrase, in the sentence
    or shortly before it, that is not the doer's own."""
    at = _THE_COUNTRY.search(text, s, e)
    if at is None:
        return None
    home = ACTOR_COUNTRY.get(actors[0], "") if actors else ""
    return next((m.place for m in reversed(mentions[:bisect_left([m.start for m in mentions], at.start())])
                 if m.place.kind == "country" and m.place.country_code != home and m.role != "adjectival"
                 and at.start() - m.end <= COUNTRY_REACH and not LEAVER.match(text, m.end)), None)


def _to_capital(legs: list, ends: list, scan: str, mentions: list[Mention]) -> tuple[list, list]:
    """"left the base in Faya and headed to the capital": the capital of the country left, when the article names
    it (an inferred destination)."""
    if not any(o is not None and d is None for o, d in legs) or _TO_CAPITAL.search(scan) is None:
        return legs, ends
    out, out_ends = [], []
    for i, (o, d) in enumerate(legs):
        inferred = ends[i] if i < len(ends) else ()
        if d is None and o is not None:
            cap = next((m.place for m in mentions if m.place.kind == "city" and m.place.id != o.id
                        and (o.country_code, m.place.name) in CAPITALS), None)
            if cap is not None:
                d, inferred = cap, (*inferred, "destination")
        out.append((o, d))
        out_ends.append(inferred)
    return out, out_ends


# Put somewhere by the move ("were deployed in B", "arrived at B"): the move's end, though said with "in" or "at".
_PUT_IN = re.compile(r"\b(?:deployed|redeployed|stationed|arrived|landed|posted|sent)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+"
                     r"(?:the\s+)?\Z", re.I)
# From an attack's trigger to the place of its own phrase ("attack in the perimeter of A", "strikes on A").
_ATTACK_AT = re.compile(r"[\w-]+(?:\s+[\w-]+){0,2}?\s+(?:in|at|on|near|outside|against)\s+(?:the\s+)?(?:(?:perimeter|outskirts|"
                        r"vicinity|area|edge|centre|center|suburbs?|north|south|east|west)\s+of\s+(?:the\s+)?)?", re.I)
_COORDINATED_PLACE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:(?:in|at|on|near|outside)\s+)?(?:the\s+)?", re.I)
# "the base", "the airport": the installation the last leg reached, when this leg names none it starts from
_AT_THE_BASE = re.compile(r"\b(?:the|that) (?:air ?base|base|airport|airfield|port)\b(?! (?:of|in|at|near)\b)", re.I)
STORY_REACH = 6  # sentences after a withdrawal from a place that may go on with it without naming the place again


def _told_country(mentions: list[Mention], before: int, other: str) -> Place | None:
    """The country the article names most places of before offset ``before`` (the first reached of those tied), as a
    place it names, when it is not ``other``'s."""
    told = places_per_country(mentions, before)
    best = max(told, key=lambda c: told[c], default="")
    if not best or best == other:
        return None
    return next((m.place for m in mentions[:bisect_left([m.start for m in mentions], before)]
                 if m.role == LITERAL and m.place.kind == "country" and m.place.country_code == best), None)


def _inferred_ends(legs: list, etype: str, scan: str, low: str | None, actors: tuple[str, ...],
                   story: tuple[Place, int, tuple[str, ...]] | None, k: int,
                   mentions: list[Mention], home_of: Callable[[str, str], Place | None] | None = None,
                   at: int = 0) -> tuple[list, list[tuple[str, ...]]]:
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
                # (a country or region holding the place left is no journey from it: "were sent to Kazakhstan")
                and not (dest.kind in WIDE_KINDS and dest.country_code == story[0].country_code)
                and (not actors or not story[2] or actors[:1] == story[2])):  # the same doer, or none named: the story's
            orig, inferred = story[0], (*inferred, "origin")
        elif (orig is None and dest is not None and dest.kind == "country" and etype in LEAVES
              and not (actors and ACTOR_COUNTRY.get(actors[0], "") == dest.country_code)):
            # "He and his family fled to Russia": from the country the article is about (a force returning to its own
            # country's bases left from wherever it was)
            orig = _told_country(mentions, at, dest.country_code)
            inferred = (*inferred, "origin") if orig is not None else inferred
        out.append((orig, dest))
        ends.append(inferred)
    return out, ends
