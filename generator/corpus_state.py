"""What the corpus stages keep between builds: one file, `<cache_dir>/corpus.state`.

The file holds what lets the next build redo only what changed (see `pipeline`): which
files were read and what their bytes hash to, the taxonomies as loaded, the pairs of
near-duplicate articles, and per-article results of the corpus stages (`enrich.memo`). It is
trusted only when everything about it checks out:

- a fixed magic line and format number, then the key it was written for (digest's code
  version, the owner's taxonomy files, the options: `pipeline._namespace`), then a SHA-256 of
  the payload, then the pickled payload;
- it is written to a temporary file, flushed to disk (fsync), then renamed over the old
  one, and the folder is synced: a build killed at any moment leaves the old file or the
  new one, never half of one.

A file that fails a check (cut short, edited, written by other code or for other options)
is not used: the build recomputes everything from the articles, says so once, and writes
a good file. Deleting the file is always safe.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .paths import CUT_SHORT, DAMAGED, NOT_OURS, OTHER_KEY, OTHER_VERSION, read_checked, write_checked

MAGIC = b"digest corpus state\n"
FORMAT = b"1"
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
            state = pickle.loads(payload)
        except Exception as exc:  # checksum matched but the payload is not ours: never trusted
            reason = f"its contents cannot be read ({type(exc).__name__})"
        else:
            if isinstance(state, CorpusState):
                return state, None
            reason = "it holds something else"
    return CorpusState(), f"the corpus state was not used: {reason}; everything was recomputed and the file rewritten"


_REASONS = {
    NOT_OURS: "it is not a digest corpus state",
    CUT_SHORT: "it is cut short",
    OTHER_VERSION: "it was written by another version of digest",
    OTHER_KEY: "it was written by another version of digest, or for other options or taxonomy files",
    DAMAGED: "it is damaged (its checksum does not match)",
}


def save_state(folder: Path | None, key: str, state: CorpusState) -> None:
    """Write `state` for `key` atomically (see the module docstring). A folder that cannot be
    written (a read-only checkout) is not an error: the next build just recomputes."""
    if folder is None:
        return
    try:
        write_checked(folder / FILE_NAME, MAGIC, FORMAT, key.encode("ascii"),
                      pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
