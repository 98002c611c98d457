"""Tag pages (one per tag that enough articles share) and the tags index.

A tag gets a page when at least `tag_page_min_articles` articles carry it (an option of
the plugin). Tags that differ only in case or a final plural ("Russian drone", "Russian
drones") are one tag; its name is the form most articles use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..enrich.topics import tag_key
from ..model import Article
from . import urls
from .escape import md_link, md_text
from .listing import article_list, html_list, link_item, page_slices, pager, plural
from .page import Page
from .slugs import assign_unique

if TYPE_CHECKING:
    from .site import Site


@dataclass
class TagEntry:
    key: str  # tag_key of the tag
    name: str
    slug: str = ""
    articles: list[Article] = field(default_factory=list)  # newest first

    @property
    def src_uri(self) -> str:
        return urls.tag(self.slug)


INDEX_PAGE_SIZE = 200  # tags listed on one page of the tags index


def collect_tags(articles: Sequence[Article], min_articles: int) -> dict[str, TagEntry]:
    """Tags with a page, by key; `articles` come newest first and stay in that order."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        seen = set()
        for tag in article.tags:
            key = tag_key(tag)
            if key and key not in seen:
                seen.add(key)
                forms[key][tag] += 1
                members[key].append(article)
    entries = {}
    for key in sorted(members):
        if len(members[key]) >= max(1, min_articles):
            name = min(forms[key], key=lambda f: (-forms[key][f], f))
            entries[key] = TagEntry(key, name, articles=members[key])
    for key, slug in assign_unique(((k, e.name, k) for k, e in entries.items()), prefix="tag").items():
        entries[key].slug = slug
    return entries


def tag_list(tags: dict[str, TagEntry]) -> list[TagEntry]:
    """Tags with a page, the most shared first."""
    return sorted(tags.values(), key=lambda t: (-len(t.articles), t.name.casefold(), t.key))


def tag_pages(entry: TagEntry, site: Site) -> list[Page]:
    """The tag's articles, newest first, `archive_page_size` to a page."""
    chunks = page_slices(entry.articles, site.config.archive_page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(entry.src_uri, number)
        title = entry.name if number == 1 else f"{entry.name} (page {number})"
        head = plural(len(entry.articles), "article") + " with this tag, newest first"
        lines = [f"# {md_text(title)}", "", head + (f" (page {number} of {len(chunks)})." if len(chunks) > 1 else "."), ""]
        lines += [article_list(chunk, topic_links=site.topic_links), ""]
        more = pager(entry.src_uri, number, len(chunks))
        lines += ([more, ""] if more else []) + [md_link("All tags", urls.relative(uri, urls.TAGS_INDEX)), ""]
        meta = {"title": title, "tag": entry.name, "articles": len(entry.articles)}
        pages.append(Page(uri, "\n".join(lines), meta=meta, kind="tag", origin=f"tag {entry.name!r} page {number}"))
    return pages


def tags_index(site: Site) -> list[Page]:
    entries = tag_list(site.tags)
    if not entries:
        n = site.config.tag_page_min_articles
        body = f"# Tags\n\nNo tag is shared by {plural(n, 'article')} yet.\n"
        return [Page(urls.TAGS_INDEX, body, meta={"title": "Tags"}, kind="index")]
    chunks = page_slices(entries, INDEX_PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(urls.TAGS_INDEX, number)
        title = "Tags" if number == 1 else f"Tags (page {number})"
        lines = [f"# {title}", "", f"Key phrases shared by at least {plural(site.config.tag_page_min_articles, 'article')}, "
                 "the most shared first.", ""]
        lines += [html_list((link_item(e.name, e.src_uri, plural(len(e.articles), "article")) for e in chunk), "digest-names"), ""]
        more = pager(urls.TAGS_INDEX, number, len(chunks))
        lines += [more, ""] if more else []
        pages.append(Page(uri, "\n".join(lines), meta={"title": title}, kind="index", origin=f"tags page {number}"))
    return pages
