"""The home page reads like a briefing: who is in the news, the latest articles by day, the topics."""

import datetime as dt

from sitebuilder import ORG, PERSON, PLACE, article, make_site

from generator.pages.home import home_page, in_the_news, news_windows

# Far in the past on purpose: "the past week" ends on the newest article's date, not today's.
NEWEST = dt.date(2001, 3, 20)


def site():
    return make_site(
        article("Summit opens", NEWEST, topics=["politics"], summary="Leaders met in Brussels.",
                entities=[("Ann Lee", PERSON, 4), ("NATO", ORG, 2), ("Brussels", PLACE, 1), ("Bo Chan", PERSON, 1)]),
        article("Summit prepared", NEWEST - dt.timedelta(days=2), topics=["politics", "economy"],
                entities=[("Ann Lee", PERSON, 1), ("NATO", ORG, 1)]),
        article("Earlier talks", NEWEST - dt.timedelta(days=20), topics=["economy"],
                entities=[("Cy Diaz", PERSON, 9), ("Bo Chan", PERSON, 1)]),
        article("Long ago", NEWEST - dt.timedelta(days=90), entities=[("Dee Old", PERSON, 50)]),
        article("No date", None, entities=[("Dee Old", PERSON, 1)]),
    )


def names(news, type_=PERSON):
    return [(entry.name, n) for entry, n in news.entities[type_]]


def test_in_the_news_counts_articles_in_windows_ending_on_the_newest_article():
    s = site()
    week = in_the_news(s, 7)
    assert (week.first, week.last, week.articles) == (NEWEST - dt.timedelta(days=6), NEWEST, 2)
    assert names(week) == [("Ann Lee", 2), ("Bo Chan", 1)]
    assert names(week, ORG) == [("NATO", 2)]
    month = in_the_news(s, 30)
    # Bo Chan and Cy Diaz are each in one article: more mentions first.
    assert names(month) == [("Ann Lee", 2), ("Bo Chan", 2), ("Cy Diaz", 1)]
    assert "Dee Old" not in [name for name, _ in names(month)]  # 90 days before the newest article


def test_month_is_shown_only_when_it_adds_articles():
    assert [n.label for n in news_windows(site())] == ["past week", "past month"]
    only_recent = make_site(article("One", NEWEST, entities=[("Ann Lee", PERSON, 1)]),
                            article("Two", NEWEST - dt.timedelta(days=1), entities=[("Ann Lee", PERSON, 1)]))
    assert [n.label for n in news_windows(only_recent)] == ["past week"]
    assert news_windows(make_site(article("Undated", None))) == []


def test_home_page_groups_latest_articles_by_day_with_summary_topics_and_entities():
    body = home_page(site(), "My briefing", feeds=False).body
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == ["## In the news", "## Tuesday, 20 March 2001", "## Sunday, 18 March 2001",
                        "## Wednesday, 28 February 2001", "## Wednesday, 20 December 2000", "## Undated", "## Topics"]
    assert body.startswith("# My briefing\n")
    summit = body.split("## Tuesday, 20 March 2001")[1].split("## Sunday")[0]
    assert "[Summit opens](articles/summit-opens.md)" in summit
    assert "Leaders met in Brussels." in summit
    assert "[Politics](topics/politics.md)" in summit
    # Key entities, most mentioned first, linked to their pages.
    assert summit.index("[Ann Lee](entities/people/ann-lee.md)") < summit.index("[NATO](entities/organizations/nato.md)")
    assert "### The past week" in body and "### The past month" in body
    assert "[Economy](topics/economy.md){ .digest-chip .digest-chip--topic } <small>2</small>" in body
    assert "RSS" not in body


def test_home_page_limits_articles_and_links_the_archive():
    many = [article(f"Story {n}", NEWEST - dt.timedelta(days=n)) for n in range(5)]
    body = home_page(make_site(*many, home_articles=3)).body
    assert "Story 2" in body and "Story 3" not in body
    assert "[All 5 dated articles in the archive](archive/index.md)" in body


def test_article_text_in_the_home_page_is_escaped():
    body = home_page(make_site(article("<b>Bold</b> [x](javascript:1)", NEWEST, summary="# not a heading"))).body
    assert "<b>" not in body and "[x](javascript" not in body
    assert "\n    &#35; not a heading" in body


def undated(n: int):
    """Articles without a date as a scraper names them: item-1.txt, item-2.txt, ... (item-10 after item-9)."""
    return [article(f"Untimed {i}", None, source=f"scraped/item-{i}.txt") for i in range(1, n + 1)]


def titles_in(text: str) -> list[str]:
    return [line.split("**[")[1].split("]")[0] for line in text.splitlines() if line.startswith("-   **[")]


def test_undated_articles_have_a_home_section_with_their_count_the_last_added_first():
    dated = [article(f"Story {n}", NEWEST - dt.timedelta(days=n)) for n in range(5)]
    body = home_page(make_site(*dated, *undated(25), home_articles=3)).body
    latest, rest = body.split("## Undated")
    assert titles_in(latest) == ["Story 0", "Story 1", "Story 2"]
    assert "[All 5 dated articles in the archive](archive/index.md)" in latest
    assert "25 articles without a date, the most recently added first." in rest
    assert titles_in(rest) == [f"Untimed {i}" for i in range(25, 15, -1)]  # by file name, numbers as numbers
    assert "[All 25 undated articles](archive/undated.md)" in rest


def test_a_digest_of_undated_articles_fills_the_home_page_with_them():
    body = home_page(make_site(*undated(40), home_articles=30)).body
    assert body.count("## ") == 1 and "## Undated" in body
    assert len(titles_in(body)) == 30 and titles_in(body)[0] == "Untimed 40"
    assert "[All 40 undated articles](archive/undated.md)" in body
    few = home_page(make_site(*undated(3))).body
    assert titles_in(few) == ["Untimed 3", "Untimed 2", "Untimed 1"] and "All 3 undated" not in few
