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
from .listing import article_list, plural
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


def tag_page(entry: TagEntry, site: Site) -> Page:
    uri = entry.src_uri
    topic_links = site.topic_links
    lines = [f"# {md_text(entry.name)}", "", plural(len(entry.articles), "article") + " with this tag, newest first.", ""]
    lines += [article_list(entry.articles, uri, topic_links=topic_links), ""]
    lines += [md_link("All tags", urls.relative(uri, urls.TAGS_INDEX)), ""]
    meta = {"title": entry.name, "tag": entry.name, "articles": len(entry.articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="tag", origin=f"tag {entry.name!r}")


def tags_index(site: Site) -> Page:
    uri = urls.TAGS_INDEX
    entries = tag_list(site.tags)
    lines = ["# Tags", ""]
    if not entries:
        n = site.config.tag_page_min_articles
        lines += [f"No tag is shared by {plural(n, 'article')} yet.", ""]
    else:
        lines += [f"Key phrases shared by at least {plural(site.config.tag_page_min_articles, 'article')}, the most shared first.", ""]
        lines += [f"-   {md_link(e.name, urls.relative(uri, e.src_uri))} <small>{plural(len(e.articles), 'article')}</small>"
                  for e in entries]
        lines.append("")
    return Page(uri, "\n".join(lines), meta={"title": "Tags"}, kind="index")
