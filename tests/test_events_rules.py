"""Extraction rules for the failure classes measured on real articles (issue 14), on invented sentences."""

from datetime import date

import pytest

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


# ---- movements -------------------------------------------------------------------------------------------------

def _ends(e):
    return (e.origin.name if e.origin else None, e.destination.name if e.destination else None)


def test_destinations_in_ordinary_phrasing(gaz):
    cases = {
        "Heavy weapons were transferred to the Hmeimim airbase on Sunday.": "Hmeimim Air Base",
        "The equipment was shipped back to Moscow.": "Moscow",
        "The frigate was bound for Tartus.": "Ţarţūs",
        "A convoy of troops was heading to Latakia.": "Latakia",
        "A cargo plane flew out on Saturday for Libya.": "Libya",
    }
    for text, dest in cases.items():
        r = run(text, gaz)
        assert any(e.destination is not None and e.destination.name == dest for e in r.events), (text, r.events)


def test_relocated_from_a_to_b_is_one_leg(gaz):
    r = run("The unit was relocated from Qamishli to Latakia.", gaz)
    assert [_ends(e) for e in r.events if e.destination] == [("Al Qāmishlī", "Latakia")]


def test_two_destinations_in_contrasting_clauses_are_two_legs_from_one_origin(gaz):
    r = run("Russian forces left Qamishli on Monday; part of the contingent will move to the Hmeimim base "
            "while others return to Russia.", gaz)
    legs = [_ends(e) for e in r.events if e.destination]
    assert ("Al Qāmishlī", "Hmeimim Air Base") in legs and ("Al Qāmishlī", "Russia") in legs, legs


def test_an_origin_named_earlier_in_the_article_is_inferred(gaz):
    text = ("Russian forces withdrew from the Qamishli airport on Monday. "
            "Trucks carrying their equipment were moved to Latakia.")
    r = run(text, gaz)
    leg = next(e for e in r.events if e.destination is not None and e.destination.name == "Latakia")
    assert leg.origin is not None and "Kamishly" in leg.origin.name
    assert leg.inferred == ("origin",) and leg.type == "withdrawal"
    assert all(e.inferred == () for e in r.events if e is not leg)


def test_returning_home_goes_to_the_doers_country(gaz):
    r = run("The French troops returned home after leaving Gao. France thanked them.", gaz)
    ev = of(r, "withdrawal")[0]
    assert _ends(ev) == ("Gao", "France") and ev.inferred == ("destination",)


# ---- withdrawals and handovers ---------------------------------------------------------------------------------


def test_withdrawal_phrasings(gaz):
    for text in ("The French army has left Mali.", "The soldiers pulled out of Kidal last week.",
                 "The army handed over the base in Gao to local forces.", "The troops vacated the camp in Timbuktu.",
                 "France completed its withdrawal from Niger on Friday.", "The last French troops departed Niamey on Friday."):
        r = run(text, gaz)
        assert of(r, "withdrawal"), text


# ---- phantom events --------------------------------------------------------------------------------------------


def test_stationed_since_is_a_presence_over_a_range(gaz):
    r = run("Russian troops have been stationed at Qamishli airport since 2019.", gaz)
    assert [e.type for e in r.events] == ["base_presence"]
    ev = r.events[0]
    assert (ev.date, ev.date_end, ev.date_precision) == (date(2019, 1, 1), date(2025, 3, 12), "range")


def test_a_withdrawal_only_named_is_no_new_one(gaz):
    r = run("Russian forces withdrew from Qamishli on Monday. The withdrawal comes amid fighting near Aleppo.", gaz)
    assert [e.place.name for e in of(r, "withdrawal")] == ["Al Qāmishlī"]


def test_diplomacy_about_fighting_is_no_attack(gaz):
    r = run("The minister appealed to Ankara for a diplomatic resolution of the fighting in Idlib.", gaz)
    assert not of(r, "attack")


def test_a_meeting_only_named_is_none_but_talks_somewhere_are(gaz):
    assert not of(run("Putin's visit follows heavy fighting in Aleppo.", gaz), "meeting")
    assert of(run("Lavrov was meeting his counterpart in Ankara for the second time.", gaz), "meeting")


def test_an_agreement_ended_is_a_statement(gaz):
    r = run("Niger terminated its defence agreement with France in Niamey.", gaz)
    assert [e.type for e in r.events] == ["statement"]


def test_ordered_to_leave_is_a_statement(gaz):
    r = run("The junta ordered the French troops to withdraw from Niamey.", gaz)
    assert "statement" in [e.type for e in r.events] and not of(r, "withdrawal")


def test_a_reporting_verbs_place_is_not_the_events(gaz):
    r = run("The minister said in Ankara that Russian jets struck Idlib.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Idlib"]


def test_where_a_correspondent_reports_from_is_not_the_events_place(gaz):
    # the place reported from, and its own name in parentheses after it
    r = run("A correspondent reporting from northern Syria (Idlib) said Russian jets struck Aleppo.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Aleppo"]


# ---- actors ----------------------------------------------------------------------------------------------------


def test_the_actor_is_the_doer_not_the_first_country_named():
    from geodata.events import actors_in
    from geodata.events.lexicon import doer

    for text, trigger, who in [
        ("Ukraine struck the headquarters of Russia's Black Sea Fleet.", "struck", "Ukraine"),
        ("After talks with Turkey, Russian forces withdrew from the base.", "withdrew", "Russia"),
        ("Sevastopol was struck by Ukrainian missiles.", "struck", "Ukraine"),
        ("French troops left Gao, where Wagner mercenaries later deployed.", "left", "France"),
        ("The RSF attacked El Fasher, the SAF said.", "attacked", "RSF"),
    ]:
        assert doer(text, text.index(trigger), actors_in(text)) == (who,), text


def test_the_actor_lexicon_is_general():
    from geodata.events import actors_in

    assert actors_in("Houthis fired at a ship; JNIM and Africa Corps clashed; Hezbollah and Israel traded fire.") == (
        "Africa Corps", "Israel", "Hezbollah", "Houthis", "JNIM")
    assert actors_in("militants attacked a convoy") == ()  # no theatre-bound reading of a common noun


def test_the_lede_and_a_later_quote_of_it_are_one_event(gaz):
    text = ("Russian troops withdrew from the Qamishli airport on Monday, officials said.\n\n"
            "\"Our troops withdrew from the Qamishli airport,\" a Russian officer told reporters.")
    events = merge_events(list(run(text, gaz).events))
    withdrawals = [e for e in events if e.type == "withdrawal"]
    assert len(withdrawals) == 1 and len(withdrawals[0].sources) == 2
    assert withdrawals[0].date == date(2025, 3, 10)  # the lede's date, not the quote's "as of"


def test_a_leg_told_then_starts_where_the_last_one_ended(gaz):
    text = "French troops left Gao and headed to Bamako on Monday. The troops will then travel back to France."
    r = run(text, gaz)
    last = [e for e in r.events if e.destination is not None and e.destination.name == "France"][-1]
    assert last.origin is not None and last.origin.name == "Bamako" and last.inferred == ("origin",)


def test_repatriated_goes_home_and_a_country_acting_is_no_origin(gaz):
    r = run("The French equipment was repatriated from Niger.", gaz)
    assert [_ends(e) for e in of(r, "withdrawal")] == [("Niger", "France")]
    r = run("Russia largely moved its warships from Sevastopol to Novorossiysk.", gaz)
    assert [_ends(e) for e in r.events if e.destination] == [("Sevastopol", "Novorossiysk")]


def test_a_deadline_dates_the_move_it_sets(gaz):
    r = run("The junta has given the French troops until Sept. 15 to remove their troops from Niamey.", gaz,
            published=date(2025, 7, 7))
    ev = of(r, "withdrawal")[0]
    assert (ev.date, ev.date_precision, ev.status) == (date(2025, 9, 15), "day", "planned")


def test_places_listed_after_one_locative_share_the_claim(gaz):
    r = run("France had more than 1,500 soldiers in Niger, based in Ayorou, Gao and Niamey.", gaz)
    assert {e.place.name for e in of(r, "base_presence")} >= {"Ayorou", "Niamey"}


def test_taking_a_place_is_an_attack(gaz):
    assert of(run("Russian forces have now taken Selydove, the ministry said.", gaz), "attack")


def test_a_decided_move_is_also_a_statement_and_a_blocked_one_only_a_statement(gaz):
    types = [e.type for e in run("Putin ordered the withdrawal of the main part of the Russian forces from Syria.", gaz).events]
    assert "statement" in types and "withdrawal" in types
    types = [e.type for e in run("The government blocked a Russian vessel from evacuating equipment from Tartus.", gaz).events]
    assert types == ["statement"]


def test_materiel_evacuated_is_withdrawn_but_people_are_evacuated(gaz):
    assert of(run("The Russians are carrying out an evacuation of military equipment from Tartus.", gaz), "withdrawal")
    assert of(run("Russia evacuated 4,000 fighters and their families from Tartus.", gaz), "evacuation")


def test_a_title_is_no_place(gaz):
    r = run("The envoy for the Middle East and Africa met officials in Damascus.", gaz)
    assert [e.place.name for e in of(r, "meeting")] == ["Damascus"]


def test_what_is_sought_is_no_purpose_clause(gaz):
    r = run("Russia is now seeking to secure its naval base in Tartus.", gaz)
    assert any(e.place is not None and abs(e.place.lat - 34.89) < 0.2 for e in r.events), r.events


def test_taking_over_a_base_and_rolling_towards_a_town_are_movements(gaz):
    r = run("Russian forces took over the Qamishli airport in 2019.", gaz)
    assert of(r, "deployment")
    r = run("A convoy of Russian military vehicles rolled down the highway towards Tartus on Monday.", gaz)
    assert [e.destination.lat // 1 for e in r.events if e.destination] == [34.0]


def test_the_agreement_a_presence_rests_on_is_no_agreement(gaz):
    r = run("The naval base in Tartus was established in 1971 under a bilateral agreement.", gaz)
    assert [e.type for e in r.events] == ["base_presence"]


# ---- several events in one sentence ----------------------------------------------------------------------------


def test_a_leg_from_each_of_two_alternative_origins(gaz):
    r = run("Cargo planes flew from Minsk or Moscow to Benghazi twice this week.", gaz)
    got = [_ends(e) for e in r.events if e.destination]
    assert ("Minsk", "Benghazi") in got and ("Moscow", "Benghazi") in got, got


def test_two_clauses_with_their_own_predicates_are_two_events(gaz):
    r = run("By next year, about 300 soldiers will remain in Erbil, while the rest of the troops will move to Kuwait.", gaz)
    presence = [e for e in r.events if e.place is not None and e.place.name == "Erbil" and e.destination is None]
    moved = [e for e in r.events if e.destination is not None and e.destination.name == "Kuwait"]
    assert presence and moved, r.events


def test_legs_of_one_sentence_keep_text_order_after_merging(gaz):
    r = run("The two warships docked at the port of Alexandria on May 3, then sailed on for Libya.", gaz)
    got = [_ends(e) for e in merge_events(list(r.events)) if e.destination]
    assert got == [(None, "Alexandria"), ("Alexandria", "Libya")], got


def test_headed_to_the_capital_is_the_capital_the_article_names(gaz):
    r = run("Bamako ended the accord in May. French troops left the base in Gao and headed to the capital. "
            "The soldiers will then be flown back to France.", gaz)
    got = [(_ends(e), e.inferred) for e in r.events if e.destination]
    assert (("Gao", "Bamako"), ("destination",)) in got, got
    assert any(ends == ("Bamako", "France") for ends, _ in got), got


def test_the_doers_own_country_is_not_a_place_it_left(gaz):
    r = run("All troops from France and two other countries of the mission have left Mali, officials said.", gaz)
    assert [_ends(e) for e in of(r, "withdrawal")] == [("Mali", None)], r.events


def test_the_base_a_leg_reached_is_where_the_next_leg_starts(gaz):
    r = run("The deposed president said he had left Damascus for the Hmeimim air base on May 3. He said that after "
            "the base came under drone fire, his guards decided to evacuate him to Egypt.", gaz)
    leg = next(e for e in r.events if e.destination is not None and e.destination.name == "Egypt")
    assert _ends(leg) == ("Hmeimim Air Base", "Egypt") and leg.inferred == ("origin",), r.events


def test_from_its_territory_is_the_country_that_asks_not_the_one_told_to_leave(gaz):
    r = run("Mali's junta has given France until May 1 to remove its soldiers from its territory.", gaz)
    assert [_ends(e) for e in of(r, "withdrawal")] == [("Mali", None)], r.events


# ---- typing, phantom events and dates on real-text failure classes (issue 14, branch types) -------------------


def test_a_continent_locates_no_claim(gaz):
    r = run("Analysts say the bases remain vital for operations in Africa.", gaz)
    assert not [e for e in r.events if e.place is not None and e.place.kind == "region" and not e.place.country_code]


def test_a_conditional_clause_reports_no_happening(gaz):
    r = run("Officials said that if the shelling of Kidal starts again, the talks would end.", gaz)
    assert not of(r, "attack")


def test_a_move_agreed_to_is_the_agreement_only(gaz):
    r = run("Paris and Niamey agreed in May to the withdrawal of French troops from Niger.", gaz)
    assert of(r, "agreement") and not of(r, "withdrawal")


def test_one_soldier_leaving_is_a_planned_withdrawal(gaz):
    r = run("The last French soldier will leave Gao on March 20, an official said.", gaz)
    ev = of(r, "withdrawal")[0]
    assert ev.status == "planned" and ev.date == date(2025, 3, 20)


def test_a_movement_since_a_date_starts_then(gaz):
    r = run("Since March 3, French troops have been withdrawing from Gao.", gaz)
    assert of(r, "withdrawal")[0].date == date(2025, 3, 3)
    # "for the first time since 2012" says how long it had not happened, not when this began
    ev = of(run("Government forces took control of Kidal on Monday for the first time since 2012.", gaz), "attack")[0]
    assert ev.date == date(2025, 3, 10)


def test_talks_are_held_at_a_place_not_with_one(gaz):
    assert not of(run("The envoy held talks with Russia about the future of the region.", gaz), "meeting")
    assert [e.place.name for e in of(run("The envoy met the defence minister in Ankara on Monday.", gaz), "meeting")] == ["Ankara"]


def test_what_a_presence_aims_at_is_analysis(gaz):
    assert not run("The Kremlin aims to keep its naval base in Tartus as a gateway to the region.", gaz).events


def test_an_agreement_is_a_statement_only_when_the_agreement_ends(gaz):
    r = run("Both governments agreed on a timeline ending combat operations in Iraq by September.", gaz)
    assert of(r, "agreement") and not of(r, "statement")
    assert of(run("Chad ended its defence cooperation agreement with France in November.", gaz), "statement")


def test_planes_landing_are_air_transport(gaz):
    assert of(run("Three Russian planes landed in Benghazi on Friday carrying equipment.", gaz), "air_transport")


def test_cancelled_flights_move_nothing(gaz):
    r = run("The airline cancelled its weekly flights to Gao after an attack on the airport.", gaz)
    assert of(r, "attack") and not of(r, "air_transport")


def test_a_happening_named_again_is_no_new_event(gaz):
    r = run("Officials said the attack took place when soldiers were changing guard in Gao.", gaz)
    assert not of(r, "attack")


def test_an_invasion_is_an_attack(gaz):
    assert of(run("American troops invaded Iraq in 2003.", gaz), "attack")


def test_staying_hosting_and_occupying_are_presence(gaz):
    assert of(run("A small number of advisers will stay in Erbil, the source added.", gaz), "base_presence")
    assert of(run("The camp near Gao hosts about 300 soldiers.", gaz), "base_presence")
    ev = of(run("The navy has occupied the northern pier in Tartus since 1971.", gaz), "base_presence")[0]
    assert (ev.date, ev.date_precision) == (date(1971, 1, 1), "range")


def test_a_wire_dateline_anchors_relative_dates(gaz):
    text = "GAO, March 14 (Wire) -- French troops left Gao last Friday, the army said."
    ev = of(run(text, gaz, published=date(2025, 3, 15)), "withdrawal")[0]  # filed on Friday the 14th
    assert ev.date == date(2025, 3, 7)


def test_a_definite_speaker_continues_the_dated_sentence(gaz):
    text = ("The delegation visited Damascus on Monday. The Russian envoy told reporters that the bases in Syria "
            "would stay, and the sides agreed to continue consultations.")
    ev = next(e for e in run(text, gaz, published=date(2025, 3, 12)).events if "envoy" in e.quote)
    assert ev.date == date(2025, 3, 10)


def test_a_presence_told_beside_a_movement(gaz):
    r = run("By then, fewer than 400 troops will remain in Erbil, while others will move to Kuwait.", gaz)
    assert [e.place.name for e in of(r, "base_presence")] == ["Erbil"]


def test_a_move_agreed_with_its_own_date_is_planned_too(gaz):
    r = run("Officials agreed in Baghdad on a timeline leading to a full withdrawal in September 2026.", gaz)
    assert of(r, "agreement") and of(r, "withdrawal")


def test_ships_spotted_in_a_port_and_a_capital_stormed(gaz):
    assert of(run("Two Russian landing ships were spotted in the port of Tobruk on Sunday.", gaz), "ship_movement")
    assert of(run("Rebels stormed Kidal on Sunday.", gaz), "attack")


def test_a_rank_abbreviation_ends_no_sentence():
    from geodata.events import sentences
    text = "Army chief Lt. Gen. Ali Hassan took command of the base in Gao."
    assert sentences(text) == [(0, len(text))]


def test_warships_on_a_port_call_hold_no_talks(gaz):
    r = run("Two Russian frigates called at Tobruk on Sunday during a visit to the port.", gaz)
    assert not of(r, "meeting")


def test_ships_moored_in_a_port_are_a_presence(gaz):
    assert of(run("Three submarines are now moored in the port of Novorossiysk, the report said.", gaz), "base_presence")


def test_a_fleet_relocating_is_a_ship_movement(gaz):
    assert of(run("The fleet is relocating from Sevastopol to Novorossiysk, officials said.", gaz), "ship_movement")


def test_establishing_control_of_a_town_is_an_attack(gaz):
    assert of(run("The army said on Sunday it had established control over Kidal.", gaz), "attack")


def test_a_departure_named_again_and_what_watchers_look_for_are_no_events(gaz):
    assert not run("The departure of the troops from Gao follows months of tension.", gaz).events
    assert not of(run("Protesters gathered in Niamey to watch out for signs of a French withdrawal.", gaz), "withdrawal")


def test_exercises_are_no_attacks_and_phone_calls_no_talks(gaz):
    assert not of(run("The warships practised simulated strikes during joint drills off Tartus.", gaz), "attack")
    assert not of(run("Putin held phone talks with the president of Turkey about Idlib.", gaz), "meeting")


def test_agreements_only_named_are_none_reached(gaz):
    assert not of(run("Moscow relies on agreements with the new authorities in Syria.", gaz), "agreement")
    assert of(run("Moscow signed an agreement with the new authorities in Damascus on Monday.", gaz), "agreement")


def test_an_intervention_or_build_up_is_a_deployment(gaz):
    assert of(run("The strikes come after an increase in the military presence in Libya over the summer.", gaz), "deployment")
    assert of(run("Moscow began intervening in Libya in 2019, officials said.", gaz), "deployment")


def test_a_flotilla_moves_equipment_via_aircraft_flies_and_a_base_established_is_a_presence(gaz):
    assert of(run("The flotilla sailed from Tartus on Sunday.", gaz), "ship_movement")
    assert of(run("Troops are moving their equipment from Gao via aircraft to Niamey.", gaz), "air_transport")
    assert of(run("The French base in Gao was established in 2013 under a defence agreement.", gaz), "base_presence")


# a sentence, the type it reports, and the types it must not also give (real-text failure classes, invented sentences)
_TYPED = [
    pytest.param("Lawmakers voted on Tuesday to extend the deployment of troops in Libya for two years.", "statement", ('deployment',), id="a_deployment_extended_is_a_decision"),
    pytest.param("Officials from both sides agreed to continue consultations on the military bases in Syria.", "statement", ('agreement',), id="agreeing_to_keep_talking_is_a_statement"),
    pytest.param("It was the first raid on Erbil since the ceasefire between the factions ended.", "attack", ('agreement', 'statement'), id="a_past_happening_named_as_a_time_is_no_event"),
    pytest.param("The army chief of staff signed a document on the departure of French troops from Niamey.", "agreement", ('evacuation',), id="a_chief_of_staff_is_no_evacuee"),
    pytest.param("The fleet is now based at Novorossiysk to avoid Ukrainian drone attacks.", "base_presence", ('attack',), id="what_a_force_avoids_is_no_attack"),
    pytest.param("The strike on the fleet headquarters in Sevastopol left two sailors missing.", "attack", ('ship_movement',), id="left_missing_is_no_departure"),
]


@pytest.mark.parametrize("sentence, present, absent", _TYPED)


def test_a_sentence_reports_its_type_and_no_other(gaz, sentence, present, absent):
    r = run(sentence, gaz)
    assert of(r, present), r.events
    assert not any(of(r, t) for t in absent), r.events


# ---- the trigger lexicon's reach: news verbs beyond the first set ------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Drones targeted an air base near Erbil on Sunday.",
    "Rebel fighters overran army positions outside Kidal on Tuesday.",
    "Artillery pounded the outskirts of Khartoum overnight.",
    "Militants fired rockets at the Ain al-Asad air base on Monday.",
    "Paramilitary forces besieged El Fasher for weeks.",
    "A blast hit a checkpoint in Mogadishu on Friday.",
])


def test_attack_verbs_of_news_reports_are_attacks(gaz, sentence):
    assert "attack" in [e.type for e in run(sentence, gaz).events]


@pytest.mark.parametrize("sentence", [
    "Destroying the enemy remains the goal, the minister said in Moscow.",
    "No one was injured in Sevastopol, the governor said.",
])


def test_aims_and_unharmed_reports_are_no_attacks(gaz, sentence):
    assert "attack" not in [e.type for e in run(sentence, gaz).events]


def test_a_force_counted_at_a_place_is_a_presence_beside_other_news(gaz):
    r = run("Before the defence agreement ended, France had around 1,000 troops in Chad.", gaz)
    assert [e.place.name for e in of(r, "base_presence")] == ["Chad"]


def test_forces_stationed_at_a_place_are_a_presence(gaz):
    r = run("About 900 American troops are still stationed in Syria, officials said.", gaz)
    assert [e.place.country_code for e in of(r, "base_presence")] == ["SY"]


def test_a_fleet_of_planes_is_no_ship_movement(gaz):
    r = run("A fleet of planes has been dispatched to the Hmeimim air base to help.", gaz)
    assert "ship_movement" not in [e.type for e in r.events] and r.events


# ---- a story goes on without naming its place again ---------------------------------------------------------------


def test_a_leaving_told_without_its_place_leaves_the_storys_place(gaz):
    text = ("Russian forces withdrew from the Qamishli airport on Friday, officials said. "
            "The last Russian convoy departed on Saturday under escort.")
    r = run(text, gaz, published=date(2025, 3, 16))
    later = next(e for e in r.events if "convoy departed" in e.quote)
    assert later.type == "withdrawal" and later.origin.id == "ap:OSKL" and later.inferred == ("origin",)
    assert later.date == date(2025, 3, 15)


def test_a_sentence_without_a_place_or_a_story_gives_nothing(gaz):
    assert run("The last convoy departed on Saturday under escort.", gaz).events == []


def test_evacuating_the_site_leaves_the_installation_named_before(gaz):
    text = ("Russian troops had been stationed at the Qamishli airport for years. "
            "On Tuesday about 200 Russian soldiers evacuated the site along with their heavy equipment.")
    ev = next(e for e in run(text, gaz).events if "evacuated the site" in e.quote)
    assert ev.type == "withdrawal" and ev.origin.id == "ap:OSKL"


def test_two_dated_strikes_in_one_sentence_are_two_attacks(gaz):
    text = ("Sevastopol came under missile attacks last month, with a Sept. 13 strike damaging a submarine, "
            "as well as a Sept. 22 strike hitting the fleet's headquarters.")
    r = run(text, gaz, published=date(2023, 10, 2))
    assert sorted(e.date for e in of(r, "attack")) == [date(2023, 9, 13), date(2023, 9, 22)]


def test_one_strike_dated_once_is_one_attack(gaz):
    r = run("A Sept. 13 strike on Sevastopol damaged a submarine, officials said on Sept. 14.", gaz,
            published=date(2023, 10, 2))
    assert [e.date for e in of(r, "attack")] == [date(2023, 9, 13)]


# ---- several happenings in one sentence ----------------------------------------------------------------------------


def test_while_opening_a_clause_with_its_own_subject_splits_two_attacks(gaz):
    r = run("The RSF attacked El Fasher on Sunday while the army shelled positions in Omdurman.", gaz)
    assert sorted(e.place.name for e in of(r, "attack")) == ["El Fasher", "Omdurman"]


def test_after_opening_a_clause_with_its_own_subject_splits_two_attacks(gaz):
    r = run("Hezbollah fired rockets at northern Israel after an Israeli strike killed a commander in Beirut.", gaz)
    got = {e.place.name: e.actors for e in of(r, "attack")}
    assert got == {"northern Israel": ("Hezbollah",), "Beirut": ("Israel",)}


def test_towns_coordinated_after_a_strike_verb_share_it_whatever_their_kind(gaz):
    r = run("Russian missiles struck Kharkiv, Dnipro and Odesa overnight.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Kharkiv", "Dnipro", "Odesa"]


def test_a_second_verb_of_sending_starts_another_journey(gaz):
    r = run("The US deployed two carrier groups to the eastern Mediterranean and sent a submarine to the Gulf.", gaz)
    ships = of(r, "ship_movement")
    assert len(ships) == 2 and all(e.origin is None for e in ships)


@pytest.mark.parametrize("sentence", [
    "Wagner mercenaries arrived in Bangui in 2018.",
    "Russian instructors arrived in Bangui on Tuesday.",
    "Hundreds of peacekeepers were sent to Bria last week.",
])


def test_mercenaries_instructors_and_peacekeepers_are_forces(gaz, sentence):
    assert "deployment" in [e.type for e in run(sentence, gaz).events]


def test_a_coast_guard_ramming_or_water_cannon_is_an_attack(gaz):
    r = run("A Chinese coast guard ship rammed and fired water cannon at a Philippine boat off Palawan on Saturday.", gaz)
    assert of(r, "attack")


# ---- actors beyond the curated lexicon -----------------------------------------------------------------------------


def test_any_countrys_people_name_an_actor(gaz):
    r = run("A Chinese coast guard ship rammed a Philippine supply boat off Palawan on Saturday.", gaz)
    assert of(r, "attack")[0].actors == ("China",)
    r = run("Japanese destroyers sailed into the Taiwan Strait on Monday.", gaz)
    assert of(r, "ship_movement")[0].actors == ("Japan",)


def test_a_nationality_before_a_forces_name_is_who_they_are(gaz):
    r = run("Russian peacekeepers began withdrawing from Nagorno-Karabakh in April.", gaz)
    assert of(r, "withdrawal")[0].actors == ("Russia",)


def test_a_country_named_as_a_destination_is_no_actor(gaz):
    from geodata.events.lexicon import actors_in

    assert actors_in("Others will move to Kuwait.") == ()


def test_the_country_that_sends_is_where_the_move_starts(gaz):
    r = run("In April, Russia sent military trainers to Niger.", gaz)
    ev = of(r, "deployment")[0]
    assert (ev.origin.name, ev.destination.name, ev.inferred) == ("Russia", "Niger", ())


def test_a_force_deployed_at_a_place_has_no_origin_from_its_sender(gaz):
    r = run("Russia has deployed an S-400 missile system at the Hmeimim air base.", gaz)
    assert all(e.origin is None for e in r.events if e.destination is not None)


# ---- where a claim is not ------------------------------------------------------------------------------------------


def test_the_place_a_statement_was_made_at_is_no_place_of_it(gaz):
    r = run('"We will not allow foreign bases on our soil," the president told reporters in Bamako.', gaz)
    assert r.events == []


def test_a_government_surprised_or_warned_is_no_place_of_the_attack(gaz):
    r = run("Ukraine's incursion into Kursk surprised Moscow, which has struggled to push the troops out.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Kursk"]


def test_a_place_in_a_relative_clause_is_background_to_the_claim(gaz):
    r = run("The convoy, which had travelled from Bamako, was ambushed near Gao.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Gao"]


def test_military_sites_listed_by_name_are_each_a_presence(gaz):
    r = run("Sites such as Al Tanf in Syria and Tower 22 in Jordan are remote and harder to resupply.", gaz)
    assert sorted(e.place.name for e in of(r, "base_presence")) == ["Al-Tanf garrison", "Tower 22"]


def test_one_base_named_without_a_trigger_is_no_presence(gaz):
    assert run("Tower 22 is remote and harder to resupply.", gaz).events == []


def test_an_attack_named_again_after_a_preposition_is_no_new_attack(gaz):
    r = run("There has been no comment from officials in Erbil regarding the attack.", gaz)
    assert of(r, "attack") == []
    r = run("An attack on a base near Erbil wounded two soldiers on Monday.", gaz)
    assert of(r, "attack")


def test_the_accord_another_happening_follows_is_no_agreement_of_its_own(gaz):
    r = run("Under the ceasefire deal, Israeli troops must withdraw from southern Lebanon within 60 days.", gaz)
    assert [e.type for e in r.events] == ["withdrawal"]
    r = run("Israel and Lebanon agreed a ceasefire in Beirut on Tuesday.", gaz)
    assert of(r, "agreement")


def test_a_border_with_a_country_is_no_claim_in_that_country(gaz):
    r = run("Syrian forces routed the Islamic State group in eastern Syria and restored control over the border with Iraq.", gaz)
    assert [e.place.country_code for e in of(r, "attack")] == ["SY"]


def test_a_presence_kept_despite_a_pullout_only_named_is_a_presence(gaz):
    r = run("The US keeps about 2,000 troops in Syria despite Trump's call for a pullout.", gaz)
    assert [(e.type, e.place.name) for e in r.events] == [("base_presence", "Syria")]


def test_keeping_forces_somewhere_is_a_presence(gaz):
    r = run("Russia will keep its peacekeepers in Karabakh until 2025.", gaz)
    assert of(r, "base_presence")


def test_a_base_in_a_country_is_no_particular_air_base_of_it(gaz):
    r = run("Turkey has maintained a military base in Qatar since 2015.", gaz)
    assert [(e.place.kind, e.place.country_code) for e in of(r, "base_presence")] == [("country", "QA")]


def test_a_country_asked_to_close_its_bases_is_a_statement_in_the_host_country(gaz):
    text = "Chad ended its pact with France in November.\n\nSenegal has asked France to close its military bases in the country."
    ev = next(e for e in run(text, gaz).events if "Senegal" in e.quote)
    assert (ev.type, ev.place.country_code) == ("statement", "SN")


@pytest.mark.parametrize("sentence", [
    "Kenyan police officers landed in Port-au-Prince on Tuesday to lead a security mission.",
    "Ethiopian troops crossed into Somalia's Gedo region overnight.",
])


def test_forces_landing_in_or_crossing_into_a_place_deploy_there(gaz, sentence):
    assert [e.type for e in run(sentence, gaz).events] == ["deployment"]


def test_a_town_described_as_in_a_region_is_the_claims_place(gaz):
    r = run("M23 rebels captured Goma, the largest city in eastern Congo, on Monday.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Goma"]


def test_a_paragraph_going_on_with_its_speaker_takes_the_date_of_what_he_told(gaz):
    text = ("On Monday, in his first statement, Assad said he had left Damascus for the Hmeimim air base on Dec. 8.\n\n"
            "He said that after the base came under attack by drones, the Russians decided to evacuate him to Russia.")
    r = run(text, gaz, published=date(2024, 12, 16))
    ev = next(e for e in r.events if e.quote.startswith("He said") and e.type == "evacuation")
    assert (ev.date, ev.date_precision) == (date(2024, 12, 8), "day")


def test_a_new_paragraph_on_another_subject_keeps_its_own_date(gaz):
    text = "On Monday, Russian troops left Damascus.\n\nTroops were deployed to Tartus."
    tartus = next(e for e in run(text, gaz).events if e.destination is not None)
    assert tartus.date_precision == "as_of"


def test_a_leaving_with_only_a_government_named_goes_on_with_the_country_left(gaz):
    text = ("French troops began leaving Niger this week.\n\n"
            "The first convoy of French soldiers departed on Oct. 10, escorted by Niger's defense and security forces.")
    ev = next(e for e in run(text, gaz, published=date(2023, 10, 20)).events if "first convoy" in e.quote)
    assert (ev.type, ev.origin.name, ev.inferred, ev.date) == ("withdrawal", "Niger", ("origin",), date(2023, 10, 10))


def test_a_deployment_after_a_country_left_keeps_its_type(gaz):
    text = "Russian troops began leaving Syria on Monday.\n\nRussia deployed about 50 aircraft to the Hmeimim air base."
    ev = next(e for e in run(text, gaz).events if "50 aircraft" in e.quote)
    assert ev.type == "deployment" and ev.origin is None


def test_a_town_damaged_by_shelling_is_attacked(gaz):
    r = run("Russian troops neared the town of Selydove. Selydove has been badly damaged by months of shelling.", gaz)
    assert [e.place.name for e in of(r, "attack") if e.quote.startswith("Selydove")] == ["Selydove"]


def test_the_handover_named_again_is_no_new_withdrawal(gaz):
    text = "France handed over its base in Faya to Chad on Friday.\n\nThe handing over of the base comes days ahead of elections."
    assert [e.quote[:6] for e in of(run(text, gaz), "withdrawal")] == ["France"]


def test_a_shoal_of_no_country_locates_a_claim_a_broad_region_does_not(gaz):
    r = run("A Chinese vessel rammed a Philippine boat near Second Thomas Shoal on Saturday.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Second Thomas Shoal"]
    assert run("There is a military presence in the Middle East.", gaz).events == []


def test_the_country_that_sends_troops_is_the_actor_not_where_they_go(gaz):
    r = run("North Korea has sent about 10,000 troops to Russia, according to US officials.", gaz)
    ev = of(r, "deployment")[0]
    assert (ev.actors, ev.origin.name, ev.destination.name) == (("North Korea",), "North Korea", "Russia")


def test_troops_stationed_in_a_country_are_a_presence_not_a_deployment(gaz):
    r = run("The US has about 28,500 troops stationed in South Korea.", gaz)
    assert [e.type for e in r.events] == ["base_presence"]


def test_a_named_warship_moving_is_a_ship_movement(gaz):
    r = run("The USS Carney sailed into the Red Sea on Monday.", gaz)
    assert of(r, "ship_movement")


def test_forces_trained_at_a_camp_and_an_overseas_base_are_a_presence(gaz):
    r = run("Turkish officers train Somali soldiers at Camp TURKSOM in Mogadishu, Turkey's largest overseas base.", gaz)
    assert of(r, "base_presence")


def test_an_order_to_the_u_s_to_withdraw_is_a_statement(gaz):
    text = ("The U.S. military withdrew its personnel from Niger on Sunday.\n\n"
            "Niger's ruling junta in April ordered the U.S. to withdraw its nearly 1,000 military personnel from the country.")
    r = run(text, gaz)
    assert [e.type for e in r.events if e.quote.startswith("Niger's")] == ["statement"]


def test_a_place_named_as_a_location_stays_a_claims_place_beside_the_journey(gaz):
    text = ("Rebels entered Damascus on Sunday.\n\nRussian officials met with the rebels in Damascus to negotiate "
            "the safe passage of Russian personnel from the capital to the Hmeimim airbase.")
    r = run(text, gaz)
    assert [e.place.name for e in of(r, "meeting")] == ["Damascus"]


# ---- a force left somewhere, or none left ----------------------------------------------------------------------


def test_a_force_that_is_left_somewhere_remains_there_and_left_nothing(gaz):
    r = run("Only 200 British soldiers are left in Basra.", gaz)
    assert not of(r, "withdrawal")
    assert [e.place.country_code for e in of(r, "base_presence")] == ["IQ"]


def test_no_force_left_somewhere_is_no_presence_and_no_withdrawal(gaz):
    r = run("After years of training local units, not a single Danish soldier is left in Helmand.", gaz)
    assert not r.events


def test_a_visit_to_an_air_base_or_to_troops_is_no_meeting(gaz):
    assert not of(run("The German defence minister visited a NATO air base in Lithuania on Tuesday.", gaz), "meeting")
    assert not of(run("The prime minister visited troops at the front near Kharkiv on Friday.", gaz), "meeting")
    assert [e.place.name for e in of(run("The German defence minister visited Vilnius on Tuesday.", gaz), "meeting")] == ["Vilnius"]


def test_a_departure_told_again_without_naming_its_place_is_the_same_withdrawal(gaz):
    text = ("Italian troops completed their withdrawal from Bagram Airfield on Saturday, officials said.\n\n"
            "All Italian personnel have now departed.")
    merged = merge_events(list(run(text, gaz, published=date(2025, 3, 15)).events))
    assert [(e.type, len(e.sources)) for e in merged] == [("withdrawal", 2)]


def test_an_arrival_at_the_base_named_before_stays_a_happening_of_its_own(gaz):
    text = ("Italian troops completed their withdrawal from Bagram Airfield on Saturday, officials said. "
            "A transport plane was later seen landing at the airfield.")
    merged = merge_events(list(run(text, gaz, published=date(2025, 3, 15)).events))
    assert sorted(e.type for e in merged) == ["air_transport", "withdrawal"]


def test_the_town_an_installation_stands_near_is_no_place_of_the_claim_of_its_own(gaz):
    r = run("The Pentagon said Al Udeid Air Base, near Doha in eastern Qatar, was expanded to host 10,000 troops.", gaz)
    assert [e.place.name for e in of(r, "base_presence")] == ["Al Udeid Air Base"]


def test_a_town_coordinated_with_an_installation_stays_a_place_of_the_claim(gaz):
    r = run("Italian troops have been stationed at Bagram Airfield and in Kabul since 2019.", gaz)
    assert len(of(r, "base_presence")) == 2


def test_an_unnamed_air_base_in_a_town_is_the_air_base_the_article_names_there(gaz):
    text = ("A Turkish transport plane departed from Turkey's air base in the southern city of Adana for Libya on Monday. "
            "More flights out of the Incirlik air base are expected.")
    ev = of(run(text, gaz), "air_transport")[0]
    assert (ev.origin.name, ev.destination.name) == ("Incirlik Air Base", "Libya")


def test_an_unnamed_airport_in_a_town_is_no_air_base_named_there(gaz):
    text = ("A Turkish transport plane departed from the airport in the southern city of Adana for Libya on Monday. "
            "More flights out of the Incirlik air base are expected.")
    assert of(run(text, gaz), "air_transport")[0].origin.name == "Adana"


def test_fleeing_to_a_country_leaves_the_country_the_article_is_about(gaz):
    r = run("Rebels captured Kandahar and Herat in Afghanistan on Sunday. The president and his family fled to Uzbekistan.", gaz)
    ev = of(r, "evacuation")[0]
    assert (ev.origin.name, ev.destination.name, ev.inferred) == ("Afghanistan", "Uzbekistan", ("origin",))


def test_a_force_returning_to_its_own_country_is_not_said_to_leave_the_article_s_country(gaz):
    r = run("Italian troops ended their mission in Kandahar and Herat in Afghanistan on Sunday. "
            "The Italian soldiers are due to return to their bases in Italy.", gaz)
    assert [e.origin for e in of(r, "withdrawal")] == [None]


STORY_OUT = "A reporter confirmed that a column of tanks and vehicles was transferred out of Bagram Airfield on Monday. "


def test_a_move_after_a_departure_told_with_no_doer_starts_where_the_story_left(gaz):
    r = run(STORY_OUT + "The equipment, with Italian soldiers, is being moved to established Italian military bases in Herat.", gaz)
    ev = next(e for e in r.events if e.quote.startswith("The equipment"))
    assert (ev.type, ev.origin.name, ev.inferred) == ("withdrawal", "Bagram Air Base", ("origin",))


def test_a_country_sending_forces_sends_them_from_itself_not_from_the_storys_place(gaz):
    r = run(STORY_OUT + "In April, Turkey sent military trainers to Herat.", gaz)
    ev = of(r, "deployment")[0]
    assert (ev.origin.name, ev.inferred) == ("Turkey", ())


def test_arrived_there_is_a_deployment_to_the_place_named_before(gaz):
    r = run("Rebels attacked Kidal on Sunday. Hundreds of Malian soldiers have arrived there to secure the area.", gaz)
    dep = of(r, "deployment")
    assert [(e.destination.name, e.inferred) for e in dep] == [("Kidal", ("destination",))]
    # "there" with no place named before it, and "there are" (no verb of arriving), are nothing
    assert not of(run("Hundreds of soldiers have arrived there.", gaz), "deployment")
    assert not of(run("Rebels attacked Kidal on Sunday. There are soldiers everywhere.", gaz), "deployment")


def test_ending_an_agreement_or_demanding_a_withdrawal_is_a_statement(gaz):
    for text in ("Last week, Niger announced the termination of its defence agreement with Paris.",
                 "On Monday, Mali's junta demanded that France withdraw its troops from Gao within a month.",
                 "The president said his country seeks the withdrawal of French troops from Dakar."):
        types = [e.type for e in run(text, gaz).events]
        assert "statement" in types and "withdrawal" not in types and "agreement" not in types, text
    # a withdrawal made stays one
    assert of(run("On Monday, French troops withdrew from Gao.", gaz), "withdrawal")


def test_forces_or_a_base_deployed_somewhere_are_a_presence(gaz):
    for text in ("Currently, there are 400 Italian servicemen deployed in Lebanon.",
                 "The Turkish military base located in Qatar is Turkey's largest."):
        assert [e.type for e in run(text, gaz).events] == ["base_presence"], text
    # troops that were deployed moved there
    assert of(run("On Monday, 400 Italian troops were deployed in Lebanon.", gaz), "deployment")


def test_a_country_a_claim_is_outside_of_is_not_its_place(gaz):
    r = run("The Russian base in Tajikistan is Russia's largest military facility outside the country.", gaz)
    assert [e.place.country_code for e in of(r, "base_presence")] == ["TJ"]
    r = run("Russian troops are stationed outside Damascus.", gaz)  # a town's outskirts are where it is
    assert [e.place.name for e in of(r, "base_presence")] == ["Damascus"]


def test_places_of_one_kind_listed_with_commas_share_the_claim(gaz):
    r = run("About 1,000 French soldiers remain in the three bases in Chad - N'Djamena, Faya-Largeau and Abeche.", gaz)
    assert sorted(e.place.name for e in of(r, "base_presence")) == ["Abéché", "Faya-Largeau", "N'Djamena"]
    r = run("Russian troops are stationed in Prizren, Kosovo.", gaz)  # the country is where the town is
    assert [e.place.name for e in of(r, "base_presence")] == ["Prizren"]


def test_a_ship_making_its_arrival_or_departing_before_the_clause_moves(gaz):
    r = run("The patrol ship HMS Mersey made its arrival in Dakar on Monday.", gaz)
    assert [(e.type, e.destination.name) for e in r.events] == [("ship_movement", "Dakar")]
    for verb in ("Sailing from", "Leaving"):
        r = run(f"{verb} Rota, the frigate carried a team of divers.", gaz)
        assert [(e.type, e.origin.name) for e in r.events] == [("ship_movement", "Rota")], verb


def test_a_named_warships_visit_is_no_meeting(gaz):
    assert not run("Officials welcomed the third visit of USS Mason to Djibouti.", gaz).events
    assert of(run("Officials welcomed the visit of the Emir to Djibouti.", gaz), "meeting")


def test_forces_that_came_to_a_country_moved_there(gaz):
    r = run("Hundreds of Wagner fighters came to Belarus after the mutiny.", gaz)
    assert [(e.type, e.destination.name) for e in r.events] == [("deployment", "Belarus")]
    assert not run("The army came to power in Niger in a coup.", gaz).events  # an idiom, no move


def test_forces_named_where_they_are_stationed_then_deployed_move(gaz):
    r = run("Two battalions of troops stationed outside Lithuania will be deployed in the country next week.", gaz)
    assert [(e.type, e.destination.name) for e in r.events] == [("deployment", "Lithuania")]
    assert of(run("Two battalions of troops are stationed in Lithuania.", gaz), "base_presence")


def test_forces_from_a_place_deployed_in_another_go_there(gaz):
    r = run("Troops from Germany were deployed in Lithuania on Monday.", gaz)
    assert [(e.origin.name, e.destination.name) for e in of(r, "deployment")] == [("Germany", "Lithuania")]


def test_a_country_that_invaded_another_is_the_doer_not_the_place(gaz):
    r = run("Early on Thursday, Russia invaded Ukraine after weeks of tensions.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Ukraine"]


def test_forces_evacuated_are_withdrawn(gaz):
    for text in ("Canada plans to evacuate its remaining soldiers from Mali next month.",
                 "On Friday, the Dutch troops were evacuated from Kabul."):
        types = [e.type for e in run(text, gaz).events]
        assert "withdrawal" in types and "evacuation" not in types, text
    # people beside them are evacuated
    assert of(run("Canada evacuated its soldiers and their families from Mali.", gaz), "evacuation")


def test_forces_arriving_in_their_own_country_from_abroad_come_home(gaz):
    r = run("On Sunday, the last Italian soldiers from Lebanon arrived in Rome.", gaz)
    ev = of(r, "withdrawal")[0]
    assert (ev.origin.country_code, ev.destination.name) == ("LB", "Rome")
    assert not of(r, "deployment")
    # leaving home for abroad is a deployment
    assert of(run("On Sunday, Italian soldiers from Rome arrived in Lebanon.", gaz), "deployment")


def test_forces_sent_to_the_country_holding_the_place_left_are_deployed(gaz):
    text = ("Italian troops withdrew from Beirut on Monday. "
            "The Italian troops had been sent to Lebanon for a limited period.")
    ev = next(e for e in run(text, gaz).events if "limited period" in e.quote)
    assert (ev.type, ev.origin, ev.destination.country_code) == ("deployment", None, "LB")


def test_an_attacks_own_locative_is_its_place_not_the_sentences_other_towns(gaz):
    r = run("The airline halted flights to and from Gao and Mopti after an attack on the outskirts of Kidal.", gaz)
    assert [e.place.name for e in of(r, "attack")] == ["Kidal"]
    r = run("Rebels have moved on Gao and near Kidal, officials in Mopti said, after attacks in Gao and near Kidal.", gaz)
    assert sorted(e.place.name for e in of(r, "attack")) == ["Gao", "Kidal"]


def test_destinations_listed_together_are_each_a_journeys_end(gaz):
    r = run("The Pentagon said more American soldiers were sent to Latvia, Estonia and Lithuania to reassure "
            "allies amid disputes between Russia and Belarus.", gaz)
    assert [(e.origin, e.destination.name) for e in of(r, "deployment")] == [
        (None, "Latvia"), (None, "Estonia"), (None, "Lithuania")]


def test_forces_of_a_country_leaving_a_place_go_home(gaz):
    r = run("On Tuesday, soldiers from Georgia left Kabul airport.", gaz)
    assert [(e.origin.country_code, e.destination.name) for e in r.events if e.destination] == [("AF", "Georgia")]
    r = run("Moldova's peacekeepers departed from Bamako on Friday.", gaz)
    assert [(e.origin.name, e.destination.name) for e in of(r, "withdrawal")] == [("Bamako", "Moldova")]
    # forces of a country merely named beside a withdrawal do not go there
    r = run("Greece's army has begun withdrawing from Kabul.", gaz)
    assert all(e.destination is None for e in of(r, "withdrawal"))


def test_forces_coming_from_listed_countries_each_come_to_the_storys_country(gaz):
    text = ("NATO will send two more companies to Estonia in May. "
            "The soldiers will come from Denmark, Norway, Iceland and Belgium.")
    evs = [e for e in of(run(text, gaz), "deployment") if "come from" in e.quote]
    assert [(e.origin.name, e.destination.name) for e in evs] == [
        ("Denmark", "Estonia"), ("Norway", "Estonia"), ("Iceland", "Estonia"), ("Belgium", "Estonia")]
    assert all("destination" in e.inferred for e in evs)


def test_forces_returning_after_a_withdrawal_in_the_sentence_are_deployed_back(gaz):
    r = run("French troops withdrew from Mali in 2016, only to return in 2019 to fight insurgents.", gaz)
    ev = [e for e in of(r, "deployment") if e.date.year == 2019]
    assert [(e.origin, e.destination.name) for e in ev] == [(None, "Mali")]
    assert [e.date.year for e in of(r, "withdrawal")] == [2016]
    # going home is no return to the place left
    r = run("French troops withdrew from Mali in 2016 and returned home in 2017.", gaz)
    assert not [e for e in of(r, "deployment") if e.date.year == 2017]
