"""Roles of a sentence's places (geodata/events/roles.py), on invented sentences."""

from datetime import date

from geodata.corpus import make_article, mark_boilerplate
from geodata.pipeline import process_article


def run(text, gaz, published=date(2025, 3, 12)):
    art, _ = make_article("t.txt", text, {"published": published.isoformat(), "source": "Test", "title": "t"})
    return process_article(mark_boilerplate([art])[0], gaz)


def legs(r):
    return [(e.origin.name if e.origin else None, e.destination.name if e.destination else None)
            for e in r.events if e.origin or e.destination]


def test_an_origin_reached_through_a_locative_chain(gaz):
    # the possessive country is dropped; the city the base is in is where the plane left from
    r = run("A transport plane took off from Russia's air base in the coastal city of Latakia for Libya on Friday.", gaz)
    assert ("Latakia", "Libya") in legs(r), legs(r)


def test_a_plural_noun_after_to_is_a_destination_not_an_infinitive(gaz):
    r = run("The army moved its heavy weapons from Qamishli to airports in Syria on Tuesday.", gaz)
    assert ("Al Qāmishlī", "Syria") in legs(r), legs(r)


def test_places_listed_inside_a_destination_are_each_an_end(gaz):
    r = run("Transport aircraft will fly from Latakia to airfields in Russia, including Rostov and Ulyanovsk.", gaz)
    got = legs(r)
    assert ("Latakia", "Ulyanovsk") in got and all(d != "Russia" for _, d in got), got
    assert not any(o == "Rostov-na-Donu" and d == "Ulyanovsk" for o, d in got), got  # parallel, not a next leg


def test_via_ends_the_first_leg(gaz):
    r = run("The fighter jets left a base in Russia via Syria before reaching Libya.", gaz)
    assert ("Russia", "Syria") in legs(r), legs(r)


def test_a_place_in_a_relative_clause_is_no_destination(gaz):
    r = run("Troops moved into Kursk on Monday, near a pumping station which lies about ten kilometres from the border "
            "and still sends oil into Belarus.", gaz)
    assert all(d != "Belarus" for _, d in legs(r)), legs(r)


def test_the_sources_of_a_report_are_not_its_places(gaz):
    r = run("According to officials in Ukraine, warships sailed from Sevastopol to Novorossiysk.", gaz)
    assert legs(r) and all("Ukraine" not in (o, d) for o, d in legs(r)), legs(r)


def test_installations_joined_in_one_phrase_share_the_claim(gaz):
    r = run("In 2017 the government signed a deal granting a lease of the Hmeimim air base and the Tartus naval base.", gaz)
    places = {e.place.name for e in r.events if e.type == "agreement"}
    assert {"Hmeimim Air Base", "Tartus naval facility"} <= places, places


def test_the_airport_is_the_airport_named_just_before(gaz):
    r = run("Russian troops pulled out of the Qamishli airport on Tuesday. A witness saw a cargo plane taking off "
            "from the airport in the city later that day.", gaz)
    flight = [e for e in r.events if "origin" in e.inferred]
    assert flight and "Kamishly" in flight[0].origin.name, r.events


def test_the_base_is_no_claim_place_and_nothing_beside_its_own_name(gaz):
    # no installation named before: "the base" is nobody's; a non-movement claim never takes it
    r = run("The minister spoke to the troops at the base on Monday about the ceasefire.", gaz)
    assert r.events == []
    r = run("The Hmeimim air base was expanded in May. Speaking to soldiers at the base, the minister praised the deal.", gaz)
    assert all(e.inferred == () for e in r.events), r.events


def test_across_the_border_from_is_where_not_whence(gaz):
    r = run("Moscow has not commented on the fighting in Belgorod, but Kyiv has ordered the evacuation of 3,000 people "
            "in the region of Kharkiv, just across the border from Belgorod.", gaz)
    assert all(o != "Belgorod" for o, _ in legs(r)), legs(r)
    assert ("Kharkiv", None) in legs(r), legs(r)
