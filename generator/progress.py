"""The progress bar people see while articles are read: on a terminal only, and only when it lasts.

Both the `digest` command and the MkDocs plugin use it. It writes to standard error (where
MkDocs logs too), appears after a second, so a rebuild under `mkdocs serve` that reads one
new file shows nothing, and clears itself when done.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tqdm import tqdm


def reading_progress(items: Iterable, total: int | None = None, unit: str = "file") -> Iterable:
    return tqdm(items, total=total, desc="Reading articles", unit=unit, disable=None, leave=False,
                delay=1.0, file=sys.stderr)
