"""Build ``events_set.jsonl``: hand-labelled gold set for the news-event extractor.

30 short wire-style articles (Reuters / AP / The Moscow Times / Al-Monitor style) about the Russian
military presence in Syria and nearby theatres, 2015-2026, plus a few other theatres (Russian jets in
Libya, Port Sudan, US forces in Syria/Iraq, Turkish operations in northern Syria, Israeli strikes).
The articles are written from public facts; they are test material, not a news archive. Gold labels
are independent of the system under test: no project extraction code (geodata/events/, dates/,
geoparse.py) or project data was read or imported.

Output: one JSON object per line
    {"id": "ev-art-01", "title": ..., "source": ..., "published": "YYYY-MM-DD", "text": ...,
     "events": [{"type", "status", "date", "date_end", "date_precision", "place", "origin",
                 "destination", "sentence", "actors"}, ...]}
``text`` is the body: one sentence per paragraph, paragraphs separated by a blank line; a wire
dateline ("MOSCOW (Reuters) - ") opens the first paragraph of some articles and is NOT part of the
first sentence. Five articles also carry site furniture lines (see BOILERPLATE).

LABELLING GUIDELINE
===================
What is an event
----------------
* One event per claim an analyst would put on a map: an action or state of a military force (or an
  official act about one) that the sentence ties to a NAMED place. A sentence may yield several
  events; one claim naming several places for the same action yields one event per place
  ("strikes in Homs and Hama provinces" -> two attacks; "bases at Hmeimim and Tartus" -> two).
* A sentence without a toponym yields no event, even if it plainly refers to an event elsewhere in
  the article ("the ministry blamed Israel for the loss of the plane"). Demonyms ("Turkish
  airspace", "Libyan conflict") and metonymic agents ("Moscow said", "Ankara granted") are not places.
* The same claim repeated in the article is labelled ONCE, on the sentence that gives it the most
  specific date (ties: the first such sentence); restatements, details and justifications of a
  labelled event are not labelled again (e.g. the list of ships that left Tartus, the launch
  platform of a strike, a report's details).
* A journey whose legs are spelt out ("driven from Damascus to Hmeimim and then flown to Moscow")
  gives one event per leg. A separate lead sentence summarising the whole move ("evacuated staff
  from Syria", "sent jets to Libya") is a different claim (coarser place, often the only date) and is
  labelled as well.
* Not events: exercises and training flights, construction work, aircraft losses from technical
  faults, votes/authorisations and policy lines without a place, phone calls, purpose clauses
  ("to support operations against IS in Syria"), the terms of an agreement that is itself labelled
  (ceasefire, corridor, ship quotas) unless a term is a movement with its own date or route,
  diplomatic missions (embassies are not bases), seats of government, commercial contracts.
* BOILERPLATE yields no events: newsletter prompts, photo credits, "Read more:" teasers and similar
  site furniture, even when the teaser headline describes a military event.

Types
-----
base_presence  a force is stationed at / operates from a named place ("Russia keeps forces at ...",
               "Turkey has a dozen observation posts in Idlib", "which Russia is using as a helicopter
               base"). Only when the presence is asserted (predicate or explicit clause), not for a
               possessive/attributive mention inside another claim ("to its Hmeimim air base").
withdrawal     forces (troops, combat aircraft, units, convoys) leaving a place or theatre, including
               combat aircraft flying home and the ordered/planned return of a contingent.
evacuation     removal of people from danger: civilians and fighters bussed out, diplomats flown out,
               fighters evacuated by a third party, a deposed leader fleeing abroad.
deployment     forces or weapon systems sent to / entering / patrolling a place (patrols count as
               deployment; so does taking control of terrain without a fight, e.g. Mount Hermon).
ship_movement  named or naval vessels (warships, submarines, navy-chartered cargo ships) moving or
               waiting off a port.
air_transport  transport/cargo flights (An-124, Il-76, "military transport planes", "equipment is
               flown") and the restriction of such flights' route. Combat aircraft flying themselves
               are deployment/withdrawal; heads of state travelling are captured as meetings.
attack         strikes, shoot-downs, shelling, drone attacks, offensives, capture/recapture of a town.
meeting        in-person talks/visits (place = where held). Phone calls are not meetings.
agreement      a signed/reached deal or joint statement on forces or bases (place = the place the deal
               is about when the sentence names it, else where it was reached).
statement      an official claim or decision about a named place's military status or future (a
               base's future, "will keep its bases", "too early to discuss the future of the bases",
               closing airspace or straits to military traffic). Generic rhetoric is not labelled.

Statuses
--------
historical  background event that ended more than 30 days before publication (date_end < published
            - 30 days), e.g. "Islamic State captured Palmyra in May 2015".
reported    a news-window event that happened and has no explicit end state: strikes, meetings,
            agreements, statements, the launch of an offensive (also attacks/agreements within 30 days
            mentioned as context).
completed   a news-window action whose end state is stated: arrived, left, landed, docked, flew to,
            recaptured, took control, had evacuated, has built up.
ongoing     in progress or continuing at publication: "is pulling back", "are patrolling", "have
            flown ... several times since", "has kept ... since", a presence stated in present tense.
planned     announced, ordered, agreed or expected future action ("will", "is expected to", "ordered
            the withdrawal", "gives the YPG 150 hours to withdraw", "would be Russia's first base").
            Attributed future claims about a base's fate are statements, not planned presence.
denied      the text asserts, or quotes a source asserting, that the event did not / does not happen
            ("denied a report that seven aircraft had been destroyed", "dismissed the report that
            jets had been sent to Libya", "was not withdrawing from Hmeimim").

Dates (resolved against the publication date; weeks run Monday-Sunday)
----------------------------------------------------------------------
* Dates are sentence-local: only a date expression in the supporting sentence dates the event. If
  the sentence's only date attaches to the reporting verb ("the ministry said on Thursday that it
  had deployed ..."), the event takes that date. A sentence with no date expression -> as_of.
* day       a single day: "on Sunday" (most recent such day on or before publication; the
            publication day itself when it is that weekday), "yesterday", "Dec. 15", "on December 8",
            "on Dec. 31" (year inferred: the latest such date not after publication), "late on
            Monday", "later on Monday".  date == date_end.
* week      "last week" (previous Mon-Sun), "this week" (Monday to publication), "earlier this
            week" (Monday to the day before publication).
* month     "in November", "in May 2015", "in July", "last December"; "earlier this month" (1st
            to the day before publication), "this month" (1st to publication); deadlines "by the end
            of September 2025" take the whole month.
* year      "in 2015", "agreed in principle in 2020" (Jan 1 - Dec 31).
* range     explicit or fuzzy spans: "overnight" in a morning story (previous day - publication
            day), "over the past 48 hours" (publication - 2 days - publication), "in recent days"
            (publication - 7 days - publication), "in recent weeks" (publication - 28 days -
            publication), "since <date>" (start of that date - publication), "until <month>" for a
            planned presence (publication - end of that month), "150 hours from noon on Wednesday".
* as_of     no date in the sentence: date = date_end = publication date.

Places
------
* place/origin/destination are the toponym exactly as written in the sentence (spelling variant
  kept: "Deir al-Zor", "al-Jufra", "Minet el-Beida"), name only: feature words and directional
  modifiers are dropped ("Syria" in "northern Syria", "Aleppo" in "eastern Aleppo", "Hmeimim" in
  "the Hmeimim air base", "Hama" in "Hama provinces"). When a sentence names nested places for one
  claim the most specific one is the place ("Kremlin" over "Moscow", "Tower 22" over "Jordan").
* origin/destination are filled for movement types only (withdrawal, evacuation, deployment,
  ship_movement, air_transport) and only when named. place = origin for withdrawal/evacuation
  (destination if no origin); place = destination for deployment/ship_movement/air_transport
  (origin if no destination). Exception: a patrol along a named route gets the route as place.

Actors (closed list)
--------------------
Russia, Turkey, Syrian government, Syrian opposition, HTS, SDF, Islamic State, Ukraine, United
States, Israel, Iran. Actors are the parties carrying out or subject to the event (all parties for
meetings and agreements; the speaker, plus the party whose forces are at stake, for statements).
The YPG / "Kurdish fighters" / "Kurdish-led forces" count as SDF; "rebels" as Syrian opposition;
Iran-aligned militias and the Revolutionary Guards as Iran; after 8 Dec 2024 the new authorities in
Damascus are the Syrian government, and Assad remains "Syrian government". Unnamed "militants" and
countries outside the list (Egypt, Sudan, Iraq, Libya, Jordan) get no actor.

Run:  python benchmarks/data/build_events_set.py
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "events_set.jsonl"

TYPES = {"base_presence", "withdrawal", "evacuation", "deployment", "ship_movement", "air_transport",
         "attack", "meeting", "agreement", "statement"}
MOVEMENT = {"withdrawal", "evacuation", "deployment", "ship_movement", "air_transport"}
STATUSES = {"reported", "planned", "ongoing", "completed", "historical", "denied"}
PRECISIONS = {"day", "week", "month", "year", "range", "as_of"}
ACTORS = {"Russia", "Turkey", "Syrian government", "Syrian opposition", "HTS", "SDF", "Islamic State",
          "Ukraine", "United States", "Israel", "Iran"}

RU, TR, SG, SO, HTS, SDF, IS = ("Russia", "Turkey", "Syrian government", "Syrian opposition", "HTS",
                                "SDF", "Islamic State")
US, IL, IR = "United States", "Israel", "Iran"

# --- date helpers: each returns (precision, date, date_end); None means "publication date" ---


def day(d: str) -> tuple[str, str, str]:
    return ("day", d, d)


ASOF = ("as_of", None, None)


def week(a: str, b: str) -> tuple[str, str, str]:
    return ("week", a, b)


def month(ym: str, end: str | None = None) -> tuple[str, str, str]:
    y, m = map(int, ym.split("-"))
    last = f"{ym}-{calendar.monthrange(y, m)[1]:02d}"
    return ("month", f"{ym}-01", end or last)


def year(y: int) -> tuple[str, str, str]:
    return ("year", f"{y}-01-01", f"{y}-12-31")


def rng(a: str, b: str | None = None) -> tuple[str, str, str | None]:
    return ("range", a, b)  # b None -> publication date


def E(type_, status, when, place, key, actors, origin=None, dest=None, route=False):
    """One gold event; ``key`` is a substring identifying exactly one body sentence."""
    return {"type": type_, "status": status, "when": when, "place": place, "origin": origin,
            "destination": dest, "key": key, "actors": list(actors), "route": route}


NEWSLETTER = "Sign up for our newsletter"

# Each article: body = list of sentences (one per paragraph); furniture = {position: line or lines},
# inserted before body[position] (len(body) -> at the end). Furniture lines must yield no events.
ARTICLES = [
    dict(
        title="Russia launches first air strikes in Syria",
        source="Reuters", published="2015-10-01", dateline="MOSCOW (Reuters) - ",
        body=[
            "Russian warplanes carried out their first air strikes in Syria on Wednesday, hitting targets in Homs and Hama provinces, the Defence Ministry said.",
            "The aircraft are flying from the Hmeimim air base near Latakia, which Russia has built up in recent weeks with fighter jets, helicopters and air defence systems.",
            "Russia's upper house of parliament had unanimously approved the use of the armed forces abroad earlier on Wednesday.",
            "US officials said the strikes near the city of Homs did not appear to target Islamic State fighters.",
            "The Kremlin said the operation was aimed at helping the Syrian army fight Islamic State and other militant groups.",
        ],
        events=[
            E("attack", "reported", day("2015-09-30"), "Homs", "first air strikes in Syria", [RU]),
            E("attack", "reported", day("2015-09-30"), "Hama", "first air strikes in Syria", [RU]),
            E("base_presence", "ongoing", ASOF, "Hmeimim", "The aircraft are flying from", [RU]),
            E("deployment", "completed", rng("2015-09-03"), "Hmeimim", "The aircraft are flying from", [RU],
              dest="Hmeimim"),
        ],
    ),
    dict(
        title="Russia sends S-400 missiles to Syria after Turkey downs bomber",
        source="Reuters", published="2015-11-27", dateline="MOSCOW (Reuters) - ",
        body=[
            "Russia has deployed S-400 air defence missile systems to its Hmeimim air base in Syria, the Defence Ministry said on Thursday.",
            "Turkish F-16 jets shot down a Russian Su-24 bomber near the Syrian-Turkish border on Tuesday, and the plane crashed in Syria's Latakia province.",
            "Turkey said the bomber had violated its airspace; Moscow insists the plane never left Syrian airspace.",
            "One of the two pilots was killed after ejecting, and a Russian marine died during an operation to rescue the other.",
            "The guided-missile cruiser Moskva has taken up position off the coast near Latakia to provide air cover for Russian aircraft, the ministry said.",
        ],
        events=[
            E("deployment", "completed", day("2015-11-26"), "Hmeimim", "has deployed S-400", [RU], dest="Hmeimim"),
            E("attack", "reported", day("2015-11-24"), "Latakia", "Turkish F-16 jets shot down", [TR, RU]),
            E("ship_movement", "completed", ASOF, "Latakia", "cruiser Moskva", [RU], dest="Latakia"),
        ],
    ),
    dict(
        title="First Russian jets fly home from Syria as Putin orders pullout",
        source="The Moscow Times", published="2016-03-16", dateline="",
        body=[
            "The first group of Russian warplanes left the Hmeimim air base in Syria on Tuesday and flew home to Voronezh, the Defence Ministry said.",
            "The Su-34 crews were greeted with bread and salt and a military band at the airfield, state television showed.",
            "President Vladimir Putin on Monday ordered the withdrawal of the main part of Russia's forces from Syria, saying the military had largely accomplished its tasks.",
            "Russia will keep its air base at Hmeimim and its naval facility at Tartus, the Kremlin said.",
            "Russia began its air campaign in Syria on Sept. 30 last year.",
        ],
        furniture={1: "Photo: Russian Defence Ministry Press Service / TASS",
                   5: "Read more: Five months of Russian air strikes in Syria in numbers"},
        events=[
            E("withdrawal", "completed", day("2016-03-15"), "Hmeimim", "The first group of Russian warplanes", [RU],
              origin="Hmeimim", dest="Voronezh"),
            E("withdrawal", "planned", day("2016-03-14"), "Syria", "ordered the withdrawal of the main part", [RU],
              origin="Syria"),
            E("statement", "reported", ASOF, "Hmeimim", "Russia will keep its air base at Hmeimim", [RU]),
            E("statement", "reported", ASOF, "Tartus", "Russia will keep its air base at Hmeimim", [RU]),
            E("attack", "historical", day("2015-09-30"), "Syria", "began its air campaign", [RU]),
        ],
    ),
    dict(
        title="Syrian army retakes Palmyra from Islamic State with Russian air support",
        source="Reuters", published="2016-03-28", dateline="BEIRUT (Reuters) - ",
        body=[
            "Syrian government forces backed by Russian air strikes recaptured the ancient city of Palmyra from Islamic State on Sunday, Syrian state media said.",
            "Islamic State fighters retreated from Palmyra east towards Deir al-Zor, a monitoring group said.",
            "Russian warplanes struck Islamic State positions around Palmyra in recent days, the Defence Ministry in Moscow said.",
            "Russian sappers will be sent to Palmyra to clear mines from the ancient city, the Kremlin said.",
            "Islamic State captured Palmyra in May 2015.",
        ],
        events=[
            E("attack", "completed", day("2016-03-27"), "Palmyra", "recaptured the ancient city", [SG, RU, IS]),
            E("withdrawal", "completed", ASOF, "Palmyra", "fighters retreated from Palmyra", [IS],
              origin="Palmyra", dest="Deir al-Zor"),
            E("attack", "reported", rng("2016-03-21"), "Palmyra", "Russian warplanes struck", [RU, IS]),
            E("deployment", "planned", ASOF, "Palmyra", "Russian sappers", [RU], dest="Palmyra"),
            E("attack", "historical", month("2015-05"), "Palmyra", "captured Palmyra in May 2015", [IS]),
        ],
    ),
    dict(
        title="Thousands leave eastern Aleppo under Russia-Turkey evacuation deal",
        source="AP", published="2016-12-16", dateline="ALEPPO, Syria (AP) \u2014 ",
        body=[
            "Thousands of rebel fighters and civilians left the last opposition-held districts of eastern Aleppo for Idlib province on Thursday in buses and ambulances, under a deal brokered by Russia and Turkey.",
            "The International Committee of the Red Cross said it was helping to oversee the operation.",
            "Russia's Defense Ministry said it had deployed military police to Aleppo to monitor the evacuation.",
            "Turkish officials said the evacuation of Aleppo would continue on Friday.",
            "Government forces launched their offensive to retake eastern Aleppo in November, backed by Russian air power.",
        ],
        events=[
            E("evacuation", "completed", day("2016-12-15"), "Aleppo", "Thousands of rebel fighters", [RU, TR, SO],
              origin="Aleppo", dest="Idlib"),
            E("deployment", "completed", ASOF, "Aleppo", "deployed military police to Aleppo", [RU], dest="Aleppo"),
            E("evacuation", "planned", day("2016-12-16"), "Aleppo", "evacuation of Aleppo would continue", [RU, TR, SO],
              origin="Aleppo"),
            E("attack", "reported", month("2016-11"), "Aleppo", "launched their offensive", [SG, RU, SO]),
        ],
    ),
    dict(
        title="Russia, Syria sign 49-year deal on Tartus naval base",
        source="Reuters", published="2017-01-20", dateline="MOSCOW (Reuters) - ",
        body=[
            "Russia and Syria have signed an agreement allowing the Russian navy to use the port of Tartus for 49 years, according to a text of the deal published on Friday.",
            "The agreement, signed in Damascus on Jan. 18, allows Russia to keep up to 11 warships at Tartus at the same time, including nuclear-powered vessels.",
            "It will be extended automatically for further 25-year periods unless either side gives notice.",
            "Tartus is Russia's only naval facility in the Mediterranean and has been used since Soviet times to resupply Russian ships.",
            "The aircraft carrier Admiral Kuznetsov, which led a Russian naval group off Syria, is sailing home from the Mediterranean to its base in Severomorsk.",
        ],
        events=[
            E("agreement", "reported", day("2017-01-18"), "Tartus", "signed in Damascus on Jan. 18", [RU, SG]),
            E("base_presence", "ongoing", ASOF, "Tartus", "Tartus is Russia's only naval facility", [RU]),
            E("ship_movement", "ongoing", ASOF, "Severomorsk", "Admiral Kuznetsov", [RU],
              origin="Mediterranean", dest="Severomorsk"),
        ],
    ),
    dict(
        title="Putin visits Syria, orders partial withdrawal of Russian forces",
        source="The Moscow Times", published="2017-12-12", dateline="",
        body=[
            "President Vladimir Putin made a surprise visit to Russia's Hmeimim air base in Syria on Monday, where he met Syrian President Bashar al-Assad and ordered the withdrawal of a significant part of the Russian contingent.",
            "\"I have decided that a significant part of the Russian military contingent in Syria is returning home to Russia,\" Putin told servicemen at the base.",
            "Russia will keep its bases at Hmeimim and Tartus on a permanent basis, Putin said on Monday.",
            "Later on Monday, Putin held talks in Cairo with Egyptian President Abdel-Fattah el-Sissi and then flew to Ankara to meet Turkish President Recep Tayyip Erdogan.",
        ],
        events=[
            E("meeting", "reported", day("2017-12-11"), "Hmeimim", "made a surprise visit", [RU, SG]),
            E("withdrawal", "planned", day("2017-12-11"), "Syria", "made a surprise visit", [RU], origin="Syria"),
            E("statement", "reported", day("2017-12-11"), "Hmeimim", "on a permanent basis", [RU]),
            E("statement", "reported", day("2017-12-11"), "Tartus", "on a permanent basis", [RU]),
            E("meeting", "reported", day("2017-12-11"), "Cairo", "held talks in Cairo", [RU]),
            E("meeting", "reported", day("2017-12-11"), "Ankara", "held talks in Cairo", [RU, TR]),
        ],
    ),
    dict(
        title="Russia says two servicemen killed in shelling of Syrian base, denies jets destroyed",
        source="Reuters", published="2018-01-05", dateline="MOSCOW (Reuters) - ",
        body=[
            "Two Russian servicemen were killed when militants shelled the Hmeimim air base in Syria on Dec. 31, Russia's Defence Ministry said on Thursday.",
            "The ministry denied a report in the Kommersant newspaper that seven Russian military aircraft had been destroyed at Hmeimim in the Dec. 31 attack, calling it \"fake\".",
            "Kommersant had cited military and diplomatic sources as saying at least four Su-24 bombers, two Su-35 fighters and an An-72 transport plane were hit.",
            "The ministry said a Mi-24 helicopter had also crashed on the same day near the Hama air base because of a technical fault, killing both pilots.",
            "Russia keeps a permanent contingent at Hmeimim and at its naval facility in Tartus.",
        ],
        events=[
            E("attack", "reported", day("2017-12-31"), "Hmeimim", "militants shelled the Hmeimim", [RU]),
            E("attack", "denied", day("2017-12-31"), "Hmeimim", "denied a report in the Kommersant", [RU]),
            E("base_presence", "ongoing", ASOF, "Hmeimim", "keeps a permanent contingent", [RU]),
            E("base_presence", "ongoing", ASOF, "Tartus", "keeps a permanent contingent", [RU]),
        ],
    ),
    dict(
        title="Turkish-backed forces take full control of Syria's Afrin",
        source="Al-Monitor", published="2018-03-19", dateline="",
        body=[
            "Turkish troops and allied Syrian rebel factions took full control of the town of Afrin in northwest Syria on Sunday, President Recep Tayyip Erdogan said.",
            "Kurdish YPG fighters withdrew from Afrin ahead of the assault, a YPG official said.",
            "Turkey launched Operation Olive Branch against the YPG in the Afrin region on Jan. 20.",
            "Russia pulled its military observers out of the Afrin area on Jan. 20, moving them to Tal Rifaat.",
            "Ankara regards the YPG as an extension of the outlawed Kurdistan Workers' Party (PKK).",
        ],
        events=[
            E("attack", "completed", day("2018-03-18"), "Afrin", "took full control of the town of Afrin", [TR, SO, SDF]),
            E("withdrawal", "completed", ASOF, "Afrin", "YPG fighters withdrew from Afrin", [SDF], origin="Afrin"),
            E("attack", "historical", day("2018-01-20"), "Afrin", "Operation Olive Branch", [TR, SDF]),
            E("withdrawal", "historical", day("2018-01-20"), "Afrin", "pulled its military observers", [RU],
              origin="Afrin", dest="Tal Rifaat"),
        ],
    ),
    dict(
        title="Russian military plane shot down off Syria, 15 killed",
        source="The Moscow Times", published="2018-09-18", dateline="",
        body=[
            "A Russian Il-20 reconnaissance plane with 15 people on board was shot down by Syrian air defences over the Mediterranean late yesterday, the Defence Ministry said.",
            "The plane was hit by a Syrian S-200 missile as it returned to the Hmeimim air base, while four Israeli F-16 jets were striking targets in Latakia province on Monday evening, the ministry said.",
            "The ministry blamed Israel for the loss of the plane, saying the Israeli jets had used it as cover.",
            "The Israeli military expressed sorrow for the deaths but said the Syrian government was responsible.",
        ],
        furniture={0: "Photo: Sergei Bobylev / TASS"},
        events=[
            E("attack", "reported", day("2018-09-17"), "Mediterranean", "Il-20 reconnaissance plane", [SG, RU]),
            E("attack", "reported", day("2018-09-17"), "Latakia", "four Israeli F-16 jets", [IL, SG]),
        ],
    ),
    dict(
        title="Russian military police patrol near Manbij as US forces leave",
        source="Reuters", published="2019-10-16", dateline="MOSCOW/BEIRUT (Reuters) - ",
        body=[
            "Russian military police are patrolling the front line between Syrian government and Turkish forces near the town of Manbij, the Russian Defence Ministry said on Tuesday.",
            "US-led coalition forces left Manbij on Tuesday, a coalition spokesman said.",
            "US troops are pulling out of northern Syria on orders from President Donald Trump.",
            "Syrian government troops entered Manbij after the Kurdish-led Syrian Democratic Forces invited them in to help fend off the Turkish offensive.",
            "Turkey launched its offensive against Kurdish fighters in northeast Syria last week.",
            "Russian journalists filmed inside an abandoned US base near Manbij, showing tents and equipment left behind.",
        ],
        events=[
            E("deployment", "ongoing", day("2019-10-15"), "Manbij", "Russian military police are patrolling", [RU]),
            E("withdrawal", "completed", day("2019-10-15"), "Manbij", "coalition forces left Manbij", [US], origin="Manbij"),
            E("withdrawal", "ongoing", ASOF, "Syria", "US troops are pulling out", [US], origin="Syria"),
            E("deployment", "completed", ASOF, "Manbij", "Syrian government troops entered Manbij", [SG, SDF],
              dest="Manbij"),
            E("attack", "reported", week("2019-10-07", "2019-10-13"), "Syria", "launched its offensive", [TR, SDF]),
        ],
    ),
    dict(
        title="Putin, Erdogan agree Russian and Syrian forces will move into northeast Syria",
        source="Reuters", published="2019-10-23", dateline="SOCHI, Russia (Reuters) - ",
        body=[
            "Russia and Turkey have agreed that Russian military police and Syrian border guards will move into northeast Syria to oversee the removal of Kurdish YPG fighters from the border area.",
            "The deal was reached on Tuesday after more than six hours of talks between Presidents Vladimir Putin and Tayyip Erdogan in Sochi.",
            "The memorandum gives the YPG 150 hours from noon on Wednesday to withdraw from a 30-km strip along the border in northeast Syria.",
            "Russian and Turkish forces will then start joint patrols in a 10-km strip along the border in northeast Syria, the memorandum says.",
            "Russian military police began moving towards the border town of Kobani on Wednesday, the Russian Defence Ministry said.",
        ],
        events=[
            E("deployment", "planned", ASOF, "Syria", "will move into northeast Syria", [RU, SG], dest="Syria"),
            E("agreement", "reported", day("2019-10-22"), "Sochi", "The deal was reached on Tuesday", [RU, TR]),
            E("meeting", "reported", day("2019-10-22"), "Sochi", "The deal was reached on Tuesday", [RU, TR]),
            E("withdrawal", "planned", rng("2019-10-23", "2019-10-29"), "Syria", "150 hours from noon", [SDF],
              origin="Syria"),
            E("deployment", "planned", ASOF, "Syria", "start joint patrols", [RU, TR]),
            E("deployment", "ongoing", day("2019-10-23"), "Kobani", "began moving towards the border town", [RU],
              dest="Kobani"),
        ],
    ),
    dict(
        title="Russia deploys helicopters to Qamishli airport in northeast Syria",
        source="The Moscow Times", published="2019-11-15", dateline="",
        body=[
            "Russia has deployed attack and transport helicopters to an airfield in the northeast Syrian city of Qamishli, state-run Zvezda television reported on Thursday.",
            "Footage showed Mi-35 and Mi-8 helicopters and a Pantsir-S air defence system at the Qamishli airport, which Russia is using as a helicopter base.",
            "The deployment follows the withdrawal of US troops from much of northeast Syria in October.",
            "Russia's main bases in the country remain the Hmeimim air base and the naval facility at Tartus on the Mediterranean coast.",
        ],
        furniture={4: [NEWSLETTER, "Read more: Russia and Turkey begin joint patrols in northeast Syria"]},
        events=[
            E("deployment", "completed", day("2019-11-14"), "Qamishli", "has deployed attack and transport helicopters",
              [RU], dest="Qamishli"),
            E("base_presence", "ongoing", ASOF, "Qamishli", "which Russia is using as a helicopter base", [RU]),
            E("withdrawal", "completed", month("2019-10"), "Syria", "The deployment follows the withdrawal", [US],
              origin="Syria"),
            E("base_presence", "ongoing", ASOF, "Hmeimim", "main bases in the country remain", [RU]),
            E("base_presence", "ongoing", ASOF, "Tartus", "main bases in the country remain", [RU]),
        ],
    ),
    dict(
        title="Russia and Turkey agree ceasefire in Syria's Idlib",
        source="Reuters", published="2020-03-06", dateline="MOSCOW (Reuters) - ",
        body=[
            "Russia and Turkey agreed on Thursday to a ceasefire in Syria's Idlib province after talks in Moscow between Presidents Vladimir Putin and Tayyip Erdogan.",
            "The ceasefire took effect at midnight, and a security corridor will be set up six km to the north and six km to the south of the M4 highway, which runs east-west across Idlib.",
            "Joint Russian-Turkish patrols along the M4 will begin on March 15 and run from the village of Trumba, near Saraqib, to Ain al-Havr, the two countries' foreign ministers said.",
            "The deal follows weeks of fighting in which dozens of Turkish soldiers were killed and nearly a million people were displaced.",
            "Turkey has a dozen observation posts in Idlib set up under de-escalation deals with Russia and Iran, as well as dozens of newer positions.",
        ],
        events=[
            E("agreement", "reported", day("2020-03-05"), "Idlib", "agreed on Thursday to a ceasefire", [RU, TR]),
            E("meeting", "reported", day("2020-03-05"), "Moscow", "agreed on Thursday to a ceasefire", [RU, TR]),
            E("deployment", "planned", day("2020-03-15"), "M4", "Joint Russian-Turkish patrols", [RU, TR],
              origin="Trumba", dest="Ain al-Havr", route=True),
            E("base_presence", "ongoing", ASOF, "Idlib", "a dozen observation posts", [TR]),
        ],
    ),
    dict(
        title="First Russian-Turkish patrol on Idlib highway cut short",
        source="AP", published="2020-03-16", dateline="BEIRUT (AP) \u2014 ",
        body=[
            "The first joint Russian-Turkish patrol along a key highway in Syria's Idlib province was cut short on Sunday after protesters blocked the road, Russia's Defense Ministry said.",
            "The ministry said militants had used civilians as a \"human shield\" and that the route of the patrol on the M4 highway had been shortened.",
            "Turkey's Defense Ministry said the patrol had been completed with the participation of land and air units.",
            "The patrols are part of a ceasefire deal reached in Moscow on March 5 by Presidents Vladimir Putin and Recep Tayyip Erdogan.",
        ],
        events=[
            E("deployment", "completed", day("2020-03-15"), "Idlib", "The first joint Russian-Turkish patrol", [RU, TR]),
            E("agreement", "reported", day("2020-03-05"), "Moscow", "ceasefire deal reached in Moscow", [RU, TR]),
        ],
    ),
    dict(
        title="US says Russia sent fighter jets to Libya via Syria",
        source="Reuters", published="2020-05-27", dateline="WASHINGTON (Reuters) - ",
        body=[
            "Russia has sent fighter jets to Libya to support Russian private military contractors fighting there, the US military's Africa Command said on Tuesday.",
            "The MiG-29 and Su-24 aircraft were flown from an air base in Russia to Syria, where they were repainted to hide their Russian origin, AFRICOM said.",
            "They then flew on from Syria to al-Jufra air base in Libya, which is controlled by forces loyal to eastern commander Khalifa Haftar.",
            "A senior Russian lawmaker dismissed the report that Russian warplanes had been sent to Libya.",
            "Moscow has repeatedly denied any role in the Libyan conflict.",
        ],
        events=[
            E("deployment", "completed", day("2020-05-26"), "Libya", "Russia has sent fighter jets to Libya", [RU],
              dest="Libya"),
            E("deployment", "completed", ASOF, "Syria", "were flown from an air base in Russia", [RU],
              origin="Russia", dest="Syria"),
            E("deployment", "completed", ASOF, "al-Jufra", "They then flew on from Syria", [RU],
              origin="Syria", dest="al-Jufra"),
            E("deployment", "denied", ASOF, "Libya", "dismissed the report", [RU], dest="Libya"),
        ],
    ),
    dict(
        title="Russian frigate docks in Port Sudan, first warship since base deal",
        source="Reuters", published="2021-03-01", dateline="KHARTOUM (Reuters) - ",
        body=[
            "The Russian frigate Admiral Grigorovich docked at Port Sudan on Sunday, the first Russian warship to call at the Red Sea port since Moscow agreed to set up a naval logistics facility there.",
            "Under the agreement, approved by President Vladimir Putin in November, Russia can keep up to 300 military and civilian personnel and four warships at Port Sudan for 25 years.",
            "Sudanese officials have said the deal still needs to be ratified by a future legislative council.",
            "The Port Sudan facility would be Russia's first naval base in Africa.",
        ],
        events=[
            E("ship_movement", "completed", day("2021-02-28"), "Port Sudan", "Admiral Grigorovich docked", [RU],
              dest="Port Sudan"),
            E("agreement", "historical", month("2020-11"), "Port Sudan", "approved by President Vladimir Putin", [RU]),
            E("base_presence", "planned", ASOF, "Port Sudan", "would be Russia's first naval base", [RU]),
        ],
    ),
    dict(
        title="Russian long-range bombers deployed to Syria's Hmeimim for first time",
        source="Reuters", published="2021-05-26", dateline="MOSCOW (Reuters) - ",
        body=[
            "Three Russian Tu-22M3 long-range bombers have arrived at the Hmeimim air base in Syria for the first time, the Defence Ministry said on Tuesday.",
            "The bombers will carry out training flights over the Mediterranean, the ministry said.",
            "They are due to return to their permanent bases in Russia after the training, it said.",
            "The ministry said the runway at the base had been extended and upgraded so that it could handle heavy aircraft.",
            "Russia first used Tu-22M3 bombers in Syria in November 2015, flying them from bases in southern Russia.",
        ],
        events=[
            E("deployment", "completed", day("2021-05-25"), "Hmeimim", "Tu-22M3 long-range bombers have arrived", [RU],
              dest="Hmeimim"),
            E("withdrawal", "planned", ASOF, "Russia", "due to return to their permanent bases", [RU], dest="Russia"),
            E("attack", "historical", month("2015-11"), "Syria", "first used Tu-22M3 bombers", [RU]),
        ],
    ),
    dict(
        title="Turkey closes airspace to Russian planes flying troops to Syria",
        source="Al-Monitor", published="2022-04-24", dateline="",
        body=[
            "Turkey has closed its airspace to Russian military and civilian aircraft flying troops to Syria, Foreign Minister Mevlut Cavusoglu said on Saturday.",
            "Cavusoglu said Ankara had granted Russia permission for such flights for three months, until April, and had informed Foreign Minister Sergey Lavrov of the decision in March.",
            "The move forces Russian flights to Hmeimim to take a longer route over the Caspian Sea, Iran and Iraq.",
            "Turkey also closed the Bosporus and Dardanelles straits to warships on Feb. 28 under the 1936 Montreux Convention.",
        ],
        events=[
            E("statement", "reported", day("2022-04-23"), "Syria", "has closed its airspace", [TR, RU]),
            E("air_transport", "ongoing", ASOF, "Hmeimim", "The move forces Russian flights", [RU], dest="Hmeimim"),
            E("statement", "historical", day("2022-02-28"), "Bosporus", "Bosporus and Dardanelles", [TR]),
            E("statement", "historical", day("2022-02-28"), "Dardanelles", "Bosporus and Dardanelles", [TR]),
        ],
    ),
    dict(
        title="US strikes 85 targets in Iraq and Syria after deadly drone attack",
        source="Reuters", published="2024-02-03", dateline="WASHINGTON (Reuters) - ",
        body=[
            "The United States struck more than 85 targets in Iraq and Syria on Friday linked to Iran's Revolutionary Guards and the militias it backs, in retaliation for a deadly attack on US troops.",
            "The strikes hit seven facilities and included long-range B-1 bombers flown from the United States, the US military said.",
            "Three US soldiers were killed and dozens wounded in a drone attack on the Tower 22 outpost in northeastern Jordan on Jan. 28.",
            "Iran-aligned groups have attacked US forces in Iraq and Syria more than 160 times since Oct. 17, according to the Pentagon.",
            "The United States has about 900 troops in Syria and 2,500 in Iraq.",
        ],
        events=[
            E("attack", "reported", day("2024-02-02"), "Iraq", "struck more than 85 targets", [US, IR]),
            E("attack", "reported", day("2024-02-02"), "Syria", "struck more than 85 targets", [US, IR]),
            E("attack", "reported", day("2024-01-28"), "Tower 22", "Tower 22 outpost", [US]),
            E("attack", "ongoing", rng("2023-10-17"), "Iraq", "Iran-aligned groups have attacked", [IR, US]),
            E("attack", "ongoing", rng("2023-10-17"), "Syria", "Iran-aligned groups have attacked", [IR, US]),
            E("base_presence", "ongoing", ASOF, "Syria", "about 900 troops", [US]),
            E("base_presence", "ongoing", ASOF, "Iraq", "about 900 troops", [US]),
        ],
    ),
    dict(
        title="US-led coalition to end Iraq military mission by September 2025",
        source="AP", published="2024-09-28", dateline="WASHINGTON (AP) \u2014 ",
        body=[
            "The US-led coalition fighting the Islamic State group will end its military mission in Iraq by the end of September 2025, the United States and Iraq said in a joint statement on Friday.",
            "Under the plan, coalition forces are expected to leave the Ain al-Asad air base and Baghdad during the first phase, officials said.",
            "A smaller coalition force will remain in Erbil, the capital of the semi-autonomous Kurdistan region, until September 2026 to support operations against the Islamic State group in Syria.",
            "About 2,500 US troops are currently in Iraq.",
        ],
        events=[
            E("agreement", "reported", day("2024-09-27"), "Iraq", "will end its military mission", [US]),
            E("withdrawal", "planned", month("2025-09"), "Iraq", "will end its military mission", [US], origin="Iraq"),
            E("withdrawal", "planned", ASOF, "Ain al-Asad", "Under the plan", [US], origin="Ain al-Asad"),
            E("withdrawal", "planned", ASOF, "Baghdad", "Under the plan", [US], origin="Baghdad"),
            E("base_presence", "planned", rng("2024-09-28", "2026-09-30"), "Erbil", "A smaller coalition force", [US]),
            E("base_presence", "ongoing", ASOF, "Iraq", "About 2,500 US troops", [US]),
        ],
    ),
    dict(
        title="Israel strikes Syrian navy, moves troops into Golan buffer zone",
        source="Reuters", published="2024-12-10", dateline="JERUSALEM (Reuters) - ",
        body=[
            "Israeli missile boats struck Syrian navy vessels at the ports of Latakia and Minet el-Beida overnight, the Israeli military said on Tuesday.",
            "The military said it had carried out around 350 air strikes across Syria over the past 48 hours, hitting weapons depots, air defence batteries and airfields.",
            "Israeli troops moved into the demilitarised buffer zone on the Golan Heights on Sunday, saying Syrian forces had abandoned their positions.",
            "Israeli forces also took control of the Syrian side of Mount Hermon, Prime Minister Benjamin Netanyahu's office said.",
            "Netanyahu said the deployment in the buffer zone on the Golan Heights was a temporary measure.",
        ],
        events=[
            E("attack", "reported", rng("2024-12-09", "2024-12-10"), "Latakia", "Israeli missile boats", [IL, SG]),
            E("attack", "reported", rng("2024-12-09", "2024-12-10"), "Minet el-Beida", "Israeli missile boats", [IL, SG]),
            E("attack", "reported", rng("2024-12-08", "2024-12-10"), "Syria", "around 350 air strikes", [IL, SG]),
            E("deployment", "completed", day("2024-12-08"), "Golan Heights", "Israeli troops moved into", [IL],
              dest="Golan Heights"),
            E("deployment", "completed", ASOF, "Mount Hermon", "took control of the Syrian side", [IL],
              dest="Mount Hermon"),
            E("statement", "reported", ASOF, "Golan Heights", "was a temporary measure", [IL]),
        ],
    ),
    dict(
        title="Russian warships leave Tartus after Assad's fall, satellite images show",
        source="The Moscow Times", published="2024-12-11", dateline="",
        body=[
            "Russian warships have left the naval base in the Syrian port of Tartus and are anchored several kilometres off the coast, satellite images taken on Tuesday showed.",
            "The frigates Admiral Grigorovich and Admiral Golovko and the submarine Novorossiysk were among the vessels that moved out of the port, according to the images.",
            "Syrian rebel forces led by Hayat Tahrir al-Sham seized Damascus on Sunday, ending more than five decades of Assad family rule.",
            "Bashar al-Assad has fled to Moscow, where he and his family were granted asylum, Russian state media reported.",
            "Russia deployed its air force to Syria in 2015 to support Assad's government.",
            "The Kremlin said earlier this week that it was too early to discuss the future of Russia's bases in Syria.",
        ],
        furniture={0: "Photo: Maxar Technologies", 6: NEWSLETTER},
        events=[
            E("ship_movement", "completed", day("2024-12-10"), "Tartus", "Russian warships have left", [RU],
              origin="Tartus"),
            E("attack", "completed", day("2024-12-08"), "Damascus", "seized Damascus on Sunday", [HTS, SO, SG]),
            E("evacuation", "completed", ASOF, "Moscow", "has fled to Moscow", [SG], dest="Moscow"),
            E("deployment", "historical", year(2015), "Syria", "deployed its air force to Syria in 2015", [RU, SG],
              dest="Syria"),
            E("statement", "reported", week("2024-12-09", "2024-12-10"), "Syria", "too early to discuss", [RU]),
        ],
    ),
    dict(
        title="Russia pulls back forces in Syria but keeps main bases, sources say",
        source="Reuters", published="2024-12-14", dateline="BEIRUT (Reuters) - ",
        body=[
            "Russia is pulling its military back from front lines in northern Syria and from posts in the Alawite mountains, four Syrian officials said on Friday.",
            "The officials said Russia was not withdrawing from its air base at Hmeimim or its naval facility at Tartus.",
            "Some military equipment is being flown from Hmeimim to Libya, one of the officials said.",
            "A Syrian security source said a Russian military convoy was seen on Friday moving from Homs towards the coast.",
            "Satellite images taken this week showed at least two An-124 heavy transport planes at Hmeimim with their nose cones raised for loading.",
            "The Kremlin said no decisions had been taken on the future of the Hmeimim and Tartus bases.",
        ],
        events=[
            E("withdrawal", "ongoing", day("2024-12-13"), "Syria", "front lines in northern Syria", [RU], origin="Syria"),
            E("withdrawal", "ongoing", day("2024-12-13"), "Alawite mountains", "front lines in northern Syria", [RU],
              origin="Alawite mountains"),
            E("withdrawal", "denied", ASOF, "Hmeimim", "was not withdrawing", [RU], origin="Hmeimim"),
            E("withdrawal", "denied", ASOF, "Tartus", "was not withdrawing", [RU], origin="Tartus"),
            E("air_transport", "ongoing", ASOF, "Libya", "being flown from Hmeimim to Libya", [RU],
              origin="Hmeimim", dest="Libya"),
            E("withdrawal", "ongoing", day("2024-12-13"), "Homs", "military convoy was seen", [RU], origin="Homs"),
            E("air_transport", "ongoing", week("2024-12-09", "2024-12-14"), "Hmeimim", "An-124 heavy transport", [RU],
              origin="Hmeimim"),
            E("statement", "reported", ASOF, "Hmeimim", "no decisions had been taken", [RU]),
            E("statement", "reported", ASOF, "Tartus", "no decisions had been taken", [RU]),
        ],
    ),
    dict(
        title="Putin says Russia evacuated 4,000 Iranian fighters from Syria's Hmeimim",
        source="Reuters", published="2024-12-20", dateline="MOSCOW (Reuters) - ",
        body=[
            "President Vladimir Putin said on Thursday that Russia had evacuated 4,000 Iranian fighters from the Hmeimim air base in Syria to Tehran.",
            "Speaking at his annual news conference, Putin said the fall of Bashar al-Assad was not a defeat for Russia and that Moscow had achieved its goals.",
            "Putin said Russia could offer the new Syrian authorities the use of Hmeimim and the port of Tartus for humanitarian deliveries.",
            "Most groups in Syria and countries in the region want Russia to keep its military bases there, he said.",
            "Putin said he had not yet met Assad since the former Syrian leader arrived in Moscow earlier this month, but planned to do so.",
        ],
        events=[
            E("evacuation", "completed", day("2024-12-19"), "Hmeimim", "4,000 Iranian fighters", [RU, IR],
              origin="Hmeimim", dest="Tehran"),
            E("statement", "reported", ASOF, "Hmeimim", "for humanitarian deliveries", [RU]),
            E("statement", "reported", ASOF, "Tartus", "for humanitarian deliveries", [RU]),
            E("statement", "reported", ASOF, "Syria", "Most groups in Syria", [RU]),
            E("evacuation", "completed", month("2024-12", "2024-12-19"), "Moscow", "arrived in Moscow earlier this month",
              [SG], dest="Moscow"),
        ],
    ),
    dict(
        title="Russia evacuates some embassy staff from Syria via Hmeimim",
        source="The Moscow Times", published="2024-12-21", dateline="",
        body=[
            "Russia has evacuated part of its embassy staff from Syria, the Foreign Ministry said this week.",
            "The diplomats were driven from Damascus to the Hmeimim air base and then flown to Moscow on a Russian Aerospace Forces plane, together with diplomats from Belarus and North Korea.",
            "The embassy in Damascus continues to operate, the ministry said.",
            "Russian military transport planes have flown from Hmeimim to al-Khadim air base in eastern Libya several times since Dec. 15, according to flight-tracking data.",
            "The flights come as Moscow scales back its military presence in Syria after the fall of Bashar al-Assad.",
        ],
        furniture={4: "Read more: Russian warships leave Tartus, satellite images show", 5: NEWSLETTER},
        events=[
            E("evacuation", "completed", week("2024-12-16", "2024-12-21"), "Syria", "evacuated part of its embassy staff",
              [RU], origin="Syria"),
            E("evacuation", "completed", ASOF, "Damascus", "The diplomats were driven", [RU],
              origin="Damascus", dest="Hmeimim"),
            E("evacuation", "completed", ASOF, "Hmeimim", "The diplomats were driven", [RU],
              origin="Hmeimim", dest="Moscow"),
            E("air_transport", "ongoing", rng("2024-12-15"), "al-Khadim", "military transport planes have flown", [RU],
              origin="Hmeimim", dest="al-Khadim"),
            E("withdrawal", "ongoing", ASOF, "Syria", "scales back its military presence", [RU], origin="Syria"),
        ],
    ),
    dict(
        title="Russian delegation holds first talks with Syria's new leaders in Damascus",
        source="Al-Monitor", published="2025-01-29", dateline="",
        body=[
            "A Russian delegation led by Deputy Foreign Minister Mikhail Bogdanov met Syria's new leader Ahmed al-Sharaa in Damascus on Tuesday, the first such visit since the fall of Bashar al-Assad.",
            "Syria's new administration said restoring relations with Moscow must address past mistakes, and it called for compensation and reconstruction.",
            "Bogdanov told Russian media that the future of Russia's bases at Hmeimim and Tartus had been discussed and that further talks were needed.",
            "A Russian cargo ship has been waiting off Tartus in recent days, according to ship-tracking data.",
            "Russia has kept a reduced military presence at Hmeimim and Tartus since Assad's fall on December 8.",
        ],
        events=[
            E("meeting", "reported", day("2025-01-28"), "Damascus", "A Russian delegation led by", [RU, SG]),
            E("statement", "reported", ASOF, "Hmeimim", "the future of Russia's bases", [RU, SG]),
            E("statement", "reported", ASOF, "Tartus", "the future of Russia's bases", [RU, SG]),
            E("ship_movement", "ongoing", rng("2025-01-22"), "Tartus", "cargo ship has been waiting", [RU], dest="Tartus"),
            E("base_presence", "ongoing", rng("2024-12-08"), "Hmeimim", "reduced military presence", [RU]),
            E("base_presence", "ongoing", rng("2024-12-08"), "Tartus", "reduced military presence", [RU]),
        ],
    ),
    dict(
        title="Sudan says agreement reached with Russia on naval base",
        source="Reuters", published="2025-02-13", dateline="MOSCOW (Reuters) - ",
        body=[
            "Sudan and Russia have reached agreement on the establishment of a Russian naval base in Sudan, Sudanese Foreign Minister Ali Youssef Ahmed al-Sharif said on Wednesday after talks with Foreign Minister Sergei Lavrov in Moscow.",
            "Al-Sharif told reporters there were no obstacles to the deal.",
            "The deal, agreed in principle in 2020, envisages a Russian naval logistics centre in Port Sudan that could host up to four warships, including nuclear-powered vessels, and 300 personnel.",
            "Sudan's army-led government has been based in Port Sudan since war broke out with the paramilitary Rapid Support Forces in April 2023.",
            "Russia still operates its naval facility at Tartus in Syria, but its future there has been uncertain since the fall of Bashar al-Assad.",
        ],
        events=[
            E("agreement", "reported", day("2025-02-12"), "Sudan", "have reached agreement", [RU]),
            E("meeting", "reported", day("2025-02-12"), "Moscow", "have reached agreement", [RU]),
            E("agreement", "historical", year(2020), "Port Sudan", "agreed in principle in 2020", [RU]),
            E("base_presence", "ongoing", ASOF, "Tartus", "still operates its naval facility", [RU]),
        ],
    ),
    dict(
        title="Syria's al-Sharaa meets Putin in Moscow",
        source="AP", published="2025-10-16", dateline="MOSCOW (AP) \u2014 ",
        body=[
            "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin at the Kremlin on Wednesday, his first visit to Moscow since the overthrow of Bashar al-Assad last December.",
            "Al-Sharaa said Syria would respect all the agreements it had signed with Russia in the past, without specifically mentioning the Russian bases.",
            "Russia still keeps forces at the Hmeimim air base and the naval facility at Tartus, though in reduced numbers.",
            "Syrian Foreign Minister Asaad al-Shaibani visited Moscow in July for talks with Foreign Minister Sergey Lavrov.",
            "Assad has lived in Moscow since fleeing Syria in December.",
        ],
        events=[
            E("meeting", "reported", day("2025-10-15"), "Kremlin", "met Russian President Vladimir Putin", [SG, RU]),
            E("base_presence", "ongoing", ASOF, "Hmeimim", "still keeps forces", [RU]),
            E("base_presence", "ongoing", ASOF, "Tartus", "still keeps forces", [RU]),
            E("meeting", "historical", month("2025-07"), "Moscow", "al-Shaibani visited Moscow", [SG, RU]),
            E("evacuation", "historical", month("2024-12"), "Syria", "since fleeing Syria", [SG],
              origin="Syria", dest="Moscow"),
        ],
    ),
    dict(
        title="Russia begins withdrawing forces from Syria's Qamishli airport, sources say",
        source="Reuters", published="2026-01-27", dateline="QAMISHLI, Syria (Reuters) - ",
        body=[
            "Russia has begun withdrawing its forces from the airport in the northeastern Syrian city of Qamishli, where it has kept a helicopter base since 2019, two Syrian sources said on Monday.",
            "Military equipment was flown from Qamishli to the Hmeimim air base on the coast in recent days, one of the sources said.",
            "Some of the Russian personnel are expected to be redeployed to Hmeimim, while others will return to Russia, the source said.",
            "The pullout follows a government offensive this month in which Syrian forces took control of large areas of northeastern Syria previously held by the Kurdish-led Syrian Democratic Forces.",
            "There was no immediate comment from the Russian Defence Ministry.",
        ],
        events=[
            E("withdrawal", "ongoing", day("2026-01-26"), "Qamishli", "has begun withdrawing", [RU], origin="Qamishli"),
            E("base_presence", "ongoing", rng("2019-01-01"), "Qamishli", "has begun withdrawing", [RU]),
            E("air_transport", "completed", rng("2026-01-20"), "Hmeimim", "Military equipment was flown", [RU],
              origin="Qamishli", dest="Hmeimim"),
            E("deployment", "planned", ASOF, "Hmeimim", "redeployed to Hmeimim", [RU], dest="Hmeimim"),
            E("withdrawal", "planned", ASOF, "Russia", "redeployed to Hmeimim", [RU], dest="Russia"),
            E("attack", "completed", month("2026-01", "2026-01-27"), "Syria", "government offensive this month", [SG, SDF]),
        ],
    ),
]

# --- validation ----------------------------------------------------------------------------------

ABBREV = re.compile(r"\b(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Dr|St)\.$")


def count_sentences(s: str) -> int:
    """Crude splitter (abbreviation-aware) used only to check one sentence per body item."""
    parts, buf = [], ""
    for tok in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+", s):
        buf = f"{buf} {tok}".strip()
        if not ABBREV.search(buf):
            parts.append(buf)
            buf = ""
    if buf:
        parts.append(buf)
    return len(parts)


def iso(s: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s), s
    return dt.date.fromisoformat(s)


def build() -> list[dict]:
    rows = []
    n_furniture = 0
    for i, art in enumerate(ARTICLES, 1):
        aid = f"ev-art-{i:02d}"
        pub_s = art["published"]
        pub = iso(pub_s)
        body = art["body"]
        furniture = {k: [v] if isinstance(v, str) else v for k, v in art.get("furniture", {}).items()}
        furniture_lines = [line for v in furniture.values() for line in v]
        assert art["source"] in {"Reuters", "AP", "The Moscow Times", "Al-Monitor"}, aid
        assert 3 <= len(body) <= 8, f"{aid}: {len(body)} sentences"
        for s in body:
            assert count_sentences(s) == 1, f"{aid}: body item is not one sentence: {s!r}"
        paras = []
        for j, s in enumerate(body):
            paras.extend(furniture.get(j, []))
            paras.append((art["dateline"] if j == 0 else "") + s)
        paras.extend(furniture.get(len(body), []))
        assert set(furniture) <= set(range(len(body) + 1)), aid
        n_furniture += bool(furniture)
        text = "\n\n".join(paras)
        n_words = len(re.findall(r"\S+", text))
        assert 80 <= n_words <= 250, f"{aid}: {n_words} words"

        events = []
        for ev in art["events"]:
            hits = [s for s in body if ev["key"] in s]
            assert len(hits) == 1, f"{aid}: key {ev['key']!r} matches {len(hits)} sentences"
            sent = hits[0]
            assert sent in text, f"{aid}: sentence not in text"
            for line in furniture_lines:
                assert line not in sent and sent not in line, f"{aid}: event on boilerplate"
            prec, d, d2 = ev["when"]
            if prec == "as_of":
                d = d2 = pub_s
            d2 = d2 or pub_s
            t, st = ev["type"], ev["status"]
            assert t in TYPES and st in STATUSES and prec in PRECISIONS, (aid, t, st, prec)
            a, b = iso(d), iso(d2)
            assert a <= b, f"{aid}: date > date_end"
            # precision shape
            if prec in ("day", "as_of"):
                assert a == b
            if prec == "as_of":
                assert a == pub
            if prec == "week":
                assert a.isocalendar()[:2] == b.isocalendar()[:2] and a.weekday() == 0, (aid, d, d2)
            if prec == "month":
                assert (a.year, a.month) == (b.year, b.month) and a.day == 1, (aid, d, d2)
            if prec == "year":
                assert (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year
            if prec == "range":
                assert a < b, (aid, d, d2)
            # status vs date
            cutoff = pub - dt.timedelta(days=30)
            if st == "historical":
                assert b < cutoff, f"{aid}: historical event too recent ({d2})"
            if st in ("reported", "completed"):
                assert b >= cutoff and a <= pub, f"{aid}: {st} event outside news window ({d}..{d2})"
            if st == "ongoing":
                assert a <= pub
            # places
            place, o, de = ev["place"], ev["origin"], ev["destination"]
            assert place and place in sent, f"{aid}: place {place!r} not in sentence"
            for name in (o, de):
                assert name is None or name in sent, f"{aid}: {name!r} not in sentence"
            if t not in MOVEMENT:
                assert o is None and de is None, f"{aid}: origin/destination on {t}"
            elif (o or de) and not ev["route"]:
                want = (o or de) if t in ("withdrawal", "evacuation") else (de or o)
                assert place == want, f"{aid}: place {place!r} should be {want!r} for {t}"
            actors = ev["actors"]
            assert actors and len(set(actors)) == len(actors) and set(actors) <= ACTORS, (aid, actors)
            events.append({"type": t, "status": st, "date": d, "date_end": d2, "date_precision": prec,
                           "place": place, "origin": o, "destination": de, "sentence": sent,
                           "actors": actors})
        rows.append({"id": aid, "title": art["title"], "source": art["source"], "published": pub_s,
                     "text": text, "events": events})
    assert len(rows) == 30 and n_furniture == 5, (len(rows), n_furniture)
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    return rows


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    evs = [e for r in rows for e in r["events"]]
    print(f"wrote {OUT} ({len(rows)} articles, {len(evs)} events)")
    for field in ("type", "status", "date_precision"):
        c = collections.Counter(e[field] for e in evs)
        print(f"  {field}: " + ", ".join(f"{k}={v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1])))
    c = collections.Counter(a for e in evs for a in e["actors"])
    print("  actors: " + ", ".join(f"{k}={v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
