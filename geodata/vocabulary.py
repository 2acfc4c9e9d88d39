"""The one vocabulary every stage reads: event types, place kinds, base statuses, date precisions.

Loaded once from ``data/vocabulary.toml`` (see its header for what each field means). Extraction reads
the types' triggers, roles and movement flags; installations read the base effects; export, the map,
its legend, the timeline, the table, the PNG export and the synthetic generator read labels, colours and
symbols from here (the map gets ``as_dict()`` inside its dataset, never a second copy in JS).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent / "data" / "vocabulary.toml"


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    color: str
    movement: bool
    trigger_rank: int
    triggers: tuple[str, ...]  # regular expressions, fragments expanded
    base_effect: dict[str, Any] = field(default_factory=dict)  # {"origin"|"place": status | {event status|"*": status}}
    role: str = ""  # the part it plays in the extraction rules ("presence", "declaration", ...), or ""
    leaves: bool = False  # a movement whose lone place is the place it leaves
    nouns: tuple[str, ...] = ()  # words that only name the happening: alone, no event of this type

    def effect(self, position: str, status: str) -> str | None:
        """The base status this event gives a base standing at ``position`` ("origin" or "place")."""
        eff = self.base_effect.get(position)
        if isinstance(eff, dict):
            return eff.get(status, eff.get("*"))
        return eff


@dataclass(frozen=True)
class PlaceKind:
    name: str
    label: str
    specificity: int
    prior: float
    symbol: str
    precision: str
    facility: bool = False
    installation: bool = False
    extent_km: float = 0.0  # how far from its point a place of the kind typically reaches


@dataclass(frozen=True)
class Term:
    """A status or a precision: a name, its label, and for base statuses the map's colours."""

    name: str
    label: str
    fill: str = ""
    stroke: str = ""
    initial: bool = False
    exact: bool = False


@dataclass(frozen=True)
class Vocabulary:
    event_types: tuple[EventType, ...]
    event_statuses: tuple[Term, ...]
    place_kinds: tuple[PlaceKind, ...]
    base_statuses: tuple[Term, ...]
    date_precisions: tuple[Term, ...]
    # named pieces of the triggers' expressions ("forces": the words for armed forces), for the rules to share
    fragments: tuple[tuple[str, str], ...] = ()

    def fragment(self, name: str) -> str:
        return dict(self.fragments).get(name, "")

    def event_type(self, name: str) -> EventType | None:
        return next((t for t in self.event_types if t.name == name), None)

    def role(self, role: str) -> str:
        """The name of the event type that plays ``role`` in the extraction rules."""
        for t in self.event_types:
            if t.role == role:
                return t.name
        raise KeyError(f"no event type plays the role {role!r} in {PATH.name}")

    def as_dict(self) -> dict[str, Any]:
        """What the map, its legend and the PNG export need, in display order (JSON-ready)."""
        return {
            "types": [{"name": t.name, "label": t.label, "color": t.color, "movement": t.movement} for t in self.event_types],
            "kinds": [{"name": k.name, "label": k.label, "symbol": k.symbol, "precision": k.precision,
                       "installation": k.installation} for k in self.place_kinds],
            "base_statuses": [{"name": s.name, "label": s.label, "fill": s.fill, "stroke": s.stroke, "initial": s.initial}
                              for s in self.base_statuses],
            "precisions": [{"name": p.name, "label": p.label, "exact": p.exact} for p in self.date_precisions],
        }


def _terms(rows: list[dict[str, Any]]) -> tuple[Term, ...]:
    return tuple(Term(**r) for r in rows)


def parse(data: dict[str, Any]) -> Vocabulary:
    """A vocabulary from the TOML's tables (a test builds one with an extra type this way)."""
    fragments = data.get("fragments", {})
    types = []
    for r in data["event_type"]:
        r = dict(r)
        triggers = tuple(t.replace("{forces}", fragments.get("forces", "")).replace("{people}", fragments.get("people", ""))
                         for t in r.pop("triggers", ()))
        types.append(EventType(triggers=triggers, nouns=tuple(r.pop("nouns", ())), **r))
    names = [t.name for t in types]
    if len(set(names)) != len(names):
        raise ValueError(f"{PATH.name}: an event type is listed twice")
    return Vocabulary(
        event_types=tuple(types), event_statuses=_terms(data["event_status"]),
        place_kinds=tuple(PlaceKind(**r) for r in data["place_kind"]),
        base_statuses=_terms(data["base_status"]), date_precisions=_terms(data["date_precision"]),
        fragments=tuple(fragments.items()),
    )


def load(path: Path = PATH) -> Vocabulary:
    with open(path, "rb") as fh:
        return parse(tomllib.load(fh))


VOCABULARY = load()

# The names every module uses (read from the file above, never spelled out elsewhere).
EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in VOCABULARY.event_types)
MOVEMENT_TYPES: frozenset[str] = frozenset(t.name for t in VOCABULARY.event_types if t.movement)
EVENT_STATUSES: tuple[str, ...] = tuple(s.name for s in VOCABULARY.event_statuses)
PLACE_KINDS: tuple[str, ...] = tuple(k.name for k in VOCABULARY.place_kinds)
FACILITY_KINDS: frozenset[str] = frozenset(k.name for k in VOCABULARY.place_kinds if k.facility)
INSTALLATION_KINDS: frozenset[str] = frozenset(k.name for k in VOCABULARY.place_kinds if k.installation)
KIND_SPECIFICITY: dict[str, int] = {k.name: k.specificity for k in VOCABULARY.place_kinds}
KIND_PRIOR: dict[str, float] = {k.name: k.prior for k in VOCABULARY.place_kinds}
KIND_PRECISION: dict[str, str] = {k.name: k.precision for k in VOCABULARY.place_kinds}
KIND_EXTENT_KM: dict[str, float] = {k.name: float(k.extent_km) for k in VOCABULARY.place_kinds}
BASE_STATUSES: tuple[str, ...] = tuple(s.name for s in VOCABULARY.base_statuses)
INITIAL_BASE_STATUS: str = next(s.name for s in VOCABULARY.base_statuses if s.initial)
DATE_PRECISIONS: tuple[str, ...] = tuple(p.name for p in VOCABULARY.date_precisions)


def is_movement(event_type: str) -> bool:
    return event_type in MOVEMENT_TYPES


def markdown() -> str:
    """The README's schema tables, generated from the vocabulary (``tests/test_vocabulary_readme.py`` checks the
    README holds exactly this between its ``vocabulary`` markers; ``python -m geodata.vocabulary`` prints it)."""
    v = VOCABULARY
    lines = ["| event type | label | colour | movement | base status it gives (origin / place) |", "|---|---|---|---|---|"]

    def eff(e: Any) -> str:
        if isinstance(e, dict):
            return ", ".join(f"{k if k != '*' else 'otherwise'}: {s}" for k, s in e.items())
        return e or "—"

    for t in v.event_types:
        lines.append(f"| `{t.name}` | {t.label} | `{t.color}` | {'yes' if t.movement else 'no'} | "
                     f"{eff(t.base_effect.get('origin'))} / {eff(t.base_effect.get('place'))} |")
    lines += ["", "| place kind | label | symbol | precision | specificity | prior |", "|---|---|---|---|---|---|"]
    for k in v.place_kinds:
        lines.append(f"| `{k.name}` | {k.label} | {k.symbol} | {k.precision} | {k.specificity} | {k.prior} |")
    lines += ["", "| base status | label | fill / stroke |", "|---|---|---|"]
    for s in v.base_statuses:
        lines.append(f"| `{s.name}` | {s.label}{' (before any evidence)' if s.initial else ''} | `{s.fill}` / `{s.stroke}` |")
    lines += ["", "| event status | date precision |", "|---|---|"]
    for i in range(max(len(v.event_statuses), len(v.date_precisions))):
        es = f"`{v.event_statuses[i].name}`" if i < len(v.event_statuses) else ""
        dp = f"`{v.date_precisions[i].name}` ({v.date_precisions[i].label})" if i < len(v.date_precisions) else ""
        lines.append(f"| {es} | {dp} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
