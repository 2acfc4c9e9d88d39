"""The synthetic corpus generator (benchmarks/synthetic.py): deterministic, valid, and realistic enough
that our own extractor reads events out of its articles."""

from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `benchmarks` is not an installed package; plain `pytest` does not add the root
    sys.path.insert(0, str(ROOT))

from benchmarks import synthetic  # noqa: E402
from geodata.corpus import MANIFEST_FIELDS, load_corpus  # noqa: E402
from geodata.gazetteer.normalize import normalize  # noqa: E402
from geodata.models import DATE_PRECISIONS, EVENT_STATUSES, EVENT_TYPES, MOVEMENT_TYPES, Event  # noqa: E402
from geodata.pipeline import process_article  # noqa: E402

START = date(2023, 1, 1)
DAYS = 730


@pytest.fixture(scope="module")
def events(gaz):
    return synthetic.make_events(4000, seed=0, gaz=gaz, start=START, days=DAYS)


@pytest.fixture(scope="module")
def corpus_dir(gaz, tmp_path_factory):
    return synthetic.write_corpus(tmp_path_factory.mktemp("syn") / "corpus", 8, seed=0, words=1000, gaz=gaz)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# ---- determinism -------------------------------------------------------------------------------

def test_events_same_seed_same_bytes_other_seed_differs(gaz, tmp_path):
    a = synthetic.write_events(tmp_path / "a.jsonl", 1500, seed=7, gaz=gaz).read_bytes()
    b = synthetic.write_events(tmp_path / "b.jsonl", 1500, seed=7, gaz=gaz).read_bytes()
    c = synthetic.write_events(tmp_path / "c.jsonl", 1500, seed=8, gaz=gaz).read_bytes()
    assert a == b
    assert a != c
    assert len(a.splitlines()) == 1500
    # a prefix of a bigger run is not required, but the ids are stable and seed-scoped
    assert json.loads(a.splitlines()[0])["id"] == "syn-7-0" and json.loads(c.splitlines()[-1])["id"] == "syn-8-1499"


def test_corpus_same_seed_same_bytes_other_seed_differs(gaz, tmp_path):
    one = _files(synthetic.write_corpus(tmp_path / "one", 5, seed=3, words=400, gaz=gaz))
    two = _files(synthetic.write_corpus(tmp_path / "two", 5, seed=3, words=400, gaz=gaz))
    other = _files(synthetic.write_corpus(tmp_path / "other", 5, seed=4, words=400, gaz=gaz))
    assert one == two
    assert len(one) == 6 and "articles.csv" in one
    assert [one[k] for k in sorted(one) if k != "articles.csv"] != [other[k] for k in sorted(other) if k != "articles.csv"]


# ---- events ------------------------------------------------------------------------------------

def test_events_are_valid(gaz, events):
    rows = {r[0]: r for r in gaz.rows}
    last = START + timedelta(days=DAYS - 1)
    assert [e.id for e in events] == [f"syn-0-{i}" for i in range(len(events))]
    for e in events:
        assert e.type in EVENT_TYPES and e.status in EVENT_STATUSES and e.date_precision in DATE_PRECISIONS
        assert START <= e.date <= e.date_end <= last, (e.id, e.date, e.date_end)
        if e.type in MOVEMENT_TYPES:
            assert e.origin is not None and e.destination is not None and e.origin.id != e.destination.id, e.id
            assert e.place == e.destination and e.is_movement
        else:
            assert e.origin is None and e.destination is None and e.place is not None
        for p in (e.place, e.origin, e.destination):
            if p is None:
                continue
            row = rows.get(p.id)  # a real gazetteer entry, with its real coordinates
            assert row is not None, p.id
            assert (row[1], row[2], row[3], row[4], row[5]) == (p.name, p.lat, p.lon, p.kind, p.country_code)
        if e.date_precision == "day":
            assert e.date == e.date_end and e.date_text
        elif e.date_precision == "week":
            assert e.date.weekday() == 0 and (e.date_end - e.date).days == 6
        elif e.date_precision == "month":
            assert e.date.day == 1 and e.date_end.month == e.date.month and (e.date_end + timedelta(days=1)).day == 1
        elif e.date_precision == "as_of":
            assert e.date_text == "" and e.date == e.date_end == date.fromisoformat(e.sources[0].published)
        if e.date_text:
            assert e.date_text in e.quote, (e.date_text, e.quote)
        assert e.actors and 0.2 <= e.confidence <= 0.99
        assert 1 <= len(e.sources) <= 3 and e.sources[0].quote == e.quote and e.article_id == e.sources[0].article_id
        for s in e.sources:
            assert s.url.startswith("https://example.org/") and s.title and s.source
            assert date.fromisoformat(s.published) and s.end - s.start == len(s.quote)


def test_event_quotes_name_their_places(gaz, events):
    names = synthetic.world(gaz).names
    for e in events:
        named = [p for p in (e.place, e.origin, e.destination) if p is not None and names[p.id][0] in e.quote]
        if e.type in MOVEMENT_TYPES and e.status != "denied":
            assert e.origin in named and e.destination in named, e.quote
        else:  # a denial names one end of the journey ("denied that troops had pulled out of X")
            assert named, e.quote
        assert e.quote.endswith(".") and e.quote[0].isupper()


def test_place_lookups_by_name_give_the_same_coordinates(gaz, events):
    seen = {p.id: p for e in events for p in (e.place, e.origin, e.destination) if p is not None}
    assert len(seen) > 150  # a spread of places, not a handful
    for p in list(seen.values())[:300]:
        same = [c for c in gaz.candidates(normalize(p.name)) if c.id == p.id]
        assert same and (same[0].lat, same[0].lon) == (p.lat, p.lon), p


def test_events_have_a_plausible_mix(events):
    types = Counter(e.type for e in events)
    assert set(types) == set(EVENT_TYPES)
    movement_share = sum(types[t] for t in MOVEMENT_TYPES) / len(events)
    assert 0.22 <= movement_share <= 0.38, movement_share
    assert set(Counter(e.status for e in events)) == set(EVENT_STATUSES)
    prec = Counter(e.date_precision for e in events)
    assert {"day", "week", "month", "range", "as_of"} <= set(prec)
    assert prec.most_common(1)[0][0] == "day" and prec["day"] / len(events) > 0.5
    kinds = Counter(e.place.kind for e in events)
    assert kinds["air_base"] + kinds["naval_base"] > 0.03 * len(events)  # installations
    assert kinds["city"] > 0.5 * len(events)
    countries = Counter(e.place.country_code for e in events)
    assert {"SY", "UA", "SD", "LY", "IQ"} <= set(countries)  # theatres on several continents
    assert len(countries) >= 20


def test_events_cluster_in_space_and_time(events):
    per_day = Counter(e.date for e in events if e.date_precision == "day")
    mean = statistics.mean(per_day.values())
    assert max(per_day.values()) >= 4 * mean, (max(per_day.values()), mean)  # bursts of reporting
    per_place = Counter(e.place.id for e in events)
    top = sum(n for _, n in per_place.most_common(20))
    assert top >= 0.15 * len(events)  # popular places come back again and again
    assert len(per_place) >= 200


def test_events_jsonl_reads_back(gaz, tmp_path):
    path = synthetic.write_events(tmp_path / "ev.jsonl", 300, seed=2, gaz=gaz)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 300
    for line in lines:
        d = json.loads(line)
        assert Event.from_dict(d).to_dict() == d


def test_many_events_are_distinct_and_reproducible(gaz):
    """A large run (the benchmarks' sizes) gives as many events as asked, each id once, the same for a seed.
    How fast it is belongs to ``python -m benchmarks.map_bench``, not to a test."""
    events = synthetic.make_events(20_000, seed=5, gaz=gaz)
    assert len(events) == 20_000 and len({e.id for e in events}) == 20_000
    again = synthetic.make_events(20_000, seed=5, gaz=gaz)
    assert [(e.id, e.type, e.date) for e in events[::997]] == [(e.id, e.type, e.date) for e in again[::997]]


# ---- articles ----------------------------------------------------------------------------------

def test_corpus_loads_with_its_manifest(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert corpus.errors == [] and corpus.warnings == []
    assert len(corpus.articles) == 8
    with open(corpus_dir / "articles.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == MANIFEST_FIELDS
        rows = {r["file"]: r for r in reader}
    with open(ROOT / "seeds" / "articles.csv", encoding="utf-8", newline="") as fh:
        assert tuple(next(csv.reader(fh))) == MANIFEST_FIELDS  # the same columns as the sample corpus
    for a in corpus.articles:
        r = rows[a.file]
        assert a.published_from == "manifest" and a.published.isoformat() == r["published"]
        assert a.title == r["title"] == a.text.splitlines()[0] and a.source == r["source"]
        assert a.url.startswith("https://example.org/")
        assert 850 <= len(a.text.split()) <= 1150, len(a.text.split())
        assert sum(e - s for s, e in a.excluded) < 0.1 * len(a.text)  # prose, not site furniture


@pytest.mark.parametrize("words", [250, 2500])
def test_articles_have_about_the_requested_length(gaz, words):
    arts = synthetic.make_articles(4, seed=1, gaz=gaz, words=words)
    assert len(arts) == 4
    for file, text, row in arts:
        assert file.endswith(".txt") and row["file"] == file and set(row) == set(MANIFEST_FIELDS)
        assert 0.85 * words <= len(text.split()) <= 1.15 * words


def test_articles_mix_events_and_filler(gaz):
    arts = synthetic.make_articles(6, seed=11, gaz=gaz, words=1000)
    for _, text, _ in arts:
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 8
        assert any(w in text for w in ('said', 'according to'))
        # relative and absolute dates both occur across the sample
    joined = " ".join(t for _, t, _ in arts)
    assert any(w in joined for w in ("yesterday", "last week", "on Monday", "on Tuesday", "on Wednesday", "days ago"))
    assert any(m in joined for m in synthetic.MONTHS)


def test_articles_use_spelling_variants_the_gazetteer_knows(gaz):
    w = synthetic.world(gaz)
    arts = synthetic.make_articles(20, seed=2, gaz=gaz, words=800)
    text = " ".join(t for _, t, _ in arts)
    variants = {v for forms in w.names.values() for v in forms[1:]}
    used = {v for v in variants if f" {v} " in text or f" {v}." in text or f" {v}," in text}
    assert used, "no alternate names in 20 articles"
    for v in used:  # every variant is an indexed name of the gazetteer
        assert gaz.candidates(normalize(v)), v


def test_our_extractor_finds_events_with_places(gaz, corpus_dir):
    corpus = load_corpus(corpus_dir)
    results = [process_article(a, gaz) for a in corpus.articles[:5]]
    per_1000_words = [len(r.events) * 1000 / len(r.article.text.split()) for r in results]
    assert statistics.mean(per_1000_words) >= 3, per_1000_words
    for r in results:
        assert all(e.place is not None for e in r.events)
        assert len({e.type for e in r.events}) >= 3
        assert r.article.published.isoformat() in {s.published for e in r.events for s in e.sources}
    movements = [e for r in results for e in r.events if e.is_movement]
    assert len(movements) >= 5  # origin and destination both read
    dated = [e for r in results for e in r.events if e.date_precision in ("day", "week", "month", "range")]
    assert len(dated) >= 0.5 * sum(len(r.events) for r in results)


def test_cli_writes_events_and_articles(tmp_path, capsys):
    assert synthetic.main(["events", "--n", "40", "--out", str(tmp_path / "e.jsonl"), "--seed", "1"]) == 0
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 40
    assert synthetic.main(["articles", "--n", "2", "--out", str(tmp_path / "arts"), "--words", "300"]) == 0
    assert sorted(p.name for p in (tmp_path / "arts").iterdir()) == ["articles.csv", "syn_0_00000.txt", "syn_0_00001.txt"]
    assert "wrote 2 articles" in capsys.readouterr().err
