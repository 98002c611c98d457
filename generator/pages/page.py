"""A generated page (path, front matter, Markdown body) and the set that refuses duplicates."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import frontmatter

from ..model import evolve
from . import urls


@dataclass(frozen=True)
class Page:
    src_uri: str  # MkDocs source path, computed only in pages.urls
    body: str  # Markdown; any article text in it is already escaped
    meta: dict[str, Any] = field(default_factory=dict)
    kind: str = "page"  # "article", "entity", "topic", "index", ...
    in_nav: bool = False
    origin: str = "digest"  # what produced it, named when two pages want one path
    owner_markdown: bool = False  # holds the owner's own Markdown (and so possibly their HTML)

    def fingerprint(self) -> str:
        """A hash of what `text()` is made from: equal fingerprints, equal files. Much cheaper
        than writing the front matter, which is what deciding that a page is unchanged needs.
        Kept with the page: a page reused from the last build (memo.py) is not hashed again."""
        known = self.__dict__.get("_fingerprint")
        if known is None:
            known = self.__dict__["_fingerprint"] = self._hash()
        return known

    def _hash(self) -> str:
        head = json.dumps([self.src_uri, self.meta], default=str, ensure_ascii=False)
        digest = hashlib.sha256(head.encode("utf-8"))
        digest.update(b"\0")  # JSON never holds a NUL byte: the head cannot run into the body
        digest.update(self.body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def text(self) -> str:
        """The page file: YAML front matter written by a YAML library, then the body."""
        if not self.meta:
            return self.body
        post = frontmatter.Post(self.body)
        post.metadata.update(self.meta)
        return frontmatter.dumps(post, sort_keys=False, width=100) + "\n"


class Unit(NamedTuple):
    """Pages rendered together (a day's briefing, a month of the archive), as render_site
    takes them: `inputs()` is everything `make()` renders them from (see memo.py), where the
    articles they show stand as their tokens (`Tokens`), so equal inputs make equal pages.
    Inputs are plain data where they can be (dates as numbers, `Paging.key()`): the memo
    serializes those fastest (memo.serialized)."""

    kind: str
    uris: list[str]  # the src_uris `make` returns, in order
    inputs: Callable[[], tuple]
    make: Callable[[], list[Page]]


# Articles -> their tokens (pages.memo): what stands for the articles a page shows in its inputs,
# each article's 16-byte digest of what listings show of it, joined in the articles' order.
Tokens = Callable[[Any], bytes]


class DuplicatePage(ValueError):
    pass


class PageSet:
    """Pages by path, in insertion order. Two pages for one path is an error naming both."""

    def __init__(self, directory_urls: bool = True) -> None:
        self._pages: dict[str, Page] = {}
        self.directory_urls = directory_urls

    def add(self, page: Page) -> None:
        """Add a page, with the links in its HTML blocks (urls.link) made relative to it."""
        other = self._pages.get(page.src_uri)
        if other is not None:
            raise DuplicatePage(f"two pages want '{page.src_uri}': {other.origin} and {page.origin}")
        if "\x01" in page.body:
            page = evolve(page, body=urls.resolve_links(page.body, page.src_uri, self.directory_urls))
        self._pages[page.src_uri] = page

    def add_resolved(self, page) -> None:
        """Add a page as it is: one this set's kind made in an earlier build (see memo.py),
        its links already resolved."""
        other = self._pages.get(page.src_uri)
        if other is not None:
            raise DuplicatePage(f"two pages want '{page.src_uri}': {other.origin} and {page.origin}")
        self._pages[page.src_uri] = page

    def __iter__(self):
        return iter(self._pages.values())

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._pages

    def get(self, src_uri: str) -> Page | None:
        return self._pages.get(src_uri)
