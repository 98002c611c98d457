"""One page as search sees it, and what the build hands the index. Apart from the rest of
`docs` so that the process building the index (publish.SearchIndexJob) imports only what
building it needs: the index, the tokenizer and this, not the site model and its numerical
libraries (~1 s of every build)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDoc:
    key: str  # the page's src_uri: unique, and what the index is kept in step by
    url: str  # relative to the site root ("articles/<slug>/")
    title: str
    kind: str  # "article", "person", "organization", "place", "topic", "story" or "tag"
    date: str | None  # ISO date shown in results: an article's date, else the latest article's
    summary: str  # shown in results, and indexed
    text: str  # indexed, not shown
    weight: float = 1.0  # multiplies the page's score for every word
    language: str = "en"  # whose stop words are left out
    since: str | None = None  # ISO date the page first had: new pages take the next ids (see index.py)

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


def doc_digest(doc: SearchDoc, salt: bytes = b"") -> str:
    """A hash of everything in the page (stable across processes, unlike hash()), keyed with `salt`."""
    fields = (doc.key, doc.url, doc.title, doc.kind, doc.date or "", doc.summary, doc.text, repr(doc.weight),
              doc.language, doc.since or "")
    return hashlib.blake2b("\x1f".join(fields).encode("utf-8", "surrogatepass"), digest_size=12,
                           key=salt[:64]).hexdigest()


@dataclass(frozen=True)
class Handover:
    """What a build hands the index: every page by key and digest, and the pages themselves
    only where the index does not hold that digest (a page whose digest it holds is the page
    it indexed: see index.py, "Incremental updates")."""

    pages: list[tuple[str, str]]  # (key, digest) of every page of the site
    docs: list[SearchDoc]  # the pages whose digests are not among `known`

    @classmethod
    def of(cls, docs: Iterable[SearchDoc], known: Mapping[str, str] | None = None) -> Handover:
        """Pages known only as `SearchDoc`s, each by the hash of its content."""
        known = known or {}
        pages, new = [], []
        for doc in docs:
            digest = doc_digest(doc)
            pages.append((doc.key, digest))
            if known.get(doc.key) != digest:
                new.append(doc)
        return cls(pages, new)
