"""Command line: ``python -m geodata geocode|places|extract`` (a stable contract; see README).

Exit codes: 0 every readable input was processed (files that cannot be read are reported on stderr);
1 ``geocode`` found nothing; 2 bad arguments, or with ``--strict`` any input that could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from geodata.corpus import ArticleError, decode_article, make_article, mark_boilerplate
from geodata.events import merge_events
from geodata.gazetteer import load_gazetteer
from geodata.gazetteer.online import FallbackGeocoder, OnlineFallback
from geodata.geocoder import OfflineGazetteer
from geodata.geoparse import find_mentions
from geodata.pipeline import build, process_article
from geodata.settings import Settings

UNREADABLE = 2  # the exit code of --strict when an input could not be read, and of bad arguments


def _print(obj, as_json: bool) -> None:
    print(json.dumps(obj, ensure_ascii=False) if as_json else obj)


def cmd_geocode(args, settings: Settings) -> int:
    online = OnlineFallback.from_settings(settings) if args.online else None
    chain = FallbackGeocoder(OfflineGazetteer(load_gazetteer(settings)), online)
    loc = chain.geocode(args.name)
    if loc is None:
        where = "the offline gazetteer" + (" or the online geocoder" if online else " (online lookup is off: --online)")
        print(f"not found: {args.name!r} is not in {where}", file=sys.stderr)
        if online and online.last_error:
            print(online.last_error, file=sys.stderr)
        return 1
    r = loc.raw
    if "kind" in r:
        out = {"name": r["name"], "lat": r["lat"], "lon": r["lon"], "kind": r["kind"], "country_code": r["country_code"],
               "source": r["source"], "confidence": r["confidence"]}
    else:  # the online fallback answered
        out = {"name": loc.address, "lat": loc.latitude, "lon": loc.longitude, "kind": r.get("type", "unknown"),
               "country_code": "", "source": "online:nominatim", "confidence": 0.5}
    if args.json:
        _print(out, True)
    else:
        print(f"{out['name']}\t{out['lat']:.4f}\t{out['lon']:.4f}\t{out['kind']}\t{out['country_code']}\t{out['confidence']}")
    return 0


def _read(path: Path) -> str | None:
    """The file's text, or None after telling stderr why it cannot be used."""
    try:
        return decode_article(path.read_bytes(), str(path))
    except (ArticleError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def cmd_places(args, settings: Settings) -> int:
    gaz = load_gazetteer(settings)
    unreadable = 0
    for f in args.files:
        path = Path(f)
        text = _read(path)
        if text is None:
            unreadable += 1
            continue
        mentions = [m.to_dict() for m in find_mentions(text, gaz, roi=settings.roi)]
        if args.json:
            _print({"file": f, "places": mentions}, True)
        else:
            print(f)
            for m in mentions:
                print(f"  {m['start']}-{m['end']}\t{m['text']}\t{m['name']}\t{m['lat']:.4f},{m['lon']:.4f}\t{m['kind']}")
    return _status(args, unreadable)


def _status(args, unreadable: int) -> int:
    """0 when every readable input was processed; with ``--strict``, UNREADABLE if any input could not be read."""
    return UNREADABLE if unreadable and getattr(args, "strict", False) else 0


def cmd_extract(args, settings: Settings) -> int:
    published = date.fromisoformat(args.published) if args.published else None
    results, unreadable = [], 0
    final: dict[str, object] = {}  # event id -> the event as the corpus has it (merged, analysts' decisions applied)
    rejected: set[str] = set()
    loaded: list = []

    def gazetteer():  # loaded once, and only if an article has to be read (a cached corpus needs none)
        if not loaded:
            loaded.append(load_gazetteer(settings))
        return loaded[0]

    for f in args.paths:
        path = Path(f)
        if path.is_dir():  # the pipeline's one entry, as the app builds it: cache, curations.csv applied
            corpus = build(path, settings, gaz_loader=gazetteer)
            for err in corpus.errors:
                print(f"error: {err.file}: {err.error}", file=sys.stderr)
                unreadable += 1
            for w in corpus.warnings:
                print(f"warning: {path}: {w}", file=sys.stderr)
            results.extend(corpus.articles)
            final.update({e.id: e for e in corpus.events})
            rejected |= set(corpus.review.rejected)
            continue
        text = _read(path)
        if text is None:
            unreadable += 1
            continue
        meta = {"published": published.isoformat()} if published else {}
        article, _ = make_article(path.name, text, meta)
        results.append(process_article(mark_boilerplate([article])[0], gazetteer(), settings.roi))
    loose = [e for r in results for e in r.events if e.id not in final and e.id not in rejected]
    merged = {**{e.id: e for e in merge_events(loose)}, **final}
    if args.jsonl:  # one event a line, as read_events reads them back (Settings.events_file)
        seen: set[str] = set()
        for r in results:
            for e in r.events:
                ev = merged.get(e.id, e)
                if e.id not in rejected and ev.id not in seen:
                    seen.add(ev.id)
                    print(json.dumps(ev.to_dict(), ensure_ascii=False))
        return _status(args, unreadable)
    out = {"articles": []}
    for r in results:
        a = r.article
        evs = [merged[e.id].to_dict() if e.id in merged else e.to_dict() for e in r.events if e.id not in rejected]
        for ev in evs:
            ev["sources"] = [s["file"] for s in ev["sources"]]
        out["articles"].append({
            "file": a.file, "title": a.title, "published": a.published.isoformat() if a.published else None,
            "places": [m.to_dict() for m in r.mentions], "events": evs,
        })
    if args.json:
        _print(out, True)
    else:
        for art in out["articles"]:
            print(f"{art['file']}  ({art['published'] or 'undated'})  {art['title']}")
            for ev in art["events"]:
                where = ev["place"]["name"] if ev["place"] else "-"
                if ev["origin"] and ev["destination"]:
                    where = f"{ev['origin']['name']} -> {ev['destination']['name']}"
                print(f"  {ev['date'] or '????-??-??'} {ev['date_precision']:<6} {ev['type']:<14} {ev['status']:<10} {where}")
    return _status(args, unreadable)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m geodata", description="Offline geoparsing and event extraction for news.",
                                epilog="exit codes: 0 every readable input processed; 1 geocode found nothing; "
                                       f"{UNREADABLE} bad arguments, or (--strict) an input could not be read")
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("geocode", help="best gazetteer match for a place name")
    g.add_argument("name")
    g.add_argument("--json", action="store_true")
    g.add_argument("--online", action="store_true", help="ask Nominatim (rate limited, cached) when offline misses")
    g.set_defaults(func=cmd_geocode)
    pl = sub.add_parser("places", help="place mentions in text files")
    pl.add_argument("files", nargs="+")
    pl.add_argument("--json", action="store_true")
    pl.add_argument("--strict", action="store_true", help=f"exit {UNREADABLE} if any file could not be read")
    pl.set_defaults(func=cmd_places)
    ex = sub.add_parser("extract", help="events from article files or corpus folders")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("--published", help="publication date YYYY-MM-DD for single files")
    ex.add_argument("--json", action="store_true")
    ex.add_argument("--jsonl", action="store_true", help="one event a line (Event.to_dict), as the app imports them (Settings.events_file)")
    ex.add_argument("--strict", action="store_true", help=f"exit {UNREADABLE} if any file could not be read")
    ex.set_defaults(func=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "published", None):
        try:
            date.fromisoformat(args.published)
        except ValueError:
            print(f"error: --published {args.published!r} is not YYYY-MM-DD", file=sys.stderr)
            return UNREADABLE
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return UNREADABLE
    return args.func(args, settings)
