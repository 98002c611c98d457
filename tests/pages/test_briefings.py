"""Daily and weekly briefings: stories ranked by coverage, entities new that day, neighbours, the home lead."""

from __future__ import annotations

import datetime as dt

from generator.model import StoryRef
from generator.pages import render_site, urls

from sitebuilder import ORG, PERSON, PLACE, article, make_site

D = dt.date
QUAKE = StoryRef("quake-1.txt", "Earthquake strikes <Morocco>")
TARIFF = StoryRef("tariff-1.txt", "Tariffs on steel")


def site():
    return make_site(
        article("Earthquake strikes Morocco", D(2025, 9, 10), source="quake-1.txt", story=QUAKE, publisher="Reuters",
                entities=[("Morocco", PLACE, 2)], topics=["disaster, accident and emergency incident"]),
        article("Tariffs on steel", D(2025, 9, 10), source="tariff-1.txt", story=TARIFF, publisher="AP",
                entities=[("Ursula von der Leyen", PERSON, 1)]),
        article("Death toll rises", D(2025, 9, 12), source="quake-2.txt", story=QUAKE, publisher="AP",
                entities=[("Morocco", PLACE, 1), ("Red Crescent", ORG, 1)]),
        article("Rescuers reach villages", D(2025, 9, 12), source="quake-3.txt", story=QUAKE, publisher="Reuters",
                entities=[("Red Crescent", ORG, 1)]),
        article("Steel tariffs answered", D(2025, 9, 12), source="tariff-2.txt", story=TARIFF, publisher="AFP"),
        article("Mars rover finds clay", D(2025, 9, 15), source="mars.txt", entities=[("NASA", ORG, 1)]),
    )


def test_day_briefing_ranks_stories_by_coverage_and_names_new_entities():
    pages = render_site(site())
    day = pages.get(urls.day(D(2025, 9, 12))).body
    stories = day.split("## Stories")[1]
    assert stories.index("Earthquake strikes &lt;Morocco&gt;") < stories.index("Tariffs on steel")
    assert "2 articles that day from 2 sources · 3 articles in all" in stories
    new = day.split("## New today")[1].split("##")[0]
    assert "Red Crescent" in new and "Morocco" not in new  # Morocco was first named on the 10th
    assert "Wednesday, 10 September 2025" in day and "Monday, 15 September 2025" in day  # previous and next day
    assert "Week 37, 2025 (8–14 September 2025)" in day


def test_week_briefing_lists_its_days_and_links_the_next_week():
    pages = render_site(site())
    week = pages.get(urls.week(2025, 37)).body
    assert "5 articles on 2 days" in week
    assert week.index("Earthquake strikes") < week.index("Tariffs on steel")
    assert "Week 38, 2025" in week
    assert pages.get(urls.week(2025, 38)) is not None


def test_home_page_leads_with_the_newest_days_briefing():
    home = render_site(site()).get(urls.HOME).body
    lead = home.split("{ .digest-briefing-lead }")[0]
    assert "Briefing for Monday, 15 September 2025" in lead and "days/2025-09-15.md" in lead
    assert home.index("Briefing for") < home.index("## Monday, 15 September 2025")


def test_new_entities_are_those_first_named_that_day_counted_in_its_articles():
    """briefing.new_entities finds them from the entities' articles: the same as counting the names in each day's articles."""
    import pytest  # noqa: F401
    from collections import Counter

    from generator.model import EntityType
    from generator.pages.briefing import NEW_SHOWN, days, new_entities

    from random_site import random_site

    for seed in range(6):
        site = random_site(seed)
        first = {}
        for entry in site.entities.values():
            dates = entry.dates
            if entry.has_page and dates:
                first[entry.key] = dates[0]
        expected = {}
        for date, articles in days(site).items():
            counts = Counter(k for a in articles for k in dict.fromkeys((m.type, m.name) for m in a.entities))
            new = [k for k in counts if first.get(k) == date]
            new.sort(key=lambda k: (-counts[k], list(EntityType).index(k[0]), k[1].casefold(), k[1]))
            if new:
                expected[date] = [site.entities[key] for key in new[:NEW_SHOWN]]
        assert expected and new_entities(site) == expected
