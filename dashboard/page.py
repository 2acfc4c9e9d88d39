"""OSINT map dashboard: articles -> places -> dated events -> map. Run: streamlit run dashboard/app.py (the
entry, which serves this page script after warming its imports; ``streamlit run dashboard/page.py`` works too).

The page as a story: the title and any problem with the corpus, the filters, the map, then (once the map is
drawn) the timeline, the events and their evidence, uploads, the article reader and the corpus notes. Each
part is a panel in ``dashboard/panels/``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run dashboard/page.py` from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from dashboard import warmup  # noqa: E402

warmup.wait()  # the server's warm-up of folium, pandas and geodata (dashboard/app.py) ends before we import them

import streamlit as st  # noqa: E402

from dashboard import mapview, review  # noqa: E402
from dashboard.panels import context, filters, mapframe, notes, reader, table, upload  # noqa: E402

# A new session's page below the map (table, timeline: about a second of the browser's main thread) starts
# this long after the map's first frame, so the map is on screen and responsive before that work begins;
# if the map never reports it is drawn, the page comes after REST_AT_THE_LATEST_S all the same.
REST_AFTER_MAP_S = 0.3
REST_AT_THE_LATEST_S = 6.0
REST_PENDING = "Loading the timeline and the events table…"  # tests/harness.py waits for it to go

PRESENT = st.query_params.get("mode") == "present"
st.set_page_config(page_title="OSINT map", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed" if PRESENT else "auto")
TITLE = st.query_params.get("title", "Bases and troop movements from the news")
if PRESENT:  # briefing view: no sidebar or toolbar, a compact header, the map down to the window's bottom (no
    # scrolling: osint-view.js sizes it); the URL carries the filters
    st.markdown("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stHeader'],"
                "[data-testid='stExpandSidebarButton'],header{display:none!important}"
                "h1{font-size:2.1rem!important;padding:0!important} .stMainBlockContainer{padding:.6rem 2rem .4rem!important}"
                "[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']{gap:.45rem}</style>",
                unsafe_allow_html=True)
    head, leave = st.columns([6, 1], vertical_alignment="center")
    head.title(TITLE)
    with leave:
        mapframe.leave_presentation()
else:
    st.title(TITLE)
review.show_flash()

page = context.open_page(PRESENT)
if not PRESENT:
    notes.skipped_warning(page)  # problems in sight: files the corpus folder holds but the map leaves out

present_slot = st.sidebar.empty()
# A new session's first run draws the map with the filters the URL (or a narrative step) opens on, and the
# sidebar's widgets come with the rest of the page once the map is drawn (see below): some forty lazily
# loaded widget bundles and their layout would otherwise hold up the map's own code in the browser.
chosen = filters.sidebar(page)
mask = page.index.mask(chosen.filters)
selected = mapframe.show(page, chosen, mask)
mapframe.keep_in_url(chosen)
if PRESENT and page.first_run:  # presentation mode never gets "the rest": its (hidden) sidebar comes after the map
    filters.main_widgets(page)
if not page.first_run or PRESENT:
    mapframe.presentation_link(present_slot)
if PRESENT:  # the legend on the map is the key
    st.stop()
st.caption(mapframe.KEY)

# A new session's first run stops here: the browser draws the map before it has to lay out the sidebar, the
# table, the timeline and the rest, which come once the map reports it is drawn (a rerun of the app).
if page.first_run:
    st.session_state["_full_page"] = True
    st.caption(REST_PENDING)
    mapview.when_drawn(key="map_drawn", after_s=REST_AFTER_MAP_S, wait_s=REST_AT_THE_LATEST_S)
    st.stop()

table.show(page, chosen, mask, selected, chosen.online.geocoder)
upload.show(page)
reader.show(page)
notes.show(page)
