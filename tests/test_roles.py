"""Roles of a sentence's places (geodata/events/roles.py), on invented sentences."""

from datetime import date

import pytest

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


# ---- "the country", "the town": places named earlier in the article ---------------------------------------------

def test_the_country_is_the_country_the_article_is_about_not_the_force_s_own(gaz):
    text = ("Chad ended its defence pact with Paris last month. Officials in Chad said the base in Faya was handed over.\n\n"
            "Before the pact ended, France had around 1,000 troops in the Central African country.")
    r = run(text, gaz)
    ev = next(e for e in r.events if e.type == "base_presence")
    assert (ev.place.kind, ev.place.country_code) == ("country", "TD")
    assert "place" in ev.inferred  # read from the article, not named in the sentence


def test_the_country_named_as_an_owner_or_a_place_in_its_sentence_wins(gaz):
    text = "Egypt hosted talks in May.\n\nPutin's trip to Syria comes as Assad's forces have retaken most of the country."
    ev = next(e for e in run(text, gaz).events if e.type == "attack")
    assert ev.place.country_code == "SY"


def test_the_countrys_north_is_a_part_of_the_country(gaz):
    text = ("Turkey shelled positions in Syria on Monday.\n\n"
            "Government forces recaptured large swathes of territory in the country's north from the rebels.")
    ev = next(e for e in run(text, gaz).events if e.type == "attack" and "recaptured" in e.quote)
    assert ev.place.country_code == "SY" and ev.place.kind == "region" and ev.place.lat > 35.5  # north of the centre


@pytest.mark.parametrize("text, quote, expected", [
    # "the town": the town named just before
    ("The army said it had reached Kidal on Monday.\n\n"
     "For several days the army has been battling rebels in a bid to take control of the town.", "battling", ("attack", "Kidal")),
    # "the capital": the capital of the country the article is about, not of another it names
    ("Fighting resumed in Khartoum and Omdurman on Monday, Sudanese officials said; Paris urged calm.\n\n"
     "The army said RSF fighters had entered the capital on Sunday.", "entered the capital", ("deployment", "Khartoum")),
])
def test_the_town_and_the_capital_are_the_ones_the_article_named(gaz, text, quote, expected):
    ev = next(e for e in run(text, gaz).events if quote in e.quote)
    assert (ev.type, ev.place.name) == expected


def test_the_town_of_names_its_own_town(gaz):
    from geodata.events.roles import town_anaphors
    from geodata.geoparse import find_mentions

    text = "Troops reached Kidal. Rebels attacked the border town of Tessalit."
    assert town_anaphors(text, find_mentions(text, gaz)) == []


def test_landing_at_and_entering_are_destinations(gaz):
    r = run("Two Russian cargo planes were seen landing at the Hmeimim air base on Friday.", gaz)
    assert [e.destination.name for e in r.events if e.type == "air_transport"] == ["Hmeimim Air Base"]
    ship = next(e for e in run("Two Russian warships entered Tartus on Friday.", gaz).events if e.type == "ship_movement")
    assert ship.origin is None and abs(ship.destination.lat - 34.89) < 0.2


def test_threats_to_a_place_make_no_destination(gaz):
    r = run("Russia's Black Sea Fleet was relocating to Novorossiysk in the face of threats to Sevastopol.", gaz)
    assert legs(r) == [(None, "Novorossiysk")]
