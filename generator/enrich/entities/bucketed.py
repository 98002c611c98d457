"""Read-only tables kept as many small marshalled buckets, each decoded on first use.

The prebuilt gazetteer (gazetteer.py) is ~11 MB of tables. Decoding it whole takes about
0.12 s, paid by every process that analyses an article, most often a `build --dirty` after
one article was dropped, which looks up a few thousand words. Kept in buckets, such a build
decodes only the buckets its words fall in. A table that is used much (a build analysing
many articles in this process) is decoded whole once a sixteenth of its buckets were, and then
answers as the plain dict or frozenset it was built from (`whole`).

A key's bucket is the CRC-32 of its UTF-8 bytes: the same in every process (str's own hash
is not). The bytes are trusted as they are given: the caller checks the file they come from.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping, Set
from typing import Any

BUCKETS = 1 << 14
# Buckets decoded before the whole table is (an article looks up words in ~10-100 of a table's).
_WHOLE_AFTER = BUCKETS // 16


def bucket_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & (BUCKETS - 1)


def pack(table: Mapping[str, Any] | Set[str]) -> tuple[bytes, bytes, bytes]:
    """(offsets, buckets, whole) of a dict or frozenset of strings: `BUCKETS + 1` offsets (array 'Q')
    into the buckets' bytes, each one a marshalled dict or frozenset. (The whole table is kept
    beside them, marshalled as one: joining 16,384 buckets takes five times as long.)"""
    is_map = isinstance(table, Mapping)
    parts: list[Any] = [{} if is_map else set() for _ in range(BUCKETS)]
    for key in table:
        if is_map:
            parts[bucket_of(key)][key] = table[key]  # type: ignore[index]
        else:
            parts[bucket_of(key)].add(key)
    offsets = array("Q", [0])
    chunks = []
    for part in parts:
        chunk = marshal.dumps(part if is_map else frozenset(part), 4)
        chunks.append(chunk)
        offsets.append(offsets[-1] + len(chunk))
    return offsets.tobytes(), b"".join(chunks), marshal.dumps(table, 4)


class _Buckets:
    """What a bucketed dict and set share: finding, decoding and counting buckets."""

    def __init__(self, offsets: bytes | memoryview, data: bytes | memoryview, whole: bytes | memoryview, size: int,
                 on_whole: Callable[[Any], None] | None = None) -> None:
        self._offsets = array("Q")
        self._offsets.frombytes(offsets)
        if len(self._offsets) != BUCKETS + 1:
            raise ValueError(f"{len(self._offsets)} offsets for {BUCKETS} buckets")
        self._data, self._whole_bytes = data, whole
        self._parts: list[Any] = [None] * BUCKETS
        self._decoded = 0
        self._size = size
        self._whole: Any = None
        self._on_whole = on_whole  # told the whole table once it is made (to hold it instead)

    def _bucket(self, key: str) -> Any:
        index = bucket_of(key)
        part = self._parts[index]
        if part is None:
            part = self._parts[index] = marshal.loads(self._data[self._offsets[index]:self._offsets[index + 1]])
            self._decoded += 1
            if self._decoded >= _WHOLE_AFTER:
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
        return self._bucket(key).get(key, default)

    def __getitem__(self, key: str) -> Any:
        if self._whole is not None:
            return self._whole[key]
        return self._bucket(key)[key]


class BucketSet(_Buckets, Set):
    """A read-only frozenset of strings."""

    @classmethod
    def _from_iterable(cls, values) -> frozenset:  # (what Set's operators make: a plain frozenset)
        return frozenset(values)

    def __hash__(self) -> int:  # (a frozenset's: equal to it, so hashed as it is)
        return hash(self.whole())
