"""Tables and GeoJSON (RFC 7946: [lon, lat], WGS 84) from pipeline records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pandas as pd

from geodata.installations import Installation
from geodata.models import Event, Place

EVENT_COLUMNS = [
    "id", "type", "status", "date", "date_end", "date_precision", "date_text", "place", "lat", "lon", "kind",
    "origin", "origin_lat", "origin_lon", "destination", "dest_lat", "dest_lon", "actors", "quote",
    "article_id", "title", "source", "published", "n_sources", "sources", "confidence", "review",
]


def _name(p: Place | None) -> str:
    return p.name if p else ""


def events_frame(events: list[Event]) -> pd.DataFrame:
    rows = []
    for ev in events:
        first = ev.sources[0] if ev.sources else None
        rows.append({
            "id": ev.id, "type": ev.type, "status": ev.status,
            "date": pd.Timestamp(ev.date) if ev.date else pd.NaT,
            "date_end": pd.Timestamp(ev.date_end) if ev.date_end else pd.NaT,
            "date_precision": ev.date_precision, "date_text": ev.date_text,
            "place": _name(ev.place), "lat": ev.place.lat if ev.place else None, "lon": ev.place.lon if ev.place else None,
            "kind": ev.place.kind if ev.place else "",
            "origin": _name(ev.origin), "origin_lat": ev.origin.lat if ev.origin else None,
            "origin_lon": ev.origin.lon if ev.origin else None,
            "destination": _name(ev.destination), "dest_lat": ev.destination.lat if ev.destination else None,
            "dest_lon": ev.destination.lon if ev.destination else None,
            "actors": ", ".join(ev.actors), "quote": ev.quote, "article_id": ev.article_id,
            "title": first.title if first else "", "source": first.source if first else "",
            "published": first.published if first else "", "n_sources": len({s.article_id for s in ev.sources}),
            "sources": "; ".join(f"{s.source}: {s.title} ({s.published or 'undated'})" for s in ev.sources),
            "confidence": round(ev.confidence, 3), "review": ev.review,
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


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


def installations_geojson(insts: list[Installation], on: date | None) -> dict[str, Any]:
    feats = []
    for inst in insts:
        p = inst.place
        feats.append({
            "type": "Feature", "id": p.id, "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {"feature": "installation", "name": p.name, "kind": p.kind, "country_code": p.country_code,
                           "status": inst.status_on(on), "as_of": on.isoformat() if on else None,
                           "events": [eid for _, _, eid in inst.timeline]},
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
