"""The timeline: events per day (or month, for long corpora) by type over the whole corpus, the selected range shaded (Altair,
rendered by Streamlit's bundled Vega-Lite: no network). It is also a control: clicking a bar selects its day or month,
dragging across bars selects their days or months (``selection_range`` turns what Streamlit returns into dates)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard import vocab

if TYPE_CHECKING:
    import altair as alt


def daily_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per day by type (computed once per corpus; a few thousand rows even for 100,000 events)."""
    dated = df.dropna(subset=["date"])
    return dated.groupby([dated["date"].dt.floor("D"), "type"]).size().reset_index(name="events")


BRUSH, PICK = "brush", "pick"  # the timeline's selections: a dragged interval, a clicked bar
MONTHLY_AFTER_DAYS = 120  # a longer corpus gets a bar a month, not a day


def bar_unit(counts: pd.DataFrame) -> str:
    """"day" or "month": what one bar of the timeline counts."""
    if counts.empty:
        return "day"
    return "day" if (counts["date"].max() - counts["date"].min()).days <= MONTHLY_AFTER_DAYS else "month"


def _as_date(value: Any, nearest: bool) -> date | None:
    """A date from a Vega-Lite selection value: epoch milliseconds (a dragged interval's ends), an ISO string (a clicked
    bar's start, "2024-11-24T00:00:00.000Z": the browser's local midnight in UTC, so rounded to the nearest day when
    ``nearest``), or a Vega DateTime object."""
    if isinstance(value, dict) and "year" in value:
        month = value.get("month", 1)
        return date(int(value["year"]), int(month) if isinstance(month, int | float) else 1, int(value.get("date", 1)))
    if isinstance(value, bool) or value is None:
        return None
    try:
        moment = (datetime.fromtimestamp(value / 1000, tz=UTC) if isinstance(value, int | float)
                  else pd.Timestamp(value).to_pydatetime())
    except (ValueError, TypeError, OverflowError, OSError):
        return None
    return (moment + timedelta(hours=12)).date() if nearest else moment.date()


def _month_end(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)


def selection_range(state: Any, unit: str, lo: date, hi: date) -> tuple[date, date] | None:
    """The date range a selection on the timeline means, clamped to [lo, hi]: a dragged interval (``BRUSH``: two
    values of the bars' time field) covers every day, or every month, it touches; a clicked bar (``PICK``: a list of
    points) is its day or month. None when nothing is selected (a click beside the bars)."""
    selection = (state or {}).get("selection", state) or {}
    brush, picked = selection.get(BRUSH) or {}, selection.get(PICK) or []
    ends: list[date] = []
    for values in (brush.values() if isinstance(brush, dict) else []):
        if isinstance(values, list | tuple) and len(values) == 2:
            ends = [d for d in (_as_date(v, False) for v in values) if d is not None]
            break
    if len(ends) != 2 or ends[0] == ends[1] and picked:
        ends = []
        for point in picked if isinstance(picked, list) else []:
            ends += [d for d in (_as_date(v, True) for v in point.values()) if d is not None] if isinstance(point, dict) else []
    if not ends:
        return None
    start, end = min(ends), max(ends)
    if unit == "month":
        start, end = start.replace(day=1), _month_end(end)
    start, end = min(max(start, lo), hi), min(max(end, lo), hi)
    return (start, end) if start <= end else None


def timeline(counts: pd.DataFrame, start: date, end: date) -> alt.LayerChart | None:
    import altair as alt  # imported after the map is on its way

    if counts.empty:
        return None
    unit, fmt = ("yearmonthdate", "%Y-%m-%d") if bar_unit(counts) == "day" else ("yearmonth", "%Y-%m")
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
    ).add_params(alt.selection_interval(name=BRUSH, encodings=["x"]), alt.selection_point(name=PICK, encodings=["x"]))
    shade = alt.Chart(pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end)]})).mark_rect(
        opacity=0.12, color="#1f77b4").encode(x="start:T", x2="end:T")
    title = ("Events per " + ("day" if unit == "yearmonthdate" else "month") + " by type: the range shaded; "
             "click a bar or drag across bars to select")
    return (shade + bars).properties(height=170, title=title)
