"""The progress bar people see while articles are read: on a terminal only, and only when it lasts.

Both the `digest` command and the MkDocs plugin use it. It writes to standard error (where
MkDocs logs too), appears after a second, so a rebuild under `mkdocs serve` that reads one
new file shows nothing, and clears itself when done.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable


def reading_progress(items: Iterable, total: int | None = None, unit: str = "file") -> Iterable:
    stream = sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()):
        # What tqdm's disable=None gives off a terminal (a build's usual case, its logs in a file
        # or a pipe), without importing tqdm on every `mkdocs build`.
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="Reading articles", unit=unit, disable=None, leave=False,
                delay=1.0, file=stream)
