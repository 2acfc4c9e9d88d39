from datetime import date

from dashboard.state import Filters, parse_date, parse_list, presets, select


def test_parse_url_values_defensively():
    lo, hi = date(2020, 1, 1), date(2024, 12, 31)
    assert parse_date("2021-05-06", lo, hi) == date(2021, 5, 6)
    assert parse_date("1999-01-01", lo, hi) == lo and parse_date("2099-01-01", lo, hi) == hi
    assert parse_date("not-a-date", lo, hi) is None and parse_date(None, lo, hi) is None
    assert parse_list("bases,nope,events", ("bases", "events", "movements")) == {"bases", "events"}


def test_presets_and_selection(seeds_result):
    evs = seeds_result.events
    lo, hi = min(e.date for e in evs if e.date), max(e.date_end for e in evs if e.date)
    ps = presets(evs, [("Title", date(2024, 12, 9))], lo, hi)
    assert ps[0] == ("All dates", lo, hi)
    assert ("Week of 2024-12-09: Title", date(2024, 12, 9), date(2024, 12, 15)) in ps
    dec = next(p for p in ps if p[0].startswith("2024-12"))
    shown = select(evs, Filters(start=dec[1], end=dec[2]))
    assert shown and all(e.date <= dec[2] and e.date_end >= dec[1] for e in shown)


def test_step_keeps_the_width_and_stops_at_the_edges():
    from dashboard.state import step

    lo, hi = date(2024, 1, 1), date(2024, 12, 31)
    assert step(date(2024, 3, 1), date(2024, 3, 7), lo, hi, 1, "week") == (date(2024, 3, 8), date(2024, 3, 14))
    assert step(date(2024, 3, 8), date(2024, 3, 14), lo, hi, -1, "week") == (date(2024, 3, 1), date(2024, 3, 7))
    assert step(date(2024, 12, 20), date(2024, 12, 31), lo, hi, 1, "day") is None
    assert step(lo, date(2024, 1, 5), lo, hi, -1, "day") is None
    assert step(date(2024, 12, 25), date(2024, 12, 29), lo, hi, 1, "week") == (date(2024, 12, 27), date(2024, 12, 31))


def test_filters_by_actor_source_status_review_and_text(seeds_result):
    evs = seeds_result.events
    lo, hi = date(2000, 1, 1), date(2030, 1, 1)
    everything = select(evs, Filters(start=lo, end=hi))
    turkey = select(evs, Filters(start=lo, end=hi, actors={"Turkey"}))
    assert turkey and len(turkey) < len(everything) and all("Turkey" in e.actors for e in turkey)
    mt = select(evs, Filters(start=lo, end=hi, sources={"The Moscow Times"}))
    assert mt and all(any(s.source == "The Moscow Times" for s in e.sources) for e in mt)
    planned = select(evs, Filters(start=lo, end=hi, statuses={"planned"}))
    assert planned and all(e.status == "planned" for e in planned)
    assert select(evs, Filters(start=lo, end=hi, review={"confirm"})) == []
    hits = select(evs, Filters(start=lo, end=hi, text="qamishli"))
    assert hits and all("qamishli" in (e.quote + (e.place.name if e.place else "")).lower() for e in hits)


def test_plural():
    from dashboard.state import plural

    assert (plural(1, "event"), plural(0, "event"), plural(2, "warning"), plural(1_200, "event")) == (
        "1 event", "0 events", "2 warnings", "1,200 events")


def test_typed_range_clamps_and_keeps_from_before_to():
    from dashboard.state import typed_range

    lo, hi, now = date(2018, 1, 1), date(2026, 6, 30), (date(2024, 12, 1), date(2024, 12, 31))
    assert typed_range(date(2024, 11, 3), date(2024, 12, 31), lo, hi, "from", now) == (date(2024, 11, 3), date(2024, 12, 31))
    assert typed_range(date(2010, 1, 1), date(2030, 1, 1), lo, hi, "to", now) == (lo, hi)  # clamped to the corpus
    # From typed past To: To follows; To typed before From: From follows
    assert typed_range(date(2025, 2, 1), date(2024, 12, 31), lo, hi, "from", now) == (date(2025, 2, 1), date(2025, 2, 1))
    assert typed_range(date(2024, 12, 1), date(2024, 6, 5), lo, hi, "to", now) == (date(2024, 6, 5), date(2024, 6, 5))
    assert typed_range(None, date(2025, 1, 5), lo, hi, "to", now) == (date(2024, 12, 1), date(2025, 1, 5))  # a cleared field
