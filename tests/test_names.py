"""geodata.names: display names an English briefing uses, from the articles' own spellings."""

from __future__ import annotations

from geodata.models import Mention, Place
from geodata.names import display, display_names, plain


def _place(name: str, kind: str, pid: str) -> Place:
    return Place(id=pid, name=name, lat=35.0, lon=36.0, kind=kind, country_code="SY")


def _m(text: str, place: Place) -> Mention:
    return Mention(text=text, start=0, end=len(text), place=place, confidence=0.9)


def test_transliterations_take_the_articles_spelling_and_the_kinds_word():
    tartus = _place("Ţarţūs", "city", "gn:1")
    gov = _place("Al Lādhiqīyah", "admin1", "iso:SY-LA")
    airport = _place("Kamishly Airport", "airport", "ap:OSKL")
    base = _place("Hmeimim Air Base", "air_base", "cur:h")
    names = display_names([_m("Tartus", tartus), _m("Tartous", tartus), _m("Tartus", tartus), _m("Latakia", gov),
                           _m("Qamishli", airport), _m("Khmeimim", base), _m("Hmeimim", base)])
    assert names == {"gn:1": "Tartus", "iso:SY-LA": "Latakia province", "ap:OSKL": "Qamishli Airport",
                     "cur:h": "Hmeimim Air Base"}  # a plain name that holds the spelling stays as it is


def test_without_mentions_a_name_is_folded_to_ascii_and_plain_names_stay():
    assert display(_place("Ḩimş", "admin1", "iso:SY-HI")) == "Hims"
    assert display(_place("Côte d'Ivoire", "country", "cc:CI")) == "Côte d'Ivoire"
    assert plain("Côte d'Ivoire") and not plain("Ţarţūs")


def test_a_spelling_with_a_feature_word_keeps_a_name_that_holds_it():
    base = _place("Hmeimim Air Base", "air_base", "cur:h")
    airport = _place("Kamishly Airport", "airport", "ap:OSKL")
    names = display_names([_m("Hmeimim airbase", base), _m("Qamishli airport", airport), _m("Qamishli Airport", airport)])
    assert names == {"cur:h": "Hmeimim Air Base", "ap:OSKL": "Qamishli Airport"}
