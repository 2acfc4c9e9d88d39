"""The pipeline, stage by stage: article -> mentions -> dates -> events; corpus -> merged events.

Pure functions of their inputs (the gazetteer is passed in), so the same code serves the CLI, the
app, a notebook or a batch job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from geodata import curation
from geodata.corpus import Corpus, LoadError, load_corpus
from geodata.curation import Curation, ReviewReport
from geodata.dates import find_dates
from geodata.events import extract_events, merge_events
from geodata.gazetteer import Gazetteer, load_gazetteer
from geodata.gazetteer.geocoder import OfflineGazetteer
from geodata.geoparse import find_mentions
from geodata.installations import Installation, installations
from geodata.models import Article, DateRef, Event, Mention


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


def region_of_interest() -> tuple[str, ...]:
    """ISO country codes from ``GEODATA_ROI`` (e.g. ``SY,TR,IQ,LB``): same-named places there win ties."""
    return tuple(c.strip().upper() for c in os.environ.get("GEODATA_ROI", "").split(",") if c.strip())


def process_article(article: Article, gaz: Gazetteer, roi: tuple[str, ...] | None = None) -> ArticleResult:
    mentions = find_mentions(article.text, gaz, roi=region_of_interest() if roi is None else roi)
    dates = find_dates(article.text, article.published)
    events = extract_events(article, mentions, dates)
    return ArticleResult(article=article, mentions=mentions, dates=dates, events=events)


def process_corpus(corpus: Corpus, gaz: Gazetteer, decisions: dict[str, Curation] | None = None) -> CorpusResult:
    results = [process_article(a, gaz) for a in corpus.articles]
    events = merge_events([e for r in results for e in r.events])
    events, review = curation.apply(events, decisions or {}, OfflineGazetteer(gaz).place)
    warnings = list(corpus.warnings)
    warnings += [f"{curation.FILE}: the event {d.event_id} ({d.action}) no longer exists; the decision is kept"
                 for d in review.orphaned]
    warnings += [f"{curation.FILE}: place not found for {u}" for u in review.unplaced]
    return CorpusResult(
        articles=results, events=events, installations=installations(events),
        errors=list(corpus.errors), warnings=warnings, review=review,
    )


def build(folder: str | Path, gaz: Gazetteer | None = None) -> CorpusResult:
    """Load a corpus folder, run every stage on it and apply the analysts' decisions kept beside it."""
    return process_corpus(load_corpus(folder), gaz or load_gazetteer(), curation.read(curation.path_for(folder)))
