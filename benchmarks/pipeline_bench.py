"""Extraction throughput: articles and MB of text per second through ``process_article`` on one core.

    python -m benchmarks.pipeline_bench [--repeats N] [--articles N]

Each article goes through the whole of extract (place mentions, dates, events) as ``geodata.pipeline``
runs it. The gazetteer is loaded once, before any timing; every figure is the median of ``repeats``
runs over the same articles in one process (the first run is also reported: it pays for the lookups the
gazetteer memoises). MB are 10^6 characters of article text, as in ``benchmarks.geoparse_eval``. The
figures are wall-clock; ``extract_cpu_articles_per_s`` (process CPU time) is steadier on a busy machine.

Default articles: 200 of 1,000 words cut from real news text, the GeoVirus articles
(``../shared/eval/GeoVirus.xml``, when present) and the seed articles run together, article ``i``
starting at word ``1000 * i`` (wrapping round at the end, so every article has 1,000 words).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from datetime import date
from pathlib import Path

from geodata.gazetteer import load_gazetteer
from geodata.models import Article
from geodata.pipeline import process_article

ROOT = Path(__file__).resolve().parent.parent
GEOVIRUS = ROOT.parent / "shared" / "eval" / "GeoVirus.xml"
SEEDS = ROOT / "seeds"
PUBLISHED = date(2024, 12, 10)


def default_texts(n: int = 200, words: int = 1000) -> list[str]:
    """``n`` articles of ``words`` words of real news text (GeoVirus and the seeds; the seeds alone without it)."""
    texts = []
    if GEOVIRUS.exists():
        texts = re.findall(r"<text>(.*?)</text>", GEOVIRUS.read_text(encoding="utf-8"), re.S)[:200]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pool = " ".join(texts).split()
    if not pool:
        raise FileNotFoundError(f"no article text: neither {GEOVIRUS} nor {SEEDS}/*.txt")
    out = []
    for i in range(n):
        start = i * words % len(pool)
        chunk = pool[start:start + words]
        while len(chunk) < words:  # wrap round (a short pool is repeated)
            chunk += pool[:words - len(chunk)]
        out.append(" ".join(chunk))
    return out


def _articles(texts: list[str]) -> list[Article]:
    return [Article(id=f"bench-{i}", file=f"bench-{i}.txt", title="", source="benchmark", url="", published=PUBLISHED,
                    published_from="manifest", text=t) for i, t in enumerate(texts)]


def run(texts: list[str] | None = None, repeats: int = 3) -> dict:
    """Throughput of extract over ``texts`` (default: ``default_texts()``), single process, median of ``repeats``."""
    texts = default_texts() if texts is None else list(texts)
    if not texts:
        raise ValueError("no articles to extract")
    articles = _articles(texts)
    gaz = load_gazetteer()  # outside the timing
    chars = sum(len(t) for t in texts)
    seconds, cpu_seconds = [], []
    counts = {"mentions": 0, "dates": 0, "events": 0}
    for _ in range(max(1, repeats)):
        t0, c0 = time.perf_counter(), time.process_time()
        results = [process_article(a, gaz) for a in articles]
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
    for r in results:
        counts["mentions"] += len(r.mentions)
        counts["dates"] += len(r.dates)
        counts["events"] += len(r.events)
    med = statistics.median(seconds)
    return {
        "extract_articles_per_s": round(len(articles) / med, 1),
        "extract_mb_per_s": round(chars / 1e6 / med, 3),
        "words_per_article": round(statistics.mean(len(t.split()) for t in texts), 1),
        "n_articles": len(articles),
        "repeats": len(seconds),
        "seconds": [round(s, 3) for s in seconds],
        "first_run_articles_per_s": round(len(articles) / seconds[0], 1),
        "extract_cpu_articles_per_s": round(len(articles) / statistics.median(cpu_seconds), 1),
        "per_article": {k: round(v / len(articles), 1) for k, v in counts.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    res = run(default_texts(args.articles), repeats=args.repeats)
    per = res["per_article"]
    print(f"{'articles':>9}{'words/art':>11}{'articles/s':>12}{'MB/s':>8}{'first run/s':>13}{'CPU art/s':>11}"
          f"{'mentions/art':>14}{'dates/art':>11}{'events/art':>12}")
    print(f"{res['n_articles']:>9}{res['words_per_article']:>11.0f}{res['extract_articles_per_s']:>12.1f}"
          f"{res['extract_mb_per_s']:>8.2f}{res['first_run_articles_per_s']:>13.1f}{res['extract_cpu_articles_per_s']:>11.1f}"
          f"{per['mentions']:>14.1f}{per['dates']:>11.1f}{per['events']:>12.1f}")
    print(f"median of {res['repeats']} runs, one process; seconds per run: {res['seconds']}")


if __name__ == "__main__":
    main()
