"""GeoNames in bulk, for an index build: what ``sources.geonames_places`` yields, made many places at a time.

The file (one JSON object of 235,000 places for cities500) is cut into segments of about a megabyte at entry
boundaries; each segment is parsed whole by ``json.loads`` (a third of the time of parsing place by place),
its places become columns (one list per ``Place`` field, no ``Place`` object) and its names are normalised
many at once (``normalize_many``). ``read`` gives a segment range's ``Part``: those columns and the name keys
of its places, rows numbered from 0 within the part.

On a machine with two cores the build hands the later segments to a second process (``Helper``: ``main`` in a
child Python, the part pickled to its standard output) while it reads the
earlier ones itself; the parts are joined in file order, so the index is byte-identical to a serial build's.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from array import array
from collections.abc import Iterator
from dataclasses import MISSING, dataclass, fields
from itertools import chain, repeat
from pathlib import Path

from geodata.gazetteer.normalize import _ARTICLE_SET, _non_latin_letter, normalize_many, skeletons_many
from geodata.gcpause import gc_paused
from geodata.models import Place

SEGMENT_CHARS = 1 << 20  # about 4,000 places a segment
HELPER_SHARE = 0.6  # of the GeoNames places, read by the helper process: the build reads the other sources too
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")  # as sources._CODE: IATA/ICAO-like codes among the alternate names
_NEXT_ENTRY = re.compile(r'\}\s*,\s*"(?:[^"\\]|\\.)*"\s*:\s*\{')  # the end of one place's object, the next's key


class BulkError(ValueError):
    """The file is not cut as ``segments`` expects (a segment that is no JSON object of whole places)."""


@dataclass
class Part:
    """Consecutive GeoNames places: ``columns[field]`` lists each ``Place`` field's values; ``names[key]`` the
    part's rows (numbered from the ``base`` it was read at, ascending, once each) indexed under a name key."""

    columns: dict[str, list]
    names: dict[str, list[int]]

    def __len__(self) -> int:
        return len(self.columns["id"])

    def pack(self) -> dict:
        """The part as a few strings and arrays (a pickle of them is made and read far faster than one of
        hundreds of thousands of small objects): what a helper sends the build (``unpack``)."""
        keys = list(self.names)
        lists = [self.names[k] for k in keys]
        return {"columns": {f: _pack_column(v) for f, v in self.columns.items()}, "keys": "\n".join(keys),
                "counts": array("I", map(len, lists)).tobytes(), "rows": array("I", chain.from_iterable(lists)).tobytes()}

    @classmethod
    def unpack(cls, packed: dict, base: int = 0) -> Part:
        """A packed part, its rows numbered from ``base``."""
        keys = packed["keys"].split("\n") if packed["keys"] else []
        counts, rows = array("I"), array("I")
        counts.frombytes(packed["counts"])
        rows.frombytes(packed["rows"])
        flat, names, pos = [i + base for i in rows] if base else rows.tolist(), {}, 0
        for k, c in zip(keys, counts.tolist(), strict=True):
            names[k] = flat[pos:pos + c]
            pos += c
        return cls(columns={f: _unpack_column(v) for f, v in packed["columns"].items()}, names=names)


def _pack_column(values: list) -> tuple[str, object]:
    kinds = {type(v) for v in values}
    if kinds == {str}:
        joined = "\n".join(values)
        if joined.count("\n") == len(values) - 1 and values:
            return "str", joined
    elif kinds == {float}:
        return "d", array("d", values).tobytes()
    elif kinds == {int} and all(-(2 ** 63) <= v < 2 ** 63 for v in values):
        return "q", array("q", values).tobytes()
    return "list", values


def _unpack_column(packed: tuple[str, object]) -> list:
    kind, data = packed
    if kind == "str":
        return data.split("\n")
    if kind in ("d", "q"):
        out = array(kind)
        out.frombytes(data)
        return out.tolist()
    return data


def segments(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each segment of the JSON object ``text``: ``"{" + text[start:end] + "}"`` is an
    object of whole entries. An empty list for an empty object or a text that is no object."""
    body_start = text.find("{") + 1
    body_end = text.rfind("}")
    if body_start <= 0 or body_end < body_start or not text[body_start:body_end].strip():
        return []
    cuts, pos = [body_start], body_start
    while True:
        m = _NEXT_ENTRY.search(text, pos + size, body_end)
        if m is None:
            break
        cuts.append(m.start() + 1)  # the comma before the next key: stripped from both sides below
        pos = m.start() + 1
    cuts.append(body_end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]


class _Latin(dict):
    """char -> True unless it is a letter of another script than Latin (``is_latin_name``'s test), memoised
    for every character met (``_non_latin_letter`` keeps only 4,096: GeoNames has more distinct letters)."""

    def __missing__(self, ch: str) -> bool:
        value = self[ch] = not _non_latin_letter.__wrapped__(ch)
        return value


_LATIN = _Latin()


def _usable(names: list[str]) -> list[str]:
    """``sources._usable_alias`` of each alternate name, kept in order."""
    code, latin = _CODE.match, _LATIN.__getitem__
    return [a for a in names if len(a) >= 3 and (not code(a) if a.isascii() else all(map(latin, a)))]


def _defaults(n: int) -> dict[str, list]:
    """The columns of the ``Place`` fields a GeoNames place leaves at their defaults."""
    out = {}
    for f in fields(Place):
        if f.name not in _GIVEN:
            if f.default is MISSING:
                raise TypeError(f"Place.{f.name} has no default: the bulk reader must give it")
            out[f.name] = [f.default] * n
    return out


_GIVEN = ("id", "name", "lat", "lon", "kind", "country_code", "population", "source")


def read(text: str, spans: list[tuple[int, int]], base: int = 0) -> Part:
    """The places of the segments ``spans`` of ``text`` (``segments``), as ``sources.geonames_places`` makes
    them, with their name keys (rows numbered from ``base``)."""
    ids, pnames, lats, lons, codes, pops, counts = [], [], [], [], [], [], []
    all_names: list[str] = []
    for a, b in spans:
        try:
            places = json.loads("{" + text[a:b].strip().strip(",") + "}")
        except ValueError as exc:
            raise BulkError(f"segment {a}:{b}: {exc}") from exc
        for c in places.values():
            ids.append(f"gn:{c['geonameid']}")
            pnames.append(c["name"])
            lats.append(float(c["latitude"]))
            lons.append(float(c["longitude"]))
            codes.append(c["countrycode"])
            pops.append(int(c.get("population") or 0))
            kept = _usable(c.get("alternatenames", []))
            all_names.append(c["name"])
            all_names.extend(kept)
            counts.append(len(kept) + 1)
    n = len(ids)
    columns = {"id": ids, "name": pnames, "lat": lats, "lon": lons, "kind": ["city"] * n, "country_code": codes,
               "population": pops, "source": ["geonames"] * n, **_defaults(n)}
    return Part(columns={f.name: columns[f.name] for f in fields(Place)}, names=_postings(normalize_many(all_names), counts, base))


def _postings(keys: list[str], counts: list[int], base: int) -> dict[str, list[int]]:
    """key -> rows from each place's normalised names (``counts[i]`` of them for row ``base + i``), under the keys
    ``build_keys`` gives: the name and its form without an Arabic article, two characters or more."""
    out: dict[str, list[int]] = {}
    get, articles = out.get, _ARTICLE_SET
    owners = chain.from_iterable(map(repeat, range(base, base + len(counts)), counts))
    for key, idx in zip(keys, owners, strict=True):
        if len(key) >= 2:
            got = get(key)
            if got is None:
                out[key] = [idx]
            elif got[-1] != idx:  # a place is listed once under a key
                got.append(idx)
        if key[:1] in "ae":  # every article starts so: strip_article
            sp = key.find(" ", 1, 4)
            if sp > 0 and key[:sp] in articles and len(rest := key[sp + 1:]) >= 2:
                got = get(rest)
                if got is None:
                    out[rest] = [idx]
                elif got[-1] != idx:
                    got.append(idx)
    return out


def split(n: int, share: float) -> int:
    """How many of ``n`` segments the build reads itself when a helper reads ``share`` of them (the last ones)."""
    return n - min(n, max(0, round(n * share)))


BULK_STEP = 8  # segments read between two progress reports


def parts(source, helper: Helper | None, base: int, expected: int, report) -> Iterator[Part]:
    """GeoNames' places (``source``: a ``sources.GeoNames``) as ``Part``s in file order, for a build: the earlier
    segments read here, the later ones by ``helper`` (or here too, if there is none or it failed). ``base``: rows
    before them; ``expected`` and ``report(fraction, message)``: the build's progress."""
    text = source.path.read_text(encoding="utf-8")
    spans = segments(text, SEGMENT_CHARS)
    mine = split(len(spans), HELPER_SHARE) if helper else len(spans)
    total = text.count('"geonameid"')  # one a place; json.loads would keep one of two places under one key
    done = 0
    for k in range(0, mine, BULK_STEP):
        part = read(text, spans[k:min(k + BULK_STEP, mine)], base + done)
        done += len(part)
        yield part
        share = min(1.0, (k + BULK_STEP) / mine) if mine else 1.0
        at = base + round(share * max(total, 1))  # the helper goes through its segments as fast as this one
        report(0.9 * min(1.0, at / expected), f"Indexing places: {at:,} of about {max(at, expected):,}")
    if mine < len(spans):
        part = helper.result(base + done) if helper else None
        if part is None:  # no helper after all (it failed): the rest here
            part = read(text, spans[mine:], base + done)
        done += len(part)
        yield part
    if done != total:
        raise BulkError(f"{source.path}: {done} places read of {total}")


def add_part(target: dict[str, list[int]], part: Part) -> None:
    """A part's postings into ``target``, after every row already there."""
    get = target.get
    for k, rows in part.names.items():
        got = get(k)
        if got is None:
            target[k] = rows
        else:
            got.extend(rows)


class Helper:
    """A second process (``main`` in a child Python), started at once: it reads the last ``share`` of the
    segments of ``path`` (those after ``split(n, share)``) into a ``Part`` (``result``), then, given the index's
    sorted name keys (``send_keys``), lays out their transliteration skeletons (``skeleton_sections``) while
    the build writes the rest. Messages are pickles, each after its length (8 bytes)."""

    def __init__(self, path: Path, share: float, size: int = SEGMENT_CHARS) -> None:
        root = str(Path(__file__).resolve().parent.parent.parent)  # the geodata this process imported
        pythonpath = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import sys; from geodata.gazetteer import bulk; sys.exit(bulk.main(sys.argv[1:]))",
             str(path), repr(share), str(size)],
            stdout=subprocess.PIPE, stdin=subprocess.PIPE, env={**os.environ, "PYTHONPATH": pythonpath})
        self.ok = True

    _waiting: dict[tuple, Helper] = {}  # started ahead of a build (``start_ahead``), by their arguments

    @classmethod
    def start_ahead(cls, path: Path, share: float = HELPER_SHARE, size: int = SEGMENT_CHARS) -> None:
        """Start a helper before the build that will use it has even been imported (``geodata.prepare``):
        the helper's own start, a Python and its imports, then overlaps the build's."""
        key = (str(path), share, size)
        if key not in cls._waiting:
            cls._waiting[key] = cls(path, share, size)

    @classmethod
    def take(cls, path: Path, share: float = HELPER_SHARE, size: int = SEGMENT_CHARS) -> Helper:
        """The helper started ahead for these arguments, else a new one."""
        return cls._waiting.pop((str(path), share, size), None) or cls(path, share, size)

    @classmethod
    def stop_waiting(cls) -> None:
        """Stop the helpers started ahead that no build took."""
        while cls._waiting:
            cls._waiting.popitem()[1].stop()

    def _receive(self, kind: type):
        if self.ok:
            try:
                got = _read_message(self.proc.stdout)
                if isinstance(got, kind):
                    return got
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                pass
        self.ok = False  # failed: the build does the helper's work itself
        return None

    def result(self, base: int = 0) -> Part | None:
        """The helper's part, its rows numbered from ``base``; None if it failed (the caller then reads those
        segments itself)."""
        packed = self._receive(dict)
        return None if packed is None else Part.unpack(packed, base)

    def send_keys(self, keys: list[str]) -> bool:
        if self.ok:
            try:
                _write_message(self.proc.stdin, "\n".join(keys))
                return True
            except OSError:
                self.ok = False
        return False

    def skeleton_sections(self) -> list[tuple[str, str, bytes]] | None:
        """``store._write_skeletons``'s sections for the keys sent, as ``(name, typecode, bytes)``; None if the
        helper failed."""
        return self._receive(list)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass


def _write_message(fh, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(len(data).to_bytes(8, "little"))
    fh.write(data)
    fh.flush()


def _read_message(fh):
    size = fh.read(8)
    if len(size) != 8:
        raise EOFError("the helper said nothing")
    data = fh.read(int.from_bytes(size, "little"))
    return pickle.loads(data)


def main(argv: list[str]) -> int:
    """The helper: its part of ``argv[0]`` (the last ``float(argv[1])`` of its segments of ``int(argv[2])``
    characters), then the skeletons of the keys it is sent."""
    with gc_paused():  # as the build: many small objects, no cycle
        return _helper(argv)


def _helper(argv: list[str]) -> int:
    from geodata.gazetteer.store import _Sections, _write_skeletons

    path, share, size = Path(argv[0]), float(argv[1]), int(argv[2])
    text = path.read_text(encoding="utf-8")
    spans = segments(text, size)
    part = read(text, spans[split(len(spans), share):])
    del text
    _write_message(sys.stdout.buffer, part.pack())
    # while the build merges the parts, the skeletons of this part's keys (most of the index's) are worked out
    own = sorted(part.names)
    del part
    known = dict(zip(own, skeletons_many(own), strict=True))
    try:
        joined = _read_message(sys.stdin.buffer)
    except EOFError:
        return 0  # the build needs no skeletons from us
    keys = joined.split("\n") if joined else []
    sections = _Sections()
    _write_skeletons(sections, keys, known)
    _write_message(sys.stdout.buffer, sections.items)
    return 0
