"""Article entries in listings: each site's own dates and summaries, however many sites one process renders."""

import datetime as dt

from sitebuilder import article, make_site

from generator.pages import render_site
from generator.pages.topic import topic_page


def test_a_second_site_lists_its_own_dates_and_summaries():
    first = make_site(article("Harbour opens", dt.date(2024, 3, 1), topics=["ports"], summary="The old dock opened."))
    second = make_site(article("Harbour opens", dt.date(2025, 6, 2), topics=["ports"], summary="The new dock opened."))
    assert first.articles[0].source == second.articles[0].source
    render_site(first)
    body = topic_page(second.topics["ports"], second).body
    assert "2 June 2025" in body and "The new dock opened." in body
    assert "1 March 2024" not in body and "The old dock opened." not in body
    pages = {p.src_uri: p.body for p in render_site(second)}
    assert "The new dock opened." in pages["topics/ports.md"] and "The old dock opened." not in pages["topics/ports.md"]
