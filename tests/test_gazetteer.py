import pickle

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geodata.gazetteer import index as gindex
from geodata.gazetteer.normalize import build_keys, name_keys, normalize
from geodata.geocoder import OfflineGazetteer
from geodata.geoparse import find_mentions
from geodata.settings import Settings


def test_normalize_folds_diacritics_marks_and_articles():
    assert normalize("Ţarţūs") == "tartus"
    assert normalize("Ma‘arratmişrīn") == "maarratmisrin"
    assert name_keys("Al Qāmishlī") == {"al qamishli", "qamishli"}
    assert normalize("Deir ez-Zor") == "deir ez zor"


def test_the_build_indexes_a_name_under_the_keys_a_lookup_uses():
    names = ["Al Qāmishlī", "Ţarţūs", "Deir ez-Zor", "el", "X", "Ma‘arrat al-Nu‘mān", "Ash Shaykh Miskīn", "São Paulo",
             "Khmeimim", "  Tall   Rif‘at ", "An Nabk", "Zürich", "N'Djamena"]
    for n in names:
        assert set(build_keys(n)) == name_keys(n), n
        assert len(build_keys(n)) == len(name_keys(n)), n  # no key twice


def test_geocoder_is_a_geopy_geocoder(gaz):
    geo = OfflineGazetteer(gaz)
    assert isinstance(geo, Geocoder)
    loc = geo.geocode("Khmeimim")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 35.40) < 0.05 and abs(loc.longitude - 35.95) < 0.05
    assert loc.raw["kind"] == "air_base"
    assert geo.geocode("turkey").raw["country_code"] == "TR"
    assert geo.geocode("Qamishli airport").raw["kind"] == "airport"
    assert geo.geocode("no such place xyzzy") is None
    several = geo.geocode("Damascus", exactly_one=False)
    assert several[0].raw["country_code"] == "SY" and len(several) >= 2


def test_index_cache_roundtrip(tmp_path, gaz, monkeypatch):
    from geodata.gazetteer import sources

    settings = Settings(cache=tmp_path)
    path = tmp_path / f"gazetteer-{gindex._cache_key(settings.geonames)}{gindex.SUFFIX}"
    path.write_bytes(gaz.tobytes())  # what the session's first build wrote
    calls = []
    loaded = gindex.load_gazetteer(settings, progress=lambda f, m: calls.append((f, m)))
    assert calls == []  # a cache hit reports nothing
    assert len(loaded) == len(gaz) and loaded.places == gaz.places
    assert loaded.candidates("damascus") == gaz.candidates("damascus")
    assert loaded.fuzzy_candidates("hemeimeem") == gaz.fuzzy_candidates("hemeimeem")
    assert dict(loaded.facility_grid) == dict(gaz.facility_grid) and loaded.demonyms == gaz.demonyms
    assert pickle.loads(pickle.dumps(loaded)).candidates("aleppo") == gaz.candidates("aleppo")
    # a corrupt or truncated cache is refused, and rebuilt, not fatal (from a few sources here, to be quick)
    data = path.read_bytes()
    for bad in (b"garbage", data[: len(data) // 2], data[:-9] + bytes([data[-9] ^ 1]) + data[-8:]):
        with pytest.raises(ValueError):
            gindex.Gazetteer(bad)
    path.write_bytes(data[: len(data) // 2])
    (tmp_path / "gazetteer-0123456789abcdef.pickle").write_bytes(b"an earlier version's cache")
    monkeypatch.setattr(sources, "all_sources", lambda geonames: (sources.curated_places, sources.country_places))
    again = gindex.load_gazetteer(settings)
    assert again.candidates("khmeimim") == gaz.candidates("khmeimim") and again.candidates("turkey")
    assert len(gindex.Gazetteer(path.read_bytes())) == len(again)  # rewritten whole
    assert [p.name for p in tmp_path.glob("gazetteer-*")] == [path.name]  # the old pickle is gone


def test_country_points_lie_in_the_country_across_the_antimeridian(gaz):
    fiji = OfflineGazetteer(gaz).geocode("Fiji")
    assert -19 < fiji.latitude < -16 and 177 < fiji.longitude < 180  # Viti Levu, not the Atlantic


def test_country_points_are_the_centre_of_the_whole_contiguous_territory(gaz):
    geo = OfflineGazetteer(gaz)
    ph, vn, ca, us = (geo.geocode(n) for n in ("Philippines", "Vietnam", "Canada", "United States"))
    assert 9 < ph.latitude < 13.5  # the Visayas, amid the chain, not Luzon alone
    assert 14 < vn.latitude < 19  # the middle of the S, not the wide north
    assert ca.latitude > 59  # the Arctic islands count
    assert 37 < us.latitude < 41 and -101 < us.longitude < -96  # Alaska and Hawaii lie too far off to count


def test_provinces_under_grouping_units_and_governorates_are_first_level(gaz):
    # Indonesia's provinces sit under "geographical units" in ISO 3166-2, Iraq's Erbil under the Kurdistan Region
    assert {p.kind for p in gaz.candidates("bali") if p.source == "iso3166-2"} == {"admin1"}
    assert {p.kind for p in gaz.candidates("erbil") if p.source == "iso3166-2"} == {"admin1"}


def test_geocode_reads_a_feature_word_like_the_geoparser(gaz):
    geo = OfflineGazetteer(gaz)
    assert geo.geocode("Cairo airport").raw["country_code"] == "EG"  # not El Cairo Airport, Bolivia
    assert geo.geocode("Tartus port").raw["kind"] == "port"


def test_build_progress_is_reported_in_order(tmp_path, monkeypatch):
    from geodata.gazetteer import sources

    small = (sources.curated_places, sources.country_places, sources.airport_places)
    monkeypatch.setattr(sources, "all_sources", lambda geonames: small)
    monkeypatch.setattr(sources, "expected_places", lambda geonames: 20_000)
    calls: list[tuple[float, str]] = []
    gaz = gindex.load_gazetteer(Settings(cache=tmp_path), progress=lambda f, m: calls.append((f, m)))
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert 0.0 < fractions[1] < 0.9 and all(isinstance(m, str) and m for _, m in calls)  # progress while indexing
    assert f"{len(gaz):,} places" in calls[-1][1]
    calls.clear()
    assert len(gindex.load_gazetteer(Settings(cache=tmp_path), progress=lambda f, m: calls.append((f, m)))) == len(gaz)
    assert calls == []  # from the cache: nothing to report


def test_villages_of_the_full_geonames_list_are_found(gaz):
    # Westhalten (Haut-Rhin, 845 people) is in cities500 only, not in cities1000 or cities15000
    assert [p.id for p in gaz.candidates("westhalten")] == ["gn:2967394"]
    (m,) = find_mentions("Firefighters were called to a barn fire in Westhalten on Sunday night.", gaz)
    assert m.place.id == "gn:2967394" and m.place.country_code == "FR" and m.place.population < 1000
    assert abs(m.place.lat - 47.957) < 0.01 and abs(m.place.lon - 7.26) < 0.01


def test_a_country_listed_as_another_countrys_subdivision_is_the_country(gaz):
    # ISO 3166-2 lists Taiwan as CN-TW and Guam as US-GU: the name is the country's, not a Chinese province's
    from geodata.gazetteer.sources import _country_names, _is_a_country

    countries = _country_names()
    assert _is_a_country("CN-TW", "Taiwan Sheng", countries) and _is_a_country("US-GU", "Guam", countries)
    assert not _is_a_country("US-IN", "Indiana", countries)  # IN is India's code, Indiana is not India
    assert not _is_a_country("BZ-BZ", "Belize", countries)  # Belize District is Belize's own
    assert {p.country_code for p in gaz.candidates("taiwan") if p.kind in ("country", "admin1")} == {"TW"}


def test_curated_installations_match_by_their_stem_before_any_feature_word(tmp_path):
    from geodata.gazetteer.sources import curated_places

    path = tmp_path / "curated.csv"
    path.write_text("id,name,aliases,kind,lat,lon,country_code,locative_only,source\n"
                    "x,Foobarka air base,Foobarka airfield|Camp Quxley,air_base,1.0,2.0,RU,0,invented\n"
                    "y,Foobarka River,,river,1.0,2.0,RU,0,invented\n", encoding="utf-8")
    (base, names, stems), (river, _, river_stems) = list(curated_places(path))
    assert names == ["Foobarka air base", "Foobarka airfield", "Camp Quxley"]
    assert stems == ["Foobarka"]  # "Foobarka airbase", "Foobarka base" match too; "Foobarka" alone does not
    assert river_stems == []  # only air and military bases


def test_installations_abroad_and_their_name_variants_are_known(gaz):
    geo = OfflineGazetteer(gaz)
    for name, cc in (("Camp Lemonnier", "DJ"), ("Al Udeid Air Base", "QA"), ("Andersen Air Force Base", "GU"),
                     ("Ain al-Assad", "IQ"), ("Tower 22", "JO"), ("Gardabiya air base", "LY"), ("Kunsan Air Base", "KR")):
        assert geo.geocode(name).raw["country_code"] == cc, name


def test_a_country_with_no_iso_number_is_a_country(gaz):
    # Kosovo has no ISO 3166 number (GeoNames: XK): the basemap's country, joined by its name, not Serbia's district
    from geodata.geoparse import find_mentions

    kosovo = [p for p in gaz.candidates("kosovo") if p.kind == "country"]
    assert [p.country_code for p in kosovo] == ["XK"]
    assert 42.2 < kosovo[0].lat < 43.2 and 20.0 < kosovo[0].lon < 21.8
    m = find_mentions("NATO sent 700 more troops to Kosovo on Monday.", gaz)
    assert [(x.text, x.place.kind, x.place.country_code) for x in m] == [("Kosovo", "country", "XK")]
