"""Pages of the last build, reused where what a page is rendered from has not changed.

Dropping one article into a digest of 10,000 changes a few dozen pages; rendering all of
them again cost about 3 s. A page kind that takes part renders from one value holding
everything its text depends on (`article.ArticleInputs` for an article page), and
`PageMemo` keeps, for each page, a digest of that value. When this build's value has the
digest the last build's had, the last build's page is taken as it is.

The digest is a hash of the value serialized, keyed with everything else a page's text depends
on (`salt`: digest's code, the options, the site's name, address and URL style). A value of
plain data (tuples, lists, strings, numbers, bytes, None) is written by `marshal` (format 2,
which, unlike later formats, never writes back-references that depend on how objects are
shared); anything else (a date, a dataclass) makes the value pickled instead, about twice as
slow, and inputs are written to avoid that. Both formats are decodable, so two different
values never serialize alike, and a leading byte keeps the two apart; two equal values that
serialize differently (a set, whose order follows string hashes that change from run to run)
only cost a render, and the inputs put sets in order for that reason.

The last build's pages come from memory under `mkdocs serve` (its `PageSet`), and from the
page store otherwise (writer.py keeps each page's digest beside its fingerprint): a page
found there is a `StoredPage`, whose text is read from its file only when something asks
for it (a `--dirty` build hands MkDocs the file, and MkDocs reads only pages that changed).

A page kind whose inputs leave out something its text shows would be reused stale. With
DIGEST_VERIFY_PAGE_MEMO=1 in the environment (the test suite sets it), every reused page is
rendered again and compared, and a difference stops the build naming the page: every test that
builds twice then checks every kind's inputs.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import frontmatter

from ..paths import FolderFiles
from .page import PageSet

VERIFY_VARIABLE = "DIGEST_VERIFY_PAGE_MEMO"


class StalePage(AssertionError):
    """A reused page differs from the page rendering it again makes: its kind's inputs miss something."""


class Remembered(NamedTuple):
    """One page of the last build: its digest and either the page or where its text is stored
    (a tuple: one is made for every page of every build)."""

    digest: str
    page: Any = None  # a Page (or StoredPage) kept in memory
    fingerprint: str = ""  # else: its fingerprint and its file in the page store
    path: str = ""


class ArticleRecord(NamedTuple):
    """What one article's page was made from in the build that recorded it, as far as telling
    that this build's page has the same inputs needs, without making them again (render_site):
    digests of the article (`own`: all its page and the listings show of it), of its related
    articles and other versions as sources (`links`), of it as other pages link it (`face`, article.linked_key) and list it
    (`token`, listing.listing_key, None when not made), its neighbours' sources, its story line,
    and the digest of its page's inputs. A tuple: one per article, kept between builds."""

    own: bytes
    links: bytes
    face: bytes
    token: bytes | None
    previous: str | None
    following: str | None
    part_of: str
    digest: str


@dataclass
class PageMemo:
    salt: str  # what page texts depend on besides their inputs
    previous: Mapping[str, Remembered] = field(default_factory=dict)
    recorded: dict[str, Remembered] = field(default_factory=dict)  # this build's, filled by render_site
    # The build that recorded `articles_before` (all of its articles) and its story versions'
    # listed article (`listed_as_before`): any build made with this salt, not necessarily the one
    # `previous` comes from (see render_site). This build's, filled by render_site, after them.
    articles_before: Mapping[str, ArticleRecord] = field(default_factory=dict)
    listed_as_before: Mapping[str, str] = field(default_factory=dict)
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    listed_as: dict[str, str] = field(default_factory=dict)
    # A listing's key (pages._Listings) -> how many articles it held and its units' digests.
    listings_before: Mapping[tuple, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    listings: dict[tuple, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    # Sources of the articles whose page or place in listings may differ from the recording build's
    # (pages._article_pages), and what the theme's chips signed (theme_links.article_signatures):
    # (theme, link targets, signatures by source), that build's and this one's.
    changed_articles: set[str] = field(default_factory=set)
    entity_pages_before: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (type, name) -> its page
    entity_pages: dict[tuple[str, str], str] = field(default_factory=dict)
    chips_before: tuple | None = None
    chips: tuple | None = None
    reused: int = 0
    unchanged: int = 0  # article pages whose inputs were known to be the last build's without making them
    unchanged_units: int = 0  # listings' units (pages._Listings) likewise
    verify: bool = field(default_factory=lambda: os.environ.get(VERIFY_VARIABLE) == "1")
    # Which files the page store holds: its folders, each listed once (nothing is written to the
    # store while pages are rendered); shared with writer.write_pages through StoredPages.
    store_files: FolderFiles = field(default_factory=FolderFiles, repr=False)
    _key: bytes = field(init=False, repr=False)  # the salt as blake2b's key, made once

    def __post_init__(self) -> None:
        self._key = self.salt.encode("utf-8")[:64]

    def digest(self, inputs: Any) -> str:
        return self.raw_digest(inputs).hex()

    def raw_digest(self, inputs: Any) -> bytes:
        """The digest as 16 bytes: what stands for an article in listings' inputs (`Tokens`)."""
        return hashlib.blake2b(serialized(inputs), key=self._key, digest_size=16).digest()

    def reuse(self, src_uri: str, digest: str, **flags: Any) -> Any:
        """The last build's page at `src_uri` when it had `digest`, else None; `flags` are the
        page's attributes besides its text (kind, origin, ...) for a page read from the store."""
        old = self.previous.get(src_uri)
        if old is None or old.digest != digest:
            return None
        page = old.page
        if page is None:
            if not (old.path and old.path in self.store_files):
                return None
            page = StoredPage.made(src_uri, old.path, old.fingerprint, **flags)
        self.reused += 1
        return page

    def reuse_all(self, src_uris: list[str], digest: str, kind: str) -> list[Any] | None:
        """The last build's pages at `src_uris`, made together from inputs with `digest` (an
        entity's pages, a tag's), when every one of them is there; else None."""
        previous = self.previous
        old = []
        for uri in src_uris:
            entry = previous.get(uri)
            if entry is None or entry.digest != digest:
                return None
            old.append(entry)
        if not old:
            return None
        found = []
        for uri, entry in zip(src_uris, old):
            page = entry.page
            if page is None:
                if not (entry.path and entry.path in self.store_files):
                    return None
                page = StoredPage.made(uri, entry.path, entry.fingerprint, kind=kind, origin=f"{kind} page {uri}")
            found.append(page)
        self.reused += len(found)
        return found

    def check(self, reused: list[Any], rendered: list[Any], directory_urls: bool) -> None:
        """Under verification: each reused page must be the one rendering it again makes."""
        fresh = PageSet(directory_urls)
        for page in rendered:
            fresh.add(page)
        for old in reused:
            new = fresh.get(old.src_uri)
            if new is None or new.text() != old.text():
                raise StalePage(f"{old.src_uri}: the page reused from the last build differs from the page "
                                "rendered now: its inputs (pages.memo) leave something out")

    def record(self, src_uri: str, digest: str, page: Any) -> None:
        self.recorded[src_uri] = Remembered(digest, page)

    def digests(self) -> dict[str, str]:
        return {uri: entry.digest for uri, entry in self.recorded.items()}

    def next_build(self, salt: str) -> PageMemo:
        """The memo the next build in this process starts from (`mkdocs serve`)."""
        if salt != self.salt:
            return PageMemo(salt, verify=self.verify)
        return PageMemo(salt, self.recorded, verify=self.verify, articles_before=self.articles,
                        listed_as_before=self.listed_as, listings_before=self.listings, chips_before=self.chips,
                        entity_pages_before=self.entity_pages)


def serialized(value: Any) -> bytes:
    """`value` as bytes from which it could be read back: marshal's for plain data, else pickle's."""
    try:
        return b"m" + marshal.dumps(value, 2)
    except ValueError:  # not plain data
        return b"p" + pickle.dumps(value, protocol=5)


@dataclass(frozen=True)
class StoredPage:
    """A page unchanged since the last build, its text in the page store: a Page whose body
    and front matter are read from its file only if asked for."""

    src_uri: str
    path: str
    stored_fingerprint: str
    kind: str = "page"
    in_nav: bool = False
    origin: str = "digest"
    owner_markdown: bool = False

    @classmethod
    def made(cls, src_uri: str, path: str, stored_fingerprint: str, kind: str = "page", in_nav: bool = False,
             origin: str = "digest", owner_markdown: bool = False) -> StoredPage:
        """`StoredPage(...)` without a frozen dataclass's `__init__`, which sets each field
        through object.__setattr__ (a third of reusing a page; see model.evolve)."""
        page = object.__new__(cls)
        page.__dict__.update(src_uri=src_uri, path=path, stored_fingerprint=stored_fingerprint, kind=kind, in_nav=in_nav,
                             origin=origin, owner_markdown=owner_markdown)
        return page

    def fingerprint(self) -> str:
        return self.stored_fingerprint

    def text(self) -> str:
        with open(self.path, encoding="utf-8", newline="") as fh:
            return fh.read()

    @property
    def body(self) -> str:
        return frontmatter.loads(self.text()).content

    @property
    def meta(self) -> dict[str, Any]:
        return frontmatter.loads(self.text()).metadata

