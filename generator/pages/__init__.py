"""Emit: every page of the site rendered to a Markdown string, from the assembled model."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from ..model import Article, EntityType
from ..enrich.topics import tag_key
from ..site_model import Site
from .archive import archive_index, archive_units
from .briefing import day_units, week_units
from . import urls
from .article import (Linked, article_inputs, article_links, is_owner_markdown, linked_key, memo_key, own_key,
                      render_article)
from .entity import entities_index, entity_type_index, entity_units
from .feeds import Publishing, feed_note, feed_units, robots_page, with_story_feeds, with_topic_feeds
from .home import home_page
from .listing import listing_key, one_render, topic_links
from .page import DuplicatePage, Page, PageSet, Unit
from .memo import ArticleRecord, PageMemo, StalePage, StoredPage
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
    listed_as = {other: a.source for a in site.listed for other in a.versions}
    prev_next = neighbours(site)
    # An article's listing token (listing.listing_key), made once: 16 bytes, so that a listing's
    # tokens are joined into one bytes value, which the memo hashes fastest.
    listed: dict[str, bytes] = {}
    changed: set[str] = set()
    if memo is None:
        for article in site.articles:
            part_of, pair = part_of_line(article, site), prev_next.get(article.source)
            pages.add(render_article(article_inputs(article, by_source, listed_as, part_of, pair, linked),
                                     bodies.get(article.source)))
    else:
        listed, changed = _article_pages(site, pages, memo, bodies, by_source, listed_as, prev_next, linked)
        memo.changed_articles = changed

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
    listings = _Listings(memo, changed, links, site)
    # Entity pages show the entities named alongside that have a page, linked: an entity's page's
    # inputs are taken as the last build's only where no entity it could name so got or lost its
    # page, or had it moved (_moved_alongside).
    entity_pages = {(e.type.value, e.name): urls.entity_of(e) for e in site.entities.values() if e.has_page}
    moved_alongside: set = set()
    if memo is not None:
        memo.entity_pages = entity_pages
        if entity_pages != memo.entity_pages_before:
            moved_alongside = _moved_alongside(site, entity_pages, memo.entity_pages_before)
    pages.add(stories_index(site))
    for entry in sorted(site.stories.values(), key=lambda s: s.slug):
        page = story_page(entry, site)
        pages.add(with_story_feeds(page, entry) if publishing else page)
    pages.add(topics_index(site))
    for entry in sorted(site.topics.values(), key=lambda t: t.slug):
        if entry.articles:
            page = topic_page(entry, site)
            pages.add(with_topic_feeds(page, entry) if publishing else page)
            listings.add(pages, ("topic", urls.topic_of(entry), entry.name, entry.topic.code, listings.links),
                         ("topic", entry.name), entry.articles, topic_more_units(entry, site, token_list, links))
    for page in tags_index(site):
        pages.add(page)
    for tag in site.tag_list:
        listings.add(pages, ("tag", urls.tag_of(tag), tag.name), ("tag", tag.key), tag.articles,
                     tag_units(tag, site, token_list))
    pages.add(entities_index(site))
    for type_ in EntityType:
        for page in entity_type_index(type_, site):
            pages.add(page)
        for entry in sorted(site.entities_of(type_), key=lambda e: e.slug):
            front, *more = entity_units(entry, site, token_list)
            listings.add(pages, ("entity page", front.uris[0], entry.name, type_.value, entry.description, entry.link),
                         ("entity", entry.key), entry.articles, [front], trusted=entry.key not in moved_alongside)
            listings.add(pages, ("entity", front.uris[0], entry.name, type_.value), ("entity", entry.key),
                         entry.articles, more)
    for unit in day_units(site, token_list, links) + week_units(site, token_list, links):
        _add_unit(pages, memo, unit)
    pages.add(archive_index(site))
    units = archive_units(site, token_list, links)
    for ((year, month), articles), unit in zip(site.months.items(), units):
        listings.add(pages, ("month", unit.uris[0]), ("month", (year, month)), articles, [unit])
    if site.undated:
        listings.add(pages, ("undated", listings.links), ("undated",), site.undated, units[-1:])
    pages.add(robots_page(publishing))
    for unit in feed_units(site, publishing):
        _add_unit(pages, memo, unit)
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


def _article_pages(site: Site, pages: PageSet, memo: PageMemo, bodies: Mapping[str, str], by_source: dict[str, Article],
                   listed_as: dict[str, str], prev_next: dict, linked: _LinkedOf) -> tuple[dict[str, bytes], set[str]]:
    """Every article's page, taken from the memo where its inputs are the last build's; returns
    the listed articles' listing tokens, and the sources of the articles whose place in listings
    may differ from that build's (see _Listings): new, changed (their own digest), listed or
    not listed anew (a story's versions); not those whose related articles alone changed.

    A page's inputs (article.memo_key) are made only where they could have changed since the
    build that recorded `memo.articles_before` (any build with this salt): where the article
    itself (its `own` digest), its related articles or other versions (as sources: `links`), its
    neighbours, its story line, or an article it links (its face, whether it is there, which
    version of a story its related articles list) did. Else
    they are those of that build, whose digest its record holds; the memo then reuses the
    stored page only when it has that digest too. An article whose own digest is the record's
    also has its face and token: they are made from fields `own` covers."""
    before = memo.articles_before
    raw = memo.raw_digest
    own_of: dict[str, bytes] = {}
    links_of: dict[str, bytes] = {}
    faces: dict[str, bytes] = {}
    tokens: dict[str, bytes] = {}
    changed: set[str] = set()  # sources whose face changed, or that are gone
    edited: set[str] = set()  # sources whose own digest changed, or that are new
    for article in site.articles:
        source = article.source
        own = own_of[source] = raw(own_key(article))
        links_of[source] = raw((article.related, article.versions))
        record = before.get(source)  # an ArticleRecord, or as read back, a plain tuple
        if record is not None and record[0] == own:
            faces[source] = record[2]
            if record[3] is not None:
                tokens[source] = record[3]
        else:
            edited.add(source)
            face = faces[source] = raw(linked_key(article))
            if record is None or record[2] != face:
                changed.add(source)
    changed.update([source for source in before if source not in by_source])
    listed_before = memo.listed_as_before
    # Related articles are listed as the version of their story listings show (listed_as):
    # a source whose version changed, or whose listed version's face did, is linked anew.
    unsure = changed | {s for s in listed_before.keys() | listed_as.keys() if listed_before.get(s) != listed_as.get(s)}
    unsure.update([s for s, shown in listed_as.items() if shown in changed])
    listed = {a.source: tokens.get(a.source) or raw(listing_key(a)) for a in site.listed}

    recorded = memo.articles
    for article in site.articles:
        source = article.source
        part_of, pair = part_of_line(article, site), prev_next.get(source)
        previous, following = pair or (None, None)
        before_source = previous.source if previous is not None else None
        after_source = following.source if following is not None else None
        uri = urls.article(article.slug)
        record = before.get(source)
        if record is not None:
            own, links, _, _, older, newer, story_line, digest = record
        known = (record is not None and own == own_of[source] and links == links_of[source] and older == before_source
                 and newer == after_source
                 and story_line == part_of and before_source not in changed and after_source not in changed
                 and unsure.isdisjoint(article.related) and changed.isdisjoint(article.versions))
        if known:
            memo.unchanged += 1  # the inputs are that build's, and so is their digest
            if memo.verify:
                related, versions = article_links(article, by_source, listed_as)
                made = memo.digest(memo_key(article, related, versions, part_of, previous, following, faces))
                if made != digest:
                    raise StalePage(f"{uri}: the page's inputs were taken as the last build's, but they differ "
                                    "(pages._article_pages misses a change)")
        else:
            related, versions = article_links(article, by_source, listed_as)
            digest = memo.digest(memo_key(article, related, versions, part_of, previous, following, faces))
        page = memo.reuse(uri, digest, kind="article", origin=source, owner_markdown=is_owner_markdown(article))
        if page is not None:
            if memo.verify:
                inputs = article_inputs(article, by_source, listed_as, part_of, pair, linked)
                memo.check([page], [render_article(inputs, bodies.get(source))], pages.directory_urls)
            pages.add_resolved(page)
        else:
            inputs = article_inputs(article, by_source, listed_as, part_of, pair, linked)
            pages.add(render_article(inputs, bodies.get(source)))
            page = pages.get(uri)
        memo.record(uri, digest, page)
        token = listed.get(source)
        if known and record[3] == token:  # (its face is the record's: so is its own digest)
            recorded[source] = record
        else:
            recorded[source] = ArticleRecord(own_of[source], links_of[source], faces[source], token, before_source,
                                             after_source, part_of, digest)
    memo.listed_as.update(listed_as)
    return listed, edited | (listed_before.keys() ^ listed_as.keys())


def _add_unit(pages: PageSet, memo: PageMemo | None, unit: Unit, known: str | None = None) -> str | None:
    """Add the pages of `unit`, or, when the memo has them from inputs equal to this build's,
    the last build's; returns the digest of its inputs, None when its pages are not remembered
    (made at other paths than `unit.uris`: never reused wrongly, only rendered again). `known`,
    when given, is that digest, known without making the inputs (see _Listings)."""
    if memo is None:
        for page in unit.make():
            pages.add(page)
        return None
    if known is None:
        digest = memo.digest(unit.inputs())
    else:
        digest = known
        if memo.verify and memo.digest(unit.inputs()) != known:
            raise StalePage(f"{unit.uris[0]}: the page's inputs were taken as the last build's, but they differ "
                            "(pages._Listings misses a change)")
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
            return None
    for page in found:
        memo.record(page.src_uri, digest, page)
    return digest


class _Listings:
    """The pages of listings (a tag's, a month's, an entity's, the pages behind a topic's page),
    whose inputs are made only where they could differ from those of the build that recorded
    `memo.listings_before` (any build with this salt, as for article pages).

    What a listing shows of its articles, and which articles it holds, in which order, is a
    function of those articles alone (their own digest covers their names, tags, topics, date and
    what they say of each entity they name) and of whether they are listed: `changed` holds every
    article for which either may differ. With none of those among its articles now and as many
    articles as then, a listing holds the same articles (one that left or joined it would be
    among them, or change the count), so with the rest of its inputs in its `key` the same, each
    of its units has the inputs it had: their digests are that build's. Which listings hold a
    changed article is found from the few changed articles (`_holding`), not by looking through
    every listing's articles (some 200,000 at 10,000 articles)."""

    def __init__(self, memo: PageMemo | None, changed: set[str], links: tuple, site: Site) -> None:
        self.memo = memo
        self.links = memo.raw_digest(links) if memo is not None else b""  # the topic links, in keys
        self.holding = _holding(site, changed) if memo is not None else set()

    def add(self, pages: PageSet, key: tuple, listing: tuple, articles: list[Article], units: list[Unit],
            trusted: bool = True) -> None:
        """`listing` names the listing as `_holding` does; `trusted`: whether what `key` leaves
        out of the units' inputs besides their articles is known to be the recording build's."""
        memo = self.memo
        if memo is None:
            for unit in units:
                _add_unit(pages, memo, unit)
            return
        record = memo.listings_before.get(key) if trusted else None
        known = None
        if record is not None and record[0] == len(articles) and len(record[1]) == len(units) \
                and listing not in self.holding:
            known = record[1]
            memo.unchanged_units += len(units)
        digests = [_add_unit(pages, memo, unit, known[i] if known else None) for i, unit in enumerate(units)]
        if None not in digests:
            memo.listings[key] = (len(articles), tuple(digests))


def _moved_alongside(site: Site, entity_pages: dict[tuple[str, str], str],
                     before: Mapping[tuple[str, str], str]) -> set[tuple[EntityType, str]]:
    """The entities whose pages may name, among the entities alongside them, one whose page is not
    as in the build that recorded `before` (new, gone or at another address): those named in a
    listed article with it, as co-mentions are counted (site_model.assemble). An article that
    named both then and names that entity no more has changed, and its entities' listings are
    made again anyway (_holding), or they hold fewer articles (_Listings)."""
    moved = [key for key in entity_pages.keys() | before.keys() if entity_pages.get(key) != before.get(key)]
    articles: dict[str, Article] = {}
    for type_value, name in moved:
        entry = site.entities.get((EntityType(type_value), name))
        if entry is not None:
            articles.update([(a.source, a) for a in entry.articles])
    return {(m.type, m.name) for a in articles.values() for m in a.entities}


def _holding(site: Site, sources: set[str]) -> set[tuple]:
    """The listings (as `_Listings.add` names them) that hold any of the articles at `sources` in
    `site`, as the site model groups articles (site_model.assemble): by entity, topic, tag key and
    month; an article listings do not show (another version of a story) is in none, and names
    listings all the same (it costs a render at most)."""
    held: set[tuple] = set()
    for article in site.articles:
        if article.source not in sources:
            continue
        held.update([("entity", (m.type, m.name)) for m in article.entities])
        held.update([("topic", t.name) for t in article.topics])
        held.update([("tag", tag_key(t)) for t in article.tags])
        held.add(("month", (article.date.year, article.date.month)) if article.date else ("undated",))
    return held


__all__ = ["DuplicatePage", "Page", "PageMemo", "PageSet", "StoredPage", "feed_note", "render_site"]
