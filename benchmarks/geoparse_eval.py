"""Geoparsing evaluation: recognition (P/R/F1 on spans) and geocoding (share within 161 km, median error).

    python -m benchmarks.geoparse_eval [--geovirus PATH] [--jsonl PATH ...] [--errors N] [--json OUT]

Datasets:
* GeoVirus (Gritta et al. 2018; WikiNews, CC BY 2.5): ``../shared/eval/GeoVirus.xml`` by default. It labels
  only the locations relevant to each story (no adjectives, no organisations), so precision against
  it is a lower bound.
* ``benchmarks/data/syria_theatre.jsonl``: our own labelled Syria-theatre sentences written from public facts.

Matching: a predicted span matches a gold span when they overlap (``strict`` also reports exact
matches). Geocoding is scored on matched pairs by great-circle distance.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from geodata.gazetteer import haversine_km, load_gazetteer
from geodata.geoparse import find_mentions

ROOT = Path(__file__).resolve().parent.parent
GEOVIRUS = ROOT.parent / "shared" / "eval" / "GeoVirus.xml"
SYRIA = ROOT / "benchmarks" / "data" / "syria_theatre.jsonl"


@dataclass
class Doc:
    id: str
    text: str
    gold: list[dict]  # {name, start, end, lat, lon}


def load_geovirus(path: Path) -> list[Doc]:
    docs = []
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            name, start, end = loc.findtext("name"), int(loc.findtext("start")), int(loc.findtext("end"))
            if text[start:end] != name and text[start - 1:end - 1] == name:
                start, end = start - 1, end - 1  # the file's offsets are 1-based
            gold.append({"name": name, "start": start, "end": end,
                         "lat": float(loc.findtext("lat")), "lon": float(loc.findtext("lon"))})
        docs.append(Doc(f"geovirus-{i}", text, gold))
    return docs


def load_jsonl(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs.append(Doc(d["id"], d["text"], d["locations"]))
    return docs


def evaluate(docs: list[Doc], gaz, max_errors: int = 0) -> dict:
    tp = fp = fn = strict_tp = 0
    dists: list[float] = []
    local: list[float] = []  # predicted place smaller than a country (towns, provinces, facilities)
    point: list[float] = []  # predicted place is a town or a facility
    errors: list[str] = []
    t0 = time.perf_counter()
    chars = 0
    for doc in docs:
        chars += len(doc.text)
        pred = find_mentions(doc.text, gaz)
        used: set[int] = set()
        for g in doc.gold:
            hit = next((i for i, m in enumerate(pred) if i not in used and m.start < g["end"] and g["start"] < m.end), None)
            if hit is None:
                fn += 1
                if len(errors) < max_errors:
                    errors.append(f"MISS {doc.id}: {g['name']!r}")
                continue
            used.add(hit)
            tp += 1
            m = pred[hit]
            strict_tp += (m.start, m.end) == (g["start"], g["end"])
            d = haversine_km(g["lat"], g["lon"], m.place.lat, m.place.lon)
            dists.append(d)
            if m.place.kind not in ("country", "region", "sea"):
                local.append(d)
            if m.place.kind in ("city", "air_base", "naval_base", "military_base", "airport", "port"):
                point.append(d)
            if d > 161 and len(errors) < max_errors:
                errors.append(f"FAR  {doc.id}: {g['name']!r} -> {m.place.name} ({m.place.kind}, {m.place.country_code}) {d:.0f} km")
        for i, m in enumerate(pred):
            if i not in used:
                fp += 1
                if len(errors) < max_errors:
                    errors.append(f"FP   {doc.id}: {m.text!r} -> {m.place.name} ({m.place.kind}, {m.place.country_code})")
    secs = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    within = sum(d <= 161 for d in dists)
    return {
        "docs": len(docs), "gold": tp + fn, "predicted": tp + fp,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
        "strict_span_share": round(strict_tp / tp, 3) if tp else 0.0,
        "within_161km": round(within / len(dists), 3) if dists else 0.0,
        "median_error_km": round(statistics.median(dists), 1) if dists else None,
        "gold_recognised_and_within_161km": round(within / (tp + fn), 3) if tp + fn else 0.0,
        "within_161km_below_country": round(sum(d <= 161 for d in local) / len(local), 3) if local else None,
        "within_10km_towns_and_bases": round(sum(d <= 10 for d in point) / len(point), 3) if point else None,
        "mb_per_s": round(chars / 1e6 / secs, 2) if secs else None,
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geovirus", type=Path, default=GEOVIRUS)
    ap.add_argument("--jsonl", type=Path, nargs="*", default=[SYRIA])
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses, far geocodes and false positives")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    args = ap.parse_args()
    gaz = load_gazetteer()
    sets = {}
    if args.geovirus and args.geovirus.exists():
        sets["GeoVirus"] = load_geovirus(args.geovirus)
    for path in args.jsonl:
        if path.exists():
            sets[path.stem] = load_jsonl(path)
    results = {}
    print(f"{'set':<16}{'docs':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'exact':>7}{'<161km':>8}{'median km':>10}"
          f"{'<161 sub-country':>17}{'<10km towns/bases':>18}{'MB/s':>7}")
    for name, docs in sets.items():
        res = evaluate(docs, gaz, args.errors)
        results[name] = {k: v for k, v in res.items() if k != "errors"}
        print(f"{name:<16}{res['docs']:>6}{res['gold']:>6}{res['precision']:>7.3f}{res['recall']:>7.3f}{res['f1']:>7.3f}"
              f"{res['strict_span_share']:>7.2f}{res['within_161km']:>8.3f}{res['median_error_km'] or 0:>10.1f}"
              f"{res['within_161km_below_country'] or 0:>17.3f}{res['within_10km_towns_and_bases'] or 0:>18.3f}{res['mb_per_s'] or 0:>7.2f}")
        for e in res["errors"]:
            print("   ", e)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
