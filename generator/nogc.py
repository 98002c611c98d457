"""Pausing CPython's cycle collector around work that makes millions of small objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """A build allocates millions of small, acyclic objects (cached articles, mentions, the
    site model, page texts); the cycle collector would rescan all of them again and again
    (a quarter of a warm build at 10,000 articles). Reference counting still frees them.
    Nested uses are fine: only the outermost turns collection back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FrozenHeap:
    """Keeps the cycle collector off what a build has made so far, until `release`.

    Once the generator is done, its millions of objects (the site model a build keeps to the
    end) were all made with collection paused, so they all sit in the youngest generation:
    the first collections after it would walk every one of them, and then again as they age
    (about 2 s of a `--dirty` build at 10,000 articles). `gc.freeze` moves them out of the
    collector's sight; reference counting still frees them, and `release` hands them back
    (under `mkdocs serve`, at the end of each build). Idempotent both ways."""

    def __init__(self) -> None:
        self.frozen = False

    def freeze(self) -> None:
        gc.freeze()
        self.frozen = True

    def release(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
