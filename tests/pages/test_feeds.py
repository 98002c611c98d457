"""Feeds: RSS 2.0 and JSON Feed 1.1 for the digest and each topic, with the articles' own dates."""

import datetime as dt
import email.utils
import json
import xml.etree.ElementTree as ET

from sitebuilder import ORG, PERSON, article, make_site

from generator.model import Severity
from generator.pages import render_site
from generator.pages.feeds import FEED_ITEMS, Publishing, feed_note, feed_pages

SITE_URL = "https://owner.github.io/digest"  # no trailing slash: one is added
HOSTILE = 'Shares of <DD> fall & "rise" ]]> </title><script>alert(1)</script>'


def sample_site():
    return make_site(
        article("Drones over Poland", dt.date(2025, 9, 12), topics=["conflict, war and peace", "politics"],
                entities=[("Mark Rutte", PERSON, 3)], summary="NATO jets shot down drones.", author="Jane Doe"),
        article(HOSTILE, dt.date(2025, 9, 10), topics=["economy"], summary="Profit <b>warning</b> & cut\x0b."),
        article("Undated note", None, topics=["politics"]),
        article("Article four", dt.date(2025, 9, 11), topics=["conflict, war and peace"], entities=[("NATO", ORG, 1)]),
    )


def pages(site=None, site_url=SITE_URL, directory_urls=True):
    publishing = Publishing(site_url, "Briefing", directory_urls) if site_url else None
    return {p.src_uri: p for p in feed_pages(site or sample_site(), publishing)}


def rss_items(text):
    channel = ET.fromstring(text).find("channel")
    return channel, channel.findall("item")


def test_rss_lists_articles_newest_first_with_absolute_links_and_rfc822_dates():
    channel, items = rss_items(pages()["feed.xml"].text())
    assert channel.findtext("link") == "https://owner.github.io/digest/"
    assert [i.findtext("title") for i in items] == ["Drones over Poland", "Article four", HOSTILE, "Undated note"]
    first = items[0]
    assert first.findtext("link") == "https://owner.github.io/digest/articles/drones-over-poland/"
    assert first.findtext("guid") == first.findtext("link")
    assert first.findtext("pubDate") == "Fri, 12 Sep 2025 00:00:00 GMT"
    assert email.utils.parsedate_to_datetime(first.findtext("pubDate")).date() == dt.date(2025, 9, 12)
    assert first.findtext("description") == "NATO jets shot down drones."
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Jane Doe"
    assert [c.text for c in first.findall("category")] == ["Conflict, war and peace", "Politics"]
    assert items[3].find("pubDate") is None  # undated: no invented date
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "https://owner.github.io/digest/feed.xml" and self_link.get("rel") == "self"
    # The channel's date is the newest article's, never the clock's.
    assert channel.findtext("lastBuildDate") == "Fri, 12 Sep 2025 00:00:00 GMT"


def test_article_text_is_data_in_feeds():
    text = pages()["feed.xml"].text()
    _, items = rss_items(text)  # parses: the title did not close any element
    hostile = items[2]
    assert hostile.findtext("title") == HOSTILE
    assert hostile.findtext("description") == "Profit <b>warning</b> & cut."  # \x0b cannot be XML at all
    assert "<script>" not in text
    feed = json.loads(pages()["feed.json"].text())
    assert feed["items"][2]["title"] == HOSTILE


def test_json_feed_1_1():
    feed = json.loads(pages()["feed.json"].text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["home_page_url"] == "https://owner.github.io/digest/"
    assert feed["feed_url"] == "https://owner.github.io/digest/feed.json"
    first = feed["items"][0]
    assert first["id"] == first["url"] == "https://owner.github.io/digest/articles/drones-over-poland/"
    assert first["date_published"] == "2025-09-12T00:00:00Z"
    assert dt.datetime.fromisoformat(first["date_published"]) == dt.datetime(2025, 9, 12, tzinfo=dt.timezone.utc)
    assert first["summary"] == first["content_text"] == "NATO jets shot down drones."
    assert first["authors"] == [{"name": "Jane Doe"}]
    assert first["tags"] == ["Conflict, war and peace", "Politics"]
    assert "date_published" not in feed["items"][3]


def test_each_topic_has_feeds_with_only_its_articles():
    all_pages = pages()
    channel, items = rss_items(all_pages["topics/conflict-war-and-peace/feed.xml"].text())
    assert [i.findtext("title") for i in items] == ["Drones over Poland", "Article four"]
    assert channel.findtext("link") == "https://owner.github.io/digest/topics/conflict-war-and-peace/"
    assert channel.findtext("title").startswith("Conflict, war and peace")
    feed = json.loads(all_pages["topics/politics/feed.json"].text())
    assert [i["title"] for i in feed["items"]] == ["Drones over Poland", "Undated note"]
    assert feed["feed_url"] == "https://owner.github.io/digest/topics/politics/feed.json"


def test_feeds_are_capped_and_deterministic():
    many = [article(f"Story {n:03d}", dt.date(2024, 1, 1) + dt.timedelta(days=n)) for n in range(FEED_ITEMS + 5)]
    site = make_site(*many)
    first, second = pages(site), pages(make_site(*reversed(many)))
    assert first["feed.xml"].text() == second["feed.xml"].text()
    assert first["feed.json"].text() == second["feed.json"].text()
    _, items = rss_items(first["feed.xml"].text())
    assert len(items) == FEED_ITEMS and items[0].findtext("title") == f"Story {FEED_ITEMS + 4:03d}"


def test_links_follow_use_directory_urls():
    _, items = rss_items(pages(directory_urls=False)["feed.xml"].text())
    assert items[0].findtext("link") == "https://owner.github.io/digest/articles/drones-over-poland.html"


def test_without_site_url_no_feeds_a_note_and_robots_without_sitemap():
    without = pages(site_url=None)
    assert list(without) == ["robots.txt"]
    assert "Sitemap" not in without["robots.txt"].text()
    notes = feed_note(None)
    assert len(notes) == 1 and notes[0].severity is Severity.INFO and "site_url" in notes[0].reason
    assert feed_note(SITE_URL) == []
    assert pages()["robots.txt"].text() == "User-agent: *\nAllow: /\n\nSitemap: https://owner.github.io/digest/sitemap.xml\n"


def test_render_site_adds_feeds_and_links_them_from_home_and_topic_pages():
    site = sample_site()
    rendered = render_site(site, "Briefing", SITE_URL + "/")
    for uri in ("feed.xml", "feed.json", "robots.txt", "topics/politics/feed.xml", "topics/politics/feed.json"):
        assert uri in rendered
    assert "[RSS](feed.xml)" in rendered.get("index.md").body
    topic = rendered.get("topics/politics.md")
    assert "[RSS](politics/feed.xml)" in topic.body
    assert [f["path"] for f in topic.meta["feeds"]] == ["topics/politics/feed.xml", "topics/politics/feed.json"]
    plain = render_site(site, "Briefing")
    assert "feed.xml" not in plain and "robots.txt" in plain
    assert "feeds" not in plain.get("topics/politics.md").meta and "RSS" not in plain.get("index.md").body
