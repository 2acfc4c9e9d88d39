from datetime import date

from geodata.corpus import make_article, mark_boilerplate
from geodata.events import merge_events, sentences
from geodata.pipeline import process_article


def run(text, gaz, published=date(2024, 12, 9), file="t.txt", source="Test"):
    art, _ = make_article(file, text, {"published": published.isoformat(), "source": source, "title": file})
    return process_article(mark_boilerplate([art])[0], gaz)


def test_sentences_keep_abbreviated_dates_together():
    text = "On Dec. 15, ships left. Then U.S. officials spoke."
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans[0] == "On Dec. 15, ships left."


def test_movement_with_origin_and_destination(gaz):
    r = run("Russian officials met HTS to negotiate the safe passage of Russian personnel from Damascus to the Hmeimim airbase.", gaz)
    moves = [e for e in r.events if e.origin and e.destination]
    assert moves, r.events
    assert moves[0].origin.name == "Damascus" and moves[0].destination.name == "Hmeimim Air Base"


def test_two_leg_journey_is_two_legs(gaz):
    r = run("The soldiers will be sent to Turkey and then evacuated to Russia by air.", gaz)
    legs = [(e.origin.name if e.origin else None, e.destination.name) for e in r.events if e.destination]
    assert legs == [(None, "Turkey"), ("Turkey", "Russia")]
    assert all(e.status == "planned" for e in r.events)


def test_ship_movement_dated_from_the_sentence(gaz):
    r = run("On December 8, the frigate left the Syrian port of Tartus in the Mediterranean Sea.", gaz)
    ev = r.events[0]
    assert ev.type == "ship_movement"
    assert ev.date == date(2024, 12, 8) and ev.date_precision == "day"
    assert ev.origin is not None and ev.origin.kind == "port"
    assert r.article.text[ev.start:ev.end] == ev.quote


def test_undated_sentence_is_as_of_publication(gaz):
    r = run("Russia withdrew its forces from Qamishli airport.", gaz, published=date(2026, 1, 28))
    ev = r.events[0]
    assert ev.type == "withdrawal" and ev.date == date(2026, 1, 28) and ev.date_precision == "as_of"


def test_no_event_from_boilerplate(seeds_result):
    for r in seeds_result.articles:
        for ev in r.events:
            lowered = ev.quote.lower()
            assert "newsletter" not in lowered and "dear readers" not in lowered and "support" not in lowered[:20]


def test_every_event_quote_contains_its_place_mention(seeds_result):
    for r in seeds_result.articles:
        for ev in r.events:
            in_sentence = [m for m in r.mentions if ev.start <= m.start and m.end <= ev.end]
            ids = {m.place.id for m in in_sentence}
            for p in (ev.place, ev.origin, ev.destination):
                if p is not None:
                    assert p.id in ids, (ev.quote, p.name)


def test_same_event_from_two_articles_merges(gaz):
    a = run("On December 8, the frigate left the port of Tartus.", gaz, file="a.txt", source="A")
    b = run("The frigate left the port of Tartus on December 8.", gaz, file="b.txt", source="B")
    merged = merge_events(a.events + b.events)
    ship = [e for e in merged if e.type == "ship_movement"]
    assert len(ship) == 1 and len(ship[0].sources) == 2


def test_seed_movements_and_bases(seeds_result):
    types = {e.type for e in seeds_result.events}
    assert {"withdrawal", "ship_movement", "evacuation"} <= types
    assert any(e.origin and e.destination for e in seeds_result.events)
    bases = {i.place.name for i in seeds_result.installations}
    assert {"Hmeimim Air Base", "Tartus naval facility", "Kamishly Airport"} <= bases
    qamishli = next(i for i in seeds_result.installations if i.place.name == "Kamishly Airport")
    assert qamishli.status_on(date(2026, 1, 28)) == "withdrawn"
    assert qamishli.status_on(date(2025, 1, 1)) == "unknown"


def test_hostile_text_is_plain_text(gaz):
    r = run("<script>alert(1)</script> Russian ships left Tartus ${alert(2)} `x` on Sunday.", gaz)
    assert r.events and "<script>" in r.article.text
    assert all(isinstance(e.quote, str) for e in r.events)


def test_long_lines_and_mixed_scripts(gaz):
    long_line = ("Russian convoy moved from Damascus to Hmeimim " * 20_000)  # ~900 kB, no full stop
    mixed = "القوات الروسية انسحبت من مطار القامشلي. Российские войска покинули Тартус. Ships left Tartus on Sunday."
    r = run(long_line + "\n" + mixed, gaz)
    assert r.events
    for ev in r.events:
        assert r.article.text[ev.start:ev.end] == ev.quote
    assert any(e.type == "ship_movement" and e.date == date(2024, 12, 8) for e in r.events)


def _types(r):
    return {e.type for e in r.events}


def test_aircraft_carrier_and_boats_are_ships(gaz):
    r = run("The aircraft carrier left Tartus on Sunday.", gaz)
    assert "ship_movement" in _types(r)
    r = run("Two patrol boats sailed from Latakia on Monday.", gaz)
    assert "ship_movement" in _types(r)


def test_forces_about_to_leave_is_a_withdrawal(gaz):
    r = run("Foreign troops are due to leave the Latakia area next year.", gaz)
    assert "withdrawal" in _types(r)


def test_hit_and_striking_are_attacks(gaz):
    assert "attack" in _types(run("A convoy was hit near Homs on Tuesday.", gaz))
    assert "attack" in _types(run("Jets were striking positions around Hama late on Monday.", gaz))


def test_fighting_with_an_object_describes_an_actor(gaz):
    r = run("A militia fighting the government will hold a conference in Damascus.", gaz)
    assert "attack" not in _types(r)
    assert "attack" in _types(run("Heavy fighting broke out in Homs on Friday.", gaz))


def test_joint_statement_is_an_agreement(gaz):
    r = run("Kurdish forces will hand the Raqqa dam to the army, the two sides said in a joint statement.", gaz)
    assert "agreement" in _types(r)


def test_closing_named_straits_and_granting_use_are_statements(gaz):
    r = run("Egypt closed the Suez Canal and its ports to foreign warships on Monday.", gaz)
    assert "statement" in _types(r)
    r = run("The president said Cyprus could offer allied navies the use of Limassol.", gaz)
    assert "statement" in _types(r)


def test_a_force_remaining_somewhere_is_presence(gaz):
    r = run("A small training force will remain in Homs until March.", gaz)
    assert "base_presence" in _types(r)


def test_place_after_a_preposition_is_no_metonym(gaz):
    r = run("Officials said the evacuation of Homs would resume on Saturday.", gaz)
    assert any(e.type == "evacuation" and e.place.name == "Homs" for e in r.events)


def test_country_as_agent_of_an_infinitive_is_no_place(gaz):
    r = run("Officials in Iraq urged Turkey to keep its troops in Syria.", gaz)
    assert all(e.place.name != "Turkey" for e in r.events)


def test_purpose_clause_names_no_event_and_no_place(gaz):
    r = run("The army sent engineers to Aleppo to help secure the evacuation of Idlib.", gaz)
    assert _types(r) == {"deployment"}
    assert all(e.place.name != "Idlib" for e in r.events)
    r = run("Jets struck depots in Homs in retaliation for an attack on troops in Iraq.", gaz)
    assert {e.place.name for e in r.events} == {"Homs"}
    r = run("Turkish troops moved into a buffer zone near Afrin, saying Kurdish fighters had withdrawn from Manbij.", gaz)
    assert "withdrawal" not in _types(r) and all(e.place.name != "Manbij" for e in r.events)


def test_civilians_leaving_are_evacuated(gaz):
    r = run("Hundreds of families left Homs for Hama on Friday.", gaz)
    assert _types(r) == {"evacuation"}
    r = run("The embassy staff were flown from Damascus to Beirut.", gaz)
    assert _types(r) == {"evacuation"}


def test_a_leader_travelling_is_no_deployment(gaz):
    r = run("The president held talks in Amman and then flew to Cairo.", gaz)
    assert "deployment" not in _types(r)
    assert "meeting" in _types(r)


def test_attribution_clause_place_is_the_speaker_not_the_event(gaz):
    r = run("Jets bombed rebel positions near Idlib on Monday, the defence ministry in Moscow said.", gaz)
    assert {e.place.name for e in r.events if e.type == "attack"} == {"Idlib"}


def test_appositive_describes_the_place_before_it(gaz):
    r = run("Some 300 troops will remain in Kirkuk, the main city of the oil region of Iraq, until June.", gaz)
    assert {e.place.name for e in r.events} == {"Kirkuk"}


def test_talks_about_a_bases_future_are_a_statement(gaz):
    r = run("The envoy told reporters the future of the bases at Tartus had been discussed in long talks.", gaz)
    assert "statement" in _types(r) and "meeting" not in _types(r)


def test_combat_jets_flown_somewhere_deploy(gaz):
    r = run("Four Su-34 bombers were flown from Russia to Latakia last week.", gaz)
    assert "deployment" in _types(r) and "air_transport" not in _types(r)
    r = run("Ammunition and spare parts were flown from Russia to Latakia last week.", gaz)
    assert "air_transport" in _types(r)


def test_infinitive_to_marks_no_destination(gaz):
    r = run("The cargo flights to Aleppo now have to cross over Iraq.", gaz)
    assert all(e.destination is None or e.destination.name != "Iraq" for e in r.events)


def test_docked_at_is_the_destination(gaz):
    r = run("A Russian frigate docked at Tartus, the first warship to call at a port in Syria this year.", gaz)
    ship = [e for e in r.events if e.type == "ship_movement"]
    assert ship and ship[0].destination is not None and ship[0].destination.kind != "country"


def test_places_coordinated_with_an_origin_are_origins(gaz):
    r = run("The army is withdrawing from its outpost at Homs and its depot at Hama.", gaz)
    origins = {e.origin.name for e in r.events if e.type == "withdrawal" and e.origin}
    assert len(origins) == 2


def test_close_as_an_adjective_is_no_closure(gaz):
    r = run("Iran, a close ally of Damascus, has troops near the border with Iraq.", gaz)
    assert "statement" not in _types(r)


def test_possessive_after_a_preposition_is_still_a_metonym(gaz):
    r = run("Analysts doubt the future of Turkey's observation posts near Idlib.", gaz)
    assert all(e.place.name != "Turkey" for e in r.events)


def test_people_named_before_forces_are_evacuated(gaz):
    r = run("The embassy staff were driven from Damascus to Beirut on an army bus.", gaz)
    assert "evacuation" in _types(r) and "withdrawal" not in _types(r)


def test_coordinated_places_of_one_kind_share_the_claim(gaz):
    r = run("Ankara closed the Bosporus and Dardanelles straits to warships.", gaz)
    assert {e.place.name for e in r.events if e.type == "statement"} >= {"Bosphorus", "Dardanelles"}


def test_nested_places_keep_the_most_specific(gaz):
    r = run("Officials met at the Hmeimim air base near Latakia on Monday.", gaz)
    places = {e.place.name for e in r.events if e.type == "meeting"}
    assert places == {"Hmeimim Air Base"}


def test_presence_clause_beside_a_movement_is_a_presence_since(gaz):
    r = run("Iran began pulling its advisers out of Homs on Monday, where it has kept a small garrison since 2016.", gaz)
    assert "withdrawal" in _types(r)
    presence = [e for e in r.events if e.type == "base_presence"]
    assert presence and presence[0].place.name == "Homs" and presence[0].date == date(2016, 1, 1)


def test_sentence_ends_look_behind_each_abbreviation():
    import re

    from geodata.events import _ABBREVIATIONS, _SENT_END

    one_each = "".join(rf"(?<!\b{w}.)" for w in _ABBREVIATIONS)  # a look-behind for each abbreviation
    rx = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<!\b[A-Z].)" + one_each + r"[.!?…]*[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9]))")
    text = ("Mr. Smith met Gen. Jones on Sept. 3. Mrs. Lee left. J. K. Rowling wrote. No. 5 is here! Col. Ray? "
            "Yes. St. Louis. The U.S. Army. Dec. 4 and Jan. 5.\n\nNew. Sept. Nov. Mar. 1.\"Quote.\" Then… (Later.) 2 A")
    assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in rx.finditer(text)]


_NEW_TYPE_SCRIPT = r'''
import tomllib
from datetime import date

import geodata.vocabulary as v

with open(v.PATH, "rb") as fh:
    data = tomllib.load(fh)
data["event_type"].append({"name": "ceremony", "label": "Ceremony", "color": "#123456", "movement": False,
                           "trigger_rank": 0, "triggers": ["parade|ceremony"]})
v.VOCABULARY = v.parse(data)  # read by the extraction at import, as if the file held the entry
from geodata.events import extract_events
from geodata.models import Article, Mention, Place

text = "The garrison held a parade in Tartus on Monday."
at = text.index("Tartus")
place = Place(id="t:1", name="Tartus", lat=34.9, lon=35.9, kind="city", country_code="SY")
art = Article(id="a", file="a.txt", title="a", source="s", url="", published=date(2024, 12, 9),
              published_from="manifest", text=text)
print(",".join(e.type for e in extract_events(art, [Mention("Tartus", at, at + 6, place, 0.9)], [])))
'''


def test_an_added_event_type_is_extracted():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _NEW_TYPE_SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.strip().split(",")[0] == "ceremony", out
