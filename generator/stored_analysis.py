"""An article's analysis as the per-file cache stores it: each part marshalled apart, decoded
when a corpus stage first reads it.

The analysis is ~7,000 of a cached record's ~7,600 bytes, and a `--dirty` build's corpus stages
read little of it: the analyses of new and changed articles (their memos hold the others'
results), and of the others a field or two of the entity analysis (the names an article writes,
to see whether a changed corpus fact reaches it; its quotations, to make its mentions). So the
parts are marshalled apart, as bytes inside the record (see extract.encode_result), the entity
analysis field by field, each with its CRC-32: decoding all of 10,000 records took ~0.5 s,
their article parts ~0.01 s. The parts are one bytes value in the record, with an index beside it
(see `stored_values`).
"""

from __future__ import annotations

import functools
import marshal
import struct
import zlib
from collections.abc import Callable
from typing import Any

from .enrich import ENTITY_FIELDS, PARTS, ArticleAnalysis, entity_field_from_values, part_from_values
from .enrich.entities import EntityAnalysis


def stored_values(values: tuple) -> tuple[bytes, bytes]:
    """An analysis's plain values (`enrich.analysis_values`) as stored, for
    `StoredAnalysis.from_stored`: each part's marshalled bytes, one after the other, and an index
    of where each ends and its CRC-32 (two 32-bit numbers a part). Two values a record, not two
    per part: 10,000 records read back in a third of the time (a bytes object and a number made
    for each part of each record, most never read, were two thirds of reading the records)."""
    parts = dict(zip(PARTS, values))
    stored = [marshal.dumps(parts[name], 4) for name in _WHOLE]
    stored += [marshal.dumps(v, 4) for v in parts["entities"] or ()]
    index, end = bytearray(), 0
    for blob in stored:
        end += len(blob)
        index += _PART.pack(end, zlib.crc32(blob))
    return b"".join(stored), bytes(index)


# The stored values of an analysis, in this order: these parts whole, then (unless the owner gave
# the entities) each field of the entity analysis (`enrich.ENTITY_FIELDS`).
_WHOLE = ("text", "topics", "story_words")
_FROM_VALUES = ([functools.partial(part_from_values, name) for name in _WHOLE]
                + [functools.partial(entity_field_from_values, i) for i in range(len(ENTITY_FIELDS))])
_PART = struct.Struct("<II")  # a part's entry in the index: where its bytes end, their CRC-32
_UNREAD = object()


class _Stored:
    """An analysis's stored values (marshalled one after the other, with an index of where each
    ends and its CRC-32), each decoded on its first read and then kept. `again`, when given,
    analyses the article's file again: a value that fails its check or does not decode is never
    trusted, and with `again` all values not read yet come from the new analysis; without,
    reading it raises ValueError."""

    __slots__ = ("joined", "index", "values", "again")

    def __init__(self, joined: bytes, index: bytes, again: Callable[[], Any] | None = None) -> None:
        count, rest = divmod(len(index), _PART.size)
        if (type(joined) is not bytes or type(index) is not bytes or rest or count not in (len(_WHOLE), len(_FROM_VALUES))
                or _PART.unpack_from(index, _PART.size * (count - 1))[0] != len(joined)):
            raise ValueError("not a stored analysis")
        self.joined, self.index, self.again = joined, index, again
        self.values: list[Any] = [_UNREAD] * count

    def value(self, i: int) -> Any:
        value = self.values[i]
        if value is _UNREAD:
            try:
                end, check = _PART.unpack_from(self.index, _PART.size * i)
                start = _PART.unpack_from(self.index, _PART.size * (i - 1))[0] if i else 0
                blob = memoryview(self.joined)[start:end]
                if zlib.crc32(blob) != check:
                    raise ValueError("its checksum differs")
                value = _FROM_VALUES[i](marshal.loads(blob))
            except Exception as exc:  # damaged (or not ours)
                if self.again is None:
                    raise ValueError(f"a damaged analysis in the cache ({exc})") from None
                self._read_again()
                return self.values[i]
            self.values[i] = value
        return value

    def _read_again(self) -> None:
        fresh = self.again()
        made = [getattr(fresh, name) for name in _WHOLE]
        made += [getattr(fresh.entities, name) for name in ENTITY_FIELDS] if fresh.entities is not None else []
        if len(made) != len(self.values):
            raise ValueError("the article's file was analysed otherwise than the cache says")
        for i, value in enumerate(made):
            if self.values[i] is _UNREAD:
                self.values[i] = value


class _AsWhole:
    """Equal to the plain value `whole()` makes (of type `_plain`), hashed as it, and pickled as it:
    a copy that leaves the process is the plain value."""

    __slots__ = ()
    _plain: type

    def whole(self) -> Any:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)):
            other = other.whole()
        return self.whole() == other if isinstance(other, self._plain) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.whole())

    def __reduce__(self):
        return _as_is, (self.whole(),)


class StoredAnalysis(_AsWhole):
    """An article's analysis (`enrich.ArticleAnalysis`) as the cache stored it, each part decoded
    when first read (the entity analysis field by field, see `StoredEntities`): a `--dirty`
    build's corpus stages read the parts of new and changed articles, and of the others only what
    a changed corpus fact makes them look at (see `enrich.PartOf`). Equal to the analysis it
    stores; pickles as that. `decoded` names the parts read so far."""

    __slots__ = ("_stored",)
    _plain = ArticleAnalysis

    def __init__(self, stored: _Stored) -> None:
        self._stored = stored

    @classmethod
    def from_stored(cls, stored: tuple[bytes, bytes], again: Callable[[], ArticleAnalysis] | None = None) -> StoredAnalysis:
        """The analysis `stored_values` stored (raises ValueError if it is not of that shape),
        analysed again with `again()`, when given, if a part turns out damaged (see `_Stored`)."""
        joined, index = stored
        return cls(_Stored(joined, index, again))

    def reading_again(self, again: Callable[[], ArticleAnalysis]) -> StoredAnalysis:
        """The same stored analysis, analysed again with `again()` when a part turns out damaged."""
        stored = self._stored
        return StoredAnalysis(_Stored(stored.joined, stored.index, again))

    text = property(lambda self: self._stored.value(0), doc="The duplicate print (`duplicates.TextPrint`).")
    topics = property(lambda self: self._stored.value(1), doc="The topic analysis (`topics.TopicAnalysis`).")
    story_words = property(lambda self: self._stored.value(2), doc="See `stories.story_words`.")

    @property
    def entities(self) -> StoredEntities | None:
        """The entity analysis (None: the owner gave the entities)."""
        return StoredEntities(self._stored) if len(self._stored.values) > len(_WHOLE) else None

    @property
    def decoded(self) -> tuple[str, ...]:
        """The parts read so far (decoded, or made again), by name; an entity field as "entities.<field>"."""
        names = (*_WHOLE, *(f"entities.{name}" for name in ENTITY_FIELDS))
        return tuple(name for name, value in zip(names, self._stored.values) if value is not _UNREAD)

    def whole(self) -> ArticleAnalysis:
        """The analysis, every part decoded."""
        entities = self.entities
        return ArticleAnalysis(self.text, None if entities is None else entities.whole(), self.topics,
                               self.story_words)

    def __repr__(self) -> str:
        return f"StoredAnalysis(decoded={self.decoded})"


class StoredEntities(_AsWhole):
    """The entity analysis (`entities.EntityAnalysis`) of a `StoredAnalysis`, each field decoded
    when first read: of an article no change reaches, the entity passes read its names in lower
    case (`folded`) and its quotations, ~1,200 of its ~4,000 bytes. Equal to the analysis it stores."""

    __slots__ = ("_stored",)
    _plain = EntityAnalysis

    def __init__(self, stored: _Stored) -> None:
        self._stored = stored

    def whole(self) -> EntityAnalysis:
        return EntityAnalysis(*(getattr(self, name) for name in ENTITY_FIELDS))


def _as_is(value: object) -> object:
    return value


for _i, _name in enumerate(ENTITY_FIELDS):  # one property per field: `analysis.folded` decodes that field alone
    setattr(StoredEntities, _name, property(lambda self, i=len(_WHOLE) + _i: self._stored.value(i)))
del _i, _name
