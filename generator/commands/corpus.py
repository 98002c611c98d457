"""What `digest add` and `digest import` need to know about the content folder.

- which articles are already there, to refuse a duplicate: the same bytes, the same
  words (title and text, however encoded and spaced), the same body text under
  another headline, or, for feed items, the same link;
- a clean, free file name for a new article (from its title; never an existing file);
- the page a new article will become: its slug is decided by the same `assemble`
  the build uses, among all the articles, so the printed URL is the one it gets.

Articles are read with the real readers and `metadata.resolve`, as the build reads them.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import DigestConfig
from ..discover import discover, is_ignored
from ..text.markdown_text import plain_text
from ..model import Article
from ..pages import urls
from ..site_model import assemble
from ..slugs import make_slug, short_hash
from ..pipeline import load_taxonomies, read_articles
from ..textutil import words

# Bodies shorter than this are compared together with their title: two short notes may
# share a sentence ("Photo gallery.") without being the same article.
MIN_BODY_WORDS = 50


@dataclass
class Corpus:
    """The articles of a content folder, indexed for duplicate checks."""

    content_dir: Path
    articles: list[Article] = field(default_factory=list)
    _by_key: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (source, why)

    def add(self, article: Article) -> None:
        self.articles.append(article)
        for key, why in _keys(article):
            self._by_key.setdefault(key, (article.source, why))

    def duplicate_of(self, article: Article) -> tuple[str, str] | None:
        """(source, why) of an existing article that `article` duplicates, or None."""
        for key, _why in _keys(article):
            if key in self._by_key:
                return self._by_key[key]
        return None

    def free_name(self, title: str, extension: str, taken: Iterable[str] = ()) -> str:
        """A file name for a new article under the content folder: its title's slug, made unique."""
        stem = make_slug(title) or f"article-{short_hash(title or extension, 8)}"
        if is_ignored(stem + extension) or (stem + extension).lower() in {"index.md", "readme.md"}:
            stem = f"article-{stem}"
        existing = {p.name.lower() for p in self.content_dir.iterdir()} | {t.lower() for t in taken}
        name, n = stem + extension, 2
        while name.lower() in existing:
            # "_2" sorts after "." (unlike "-2"): of two undated articles wanting one page slug, the
            # first by file name keeps it, so the existing article's page keeps its address.
            name, n = f"{stem}_{n}{extension}", n + 1
        return name

    def display(self, source: str) -> str:
        """A file of the content folder as the owner would type it (relative to the current folder)."""
        path = self.content_dir / source
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()

    def page_urls(self, config: DigestConfig, *, directory_urls: bool = True) -> dict[str, str]:
        """source -> URL path (relative to the site root) of every article's page."""
        rules, taxonomy, _problems = load_taxonomies(self.content_dir)
        site = assemble(self.articles, taxonomy, rules, config)
        return {a.source: urls.page_url(urls.article(a.slug), directory_urls) for a in site.articles}


def load_corpus(content_dir: Path, config: DigestConfig, progress: Callable | None = None) -> Corpus:
    """Read every article in the content folder (files that cannot be read are left out)."""
    files, _problems = discover(content_dir)
    articles, _problems = read_articles(progress(files) if progress else files, config)
    corpus = Corpus(content_dir)
    for article in sorted(articles, key=lambda a: a.source):
        corpus.add(article)
    return corpus


def clean_url(url: str) -> str:
    """A link without its fragment and tracking parameters (utm_*, fbclid, gclid)."""
    parts = urllib.parse.urlsplit(url.strip())
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING)]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, urllib.parse.urlencode(query), ""))


_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def normalize_url(url: str) -> str:
    """A link as feeds and pages vary it: no fragment, no tracking parameters, no trailing slash."""
    parts = urllib.parse.urlsplit(clean_url(url))
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urllib.parse.urlunsplit((scheme, parts.netloc.lower(), parts.path.rstrip("/") or "/", parts.query, ""))


def _keys(article: Article) -> list[tuple[str, str]]:
    body = words(plain_text(article.blocks).casefold())
    keys = [(f"sha256:{article.source_sha256}", "the same file")]
    whole = " ".join(words(article.title.casefold()) + body)
    keys.append((f"text:{_digest(whole)}", "the same title and text"))
    if len(body) >= MIN_BODY_WORDS:
        keys.append((f"body:{_digest(' '.join(body))}", "the same text under another title"))
    link = article.extra.get("source_url")
    if isinstance(link, str) and link.strip():
        keys.append((f"url:{normalize_url(link)}", "the same source_url"))
    return keys


def _digest(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()
