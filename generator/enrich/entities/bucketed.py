"""Read-only tables kept as many small marshalled buckets, each decoded on first use.

The prebuilt gazetteer (gazetteer.py) is ~11 MB of tables. Decoding it whole takes 0.12-0.25 s,
paid by every process that analyses an article, most often a `build --dirty` after one article
was dropped, which looks up a few thousand words. Kept in buckets, such a build decodes only the
buckets its words fall in. A table that is used much (a build analysing many articles in this
process) is decoded whole once an eighth of its buckets were, and then answers as the plain
dict or frozenset it was built from (`whole`).

A bucket holds `BUCKET_SIZE` keys in sorted order; a key's bucket is found by bisecting the
first keys of the buckets. So packing a table is a sort and slices, with no Python step per key
(hashing each key to a bucket made writing the gazetteer take ten times as long as reading it).
The bytes are trusted as they are given: the caller checks the file they come from.
"""

from __future__ import annotations

import marshal
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Set
from typing import Any

BUCKET_SIZE = 16
_WHOLE_AFTER = 8  # a table is decoded whole once this fraction of its buckets were (1/8)


def pack(table: Mapping[str, Any] | Set[str]) -> tuple[list[str], list[int], bytes, bytes]:
    """(first keys, offsets, buckets, whole) of a dict or frozenset of strings: each bucket's first
    key, and `len(first keys) + 1` offsets into the buckets' bytes, each bucket a marshalled dict or
    frozenset. (The whole table is kept beside them, marshalled as one: joining the buckets takes
    several times as long as decoding that.)"""
    if isinstance(table, Mapping):
        items = sorted(table.items())
        keys = [key for key, _ in items]
        parts = [dict(items[at:at + BUCKET_SIZE]) for at in range(0, len(items), BUCKET_SIZE)]
    else:
        keys = sorted(table)
        parts = [frozenset(keys[at:at + BUCKET_SIZE]) for at in range(0, len(keys), BUCKET_SIZE)]
    chunks = [marshal.dumps(part, 4) for part in parts]
    offsets = [0]
    for chunk in chunks:
        offsets.append(offsets[-1] + len(chunk))
    return keys[::BUCKET_SIZE], offsets, b"".join(chunks), marshal.dumps(table, 4)


class _Buckets:
    """What a bucketed dict and set share: finding, decoding and counting buckets."""

    def __init__(self, firsts: list[str], offsets: list[int], data: bytes | memoryview, whole: bytes | memoryview,
                 size: int, on_whole: Callable[[Any], None] | None = None) -> None:
        if len(offsets) != len(firsts) + 1 or offsets[-1] != len(data):
            raise ValueError(f"{len(offsets)} offsets for {len(firsts)} buckets of {len(data)} bytes")
        self._firsts, self._offsets = firsts, offsets
        self._data, self._whole_bytes = data, whole
        self._parts: list[Any] = [None] * len(firsts)
        self._decoded = 0
        self._whole_after = max(1, len(firsts) // _WHOLE_AFTER)
        self._size = size
        self._whole: Any = None
        self._on_whole = on_whole  # told the whole table once it is made (to hold it instead)

    def _bucket(self, key: str) -> Any:
        index = bisect_right(self._firsts, key) - 1
        if index < 0:
            return ()
        part = self._parts[index]
        if part is None:
            part = self._parts[index] = marshal.loads(self._data[self._offsets[index]:self._offsets[index + 1]])
            self._decoded += 1
            if self._decoded >= self._whole_after:
                self.whole()
        return part

    def whole(self) -> Any:
        """The table as one plain dict or frozenset (decoded once; the buckets are then let go)."""
        if self._whole is None:
            self._whole = marshal.loads(self._whole_bytes)
            self._parts, self._data, self._whole_bytes = [], b"", b""
            if self._on_whole is not None:
                self._on_whole(self._whole)
        return self._whole

    def __contains__(self, key: object) -> bool:
        if self._whole is not None:
            return key in self._whole
        return isinstance(key, str) and key in self._bucket(key)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())


class BucketDict(_Buckets, Mapping):
    """A read-only dict of strings to plain values."""

    def get(self, key: str, default: Any = None) -> Any:
        if self._whole is not None:
            return self._whole.get(key, default)
        if not isinstance(key, str):
            return default
        part = self._bucket(key)
        return part.get(key, default) if part else default

    def __getitem__(self, key: str) -> Any:
        if self._whole is not None:
            return self._whole[key]
        part = self._bucket(key) if isinstance(key, str) else None
        if not part:
            raise KeyError(key)
        return part[key]


class BucketSet(_Buckets, Set):
    """A read-only frozenset of strings."""

    @classmethod
    def _from_iterable(cls, values) -> frozenset:  # (what Set's operators make: a plain frozenset)
        return frozenset(values)

    def __hash__(self) -> int:  # (a frozenset's: equal to it, so hashed as it is)
        return hash(self.whole())
