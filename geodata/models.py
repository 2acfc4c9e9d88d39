"""The one schema every stage speaks: Article, Place, Mention, DateRef, Event.

Plain frozen dataclasses: cheap to build, hashable where it matters, and trivially turned into JSON
(``to_dict``) for the CLI, the GeoJSON export and the app. Names here are the names used everywhere
(code, CLI, JSON, UI): an *article* has *mentions* of *places*, and *events* with *dates*.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from geodata.vocabulary import (  # noqa: F401  (the names every stage uses, re-exported with the schema)
    DATE_PRECISIONS,
    EVENT_STATUSES,
    EVENT_TYPES,
    KIND_EXTENT_KM,
    KIND_PRECISION,
    MOVEMENT_TYPES,
    PLACE_KINDS,
)

# How a toponym is used: as a location; for a government or people ("Moscow said"); as an adjective or
# demonym ("Russian", "Turkish-backed"); inside an organisation's, unit's or ship's name ("Black Sea Fleet").
MENTION_ROLES = ("literal", "metonym", "adjectival", "organisation")
LITERAL = "literal"


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: one real-world place with one coordinate."""

    id: str  # stable, source-prefixed: "gn:170063", "cc:TR", "ap:OSKL", "cur:hmeimim-air-base"
    name: str
    lat: float
    lon: float
    kind: str  # one of PLACE_KINDS
    country_code: str = ""  # ISO 3166-1 alpha-2, "" for seas and supranational regions
    population: int = 0
    source: str = ""  # "geonames", "natural-earth", "airportsdata", "curated"
    radius_km: float = 0.0  # rough extent around the point; 0: derived from the kind (see ``extent_km``)

    def __hash__(self) -> int:
        # equal places share their id: a set or memo of places hashes one (cached) string, not nine fields
        return hash(self.id)

    @property
    def precision(self) -> str:
        """How precise the point is: point, town, district, province, country or region (the kind's)."""
        return KIND_PRECISION.get(self.kind, "region")

    @property
    def extent_km(self) -> float:
        """How far from its point the place reaches: its own radius (countries, from their area) or its kind's."""
        return self.radius_km or KIND_EXTENT_KM.get(self.kind, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "extent_km": self.extent_km}


@dataclass(frozen=True)
class Mention:
    """A place named in a text: the span as written and the place it was resolved to."""

    text: str
    start: int  # character offsets into the article text as read (str indices)
    end: int
    place: Place
    confidence: float
    role: str = "literal"  # one of MENTION_ROLES: only literal mentions locate events

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": p.name,
            "lat": p.lat, "lon": p.lon, "kind": p.kind, "country_code": p.country_code,
            "confidence": round(self.confidence, 3), "place_id": p.id, "role": self.role,
            "precision": p.precision, "extent_km": p.extent_km,
        }


@dataclass(frozen=True)
class DateRef:
    """A temporal expression found in a text, resolved against the publication date.

    ``date``/``date_end`` bound the interval it denotes (equal for a single day). ``precision`` is
    one of DATE_PRECISIONS; ``as_of`` means "no date in the text, reported as of publication".
    """

    text: str
    start: int
    end: int
    date: date
    date_end: date
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "date": self.date.isoformat(),
            "date_end": self.date_end.isoformat(), "precision": self.precision,
        }


@dataclass
class Article:
    """One news article as loaded from disk: text exactly as read, furniture marked in ``excluded``."""

    id: str  # file stem, unique within a corpus
    file: str  # file name relative to the corpus folder
    title: str
    source: str
    url: str
    published: date | None  # None: undated, shown as such, never guessed
    published_from: str  # "manifest", "text" (a date written in the article), or "" when undated
    text: str
    notes: str = ""
    excluded: tuple[tuple[int, int], ...] = ()  # spans of site furniture (appeals, credits), never read for events

    @property
    def undated(self) -> bool:
        return self.published is None


@dataclass(frozen=True)
class Source:
    """Where an event was reported: one article and the sentence that supports it."""

    article_id: str
    file: str
    title: str
    source: str
    url: str
    published: str  # ISO date or ""
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _source(s: dict[str, Any] | str) -> Source:
    """A source as ``Source.to_dict()`` writes it, or the file name alone (the CLI's ``extract --json``)."""
    if isinstance(s, str):
        return Source(article_id=s.rsplit(".", 1)[0], file=s, title="", source="", url="", published="", quote="",
                      start=0, end=0)
    if not isinstance(s, dict):
        raise TypeError(f"a source is an object or a file name, not {type(s).__name__}")
    return Source(**{k: s.get(k, "" if k not in ("start", "end") else 0) for k in Source.__dataclass_fields__})


@dataclass
class Event:
    """A dated, located, typed claim extracted from an article, with its evidence."""

    id: str
    type: str  # one of EVENT_TYPES
    status: str  # one of EVENT_STATUSES
    date: date | None
    date_end: date | None
    date_precision: str  # one of DATE_PRECISIONS, or "" when the article itself is undated
    place: Place | None
    origin: Place | None = None
    destination: Place | None = None
    actors: tuple[str, ...] = ()
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.5
    article_id: str = ""
    date_text: str = ""  # the expression the date came from ("" when as of publication)
    sources: list[Source] = field(default_factory=list)
    review: str = ""  # analyst decision: "" (unreviewed), "confirm", "edit" or "add"
    inferred: tuple[str, ...] = ()  # "origin" / "destination": ends not named in the sentence, read from the article

    @property
    def is_movement(self) -> bool:
        return self.type in MOVEMENT_TYPES and self.origin is not None and self.destination is not None

    def to_dict(self) -> dict[str, Any]:
        def pl(p: Place | None) -> dict[str, Any] | None:
            if p is None:
                return None
            return {"name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind, "country_code": p.country_code, "id": p.id}

        return {
            "id": self.id, "type": self.type, "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision, "date_text": self.date_text,
            "place": pl(self.place), "origin": pl(self.origin), "destination": pl(self.destination),
            "actors": list(self.actors), "quote": self.quote, "start": self.start, "end": self.end,
            "confidence": round(self.confidence, 3), "article_id": self.article_id,
            "sources": [s.to_dict() for s in self.sources], "review": self.review, "inferred": list(self.inferred),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """The inverse of ``to_dict`` (events exported by the CLI or another run, read back)."""

        def pl(v: dict[str, Any] | None) -> Place | None:
            if not v:
                return None
            return Place(id=str(v.get("id") or ""), name=str(v["name"]), lat=float(v["lat"]), lon=float(v["lon"]),
                         kind=str(v.get("kind") or "city"), country_code=str(v.get("country_code") or ""))

        def day(v: Any) -> date | None:
            return date.fromisoformat(v) if v else None

        return cls(
            id=str(d["id"]), type=str(d["type"]), status=str(d.get("status") or "reported"),
            date=day(d.get("date")), date_end=day(d.get("date_end")), date_precision=str(d.get("date_precision") or ""),
            place=pl(d.get("place")), origin=pl(d.get("origin")), destination=pl(d.get("destination")),
            actors=tuple(d.get("actors") or ()), quote=str(d.get("quote") or ""), start=int(d.get("start") or 0),
            end=int(d.get("end") or 0), confidence=float(d.get("confidence") or 0.5),
            article_id=str(d.get("article_id") or ""), date_text=str(d.get("date_text") or ""),
            sources=[_source(s) for s in d.get("sources") or ()],
            review=str(d.get("review") or ""), inferred=tuple(d.get("inferred") or ()),
        )
