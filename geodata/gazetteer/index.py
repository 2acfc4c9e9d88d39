"""The gazetteer index: normalised name -> candidate places, plus a grid of facilities.

Built once from the sources and cached on disk (``gazetteer-<key>.idx`` in ``settings.cache``) under a key
derived from the input files' sizes and modification times and the index code, so a changed input
rebuilds it and an unchanged one loads in a fraction of a second.

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

import ast
import bisect
import hashlib
import json
import math
import sys
import time
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from difflib import SequenceMatcher
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from geodata.fsio import atomic_write
from geodata.gazetteer import normalize as _normalize_mod
from geodata.gazetteer import sources
from geodata.gazetteer.normalize import key_skeletons, name_keys, skeleton, skeleton_ok
from geodata.gcpause import gc_paused
from geodata.models import Place
from geodata.settings import Settings
from geodata.vocabulary import FACILITY_KINDS, KIND_PRIOR

INDEX_VERSION = 11
MAGIC = b"GDGAZIDX"
SUFFIX = ".idx"
MEMO_MAX = 100_000  # memoised fuzzy lookups kept before the memo is emptied (a long-running app stays bounded)
CATEGORY_MAX = 4096  # a string column with at most this many distinct values is stored as codes into a table

Progress = Callable[[float, str], None]  # progress(fraction 0..1, message): how a first build reports itself

assert array("I").itemsize == 4 and array("H").itemsize == 2 and array("h").itemsize == 2


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


# -- the file ---------------------------------------------------------------------------------------

class _Writer:
    """Sections (named flat arrays) laid out 8-byte aligned after a JSON header."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.sections: dict[str, tuple[int, int, str]] = {}
        self.size = 0

    def add(self, name: str, typecode: str, data: bytes | array) -> None:
        raw = data.tobytes() if isinstance(data, array) else bytes(data)
        self.sections[name] = (self.size, len(raw), typecode)
        pad = -len(raw) % 8
        self.parts.append(raw + b"\0" * pad)
        self.size += len(raw) + pad

    def add_strings(self, name: str, values: Iterable[str]) -> None:
        encoded = [v.encode("utf-8") for v in values]
        self.add(name + ":offs", "I", array("I", accumulate(map(len, encoded), initial=0)))
        self.add(name + ":blob", "B", b"".join(encoded))

    def tobytes(self, meta: dict) -> bytearray:
        crc = 0
        for part in self.parts:
            crc = zlib.crc32(part, crc)
        header = json.dumps({**meta, "version": INDEX_VERSION, "byteorder": sys.byteorder, "size": self.size,
                             "crc": crc, "sections": self.sections}).encode("utf-8")
        out = bytearray(MAGIC + len(header).to_bytes(8, "little") + header)
        out += b"\0" * (-len(out) % 8)
        self.parts.reverse()
        while self.parts:  # each part freed once copied: the index is never held twice over
            out += self.parts.pop()
        return out


class _Reader:
    def __init__(self, data: bytes | bytearray) -> None:
        mv = memoryview(data)
        if bytes(mv[:8]) != MAGIC:
            raise ValueError("not a gazetteer index")
        hlen = int.from_bytes(mv[8:16], "little")
        header = json.loads(str(mv[16:16 + hlen], "utf-8"))
        if header.get("version") != INDEX_VERSION or header.get("byteorder") != sys.byteorder:
            raise ValueError("an index of another version")
        start = 16 + hlen + (-(16 + hlen) % 8)
        body = mv[start:]
        if len(body) != header["size"] or zlib.crc32(body) != header["crc"]:
            raise ValueError("a truncated or corrupt index")
        self.header, self.body = header, body

    def view(self, name: str) -> memoryview:
        off, n, typecode = self.header["sections"][name]
        return self.body[off:off + n].cast(typecode)

    def strings(self, name: str) -> tuple[memoryview, memoryview]:
        return self.view(name + ":offs"), self.view(name + ":blob")


def _encode_column(w: _Writer, j: int, values: list) -> dict:
    """One Place field's values as an array; the spec says how to read them back."""
    name = f"col{j}"
    kinds = {type(v) for v in values}
    if kinds == {float}:
        w.add(name, "d", array("d", values))
        return {"as": "d"}
    if kinds == {int} and all(-(2 ** 63) <= v < 2 ** 63 for v in values):
        w.add(name, "q", array("q", values))
        return {"as": "q"}
    if kinds == {bool}:
        w.add(name, "B", bytes(values))
        return {"as": "bool"}
    if kinds == {str}:
        table = list(dict.fromkeys(values))
        if len(table) <= CATEGORY_MAX:
            code = {v: i for i, v in enumerate(table)}
            w.add(name, "H", array("H", [code[v] for v in values]))
            return {"as": "cat", "table": table}
        w.add_strings(name, values)
        return {"as": "str"}
    # anything else (None, tuples, mixed types): Python literals, read back with ast.literal_eval
    texts = [repr(v) for v in values]
    for v, t in zip(values, texts, strict=True):
        if ast.literal_eval(t) != v:
            raise TypeError(f"a Place value the index cannot store: {v!r}")
    w.add_strings(name, texts)
    return {"as": "literal"}


def _column_getter(r: _Reader, j: int, spec: dict) -> Callable[[int], object]:
    name = f"col{j}"
    kind = spec["as"]
    if kind in ("d", "q"):
        return r.view(name).__getitem__
    if kind == "bool":
        flags = r.view(name)
        return lambda i: bool(flags[i])
    if kind == "cat":
        table, codes = spec["table"], r.view(name)
        return lambda i: table[codes[i]]
    offs, blob = r.strings(name)
    if kind == "str":
        return lambda i: str(blob[offs[i]:offs[i + 1]], "utf-8")
    if kind == "literal":
        return lambda i: ast.literal_eval(str(blob[offs[i]:offs[i + 1]], "utf-8"))
    raise ValueError(f"unknown column kind {kind!r}")


def _write_postings(w: _Writer, name: str, index: dict[str, list[int]]) -> list[str]:
    """``name:keys`` (sorted, newline-separated), ``name:starts`` and ``name:rows``: key number k's rows are
    ``rows[starts[k]:starts[k + 1]]``. Returns the keys in their order."""
    keys = sorted(index)
    w.add(name + ":keys", "B", "\n".join(keys).encode("ascii"))
    w.add(name + ":starts", "I", array("I", accumulate((len(index[k]) for k in keys), initial=0)))
    flat = array("I")
    for k in keys:
        flat.extend(index[k])
    w.add(name + ":rows", "I", flat)
    return keys


class _Postings(Mapping):
    """A read-only ``dict[str, tuple[int, ...]]`` (name key -> rows) over the flat arrays: ``key in``,
    ``get``, ``[]``, iteration and ``len`` as a dict's. Membership is a frozenset of the keys (no value
    per key: half a dict's memory and load time); a key's number is its place in the sorted keys."""

    __slots__ = ("_known", "keys_list", "_starts", "_rows")

    def __init__(self, r: _Reader, name: str) -> None:
        blob = r.view(name + ":keys")
        self.keys_list: list[str] = str(blob, "ascii").split("\n") if len(blob) else []
        self._known = frozenset(self.keys_list)
        self._starts, self._rows = r.view(name + ":starts"), r.view(name + ":rows")
        if len(self._starts) != len(self.keys_list) + 1 or len(self._known) != len(self.keys_list):
            raise ValueError("postings do not match their keys")

    def rows_of(self, k: int) -> tuple[int, ...]:
        """The rows of key number ``k``."""
        return tuple(self._rows[self._starts[k]:self._starts[k + 1]].tolist())

    def key_id(self, key: str) -> int | None:
        """The number of ``key`` (None if it is no key)."""
        return bisect.bisect_left(self.keys_list, key) if key in self._known else None

    def __contains__(self, key: object) -> bool:
        return key in self._known

    def __getitem__(self, key: str) -> tuple[int, ...]:
        k = self.key_id(key)
        if k is None:
            raise KeyError(key)
        return self.rows_of(k)

    def get(self, key: str, default=None):
        k = self.key_id(key)
        return default if k is None else self.rows_of(k)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_list)

    def __len__(self) -> int:
        return len(self.keys_list)


def _write_skeletons(w: _Writer, keys: list[str]) -> None:
    groups: dict[str, list[int]] = {}
    for k, sk in enumerate(key_skeletons(keys)):
        if skeleton_ok(sk):
            got = groups.get(sk)
            if got is None:
                groups[sk] = [k]
            else:
                got.append(k)
    crc = zlib.crc32
    order = sorted((crc(sk.encode("ascii")), sk) for sk in groups)
    w.add("sk:hash", "I", array("I", [h for h, _ in order]))
    w.add_strings("sk:text", [sk for _, sk in order])
    w.add("sk:starts", "I", array("I", accumulate((len(groups[sk]) for _, sk in order), initial=0)))
    flat = array("I")
    for _, sk in order:
        flat.extend(groups[sk])
    w.add("sk:keys", "I", flat)


class _Skeletons(Mapping):
    """A read-only ``dict[str, tuple[str, ...]]``: transliteration skeleton -> the name keys that have it."""

    __slots__ = ("_hash", "_offs", "_text", "_starts", "_keys", "_names")

    def __init__(self, r: _Reader, names: list[str]) -> None:
        self._hash = r.view("sk:hash")
        self._offs, self._text = r.strings("sk:text")
        self._starts, self._keys = r.view("sk:starts"), r.view("sk:keys")
        self._names = names
        if not (len(self._hash) + 1 == len(self._offs) == len(self._starts)):
            raise ValueError("skeleton arrays do not match")

    def _group(self, sk: str) -> int:
        h = zlib.crc32(sk.encode("ascii", "replace"))
        g = bisect.bisect_left(self._hash, h)
        while g < len(self._hash) and self._hash[g] == h:
            if str(self._text[self._offs[g]:self._offs[g + 1]], "ascii") == sk:
                return g
            g += 1
        return -1

    def __getitem__(self, sk: str) -> tuple[str, ...]:
        g = self._group(sk) if isinstance(sk, str) else -1
        if g < 0:
            raise KeyError(sk)
        return tuple(self._names[k] for k in self._keys[self._starts[g]:self._starts[g + 1]].tolist())

    def __contains__(self, sk: object) -> bool:
        return isinstance(sk, str) and self._group(sk) >= 0

    def __iter__(self) -> Iterator[str]:
        for g in range(len(self._hash)):
            yield str(self._text[self._offs[g]:self._offs[g + 1]], "ascii")

    def __len__(self) -> int:
        return len(self._hash)


class _Rows:
    """``gaz.rows``: every place as ``dataclasses.astuple`` would give it, built on access."""

    __slots__ = ("_get", "_n")

    def __init__(self, get: Callable[[int], tuple], n: int) -> None:
        self._get, self._n = get, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._get(i)

    def __iter__(self) -> Iterator[tuple]:
        return map(self._get, range(self._n))


def build_index(source_funcs=None, progress: Progress | None = None, expected: int = 0) -> bytearray:
    """The index file's bytes, from the sources (each yielding ``(Place, names, feature_names)``).
    ``progress(fraction, message)`` is told how far it is; ``expected``: about how many places the sources
    yield (for the fraction)."""
    # millions of small lists and strings and no cycle: the collector would rescan them all over and over
    with gc_paused():
        return _build_index(source_funcs, progress, expected)


def _build_index(source_funcs, progress: Progress | None, expected: int) -> bytearray:
    t0 = time.perf_counter()
    report = progress or (lambda fraction, message: None)
    report(0.0, "Reading the gazetteer sources")
    rows: list[tuple] = []
    names: dict[str, list[int]] = {}
    feature: dict[str, list[int]] = {}
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    countries: list[Place] = []
    expected = max(expected, 1)
    # astuple(place), without its deep copy of every (immutable) value: 3x faster over 265,000 places
    as_row = attrgetter(*(f.name for f in fields(Place)))
    for func in source_funcs or sources.all_sources():
        for place, pnames, fnames in func():
            idx = len(rows)
            rows.append(as_row(place))
            for target, lst in ((names, pnames), (feature, fnames)):
                for n in lst:
                    for k in name_keys(n):
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
    report(0.9, f"Writing the index of {len(rows):,} places")
    w = _Writer()
    columns = []
    for j, f in enumerate(fields(Place)):
        columns.append({"name": f.name, **_encode_column(w, j, [r[j] for r in rows])})
    name_keys_sorted = _write_postings(w, "names", names)
    _write_postings(w, "feature", feature)
    _write_skeletons(w, name_keys_sorted)
    cells = list(grid)
    w.add("grid:lat", "h", array("h", [c[0] for c in cells]))
    w.add("grid:lon", "h", array("h", [c[1] for c in cells]))
    w.add("grid:starts", "I", array("I", accumulate((len(grid[c]) for c in cells), initial=0)))
    w.add("grid:rows", "I", array("I", [i for c in cells for i in grid[c]]))
    max_tokens = max((k.count(" ") + 1 for k in (*names, *feature)), default=1)
    meta = {
        "places": len(rows), "columns": columns, "max_tokens": min(max_tokens, 8),
        "directions": sources.country_directions(), "demonyms": sources.demonyms(countries),
        "build_seconds": time.perf_counter() - t0,
    }
    # the build saw each name once: its memo entries would only crowd out the ones running text needs
    _normalize_mod.normalize.cache_clear()
    return w.tobytes(meta)


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
    for code in (sources.__file__, _normalize_mod.__file__, __file__, sys.modules[Place.__module__].__file__):
        h.update(Path(code).read_bytes())  # the keys, the rows and the layout all follow from this code
    return h.hexdigest()[:16]


def load_gazetteer(settings: Settings | None = None, rebuild: bool = False,
                   progress: Progress | None = None) -> Gazetteer:
    """The index, from the on-disk cache (``settings.cache``) when its inputs are unchanged, else built and
    cached. ``settings``: ``Settings.from_env()`` when not given. ``progress(fraction, message)``: told how a
    build goes (a first start on a fresh machine, or changed inputs), ending with 1.0; not called on a cache hit."""
    settings = settings or Settings.from_env()
    path = settings.cache / f"gazetteer-{_cache_key(settings.geonames)}{SUFFIX}"
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
