"""The timeline: events per day by type over the whole corpus, the selected range shaded (Altair,
rendered by Streamlit's bundled Vega-Lite: no network)."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd


def timeline(df: pd.DataFrame, start: date, end: date) -> alt.LayerChart | None:
    dated = df.dropna(subset=["date"])
    if dated.empty:
        return None
    counts = dated.groupby([dated["date"].dt.floor("D"), "type"]).size().reset_index(name="events")
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("date:T", title=None), y=alt.Y("events:Q", title="events"),
        color=alt.Color("type:N", legend=alt.Legend(orient="bottom", columns=5)),
        tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), "type:N", "events:Q"],
    )
    shade = alt.Chart(pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end)]})).mark_rect(
        opacity=0.12, color="#1f77b4").encode(x="start:T", x2="end:T")
    return (shade + bars).properties(height=140, title="Events per day (selected range shaded)")
