"""Topic pages and the topics index.

A topic page shows its description, where it sits in the taxonomy (parent, sub-topics),
its articles newest first with their summaries (split into pages of `archive_page_size`),
and the entities present in the most of its articles. The index lists the topics that
have articles, largest first, each with its sub-topics under it and its article count.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..site_model import Site, TopicEntry
from . import urls
from .escape import md_link, md_text
from .listing import Paging, article_list, paginate, plural
from .page import Page, Tokens, Unit

ENTITIES_SHOWN = 15


def display_name(name: str) -> str:
    return name[:1].upper() + name[1:]


def _link(entry: TopicEntry, from_uri: str) -> str:
    return md_link(display_name(entry.name), urls.relative(from_uri, urls.topic_of(entry)))


def _article_pages(entry: TopicEntry, site: Site) -> list[tuple[Paging, Sequence[Article]]]:
    return paginate(urls.topic_of(entry), entry.articles, site.config.archive_page_size, from_oldest=True)


def _articles_section(entry: TopicEntry, site: Site, paging: Paging, shown: Sequence[Article]) -> list[str]:
    """One page of the topic's articles, with links to the other pages when there are several."""
    return paging.section(plural(len(entry.articles), "article") + ", newest first", article_list(shown, site))


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
    lines += ["## Articles", ""] + _articles_section(entry, site, *_article_pages(entry, site)[0])
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
    """The pages behind the topic page, older articles, when there are more than one page holds
    (numbered from the oldest: see listing.paginate)."""
    return [page for unit in topic_more_units(entry, site) for page in unit.make()]


def topic_more_units(entry: TopicEntry, site: Site, tokens: Tokens | None = None, links: tuple = ()) -> list[Unit]:
    """One unit (page.Unit) per page behind the topic page: a new article changes none of them
    until the front page is full; `links`, the site's topic links, as its listing links topics."""

    def unit(paging: Paging, shown: Sequence[Article]) -> Unit:
        def inputs() -> tuple:
            return ("topic-more", paging.key(), entry.name, urls.topic_of(entry), entry.topic.code, links, tokens(shown))

        return Unit("topic", [paging.uri], inputs, lambda: [_more_page(entry, site, paging, shown)])

    return [unit(paging, shown) for paging, shown in _article_pages(entry, site)[1:]]


def _more_page(entry: TopicEntry, site: Site, paging: Paging, shown: Sequence[Article]) -> Page:
    title = paging.title(display_name(entry.name))
    lines = [f"# {md_text(title)}", "", f"Back to {_link(entry, paging.uri)}.", ""] + _articles_section(entry, site, paging, shown)
    meta = {"title": title, "topic_code": entry.topic.code}  # no count: it would change this page with every article
    return Page(paging.uri, "\n".join(lines), meta=meta, kind="topic", origin=f"topic {entry.name!r} page {paging.number}")


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
