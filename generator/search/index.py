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

Incremental updates. `state.json` (beside the published files, never published) keeps each
id's page and a fingerprint of its content, and the indexed words of each page in
`terms/<space><n>.json`. An update re-tokenizes only pages whose id or content changed, and
rewrites only the term files of their old and new words, the chunks holding them, and
meta.json. Anything unexpected (a missing or edited file, other code, other stop words, too many
changes) falls back to a clean build of the same files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from .searchdoc import SearchDoc
from .text import shard_key, spelling_key, stop_words, term_counts

FORMAT = 2  # the version of the files' layout, in meta.json for the browser
PREFIX = "search/digest/"  # where the files go in the site
CHUNK = 16  # pages per metadata chunk
STATE_CHUNK = 256  # pages per file of indexed words in the state
K1, B, AVG_LENGTH = 1.2, 0.75, 400  # BM25, with a fixed average length so that scores are per page
TITLE_BONUS = 1.6  # added to a word's score when it is in the title
SCALE = 12  # scores are stored in 12ths, one byte each (a page of weight 6 stays below 255)
MAX_CHANGED = 0.2  # above this share of pages changed, a clean build is as fast as an update

SPACES = ("a", "p")  # articles, other pages


@dataclass
class _Postings:
    ids: list[int] = field(default_factory=list)
    scores: list[int] = field(default_factory=list)


def build_from_handover(handover: Path, state_dir: Path) -> dict[str, Path]:
    """`build_search_index` of the pages pickled in `handover` (publish.SearchIndexJob's
    process, which imports this module and not the site model), and the file removed."""
    docs = pickle.loads(handover.read_bytes())  # written just now by the build's own process
    handover.unlink()
    return build_search_index(docs, state_dir)


def build_search_index(docs: Iterable[SearchDoc], state_dir: Path) -> dict[str, Path]:
    """Bring the index in `state_dir` up to date with `docs`; {path in the site: file} of every index file.

    Only files whose bytes change are written (the others keep their modification times),
    and files no longer part of the index are deleted.
    """
    index = _Index(Path(state_dir), list(docs))
    if not index.update():
        index.rebuild()
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


def fingerprint(doc: SearchDoc) -> str:
    fields = (doc.key, doc.url, doc.title, doc.kind, doc.date or "", doc.summary, doc.text, repr(doc.weight),
              doc.language, doc.since or "")
    return hashlib.blake2b("\x1f".join(fields).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def order(docs: Sequence[SearchDoc]) -> dict[str, list[SearchDoc]]:
    """The pages of each id space in id order: oldest first, then by path."""
    spaces: dict[str, list[SearchDoc]] = {s: [] for s in SPACES}
    seen: set[str] = set()
    for doc in docs:
        if doc.key in seen:
            raise ValueError(f"search: two pages with the key {doc.key!r}")
        seen.add(doc.key)
        spaces["a" if doc.is_article else "p"].append(doc)
    for space in spaces.values():
        space.sort(key=lambda d: (d.since or "", d.key))
    return spaces


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


def decode_postings(count: int, text: str) -> _Postings:
    data = base64.b64decode(text)
    body, scores = data[:len(data) - count], list(data[len(data) - count:])
    if len(body) == count:  # every gap below 128
        return _Postings(list(accumulate(body)), scores)
    ids: list[int] = []
    value = shift = last = 0
    for byte in body:
        value |= (byte & 127) << shift
        if byte & 128:
            shift += 7
            continue
        last += value
        ids.append(last)
        value = shift = 0
    return _Postings(ids, scores)


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


def _chunk_bytes(docs: Sequence[SearchDoc]) -> bytes:
    return _json([[d.url, d.title, d.kind, d.date or "", d.summary] for d in docs])


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


# --- the index on disk ------------------------------------------------------------------


class _Index:
    def __init__(self, state_dir: Path, docs: list[SearchDoc]) -> None:
        self.dir = state_dir
        self.out = state_dir / "site"
        self.spaces = order(docs)
        self.languages = sorted({d.language for d in docs})
        self.stops = sorted({w for lang in self.languages for w in stop_words(lang)})
        self.prints = {s: [fingerprint(d) for d in docs_] for s, docs_ in self.spaces.items()}
        self.files: dict[str, list] = {}  # destination -> [digest of its bytes, size, modification time]
        self.terms_cache: dict[str, list[str]] = {}

    # -- a clean build

    def rebuild(self) -> None:
        _remove(self.dir / "state.json")
        postings: dict[str, dict[str, _Postings]] = defaultdict(dict)
        doc_words: dict[str, list[str]] = {}
        for space, docs in self.spaces.items():
            words_of = []
            for i, doc in enumerate(docs):
                terms = doc_terms(doc)
                words_of.append(" ".join(sorted(terms)))
                for term, score in terms.items():
                    p = postings[term].get(space)
                    if p is None:
                        p = postings[term][space] = _Postings()
                    p.ids.append(i)
                    p.scores.append(score)
            doc_words[space] = words_of
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
        for space, docs in self.spaces.items():
            for n in range(0, len(docs), CHUNK):
                files[f"{PREFIX}d/{space}{n // CHUNK}.json"] = _chunk_bytes(docs[n:n + CHUNK])
        self.files = {}
        for dest, data in files.items():
            self._put(dest, data)
        self._write_meta()
        keep = {str(self.out / d) for d in self.files}
        for path in sorted(self.out.rglob("*")) if self.out.exists() else []:
            if path.is_file() and str(path) not in keep:
                path.unlink()
        terms_dir = self.dir / "terms"
        if terms_dir.exists():
            for path in terms_dir.iterdir():
                path.unlink()
        for space, words_of in doc_words.items():
            for n in range(0, len(words_of), STATE_CHUNK):
                self._write_state_terms(space, n // STATE_CHUNK, words_of[n:n + STATE_CHUNK])
        self._write_state()

    # -- an update of what changed

    def update(self) -> bool:
        """Patch the files from the last build; False when a clean build is needed."""
        state = _read_json(self.dir / "state.json")
        if not state or state.get("code") != code_version() or state.get("stops") != self.stops:
            return False
        old_files: dict[str, list] = state["files"]
        if not self._files_intact(old_files):
            return False
        changed: dict[str, list[int]] = {}
        for space in SPACES:
            old, new = state["prints"][space], self.prints[space]
            changed[space] = [i for i in range(max(len(old), len(new)))
                              if i >= len(old) or i >= len(new) or old[i] != new[i]]
        total = sum(len(v) for v in self.prints.values())
        if sum(len(v) for v in changed.values()) > max(16, MAX_CHANGED * total):
            return False
        self.files = dict(old_files)
        _remove(self.dir / "state.json")  # until the update is complete: if it is interrupted, the next build starts clean
        # Words of the pages that change: before (from the state) and after.
        removed: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))  # term -> space -> ids
        added: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))  # term -> space -> id -> score
        new_words: dict[tuple[str, int], str] = {}
        for space, ids in changed.items():
            docs = self.spaces[space]
            old_count = len(state["prints"][space])
            for i in ids:
                if i < old_count:
                    for term in self._state_terms(space, i).split():
                        removed[term][space].add(i)
                if i < len(docs):
                    terms = doc_terms(docs[i])
                    new_words[(space, i)] = " ".join(sorted(terms))
                    for term, score in terms.items():
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
            docs = self.spaces[space]
            old_chunks = -(-len(state["prints"][space]) // CHUNK)
            for n in sorted({i // CHUNK for i in ids}):
                dest = f"{PREFIX}d/{space}{n}.json"
                if n * CHUNK < len(docs):
                    self._put(dest, _chunk_bytes(docs[n * CHUNK:(n + 1) * CHUNK]))
                elif n < old_chunks:
                    self._drop(dest)
        self._write_meta()
        # The state: words of the changed pages, then the fingerprints.
        for space, ids in changed.items():
            count = len(self.spaces[space])
            for n in sorted({i // STATE_CHUNK for i in ids}):
                words_of = [self._state_terms(space, i) if (space, i) not in new_words else new_words[(space, i)]
                            for i in range(n * STATE_CHUNK, min(count, (n + 1) * STATE_CHUNK))]
                if words_of:
                    self._write_state_terms(space, n, words_of)
                else:
                    _remove(self.dir / "terms" / f"{space}{n}.json")
        self._write_state()
        return True

    # -- pieces

    def _stops_by_key(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for word in self.stops:
            out[shard_key(word)].append(word)
        return out

    def _files_intact(self, files: dict[str, list]) -> bool:
        """Every file of the last build is there as it was written (size and time), and no other."""
        present = {}
        for path in self.out.rglob("*") if self.out.exists() else []:
            if path.is_file():
                st = path.stat()
                present[str(path.relative_to(self.out)).replace(os.sep, "/")] = [st.st_size, st.st_mtime_ns]
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
                "articles": len(self.spaces["a"]), "pages": len(self.spaces["p"]), "terms": " ".join(keys),
                "spellings": " ".join(spellings)}
        self._put(f"{PREFIX}meta.json", _json(meta))

    def _state_terms(self, space: str, i: int) -> str:
        name = f"{space}{i // STATE_CHUNK}"
        if name not in self.terms_cache:
            self.terms_cache[name] = _read_json(self.dir / "terms" / f"{name}.json") or []
        chunk = self.terms_cache[name]
        return chunk[i % STATE_CHUNK] if i % STATE_CHUNK < len(chunk) else ""

    def _write_state_terms(self, space: str, n: int, words_of: list[str]) -> None:
        _write_if_changed(self.dir / "terms" / f"{space}{n}.json", _json(words_of))

    def _write_state(self) -> None:
        state = {"code": code_version(), "stops": self.stops, "prints": self.prints, "files": self.files}
        _write_if_changed(self.dir / "state.json", _json(state))


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
