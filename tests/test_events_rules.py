"""Extraction rules for the failure classes measured on real articles (issue 14), on invented sentences."""

from datetime import date

from geodata.corpus import make_article, mark_boilerplate
from geodata.events import merge_events
from geodata.models import Event, Source
from geodata.pipeline import process_article


def run(text, gaz, published=date(2025, 3, 12), file="t.txt", source="Test"):
    art, _ = make_article(file, text, {"published": published.isoformat(), "source": source, "title": file})
    return process_article(mark_boilerplate([art])[0], gaz)


def of(r, etype):
    return [e for e in r.events if e.type == etype]


# ---- dates -----------------------------------------------------------------------------------------------------

def test_a_month_in_past_narration_is_before_publication(gaz):
    r = run("The rebels launched an offensive on Aleppo in August.", gaz, published=date(2025, 3, 12))
    ev = of(r, "attack")[0]
    assert (ev.date, ev.date_end, ev.date_precision) == (date(2024, 8, 1), date(2024, 8, 31), "month")


def test_a_day_inside_the_sentences_coarser_date_dates_it(gaz):
    r = run("Sevastopol was hit by missile attacks last month, with a Feb. 11 strike damaging a ship.", gaz)
    ev = of(r, "attack")[0]
    assert (ev.date, ev.date_precision) == (date(2025, 2, 11), "day")


def test_a_date_carries_to_the_sentence_that_continues_the_happening(gaz):
    text = ("On Monday, a convoy of troops left Damascus. The convoy then moved to the Hmeimim air base.\n\n"
            "Troops were deployed to Tartus.")
    r = run(text, gaz, published=date(2025, 3, 12))  # a Wednesday: Monday is March 10
    moves = [e for e in r.events if e.destination is not None]
    hmeimim = next(e for e in moves if "Hmeimim" in e.destination.name)
    assert (hmeimim.date, hmeimim.date_precision) == (date(2025, 3, 10), "day")
    tartus = next(e for e in moves if abs(e.destination.lat - 34.89) < 0.2)
    assert tartus.date_precision == "as_of"  # another paragraph, no continuation: as of publication


def test_a_sentence_without_a_continuation_cue_keeps_its_own_date(gaz):
    r = run("On Monday, troops left Damascus. Troops were deployed to Tartus.", gaz)
    tartus = next(e for e in r.events if e.destination is not None and abs(e.destination.lat - 34.89) < 0.2)
    assert tartus.date_precision == "as_of"


# ---- corroboration ---------------------------------------------------------------------------------------------

def _ev(article_id, outlet, start=0):
    src = Source(article_id=article_id, file=f"{article_id}.txt", title="t", source=outlet, url="", published="2025-03-12",
                 quote="q", start=start, end=start + 1)
    return Event(id=f"ev-{article_id}-{start}", type="withdrawal", status="reported", date=date(2025, 3, 12),
                 date_end=date(2025, 3, 12), date_precision="day", place=None, quote="troops withdrew from the base",
                 start=start, end=start + 1, confidence=0.5, article_id=article_id, sources=[src])


def test_corroboration_counts_distinct_articles_and_keeps_outlets():
    merged = merge_events([_ev("a", "Reuters"), _ev("b", "AFP", 0), _ev("b", "AFP", 50), _ev("c", "AP")])
    assert len(merged) == 1
    ev = merged[0]
    assert round(ev.confidence, 3) == 0.7  # two other articles: +0.1 each, b once though it reported twice
    assert sorted({s.source for s in ev.sources}) == ["AFP", "AP", "Reuters"]
    assert len(ev.sources) == 4


def test_inferred_ends_round_trip():
    ev = _ev("a", "Reuters")
    ev.inferred = ("origin",)
    assert Event.from_dict(ev.to_dict()).inferred == ("origin",)
