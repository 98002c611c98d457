"""Topic pages, the topics index, tag pages and tag chips: on the model, and on real built HTML."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sitebuilder import ORG, PERSON, PLACE, article
from support import build_site

from generator.config import config_from_dict
from generator.enrich.entities.rules import EntityRules
from generator.enrich.topics.taxonomy import Taxonomy, Topic
from generator.pages import render_site, urls
from generator.site_model import assemble
from generator.site_model import collect_tags
from generator.pages.topic import topic_more_pages, topic_page, topics_index

WAR = Topic("medtop:16000000", "conflict, war and peace", "Military activities and peace efforts.")
DRONES = Topic("own:drone-warfare", "Drone warfare", "Unmanned aircraft in war.", parent="medtop:16000000")
POLITICS = Topic("medtop:11000000", "politics", "The exercise of power.")
TAXONOMY = Taxonomy((WAR, DRONES, POLITICS))


def site_of(*articles, **options):
    return assemble(list(articles), TAXONOMY, EntityRules(), config_from_dict(options))


def test_topic_page_lists_articles_newest_first_with_summaries_sub_topics_and_entities():
    site = site_of(
        article("Old clash", dt.date(2025, 1, 5), topics=[WAR.name], summary="Fighting in January.",
                entities=[("NATO", ORG, 2), ("Kyiv", PLACE, 1)]),
        article("New drones", dt.date(2025, 3, 1), topics=[WAR.name, DRONES.name], summary="Drones over the border.",
                entities=[("NATO", ORG, 1), ("Mark Rutte", PERSON, 1)]),
        article("Vote", dt.date(2025, 2, 1), topics=[POLITICS.name]),
    )
    page = topic_page(site.topics[WAR.name], site)
    body = page.body
    assert page.src_uri == "topics/conflict-war-and-peace.md"
    assert body.startswith("# Conflict, war and peace\n\nMilitary activities and peace efforts.")
    assert body.index("New drones") < body.index("Old clash") and "Vote" not in body
    assert "Drones over the border." in body and "Fighting in January." in body
    assert "Sub-topics: [Drone warfare](drone-warfare.md) (1)" in body
    most_present = body[body.index("## Most present"):]
    assert most_present.index("[NATO]") < most_present.index("[Kyiv]")  # NATO is in both articles
    assert "organization · 2 articles" in most_present
    assert page.meta == {"title": "Conflict, war and peace", "topic_code": "medtop:16000000", "articles": 2}
    sub = topic_page(site.topics[DRONES.name], site).body
    assert "Part of [Conflict, war and peace](conflict-war-and-peace.md)." in sub


def test_topics_index_counts_articles_and_nests_sub_topics():
    site = site_of(
        article("A", dt.date(2025, 1, 5), topics=[WAR.name]),
        article("B", dt.date(2025, 1, 6), topics=[WAR.name, DRONES.name]),
        article("C", dt.date(2025, 1, 7), topics=[POLITICS.name]),
    )
    body = topics_index(site).body
    lines = [line for line in body.splitlines() if "article" in line and "](" in line]
    assert lines == [
        "-   [Conflict, war and peace](conflict-war-and-peace.md) <small>2 articles</small>",
        "    -   [Drone warfare](drone-warfare.md) <small>1 article</small>",
        "-   [Politics](politics.md) <small>1 article</small>",
    ]


def test_a_long_topic_is_split_into_pages_that_link_to_each_other():
    articles = [article(f"Item {i}", dt.date(2025, 1, i + 1), topics=[WAR.name]) for i in range(5)]
    site = site_of(*articles, archive_page_size=2)
    entry = site.topics[WAR.name]
    first = topic_page(entry, site).body
    more = topic_more_pages(entry, site)
    # Numbered from the oldest: page 1 holds the two oldest, the topic page (page 2) the rest.
    assert [p.src_uri for p in more] == ["topics/conflict-war-and-peace/page-1.md"]
    assert "Item 4" in first and "Item 2" in first and "Item 1" not in first
    assert "5 articles, newest first (page 2 of 2, numbered from the oldest)." in first
    assert "Pages: **Newest** · [1](conflict-war-and-peace/page-1.md)" in first
    assert "Item 1" in more[0].body and "Item 0" in more[0].body and "Item 2" not in more[0].body
    assert "Pages: [Newest](../conflict-war-and-peace.md) · **1**" in more[0].body
    assert more[0].meta == {"title": "Conflict, war and peace (page 1)", "topic_code": "medtop:16000000"}


def test_a_tag_gets_a_page_only_when_enough_articles_share_it():
    site = site_of(
        article("A", dt.date(2025, 1, 1), tags=("Rail strike", "pay")),
        article("B", dt.date(2025, 1, 3), tags=("rail strikes",)),
        article("C", dt.date(2025, 1, 2), tags=("Rail strike", "pay")),
        tag_page_min_articles=3,
    )
    assert list(site.tags) == ["rail strike"]
    entry = site.tags["rail strike"]
    assert entry.name == "Rail strike" and [a.title for a in entry.articles] == ["B", "C", "A"]
    assert urls.tag_of(entry) == "tags/rail-strike.md"
    assert collect_tags(site.articles, 2).keys() == {"rail strike", "pay"}
    pages = render_site(site)
    assert "tags/rail-strike.md" in pages and "tags/pay.md" not in pages
    assert '<a href="../tags/rail-strike/">Rail strike</a> <small>3 articles</small>' in pages.get("tags/index.md").body


# --- built HTML ---------------------------------------------------------------------------

TOPICS_YML = """\
topics:
  - name: Rail strikes
    parent: labour
    words: [train, railway, station]
    phrases: [rail workers, rail strike]
"""


def rail_article(day: int, town: str, extra: str) -> str:
    return (f"Rail workers strike in {town}\n\nMarch {day}, 2025\n\n"
            f"Rail workers walked out in {town} on Monday in a strike over pay, and the union said the walkout "
            f"would go on. Rail workers want a pay rise above inflation; the employers offered less. {extra}\n\n"
            f"The union said rail workers would strike again next week unless the pay offer improved, and "
            f"picket lines formed at every station in {town}.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("topic-pages")
    articles = {
        "topics.yml": TOPICS_YML,
        "rail-leeds.txt": rail_article(3, "Leeds", "Trains were cancelled across the north."),
        "rail-york.txt": rail_article(5, "York", "Commuters took buses."),
        "rail-hull.txt": rail_article(4, "Hull", "Freight was not affected."),
        "quake.txt": ("Earthquake kills dozens in eastern Turkey\n\nMarch 6, 2025\n\n"
                      "An earthquake of magnitude 6.8 struck eastern Turkey, killing dozens as rescuers searched "
                      "the rubble of collapsed buildings for survivors. Rescue teams worked through the night.\n"),
    }
    return build_site(root, articles, plugin={"tag_page_min_articles": 3})


def html_of(site, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner'):html.index("</article>")] if "md-content__inner" in html else html


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.slow
def test_built_topic_page_and_index(built):
    index = text_of(html_of(built, "topics"))
    assert "Labour 3 articles" in index and "Rail strikes 3 articles" in index
    assert "Disaster, accident and emergency incident 1 article" in index
    labour = html_of(built, "topics/labour")
    text = text_of(labour)
    assert text.index("Rail workers strike in York") < text.index("Rail workers strike in Hull") < text.index("Rail workers strike in Leeds")
    assert 'href="../rail-strikes/"' in labour  # sub-topic link
    assert "Most present" in text and "Leeds" in text
    assert "Rail workers walked out in York" in text  # the summary


@pytest.mark.slow
def test_built_article_shows_tag_chips_linking_to_the_tag_page_and_related_articles(built):
    page = (built / "articles" / "rail-workers-strike-in-york" / "index.html").read_text(encoding="utf-8")
    tags = re.search(r'<p class="digest-article__topics digest-article__tags">.*?</p>', page, re.DOTALL).group()
    chips = re.findall(r'<a href="([^"]+)">([^<]+)</a>', tags)
    assert ("../../tags/rail-workers/", "rail workers") in chips
    tag_page = text_of(html_of(built, "tags/rail-workers"))
    assert "3 articles with this tag" in tag_page
    related = page[page.index('id="related-articles"'):]
    related = related[:related.index("</ul>")]
    assert "Rail workers strike in Leeds" in related and "Earthquake" not in related
