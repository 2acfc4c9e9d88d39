"""The timeline as a control: what Streamlit returns for a click or a drag on it (shapes recorded from Chromium on
Streamlit 1.67's Vega-Lite) turned into a date range."""

from datetime import date

import pandas as pd

from dashboard import charts
from dashboard.charts import BRUSH, PICK, bar_unit, selection_range

LO, HI = date(2015, 1, 1), date(2026, 6, 30)


def test_a_clicked_bar_selects_its_day_or_month():
    day = {"selection": {BRUSH: {}, PICK: [{"yearmonthdate_date": "2024-11-24T00:00:00.000Z"}]}}
    assert selection_range(day, "day", LO, HI) == (date(2024, 11, 24), date(2024, 11, 24))
    month = {"selection": {PICK: [{"yearmonth_date": "2025-06-01T00:00:00.000Z"}]}}
    assert selection_range(month, "month", LO, HI) == (date(2025, 6, 1), date(2025, 6, 30))
    december = {"selection": {PICK: [{"yearmonth_date": "2024-12-01T00:00:00.000Z"}]}}
    assert selection_range(december, "month", LO, HI) == (date(2024, 12, 1), date(2024, 12, 31))
    # a browser east of Greenwich sends its local midnight in UTC: still that day
    east = {"selection": {PICK: [{"yearmonthdate_date": "2024-11-23T22:00:00.000Z"}]}}
    assert selection_range(east, "day", LO, HI) == (date(2024, 11, 24), date(2024, 11, 24))


def test_a_drag_selects_the_days_or_months_it_touches():
    drag = {"selection": {BRUSH: {"yearmonthdate_date": [1730972992686, 1731950110673]}}}  # 7 Nov 09:49 – 18 Nov 17:15 UTC
    assert selection_range(drag, "day", LO, HI) == (date(2024, 11, 7), date(2024, 11, 18))
    months = {"selection": {PICK: {}, BRUSH: {"yearmonth_date": [1740843073912, 1758568696327]}}}  # 1 Mar – 22 Sep 2025
    assert selection_range(months, "month", LO, HI) == (date(2025, 3, 1), date(2025, 9, 30))
    assert selection_range(months, "month", LO, date(2025, 6, 15)) == (date(2025, 3, 1), date(2025, 6, 15))  # the corpus's end
    backwards = {"selection": {BRUSH: {"yearmonthdate_date": [1731950110673, 1730972992686]}}}
    assert selection_range(backwards, "day", LO, HI) == (date(2024, 11, 7), date(2024, 11, 18))


def test_nothing_selected_changes_nothing():
    assert selection_range(None, "day", LO, HI) is None
    assert selection_range({"selection": {PICK: {}, BRUSH: {}}}, "month", LO, HI) is None  # a click between bars
    assert selection_range({"selection": {PICK: [{"yearmonth_date": "garbage"}]}}, "day", LO, HI) is None
    # entirely outside the corpus
    assert selection_range({"selection": {PICK: [{"d": "2030-01-01T00:00:00Z"}]}}, "day", LO, HI) == (HI, HI)


def test_the_chart_carries_both_selections_and_its_bar_unit():
    days = pd.DataFrame({"date": pd.to_datetime(["2024-12-01", "2024-12-20"]), "type": ["attack", "meeting"], "events": [1, 2]})
    assert bar_unit(days) == "day"
    years = days.assign(date=pd.to_datetime(["2019-01-01", "2024-12-20"]))
    assert bar_unit(years) == "month"
    spec = charts.timeline(days, date(2024, 12, 1), date(2024, 12, 3)).to_dict()
    params = {p["name"]: p["select"]["type"] for p in spec["params"]}
    assert params == {BRUSH: "interval", PICK: "point"}
