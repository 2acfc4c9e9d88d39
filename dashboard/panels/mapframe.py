"""The map and what sits with it: the metrics above it, the status line, the narrative's step bar, the selected
event (a table click or ``?event=``), the filters written back to the URL and the presentation-mode link."""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np
import streamlit as st
from streamlit_folium import st_folium

from dashboard import mapview, vocab
from dashboard import narrative as nar
from dashboard.panels.context import Page
from dashboard.panels.filters import Chosen
from dashboard.state import DEFAULT_LAYERS
from dashboard.state import plural as vocab_plural
from geodata.export import installations_geojson, mentions_geojson
from geodata.models import Event

KEY = ("✈ air base / airport · ⚓ naval base / port (or NATO APP-6 symbols, when that option is on), coloured by "
       "status on the end date. Event dots by type (hollow: date not known to the day; a dashed circle: a place known "
       "only to its country, region or province); numbered bubbles are clusters; arrows run origin → destination "
       "(dashed: not to the day, dotted: an end inferred from the article, open head: country-level, ×n: movements on "
       "one route). Open *Legend* on the map for the key.")


# the map's height in presentation mode before its script sizes it to the window (osint-view.js fitWindow)
PRESENT_HEIGHT = 520


def map_caption(chosen: Chosen) -> str:
    start, end = chosen.filters.start, chosen.filters.end
    return f"{start:%d %b %Y} – {end:%d %b %Y}" if start != end else f"{start:%d %b %Y}"


def selected_event(page: Page, mask: np.ndarray) -> tuple[int, Event | None]:
    """The row and event selected (a table click or ``?event=`` in the URL), if the filters keep it."""
    row = page.loaded.position.get(st.session_state.get("selected_event") or st.query_params.get("event") or "", -1)
    return row, (page.events[row] if row >= 0 and mask[row] else None)


def show(page: Page, chosen: Chosen, mask: np.ndarray) -> Event | None:
    """The metrics, the map and its status line; returns the selected event."""
    flt, index, result = chosen.filters, page.index, page.result
    metrics_row = st.container()  # filled just after the map, in its place above it: the map's code loads first
    if not page.present:  # presentation: the map's caption says the range, one short line says the counts
        st.caption(f"Showing {flt.start.isoformat()} – {flt.end.isoformat()}; bases coloured by status on "
                   f"{flt.end.isoformat()}. " + chosen.online.status())
    # the legend starts folded (it opens on a click); in presentation mode the map fills the window to its bottom
    m = mapview.base_map(center=page.loaded.center, zoom=6, online_tiles=chosen.online.tiles, fit_window=page.present)
    missing = mapview.external_links(m)
    if missing:
        st.error(f"These map assets would be fetched from the internet and the map would stay blank offline: {missing}")
    if page.step_k:
        nar.bar(page.step_k, page.steps, page.step_events, page.lo, page.hi)
    sel_row, selected = selected_event(page, mask)
    focus = selected.place if selected and selected.place else None
    # a narrative step frames all its places; a selected event centres on its place
    view = ((page.step_frame.center, page.step_frame.zoom) if page.step_frame is not None
            else ((focus.lat, focus.lon), 9) if focus else None)
    # what frames the view this run, if not the data itself (the map then leaves it as set)
    frame = f"step:{page.step_k}" if page.step_frame is not None else f"event:{selected.id}" if focus else None
    layers_fc = mapview.data_layers(
        page.loaded.urls, index.filter_mask(flt), installations_geojson(result.installations, flt.end, page.loaded.names), chosen.layers,
        caption=map_caption(chosen), selected=sel_row if selected else -1, dates=(flt.start, flt.end, flt.include_undated),
        mentions_fc=mentions_geojson(result.articles, flt.start, flt.end) if "mentions" in chosen.layers else None,
        follow=chosen.follow, frame=frame, frame_rows=[sel_row] if page.step_frame is not None and selected else None)
    # one layer control, the sidebar's: a box on the map would duplicate it and cover popups' close buttons
    st_folium(m, feature_group_to_add=layers_fc, returned_objects=[],
              center=list(view[0]) if view else None, zoom=view[1] if view else None,
              height=PRESENT_HEIGHT if page.present else 620, use_container_width=True, key="map")
    if page.present:
        metrics_row.caption(f"{vocab_plural(int(mask.sum()), 'event')} in range · "
                            f"{vocab_plural(int((mask & index.moving).sum()), 'movement')} · "
                            f"{vocab_plural(len(result.installations), 'installation')} · "
                            f"{vocab_plural(len(result.articles), 'article')} · " + chosen.online.status())
        return selected
    c1, c2, c3, c4 = metrics_row.columns(4)
    c1.metric("Events in range", int(mask.sum()))
    c2.metric("Movements", int((mask & index.moving).sum()))
    c3.metric("Installations", len(result.installations))
    c4.metric("Articles", len(result.articles))
    return selected


def keep_in_url(chosen: Chosen) -> None:
    """The range, and the layers and types when they are not all of them, written to the URL."""
    flt = chosen.filters
    st.query_params.update({"start": flt.start.isoformat(), "end": flt.end.isoformat()})
    for name, picked, every in (("layers", chosen.layers, set(DEFAULT_LAYERS)), ("types", flt.types, set(vocab.event_types()))):
        if picked == every:
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = ",".join(sorted(picked))


def _link(mode: str | None) -> str:
    return "?" + urlencode({**{k: v for k, v in st.query_params.items() if k != "mode"}, **({"mode": mode} if mode else {})})


def presentation_link(slot) -> None:
    slot.link_button("Presentation mode", _link("present"))


def leave_presentation() -> None:
    st.link_button("Leave presentation", _link(None))
