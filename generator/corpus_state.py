"""What the corpus stages keep between builds: one file, `<cache_dir>/corpus.state`.

The file holds what lets the next build redo only what changed (see `pipeline`): which
files were read and what their bytes hash to, the taxonomies as loaded, the pairs of
near-duplicate articles, and per-article results of the corpus stages (`enrich.memo`). It is
trusted only when everything about it checks out:

- a fixed magic line and format number, then the key it was written for (digest's code
  version, the owner's taxonomy files, the options: `pipeline._namespace`), then a SHA-256 of
  the payload, then the payload: the state in parts, each pickled on its own (see `_parts`);
- it is written to a temporary file, flushed to disk (fsync), then renamed over the old
  one, and the folder is synced: a build killed at any moment leaves the old file or the
  new one, never half of one.

A file that fails a check (cut short, edited, written by other code or for other options)
is not used: the build recomputes everything from the articles, says so once, and writes
a good file. Deleting the file is always safe.
"""

from __future__ import annotations

import pickle
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .enrich.memo import StateWithTable
from .paths import CUT_SHORT, DAMAGED, NOT_OURS, OTHER_KEY, OTHER_VERSION, read_checked, write_checked

MAGIC = b"digest corpus state\n"
FORMAT = b"3"
FILE_NAME = "corpus.state"


@dataclass
class CorpusState:
    """The payload. Every field is a plain dict of plain values, keyed so that an entry for a
    file that changed can never be mistaken for the current one."""

    # source -> (size, mtime_ns, inode, sha256) of files whose hash is known
    stats: dict[str, tuple[int, int, int, str]] = field(default_factory=dict)
    # the taxonomies as loaded: (sha256 of both files, the loaded value)
    taxonomies: tuple[str, Any] | None = None
    # near-duplicate detection: identity of each print compared -> pairs found among them
    duplicates: Any = None
    # the corpus stages' per-article results: step -> source -> (inputs, result) (see enrich.memo)
    memo: Any = None
    # (not state: each part as loaded, and its pickled bytes, which `save_state` writes again
    # for a part whose every entry is still the very object loaded)
    loaded: dict[str, tuple[Any, bytes]] = field(default_factory=dict, repr=False, compare=False)


# The state is saved in parts: the stats, each memo table and each step's table of a kept state
# (`enrich.memo.StateWithTable`) in shards by source, the rest whole.
# A drop leaves most entries the very objects loaded (a memo entry reused, a file's stat kept):
# a shard of those is written as the bytes it was read from, not pickled again (pickling the
# whole state took about 0.2 s of every build at 10,000 articles). Tables are looked up by
# source, never iterated for their order, so a table made again from its shards is the same.
_SHARDS = 64
_WHOLE = "whole"  # the part holding the fields kept whole, and the memo's table names


def _shard_of(source: str) -> int:
    return zlib.crc32(source.encode("utf-8", "surrogatepass")) % _SHARDS


def _parts(state: CorpusState) -> Iterator[tuple[str, Any]]:
    """The state's parts by name; shards are dicts by source. A memo value that is not a table by
    source (a step's corpus-wide facts, `CorpusMemo.keep_state`) is a part of its own."""
    memo = state.memo if isinstance(state.memo, dict) else None
    names = None if memo is None else tuple(memo)
    yield _WHOLE, (state.taxonomies, state.duplicates, names, state.memo if memo is None else None)
    tables = [("stats", state.stats)]
    for name, value in (memo or {}).items():
        if type(value) is dict:
            tables.append((f"memo {name}", value))
        elif type(value) is StateWithTable and type(value.value[value.at]) is dict:
            # the state without its table, and the table in shards beside it
            yield f"memo state {name}", value.with_table(None)
            tables.append((f"memo state table {name}", value.value[value.at]))
        else:
            yield f"memo state {name}", value
    shard_of: dict[str, int] = {}
    for prefix, table in tables:
        shards: list[dict] = [{} for _ in range(_SHARDS)]
        for source, entry in table.items():
            shard = shard_of.get(source)
            if shard is None:
                shard = shard_of[source] = _shard_of(source)
            shards[shard][source] = entry
        for number, shard in enumerate(shards):
            yield f"{prefix} {number}", shard


def _unchanged(old: Any, new: Any) -> bool:
    """True when `new` is a shard of the very entries `old` was (nothing to pickle again)."""
    if type(old) is not dict or type(new) is not dict or len(old) != len(new):
        return False
    missing = object()
    return all(old.get(source, missing) is entry for source, entry in new.items())


def _state_from_parts(parts: tuple) -> CorpusState:
    """The state `_payload` saved (raises on anything else)."""
    loaded = {name: (pickle.loads(data), data) for name, data in parts}
    (taxonomies, duplicates, memo_names, memo_other), _ = loaded[_WHOLE]
    stats = _joined(loaded, "stats")
    memo = memo_other
    if memo_names is not None:
        memo = {}
        for name in memo_names:
            if f"memo state {name}" in loaded:
                value = memo[name] = loaded[f"memo state {name}"][0]
                if type(value) is StateWithTable and value.value[value.at] is None:
                    memo[name] = value.with_table(_joined(loaded, f"memo state table {name}"))
            else:
                memo[name] = _joined(loaded, f"memo {name}")
    return CorpusState(stats, taxonomies, duplicates, memo, loaded)


def _joined(loaded: dict[str, tuple[Any, bytes]], prefix: str) -> dict:
    """The table `_parts` saved in shards under `prefix`."""
    table: dict = {}
    for number in range(_SHARDS):
        table.update(loaded[f"{prefix} {number}"][0])
    return table


def _payload(state: CorpusState) -> tuple[bytes, dict[str, tuple[Any, bytes]]]:
    """The file's payload, and each part as written and its bytes (what `loaded` holds after a load)."""
    parts, written = [], {}
    for name, value in _parts(state):
        old = state.loaded.get(name)
        if name != _WHOLE and old is not None and _unchanged(old[0], value):
            data = old[1]
        else:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        parts.append((name, data))
        written[name] = (value, data)
    return pickle.dumps(tuple(parts), protocol=pickle.HIGHEST_PROTOCOL), written


def load_state(folder: Path | None, key: str) -> tuple[CorpusState, str | None]:
    """The state kept in `folder` for `key`, or a fresh one; and a note for the owner when a
    file was there but could not be trusted (None when there was no file or it was good)."""
    if folder is None:
        return CorpusState(), None
    path = folder / FILE_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return CorpusState(), None
    except OSError as exc:
        return CorpusState(), f"the corpus state could not be read ({exc.strerror or exc}); everything was recomputed"
    payload, problem = read_checked(data, MAGIC, FORMAT, key.encode("ascii"))
    reason = _REASONS.get(problem)
    if payload is not None:
        try:
            return _state_from_parts(pickle.loads(payload)), None
        except Exception as exc:  # checksum matched but the payload is not ours: never trusted
            reason = f"its contents cannot be read ({type(exc).__name__})"
    return CorpusState(), f"the corpus state was not used: {reason}; everything was recomputed and the file rewritten"


_REASONS = {
    NOT_OURS: "it is not a digest corpus state",
    CUT_SHORT: "it is cut short",
    OTHER_VERSION: "it was written by another version of digest",
    OTHER_KEY: "it was written by another version of digest, or for other options or taxonomy files",
    DAMAGED: "it is damaged (its checksum does not match)",
}


def save_state(folder: Path | None, key: str, state: CorpusState, *, in_thread: bool = False) -> threading.Thread | None:
    """Write `state` for `key` atomically (see the module docstring). A folder that cannot be
    written (a read-only checkout) is not an error: the next build just recomputes.

    With `in_thread`, the payload is made here and the file written by a thread of its own,
    returned to be joined: hashing, writing and syncing 30 MB at 10,000 articles (~0.09 s) is
    no Python work, so it runs beside the build's next stages on another core. The thread is not
    a daemon: the process waits for it before it exits."""
    if folder is None:
        return None
    payload, state.loaded = _payload(state)  # (as a load from the file would leave it: see StateHeld)
    if not in_thread:
        _write(folder, key, payload)
        return None
    thread = threading.Thread(target=_write, args=(folder, key, payload), name="digest-corpus-state")
    thread.start()
    return thread


def _write(folder: Path, key: str, payload: bytes) -> None:
    try:
        write_checked(folder / FILE_NAME, MAGIC, FORMAT, key.encode("ascii"), payload)
    except OSError:
        pass


class StateHeld:
    """The state a process's last build ended with, for its next build (`mkdocs serve`), in place
    of loading the file again (~0.25 s at 10,000 articles). It is handed out once and only for the
    key it was kept for: a build that fails midway may leave its state half updated, and the next
    build then loads the file, as a new process would. A state in memory is as good as the file
    it was saved to: each step's memo and kept facts describe the articles they were made from,
    whatever another process wrote to the file since.

    With `save_later`, `keep` does not write the file: `save` writes it in a thread once the
    build is done (`mkdocs serve` calls it when the rebuilt site is on disk, while browsers
    reload), which took ~0.2 s of every rebuild at 10,000 articles. Until then the file holds
    an earlier build's state, as good as any: a build loads it only when memory holds nothing
    sure. Nothing touches the kept state while it is written: `take`, `keep` and `wait` wait
    for the writing to end.

    With `write_behind` (`mkdocs build`, one build a process), `keep` makes the file's payload
    at once and a thread writes it while the build goes on (`save_state(in_thread=True)`); `wait`
    joins it. Nothing is kept for a next build: the state's memory is freed as the build goes on,
    and a next build in the same process loads the file, as a new process would."""

    def __init__(self, save_later: bool = False, write_behind: bool = False) -> None:
        self.save_later = save_later
        self.write_behind = write_behind
        self._key: str | None = None
        self._state: CorpusState | None = None
        self._unsaved: tuple[Path | None, str, CorpusState] | None = None
        self._saving: threading.Thread | None = None

    def take(self, key: str) -> CorpusState | None:
        self.wait()
        self._unsaved = None  # (the build taking it saves what it makes of it)
        state, self._state = self._state, None
        return state if self._key == key else None

    def keep(self, key: str, state: CorpusState, folder: Path | None) -> None:
        """Keep `state` for the next build, saved to `folder` now or, with `save_later`, by `save`."""
        self.wait()
        if self.write_behind:
            self._key, self._state = None, None
            self._saving = save_state(folder, key, state, in_thread=True)
            return
        self._key, self._state = key, state
        if self.save_later:
            self._unsaved = (folder, key, state)
        else:
            save_state(folder, key, state)

    def save(self) -> None:
        """Write the kept state, if `keep` left it unsaved, in a thread of its own."""
        if self._unsaved is not None and self._saving is None:
            args, self._unsaved = self._unsaved, None
            self._saving = threading.Thread(target=save_state, args=args, name="digest-corpus-state")
            self._saving.start()

    def wait(self) -> None:
        """Until the state `save` writes is on disk."""
        if self._saving is not None:
            self._saving.join()
            self._saving = None
