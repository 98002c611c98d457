"""A large digest gives pages only to entities named in two articles or more; the others stay
in the indexes, unlinked, and no page links to a page that does not exist."""

import datetime as dt
import re

from sitebuilder import ORG, PERSON, PLACE, article, make_site

from generator.pages import render_site


def digest(**options):
    return make_site(
        article("Port strike", dt.date(2024, 3, 1), topics=["economy"], entities=[("Anna Lindqvist", PERSON, 2), ("Gothenburg", PLACE, 1)]),
        article("Ferry talks", dt.date(2024, 3, 2), topics=["economy"], entities=[("Anna Lindqvist", PERSON, 1), ("Stena Line", ORG, 3)]),
        article("Dock reopens", dt.date(2024, 3, 3), topics=["economy"], entities=[("Gothenburg", PLACE, 2), ("Per Holm", PERSON, 1)]),
        **options,
    )


def test_beyond_the_size_limit_an_entity_named_once_gets_no_page_but_stays_in_the_index():
    site = digest(all_entity_pages_up_to=2)
    pages = {p.src_uri: p.body for p in render_site(site)}
    assert "entities/people/anna-lindqvist.md" in pages and "entities/places/gothenburg.md" in pages
    assert "entities/people/per-holm.md" not in pages and "entities/organizations/stena-line.md" not in pages
    people = pages["entities/people/index.md"]
    assert "2 people, most mentioned first." in people
    assert re.search(r"<li>Per Holm <small>1 article · 1 mention</small></li>", people)
    assert "Stena Line <small>" in pages["entities/index.md"]
    linked = {target for body in pages.values() for target in re.findall("\x01([^\x02]*)\x02", body)}
    linked |= {m for body in pages.values() for m in re.findall(r"\]\(([^)]*\.md)\)", body)}
    assert not any("per-holm" in t or "stena-line" in t for t in linked)


def test_a_small_digest_keeps_a_page_for_every_entity():
    pages = {p.src_uri for p in render_site(digest())}
    assert {"entities/people/per-holm.md", "entities/organizations/stena-line.md"} <= pages


def test_the_owner_can_ask_for_more_articles_per_entity_page_in_any_digest():
    pages = {p.src_uri for p in render_site(digest(entity_page_min_articles=2))}
    assert "entities/people/anna-lindqvist.md" in pages and "entities/people/per-holm.md" not in pages
