"""The sidebar: date range (with "Jump to" and playback), layers, event types, undated; the rarer filters,
online sources, the analyst's name and the narrative. On a new session's first run the filters are known
without drawing them (``as_opened``), so the map is not held up by the sidebar's widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from dashboard import narrative as nar
from dashboard import playback, settings, vocab
from dashboard.loading import gazetteer
from dashboard.panels.context import Page
from dashboard.state import LAYERS, Filters, clamp, typed_range
from geodata.models import EVENT_STATUSES

REVIEW_STATES = ["unreviewed", "confirm", "edit", "add"]
LAYER_LABELS = {"mentions": "Place mentions", "app6": "NATO symbols (APP-6)"}
LAYER_HELP = {"app6": "Bases drawn with the standard installation symbols (APP-6 D / MIL-STD-2525 D), affiliation "
                      "unknown (news does not say whose a base is); the halo's colour is the base's status."}


@dataclass
class Chosen:
    filters: Filters
    layers: set[str]
    online: settings.Online
    follow: bool = True  # the map frames the data in range after each change (the sidebar's "Follow the data")


def main_widgets(page: Page) -> tuple[date, date, set[str], set[str], bool]:
    """The sidebar's main filters, drawn."""
    lo, hi = page.lo, page.hi
    with st.sidebar:
        if lo < hi:
            choices = page.loaded.presets

            def _jump() -> None:
                label = st.session_state.get("preset")
                for name, s, e in choices:
                    if name == label:
                        st.session_state["date_range"] = (s, e)

            st.selectbox("Jump to", [c[0] for c in choices], index=None,
                         placeholder="All dates, a month, an article's week…", key="preset", on_change=_jump)
            start, end = st.slider("Date range", min_value=lo, max_value=hi, value=page.range0, format="YYYY-MM-DD",
                                   key="date_range")
            date_fields(lo, hi, start, end)
            playback.controls(lo, hi)
        else:
            start = end = lo
            st.caption(f"All events are dated {lo.isoformat()}")
        layers = {name for name in LAYERS if st.checkbox(
            LAYER_LABELS.get(name, name.capitalize()), value=name in page.layers0, key=f"layer_{name}",
            help=LAYER_HELP.get(name))}
        types = set(st.multiselect("Event types", vocab.event_types(), default=page.types0,
                                   format_func=vocab.type_label, key="types"))
        undated = st.checkbox("Include undated events", value=True, key="undated")
    return start, end, layers, types, undated


def _typed(lo: date, hi: date, moved: str) -> None:
    ss = st.session_state
    ss["date_range"] = typed_range(ss.get("date_from"), ss.get("date_to"), lo, hi, moved, ss.get("date_range", (lo, hi)))


def date_fields(lo: date, hi: date, start: date, end: date) -> None:
    """"From" and "To" under the slider (a month is ~2 px on an eight-year slider): they show the slider's range
    (set here, before they are drawn, so the slider, playback, "Jump to" and the timeline all move them), and
    typing in one sets the slider's range in its callback, clamped to the corpus's dates, From ≤ To."""
    ss = st.session_state
    ss["date_from"], ss["date_to"] = clamp(start, lo, hi), clamp(end, lo, hi)
    # one under the other: side by side in the sidebar, each field is too narrow to show its whole date
    st.date_input("From", min_value=lo, max_value=hi, format="YYYY-MM-DD", key="date_from",
                  on_change=_typed, args=(lo, hi, "from"))
    st.date_input("To", min_value=lo, max_value=hi, format="YYYY-MM-DD", key="date_to",
                  on_change=_typed, args=(lo, hi, "to"))


def as_opened(page: Page) -> tuple[date, date, set[str], set[str], bool]:
    """What main_widgets() returns when they are drawn, known without drawing them: each widget's value is its
    session state if set (a narrative step sets the range), else its default."""
    ss = st.session_state
    start, end = ss.get("date_range", page.range0) if page.lo < page.hi else (page.lo, page.lo)
    return (start, end, {name for name in LAYERS if ss.get(f"layer_{name}", name in page.layers0)},
            set(ss.get("types", page.types0)), ss.get("undated", True))


def sidebar(page: Page) -> Chosen:
    """Every filter: drawn, or on a new session's first run as the URL opens them (the rarer ones empty, offline)."""
    st.sidebar.header("Filters")
    start, end, layers, types, undated = as_opened(page) if page.first_run else main_widgets(page)
    text, actors, outlets, statuses, reviewed = "", [], [], [], []
    online = settings.Online(None, None)
    follow = st.session_state.get("follow", True)
    if not page.first_run:
        with st.sidebar:
            follow = st.toggle("Follow the data", value=True, key="follow",
                               help="After a change of dates, filters or step, frame the map on the events in range")
            with st.expander("More filters"):
                text = st.text_input("Search quotes, places, titles", key="search")
                actors = st.multiselect("Actors", page.index.actors, key="actors")
                outlets = st.multiselect("Sources", page.index.sources, key="sources")
                statuses = st.multiselect("Status", EVENT_STATUSES, format_func=vocab.status_label, key="statuses")
                reviewed = st.multiselect("Review", REVIEW_STATES, key="review")
            st.divider()
            online = settings.panel(gazetteer)
            st.divider()
            st.text_input("Analyst name (for review decisions)", key="analyst")
            st.divider()
            nar.sidebar(page.steps, page.step_events, page.corpus, page.lo, page.hi)
    flt = Filters(start=start, end=end, types=types, include_undated=undated, actors=set(actors),
                  sources=set(outlets), statuses=set(statuses), review=set(reviewed), text=text)
    return Chosen(flt, layers, online, follow)
