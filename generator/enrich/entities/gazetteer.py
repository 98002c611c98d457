"""The shipped gazetteer (generator/data/gazetteer.json.gz), loaded once per process.

`scripts/build_gazetteer.py` says where each list comes from. Lookups are dictionary
and set lookups on casefolded phrases: no pattern is ever run over the gazetteer.

Building the tables from the data file takes about 0.4 s, a share of every build that reads
a new article. A build with a cache folder (`keep_prebuilt_in`) keeps the tables as built, in
`marshal`'s format, in `<folder>/gazetteer.prebuilt`, and the next process loads them from
there: the large tables in buckets decoded as they are looked up (bucketed.py), so a build
that analyses one dropped article decodes a few hundred small buckets, not 11 MB. The file is trusted only when everything about it checks
out: a fixed magic line, the key it was written for (the data file's SHA-256, digest's code
version and Python's), a SHA-256 of the payload, then the payload. A file written for other data or code is
replaced quietly; one that is damaged or not ours is replaced with a note (`prebuilt_notes`).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import marshal
import struct
import sys
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...code_version import code_version
from ...model import EntityType
from ...paths import CUT_SHORT, DAMAGED, NOT_OURS, OTHER_KEY, OTHER_VERSION, read_checked, write_checked
from .bucketed import BucketDict, BucketSet, pack
from .lexicon import CONNECTORS
from .variants import table_spellings, variant_type

DATA_FILE = "gazetteer.json.gz"
TYPES: tuple[EntityType, ...] = tuple(EntityType)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    # casefolded surface -> (type as an index in TYPES, canonical, surface): plain values, as kept prebuilt
    names: dict[str, tuple[int, str, str]]
    first_names: frozenset[str]  # casefolded
    surnames: frozenset[str]  # casefolded
    words: frozenset[str]  # lowercase English words
    stop_words: dict[str, frozenset[str]]  # language code -> casefolded function words
    # language code -> casefolded one-word names that open that language's sentences as words ("dabei")
    sentence_words: dict[str, frozenset[str]]
    countries: frozenset[str]  # casefolded names of countries and continents
    first_len: dict[str, int]  # casefolded first word -> the most words in a name starting with it
    spanning: frozenset[str]  # casefolded first words of names with a lowercase word ("Bosnia and Herzegovina")

    def lookup(self, phrase: str) -> tuple[EntityType, str] | None:
        """(type, canonical name) for a phrase as written, or None.

        Case must agree, except that an all-capitals phrase ("LONDON") matches any name,
        and a name written in capitals ("NATO", "US") never matches ordinary case ("Us").
        """
        hit = self.names.get(phrase.casefold())
        if hit is None:
            if "’" not in phrase:
                return None
            phrase = phrase.replace("’", "'")  # "McDonald’s" is "McDonald's"
            hit = self.names.get(phrase.casefold())
            if hit is None:
                return None
        type_, canonical, surface = hit
        if phrase == surface or (phrase.isupper() and not surface.isupper()):
            return TYPES[type_], canonical
        if not surface.isupper() and phrase.split()[0][:1].isupper() and _same_but_small_words(phrase, surface):
            return TYPES[type_], canonical
        return None

    def is_word(self, token: str, language: str = "en") -> bool:
        """An ordinary lowercase word of English, or a function word of the article's language."""
        folded = token.casefold()
        return folded in self.words or folded in self.function_words(language)

    def function_words(self, language: str = "en") -> frozenset[str]:
        words = self.stop_words.get(language)  # (the English fallback looked up only when needed: a hot call)
        return words if words is not None else self.stop_words.get("en", frozenset())

    def whole(self) -> Gazetteer:
        """This gazetteer with every table a plain dict or frozenset, the derived ones made: for a
        process that will analyse many articles (a table kept in buckets becomes one when much
        used, bucketed.py; this spares the worker processes the counting)."""
        for name in (*_FIELDS, *_DERIVED):
            table = getattr(self, name)
            if isinstance(table, (BucketDict, BucketSet)):
                table.whole()  # (which puts itself in the table's place)
        return self

    def is_country(self, name: str) -> bool:
        return name.casefold() in self.countries

    @functools.cached_property
    def one_word_names(self) -> frozenset[str]:
        """Casefolded names of one word: known places and organizations, first names, surnames."""
        return frozenset(n for n in self.names if " " not in n) | self.first_names | self.surnames


    @functools.cached_property
    def name_prefixes(self) -> frozenset[str]:
        """Casefolded openings of known names of more words, at word ends ("bosnia", "bosnia and")."""
        out: set[str] = set()
        for name in self.names:
            words = name.split(" ")
            for k in range(1, len(words)):
                out.add(" ".join(words[:k]))
        return frozenset(out)


def _same_but_small_words(a: str, b: str) -> bool:
    # "Bank Of England" (a recased headline) is "Bank of England".
    return all(x == y or x.casefold() == y.casefold() and y.islower() for x, y in zip(a.split(), b.split()))


PREBUILT = "gazetteer.prebuilt"
_MAGIC = b"digest gazetteer\n"
_FORMAT = b"2"  # (1: all tables in one marshalled tuple)
_FIELDS = tuple(f.name for f in fields(Gazetteer))
_DERIVED = ("one_word_names", "name_prefixes")  # (cached properties, kept too)
# The tables of tens of thousands of entries, kept in buckets (the rest is a few hundred KB).
_BUCKETED = frozenset({"names", "first_names", "surnames", "words", "first_len", "one_word_names", "name_prefixes"})

_prebuilt_folder: Path | None = None
_notes: list[str] = []


def keep_prebuilt_in(folder: Path | None) -> None:
    """Where the first `gazetteer()` of this process looks for the tables as built, and leaves them."""
    global _prebuilt_folder
    _prebuilt_folder = folder


def prebuilt_notes() -> list[str]:
    """What the owner should know about a prebuilt copy that was not used (given once)."""
    notes = _notes[:]
    _notes.clear()
    return notes


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read on first use and kept for the life of the process."""
    raw = resources.files("generator").joinpath("data", DATA_FILE).read_bytes()
    folder = _prebuilt_folder
    if folder is None:
        return _built(raw)
    # (with Python's version: marshal's format may change with it)
    key = f"{hashlib.sha256(raw).hexdigest()} {code_version()} {sys.implementation.cache_tag}".encode("ascii")
    path = folder / PREBUILT
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        found, reason = _from_prebuilt(data, key)
        if found is not None:
            return found
        if reason is not None:
            _notes.append(f"{path}: the prebuilt gazetteer was not used: {reason}; it was built again and the file "
                          "rewritten")
    gaz = _built(raw)
    _write_prebuilt(folder, key, gaz)
    return gaz


def _from_prebuilt(data: bytes, key: bytes) -> tuple[Gazetteer | None, str | None]:
    """The gazetteer in a prebuilt file, or None and why not (None: written for other data or code).
    Its large tables stay in buckets until used (bucketed.py)."""
    payload, problem = read_checked(data, _MAGIC, _FORMAT, key)
    if payload is None:
        return None, None if problem in (OTHER_VERSION, OTHER_KEY) else _REASONS[problem]
    try:
        (head_size,) = struct.unpack_from("<Q", payload)  # (a view of the file's bytes: slices copy nothing)
        head = marshal.loads(payload[8:8 + head_size])
        blob = payload[8 + head_size:]
        gaz = Gazetteer.__new__(Gazetteer)
        for name in (*_FIELDS, *_DERIVED):  # (derived ones where functools.cached_property would store them)
            entry = head[name]
            if entry[0] == "plain":
                gaz.__dict__[name] = entry[1]
                continue
            kind, size, firsts, offsets, data_at, whole_at, end = entry
            held = functools.partial(gaz.__dict__.__setitem__, name)
            table = (BucketDict if kind == "dict" else BucketSet)(
                firsts, offsets, blob[data_at:whole_at], blob[whole_at:end], size, on_whole=held)
            gaz.__dict__[name] = table
    except Exception as exc:  # checksum matched but the payload is not ours: never trusted
        return None, f"its contents cannot be read ({type(exc).__name__})"
    return gaz, None


_REASONS = {NOT_OURS: "it is not a digest gazetteer", CUT_SHORT: "it is cut short",
            DAMAGED: "it is damaged (its checksum does not match)"}


def _write_prebuilt(folder: Path, key: bytes, gaz: Gazetteer) -> None:
    """Write the tables for the next process, atomically; a folder that cannot be written is no error."""
    try:
        write_checked(folder / PREBUILT, _MAGIC, _FORMAT, key, prebuilt_payload(gaz), sync=False)
    except OSError:
        pass


def prebuilt_payload(gaz: Gazetteer) -> bytes:
    """The tables as kept prebuilt: an 8-byte size, a head (marshalled) saying where each table
    is, then the large tables as `bucketed.pack` gives them; the small ones are in the head."""
    head: dict[str, tuple] = {}
    blob: list[bytes] = []
    at = 0
    for name in (*_FIELDS, *_DERIVED):
        value = getattr(gaz, name)
        if name not in _BUCKETED:
            head[name] = ("plain", value)
            continue
        firsts, offsets, data, whole = pack(value)
        head[name] = ("dict" if isinstance(value, dict) else "set", len(value), firsts, offsets,
                      at, at + len(data), at + len(data) + len(whole))
        blob += [data, whole]
        at += len(data) + len(whole)
    encoded = marshal.dumps(head, 4)
    return b"".join([struct.pack("<Q", len(encoded)), encoded, *blob])


def _built(raw: bytes) -> Gazetteer:
    """The gazetteer's tables, built from the data file's bytes."""
    data = json.loads(gzip.decompress(raw))
    names: dict[str, tuple[int, str, str]] = {}
    first_len: dict[str, int] = {}
    spanning: set[str] = set()
    # Places first, then organizations: a hand-written organization wins a shared name.
    for key, type_ in (("place", EntityType.PLACE), ("organization", EntityType.ORGANIZATION)):
        for surface, canonical in data[key].items():
            folded = surface.casefold()
            names[folded] = (TYPES.index(type_), canonical, surface)
            words = folded.split(" ")
            if first_len.get(words[0], 0) < len(words):
                first_len[words[0]] = len(words)
            if any(w[:1].islower() and w not in CONNECTORS for w in surface.split(" ")[1:]):
                spanning.add(words[0])
    # The variants table's names in other languages that hold a lowercase word ("Commission
    # européenne", "Banca centrale europea"): like the gazetteer's own, they may span that word.
    for surface, canonical in table_spellings():
        folded = surface.casefold()
        if " " in surface and folded not in names and any(w[:1].islower() for w in surface.split(" ")[1:]):
            names[folded] = (TYPES.index(variant_type(canonical)), canonical, surface)
            words = folded.split(" ")
            first_len[words[0]] = max(first_len.get(words[0], 0), len(words))
            if any(w[:1].islower() and w not in CONNECTORS for w in surface.split(" ")[1:]):
                spanning.add(words[0])
    return Gazetteer(
        names=names,
        first_names=frozenset(n.casefold() for n in data["first_names"]),
        surnames=frozenset(n.casefold() for n in data["surnames"]),
        words=frozenset(data["words"]),
        stop_words={code: frozenset(words) for code, words in data["stop_words"].items()},
        sentence_words={code: frozenset(words) for code, words in data.get("sentence_words", {}).items()},
        countries=frozenset(n.casefold() for n in data["countries"]),
        first_len=first_len,
        spanning=frozenset(spanning),
    )
