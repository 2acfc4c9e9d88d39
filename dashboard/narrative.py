"""Briefing narrative in the app: pick key events, order them, and step through them (buttons, PageDown /
PageUp as a presentation clicker sends, and ``?step=N`` in the URL). Each step sets the date range to the
days around its event, frames the map on its places and opens its popup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import vocab
from geodata import narrative
from geodata.models import Event
from geodata.narrative import Frame, Step


def describe(ev: Event | None, step: Step) -> str:
    if ev is None:
        return f"{step.event_id} (no longer extracted)"
    where = f"{ev.origin.name} → {ev.destination.name}" if ev.origin and ev.destination else (ev.place.name if ev.place else "?")
    return f"{ev.date or 'undated'} · {vocab.type_label(ev.type)} · {where}"


def frame_for(k: int, steps: list[Step], events: dict[str, Event], lo: date, hi: date) -> Frame | None:
    """Step k's frame (1-based), its dates clamped to the corpus's range."""
    if not 1 <= k <= len(steps):
        return None
    ev = events.get(steps[k - 1].event_id)
    f = narrative.frame(ev) if ev is not None else None
    if f is None:
        return None
    start, end = max(lo, min(f.start, hi)), min(hi, max(f.end, lo))
    return Frame(start, end, f.center, f.zoom)


def go(k: int, steps: list[Step], events: dict[str, Event], lo: date, hi: date) -> None:
    """Callback: make step k current (range, selection, URL); 0 leaves the narrative."""
    f = frame_for(k, steps, events, lo, hi)
    if f is None:
        st.session_state.pop("step", None)
        st.query_params.pop("step", None)
        return
    st.session_state["step"] = k
    st.session_state["date_range"] = (f.start, f.end)
    st.session_state["selected_event"] = steps[k - 1].event_id
    st.session_state["playing"] = False
    st.query_params["step"] = str(k)
    st.query_params["event"] = steps[k - 1].event_id


def current(steps: list[Step]) -> int:
    """The current step (1-based), from the session or, on a fresh page, the URL; 0 when none."""
    if "step" not in st.session_state:
        try:
            k = int(st.query_params.get("step", "0"))
        except ValueError:
            k = 0
        st.session_state["step"] = k if 1 <= k <= len(steps) else 0
        if st.session_state["step"]:
            st.session_state["selected_event"] = steps[k - 1].event_id
    k = st.session_state.get("step", 0)
    return k if 1 <= k <= len(steps) else 0


def bar(k: int, steps: list[Step], events: dict[str, Event], lo: date, hi: date) -> None:
    """Above the map while a narrative runs: where we are, previous / next (PageUp / PageDown), leave."""
    step = steps[k - 1]
    ev = events.get(step.event_id)
    c1, c2, c3, c4 = st.columns([2, 6, 2, 1], vertical_alignment="center")
    c1.button("◀ Previous", key="nar_prev", on_click=go, args=(k - 1, steps, events, lo, hi), disabled=k <= 1,
              shortcut="PageUp", help="Previous step (PageUp)")
    c2.markdown(f"**Step {k} of {len(steps)}** · {describe(ev, step)}" + (f"  \n{step.note}" if step.note else ""))
    c3.button("Next ▶", key="nar_next", on_click=go, args=(k + 1, steps, events, lo, hi), disabled=k >= len(steps),
              shortcut="PageDown", help="Next step (PageDown)", type="primary")
    c4.button("End", key="nar_end", on_click=go, args=(0, steps, events, lo, hi), help="Leave the narrative")


def sidebar(steps: list[Step], events: dict[str, Event], corpus: Path, lo: date, hi: date) -> None:
    """The narrative's steps: start, reorder, remove, sort by date."""
    path = narrative.path_for(corpus)
    st.subheader(f"Narrative ({len(steps)} steps)")
    if not steps:
        st.caption("Select an event (table or link) and press *Add to narrative* to build a briefing.")
        return
    st.button("▶ Start the narrative", key="nar_start", on_click=go, args=(1, steps, events, lo, hi), type="primary")
    for n, s in enumerate(steps, start=1):
        c1, c2, c3 = st.columns([6, 1, 1], vertical_alignment="center")
        c1.button(f"{n}. {describe(events.get(s.event_id), s)}", key=f"nar_go_{s.event_id}", on_click=go,
                  args=(n, steps, events, lo, hi), type="tertiary")
        c2.button("↑", key=f"nar_up_{s.event_id}", on_click=narrative.move, args=(path, s.event_id, -1),
                  disabled=n == 1, help="Earlier")
        c3.button("✕", key=f"nar_rm_{s.event_id}", on_click=narrative.remove, args=(path, s.event_id), help="Remove")
    st.button("Sort by date", key="nar_sort", on_click=narrative.sort_by_date, args=(path, events))


def picker(ev: Event, steps: list[Step], corpus: Path) -> None:
    """In the evidence panel: add the selected event to the narrative (with a note), or take it out."""
    path = narrative.path_for(corpus)
    if any(s.event_id == ev.id for s in steps):
        st.button("Remove from narrative", key=f"nar_out_{ev.id}", on_click=narrative.remove, args=(path, ev.id))
        return
    with st.form(key=f"nar_add_{ev.id}", border=False):
        c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
        note = c1.text_input("Note for the briefing (optional)", key=f"nar_note_{ev.id}")
        if c2.form_submit_button("Add to narrative"):
            narrative.add(path, ev.id, note.strip())
            st.rerun()
