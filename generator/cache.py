"""What digest reuses between builds: the per-file work, stored in one SQLite file.

For each input file the pipeline stores what reading it produced (the article or the
reason it was rejected, and the per-article analyses), under a key made of the file's
path and SHA-256 and a namespace: a hash of everything the result depends on (digest's
version, the extractors' versions, the owner's taxonomy files, the options that shape
articles). A changed file, option or taxonomy simply misses. Entries no build uses any
more are pruned at the end of a run. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .model import Problem, Severity

def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    try:
        db.execute(_SCHEMA)
        db.execute("SELECT key FROM extracted LIMIT 1").fetchall()
    except sqlite3.Error:
        db.close()
        raise
    return db


_SCHEMA = "CREATE TABLE IF NOT EXISTS extracted (key TEXT PRIMARY KEY, value BLOB NOT NULL)"


def namespace(*parts: object) -> str:
    """A short, stable hash of everything a cached result depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Pickled per-file results in `<folder>/extract.sqlite3`; a cache that cannot be opened is
    simply not used (a read-only checkout still builds). A file that is not an SQLite database
    (damaged, or something else under that name) is replaced, with one note in `notes`."""

    def __init__(self, folder: Path | None, space: str) -> None:
        self.space = space
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

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        if self._db is None:
            return {}
        found: dict[str, Any] = {}
        keys = list(keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(f"SELECT key, value FROM extracted WHERE key IN ({marks})", chunk).fetchall()
            except sqlite3.Error as exc:
                self._broken(exc)
                return found
            for key, blob in rows:
                try:
                    found[key] = pickle.loads(blob)
                except Exception:  # written by another version of digest: recompute
                    continue
        return found

    def put_many(self, items: Mapping[str, Any]) -> None:
        if self._db is None or not items:
            return
        rows = [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items.items()]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO extracted (key, value) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass

    def prune(self, used: Iterable[str]) -> None:
        """Forget every entry this run did not use (deleted files, old versions, other options)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM used")
                self._db.executemany("INSERT OR IGNORE INTO used (key) VALUES (?)", ((k,) for k in used))
                self._db.execute("DELETE FROM extracted WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
