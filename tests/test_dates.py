import random
from datetime import date, datetime

from geodata.dates import find_date_in_header, find_dates

MON = date(2024, 12, 9)  # a Monday
TUE = date(2020, 2, 11)  # a Tuesday
WED = date(2026, 1, 28)  # a Wednesday


def refs(text, published=MON):
    found = find_dates(text, published)
    for r in found:
        assert text[r.start:r.end] == r.text
    return found


def one(text, published=MON):
    found = refs(text, published)
    assert len(found) == 1, found
    r = found[0]
    return r.text, r.date, r.date_end, r.precision


def day(d):
    return d, d, "day"


# weekdays


def test_weekday_is_the_nearest_on_or_before_publication():
    assert one("Russian ships left Tartus on Sunday.") == ("Sunday", *day(date(2024, 12, 8)))
    assert one("Peskov said Monday that") == ("Monday", *day(MON))
    assert one("The talks began on Wednesday.") == ("Wednesday", *day(date(2024, 12, 4)))
    assert one("It happened on Tuesday", TUE) == ("Tuesday", *day(TUE))


def test_weekday_qualifiers_and_time_of_day():
    assert one("last Monday") == ("last Monday", *day(date(2024, 12, 2)))
    assert one("next Friday") == ("next Friday", *day(date(2024, 12, 13)))
    assert one("late on Sunday night") == ("Sunday night", *day(date(2024, 12, 8)))


def test_weekday_must_be_capitalised():
    assert refs("they sunday-school monday") == []
    assert refs("Mondays are quiet") == []
    assert refs("in your mailbox every Friday, each Sunday") == []


# month and day


def test_abbreviated_month_day_is_one_expression():
    assert one("On Dec. 15, ships left.", date(2024, 12, 16)) == ("Dec. 15", *day(date(2024, 12, 15)))
    assert one("on Dec. 12 the ship sailed") == ("Dec. 12", *day(date(2024, 12, 12)))
    assert one("on Dec 15") == ("Dec 15", *day(date(2024, 12, 15)))
    assert one("since Sept. 3") == ("Sept. 3", *day(date(2024, 9, 3)))


def test_month_day_takes_the_year_closest_to_publication():
    assert one("On Dec. 15, ships left.", date(2025, 1, 3))[1] == date(2024, 12, 15)
    assert one("due on Jan. 5", date(2024, 12, 20))[1] == date(2025, 1, 5)
    assert one("On December 8, the frigate left") == ("December 8", *day(date(2024, 12, 8)))


def test_day_month_and_ordinals():
    assert one("on 15 December") == ("15 December", *day(date(2024, 12, 15)))
    assert one("December 8th") == ("December 8th", *day(date(2024, 12, 8)))
    assert one("the 8th of December")[1] == date(2024, 12, 8)


def test_full_dates():
    assert one("December 8, 2024") == ("December 8, 2024", *day(date(2024, 12, 8)))
    assert one("8 December 2024") == ("8 December 2024", *day(date(2024, 12, 8)))
    assert one("on Monday, December 9, 2024") == ("Monday, December 9, 2024", *day(MON))
    assert one("date 2024-12-09 The press") == ("2024-12-09", *day(MON))
    assert one("Jan 3 2019", None) == ("Jan 3 2019", *day(date(2019, 1, 3)))


def test_may_and_march_only_as_dates():
    assert refs("the request may be granted") == []
    assert refs("In May the Prime Minister May spoke", MON) == []
    assert one("on May 5") == ("May 5", *day(date(2025, 5, 5)))
    assert one("in May 2020")[1:] == (date(2020, 5, 1), date(2020, 5, 31), "month")
    assert refs("they will march on the capital; March on!") == []
    assert one("March 3, 2021")[1] == date(2021, 3, 3)
    assert one("in March", TUE) == ("March", date(2019, 3, 1), date(2019, 3, 31), "month")  # past narration
    assert one("they will leave in March", TUE)[1] == date(2020, 3, 1)
    assert one("last March", TUE) == ("last March", date(2019, 3, 1), date(2019, 3, 31), "month")


def test_invalid_days_are_skipped():
    assert refs("on February 30") == []
    assert refs("February 30, 2024 and 2024-02-30 and 31 April") == []
    assert one("February 29, 2024")[1] == date(2024, 2, 29)


# years and months


def test_years_after_a_preposition():
    assert one("Russian troops used those bases in 2015 to help") == ("2015", date(2015, 1, 1), date(2015, 12, 31), "year")
    assert one("present since 2015.")[1:] == (date(2015, 1, 1), date(2015, 12, 31), "year")
    assert one("in early 2018")[0] == "early 2018"
    assert one("by the end of 2019")[1] == date(2019, 1, 1)


def test_numbers_are_not_years():
    assert refs("400 soldiers and 2,000 troops") == []
    assert refs("in 2000 soldiers left, the 2015 intervention, 1999") == []


def test_year_inside_a_full_date_is_not_separate():
    assert [r.text for r in refs("In December 8, 2024 and in December 2024")] == ["December 8, 2024", "December 2024"]


def test_months():
    assert one("in December 2024") == ("December 2024", date(2024, 12, 1), date(2024, 12, 31), "month")
    assert one("in October") == ("October", date(2024, 10, 1), date(2024, 10, 31), "month")
    assert one("in October last year", TUE) == ("October last year", date(2019, 10, 1), date(2019, 10, 31), "month")
    assert one("last month", TUE) == ("last month", date(2020, 1, 1), date(2020, 1, 31), "month")
    assert one("This month", TUE) == ("This month", date(2020, 2, 1), date(2020, 2, 29), "month")
    assert one("next month", date(2024, 12, 31))[1:] == (date(2025, 1, 1), date(2025, 1, 31), "month")
    assert refs("the October Revolution") == []


# relative


def test_days_relative_to_publication():
    assert one("yesterday") == ("yesterday", *day(date(2024, 12, 8)))
    assert one("Today") == ("Today", *day(MON))
    assert one("TOMORROW") == ("TOMORROW", *day(date(2024, 12, 10)))
    assert one("3 days ago") == ("3 days ago", *day(date(2024, 12, 6)))
    assert refs("USA Today reported") == []


def test_weeks():
    assert one("last week", TUE) == ("last week", date(2020, 2, 3), date(2020, 2, 9), "week")
    assert one("earlier this week", WED) == ("earlier this week", date(2026, 1, 26), WED, "week")
    assert one("this week", WED)[1:] == (date(2026, 1, 26), WED, "week")
    assert one("next week", WED)[1:] == (date(2026, 2, 2), date(2026, 2, 8), "week")
    assert one("two weeks ago", WED) == ("two weeks ago", date(2026, 1, 12), date(2026, 1, 18), "week")
    assert one("a week ago", WED)[1:] == (date(2026, 1, 19), date(2026, 1, 25), "week")


def test_recent_and_past_ranges():
    rng = (date(2024, 12, 3), MON, "range")
    assert one("in recent days") == ("in recent days", *rng)
    assert one("recent days")[1:] == rng
    assert one("in the past few days") == ("in the past few days", *rng)
    assert one("over the past week")[1:] == (date(2024, 12, 2), MON, "range")
    assert one("in the past week")[1:] == (date(2024, 12, 2), MON, "range")


def test_years_relative_to_publication():
    assert one("last year", TUE) == ("last year", date(2019, 1, 1), date(2019, 12, 31), "year")
    assert one("this year", TUE)[1:] == (date(2020, 1, 1), date(2020, 12, 31), "year")
    assert one("two years ago", TUE)[1:] == (date(2018, 1, 1), date(2018, 12, 31), "year")


# ranges


def test_day_ranges():
    rng = (date(2024, 12, 8), date(2024, 12, 10), "range")
    assert one("between December 8 and 10") == ("between December 8 and 10", *rng)
    assert one("on December 8-10") == ("December 8-10", *rng)
    assert one("8-10 December 2024")[1:] == rng
    assert one("from Dec. 8 to Dec. 12") == ("from Dec. 8 to Dec. 12", date(2024, 12, 8), date(2024, 12, 12), "range")
    assert one("Dec. 28 to Jan. 3")[1:] == (date(2024, 12, 28), date(2025, 1, 3), "range")


def test_year_ranges():
    assert one("from 2015 to 2018")[1:] == (date(2015, 1, 1), date(2018, 12, 31), "range")
    assert one("between 2011 and 2013", None)[1:] == (date(2011, 1, 1), date(2013, 12, 31), "range")


# overlaps, order, offsets


def test_longest_expression_wins_and_order_is_by_position():
    text = "Earlier this week, on Dec. 12, and in October last year; in 2015 and last week."
    found = refs(text, date(2024, 12, 13))
    assert [r.text for r in found] == ["Earlier this week", "Dec. 12", "October last year", "2015", "last week"]
    assert [r.start for r in found] == sorted(r.start for r in found)
    assert all(text[r.start:r.end] == r.text for r in found)


def test_without_publication_date_only_absolute_dates():
    text = "On Sunday, last week, on Dec. 15 and December 8, 2024, in 2015, 3 days ago, 2024-12-09."
    assert [r.text for r in refs(text, None)] == ["December 8, 2024", "2015", "2024-12-09"]


def test_datetime_publication_is_accepted():
    assert one("yesterday", datetime(2024, 12, 9, 15, 30))[1] == date(2024, 12, 8)


# header


def test_date_in_header():
    assert find_date_in_header(" date 2024-12-09 The press secretary said...") == MON
    assert find_date_in_header("Published December 9, 2024\n\nRussian ships left.") == MON
    assert find_date_in_header("By Staff. 9 Dec 2024. Russian ships left.") == MON
    assert find_date_in_header("Published 2024-12-09T08:00Z") == MON


def test_no_date_in_header():
    assert find_date_in_header("Russian ships left Tartus on Sunday, Dec. 15, in 2015.") is None
    assert find_date_in_header("x" * 500 + " 2024-12-09") is None
    assert find_date_in_header("x" * 390 + " 2024-12-09") == MON
    assert find_date_in_header("") is None


# robustness


def test_no_crash_on_odd_input():
    assert find_dates("", MON) == []
    assert find_dates("\x00\xff" * 1000, MON) == []
    assert find_date_in_header("\x00\xff" * 1000) is None
    for text in ["9999 years ago", "the past 99999 days", "December 31, 2099 to Jan 1", "\ud800 Dec. 1 \U0001f600"]:
        refs(text, date(1, 1, 1))
        refs(text, date(9999, 12, 31))


def test_one_megabyte_of_random_text_is_read_whole():  # its speed: benchmarks/pipeline_bench.py
    rng = random.Random(42)
    vocab = ("the in on last this week Monday Sunday December Dec. 15 8-10 2015 since May may March ago two days "
             "2024-12-09 from to between and troops 400 2,000 recent past few , . \n").split(" ")
    words = " ".join(rng.choice(vocab) for _ in range(160_000))[:500_000]
    noise = "".join(chr(rng.randrange(0, 0x2FFF)) for _ in range(500_000))
    text = words + noise
    found = find_dates(text, MON)
    assert found and all(text[r.start:r.end] == r.text for r in found)


def test_rules_scanned_around_their_anchors_find_what_a_whole_scan_finds():
    from geodata import dates

    rng = random.Random(3)
    vocab = ("the in on last this week Monday Sunday December Dec. 15 8-10 2015 since May may March ago two days "
             "2024-12-09 from to between and troops 400 2,000 recent past few yesterday tonight dayear "
             "20192020 1919 tomorrow evening morning , . \n Wednesday, WEDNESDAY JANUARY Sept. 1st 31st – - 12 "
             "of next coming over during within throughout early mid- late earlier weeks months years 99 2023/01/02").split(" ")
    vocab += ["YESTERDAY", "Last Week", "THE PAST FEW DAYS", "Two Weeks Ago", "USA today", "In Recent Months",
              "Wednesday, the 15th of December", "from Monday, Dec. 28, 2024 to Jan. 3", "between 2019 and 2021",
              "in the past few weeks", "late last month", "12 December 2024", "from 8 to 10 March 2025",
              "over the next two years", "last Sunday morning", "three weeks ago", "in recent days", "May 2024"]
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 60))) for _ in range(1000)]
    for text in texts:
        low, anchors = text.lower(), {}
        for rank, (rx, _, _) in enumerate(dates._RULES):
            whole = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in rx.finditer(text)]
            assert [m.span() for m in dates._matches(rank, text, low, anchors)] == [span for span, _ in whole]
            # the case-insensitive rules' twins on the lower-cased text: the same matches, groups lower-cased
            twins = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()})
                     for m in dates._matches(rank, text, low, anchors, twins=True)]
            assert twins == whole


def test_a_month_without_a_year_in_past_narration_is_the_most_recent_one():
    # invented sentences: published 2025-03-10, "in August" is August 2024, never August 2025
    assert one("The offensive in August stalled.", date(2025, 3, 10))[1:3] == (date(2024, 8, 1), date(2024, 8, 31))
    assert one("The troops arrived in March.", date(2025, 3, 10))[1] == date(2025, 3, 1)
    assert one("The base was handed over in early January.", date(2025, 3, 10))[1] == date(2025, 1, 1)
    # the future, or a deadline, may lie ahead
    assert one("The troops are expected to leave in June.", date(2025, 3, 10))[1] == date(2025, 6, 1)
    assert one("They were given until August.", date(2025, 3, 10))[1] == date(2025, 8, 1)


def test_a_wire_dateline_a_day_before_publication_anchors_relative_dates():
    text = "NIAMEY, Nov. 7 (Wire) -- The convoy left last Friday. It arrived on Monday."
    got = {r.text: r.date for r in find_dates(text, date(2025, 11, 8))}  # filed Friday the 7th, published Saturday
    assert got["last Friday"] == date(2025, 10, 31) and got["Monday"] == date(2025, 11, 3)
    # no dateline: publication is the anchor
    assert find_dates("The convoy left last Friday.", date(2025, 11, 8))[0].date == date(2025, 11, 7)
