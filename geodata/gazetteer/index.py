"""The gazetteer index: normalised name -> candidate places, plus a grid of facilities.

Built once from the sources and cached on disk (pickle) under a key derived from the input files'
sizes and modification times and the index version, so a changed input rebuilds it and an unchanged
one loads in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import math
import pickle
import time
from collections import defaultdict
from dataclasses import astuple, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from geodata.fsio import atomic_write
from geodata.gazetteer import sources
from geodata.gazetteer.normalize import name_keys, skeleton, skeleton_ok
from geodata.gcpause import gc_paused
from geodata.models import Place
from geodata.settings import Settings
from geodata.vocabulary import FACILITY_KINDS, KIND_PRIOR

INDEX_VERSION = 9
MEMO_MAX = 100_000  # memoised fuzzy lookups kept before the memo is emptied (a long-running app stays bounded)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Gazetteer:
    """Places are stored as plain tuples (fast to load) and turned into ``Place`` objects on lookup."""

    rows: list[tuple] = field(default_factory=list)
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    feature_names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    skeletons: dict[str, tuple[str, ...]] = field(default_factory=dict)  # skeleton -> exact keys
    facility_grid: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)
    directions: dict[str, tuple[float, float]] = field(default_factory=dict)  # "SY:northeast" -> (lat, lon)
    demonyms: dict[str, str] = field(default_factory=dict)  # "syrian" -> "SY"
    max_tokens: int = 1
    build_seconds: float = 0.0
    # Lookups memoised while the index is used (never pickled): the same names come back in every article.
    _place_memo: dict[int, Place] = field(default_factory=dict, init=False, repr=False, compare=False)
    _fuzzy_memo: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_place_memo": {}, "_fuzzy_memo": {}}

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, source_funcs=None) -> Gazetteer:
        t0 = time.perf_counter()
        places: list[Place] = []
        names: dict[str, list[int]] = defaultdict(list)
        feature: dict[str, list[int]] = defaultdict(list)
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        skel: dict[str, set[str]] = defaultdict(set)
        for func in source_funcs or sources.all_sources():
            for place, pnames, fnames in func():
                idx = len(places)
                places.append(place)
                for target, lst in ((names, pnames), (feature, fnames)):
                    seen: set[str] = set()
                    for n in lst:
                        for k in name_keys(n):
                            if k not in seen:
                                seen.add(k)
                                target[k].append(idx)
                                if target is names:
                                    sk = skeleton(k)
                                    if skeleton_ok(sk):
                                        skel[sk].add(k)
                if place.kind in FACILITY_KINDS:
                    grid[(math.floor(place.lat), math.floor(place.lon))].append(idx)
        max_tokens = max((k.count(" ") + 1 for k in list(names) + list(feature)), default=1)
        return cls(
            rows=[astuple(p) for p in places],
            names={k: tuple(v) for k, v in names.items()},
            feature_names={k: tuple(v) for k, v in feature.items()},
            skeletons={k: tuple(sorted(v)) for k, v in skel.items()},
            facility_grid={k: tuple(v) for k, v in grid.items()},
            directions=sources.country_directions(),
            demonyms=sources.demonyms([p for p in places if p.kind == "country"]),
            max_tokens=min(max_tokens, 8),
            build_seconds=time.perf_counter() - t0,
        )

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
        return len(self.rows)

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


def prior_score(place: Place) -> float:
    """Context-free plausibility of a candidate: kind, then size."""
    pop = place.population or ADMIN_POPULATION.get(place.kind, 0)
    return KIND_PRIOR.get(place.kind, 0.0) + math.log10(pop + 1) / 2.0


def _cache_key(geonames: str = sources.DEFAULT_GEONAMES) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}:{geonames}".encode())
    for f in sources.input_files(geonames):
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}".encode())
    h.update(Path(sources.__file__).read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def load_gazetteer(settings: Settings | None = None, rebuild: bool = False) -> Gazetteer:
    """The index, from the on-disk cache (``settings.cache``) when its inputs are unchanged, else built and
    cached. ``settings``: ``Settings.from_env()`` when not given."""
    settings = settings or Settings.from_env()
    path = settings.cache / f"gazetteer-{_cache_key(settings.geonames)}.pickle"
    if not rebuild and path.exists():
        try:
            # the index is hundreds of thousands of small tuples: collecting while loading triples the time
            with gc_paused(), open(path, "rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass  # a corrupt or stale cache is rebuilt below
    gaz = Gazetteer.build(sources.all_sources(settings.geonames))
    try:
        atomic_write(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))  # readers see old or new, never half
        _prune(path.parent, keep=3)
    except OSError:
        pass  # read-only home: work from memory
    return gaz


def _prune(folder: Path, keep: int) -> None:
    """Old index versions (other inputs, older code) are removed, newest ``keep`` kept."""
    old = sorted(folder.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]
    for p in old:
        try:
            p.unlink()
        except OSError:
            pass
