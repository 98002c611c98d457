"""A reader following a story in Chromium: the timeline in order, links both ways, briefings, a phone's width."""

from __future__ import annotations

import re

import pytest
import sample
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The sample article (12 September) continues the story of the Poland fixture (10 September).
STORY = "stories/poland-invokes-nato-article-4-after-drones-enter-its-airspace/"
FIRST = "Poland Invokes NATO Article 4"


def test_story_timeline_is_oldest_first_and_links_both_ways_on_a_phone(page, base):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + STORY)
    expect(page.locator("h1")).to_contain_text(FIRST)
    expect(page.locator(".digest-story-span")).to_contain_text("10–12 September 2025, 2 articles")
    items = page.locator(".digest-timeline li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("10 September 2025")
    expect(items.nth(1)).to_contain_text("12 September 2025")
    expect(items.nth(1)).to_contain_text(sample.SEED_TITLE)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"story page: {overflow}px wider than the phone's screen"

    items.nth(1).get_by_role("link").click()
    expect(page).to_have_url(base + sample.ARTICLE)
    part_of = page.locator(".digest-story-link")
    expect(part_of).to_contain_text("Part of:")
    expect(part_of).to_contain_text("2 articles since 10 September")
    part_of.get_by_role("link").click()
    expect(page).to_have_url(base + STORY)


def test_stories_index_links_the_story(page, base):
    page.goto(base + "stories/")
    link = page.get_by_role("link", name=re.compile(FIRST))
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(base + STORY)


def test_home_leads_to_the_days_briefing_which_leads_to_the_story(page, base):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base)
    lead = page.locator(".digest-briefing-lead")
    expect(lead).to_contain_text("Briefing for Friday, 12 September 2025")
    lead.get_by_role("link", name=re.compile("Briefing for")).click()
    expect(page).to_have_url(base + "days/2025-09-12/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"day briefing: {overflow}px wider than the phone's screen"
    expect(page.get_by_role("link", name=re.compile("Week 37, 2025"))).to_be_visible()
    page.get_by_role("link", name=re.compile(FIRST)).first.click()
    expect(page).to_have_url(base + STORY)
