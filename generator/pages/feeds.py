"""Feeds and crawler files: RSS 2.0 and JSON Feed 1.1 for the digest and each topic, and robots.txt.

Feed readers need absolute links, so feeds are written only when `mkdocs.yml` sets
`site_url`; without it `feed_note` says so (an info note, never a failure) and
`robots.txt` is written without its `Sitemap:` line. Dates are the articles' own
(midnight UTC of the article's date), never the clock, so a rebuild of the same
articles writes the same bytes. XML and JSON are written by libraries: article
text is never pasted into markup.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

from ..model import Article, Problem, Severity
from ..site_model import Site, StoryEntry, TopicEntry
from . import urls
from .escape import md_link
from .listing import day_number
from .page import Page, Unit
from .topic import display_name

FEED_ITEMS = 50  # newest articles in each feed
RSS_TYPE = "application/rss+xml"
JSON_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Publishing:
    """Where the site is published: what turns a page's path into an absolute link."""

    site_url: str  # https://OWNER.github.io/REPO/ (a trailing slash is added when missing)
    site_name: str = "Briefing"
    directory_urls: bool = True  # MkDocs' use_directory_urls

    def __post_init__(self) -> None:
        object.__setattr__(self, "site_url", self.site_url.rstrip("/") + "/")

    def absolute(self, src_uri: str) -> str:
        return self.site_url + urls.page_url(src_uri, self.directory_urls)


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home: str  # src_uri of the page the feed follows
    rss_uri: str  # src_uri of the RSS file
    json_uri: str  # src_uri of the JSON Feed file
    articles: Sequence[Article]
    language: str


def feed_note(site_url: str | None) -> list[Problem]:
    """The note a build without `site_url` logs: feeds need absolute links."""
    if site_url:
        return []
    return [Problem("mkdocs.yml", "site_url is not set, so no feeds (feed.xml, feed.json) were written; "
                    "set it to the address the site is published at", Severity.INFO)]


def site_feed(site: Site, site_name: str) -> Feed:
    return Feed(site_name, f"The latest articles in {site_name}.", urls.HOME, urls.FEED_RSS, urls.FEED_JSON,
                site.listed[:FEED_ITEMS], site.config.default_language)


def topic_feed(entry: TopicEntry, site: Site, site_name: str) -> Feed:
    name = display_name(entry.name)
    return Feed(f"{name} · {site_name}", entry.topic.description or f"The latest articles on {entry.name} in {site_name}.",
                urls.topic_of(entry), urls.topic_feed(entry.slug, "xml"), urls.topic_feed(entry.slug, "json"),
                entry.articles[:FEED_ITEMS], site.config.default_language)


def story_feed(entry: StoryEntry, site: Site, site_name: str) -> Feed:
    newest = sorted(entry.articles, key=lambda a: (a.date is None, -(a.date.toordinal() if a.date else 0), a.source))
    return Feed(f"{entry.title} · {site_name}", f"New articles on this story in {site_name}.", urls.story_of(entry),
                urls.story_feed(entry.slug, "xml"), urls.story_feed(entry.slug, "json"), newest[:FEED_ITEMS],
                site.config.default_language)


def feeds(site: Site, site_name: str) -> list[Feed]:
    """The digest's feed, then one per topic with articles and one per story, in slug order."""
    topics = sorted((t for t in site.topics.values() if t.articles), key=lambda t: t.slug)
    stories = sorted(site.stories.values(), key=lambda s: s.slug)
    return ([site_feed(site, site_name)] + [topic_feed(t, site, site_name) for t in topics]
            + [story_feed(s, site, site_name) for s in stories])


def feed_pages(site: Site, publishing: Publishing | None) -> list[Page]:
    """robots.txt, and with a site URL every feed as RSS and JSON Feed."""
    return [robots_page(publishing)] + [page for unit in feed_units(site, publishing) for page in unit.make()]


def robots_page(publishing: Publishing | None) -> Page:
    return Page(urls.ROBOTS, robots_txt(publishing), kind="robots", origin="feeds")


def feed_units(site: Site, publishing: Publishing | None) -> list[Unit]:
    """With a site URL, each feed's RSS and JSON Feed files as one unit (pages.memo): a dropped
    article changes the digest's feed and those of its topics and story, not the other ~80 at
    10,000 articles, which were all written again (30 ms for 71 feeds at 2,000 articles)."""
    if publishing is None:
        return []
    return [Unit("feed", [feed.rss_uri, feed.json_uri], partial(feed_inputs, feed), partial(_feed_files, feed, publishing))
            for feed in feeds(site, publishing.site_name)]


def feed_inputs(feed: Feed) -> tuple:
    """All `rss` and `json_feed` write of a feed, as plain data (where the site is published
    is in the memo's salt)."""
    return (feed.title, feed.description, feed.home, feed.rss_uri, feed.json_uri, feed.language,
            tuple([(a.slug, a.title, day_number(a.date), a.summary, a.author, tuple(a.topic_names), a.language)
                   for a in feed.articles]))


def _feed_files(feed: Feed, publishing: Publishing) -> list[Page]:
    origin = f"feed {feed.title!r}"
    return [Page(feed.rss_uri, rss(feed, publishing), kind="feed", origin=origin),
            Page(feed.json_uri, json_feed(feed, publishing), kind="feed", origin=origin)]


def with_topic_feeds(page: Page, entry: TopicEntry) -> Page:
    """A topic page that names its feeds: in `feeds` for the theme's <link rel="alternate">, and as links."""
    rss_uri, json_uri = urls.topic_feed(entry.slug, "xml"), urls.topic_feed(entry.slug, "json")
    title = display_name(entry.name)
    meta = {**page.meta, "feeds": [
        {"type": RSS_TYPE, "title": f"{title} (RSS)", "path": urls.page_url(rss_uri)},
        {"type": JSON_TYPE, "title": f"{title} (JSON Feed)", "path": urls.page_url(json_uri)},
    ]}
    follow = follow_line(page.src_uri, rss_uri, json_uri, "Follow this topic")
    return replace(page, meta=meta, body=page.body.rstrip("\n") + "\n\n" + follow + "\n")


def with_story_feeds(page: Page, entry: StoryEntry) -> Page:
    """A story page that names its feeds, as a topic page does."""
    rss_uri, json_uri = urls.story_feed(entry.slug, "xml"), urls.story_feed(entry.slug, "json")
    meta = {**page.meta, "feeds": [
        {"type": RSS_TYPE, "title": f"{entry.title} (RSS)", "path": urls.page_url(rss_uri)},
        {"type": JSON_TYPE, "title": f"{entry.title} (JSON Feed)", "path": urls.page_url(json_uri)},
    ]}
    follow = follow_line(page.src_uri, rss_uri, json_uri, "Follow this story")
    return replace(page, meta=meta, body=page.body.rstrip("\n") + "\n\n" + follow + "\n")


def follow_line(from_uri: str, rss_uri: str, json_uri: str, label: str) -> str:
    links = " · ".join([md_link("RSS", urls.relative(from_uri, rss_uri)), md_link("JSON Feed", urls.relative(from_uri, json_uri))])
    return f"{label}: {links}\n{{ .digest-follow }}"


# --- formats -------------------------------------------------------------------------


def rss(feed: Feed, publishing: Publishing) -> str:
    """RSS 2.0 (https://www.rssboard.org/rss-specification), newest first."""
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:dc": DC_NS})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", publishing.absolute(feed.home))
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language)
    _text(channel, "generator", "digest")
    newest = _newest(feed.articles)
    if newest:
        _text(channel, "lastBuildDate", rfc822(newest))
    ET.SubElement(channel, "atom:link", {"href": publishing.absolute(feed.rss_uri), "rel": "self", "type": RSS_TYPE})
    for article in feed.articles:
        item = ET.SubElement(channel, "item")
        link = publishing.absolute(urls.article(article.slug))
        _text(item, "title", article.title)
        _text(item, "link", link)
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        if article.date:
            _text(item, "pubDate", rfc822(article.date))
        if article.summary:
            _text(item, "description", article.summary)
        if article.author:
            _text(item, "dc:creator", article.author)
        for name in article.topic_names:
            _text(item, "category", display_name(name))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(feed: Feed, publishing: Publishing) -> str:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), newest first."""
    items = []
    for article in feed.articles:
        link = publishing.absolute(urls.article(article.slug))
        item: dict = {"id": link, "url": link, "title": article.title}
        # content_text is required; the summary is the part of the article a feed reader shows.
        item["content_text"] = article.summary or article.title
        if article.summary:
            item["summary"] = article.summary
        if article.date:
            item["date_published"] = rfc3339(article.date)
        if article.author:
            item["authors"] = [{"name": article.author}]
        if article.topics:
            item["tags"] = [display_name(n) for n in article.topic_names]
        item["language"] = article.language
        items.append(item)
    data = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": publishing.absolute(feed.home),
        "feed_url": publishing.absolute(feed.json_uri),
        "description": feed.description,
        "language": feed.language,
        "items": items,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def robots_txt(publishing: Publishing | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if publishing is not None:
        lines += ["", f"Sitemap: {publishing.absolute(urls.SITEMAP)}"]
    return "\n".join(lines) + "\n"


def rfc822(date: dt.date) -> str:
    """RSS dates: 'Fri, 12 Sep 2025 00:00:00 GMT' (an article's date is taken as midnight UTC)."""
    return email.utils.format_datetime(_midnight(date), usegmt=True)


def rfc3339(date: dt.date) -> str:
    """JSON Feed dates: '2025-09-12T00:00:00Z'."""
    return _midnight(date).strftime("%Y-%m-%dT%H:%M:%SZ")


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(0), tzinfo=dt.timezone.utc)


def _newest(articles: Sequence[Article]) -> dt.date | None:
    return max((a.date for a in articles if a.date), default=None)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _NOT_XML.sub("", text)
    return element
