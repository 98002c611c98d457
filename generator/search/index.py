"""digest's search index: small static files a browser fetches only as a query needs them.

Material's own search ships every page's text to every reader (5.5 MB per 1,000 articles).
This index is split so that a query downloads a few small files:

    search/digest/meta.json        counts, the list of term files, a version: fetched first
    search/digest/t/<key>.json     the words starting with <key> (their first two characters,
                                   one for scripts written without spaces) and the pages they
                                   are in, with a score for each
    search/digest/e/<key>.json     the words of five or more letters ending in <key>: where a
                                   query word with a typo in its first two letters finds what it meant
    search/digest/d/a<n>.json      title, URL, kind, date and summary of 16 articles
    search/digest/d/p<n>.json      the same for entity, topic and tag pages

Document ids. Articles and the other pages are numbered separately, each oldest first (by
date, then by path), so a new article, which is usually the newest, takes the next id and
nobody else's changes; the same holds for the entity, topic and tag pages a new article
brings, numbered by the date they first appeared. Ids are a function of the current pages
only: an updated index is byte for byte the index a clean build writes.

Postings. For each word a term file holds, per id space, the number of pages, then one
base64 string: the ids as gaps (LEB128 varints), then one byte per page, its score for the
word. The score is BM25's term-frequency part with a fixed average length, plus a bonus when
the word is in the title, times the page's weight (generator/search/docs.py), in 12ths. What
depends on the whole collection (how rare a word is) is computed by the browser from the
number of pages, so adding a page changes only the files of its own words.

Typos. The browser finds a query word of five letters or more that is in no page by the words one
typo away (two from nine letters): first in the word's own term file, then, for a typo in the
first two letters, in the spelling list of its last two letters, and the term files of what it
finds there (generator/search/text.py, `spelling_key`).

Stop words. A term file also lists the stop words of the site's languages that start with its
key: the browser makes such words optional in a query instead of requiring them.

Incremental updates. The build hands the index every page by key and a digest of its content
(`searchdoc.Handover`), and the pages themselves only where the digest is not the one the index
holds: dropping one article into a digest of 10,000 hands over a few dozen pages. Beside the
published files (`site/`, never published itself), the index keeps, for every page, a record of
what it took from it (its chunk's row and its words with their scores) in `pages/<space><nn>.pickle`
(by a hash of the key, so a page's file never changes), and in `index.state` each page's digest,
id space, date and language, the digest, size and time of every file in `site/`, and a checksum
of each file of records. An update works out the ids that changed (a page whose digest or id
changed), takes the old words of those ids from the records and the new ones from the records or
the pages handed over, and rewrites only the term files of those words, the chunks holding those
ids, and meta.json. Nothing is tokenized twice; a clean build (too many changes, other stop words,
a file in `site/` missing or edited) is made from the records.

Nothing is trusted that does not check out: `index.state` starts with a fixed line, its format,
the version of this code and a SHA-256 of the rest; a file of records must have the checksum the
state lists and each record the page's digest. The state is deleted before anything else is
written and written last (to a temporary file, flushed to disk, renamed, the folder synced): a
build killed at any point leaves no state, and the next build starts clean. A page the build did
not hand over that the state cannot give (`MissingPages`) makes the build hand over every page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import pickle
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from ..paths import read_checked, write_checked, write_durably
from .searchdoc import Handover, SearchDoc
from .text import shard_key, spelling_key, stop_words, term_counts

FORMAT = 2  # the version of the files' layout, in meta.json for the browser
PREFIX = "search/digest/"  # where the files go in the site
CHUNK = 16  # pages per metadata chunk
STATE_CHUNK = 256  # pages per file of indexed words in the state
K1, B, AVG_LENGTH = 1.2, 0.75, 400  # BM25, with a fixed average length so that scores are per page
TITLE_BONUS = 1.6  # added to a word's score when it is in the title
SCALE = 12  # scores are stored in 12ths, one byte each (a page of weight 6 stays below 255)
MAX_CHANGED = 0.2  # above this share of pages changed, a clean build is as fast as an update
STATE_FILE = "index.state"
STATE_MAGIC = b"digest search state\n"
STATE_FORMAT = b"1"

SPACES = ("a", "p")  # articles, other pages


@dataclass
class _Postings:
    ids: list[int] = field(default_factory=list)
    scores: list[int] = field(default_factory=list)


def build_from_handover(handover: Path, state_dir: Path) -> tuple[dict[str, Path], tuple[float, float, float]]:
    """`update_search_index` of the `Handover` pickled in `handover` (publish.SearchIndexJob's
    process, which imports this module and not the site model), and the file removed. With
    the files, when it started and ended (time.time()) and the CPU seconds it took, for -v."""
    started, cpu = time.time(), time.process_time()
    pages = pickle.loads(handover.read_bytes())  # written just now by the build's own process
    handover.unlink()
    files = update_search_index(pages, state_dir)
    return files, (started, time.time(), time.process_time() - cpu)


def build_search_index(docs: Iterable[SearchDoc], state_dir: Path) -> dict[str, Path]:
    """Bring the index in `state_dir` up to date with `docs`; {path in the site: file} of every index file.

    Only files whose bytes change are written (the others keep their modification times),
    and files no longer part of the index are deleted.
    """
    return update_search_index(Handover.of(docs), state_dir)


def update_search_index(handover: Handover, state_dir: Path) -> dict[str, Path]:
    """`build_search_index` of the pages in `handover`; MissingPages when it leaves out a page
    the index does not hold."""
    index = _Index(Path(state_dir), handover)
    index.build()
    return {dest: index.out / dest for dest in sorted(index.files)}


# --- scoring ----------------------------------------------------------------------------


def doc_terms(doc: SearchDoc) -> dict[str, int]:
    """The page's indexed words and their scores (1-255, in SCALE-ths)."""
    title = term_counts(doc.title, doc.language)
    body = term_counts(f"{doc.summary}\n{doc.text}", doc.language)
    length = sum(body.values()) + sum(title.values())
    norm = K1 * (1 - B + B * length / AVG_LENGTH)
    scores: dict[str, int] = {}
    for term in body.keys() | title.keys():
        tf = body.get(term, 0)
        score = tf * (K1 + 1) / (tf + norm) + (TITLE_BONUS if term in title else 0.0)
        scores[term] = min(255, max(1, round(score * doc.weight * SCALE)))
    return scores


@lru_cache(maxsize=1)
def code_version() -> str:
    """The format and the code that turns pages into files: when either changes, the next build starts clean."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=8)
    here = Path(__file__).parent
    for path in (here / "index.py", here / "text.py", here.parent / "stopwords.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --- encoding ---------------------------------------------------------------------------


def encode_postings(ids: Sequence[int], scores: Sequence[int]) -> str:
    """Ids (ascending) as LEB128 gaps, then one byte of score each, in base64."""
    gaps = [ids[0], *(b - a for a, b in zip(ids, ids[1:]))] if ids else []
    if not gaps or max(gaps) < 128:
        data = bytes(gaps)
    else:
        out = bytearray()
        for gap in gaps:
            while gap >= 128:
                out.append(gap & 127 | 128)
                gap >>= 7
            out.append(gap)
        data = bytes(out)
    return base64.b64encode(data + bytes(scores)).decode("ascii")


def _leb128(gaps: Iterable[int]) -> bytes:
    out = bytearray()
    for gap in gaps:
        while gap >= 128:
            out.append(gap & 127 | 128)
            gap >>= 7
        out.append(gap)
    return bytes(out)


def append_postings(count: int, text: str, new: dict[int, int]) -> tuple[int, str] | None:
    """`encode_postings` of the postings in `text` with `new` (id -> score) added, when every new
    id comes after the last one there (a new article, the newest): the bytes are put together
    without decoding the list, which for a common word holds most articles. None otherwise."""
    data = base64.b64decode(text)
    body, scores = data[:len(data) - count], data[len(data) - count:]
    last = sum(body) if len(body) == count else _last(_gap_ids(body))  # len == count: every gap below 128
    ids = sorted(new)
    if ids[0] <= last:
        return None
    gaps = _leb128(b - a for a, b in zip([last, *ids], ids))
    return count + len(ids), base64.b64encode(body + gaps + scores + bytes(new[i] for i in ids)).decode("ascii")


def decode_postings(count: int, text: str) -> _Postings:
    data = base64.b64decode(text)
    body, scores = data[:len(data) - count], list(data[len(data) - count:])
    if len(body) == count:  # every gap below 128
        return _Postings(list(accumulate(body)), scores)
    return _Postings(list(_gap_ids(body)), scores)


def _gap_ids(body: bytes):
    """The ids a postings list's LEB128-coded gaps add up to, in order."""
    value = shift = last = 0
    for byte in body:
        value |= (byte & 127) << shift
        if byte & 128:
            shift += 7
            continue
        last += value
        yield last
        value = shift = 0


def _last(ids) -> int:
    last = 0
    for last in ids:
        pass
    return last


def shard_file(key: str) -> str:
    """A term file's name: the key itself when it is [a-z0-9], else its code points in hex ("_440-443")."""
    return f"{PREFIX}t/{_file_name(key)}.json"


def spelling_file(key: str) -> str:
    """A spelling list's name, made as a term file's."""
    return f"{PREFIX}e/{_file_name(key)}.json"


def _file_name(key: str) -> str:
    if re.fullmatch(r"[a-z0-9]+", key):
        return key
    return "_" + "-".join(f"{ord(c):x}" for c in key)


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _shard_bytes(terms: dict[str, dict[str, _Postings]], stops: list[str]) -> bytes:
    words = {}
    for term, spaces in terms.items():
        entry = []
        for space in SPACES:
            p = spaces.get(space)
            entry += [len(p.ids), encode_postings(p.ids, p.scores)] if p and p.ids else [0, ""]
        words[term] = entry
    return _json({"s": stops, "w": words})


def _chunk_row(doc: SearchDoc) -> list:
    return [doc.url, doc.title, doc.kind, doc.date or "", doc.summary]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


# --- the state kept between builds -----------------------------------------------------


class MissingPages(Exception):
    """The hand-over left out pages the index's state was to hold, and it does not (it is
    gone, damaged or of another build): the build must hand over every page."""


@dataclass
class _State:
    """`index.state`: what the files in `site/` were built from.

    pages: key -> (digest, id space, since, language) of every page indexed;
    files: path in the site -> [digest of its bytes, size, mtime_ns] of every file in `site/`;
    buckets: name -> SHA-256 of each file of records in `pages/`;
    stops: the stop words listed in the term files."""

    pages: dict[str, tuple[str, str, str, str]]
    files: dict[str, list]
    buckets: dict[str, str]
    stops: list[str]


def known_pages(state_dir: Path) -> dict[str, str]:
    """{key: digest} of the pages the index in `state_dir` holds; empty when its state is
    missing or cannot be trusted (the build then hands over every page)."""
    state = _load_state(Path(state_dir))
    return {key: page[0] for key, page in state.pages.items()} if state else {}


def _load_state(state_dir: Path) -> _State | None:
    """The state in `state_dir` when every check passes (see the module docstring), else None."""
    try:
        data = (state_dir / STATE_FILE).read_bytes()
    except OSError:
        return None
    payload, _ = read_checked(data, STATE_MAGIC, STATE_FORMAT, code_version().encode("ascii"))
    if payload is None:
        return None
    try:
        state = pickle.loads(payload)
    except Exception:  # the checksum matched but the payload is not ours: never trusted
        return None
    return state if isinstance(state, _State) else None


def _save_state(state_dir: Path, state: _State) -> None:
    write_checked(state_dir / STATE_FILE, STATE_MAGIC, STATE_FORMAT, code_version().encode("ascii"),
                  pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def _bucket(space: str, key: str) -> str:
    """The file of records a page lives in: by a hash of its key, so that the page never moves."""
    return f"{space}{hashlib.blake2b(key.encode('utf-8', 'surrogatepass'), digest_size=1).digest()[0]:02x}"


# A page's record: (digest, [url, title, kind, date, summary] as its chunk lists it, {word: score}).
_Record = tuple[str, list, dict[str, int]]


def _record(doc: SearchDoc, digest: str) -> _Record:
    return digest, _chunk_row(doc), doc_terms(doc)


# --- the index on disk ------------------------------------------------------------------


class _Index:
    def __init__(self, state_dir: Path, handover: Handover) -> None:
        self.dir = state_dir
        self.out = state_dir / "site"
        self.handover = handover
        self.state = _load_state(state_dir)
        self.files: dict[str, list] = {}  # destination -> [digest of its bytes, size, modification time]
        self._loaded: dict[str, dict[str, _Record]] = {}  # bucket -> its records, as read
        # This build's pages, as the state keeps them; their keys in id order; the stop words.
        self.pages: dict[str, tuple[str, str, str, str]] = {}
        self.ids: dict[str, list[str]] = {}
        self.stops: list[str] = []
        self.new: dict[str, _Record] = {}  # records of the pages the state does not hold

    def build(self) -> None:
        try:
            self._build()
        except _Damaged:
            # A file of records did not match the state: start clean from the pages handed over.
            _remove(self.dir / STATE_FILE)
            self.state, self._loaded = None, {}
            self._build()

    def _build(self) -> None:
        old = self.state.pages if self.state else {}
        docs = {}
        for doc in self.handover.docs:
            docs[doc.key] = doc
        pages: dict[str, tuple[str, str, str, str]] = {}
        self.new = {}
        missing = []
        for key, digest in self.handover.pages:
            if key in pages:
                raise ValueError(f"search: two pages with the key {key!r}")
            page = old.get(key)
            if page is not None and page[0] == digest:
                pages[key] = page
                continue
            doc = docs.get(key)
            if doc is None:
                missing.append(key)
                continue
            pages[key] = (digest, "a" if doc.is_article else "p", doc.since or "", doc.language)
            self.new[key] = _record(doc, digest)
        if missing:
            raise MissingPages(f"{len(missing)} pages not handed over, and not in the index's state (first: {missing[0]})")
        self.pages = pages
        self.ids = _id_order(pages)
        self.stops = sorted({w for lang in sorted({p[3] for p in pages.values()}) for w in stop_words(lang)})
        if not self._update():
            self._rebuild()

    # -- records

    def _records(self, keys: Iterable[str], pages: dict[str, tuple]) -> dict[str, _Record]:
        """The stored records of `keys`, each checked against its digest in `pages`."""
        out = {}
        for key in keys:
            digest, space = pages[key][:2]
            bucket = self._bucket(_bucket(space, key))
            record = bucket.get(key)
            if record is None or record[0] != digest:
                raise _Damaged(key)
            out[key] = record
        return out

    def _record_of(self, key: str) -> _Record:
        """This build's record of `key`."""
        record = self.new.get(key)
        return record if record is not None else self._records([key], self.pages)[key]

    def _bucket(self, name: str) -> dict[str, _Record]:
        if name not in self._loaded:
            checksum = self.state.buckets.get(name) if self.state else None
            if checksum is None:
                raise _Damaged(name)
            try:
                data = (self.dir / "pages" / f"{name}.pickle").read_bytes()
            except OSError:
                raise _Damaged(name) from None
            if hashlib.sha256(data).hexdigest() != checksum:
                raise _Damaged(name)
            self._loaded[name] = pickle.loads(data)
        return self._loaded[name]

    def _save_records(self) -> dict[str, str]:
        """Write the files of records that change (before the index files: the state is gone
        by then, so an interrupted build is never trusted); their checksums, all of them."""
        old = self.state.pages if self.state else {}
        checksums = dict(self.state.buckets) if self.state else {}
        touched: dict[str, list[str]] = defaultdict(list)
        for key, page in old.items():
            now = self.pages.get(key)
            if now is None or now[1] != page[1]:
                touched[_bucket(page[1], key)].append(key)
        for key in self.new:
            touched[_bucket(self.pages[key][1], key)].append(key)
        folder = self.dir / "pages"
        for name in sorted(touched):
            records = dict(self._bucket(name)) if name in checksums else {}
            for key in touched[name]:
                records.pop(key, None)
                record = self.new.get(key)
                if record is not None and _bucket(self.pages[key][1], key) == name:
                    records[key] = record
            if records:
                data = pickle.dumps(dict(sorted(records.items())), protocol=pickle.HIGHEST_PROTOCOL)
                # Not flushed to disk one by one (~5 ms each): one that did not reach it before a
                # crash fails its checksum in the state, and the next build starts clean.
                write_durably(folder / f"{name}.pickle", data, sync=False)
                checksums[name] = hashlib.sha256(data).hexdigest()
            else:
                _remove(folder / f"{name}.pickle")
                checksums.pop(name, None)
        for path in folder.iterdir() if folder.exists() else []:
            if path.stem not in checksums:  # left by an interrupted build
                _remove(path)
        return checksums

    def _finish(self) -> None:
        """Records, then the state: what the files in site/ now hold."""
        buckets = self._save_records()
        _save_state(self.dir, _State(self.pages, self.files, buckets, self.stops))

    # -- a clean build

    def _rebuild(self) -> None:
        _remove(self.dir / STATE_FILE)
        old = self.state.pages if self.state else {}
        stored = self._records([k for k in self.pages if k not in self.new], old)
        records = {**stored, **self.new}
        postings: dict[str, dict[str, _Postings]] = defaultdict(dict)
        for space, keys in self.ids.items():
            for i, key in enumerate(keys):
                for term, score in records[key][2].items():
                    p = postings[term].get(space)
                    if p is None:
                        p = postings[term][space] = _Postings()
                    p.ids.append(i)
                    p.scores.append(score)
        shards: dict[str, dict[str, dict[str, _Postings]]] = defaultdict(dict)
        for term in sorted(postings):
            shards[shard_key(term)][term] = postings[term]
        stops_by_key = self._stops_by_key()
        files: dict[str, bytes] = {}
        for key in sorted(shards.keys() | stops_by_key.keys()):
            files[shard_file(key)] = _shard_bytes(shards.get(key, {}), stops_by_key.get(key, []))
        spellings: dict[str, list[str]] = defaultdict(list)
        for term in sorted(postings):
            key = spelling_key(term)
            if key is not None:
                spellings[key].append(term)
        for key, terms in sorted(spellings.items()):
            files[spelling_file(key)] = _json(terms)
        for space, keys in self.ids.items():
            for n in range(0, len(keys), CHUNK):
                files[f"{PREFIX}d/{space}{n // CHUNK}.json"] = _json([records[k][1] for k in keys[n:n + CHUNK]])
        self.files = {}
        for dest, data in files.items():
            self._put(dest, data)
        self._write_meta()
        keep = {str(self.out / d) for d in self.files}
        for path in sorted(self.out.rglob("*")) if self.out.exists() else []:
            if path.is_file() and str(path) not in keep:
                path.unlink()
        self._finish()

    # -- an update of what changed

    def _update(self) -> bool:
        """Patch the files from the last build; False when a clean build is needed."""
        state = self.state
        if state is None or state.stops != self.stops or not self._files_intact(state.files):
            return False
        old_ids = _id_order(state.pages)
        changed: dict[str, list[int]] = {}
        for space in SPACES:
            old, new = old_ids[space], self.ids[space]
            changed[space] = [i for i in range(max(len(old), len(new)))
                              if i >= len(old) or i >= len(new) or old[i] != new[i]
                              or state.pages[old[i]][0] != self.pages[new[i]][0]]
        total = len(self.pages)
        if sum(len(v) for v in changed.values()) > max(16, MAX_CHANGED * total):
            return False
        # Everything read before anything is written: a damaged record is found while the files are whole.
        before, after = {}, {}
        for space, ids in changed.items():
            old, new = old_ids[space], self.ids[space]
            for i in ids:
                if i < len(old):
                    before[(space, i)] = old[i]
                if i < len(new):
                    after[(space, i)] = new[i]
        old_records = self._records(set(before.values()), state.pages)
        chunk_keys = {key for space, ids in changed.items() for n in {i // CHUNK for i in ids}
                      for key in self.ids[space][n * CHUNK:(n + 1) * CHUNK]}
        records = {key: self._record_of(key) for key in sorted(chunk_keys | set(after.values()))}
        self.files = dict(state.files)
        _remove(self.dir / STATE_FILE)  # until the update is complete: if it is interrupted, the next build starts clean
        removed: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))  # term -> space -> ids
        added: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))  # term -> space -> id -> score
        for (space, i), key in before.items():
            for term in old_records[key][2]:
                removed[term][space].add(i)
        for (space, i), key in after.items():
            for term, score in records[key][2].items():
                added[term][space][i] = score
        by_key: dict[str, list[str]] = defaultdict(list)
        for term in sorted(removed.keys() | added.keys()):
            by_key[shard_key(term)].append(term)
        stops_by_key = self._stops_by_key()
        spelled: dict[str, dict[str, bool]] = defaultdict(dict)  # spelling key -> word -> now in the index
        for key, terms in by_key.items():
            dest = shard_file(key)
            data = _read_json(self.out / dest) if dest in self.files else {"s": stops_by_key.get(key, []), "w": {}}
            if data is None:
                return False
            words = data["w"]
            for term in terms:
                was_there = term in words
                entry = words.get(term, [0, "", 0, ""])
                new_entry = []
                for k, space in enumerate(SPACES):
                    count, text = entry[2 * k], entry[2 * k + 1]
                    gone, new = removed[term][space] if term in removed else (), added[term][space] if term in added else {}
                    if not gone and not new:
                        new_entry += [count, text]
                        continue
                    if not gone and count:
                        appended = append_postings(count, text, new)
                        if appended is not None:
                            new_entry += appended
                            continue
                    p = decode_postings(count, text) if count else _Postings()
                    pairs = {i: s for i, s in zip(p.ids, p.scores) if i not in gone}
                    pairs.update(new)
                    ids = sorted(pairs)
                    new_entry += [len(ids), encode_postings(ids, [pairs[i] for i in ids])] if ids else [0, ""]
                if new_entry[0] or new_entry[2]:
                    words[term] = new_entry
                else:
                    words.pop(term, None)
                if (term in words) != was_there and spelling_key(term) is not None:
                    spelled[spelling_key(term)][term] = term in words
            if words or data["s"]:
                self._put(dest, _json({"s": data["s"], "w": words}))
            else:
                self._drop(dest)
        for key, present in sorted(spelled.items()):
            dest = spelling_file(key)
            listed = _read_json(self.out / dest) if dest in self.files else []
            if listed is None:
                return False
            spelling = sorted({t for t in listed if present.get(t, True)} | {t for t, there in present.items() if there})
            if spelling:
                self._put(dest, _json(spelling))
            else:
                self._drop(dest)
        for space, ids in changed.items():
            keys = self.ids[space]
            old_chunks = -(-len(old_ids[space]) // CHUNK)
            for n in sorted({i // CHUNK for i in ids}):
                dest = f"{PREFIX}d/{space}{n}.json"
                if n * CHUNK < len(keys):
                    self._put(dest, _json([records[k][1] for k in keys[n * CHUNK:(n + 1) * CHUNK]]))
                elif n < old_chunks:
                    self._drop(dest)
        self._write_meta()
        self._finish()
        return True

    # -- pieces

    def _stops_by_key(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for word in self.stops:
            out[shard_key(word)].append(word)
        return out

    def _files_intact(self, files: dict[str, list]) -> bool:
        """Every file of the last build is there as it was written (size and time), and no other."""
        present: dict[str, list[int]] = {}

        def walk(folder: str, prefix: str) -> None:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        walk(entry.path, f"{prefix}{entry.name}/")
                    else:
                        st = entry.stat(follow_symlinks=False)
                        present[prefix + entry.name] = [st.st_size, st.st_mtime_ns]

        try:
            walk(str(self.out), "")
        except OSError:
            return False
        return present.keys() == files.keys() and all(files[d][1:] == present[d] for d in files)

    def _put(self, dest: str, data: bytes) -> None:
        digest = _digest(data)
        if self.files.get(dest, [None])[0] != digest:
            path = self.out / dest
            _write_if_changed(path, data)
            st = path.stat()
            self.files[dest] = [digest, st.st_size, st.st_mtime_ns]

    def _drop(self, dest: str) -> None:
        self.files.pop(dest, None)
        _remove(self.out / dest)

    def _write_meta(self) -> None:
        """meta.json: counts, term files, and a version that changes whenever any other file does."""
        self.files.pop(f"{PREFIX}meta.json", None)
        keys = sorted(dest[len(PREFIX) + 2:-len(".json")] for dest in self.files if dest.startswith(f"{PREFIX}t/"))
        spellings = sorted(dest[len(PREFIX) + 2:-len(".json")] for dest in self.files if dest.startswith(f"{PREFIX}e/"))
        version = hashlib.blake2b("\n".join(f"{d} {h[0]}" for d, h in sorted(self.files.items())).encode(),
                                  digest_size=6).hexdigest()
        meta = {"format": FORMAT, "version": version, "chunk": CHUNK,
                "articles": len(self.ids["a"]), "pages": len(self.ids["p"]), "terms": " ".join(keys),
                "spellings": " ".join(spellings)}
        self._put(f"{PREFIX}meta.json", _json(meta))


class _Damaged(Exception):
    """A file of records is missing, damaged, or does not hold what the state says."""


def _id_order(pages: dict[str, tuple[str, str, str, str]]) -> dict[str, list[str]]:
    """The keys of each id space in id order: oldest first, then by path."""
    spaces: dict[str, list[tuple[str, str]]] = {s: [] for s in SPACES}
    for key, (_, space, since, _) in pages.items():
        spaces[space].append((since, key))
    return {space: [key for _, key in sorted(items)] for space, items in spaces.items()}


def _read_json(path: Path):
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
