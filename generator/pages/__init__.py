"""Emit: every page of the site rendered to a Markdown string, from the assembled model."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from ..model import EntityType
from ..site_model import Site, tag_list
from .archive import archive_index, archive_units
from .briefing import day_units, week_units
from . import urls
from .article import Linked, article_inputs, article_links, is_owner_markdown, linked_key, memo_key, render_article
from .entity import entities_index, entity_type_index, entity_units
from .feeds import Publishing, feed_note, feed_pages, with_story_feeds, with_topic_feeds
from .home import home_page
from .listing import listing_key, one_render, topic_links
from .page import DuplicatePage, Page, PageSet, Unit
from .memo import PageMemo, StoredPage
from .reading import neighbours
from .story import part_of_line, stories_index, story_page
from .tag import tag_units, tags_index
from .topic import topic_more_units, topic_page, topics_index


def render_site(site: Site, site_name: str = "Briefing", site_url: str | None = None, directory_urls: bool = True,
                bodies: Mapping[str, str] | None = None, memo: PageMemo | None = None) -> PageSet:
    """Every page; feeds only with a `site_url` (their links must be absolute). `bodies` maps
    an article's source to its rendered body when that was cached with the file. With a
    `memo`, pages whose inputs are as in the last build are taken from it (see memo.py), and
    this build's are recorded in it."""
    with one_render(site):
        return _render_site(site, site_name, site_url, directory_urls, bodies or {}, memo)


def _render_site(site: Site, site_name: str, site_url: str | None, directory_urls: bool,
                 bodies: Mapping[str, str], memo: PageMemo | None) -> PageSet:
    publishing = Publishing(site_url, site_name, directory_urls) if site_url else None
    pages = PageSet(directory_urls)
    pages.add(home_page(site, site_name, feeds=publishing is not None))
    by_source = {a.source: a for a in site.articles}
    linked = _LinkedOf(by_source)  # each made once, linked from many pages, and only for pages rendered
    faces = {source: memo.raw_digest(linked_key(a)) for source, a in by_source.items()} if memo is not None else None
    listed_as = {other: a.source for a in site.listed for other in a.versions}
    prev_next = neighbours(site)
    for article in site.articles:
        part_of, pair = part_of_line(article, site), prev_next.get(article.source)
        if memo is None:
            pages.add(render_article(article_inputs(article, by_source, listed_as, part_of, pair, linked),
                                     bodies.get(article.source)))
            continue
        # The page's inputs are made only to render it: its memo key is made from the same sources.
        related, versions = article_links(article, by_source, listed_as)
        previous, following = pair or (None, None)
        uri = urls.article(article.slug)
        digest = memo.digest(memo_key(article, related, versions, part_of, previous, following, faces))
        page = memo.reuse(uri, digest, kind="article", origin=article.source, owner_markdown=is_owner_markdown(article))
        if page is not None:
            if memo.verify:
                inputs = article_inputs(article, by_source, listed_as, part_of, pair, linked)
                memo.check([page], [render_article(inputs, bodies.get(article.source))], pages.directory_urls)
            pages.add_resolved(page)
        else:
            inputs = article_inputs(article, by_source, listed_as, part_of, pair, linked)
            pages.add(render_article(inputs, bodies.get(article.source)))
            page = pages.get(uri)
        memo.record(uri, digest, page)

    # An article's listing token (listing.listing_key), made once: 16 bytes, so that a listing's
    # tokens are joined into one bytes value, which the memo hashes fastest.
    listed: dict[str, bytes] = {a.source: memo.raw_digest(listing_key(a)) for a in site.listed} if memo is not None else {}

    def token_list(articles) -> bytes:
        try:
            return b"".join(map(listed.__getitem__, map(_source, articles)))
        except KeyError:  # an article listings do not show (none is, as assembled): made here
            for a in articles:
                if a.source not in listed:
                    listed[a.source] = memo.raw_digest(listing_key(a))
            return token_list(articles)

    # What full listings link an article's topics to (listing.topic_links): in their units' inputs.
    links = tuple(sorted(topic_links(site).items()))
    pages.add(stories_index(site))
    for entry in sorted(site.stories.values(), key=lambda s: s.slug):
        page = story_page(entry, site)
        pages.add(with_story_feeds(page, entry) if publishing else page)
    pages.add(topics_index(site))
    for entry in sorted(site.topics.values(), key=lambda t: t.slug):
        if entry.articles:
            page = topic_page(entry, site)
            pages.add(with_topic_feeds(page, entry) if publishing else page)
            for unit in topic_more_units(entry, site, token_list, links):
                _add_unit(pages, memo, unit)
    for page in tags_index(site):
        pages.add(page)
    for tag in tag_list(site.tags):
        for unit in tag_units(tag, site, token_list):
            _add_unit(pages, memo, unit)
    pages.add(entities_index(site))
    for type_ in EntityType:
        for page in entity_type_index(type_, site):
            pages.add(page)
        for entry in sorted(site.entities_of(type_), key=lambda e: e.slug):
            for unit in entity_units(entry, site, token_list):
                _add_unit(pages, memo, unit)
    for unit in day_units(site, token_list, links) + week_units(site, token_list, links):
        _add_unit(pages, memo, unit)
    pages.add(archive_index(site))
    for unit in archive_units(site, token_list, links):
        _add_unit(pages, memo, unit)
    for page in feed_pages(site, publishing):
        pages.add(page)
    return pages


_source = attrgetter("source")


class _LinkedOf(dict):
    """Source -> `Linked.of` its article, made when a page rendered first asks for it: a build
    that takes most article pages from the last one needs a few dozen of 10,000."""

    def __init__(self, by_source: Mapping[str, object]) -> None:
        super().__init__()
        self.by_source = by_source

    def __missing__(self, source: str) -> Linked:
        value = self[source] = Linked.of(self.by_source[source])
        return value


def _add_unit(pages: PageSet, memo: PageMemo | None, unit: Unit) -> None:
    """Add the pages of `unit`, or, when the memo has them from inputs equal to this build's,
    the last build's. Pages made at other paths than `unit.uris` are not remembered (never
    reused wrongly, only rendered again)."""
    if memo is None:
        for page in unit.make():
            pages.add(page)
        return
    digest = memo.digest(unit.inputs())
    found = memo.reuse_all(unit.uris, digest, unit.kind)
    if found is not None:
        if memo.verify:
            memo.check(found, unit.make(), pages.directory_urls)
        for page in found:
            pages.add_resolved(page)
    else:
        found = []
        for page in unit.make():
            pages.add(page)
            found.append(pages.get(page.src_uri))
        if [page.src_uri for page in found] != unit.uris:
            return
    for page in found:
        memo.record(page.src_uri, digest, page)


__all__ = ["DuplicatePage", "Page", "PageMemo", "PageSet", "StoredPage", "feed_note", "render_site"]
