"""Topic pages and the topics index.

A topic page shows its description, where it sits in the taxonomy (parent, sub-topics),
its articles newest first with their summaries (split into pages of `archive_page_size`),
and the entities present in the most of its articles. The index lists the topics that
have articles, largest first, each with its sub-topics under it and its article count.
"""

from __future__ import annotations

from ..site_model import Site, TopicEntry
from . import urls
from .escape import md_link, md_text
from .listing import article_list, plural
from .page import Page

ENTITIES_SHOWN = 15


def display_name(name: str) -> str:
    return name[:1].upper() + name[1:]


def _link(entry: TopicEntry, from_uri: str) -> str:
    return md_link(display_name(entry.name), urls.relative(from_uri, urls.topic_of(entry)))


def _page_count(entry: TopicEntry, site: Site) -> int:
    size = max(1, site.config.archive_page_size)
    return max(1, -(-len(entry.articles) // size))


def _articles_section(entry: TopicEntry, site: Site, number: int) -> list[str]:
    """One page of the topic's articles, with links to the other pages when there are several."""
    uri = urls.topic_page(entry.slug, number)
    size = max(1, site.config.archive_page_size)
    count = _page_count(entry, site)
    shown = entry.articles[(number - 1) * size: number * size]
    lines = [plural(len(entry.articles), "article") + ", newest first" + (f" (page {number} of {count})." if count > 1 else "."), ""]
    lines += [article_list(shown, site), ""]
    if count > 1:
        pager = [f"**{n}**" if n == number else md_link(str(n), urls.relative(uri, urls.topic_page(entry.slug, n)))
                 for n in range(1, count + 1)]
        lines += ["Pages: " + " · ".join(pager), ""]
    return lines


def topic_page(entry: TopicEntry, site: Site) -> Page:
    """The topic's own page (the first page of its articles)."""
    uri = urls.topic_of(entry)
    lines = [f"# {md_text(display_name(entry.name))}", ""]
    if entry.topic.description:
        lines += [md_text(entry.topic.description), ""]
    parent = next((t for t in site.topics.values() if t.topic.code == entry.topic.parent and t.articles), None)
    if parent is not None:
        lines += [f"Part of {_link(parent, uri)}.", ""]
    children = [site.topics[c] for c in entry.children if site.topics[c].articles]
    if children:
        lines += ["Sub-topics: " + " · ".join(f"{_link(c, uri)} ({len(c.articles):,})" for c in children), ""]
    lines += ["## Articles", ""] + _articles_section(entry, site, 1)
    present = [
        (site.entities[key], n)
        for key, n in sorted(entry.entities.items(), key=lambda kv: (-kv[1], kv[0][1].casefold(), kv[0][1]))
        if key in site.entities and site.entities[key].has_page
    ][:ENTITIES_SHOWN]
    if present:
        lines += ["## Most present", "", "The people, organizations and places in the most of these articles.", ""]
        for other, n in present:
            link = md_link(other.name, urls.relative(uri, urls.entity_of(other)))
            lines.append(f"-   {link} <small>{md_text(other.type.value)} · {plural(n, 'article')}</small>")
        lines.append("")
    meta = {"title": display_name(entry.name), "topic_code": entry.topic.code, "articles": len(entry.articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="topic", origin=f"topic {entry.name!r}")


def topic_more_pages(entry: TopicEntry, site: Site) -> list[Page]:
    """Pages 2, 3, ... of a topic's articles, when there are more than one page holds."""
    pages = []
    for number in range(2, _page_count(entry, site) + 1):
        uri = urls.topic_page(entry.slug, number)
        title = f"{display_name(entry.name)} (page {number})"
        lines = [f"# {md_text(title)}", "", f"Back to {_link(entry, uri)}.", ""] + _articles_section(entry, site, number)
        meta = {"title": title, "topic_code": entry.topic.code, "articles": len(entry.articles)}
        pages.append(Page(uri, "\n".join(lines), meta=meta, kind="topic", origin=f"topic {entry.name!r} page {number}"))
    return pages


def topics_index(site: Site) -> Page:
    uri = urls.TOPICS_INDEX
    lines = ["# Topics", ""]
    entries = site.topic_list()
    if not entries:
        lines += ["No topics yet.", ""]
    else:
        lines += ["What the articles are about, the largest topics first; sub-topics under their topic.", ""]
    with_articles = {t.topic.code for t in entries}
    for entry in entries:
        if entry.topic.parent in with_articles:
            continue  # listed under its parent
        lines += _index_lines(entry, site, uri, depth=0, seen=set())
    if site.tags:
        lines += ["", md_link(f"Tags: {plural(len(site.tags), 'key phrase')} several articles share", urls.relative(uri, urls.TAGS_INDEX))]
    return Page(uri, "\n".join(lines) + "\n", meta={"title": "Topics"}, kind="index", in_nav=True)


def _index_lines(entry: TopicEntry, site: Site, uri: str, depth: int, seen: set[str]) -> list[str]:
    seen.add(entry.name)
    indent = "    " * depth
    lines = [f"{indent}-   {_link(entry, uri)} <small>{plural(len(entry.articles), 'article')}</small>"]
    for child in entry.children:
        c = site.topics[child]
        if c.articles and child not in seen:
            lines += _index_lines(c, site, uri, depth + 1, seen)
    return lines
