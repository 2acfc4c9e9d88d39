"""Playback: step the date range forward or back, or play it (a timed fragment that reruns the app)."""

from __future__ import annotations

import time
from datetime import date

import streamlit as st

from dashboard.state import STEP_UNITS, step

SPEEDS = {"slow (3 s)": 3.0, "normal (1.5 s)": 1.5, "fast (0.7 s)": 0.7}


def _move(lo: date, hi: date, direction: int) -> bool:
    start, end = st.session_state["date_range"]
    moved = step(start, end, lo, hi, direction, st.session_state.get("step_unit", "week"))
    if moved is None:
        return False
    st.session_state["date_range"] = moved
    return True


def _toggle() -> None:
    st.session_state["playing"] = not st.session_state.get("playing", False)
    st.session_state["last_step"] = time.monotonic()


def controls(lo: date, hi: date) -> None:
    """Step buttons, play/pause, step unit and speed, under the date slider."""
    playing = st.session_state.get("playing", False)
    c1, c2, c3 = st.columns(3)
    c1.button("◀ Step", key="step_back", on_click=_move, args=(lo, hi, -1), help="Move the range back one step")
    c2.button("⏸ Pause" if playing else "▶ Play", key="play", on_click=_toggle, help="Step forward until the end")
    c3.button("Step ▶", key="step_fwd", on_click=_move, args=(lo, hi, 1), help="Move the range forward one step")
    u1, u2 = st.columns(2)
    u1.selectbox("Step", list(STEP_UNITS), index=1, key="step_unit")
    u2.selectbox("Speed", list(SPEEDS), index=1, key="speed")
    interval = SPEEDS[st.session_state.get("speed", "normal (1.5 s)")]

    @st.fragment(run_every=interval if playing else None)
    def _tick() -> None:
        if not st.session_state.get("playing"):
            return
        if time.monotonic() - st.session_state.get("last_step", 0.0) < interval * 0.8:
            return  # the app's own rerun also passes here: only the timer steps
        st.session_state["last_step"] = time.monotonic()
        if not _move(lo, hi, 1):
            st.session_state["playing"] = False
        st.rerun()

    _tick()
