"""The timeline: events per day (or month, for long corpora) by type over the whole corpus, the selected range shaded (Altair,
rendered by Streamlit's bundled Vega-Lite: no network)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from dashboard import vocab

if TYPE_CHECKING:
    import altair as alt


def daily_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per day by type (computed once per corpus; a few thousand rows even for 100,000 events)."""
    dated = df.dropna(subset=["date"])
    return dated.groupby([dated["date"].dt.floor("D"), "type"]).size().reset_index(name="events")


def timeline(counts: pd.DataFrame, start: date, end: date) -> alt.LayerChart | None:
    import altair as alt  # imported after the map is on its way

    if counts.empty:
        return None
    span_days = (counts["date"].max() - counts["date"].min()).days
    unit, fmt = ("yearmonthdate", "%Y-%m-%d") if span_days <= 120 else ("yearmonth", "%Y-%m")
    # the vocabulary's colours by type name; the legend and the tooltip show its labels
    names, colors = vocab.type_scale(counts["type"].unique())
    labels = {t: vocab.type_label(t) for t in names}
    label_expr = "".join(f"datum.label === {json.dumps(t)} ? {json.dumps(lab)} : " for t, lab in labels.items()) + "datum.label"
    data = counts.assign(label=counts["type"].map(labels))
    bars = alt.Chart(data).mark_bar(size=6 if unit == "yearmonth" else 10).encode(
        x=alt.X(f"{unit}(date):T", title=None), y=alt.Y("sum(events):Q", title="Events"),
        color=alt.Color("type:N", scale=alt.Scale(domain=names, range=colors),
                        legend=alt.Legend(orient="right", title=None, labelExpr=label_expr)),
        tooltip=[alt.Tooltip(f"{unit}(date):T", format=fmt, title="Date"), alt.Tooltip("label:N", title="Type"),
                 alt.Tooltip("sum(events):Q", title="Events")],
    )
    shade = alt.Chart(pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end)]})).mark_rect(
        opacity=0.12, color="#1f77b4").encode(x="start:T", x2="end:T")
    title = "Events per " + ("day" if unit == "yearmonthdate" else "month") + " by type (selected range shaded)"
    return (shade + bars).properties(height=170, title=title)
