"""Previous and next article by date, at the foot of each article page."""

import datetime as dt

from sitebuilder import article, make_site

from generator.pages import render_site
from generator.pages.reading import neighbours, prev_next_section

D = dt.date(2025, 9, 10)


def site():
    return make_site(
        article("Middle", D),
        article("Newest", D + dt.timedelta(days=2)),
        article("Oldest", D - dt.timedelta(days=30)),
        article("Same day as middle", D),
        article("Undated", None),
    )


def titles(pair):
    return tuple(a.title if a else None for a in pair)


def test_neighbours_follow_dates_and_skip_undated_articles():
    s = site()
    by_title = {a.title: neighbours(s).get(a.source) for a in s.articles}
    assert titles(by_title["Newest"]) == ("Middle", None)
    assert titles(by_title["Middle"]) == ("Same day as middle", "Newest")  # one day: the site's title order
    assert titles(by_title["Same day as middle"]) == ("Oldest", "Middle")
    assert titles(by_title["Oldest"]) == (None, "Same day as middle")
    assert by_title["Undated"] is None


def test_article_pages_link_previous_and_next():
    pages = render_site(site())
    middle = pages.get("articles/middle.md").body
    assert 'href="../../articles/same-day-as-middle/"><span class="digest-prevnext__label">Previous article</span> Same day as middle</a>' in middle
    assert 'href="../../articles/newest/"><span class="digest-prevnext__label">Next article</span> Newest</a>' in middle
    newest = pages.get("articles/newest.md").body
    assert "Previous article" in newest and "Next article" not in newest
    assert "digest-prevnext" not in pages.get("articles/undated.md").body


def test_titles_in_links_are_escaped():
    s = make_site(article("[Evil](javascript:x) <i>", D), article("Other", D + dt.timedelta(days=1)))
    other = next(a for a in s.articles if a.title == "Other")
    evil = next(a for a in s.articles if a.title != "Other")
    section = prev_next_section(other, evil, None)
    assert "</span> [Evil](javascript:x) &lt;i&gt;</a>" in section
    assert "<i>" not in section and 'href="javascript' not in section
