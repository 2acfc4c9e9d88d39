"""What one run of the page works on: the corpus (derived once per version, shared by every session), the
URL's state, the narrative step, and what the filters open on before their widgets are drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import mapview, vocab
from dashboard import narrative as nar
from dashboard.loading import Loaded, corpus, signature
from dashboard.loading import settings as app_settings
from dashboard.state import DEFAULT_LAYERS, LAYERS, EventIndex, parse_date, parse_list
from geodata import narrative
from geodata.models import Event
from geodata.narrative import Frame, Step
from geodata.pipeline import CorpusResult
from geodata.settings import Settings


@dataclass
class Page:
    settings: Settings
    loaded: Loaded
    present: bool  # the briefing view (?mode=present): no sidebar, no table
    first_run: bool  # a new session's first run: the map first, the rest once it is drawn
    steps: list[Step]
    step_events: dict[str, Event]
    step_k: int  # the narrative step shown (0: none)
    step_frame: Frame | None
    range0: tuple[date, date]  # what the filters open on: the URL, a narrative step's days, or everything
    layers0: set[str]
    types0: list[str]

    @property
    def corpus(self) -> Path:
        return self.settings.corpus

    @property
    def result(self) -> CorpusResult:
        return self.loaded.result

    @property
    def index(self) -> EventIndex:
        return self.loaded.index

    @property
    def events(self) -> list[Event]:
        return self.loaded.result.events

    @property
    def lo(self) -> date:
        return self.loaded.bounds[0]

    @property
    def hi(self) -> date:
        return self.loaded.bounds[1]


def open_page(present: bool) -> Page:
    config = app_settings()
    loaded = corpus(config, signature(config.corpus, config.events_file))
    if not mapview.published(loaded.urls):  # another app on this machine pruned the cache folder
        loaded.urls = mapview.publish(loaded.draw, loaded.details)
    events, (lo, hi), qp = loaded.result.events, loaded.bounds, st.query_params
    steps = narrative.read(narrative.path_for(config.corpus))
    step_events = {s.event_id: events[loaded.position[s.event_id]] for s in steps if s.event_id in loaded.position}
    step_k = nar.current(steps)
    step_frame = nar.frame_for(step_k, steps, step_events, lo, hi) if step_k else None
    start0 = parse_date(qp.get("start"), lo, hi) or lo
    end0 = parse_date(qp.get("end"), lo, hi) or hi
    if step_frame is not None:  # a link to a step opens on its days
        start0, end0 = step_frame.start, step_frame.end
    layers_q = parse_list(qp.get("layers"), LAYERS)
    types_q = parse_list(qp.get("types"), vocab.event_types())
    return Page(
        settings=config, loaded=loaded, present=present, first_run=not st.session_state.get("_full_page"),
        steps=steps, step_events=step_events, step_k=step_k, step_frame=step_frame,
        range0=(min(start0, end0), max(start0, end0)) if lo < hi else (lo, lo),
        layers0={name for name in LAYERS if (name in DEFAULT_LAYERS if layers_q is None else name in layers_q)},
        types0=sorted(types_q) if types_q else list(vocab.event_types()),
    )
