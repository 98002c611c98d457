"""The version of digest's own code and data, for every cache and state file that must not be
trusted once either changed (the extraction cache, the corpus state, the page memo, the search
hand-over). At the bottom of the layers, so that each of those can ask it."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import __version__


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of digest's own code and data: a cache written by other code is never trusted."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".gz", ".json", ".yml", ".yaml", ".txt", ".npz") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
