"""Installations over time: each base or facility named by an event gets a status on any date.

The status on date D comes from the events about that installation dated on or before D:
``active`` (presence reported), ``drawdown`` (ships, aircraft or troops leaving it, or a planned
withdrawal), ``withdrawn`` (a completed withdrawal from it), ``contested`` (attacked). Denied
claims do not change the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geodata.models import Event, Place
from geodata.vocabulary import BASE_STATUSES, INITIAL_BASE_STATUS, INSTALLATION_KINDS, VOCABULARY

STATUSES = BASE_STATUSES  # in order of precedence on one day


@dataclass(frozen=True)
class Installation:
    place: Place
    first_seen: date | None
    timeline: tuple[tuple[date, str, str], ...]  # (date, status, event id), in date order

    def status_on(self, day: date | None) -> str:
        status = INITIAL_BASE_STATUS
        for when, st, _ in self.timeline:
            if day is not None and when > day:
                break
            status = st
        return status


DENIED = "denied"  # an event status: a denied claim changes no base's status


def _effect(ev: Event, place_id: str) -> str | None:
    """The status ``ev`` gives the installation ``place_id``: its type's ``base_effect`` in the vocabulary, by
    where the installation stands (the origin it leaves, or the event's place or destination)."""
    etype = VOCABULARY.event_type(ev.type)
    if ev.status == DENIED or etype is None:
        return None
    if ev.origin is not None and ev.origin.id == place_id:
        eff = etype.effect("origin", ev.status)
        if eff is not None:
            return eff
    return etype.effect("place", ev.status)


def installations(events: list[Event]) -> list[Installation]:
    """Every installation that an event places, origins or destines, with its status timeline."""
    places: dict[str, Place] = {}
    per: dict[str, list[tuple[date, str, str]]] = {}
    for ev in events:
        for p in (ev.place, ev.origin, ev.destination):
            if p is None or p.kind not in INSTALLATION_KINDS:
                continue
            places[p.id] = p
            eff = _effect(ev, p.id)
            if eff and ev.date is not None:
                per.setdefault(p.id, []).append((ev.date, eff, ev.id))
            else:
                per.setdefault(p.id, [])
    out = []
    for pid, place in places.items():
        tl = tuple(sorted(per[pid], key=lambda t: (t[0], STATUSES.index(t[1]))))
        out.append(Installation(place=place, first_seen=tl[0][0] if tl else None, timeline=tl))
    out.sort(key=lambda i: i.place.name)
    return out
