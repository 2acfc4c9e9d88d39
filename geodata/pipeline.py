"""The pipeline, stage by stage: article -> mentions -> dates -> events; corpus -> merged events.

Pure functions of their inputs (the gazetteer and the settings are passed in), so the same code serves
the CLI, the app, a notebook or a batch job. ``build(folder, settings)`` is the one entry the app, the CLI
and the benchmarks use: the corpus read, every stage run, the analysts' decisions applied, the result
kept in the on-disk cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from geodata import curation
from geodata.corpus import Corpus, LoadError, folder_signature, load_corpus
from geodata.curation import Curation, ReviewReport
from geodata.fsio import atomic_write
from geodata.gazetteer import Gazetteer, load_gazetteer
from geodata.installations import Installation, installations
from geodata.models import Article, DateRef, Event, Mention, Place
from geodata.settings import Settings

# The extraction stages (geoparse, dates, events) are imported where an article is read: a process that
# only loads an extracted corpus from the cache (the app's start on an unchanged corpus) never needs them.


@dataclass
class ArticleResult:
    article: Article
    mentions: list[Mention]
    dates: list[DateRef]
    events: list[Event]


@dataclass
class CorpusResult:
    articles: list[ArticleResult]
    events: list[Event]  # merged across articles (one event, all its sources), analyst decisions applied
    installations: list[Installation]
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    review: ReviewReport = field(default_factory=ReviewReport)


def process_article(article: Article, gaz: Gazetteer, roi: tuple[str, ...] = ()) -> ArticleResult:
    """One article through every stage. ``roi``: ISO country codes of the region of interest (``Settings.roi``);
    same-named places there win ties."""
    from geodata.dates import find_dates
    from geodata.events import extract_events
    from geodata.geoparse import find_mentions
    from geodata.parts import descriptive_region

    mentions = find_mentions(article.text, gaz, roi=roi)
    dates = find_dates(article.text, article.published)
    events = extract_events(article, mentions, dates, home=lambda actor, cc: _country(gaz, actor, cc),
                            part=lambda text, m: descriptive_region(text, m, gaz))
    return ArticleResult(article=article, mentions=mentions, dates=dates, events=events)


def _country(gaz: Gazetteer, name: str, cc: str) -> Place | None:
    """The country called ``name`` with ISO code ``cc`` (an actor's home, for "the troops returned home")."""
    from geodata.gazetteer.normalize import normalize

    return next((p for p in gaz.candidates(normalize(name)) if p.kind == "country" and p.country_code == cc), None)


def place_lookup(gaz: Gazetteer, settings: Settings):
    """``name -> Place | None`` for analysts' edits: the offline gazetteer, then answers the opt-in online
    geocoder gave earlier (its on-disk cache: a rebuild never sends a request)."""
    from geodata.gazetteer.online import OnlineFallback
    from geodata.geocoder import OfflineGazetteer  # geopy: imported when a decision needs a place

    offline = OfflineGazetteer(gaz)
    online = OnlineFallback.from_settings(settings)

    def lookup(name: str) -> Place | None:
        place = offline.place(name)
        if place is not None:
            return place
        loc = online.cached(name)
        if loc is None:
            return None
        raw = loc.raw or {}
        pid = f"osm:{raw.get('osm_type', '')}{raw.get('osm_id', '')}" if raw.get("osm_id") else f"online:{name.lower()}"
        return Place(id=pid, name=name.strip(), lat=loc.latitude, lon=loc.longitude, kind="city", source="online")

    return lookup


def read_events(path: str | Path) -> tuple[list[Event], list[str]]:
    """Events saved as JSON Lines (one ``Event.to_dict()`` a line: the CLI's ``extract --jsonl``, another run, a
    batch job; a line holding the CLI's ``extract --json`` document is read as its articles' events).

    A line that cannot be read is reported (file and line number) and skipped; the others are kept.
    """
    events, problems = [], []
    pool: dict[Place, Place] = {}  # one object per distinct place: 100,000 events name a few thousand

    def same(p: Place | None) -> Place | None:
        return None if p is None else pool.setdefault(p, p)

    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        return [], [f"{path}: cannot read the events file ({exc.strerror or exc})"]
    with fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                # a line may also be the CLI's ``extract --json`` document: its articles' events
                batch = ([e for a in record["articles"] for e in a.get("events") or ()]
                         if isinstance(record, dict) and "articles" in record else [record])
                for d in batch:
                    if not isinstance(d, dict):
                        raise TypeError(f"an event is an object, not {type(d).__name__}")
                    ev = Event.from_dict(d)
                    ev.place, ev.origin, ev.destination = same(ev.place), same(ev.origin), same(ev.destination)
                    events.append(ev)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                problems.append(f"{Path(path).name} line {n}: not an event ({type(exc).__name__}: {str(exc)[:120]})")
    return events, problems


def process_corpus(corpus: Corpus, gaz: Gazetteer, settings: Settings, decisions: dict[str, Curation] | None = None,
                   imported: list[Event] | None = None) -> CorpusResult:
    from geodata.events import merge_events

    results = [process_article(a, gaz, settings.roi) for a in corpus.articles]
    events = merge_events([e for r in results for e in r.events])
    known = {e.id for e in events}
    fresh = []
    for e in imported or ():
        if e.id not in known:
            known.add(e.id)
            fresh.append(e)
    events += fresh
    events, review = curation.apply(events, decisions or {}, place_lookup(gaz, settings))
    warnings = list(corpus.warnings)
    if imported and len(fresh) < len(imported):
        warnings.append(f"{len(imported) - len(fresh)} imported events repeat an event id already loaded; kept once")
    warnings += [f"{curation.FILE}: the event {d.event_id} ({d.action}) no longer exists; the decision is kept"
                 for d in review.orphaned]
    warnings += [f"{curation.FILE}: place not found for {u}" for u in review.unplaced]
    return CorpusResult(
        articles=results, events=events, installations=installations(events),
        errors=list(corpus.errors), warnings=warnings, review=review,
    )


def build_uncached(folder: str | Path, settings: Settings, gaz: Gazetteer | None = None) -> CorpusResult:
    """Load a corpus folder, run every stage on it and apply the analysts' decisions kept beside it.

    ``settings.events_file`` (JSON Lines) adds events extracted elsewhere; they take analysts' decisions too.
    """
    events_file = settings.events_file
    imported, problems = read_events(events_file) if events_file else ([], [])
    result = process_corpus(load_corpus(folder), gaz or load_gazetteer(settings), settings,
                            curation.read(curation.path_for(folder)), imported=imported)
    result.warnings.extend(problems)
    return result


def _code_key(settings: Settings) -> str:
    """Changes when the extractor's code, its data files or the gazetteer's inputs change."""
    from geodata.gazetteer.index import _cache_key

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(_cache_key(settings.geonames).encode())
    for f in sorted([*root.rglob("*.py"), *(root / "data").rglob("*.*")]):
        if "__pycache__" not in f.parts:
            st = f.stat()
            h.update(f"{f.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _inputs_key(folder: Path, settings: Settings) -> str:
    h = hashlib.sha256(_code_key(settings).encode())
    h.update(f"{folder.resolve()}|{','.join(settings.roi)}".encode())
    for name, size, mtime in folder_signature(folder):
        h.update(f"{name}:{size}:{mtime}".encode())
    return h.hexdigest()[:24]


KEEP_CORPORA = 32  # extracted corpora kept on disk, the most recently used: other folders (tests' temporary
# corpora, other checkouts) must not push out the one an app restarts on, or its start reads every article again


def build(folder: str | Path, settings: Settings | None = None,
          gaz_loader: Callable[[], Gazetteer] | None = None) -> CorpusResult:
    """The corpus in ``folder``, every stage run, the analysts' decisions (``curations.csv``) applied: the one
    entry of the app, the CLI and the benchmarks. Kept on disk (``settings.cache``): a restarted app (or the
    CLI) on an unchanged corpus loads the result instead of reading every article again. The key covers every
    file in the folder (articles, manifest, curations), the code, the gazetteer's inputs and the region of
    interest, so any change rebuilds. (With ``settings.events_file`` the result is built afresh: 100,000
    imported events load faster from JSON Lines than from a pickle.) ``gaz_loader``: how to get the
    gazetteer when it is needed (the app's is cached for every session)."""
    settings = settings or Settings.from_env()
    folder = Path(folder)
    gaz_loader = gaz_loader or (lambda: load_gazetteer(settings))
    if settings.events_file:  # imported events are read faster from their JSON Lines than from a pickle of them
        return build_uncached(folder, settings, gaz_loader())
    path = settings.cache / f"corpus-{_inputs_key(folder, settings)}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                result = pickle.load(fh)
            if isinstance(result, CorpusResult):
                with contextlib.suppress(OSError):
                    os.utime(path)  # used now: the pruning below keeps the most recently used
                return result
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, ImportError):
            pass  # stale or corrupt: rebuilt below
    result = build_uncached(folder, settings, gaz_loader())
    try:
        atomic_write(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(path.parent.glob("corpus-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_CORPORA:]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache folder: work from memory
    return result
