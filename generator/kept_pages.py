"""Under `mkdocs serve --dirty`, the File and Page MkDocs gets for an unchanged page, made from
the last rebuild's.

Every rebuild hands MkDocs a File and a Page for each page of the site (19,000 at 10,000
articles), though a dropped article changes a few dozen of them: made one by one, ~30 µs a
page, half a second of every rebuild on a slow machine. A File and a Page are made from a few
values (`key`: the page store file the page is read from, its inclusion, the site folder, the
settings Page.__init__ reads, the build date, ...). `KeptPages` keeps, per page, the key and
both objects' attributes as they were right after they were made, before MkDocs read or
rendered anything; a page whose key is the same gets two new objects with those attributes.
Only a page's empty `toc` and `meta` are mutable there, and each new page gets its own.

With DIGEST_VERIFY_PAGE_MEMO=1 (the test suite sets it, see pages.memo) every page taken so is
made again the usual way and compared, and a difference stops the build naming the page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .pages.memo import VERIFY_VARIABLE

# Attributes a made File or Page may hold, other than each other: values, never changed in place
# (a page's empty toc and meta are given anew: _MUTABLE).
_LINKS = ("page", "file")
_MUTABLE = {"toc": list, "meta": dict}


class StaleObjects(AssertionError):
    """A File or Page taken from the last rebuild differs from one made anew: `key` misses something."""


class KeptPages:
    def __init__(self) -> None:
        # uri -> (key, File's class and attributes, Page's class and attributes)
        self._made: dict[str, tuple] = {}
        self._next: dict[str, tuple] = {}
        self.verify = os.environ.get(VERIFY_VARIABLE) == "1"
        self.taken = 0

    def start(self) -> None:
        """A rebuild begins: what the last complete one made is what may be taken."""
        if self._next:
            self._made, self._next = self._next, {}
        self.taken = 0

    def made(self, uri: str, key: tuple, make: Callable[[], tuple[Any, Any]]) -> tuple[Any, Any]:
        """The (File, Page) for `uri`: from the kept attributes when `key` is theirs, else `make()`."""
        kept = self._made.get(uri)
        if kept is not None and kept[0] == key:
            file, page = _rebuilt(kept)
            if self.verify:
                _compare(uri, (file, page), make())
            self.taken += 1
            self._next[uri] = kept
            return file, page
        file, page = make()
        state = _state(file, page)
        if state is not None:
            self._next[uri] = (key, *state)
        return file, page

    def forget(self) -> None:
        """A rebuild failed: what it made is not kept (the last complete one's is)."""
        self._next = {}


def _state(file: Any, page: Any) -> tuple | None:
    """Both objects' classes and attributes, or None when one holds a value that could be changed
    in place (then it is not kept)."""
    file_state, page_state = _plain(file), _plain(page)
    for state in (file_state, page_state):
        for name, value in state.items():
            if isinstance(value, (list, dict, set, bytearray)) and not (name in _MUTABLE and not value):
                return None
    return type(file), file_state, type(page), page_state


def _rebuilt(kept: tuple) -> tuple[Any, Any]:
    _, file_class, file_state, page_class, page_state = kept
    file, page = object.__new__(file_class), object.__new__(page_class)
    file.__dict__.update(file_state)
    page.__dict__.update(page_state)
    for name, kind in _MUTABLE.items():
        if name in page_state:
            page.__dict__[name] = kind()
    file.__dict__["page"], page.__dict__["file"] = page, file
    return file, page


def _compare(uri: str, taken: tuple[Any, Any], fresh: tuple[Any, Any]) -> None:
    for old, new in zip(taken, fresh):
        if type(old) is not type(new) or _plain(old) != _plain(new):
            raise StaleObjects(f"{uri}: the {type(new).__name__} taken from the last rebuild differs from one "
                               "made now: its key (kept_pages) leaves something out")


def _plain(obj: Any) -> dict:
    """An object's attributes without its link to the other one (a File's page, a Page's file)."""
    return {k: v for k, v in vars(obj).items() if k not in _LINKS}
