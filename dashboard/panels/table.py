"""Below the map: the timeline, the events (proposed from an upload, downloads, the table in date order with
human headers and the vocabulary's labels) and the selected event's evidence, review and narrative picker."""

from __future__ import annotations

import numpy as np
import streamlit as st

from dashboard import charts, mapview, review, vocab
from dashboard import narrative as nar
from dashboard.panels.context import Page
from dashboard.panels.filters import Chosen
from dashboard.panels.mapframe import map_caption
from dashboard.state import plural
from geodata.export import events_frame, export_csv, export_geojson, installations_geojson, map_dataset, quote_marks
from geodata.models import Event

TABLE_ROWS = 2_000  # rows sent to the browser's table; the downloads always hold every kept event
PROPOSED_COLUMNS = ["date", "type", "status", "place", "origin", "destination", "quote"]
DATES = {"Date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
         "Until": st.column_config.DateColumn("Until", format="YYYY-MM-DD")}


def _picked_dates(page: Page, key: str) -> None:
    """A click or a drag on the timeline sets the date range (in the callback: before the rerun draws the slider)."""
    picked = charts.selection_range(st.session_state.get(key), charts.bar_unit(page.loaded.counts), page.lo, page.hi)
    if picked is not None:
        st.session_state["date_range"] = picked


def timeline(page: Page, chosen: Chosen) -> None:
    chart = charts.timeline(page.loaded.counts, chosen.filters.start, chosen.filters.end)
    if chart is not None:
        # keyed by the range: a new range (from the chart or any other control) starts the chart with no selection, so
        # the shade alone shows the range and a click on the bar picked before selects it again
        key = f"timeline_{chosen.filters.start}_{chosen.filters.end}"
        st.altair_chart(chart, width="stretch", on_select=lambda: _picked_dates(page, key), key=key)


def proposed_from_upload(page: Page) -> None:
    """What the machine proposes from the articles just uploaded."""
    if not st.session_state.get("just_added"):
        return
    new_files = set(st.session_state["just_added"])
    proposed = [e for r in page.result.articles if r.article.file in new_files for e in r.events]
    with st.container(border=True):
        st.markdown(f"**Proposed from your upload** ({', '.join(sorted(new_files))}): {plural(len(proposed), 'event')}. "
                    "Select one in the table below (or open its link) to see its evidence and confirm, reject or edit it.")
        if proposed:
            st.dataframe(vocab.table_view(events_frame(proposed, page.loaded.names), PROPOSED_COLUMNS), hide_index=True, width="stretch",
                         column_config=DATES, key="proposed_table")
        st.button("Done reviewing the upload", key="upload_done", on_click=st.session_state.pop, args=("just_added",))


def downloads(page: Page, chosen: Chosen, mask: np.ndarray) -> None:
    index, start, end = page.index, chosen.filters.start, chosen.filters.end

    def briefing_file() -> bytes:
        """The shown events only (nothing filtered out travels with the file), built when it is asked for."""
        shown = index.take(mask)
        return mapview.standalone_html(*map_dataset(shown, quote_marks(shown, page.result.articles), page.loaded.names), None,
                                       installations_geojson(page.result.installations, end, page.loaded.names),
                                       title=f"OSINT map {start} – {end}", center=page.loaded.center,
                                       caption=map_caption(chosen), app6="app6" in chosen.layers)

    e1, e2, e3 = st.columns(3)
    e1.download_button("Download events (CSV)", data=lambda: export_csv(index.take(mask)),
                       file_name=f"events_{start}_{end}.csv", mime="text/csv", on_click="ignore", key="dl_csv")
    e2.download_button("Download events (GeoJSON)", data=lambda: export_geojson(index.take(mask)),
                       file_name=f"events_{start}_{end}.geojson", mime="application/geo+json", on_click="ignore",
                       key="dl_geojson")
    e3.download_button("Download map (offline HTML)", data=briefing_file, on_click="ignore", key="dl_html",
                       mime="text/html", file_name=f"osint-map_{start}_{end}.html")


def events_table(page: Page, mask: np.ndarray) -> None:
    """The kept events in date order; selecting a row selects its event (map, URL, evidence)."""
    loaded = page.loaded
    df = loaded.frame.iloc[loaded.order[mask[loaded.order]]]
    if len(df) > TABLE_ROWS:
        st.caption(f"The first {TABLE_ROWS:,} of {len(df):,} events in date order: narrow the range or the filters to see "
                   "the rest, or download them all as CSV or GeoJSON.")
        df = df.head(TABLE_ROWS)
    table = st.dataframe(vocab.table_view(df), hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key="events_table", column_config=DATES)
    rows = table.selection.rows if table is not None and hasattr(table, "selection") else []
    if rows:
        chosen = df.iloc[rows[0]]["id"]
        if chosen != st.session_state.get("selected_event"):
            st.session_state["selected_event"] = chosen
            st.query_params["event"] = chosen
            st.rerun()


def show(page: Page, chosen: Chosen, mask: np.ndarray, selected: Event | None, geocoder) -> None:
    timeline(page, chosen)
    st.subheader("Events")
    proposed_from_upload(page)
    st.caption("Select a row to see its evidence, fly the map there, and confirm, reject or edit it.")
    downloads(page, chosen, mask)
    events_table(page, mask)
    if selected is not None:
        st.subheader("Evidence")
        review.evidence_panel(selected, page.result)
        review.review_panel(selected, page.corpus, geocoder)
        nar.picker(selected, page.steps, page.corpus)
