"""Geoparsing evaluation: recognition (P/R/F1 on spans) and geocoding (share within 161 km, median error).

    python -m benchmarks.geoparse_eval [--geovirus PATH] [--jsonl PATH ...] [--real DIR] [--errors N] [--json OUT]

Datasets:
* GeoVirus (Gritta et al. 2018; WikiNews, CC BY 2.5): ``../shared/eval/GeoVirus.xml`` by default. It labels
  only the locations relevant to each story (no adjectives, no organisations), so precision against
  it is a lower bound.
* ``benchmarks/data/syria_theatre.jsonl``: our own labelled Syria-theatre sentences written from public facts.

* ``--real DIR``: the real-text development set (``benchmarks/data/real/*.jsonl``, see its GUIDELINE.md),
  scored per theatre: recognition counts gold toponyms of role literal or metonym (a predicted adjectival
  or organisation mention is neither a hit nor a false positive); "located" is the share of those gold
  places recognised and placed within the class's tolerance (town/base 10 km, district 50, province 90,
  region 120, feature 150, continent 500; country: the same country code), by class and by role.
  ``--errors`` lists errors for the development theatres only (``--dev``); the others are held out.

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
        # these sets label places used as locations: literal mentions are the predictions (a metonym, "Moscow
        # said", an adjective, "US-backed", an organisation's name, "Black Sea Fleet", are not)
        pred = [m for m in find_mentions(doc.text, gaz) if getattr(m, "role", "literal") == "literal"]
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


REAL = ROOT / "benchmarks" / "data" / "real"
DEV_THEATRES = ("russia-syria", "sahel", "ukraine")
TOLERANCE_KM = {"town": 10, "base": 10, "district": 50, "province": 90, "region": 120, "feature": 150, "continent": 500}
SCORED_ROLES = ("literal", "metonym")


def load_real(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def _located(g: dict, m) -> bool:
    if g.get("class") == "country":
        return bool(m.place.country_code) and m.place.country_code == g.get("country_code")
    tol = TOLERANCE_KM.get(g.get("class") or "", 10)
    return haversine_km(g["lat"], g["lon"], m.place.lat, m.place.lon) <= tol


def evaluate_real(records: list[dict], gaz, max_errors: int = 0, dev: tuple[str, ...] = DEV_THEATRES) -> dict:
    """Recognition and places located on the real-text set, per theatre (and "all"), by class and by role."""
    def blank() -> dict:
        return {"tp": 0, "fp": 0, "fn": 0, "chars": 0, "secs": 0.0, "class": {}, "role": {}}

    by: dict[str, dict] = {"all": blank()}
    errors: list[str] = []
    for rec in records:
        theatre = rec.get("theatre") or "?"
        t0 = time.perf_counter()
        pred = find_mentions(rec["text"], gaz)
        secs = time.perf_counter() - t0
        scored_pred = [m for m in pred if getattr(m, "role", "literal") in SCORED_ROLES]
        gold = [g for g in rec["places"] if g.get("role") in SCORED_ROLES]
        show = theatre in dev and len(errors) < max_errors
        counts = {"tp": 0, "fp": 0, "fn": 0}
        cells: list[tuple[str, str, bool]] = []
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, m in enumerate(scored_pred) if i not in used and m.start < g["end"] and g["start"] < m.end),
                       None)
            if hit is None:
                counts["fn"] += 1
                cells.append((g.get("class") or "?", g["role"], False))
                if show:
                    other = next((m for m in pred if m.start < g["end"] and g["start"] < m.end), None)
                    why = f" (read as {other.role})" if other is not None else ""
                    errors.append(f"MISS {rec['id']}: {g['text']!r} [{g.get('class')}, {g['role']}]{why}")
                continue
            used.add(hit)
            counts["tp"] += 1
            m = scored_pred[hit]
            ok = _located(g, m)
            cells.append((g.get("class") or "?", g["role"], ok))
            if not ok and show:
                d = haversine_km(g["lat"], g["lon"], m.place.lat, m.place.lon)
                errors.append(f"FAR  {rec['id']}: {g['text']!r} [{g.get('class')}] -> {m.place.name} "
                              f"({m.place.kind}, {m.place.country_code}) {d:.0f} km")
        for i, m in enumerate(scored_pred):
            if i not in used:
                counts["fp"] += 1
                if show:
                    g = next((g for g in rec["places"] if m.start < g["end"] and g["start"] < m.end), None)
                    why = f" (gold {g['role']})" if g is not None else ""
                    errors.append(f"FP   {rec['id']}: {m.text!r} -> {m.place.name} ({m.place.kind}, "
                                  f"{m.place.country_code}) as {m.role}{why}")
        for key in ("all", theatre):
            b = by.setdefault(key, blank())
            for k, v in counts.items():
                b[k] += v
            b["chars"] += len(rec["text"])
            b["secs"] += secs
            for cls, role, ok in cells:
                for table, name in ((b["class"], cls), (b["role"], role)):
                    n, k = table.get(name, (0, 0))
                    table[name] = (n + 1, k + ok)
    out = {}
    for key, b in by.items():
        tp, fp, fn = b["tp"], b["fp"], b["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        n = sum(v[0] for v in b["class"].values())
        k = sum(v[1] for v in b["class"].values())
        out[key] = {
            "gold": tp + fn, "predicted": tp + fp, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "located": round(k / n, 3) if n else 0.0,
            "by_class": {c: {"n": v[0], "located": round(v[1] / v[0], 3)} for c, v in sorted(b["class"].items())},
            "by_role": {c: {"n": v[0], "located": round(v[1] / v[0], 3)} for c, v in sorted(b["role"].items())},
            "mb_per_s": round(b["chars"] / 1e6 / b["secs"], 2) if b["secs"] else None,
        }
    out["all"]["errors"] = errors
    return out


def _print_real(res: dict, dev: tuple[str, ...]) -> None:
    classes = sorted({c for r in res.values() for c in r["by_class"]})
    print(f"\n{'real theatre':<16}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'located':>9}"
          + "".join(f"{c[:8]:>10}" for c in classes) + f"{'literal':>9}{'metonym':>9}")
    order = ["all"] + sorted(k for k in res if k != "all")
    for key in order:
        r = res[key]
        cell = [f"{r['by_class'][c]['located']:.2f}/{r['by_class'][c]['n']}" if c in r["by_class"] else "-" for c in classes]
        roles = [f"{r['by_role'][c]['located']:.2f}" if c in r["by_role"] else "-" for c in SCORED_ROLES]
        tag = key + ("*" if key in dev else "")
        print(f"{tag:<16}{r['gold']:>6}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['located']:>9.3f}"
              + "".join(f"{c:>10}" for c in cell) + "".join(f"{c:>9}" for c in roles))
    print("(* development theatres; located: share of gold literal+metonym places found and within the class's tolerance)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geovirus", type=Path, default=GEOVIRUS)
    ap.add_argument("--jsonl", type=Path, nargs="*", default=[SYRIA])
    ap.add_argument("--real", type=Path, nargs="?", const=REAL, default=None,
                    help=f"score the real-text set in DIR (default {REAL.relative_to(ROOT)})")
    ap.add_argument("--dev", default=",".join(DEV_THEATRES), help="theatres whose errors are listed (comma-separated)")
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
    if args.real is not None:
        dev = tuple(t for t in args.dev.split(",") if t)
        res = evaluate_real(load_real(args.real), gaz, args.errors, dev)
        errors = res["all"].pop("errors")
        results["real"] = res
        _print_real(res, dev)
        for e in errors:
            print("   ", e)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
