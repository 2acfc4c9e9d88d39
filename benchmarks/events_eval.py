"""Event extraction evaluation on labelled articles.

    python -m benchmarks.events_eval [--jsonl benchmarks/data/events_set.jsonl] [--errors N]

A predicted event matches a gold event when its sentence overlaps the gold sentence and the types
agree (each gold event matches at most one prediction). Reported:

* found: share of gold events matched (recall); real: share of predictions matched (precision);
* day dates exact: among matched gold events dated to the day, share whose predicted date is that day;
* dates exact (any precision): predicted [date, date_end] equals gold;
* movements right: among matched gold events with an origin or destination, share where both
  ends agree (the predicted place bears the gold name, spelling variants and feature words such as
  "air base" aside; or it lies within 50 km of the gold name geocoded with the offline gazetteer; for
  a gold country, any place in that country).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from geodata.corpus import make_article, mark_boilerplate
from geodata.events import merge_events
from geodata.gazetteer import haversine_km, load_gazetteer
from geodata.gazetteer.normalize import name_keys, skeleton
from geodata.geocoder import OfflineGazetteer
from geodata.pipeline import process_article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "benchmarks" / "data" / "events_set.jsonl"


FEATURE_WORDS = re.compile(r"\b(?:international|airport|air ?base|naval (?:base|facility)|port of|port|base)\b", re.I)


def _name_skeletons(name: str) -> set[str]:
    bare = " ".join(FEATURE_WORDS.sub(" ", name).split())
    return {skeleton(k) for k in name_keys(bare or name)}


def _same_place(gold_name: str | None, pred, geo: OfflineGazetteer) -> bool:
    """Gold ends are names: right when the predicted place is called that (spelling and feature words
    aside: "al-Khadim" is "Al Khadim Airport"), or when the gold name geocodes within 50 km of it."""
    if not gold_name:
        return pred is None
    if pred is None:
        return False
    if _name_skeletons(gold_name) & _name_skeletons(pred.name):
        return True
    g = geo.place(gold_name)
    if g is None:
        return False
    if g.kind == "country":  # "Syria" is right for "northern Syria" or a town in Syria
        return pred.country_code == g.country_code
    return g.id == pred.id or haversine_km(g.lat, g.lon, pred.lat, pred.lon) <= 50


def evaluate(path: Path, max_errors: int = 0) -> dict:
    gaz = load_gazetteer()
    geo = OfflineGazetteer(gaz)
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n_gold = n_pred = tp = 0
    day_total = day_ok = date_ok = 0
    move_total = move_ok = 0
    errors: list[str] = []
    for d in docs:
        art, _ = make_article(f"{d['id']}.txt", d["text"], {"published": d["published"], "title": d["title"], "source": d["source"]})
        res = process_article(mark_boilerplate([art])[0], gaz)
        preds = merge_events(list(res.events))  # as the product shows them: a repeated claim is one event
        n_pred += len(preds)
        n_gold += len(d["events"])
        used: set[int] = set()
        for g in d["events"]:
            gs = d["text"].find(g["sentence"])
            ge = gs + len(g["sentence"])
            hit = next((i for i, p in enumerate(preds) if i not in used and p.type == g["type"]
                        and any(src.start < ge and gs < src.end for src in p.sources)), None)
            if hit is None:
                if len(errors) < max_errors:
                    errors.append(f"MISS {d['id']} {g['type']}: {g['sentence'][:110]}")
                continue
            used.add(hit)
            tp += 1
            p = preds[hit]
            gd, gde = date.fromisoformat(g["date"]), date.fromisoformat(g["date_end"])
            if (p.date, p.date_end) == (gd, gde):
                date_ok += 1
            if g["date_precision"] == "day":
                day_total += 1
                if p.date == gd and p.date_end == gde:
                    day_ok += 1
                elif len(errors) < max_errors:
                    errors.append(f"DATE {d['id']}: gold {gd} got {p.date} ({p.date_text!r}) in {g['sentence'][:80]}")
            if g.get("origin") or g.get("destination"):
                move_total += 1
                ok = _same_place(g.get("origin"), p.origin, geo) and _same_place(g.get("destination"), p.destination, geo)
                move_ok += ok
                if not ok and len(errors) < max_errors:
                    errors.append(f"MOVE {d['id']}: gold {g.get('origin')} -> {g.get('destination')}, got "
                                  f"{p.origin.name if p.origin else None} -> {p.destination.name if p.destination else None}")
        for i, p in enumerate(preds):
            if i not in used and len(errors) < max_errors:
                errors.append(f"FP   {d['id']} {p.type}: {p.quote[:110]}")
    return {
        "articles": len(docs), "gold_events": n_gold, "predicted": n_pred,
        "found": round(tp / n_gold, 3) if n_gold else 0.0,
        "real": round(tp / n_pred, 3) if n_pred else 0.0,
        "day_dates_exact": round(day_ok / day_total, 3) if day_total else None,
        "dates_exact": round(date_ok / tp, 3) if tp else None,
        "movements_right": round(move_ok / move_total, 3) if move_total else None,
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    res = evaluate(args.jsonl, args.errors)
    for k, v in res.items():
        if k != "errors":
            print(f"{k:<18}{v}")
    for e in res["errors"]:
        print("   ", e)


if __name__ == "__main__":
    main()
