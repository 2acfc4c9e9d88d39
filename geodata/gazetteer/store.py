"""The gazetteer index's file format: a JSON header and flat arrays (``array``/``memoryview``), read as they are.

Writers (``_Writer``, ``_encode_column``, ``_write_postings``, ``_write_skeletons``) lay the index out; readers
(``_Reader``, ``_column_getter``, ``_Postings``, ``_Skeletons``, ``_Rows``) give it back as read-only mappings and
sequences without a Python object per place or per (name, place) pair. ``geodata.gazetteer.index`` builds and
loads it; see its docstring for the layout.
"""

from __future__ import annotations

import ast
import bisect
import json
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate, chain

from geodata.gazetteer.normalize import skeleton_ok, skeletons_many

INDEX_VERSION = 11  # bump when the layout or what is indexed changes: an older file is rebuilt, never trusted
MAGIC = b"GDGAZIDX"
CATEGORY_MAX = 4096  # a string column with at most this many distinct values is stored as codes into a table

assert array("I").itemsize == 4 and array("H").itemsize == 2 and array("h").itemsize == 2


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
        encoded = list(map(str.encode, values))  # UTF-8
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


class _Sections(_Writer):
    """A writer that only records the sections added, ``(name, typecode, bytes)``, to be added to another
    (a helper process lays some out for the build)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str, bytes]] = []

    def add(self, name: str, typecode: str, data: bytes | array) -> None:
        self.items.append((name, typecode, data.tobytes() if isinstance(data, array) else bytes(data)))


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
            w.add(name, "H", array("H", map(code.__getitem__, values)))
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
    lists = list(map(index.__getitem__, keys))
    w.add(name + ":keys", "B", "\n".join(keys).encode("ascii"))
    w.add(name + ":starts", "I", array("I", accumulate(map(len, lists), initial=0)))
    w.add(name + ":rows", "I", array("I", chain.from_iterable(lists)))
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


SKELETON_BLOCK = 1 << 16  # keys whose skeletons are worked out at once


def _write_skeletons(w: _Writer, keys: list[str], known: dict[str, str] | None = None) -> None:
    """The skeleton groups of the sorted name ``keys``; ``known``: skeletons already worked out for some keys."""
    groups: dict[str, list[int]] = {}
    get = groups.get
    for first in range(0, len(keys), SKELETON_BLOCK):
        block = keys[first:first + SKELETON_BLOCK]
        sks = list(map(known.get, block)) if known else []
        missing = [k for k, sk in zip(block, sks, strict=True) if sk is None] if known else block
        if missing:
            fresh = iter(skeletons_many(missing))
            sks = [sk if sk is not None else next(fresh) for sk in sks] if known else list(fresh)
        for k, sk in enumerate(sks, first):
            got = get(sk)
            if got is None:
                groups[sk] = [k]
            else:
                got.append(k)
    kept = [sk for sk in groups if skeleton_ok(sk)]
    order = sorted(zip(map(zlib.crc32, map(str.encode, kept)), kept, strict=True))
    w.add("sk:hash", "I", array("I", [h for h, _ in order]))
    w.add_strings("sk:text", [sk for _, sk in order])
    lists = [groups[sk] for _, sk in order]
    w.add("sk:starts", "I", array("I", accumulate(map(len, lists), initial=0)))
    w.add("sk:keys", "I", array("I", chain.from_iterable(lists)))


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
