"""What the app derives once per corpus version (cached for every session and rerun): the extracted corpus,
its events as NumPy columns, the events table, the map's dataset written where the map fetches it."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import charts, mapview, warmup
from dashboard.state import EventIndex, date_bounds, presets
from geodata.corpus import folder_signature
from geodata.export import events_frame, map_dataset, quote_marks
from geodata.gazetteer import Gazetteer, load_gazetteer
from geodata.names import display_names
from geodata.pipeline import CorpusResult, build
from geodata.settings import Settings


def settings() -> Settings:
    """The app's settings (the environment, read by ``geodata.settings`` alone); cheap, read on every run."""
    return Settings.from_env()


def _first_start(load):
    """``load(progress)`` with a progress bar for a first start's build (drawn in a block of its own, so that the
    cache can replay it, emptied once it is done): the server's warm-up may have started it already
    (``warmup.wait_prepared``: the build and the corpus's extraction in a child process), else ``load`` does it."""
    slot = st.empty()

    def progress(fraction: float, message: str) -> None:
        slot.progress(min(max(fraction, 0.0), 1.0), text=f"First start: building the offline gazetteer. {message}")

    try:
        warmup.wait_prepared(progress)
        return load(progress)
    finally:
        slot.empty()


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer(config: Settings) -> Gazetteer:
    """The first start on a machine builds the index (GeoNames' 266,000 places): a progress bar says so."""
    return _first_start(lambda progress: load_gazetteer(config, progress=progress))


def gazetteer() -> Gazetteer:
    """One index per configuration, shared by every session and rerun (never rebuilt on a rerun)."""
    return _gazetteer(settings())


@dataclass
class Loaded:
    """Everything derived once per corpus version, reused by every rerun and every session."""

    result: CorpusResult
    index: EventIndex
    frame: pd.DataFrame  # the events table, one row per event in index order
    order: np.ndarray  # rows in date order (undated last)
    counts: pd.DataFrame  # events per day by type (the timeline)
    position: dict[str, int]  # event id -> row
    draw: dict
    details: list
    names: dict[str, str]  # place id -> the name a briefing uses (geodata.names)
    urls: dict[str, str]  # where the map iframe fetches draw and details
    center: tuple[float, float]
    bounds: tuple[date, date]  # first and last day of the dated events
    presets: list[tuple[str, date, date]]  # the "Jump to" ranges


@st.cache_resource(show_spinner="Reading the articles…", max_entries=4)
def corpus(config: Settings, signature: tuple) -> Loaded:
    """Built once per corpus version (``signature``) and shared by every session and rerun."""
    result = _first_start(lambda progress: build(config.corpus, config, gaz_loader=gazetteer))
    events = result.events
    names = display_names(m for r in result.articles for m in r.mentions)
    draw, details = map_dataset(events, quote_marks(events, result.articles), names)
    frame = events_frame(events, names)
    placed = [e.place for e in events if e.place is not None and e.place.kind not in ("country", "region", "sea")]
    center = ((statistics.median(p.lat for p in placed), statistics.median(p.lon for p in placed))
              if placed else (30.0, 30.0))
    order = np.argsort(frame["date"].to_numpy(), kind="stable")  # NumPy sorts NaT (undated) last
    lo, hi = date_bounds(events, date.today())
    published = [(r.article.title, r.article.published) for r in result.articles if r.article.published]
    return Loaded(result=result, index=EventIndex(events), frame=frame, order=order, counts=charts.daily_counts(frame),
                  bounds=(lo, hi), presets=presets(events, published, lo, hi),
                  position={e.id: i for i, e in enumerate(events)}, draw=draw, details=details, names=names,
                  urls=mapview.publish(draw, details), center=center)


def signature(folder: Path, events_file: Path | None) -> tuple:
    """Changes whenever a file in the corpus folder or the events file is added, removed or edited."""
    sig = folder_signature(folder)
    if events_file and events_file.exists():
        st_ = events_file.stat()
        sig += (("events", st_.st_size, st_.st_mtime_ns),)
    return sig
