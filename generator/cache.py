"""What digest reuses between builds: the per-file work, stored in one SQLite file.

For each input file the pipeline stores what reading it produced (the article or the
reason it was rejected, and the per-article analyses), and apart from it the article's
text (its blocks and rendered body: more than half the bytes, and needed only for the few
pages a `--dirty` build renders again; see `StoredBlocks`), under a key made of the file's
path and SHA-256 and a namespace: a hash of everything the result depends on (digest's
version, the extractors' versions, the owner's taxonomy files, the options that shape
articles). A changed file, option or taxonomy simply misses. Entries no build uses any
more are pruned at the end of a run. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .model import Problem, Severity

def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    try:
        for table in _TABLES:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.execute(f"SELECT key FROM {table} LIMIT 1").fetchall()
    except sqlite3.Error:
        db.close()
        raise
    return db


_TABLES = ("extracted", "texts")  # key -> the pickled result; key -> its article's text
_SCAN_FROM = 2000  # keys looked up at once from which a table is read in one pass (see `_rows`)


def namespace(*parts: object) -> str:
    """A short, stable hash of everything a cached result depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class ExtractionCache:
    """Per-file results in `<folder>/extract.sqlite3`; a cache that cannot be opened is
    simply not used (a read-only checkout still builds). A file that is not an SQLite database
    (damaged, or something else under that name) is replaced, with one note in `notes`.

    Results are stored as `encode` makes them and read back with `decode` (by default pickled);
    an entry `decode` rejects (raises) is a miss, recomputed. Texts are always pickled."""

    def __init__(self, folder: Path | None, space: str, encode: Callable[[Any], bytes] = _pickled,
                 decode: Callable[[bytes], Any] = pickle.loads) -> None:
        self.space = space
        self._encode, self._decode = encode, decode
        self.notes: list[Problem] = []
        self._path: Path | None = None
        self._db: sqlite3.Connection | None = None
        if folder is None:
            return
        path = self._path = folder / "extract.sqlite3"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = _open(path)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                return  # another build holds it: build without the cache
            self.notes.append(Problem(str(path), f"the cache of read articles was not used: it is damaged ({exc}); "
                                      "every article was read again and the cache rebuilt", Severity.INFO))
            try:
                path.unlink()
                self._db = _open(path)
            except (OSError, sqlite3.Error):
                self._db = None
        except OSError:
            self._db = None

    def _broken(self, exc: sqlite3.Error) -> None:
        """A read failed midway: the file is damaged; stop using it, say so once."""
        if not self.notes:
            self.notes.append(Problem(str(self._path), f"the cache of read articles is damaged ({exc}); "
                                      "articles were read again", Severity.INFO))

    def key(self, source: str, sha256: str) -> str:
        return f"{self.space}:{sha256}:{source}"

    def get_many(self, keys: Iterable[str], table: str = "extracted",
                 decode: Callable[[str, bytes], Any] | None = None) -> dict[str, Any]:
        """The stored values of those `keys` that are in `table` ("extracted" or "texts"), each
        made by `decode(key, stored bytes)` when given (else as the cache decodes that table)."""
        if self._db is None:
            return {}
        found: dict[str, Any] = {}
        if decode is None:
            plain = self._decode if table == "extracted" else pickle.loads
            decode = lambda key, blob: plain(blob)  # noqa: E731
        keys = list(keys)
        try:
            for key, blob in self._rows(table, keys):
                try:
                    found[key] = decode(key, blob)
                except Exception:  # written by other code, or damaged: recompute
                    continue
        except sqlite3.Error as exc:
            self._broken(exc)
        return found

    def _rows(self, table: str, keys: list[str]) -> Iterator[tuple[str, bytes]]:
        """The (key, stored bytes) rows of `table` for `keys`. Many keys (every file of a build
        whose files are mostly as they were) are read in one pass over the table, the rows of
        other keys skipped: a build prunes the rows it did not use, so there are few, and the
        pass took half the time of looking 10,000 keys up 500 at a time."""
        if len(keys) >= _SCAN_FROM:
            wanted = set(keys)
            cursor = self._db.execute(f"SELECT key, value FROM {table}")
            while rows := cursor.fetchmany(1000):
                yield from (row for row in rows if row[0] in wanted)
            return
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk).fetchall()

    def put_many(self, items: Mapping[str, Any], texts: Mapping[str, Any] | None = None) -> None:
        """Store `items` (key -> result) and `texts` (key -> its article's text), in one transaction."""
        if self._db is None or not items:
            return
        try:
            with self._db:
                for table, values, encode in (("extracted", items, self._encode), ("texts", texts or {}, _pickled)):
                    rows = [(key, encode(value)) for key, value in values.items()]
                    self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass

    def prune(self, used: Iterable[str]) -> None:
        """Forget every entry this run did not use (deleted files, old versions, other options).
        The keys are read (from the key index alone) and only the others deleted: a build
        that uses every entry, as a drop does, writes nothing (a table of the used keys, made
        and compared with each table, took 0.1 s of every build at 10,000 files)."""
        if self._db is None:
            return
        used = set(used)
        try:
            with self._db:
                for table in _TABLES:
                    stale = [row for row in self._db.execute(f"SELECT key FROM {table}") if row[0] not in used]
                    if stale:
                        self._db.executemany(f"DELETE FROM {table} WHERE key = ?", stale)
        except sqlite3.Error:
            pass

    def text_reader(self) -> TextReader | None:
        """What reads one article's text back later in the build (None without a cache)."""
        return TextReader(self._path) if self._db is not None and self._path is not None else None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class TextReader:
    """Reads the text of one article at a time from the cache file, over a read-only
    connection of its own, opened on first use: the pipeline has closed its own by then, and
    under `mkdocs serve` the next read may come from another thread (hence the lock)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        """The stored text for `key`, or None when it is not there (any more) or unreadable."""
        with self._lock:
            try:
                if self._db is None:
                    self._db = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                               check_same_thread=False)
                row = self._db.execute("SELECT value FROM texts WHERE key = ?", (key,)).fetchone()
                return None if row is None else pickle.loads(row[0])
            except Exception:  # gone, damaged or written by other code: the caller reads the file again
                return None


class StoredBlocks(Sequence):
    """An article's blocks (`Article.blocks`) still in the cache: read, with the page body
    stored beside them, the first time anything looks at them. A `--dirty` build at 10,000
    articles needs the text of the few articles whose pages or search entries it makes again;
    loading all of it took about 0.5 s. `owner_markdown` (whether a block is the owner's own
    Markdown, which every page of the build is asked) is known without reading them.

    It is a sequence equal to the tuple of blocks, and pickles as that tuple. When the stored
    text is gone (another build pruned it), `reread()` makes it again from the file."""

    __slots__ = ("_reader", "_key", "_reread", "_text", "owner_markdown")

    def __init__(self, reader: TextReader, key: str, owner_markdown: bool,
                 reread: Callable[[], tuple[tuple, str | None]]) -> None:
        self._reader, self._key, self._reread = reader, key, reread
        self._text: tuple[tuple, str | None] | None = None
        self.owner_markdown = owner_markdown

    def _loaded(self) -> tuple[tuple, str | None]:
        if self._text is None:
            self._text = self._reader.get(self._key) or self._reread()
        return self._text

    @property
    def body(self) -> str | None:
        """The article page's body, rendered when the file was read (None: render it from the blocks)."""
        return self._loaded()[1]

    def __getitem__(self, index):
        return self._loaded()[0][index]

    def __len__(self) -> int:
        return len(self._loaded()[0])

    def __iter__(self):
        return iter(self._loaded()[0])

    def __eq__(self, other: object) -> bool:
        return self._loaded()[0] == (other._loaded()[0] if isinstance(other, StoredBlocks) else other)

    def __hash__(self) -> int:
        return hash(self._loaded()[0])

    def __repr__(self) -> str:
        return repr(self._loaded()[0])

    def __reduce__(self):
        return tuple, (self._loaded()[0],)
