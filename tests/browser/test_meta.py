"""What link previews, feed readers and crawlers read in the built site: meta tags, feeds, robots.txt."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import sample
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

HOSTILE = "Shares of DD fall 5% after <b>profit</b> warning & outlook cut"  # <DD>, a ticker, is a label
HOSTILE_PAGE = "articles/shares-of-dd-fall-5-after-b-profit-b-warning-outlook-cut/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return sample.site(tmp_path_factory)


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_articles_carry_opengraph_and_twitter_tags(site):
    page = soup(site, sample.ARTICLE)
    title = page.h1.get_text(strip=True)
    summary = "The shooting down of Russian drones over Poland has inaugurated a new stage"
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == title
    assert meta(page, "og:description").startswith(summary)
    assert meta(page, "og:description") == meta(page, "description")
    # X (Twitter) falls back to og:title and og:description: written once, not twice on every page.
    assert meta(page, "twitter:title") is None and meta(page, "twitter:description") is None
    assert meta(page, "article:published_time") == "2025-09-12"
    assert meta(page, "og:url") == sample.SITE_URL + sample.ARTICLE
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "og:site_name") == "Briefing digest"
    assert meta(soup(site, "."), "og:type") == "website"


def test_article_text_in_meta_tags_is_escaped(site):
    html = (site / HOSTILE_PAGE / "index.html").read_text(encoding="utf-8")
    assert "<b>profit</b>" not in html
    assert meta(BeautifulSoup(html, "html.parser"), "og:title") == HOSTILE


def test_every_page_names_the_feeds_and_topic_pages_their_own(site):
    for path in (".", sample.ARTICLE, sample.ENTITY):
        links = {(link["type"], link["href"]) for link in soup(site, path).select("head link[rel~=alternate]")}
        depth = "" if path == "." else "../" * path.rstrip("/").count("/") + "../"
        assert {("application/rss+xml", depth + "feed.xml"), ("application/feed+json", depth + "feed.json")} <= links
    topic = soup(site, sample.TOPIC).select("head link[rel~=alternate][rel~=feed]")
    assert [(link["type"], link["href"]) for link in topic] == [("application/rss+xml", "feed.xml"),
                                                               ("application/feed+json", "feed.json")]


def test_feeds_in_the_built_site(site):
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[0].startswith(sample.SEED_TITLE) and HOSTILE in titles
    assert channel.findtext("item/link") == sample.SITE_URL + sample.ARTICLE
    topic = json.loads((site / sample.TOPIC / "feed.json").read_text(encoding="utf-8"))
    assert topic["home_page_url"] == sample.SITE_URL + sample.TOPIC
    assert [item["date_published"] for item in topic["items"]] == ["2025-09-12T00:00:00Z", "2025-09-10T00:00:00Z"]


def test_robots_and_sitemap(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {sample.SITE_URL}sitemap.xml" in robots.splitlines()
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert sample.SITE_URL + sample.ARTICLE in locs and sample.SITE_URL + sample.ENTITY in locs
