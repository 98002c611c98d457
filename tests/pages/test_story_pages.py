"""Story pages: span, timeline, developing mark, links both ways, the index and feeds."""

from __future__ import annotations

import datetime as dt
import json

from generator.model import StoryRef
from generator.pages import render_site, urls
from generator.pages.article import front_matter

from sitebuilder import ORG, PERSON, PLACE, article, make_site

D = dt.date
QUAKE = StoryRef("quake-1.txt", "Earthquake <strikes> Morocco's Atlas Mountains")
FLOOD = StoryRef("flood-1.txt", "Floods in Libya")


def quake_site():
    quake = [
        article("Earthquake strikes Morocco", D(2025, 9, 10), source="quake-1.txt", story=QUAKE, publisher="Reuters",
                entities=[("Morocco", PLACE, 3), ("Marrakesh", PLACE, 1)], topics=["disaster, accident and emergency incident"]),
        article("Death toll passes 2,000", D(2025, 9, 12), source="quake-2.txt", story=QUAKE, publisher="AP",
                entities=[("Morocco", PLACE, 2), ("Red Crescent", ORG, 1)], topics=["disaster, accident and emergency incident"]),
        article("Aid reaches Atlas villages", D(2025, 9, 14), source="quake-3.txt", story=QUAKE, publisher="Reuters",
                entities=[("Morocco", PLACE, 1), ("Mohammed VI", PERSON, 1)]),
    ]
    flood = [
        article("Storm Daniel floods Derna", D(2025, 8, 1), source="flood-1.txt", story=FLOOD, publisher="AFP"),
        article("Derna dams burst", D(2025, 8, 2), source="flood-2.txt", story=FLOOD, publisher="AFP"),
    ]
    alone = article("Nvidia record revenue", D(2025, 9, 14), source="chips.txt")
    return make_site(*quake, *flood, alone)


def test_story_page_has_span_developing_mark_and_timeline_oldest_first():
    site = quake_site()
    pages = render_site(site)
    [entry] = [s for s in site.stories.values() if s.key == "quake-1.txt"]
    page = pages.get(urls.story_of(entry))
    assert "10–14 September 2025, 3 articles, 2 sources" in page.body
    assert "**Developing**" in page.body  # its newest article is the digest's newest
    timeline = page.body.split("## Timeline")[1]
    assert timeline.index("Earthquake strikes Morocco") < timeline.index("Death toll") < timeline.index("Aid reaches")
    assert "&lt;strikes&gt;" in page.body and "<strikes>" not in page.body  # a title is text, never markup
    assert "Mohammed VI" in page.body and "Red Crescent" in page.body and "Morocco" in page.body
    flood = next(s for s in site.stories.values() if s.key == "flood-1.txt")
    assert "Developing" not in pages.get(urls.story_of(flood)).body  # six weeks older than the newest article


def test_articles_link_their_story_and_say_how_large_it_is():
    site = quake_site()
    pages = render_site(site)
    by_source = {a.source: a for a in site.articles}
    quake = by_source["quake-2.txt"]
    body = pages.get(f"articles/{quake.slug}.md").body
    assert "Part of:" in body and "3 articles since 10 September" in body
    assert f"stories/{quake.story.slug}/" in body
    assert "Part of:" not in pages.get(f"articles/{by_source['chips.txt'].slug}.md").body
    assert front_matter(quake)["story"] == {"slug": quake.story.slug, "title": QUAKE.title}
    assert "story" not in front_matter(by_source["chips.txt"])


def test_stories_index_ranks_larger_stories_first_and_is_in_the_nav():
    pages = render_site(quake_site())
    index = pages.get("stories/index.md")
    assert index.in_nav
    assert index.body.index("Earthquake") < index.body.index("Floods in Libya")
    assert "1–2 August 2025, 2 articles, 1 source" in index.body


def test_each_story_has_feeds_newest_first():
    site = quake_site()
    pages = render_site(site, site_url="https://example.org/digest/")
    entry = next(s for s in site.stories.values() if s.key == "quake-1.txt")
    feed = json.loads(pages.get(f"stories/{entry.slug}/feed.json").body)
    assert [item["title"] for item in feed["items"]] == ["Aid reaches Atlas villages", "Death toll passes 2,000",
                                                          "Earthquake strikes Morocco"]
    assert "Follow this story" in pages.get(urls.story_of(entry)).body
