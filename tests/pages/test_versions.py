"""Versions of one story (near-duplicates): each page links the others; listings show the story once."""

import datetime as dt

from sitebuilder import PERSON, article, make_site

from generator.pages import render_site
from generator.pages.home import home_page

DAY = dt.date(2001, 3, 20)


def story_site():
    first = article("Ferry pier opens", DAY - dt.timedelta(days=1), topics=["economy"], source="ferry.txt",
                    entities=[("Ann Lee", PERSON, 2)], versions=("ferry-update.txt",))
    update = article("Ferry pier opens, updated", DAY, topics=["economy"], source="ferry-update.txt",
                     entities=[("Ann Lee", PERSON, 2)], versions=("ferry.txt",),
                     related=("ferry.txt", "budget.txt"))
    other = article("Harbour budget", DAY, topics=["economy"], source="budget.txt", entities=[("Ann Lee", PERSON, 1)],
                    related=("ferry.txt", "ferry-update.txt"))
    return make_site(first, update, other, entity_page_min_articles=1)


def test_listings_show_the_newest_version_once():
    site = story_site()
    assert [a.title for a in site.articles] == ["Ferry pier opens, updated", "Harbour budget", "Ferry pier opens"]
    assert [a.title for a in site.listed] == ["Ferry pier opens, updated", "Harbour budget"]
    assert [a.title for a in site.months[(2001, 3)]] == ["Ferry pier opens, updated", "Harbour budget"]
    assert len(site.entities[(PERSON, "Ann Lee")].articles) == 2 and len(site.topics["economy"].articles) == 2
    home = home_page(site).body
    assert "Ferry pier opens, updated" in home and "[Ferry pier opens](" not in home
    assert "2 articles, the newest from" in home


def test_every_version_has_its_page_linking_the_others_and_is_related_once():
    pages = {p.src_uri: p for p in render_site(story_site())}
    first, update = pages["articles/ferry-pier-opens.md"], pages["articles/ferry-pier-opens-updated.md"]
    assert first.body.startswith('<aside class="digest-versions" aria-label="Another version of this story">')
    assert ('<li><a href="../../articles/ferry-pier-opens-updated/">Ferry pier opens, updated</a> '
            "<small>20 March 2001 · ferry-update.txt</small></li>") in first.body
    assert ('<li><a href="../../articles/ferry-pier-opens/">Ferry pier opens</a> '
            "<small>19 March 2001 · ferry.txt</small></li>") in update.body
    # The other article was related to both versions: it links the story once, as listed.
    related = pages["articles/harbour-budget.md"].body.split('<ul class="digest-related">')[1].split("</ul>")[0]
    assert related.count("<li>") == 1 and "Ferry pier opens, updated" in related
    # A version is no related article of another.
    related = update.body.split('<ul class="digest-related">')[1].split("</ul>")[0]
    assert related.count("<li>") == 1 and "Harbour budget" in related
