"""The evidence and review panel for one selected event (Streamlit widgets; writes curations.csv)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import vocab
from dashboard.evidence import highlight, sources_html
from geodata import curation
from geodata.models import EVENT_STATUSES, Event
from geodata.pipeline import CorpusResult

MARK_CSS = """<style>
mark.ev-place { background: #d0e8ff; padding: 0 2px; border-radius: 2px; }
mark.ev-date { background: #ffe7a8; padding: 0 2px; border-radius: 2px; }
.ev-furniture { color: #999; text-decoration: line-through; }
.ev-article { max-height: 32em; overflow: auto; line-height: 1.5; }
</style>"""


def evidence_panel(ev: Event, result: CorpusResult) -> None:
    st.markdown(MARK_CSS, unsafe_allow_html=True)
    by_id = {r.article.id: r for r in result.articles}
    n_articles = len({s.article_id for s in ev.sources if s.article_id})
    st.markdown(f"**{vocab.type_label(ev.type)} · {vocab.status_label(ev.status)}** · {ev.date or 'undated'}"
                + (f" – {ev.date_end}" if ev.date_end and ev.date_end != ev.date else "")
                + f" ({vocab.precision_label(ev.date_precision)}) · confidence {ev.confidence:.0%}"
                + (f" · reported by {n_articles} sources" if n_articles > 1 else "")
                + (f" · review: {ev.review}" if ev.review else ""))
    for src in ev.sources:
        r = by_id.get(src.article_id)
        if r is None:
            st.text(src.quote)  # an analyst-added event: plain text
            continue
        body = highlight(r.article.text, src.start, src.end, r.mentions, r.dates)
        st.markdown(f'<blockquote class="ev-quote">{body}</blockquote>', unsafe_allow_html=True)
    st.markdown(sources_html(ev), unsafe_allow_html=True)


def flash(message: str) -> None:
    """A toast that survives the ``st.rerun()`` that follows a write (a plain toast is lost with the old run)."""
    st.session_state["_flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("_flash", None)
    if message:
        st.toast(message)


def review_panel(ev: Event, corpus_folder: Path, geocoder=None) -> None:
    """Confirm, reject or edit: written at once, atomically, to the corpus's curations.csv.

    ``geocoder`` (the offline-then-online chain, when the analyst turned the online geocoder on) places an
    edited name the gazetteer does not know; its answer is cached, so rebuilds place it offline."""
    path = curation.path_for(corpus_folder)
    c1, c2, c3 = st.columns(3)
    analyst = st.session_state.get("analyst", "")
    if c1.button("Confirm", key=f"confirm-{ev.id}"):
        curation.record(path, curation.Curation(ev.id, "confirm", analyst=analyst))
        flash("Confirmed")
        st.rerun()
    if c2.button("Reject", key=f"reject-{ev.id}"):
        curation.record(path, curation.Curation(ev.id, "reject", analyst=analyst))
        flash("Rejected: hidden from the map, kept in curations.csv")
        st.rerun()
    if ev.review and c3.button("Undo my decision", key=f"undo-{ev.id}"):
        curation.withdraw(path, ev.id)
        st.rerun()
    with st.form(key=f"edit-{ev.id}"):
        st.caption("Edit: blank fields keep the extracted value; a place name is looked up in the gazetteer.")
        types = list(vocab.event_types()) + ([ev.type] if ev.type not in vocab.event_types() else [])
        t = st.selectbox("Type", types, index=types.index(ev.type), format_func=vocab.type_label)
        s = st.selectbox("Status", EVENT_STATUSES, index=EVENT_STATUSES.index(ev.status), format_func=vocab.status_label)
        d = st.date_input("Date", value=ev.date or date.today())
        place = st.text_input("Place", value="")
        note = st.text_input("Note", value="")
        if st.form_submit_button("Save edit"):
            unplaced = bool(place.strip()) and geocoder is not None and geocoder.geocode(place.strip()) is None
            try:
                curation.record(path, curation.Curation(
                    ev.id, "edit", type=t if t != ev.type else "", status=s if s != ev.status else "",
                    date=d.isoformat() if d != ev.date else "", place=place.strip(), note=note.strip(), analyst=analyst))
            except curation.CurationError as exc:
                st.error(str(exc))
            else:
                flash(f"Saved; {place.strip()!r} was found neither offline nor online, so the event keeps its place "
                      f"(reported under corpus notes). {geocoder.online.last_error or ''}" if unplaced else "Saved")
                st.rerun()
