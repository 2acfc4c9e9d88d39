"""Tables and GeoJSON (RFC 7946: [lon, lat], WGS 84) from pipeline records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from geodata.borders import border_point
from geodata.gcpause import gc_paused
from geodata.installations import Installation
from geodata.models import DATE_PRECISIONS, EVENT_TYPES, Event, Place
from geodata.vocabulary import VOCABULARY

PRECISION = {k.name: k.precision for k in VOCABULARY.place_kinds}  # how precise a place of each kind is

EVENT_COLUMNS = [
    "id", "type", "status", "date", "date_end", "date_precision", "date_text", "place", "lat", "lon", "kind",
    "origin", "origin_lat", "origin_lon", "destination", "dest_lat", "dest_lon", "actors", "quote",
    "article_id", "title", "source", "published", "n_sources", "sources", "confidence", "review",
]


Names = Mapping[str, str]  # place id -> display name (geodata.names.display_names); the gazetteer's name otherwise


def _name(p: Place | None, names: Names | None = None) -> str:
    if p is None:
        return ""
    return names.get(p.id, p.name) if names else p.name


def events_frame(events: list[Event], names: Names | None = None) -> pd.DataFrame:
    """One row per event (built column by column: 100,000 events in about a second); places by display name
    when ``names`` is given."""
    with gc_paused():
        return _events_frame(events, names)


def _events_frame(events: list[Event], names: Names | None) -> pd.DataFrame:
    def col(fn):
        return [fn(ev) for ev in events]

    def coord(attr: str, axis: str):
        return col(lambda ev: getattr(getattr(ev, attr), axis) if getattr(ev, attr) is not None else None)

    firsts = [ev.sources[0] if ev.sources else None for ev in events]
    data = {
        "id": col(lambda ev: ev.id), "type": col(lambda ev: ev.type), "status": col(lambda ev: ev.status),
        "date": pd.to_datetime(col(lambda ev: ev.date)), "date_end": pd.to_datetime(col(lambda ev: ev.date_end)),
        "date_precision": col(lambda ev: ev.date_precision), "date_text": col(lambda ev: ev.date_text),
        "place": col(lambda ev: _name(ev.place, names)), "lat": coord("place", "lat"), "lon": coord("place", "lon"),
        "kind": col(lambda ev: ev.place.kind if ev.place else ""),
        "origin": col(lambda ev: _name(ev.origin, names)), "origin_lat": coord("origin", "lat"),
        "origin_lon": coord("origin", "lon"),
        "destination": col(lambda ev: _name(ev.destination, names)), "dest_lat": coord("destination", "lat"),
        "dest_lon": coord("destination", "lon"),
        "actors": col(lambda ev: ", ".join(ev.actors)), "quote": col(lambda ev: ev.quote),
        "article_id": col(lambda ev: ev.article_id),
        "title": [f.title if f else "" for f in firsts], "source": [f.source if f else "" for f in firsts],
        "published": [f.published if f else "" for f in firsts],
        "n_sources": col(lambda ev: len({s.article_id for s in ev.sources})),
        "sources": col(lambda ev: "; ".join(f"{s.source}: {s.title} ({s.published or 'undated'})" for s in ev.sources)),
        "confidence": col(lambda ev: round(ev.confidence, 3)), "review": col(lambda ev: ev.review),
    }
    return pd.DataFrame(data, columns=EVENT_COLUMNS)


def _props(ev: Event) -> dict[str, Any]:
    d = ev.to_dict()
    for k in ("place", "origin", "destination"):
        d[k] = d[k]["name"] if d[k] else None
    return d


def events_geojson(events: list[Event]) -> dict[str, Any]:
    """Events as Points at their place; movements also as LineStrings origin -> destination."""
    feats = []
    for ev in events:
        if ev.place is None:
            continue
        props = _props(ev)
        feats.append({"type": "Feature", "id": ev.id, "geometry": {"type": "Point", "coordinates": [ev.place.lon, ev.place.lat]},
                      "properties": {**props, "feature": "event"}})
        if ev.origin is not None and ev.destination is not None:
            line = [[ev.origin.lon, ev.origin.lat], [ev.destination.lon, ev.destination.lat]]
            feats.append({"type": "Feature", "id": f"{ev.id}-leg", "geometry": {"type": "LineString", "coordinates": line},
                          "properties": {**props, "feature": "movement"}})
    return {"type": "FeatureCollection", "features": feats}


def installations_geojson(insts: list[Installation], on: date | None, names: Names | None = None) -> dict[str, Any]:
    """Installations with their status on ``on`` and how many events concern them up to that day."""
    feats = []
    for inst in insts:
        p = inst.place
        n = sum(1 for when, _, _ in inst.timeline if on is None or when <= on)
        feats.append({
            "type": "Feature", "id": p.id, "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {"feature": "installation", "name": _name(p, names), "kind": p.kind, "country_code": p.country_code,
                           "status": inst.status_on(on), "as_of": on.isoformat() if on else None, "n_events": n},
        })
    return {"type": "FeatureCollection", "features": feats}


def export_csv(events: list[Event]) -> bytes:
    """The events with their citations, as UTF-8 CSV (one row per event; sources joined by "; ")."""
    return events_frame(events).drop(columns=["kind"]).to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def export_geojson(events: list[Event]) -> bytes:
    """RFC 7946 FeatureCollection of the events (points) and movement legs (lines), with citations."""
    return json.dumps(events_geojson(events), ensure_ascii=False, indent=1).encode("utf-8")


def mentions_geojson(results, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """Every place read in the articles published in [start, end] (undated articles always), one point per
    place with how often and in how many articles it was named."""
    agg: dict[str, dict[str, Any]] = {}
    for r in results:
        pub = r.article.published
        if pub is not None and ((start and pub < start) or (end and pub > end)):
            continue
        for m in r.mentions:
            a = agg.setdefault(m.place.id, {"place": m.place, "count": 0, "articles": set(), "texts": set()})
            a["count"] += 1
            a["articles"].add(r.article.id)
            a["texts"].add(m.text)
    feats = [{"type": "Feature", "id": pid, "geometry": {"type": "Point", "coordinates": [a["place"].lon, a["place"].lat]},
              "properties": {"feature": "mention", "name": a["place"].name, "kind": a["place"].kind, "count": a["count"],
                             "articles": len(a["articles"]), "texts": ", ".join(sorted(a["texts"]))[:200]}}
             for pid, a in agg.items()]
    return {"type": "FeatureCollection", "features": feats}


MAP_EPOCH = date(1970, 1, 1)


def quote_marks(events: list[Event], articles) -> dict[str, list[tuple[int, int, str]]]:
    """For each event, the places and dates the machine read inside its quote, as ``(start, end, kind)``
    offsets into the quote (kind ``place`` or ``date``), so a popup can highlight them."""
    by_id = {r.article.id: r for r in articles}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for ev in events:
        r = by_id.get(ev.article_id)
        if r is None or r.article.text[ev.start:ev.end] != ev.quote:
            continue
        spans = [(m.start - ev.start, m.end - ev.start, "place") for m in r.mentions if ev.start <= m.start and m.end <= ev.end]
        spans += [(d.start - ev.start, d.end - ev.start, "date") for d in r.dates if ev.start <= d.start and d.end <= ev.end]
        kept, last = [], -1
        for a, b, kind in sorted(spans):
            if a >= last:  # no overlaps: the first span wins
                kept.append((a, b, kind))
                last = b
        out[ev.id] = kept
    return out


def _popup(ev: Event, marks: list[tuple[int, int, str]] | None = None, names: Names | None = None) -> dict[str, Any]:
    """What a map popup shows for one event (article text included: the map puts it on the page as text)."""
    return {
        "marks": [list(m) for m in marks or ()],
        "type": ev.type, "status": ev.status, "date": ev.date.isoformat() if ev.date else None,
        "date_end": ev.date_end.isoformat() if ev.date_end else None, "date_precision": ev.date_precision,
        "date_text": ev.date_text, "place": _name(ev.place, names) or None,
        "origin": _name(ev.origin, names) or None, "destination": _name(ev.destination, names) or None, "actors": list(ev.actors), "quote": ev.quote,
        "sources": [{"source": s.source, "title": s.title, "published": s.published} for s in ev.sources],
        "confidence": round(ev.confidence, 3), "review": ev.review, "id": ev.id,
    }


def map_dataset(events: list[Event], marks: dict[str, list[tuple[int, int, str]]] | None = None,
                names: Names | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The events as the map draws them: a compact columnar table plus the popup details, kept apart.

    The *draw* table holds one row per event, in the order of ``events`` (so a filter is a bit mask over
    it): indices into a table of distinct places, type and precision codes, and dates as day numbers.
    It is what the map loads to draw (about 30 bytes an event); the *details* (quotes, sources) are
    fetched only when a popup or tooltip needs them. Placeless events get ``p = -1`` and are never drawn.
    ``marks`` (from ``quote_marks``) lets popups highlight the places and dates in each quote.
    ``names`` (``geodata.names.display_names``) gives places the names a briefing uses.
    """
    with gc_paused():
        return _map_dataset(events, marks, names)


def _map_dataset(events: list[Event], marks: dict[str, list[tuple[int, int, str]]] | None, names: Names | None,
                 ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    places: dict[str, int] = {}
    table: list[list[Any]] = []

    def ref(p: Place | None, toward: Place | None = None) -> int:
        """The row of ``p`` in the places table: [name, lon, lat, kind, precision, extent_km]. A country-level end of a
        movement (``toward``: its other end, elsewhere) is drawn at that country's border point nearest the other
        end, a row of its own that says so, never at the country's centroid."""
        if p is None:
            return -1
        key = p.id or f"{p.name}@{p.lat:.5f},{p.lon:.5f}"
        precision = PRECISION.get(p.kind, "point")
        lat, lon, name = p.lat, p.lon, _name(p, names)
        if precision == "country" and toward is not None and toward.country_code != p.country_code:
            border = border_point(p.country_code, toward.lat, toward.lon)
            if border is not None:
                lat, lon = border
                key, name = f"{key}@{lat:.3f},{lon:.3f}", f"{name} (country-level)"
        if key not in places:
            places[key] = len(table)
            table.append([name, round(lon, 5), round(lat, 5), p.kind, precision, round(p.extent_km, 1)])
        return places[key]

    types = {t: i for i, t in enumerate(EVENT_TYPES)}
    for ev in events:  # a type the vocabulary does not know (imported events) keeps its own name, drawn grey
        if ev.type not in types:
            types[ev.type] = len(types)
    precisions = {p: i for i, p in enumerate(("", *DATE_PRECISIONS))}
    cols: dict[str, list[int]] = {k: [] for k in ("p", "o", "d", "t", "pr", "d0", "d1", "inf")}
    for ev in events:
        cols["p"].append(ref(ev.place))
        moving = ev.origin is not None and ev.destination is not None
        cols["o"].append(ref(ev.origin, ev.destination) if moving else -1)
        cols["d"].append(ref(ev.destination, ev.origin) if moving else -1)
        cols["t"].append(types[ev.type])
        cols["pr"].append(precisions.get(ev.date_precision, 0))
        start = (ev.date - MAP_EPOCH).days if ev.date else -1
        cols["d0"].append(start)
        cols["d1"].append(((ev.date_end or ev.date) - ev.date).days if ev.date else 0)
        # ends read from the article, not the sentence (Event.inferred): 1 the origin, 2 the destination
        cols["inf"].append((1 if "origin" in ev.inferred else 0) | (2 if "destination" in ev.inferred else 0) if moving else 0)
    draw = {"version": 1, "n": len(events), "epoch": MAP_EPOCH.isoformat(), "types": list(types),
            "precisions": list(precisions), "places": table, "vocabulary": VOCABULARY.as_dict(), **cols}
    marks = marks or {}
    return draw, [_popup(ev, marks.get(ev.id), names) for ev in events]
