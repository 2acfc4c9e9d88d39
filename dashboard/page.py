"""OSINT map dashboard: articles -> places -> dated events -> map. Run: streamlit run dashboard/app.py (the
entry, which serves this page script after warming its imports; ``streamlit run dashboard/page.py`` works too)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run dashboard/page.py` from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from dashboard import warmup  # noqa: E402

warmup.wait()  # the server's warm-up of folium, pandas and geodata (dashboard/app.py) ends before we import them

import folium  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import charts, mapview, playback, review, settings  # noqa: E402
from dashboard import narrative as nar  # noqa: E402
from dashboard.evidence import article_html  # noqa: E402
from dashboard.loading import corpus, gazetteer, signature  # noqa: E402
from dashboard.loading import settings as app_settings  # noqa: E402
from dashboard.state import DEFAULT_LAYERS, LAYERS, Filters, parse_date, parse_list  # noqa: E402
from geodata import narrative  # noqa: E402
from geodata.corpus import ArticleError, add_article  # noqa: E402
from geodata.export import (  # noqa: E402
    events_frame,
    export_csv,
    export_geojson,
    installations_geojson,
    map_dataset,
    mentions_geojson,
    quote_marks,
)
from geodata.models import EVENT_STATUSES, EVENT_TYPES  # noqa: E402

SETTINGS = app_settings()
CORPUS = SETTINGS.corpus
# A new session's page below the map (table, timeline: about a second of the browser's main thread) starts
# this long after the map's first frame, so the map is on screen and responsive before that work begins;
# if the map never reports it is drawn, the page comes after REST_AT_THE_LATEST_S all the same.
REST_AFTER_MAP_S = 0.3
REST_AT_THE_LATEST_S = 6.0
TABLE_ROWS = 2_000  # rows sent to the browser's table; the downloads always hold every kept event


PRESENT = st.query_params.get("mode") == "present"
st.set_page_config(page_title="OSINT map", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed" if PRESENT else "auto")
if PRESENT:  # briefing view: no sidebar or toolbar, large type; the URL carries the filters
    st.markdown("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],header{display:none}"
                "h1{font-size:3rem!important} .stMainBlockContainer{padding-top:1rem}</style>", unsafe_allow_html=True)
st.title(st.query_params.get("title", "Bases and troop movements from the news"))
review.show_flash()

loaded = corpus(SETTINGS, signature(CORPUS, SETTINGS.events_file))
if not mapview.published(loaded.urls):  # another app on this machine pruned the cache folder
    loaded.urls = mapview.publish(loaded.draw, loaded.details)
result, index = loaded.result, loaded.index
events = result.events
lo, hi = loaded.bounds
qp = st.query_params

steps = narrative.read(narrative.path_for(CORPUS))
step_events = {s.event_id: events[loaded.position[s.event_id]] for s in steps if s.event_id in loaded.position}
step_k = nar.current(steps)
step_frame = nar.frame_for(step_k, steps, step_events, lo, hi) if step_k else None

FIRST_RUN = not st.session_state.get("_full_page")  # a new session's first run: the map first

# What the filters open on: the URL, a narrative step's days (a link to a step opens on them), or everything.
start0 = parse_date(qp.get("start"), lo, hi) or lo
end0 = parse_date(qp.get("end"), lo, hi) or hi
if step_frame is not None:
    start0, end0 = step_frame.start, step_frame.end
range0 = (min(start0, end0), max(start0, end0)) if lo < hi else (lo, lo)
layers_q = parse_list(qp.get("layers"), LAYERS)
layers0 = {name for name in LAYERS if (name in DEFAULT_LAYERS if layers_q is None else name in layers_q)}
types_q = parse_list(qp.get("types"), EVENT_TYPES)
types0 = sorted(types_q) if types_q else list(EVENT_TYPES)


def filter_widgets() -> tuple[date, date, set[str], set[str], bool]:
    """The sidebar's main filters: date range (with "Jump to" and playback), layers, event types, undated."""
    with st.sidebar:
        if lo < hi:
            choices = loaded.presets

            def _jump() -> None:
                label = st.session_state.get("preset")
                for name, s, e in choices:
                    if name == label:
                        st.session_state["date_range"] = (s, e)

            st.selectbox("Jump to", [c[0] for c in choices], index=None,
                         placeholder="All dates, a month, an article's week…", key="preset", on_change=_jump)
            start, end = st.slider("Date range", min_value=lo, max_value=hi, value=range0, format="YYYY-MM-DD",
                                   key="date_range")
            playback.controls(lo, hi)
        else:
            start = end = lo
            st.caption(f"All events are dated {lo.isoformat()}")
        layers = {name for name in LAYERS if st.checkbox(
            "Place mentions" if name == "mentions" else name.capitalize(), value=name in layers0, key=f"layer_{name}")}
        types = set(st.multiselect("Event types", EVENT_TYPES, default=types0,
                                   format_func=lambda t: t.replace("_", " "), key="types"))
        undated = st.checkbox("Include undated events", value=True, key="undated")
    return start, end, layers, types, undated


def filters_as_opened() -> tuple[date, date, set[str], set[str], bool]:
    """What filter_widgets() returns when they are drawn, known without drawing them: each widget's value
    is its session state if set (a narrative step sets the range), else its default."""
    ss = st.session_state
    start, end = ss.get("date_range", range0) if lo < hi else (lo, lo)
    return (start, end, {name for name in LAYERS if ss.get(f"layer_{name}", name in layers0)},
            set(ss.get("types", types0)), ss.get("undated", True))


present_slot = st.sidebar.empty()
st.sidebar.header("Filters")
# A new session's first run draws the map with the filters the URL (or a narrative step) opens on, and the
# sidebar's widgets come with the rest of the page once the map is drawn (see below): some forty lazily
# loaded widget bundles and their layout would otherwise hold up the map's own code in the browser.
start, end, layers, types, undated = filters_as_opened() if FIRST_RUN else filter_widgets()
if FIRST_RUN:  # the rarer filters' defaults too: no filter, offline
    text, actors, outlets, statuses, reviewed = "", [], [], [], []
    online = settings.Online(None, None)
else:
    with st.sidebar:
        with st.expander("More filters"):
            text = st.text_input("Search quotes, places, titles", key="search")
            actors = st.multiselect("Actors", index.actors, key="actors")
            outlets = st.multiselect("Sources", index.sources, key="sources")
            statuses = st.multiselect("Status", EVENT_STATUSES, key="statuses")
            reviewed = st.multiselect("Review", ["unreviewed", "confirm", "edit", "add"], key="review")
        st.divider()
        online = settings.panel(gazetteer)
        st.divider()
        st.text_input("Analyst name (for review decisions)", key="analyst")
        st.divider()
        nar.sidebar(steps, step_events, CORPUS, lo, hi)

flt = Filters(start=start, end=end, types=types, include_undated=undated, actors=set(actors),
              sources=set(outlets), statuses=set(statuses), review=set(reviewed), text=text)
mask = index.mask(flt)

metrics_row = st.container()  # filled just after the map, in its place above it: the map's code loads first
st.caption(
    f"Showing {start.isoformat()} – {end.isoformat()}; bases coloured by status on {end.isoformat()}. "
    + online.status()
)

m = mapview.base_map(center=loaded.center, zoom=6, online_tiles=online.tiles, legend_open=PRESENT)
missing = mapview.external_links(m)
if missing:
    st.error(f"These map assets would be fetched from the internet and the map would stay blank offline: {missing}")

if step_k:
    nar.bar(step_k, steps, step_events, lo, hi)

# The selected event (table click or ?event= in the URL): the map flies to it without remounting.
sel_row = loaded.position.get(st.session_state.get("selected_event") or qp.get("event") or "", -1)
selected = events[sel_row] if sel_row >= 0 and mask[sel_row] else None
focus = selected.place if selected and selected.place else None
# a narrative step frames all its places; a selected event centres on its place
view = ((step_frame.center, step_frame.zoom) if step_frame is not None
        else ((focus.lat, focus.lon), 9) if focus else None)
caption = f"{start:%d %b %Y} – {end:%d %b %Y}" if start != end else f"{start:%d %b %Y}"
layers_fc = mapview.data_layers(loaded.urls, index.filter_mask(flt), installations_geojson(result.installations, end),
                                layers, caption=caption, selected=sel_row if selected else -1,
                                dates=(start, end, undated),
                                mentions_fc=mentions_geojson(result.articles, start, end) if "mentions" in layers else None)
st_folium(m, feature_group_to_add=layers_fc, layer_control=folium.LayerControl(collapsed=False), returned_objects=[],
          center=list(view[0]) if view else None, zoom=view[1] if view else None,
          height=780 if PRESENT else 620, use_container_width=True, key="map")
c1, c2, c3, c4 = metrics_row.columns(4)
c1.metric("Events in range", int(mask.sum()))
c2.metric("Movements", int((mask & index.moving).sum()))
c3.metric("Installations", len(result.installations))
c4.metric("Articles", len(result.articles))

st.query_params.update({"start": start.isoformat(), "end": end.isoformat()})
for name, chosen, every in (("layers", layers, set(DEFAULT_LAYERS)), ("types", types, set(EVENT_TYPES))):
    if chosen == every:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = ",".join(sorted(chosen))
if PRESENT and FIRST_RUN:  # presentation mode never gets "the rest": its (hidden) sidebar comes after the map
    filter_widgets()
if not FIRST_RUN or PRESENT:
    present_slot.link_button("Presentation mode", "?" + urlencode(
        {**{k: v for k, v in st.query_params.items() if k != "mode"}, "mode": "present"}))

st.caption("✈ air base / airport · ⚓ naval base / port, coloured by status on the end date. Event dots by type "
           "(hollow: date not known to the day); numbered bubbles are clusters; arrows run origin → destination "
           "(dashed: not to the day, ×n: movements on one route). Open *Legend* on the map for the key.")

if PRESENT:
    st.link_button("Leave presentation", "?" + urlencode({k: v for k, v in st.query_params.items() if k != "mode"}))
    st.stop()

# A new session's first run stops here: the browser draws the map before it has to lay out the sidebar, the
# table, the timeline and the rest, which come once the map reports it is drawn (a rerun of the app).
if FIRST_RUN:
    st.session_state["_full_page"] = True
    st.caption("Loading the timeline and the events table…")  # harness.REST_PENDING waits for it to go
    mapview.when_drawn(key="map_drawn", after_s=REST_AFTER_MAP_S, wait_s=REST_AT_THE_LATEST_S)
    st.stop()

df = loaded.frame.iloc[loaded.order[mask[loaded.order]]]  # the kept events in date order
timeline = charts.timeline(loaded.counts, start, end)
if timeline is not None:
    st.altair_chart(timeline, width="stretch")

st.subheader("Events")
if st.session_state.get("just_added"):  # what the machine proposes from the articles just uploaded
    new_files = set(st.session_state["just_added"])
    proposed = [e for r in result.articles if r.article.file in new_files for e in r.events]
    with st.container(border=True):
        st.markdown(f"**Proposed from your upload** ({', '.join(sorted(new_files))}): {len(proposed)} events. "
                    "Select one in the table below (or open its link) to see its evidence and confirm, reject or edit it.")
        if proposed:
            st.dataframe(events_frame(proposed)[["date", "type", "status", "place", "origin", "destination", "quote"]],
                         hide_index=True, width="stretch", key="proposed_table")
        st.button("Done reviewing the upload", key="upload_done", on_click=st.session_state.pop, args=("just_added",))
st.caption("Select a row to see its evidence, fly the map there, and confirm, reject or edit it.")
e1, e2, e3 = st.columns(3)
e1.download_button("Download events (CSV)", data=lambda: export_csv(index.take(mask)),
                   file_name=f"events_{start}_{end}.csv", mime="text/csv", on_click="ignore", key="dl_csv")
e2.download_button("Download events (GeoJSON)", data=lambda: export_geojson(index.take(mask)),
                   file_name=f"events_{start}_{end}.geojson", mime="application/geo+json", on_click="ignore",
                   key="dl_geojson")


def _briefing_file() -> bytes:
    """The shown events only (nothing filtered out travels with the file), built when it is asked for."""
    shown = index.take(mask)
    return mapview.standalone_html(*map_dataset(shown, quote_marks(shown, result.articles)), None,
                                   installations_geojson(result.installations, end),
                                   title=f"OSINT map {start} – {end}", center=loaded.center, caption=caption)


e3.download_button("Download map (offline HTML)", data=_briefing_file, on_click="ignore", key="dl_html",
                   mime="text/html", file_name=f"osint-map_{start}_{end}.html")
if len(df) > TABLE_ROWS:
    st.caption(f"The first {TABLE_ROWS:,} of {len(df):,} events in date order: narrow the range or the filters to see "
               "the rest, or download them all as CSV or GeoJSON.")
    df = df.head(TABLE_ROWS)
table = st.dataframe(
    df[["date", "date_end", "date_precision", "type", "status", "place", "origin", "destination", "actors", "quote",
        "source", "title", "published", "n_sources", "confidence", "review"]],
    hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="events_table",
    column_config={"date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
                   "date_end": st.column_config.DateColumn("until", format="YYYY-MM-DD")},
)
rows = table.selection.rows if table is not None and hasattr(table, "selection") else []
if rows:
    chosen = df.iloc[rows[0]]["id"]
    if chosen != st.session_state.get("selected_event"):
        st.session_state["selected_event"] = chosen
        st.query_params["event"] = chosen
        st.rerun()
if selected is not None:
    st.subheader("Evidence")
    review.evidence_panel(selected, result)
    review.review_panel(selected, CORPUS, online.geocoder)
    nar.picker(selected, steps, CORPUS)

with st.expander("Add articles"):
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader("Article text files (.txt, UTF-8, up to 2 MB each)", type=["txt"], accept_multiple_files=True)
        u1, u2 = st.columns(2)
        title_in = u1.text_input("Title (blank: first line)")
        source_in = u2.text_input("Source (outlet)")
        url_in = u1.text_input("URL")
        dated = u2.checkbox("Publication date known", value=True)
        published_in = u2.date_input("Published", value=date.today())
        if st.form_submit_button("Add to the corpus") and files:
            bar = st.progress(0.0, text="Adding…")
            added, failed = [], []
            for n, f in enumerate(files, start=1):
                meta = {"title": title_in if len(files) == 1 else "", "source": source_in, "url": url_in,
                        "published": published_in.isoformat() if dated else ""}
                try:
                    added.append(add_article(CORPUS, f.name, f.getvalue(), meta).name)
                except (ArticleError, OSError) as exc:
                    failed.append(str(exc))
                bar.progress(n / len(files), text=f"{n}/{len(files)}: {f.name}")
            for msg in failed:
                st.error(msg)
            if added:
                st.session_state["just_added"] = added
                st.rerun()

with st.expander("Article reader: what the machine read"):
    names = {f"{r.article.published or 'undated'} · {r.article.title}": r for r in result.articles}
    if names:
        pick = names[st.selectbox("Article", list(names), key="reader")]
        a = pick.article
        st.caption(f"{a.source} · published {a.published or 'undated'} ({a.published_from or 'no date found'})"
                   + (f" · {a.notes}" if a.notes else "") + f" · {len(pick.mentions)} places, {len(pick.dates)} dates, "
                   f"{len(pick.events)} events")
        st.markdown(review.MARK_CSS + '<div class="ev-article">'
                    + article_html(a.text, pick.mentions, pick.dates, a.excluded) + "</div>", unsafe_allow_html=True)

if result.errors or result.warnings:
    with st.expander(f"Corpus notes: {len(result.errors)} errors, {len(result.warnings)} warnings"):
        for err in result.errors:
            st.error(f"{err.file}: {err.error}")
        for w in result.warnings:
            st.warning(w)
