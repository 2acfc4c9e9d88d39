"""The gazetteer index: normalised name -> candidate places, plus a grid of facilities.

Built once from the sources and cached on disk (``gazetteer-<key>.idx`` in ``settings.cache``) under a key
derived from the input files' sizes and modification times and the index code, so a changed input
rebuilds it and an unchanged one loads in a fraction of a second. GeoNames is read in bulk, and on two cores
in two processes (``geodata.gazetteer.bulk``); the bytes are the same as a one-process, place-by-place build's.

The file is a JSON header followed by flat arrays (``array``/``memoryview``, no NumPy needed), and the
loaded index keeps them as they are: no Python object per place or per (name, place) pair.

* places: one column per ``Place`` field (``dataclasses.fields``): floats and integers as arrays,
  strings as one UTF-8 blob with offsets, or codes into a small table when few values repeat (kind,
  country, source); a ``Place`` is built on lookup (memoised).
* names: the keys (``[a-z0-9 ]``, sorted and newline-separated in the file) become a list and a frozenset
  (membership); a key's number (found by bisection) is its slice of a flat array of row numbers.
* transliteration skeletons: groups of key numbers sorted by a CRC-32 of the skeleton, found by bisection
  (a fallback lookup, memoised, so no dict of 350,000 skeletons is kept).
* facilities: a small dict (1-degree cell -> rows), built on load.

A header carries the Place field names, the index version and a CRC-32 of the arrays: a corrupt, truncated
or stale file is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
from array import array
from collections import defaultdict
from collections.abc import Callable
from dataclasses import fields
from difflib import SequenceMatcher
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from geodata.fsio import atomic_write
from geodata.gazetteer import bulk, sources
from geodata.gazetteer import normalize as _normalize_mod
from geodata.gazetteer.normalize import build_keys, skeleton, skeleton_ok
from geodata.gazetteer.store import (
    INDEX_VERSION,
    _column_getter,
    _encode_column,
    _Postings,
    _Reader,
    _Rows,
    _Skeletons,
    _write_postings,
    _write_skeletons,
    _Writer,
)
from geodata.gcpause import gc_paused
from geodata.models import Place
from geodata.settings import Settings
from geodata.vocabulary import FACILITY_KINDS, KIND_PRIOR

SUFFIX = ".idx"
MEMO_MAX = 100_000  # memoised fuzzy lookups kept before the memo is emptied (a long-running app stays bounded)

Progress = Callable[[float, str], None]  # progress(fraction 0..1, message): how a first build reports itself

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))



def build_index(source_funcs=None, progress: Progress | None = None, expected: int = 0,
                workers: int | None = None) -> bytearray:
    """The index file's bytes, from the sources (each yielding ``(Place, names, feature_names)``).
    ``progress(fraction, message)`` is told how far it is; ``expected``: about how many places the sources
    yield (for the fraction). ``workers``: processes that read GeoNames (1: this one alone; default: 2 on a
    machine with two cores or more); the bytes are the same whatever the number."""
    # millions of small lists and strings and no cycle: the collector would rescan them all over and over
    with gc_paused():
        try:
            return _build_index(source_funcs, progress, expected, workers or default_workers())
        except bulk.BulkError:  # a GeoNames file the bulk reader cannot cut: read it place by place
            funcs = [f if not isinstance(f, sources.GeoNames) else f.__call__ for f in source_funcs or sources.all_sources()]
            return _build_index(funcs, progress, expected, 1)


def default_workers() -> int:
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def _build_index(source_funcs, progress: Progress | None, expected: int, workers: int) -> bytearray:
    t0 = time.perf_counter()
    report = progress or (lambda fraction, message: None)
    report(0.0, "Reading the gazetteer sources")
    funcs = list(source_funcs or sources.all_sources())
    # GeoNames is read in bulk (geodata.gazetteer.bulk); with two workers, a helper process starts on its later
    # places at once, while this one reads the other sources and the earlier places
    helpers = {id(f): bulk.Helper.take(f.path, bulk.HELPER_SHARE, bulk.SEGMENT_CHARS)
               for f in funcs if isinstance(f, sources.GeoNames) and workers > 1}
    try:
        read = list(_read_sources(funcs, helpers, report, max(expected, 1)))
        return _write_index(t0, report, read, helpers)
    finally:
        for h in helpers.values():
            h.stop()


def _write_index(t0: float, report: Progress, read: list, helpers: dict) -> bytearray:
    """The index's bytes from what ``_read_sources`` read (``read``: emptied, so the places' columns are freed
    once encoded)."""
    chunks, names, feature, grid, countries = read
    read.clear()
    n = sum(map(len, chunks))
    report(0.9, f"Writing the index of {n:,} places")
    name_keys_sorted = sorted(names)
    # the helper (if it is still there) lays out the keys' skeletons while this process writes the rest
    skeleton_helper = next((h for h in helpers.values() if h.send_keys(name_keys_sorted)), None)
    w = _Writer()
    columns = []
    for j, f in enumerate(fields(Place)):
        values = [v for c in chunks for v in (c.columns[f.name] if isinstance(c, bulk.Part) else [r[j] for r in c])]
        columns.append({"name": f.name, **_encode_column(w, j, values)})
    del chunks
    _write_postings(w, "names", names)
    _write_postings(w, "feature", feature)
    sections = skeleton_helper.skeleton_sections() if skeleton_helper else None
    if sections is None:
        _write_skeletons(w, name_keys_sorted)
    else:
        for name, typecode, raw in sections:
            w.add(name, typecode, raw)
    cells = list(grid)
    w.add("grid:lat", "h", array("h", [c[0] for c in cells]))
    w.add("grid:lon", "h", array("h", [c[1] for c in cells]))
    w.add("grid:starts", "I", array("I", accumulate((len(grid[c]) for c in cells), initial=0)))
    w.add("grid:rows", "I", array("I", [i for c in cells for i in grid[c]]))
    max_tokens = max((k.count(" ") + 1 for k in (*names, *feature)), default=1)
    meta = {
        "places": n, "columns": columns, "max_tokens": min(max_tokens, 8),
        "directions": sources.country_directions(), "demonyms": sources.demonyms(countries),
        "build_seconds": time.perf_counter() - t0,
    }
    # the build saw each name once: its memo entries would only crowd out the ones running text needs
    _normalize_mod.normalize.cache_clear()
    return w.tobytes(meta)


def _read_sources(funcs, helpers: dict, report: Progress, expected: int):
    """Every source's places in order: ``chunks`` (lists of row tuples, and GeoNames' ``bulk.Part`` columns),
    the name and feature-name postings (key -> ascending rows), the facilities' grid and the countries."""
    chunks: list = [[]]
    names: dict[str, list[int]] = {}
    feature: dict[str, list[int]] = {}
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    countries: list[Place] = []
    # astuple(place), without its deep copy of every (immutable) value: 3x faster over 265,000 places
    as_row = attrgetter(*(f.name for f in fields(Place)))
    idx = 0  # rows so far
    for func in funcs:
        if isinstance(func, sources.GeoNames):
            for part in bulk.parts(func, helpers.get(id(func)), idx, expected, report):
                bulk.add_part(names, part)  # a GeoNames place is a city: no facility, no country
                chunks.append(part)
                idx += len(part)
            chunks.append([])
            continue
        rows = chunks[-1]
        for place, pnames, fnames in func():
            rows.append(as_row(place))
            for target, lst in ((names, pnames), (feature, fnames)):
                for nm in lst:
                    for k in build_keys(nm):
                        got = target.get(k)
                        if got is None:
                            target[k] = [idx]
                        elif got[-1] != idx:  # rows come in order: a place is listed once under a key
                            got.append(idx)
            if place.kind in FACILITY_KINDS:
                grid[(math.floor(place.lat), math.floor(place.lon))].append(idx)
            elif place.kind == "country":
                countries.append(place)
            if idx % 8192 == 0 and idx:
                report(0.9 * min(1.0, idx / expected), f"Indexing places: {idx:,} of about {max(idx, expected):,}")
            idx += 1
    return [c for c in chunks if len(c)], names, feature, grid, countries


class Gazetteer:
    """The loaded index (``load_gazetteer``); places are turned into ``Place`` objects on lookup."""

    def __init__(self, data: bytes | bytearray) -> None:
        """``data``: an index file's bytes (``build_index``); a ValueError if they are not a valid index."""
        r = _Reader(data)
        h = r.header
        columns = h["columns"]
        if [c["name"] for c in columns] != [f.name for f in fields(Place)]:
            raise ValueError("an index of another Place schema")
        self._data = data
        getters = [_column_getter(r, j, c) for j, c in enumerate(columns)]
        self._n = h["places"]

        def row(i: int) -> tuple:
            return tuple([g(i) for g in getters])

        self._row = row
        self.rows = _Rows(row, self._n)
        self.names = _Postings(r, "names")
        self.feature_names = _Postings(r, "feature")
        self.skeletons = _Skeletons(r, self.names.keys_list)
        lat, lon, starts, grows = (r.view(f"grid:{s}") for s in ("lat", "lon", "starts", "rows"))
        self.facility_grid: dict[tuple[int, int], tuple[int, ...]] = {
            (lat[c], lon[c]): tuple(grows[starts[c]:starts[c + 1]].tolist()) for c in range(len(lat))}
        self.directions: dict[str, tuple[float, float]] = {k: tuple(v) for k, v in h["directions"].items()}
        self.demonyms: dict[str, str] = h["demonyms"]
        self.max_tokens: int = h["max_tokens"]
        self.build_seconds: float = h["build_seconds"]
        # Lookups memoised while the index is used: the same names come back in every article.
        self._place_memo: dict[int, Place] = {}
        self._fuzzy_memo: dict[str, tuple[int, ...]] = {}

    @classmethod
    def build(cls, source_funcs=None, progress: Progress | None = None, expected: int = 0) -> Gazetteer:
        return cls(build_index(source_funcs, progress, expected))

    def tobytes(self) -> bytes:
        """The index file's bytes (what ``load_gazetteer`` caches)."""
        return bytes(self._data)

    def __reduce__(self):
        return (type(self), (bytes(self._data),))

    # -- lookups --------------------------------------------------------------------------------
    def place(self, i: int) -> Place:
        """The place of row ``i``, built once (places are frozen, so one object serves every lookup)."""
        p = self._place_memo.get(i)
        if p is None:
            p = self._place_memo[i] = Place(*self.rows[i])
        return p

    @property
    def places(self) -> list[Place]:
        """Every place (builds them all: for tools and tests, not for lookups)."""
        return [Place(*r) for r in self.rows]

    def __len__(self) -> int:
        return self._n

    def candidates(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.names.get(key, ())]

    def fuzzy_candidates(self, key: str, min_ratio: float = 0.8) -> list[Place]:
        """Places named by a key with the same transliteration skeleton and a close spelling
        ("Hemeimeem" ~ "hmeimim", "Qudsayya" ~ "qadsayya"), closest spelling first."""
        memo_key = key if min_ratio == 0.8 else f"{min_ratio}\0{key}"
        rows = self._fuzzy_memo.get(memo_key)
        if rows is None:
            if len(self._fuzzy_memo) >= MEMO_MAX:
                self._fuzzy_memo.clear()
            rows = self._fuzzy_memo[memo_key] = self._fuzzy_rows(key, min_ratio)
        return [self.place(i) for i in rows]

    def _fuzzy_rows(self, key: str, min_ratio: float) -> tuple[int, ...]:
        sk = skeleton(key)
        if not skeleton_ok(sk):
            return ()
        close = []
        for k in self.skeletons.get(sk, ()):
            # ratio() <= real_quick_ratio() (lengths alone): most keys of a skeleton fail this cheap bound
            if 2.0 * min(len(key), len(k)) / (len(key) + len(k)) < min_ratio:
                continue
            sm = SequenceMatcher(None, key, k)
            if sm.quick_ratio() >= min_ratio and (r := sm.ratio()) >= min_ratio:
                close.append((r, k))
        out: list[int] = []
        seen: set[int] = set()
        for _, k in sorted(close, reverse=True):
            for i in self.names.get(k, ()):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return tuple(out)

    def feature_candidates(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.feature_names.get(key, ())]

    def facilities_near(self, lat: float, lon: float, kinds: frozenset[str], km: float = 30.0) -> list[tuple[float, Place]]:
        """Facilities of the given kinds within ``km`` of a point, nearest first."""
        out = []
        cy, cx = math.floor(lat), math.floor(lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for i in self.facility_grid.get((cy + dy, cx + dx), ()):
                    p = self.place(i)
                    if p.kind in kinds:
                        d = haversine_km(lat, lon, p.lat, p.lon)
                        if d <= km:
                            out.append((d, p))
        out.sort(key=lambda t: (t[0], -KIND_PRIOR.get(t[1].kind, 0)))
        return out


# A province with no population figure ranks like a place of this size.
ADMIN_POPULATION = {"admin1": 300_000, "admin2": 30_000}
# Towns below this size are the villages of the full GeoNames list (cities500) that cities15000 leaves out.
VILLAGE_POPULATION = 15_000


def is_village(place: Place) -> bool:
    """A populated place of fewer than ``VILLAGE_POPULATION`` people: a name's reading only when nothing
    bigger answers to it (for "Texas" in a list of states, not the two Mexican hamlets of that name)."""
    return place.kind == "city" and place.population < VILLAGE_POPULATION


def prior_score(place: Place) -> float:
    """Context-free plausibility of a candidate: kind, then size."""
    pop = place.population or ADMIN_POPULATION.get(place.kind, 0)
    return KIND_PRIOR.get(place.kind, 0.0) + math.log10(pop + 1) / 2.0


def _cache_key(geonames: str = sources.DEFAULT_GEONAMES) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}:{geonames}".encode())
    for f in sources.input_files(geonames):
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}".encode())
    for code in (sources.__file__, bulk.__file__, _normalize_mod.__file__, __file__, sys.modules[Place.__module__].__file__):
        h.update(Path(code).read_bytes())  # the keys, the rows and the layout all follow from this code
    return h.hexdigest()[:16]


def index_path(settings: Settings) -> Path:
    """Where the index for ``settings`` is cached (its name changes with every input file and the index code)."""
    return settings.cache / f"gazetteer-{_cache_key(settings.geonames)}{SUFFIX}"


def load_gazetteer(settings: Settings | None = None, rebuild: bool = False,
                   progress: Progress | None = None) -> Gazetteer:
    """The index, from the on-disk cache (``settings.cache``) when its inputs are unchanged, else built and
    cached. ``settings``: ``Settings.from_env()`` when not given. ``progress(fraction, message)``: told how a
    build goes (a first start on a fresh machine, or changed inputs), ending with 1.0; not called on a cache hit."""
    settings = settings or Settings.from_env()
    path = index_path(settings)
    if not rebuild and path.exists():
        try:
            return Gazetteer(path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError):
            pass  # a corrupt or stale cache is rebuilt below
    data = build_index(sources.all_sources(settings.geonames), progress, sources.expected_places(settings.geonames))
    gaz = Gazetteer(data)
    try:
        atomic_write(path, data)  # readers see old or new, never half
        _prune(path.parent, keep=3)
    except OSError:
        pass  # read-only home: work from memory
    if progress:
        progress(1.0, f"Gazetteer ready: {len(gaz):,} places")
    return gaz


def _prune(folder: Path, keep: int) -> None:
    """Old index versions (other inputs, older code) are removed, newest ``keep`` kept, and the pickles of
    the versions before this file format."""
    old = sorted(folder.glob(f"gazetteer-*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]
    for p in [*old, *folder.glob("gazetteer-*.pickle")]:
        try:
            p.unlink()
        except OSError:
            pass
