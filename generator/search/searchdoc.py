"""One page as search sees it. Apart from the rest of `docs` so that the process building
the index (publish.SearchIndexJob) imports only what building it needs: the index, the
tokenizer and this, not the site model and its numerical libraries (~1 s of every build)."""

from __future__ import annotations

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
