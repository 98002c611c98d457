"""A build that takes what it can from the last one (the page memo, the slug table) makes the
pages a build from nothing makes, whatever changed between them: articles removed, an entity
renamed or retyped, an entity crossing the threshold for its own page, a date moving an article
between days, weeks and months of the archive. Each build here is checked page by page against a
clean one, and with verification on, every page taken from the last build is rendered again too."""

from __future__ import annotations

import datetime as dt

import pytest
from random_site import random_site
from sitebuilder import PERSON, PLACE

from generator.config import config_from_dict
from generator.enrich.entities.rules import EntityRules
from generator.enrich.topics.taxonomy import Taxonomy
from generator.model import EntityMention, EntityType, evolve
from generator.pages import PageMemo, render_site
from generator.site_model import assemble
from generator.slugs import SlugTable

OPTIONS = {"entity_page_min_articles": 3, "tag_page_min_articles": 2, "archive_page_size": 7, "all_entity_pages_up_to": 0}


def _input(article):
    """An article as the corpus stages hand it to the site model (no slug assigned yet)."""
    return evolve(article, slug="", story=None)


def base_articles(seed: int = 1):
    return [_input(a) for a in random_site(seed, n=120).articles]


class Builds:
    """Builds one after the other, each handed the last one's page memo and slug table, as
    `mkdocs serve` and `mkdocs build --dirty` hand them."""

    def __init__(self) -> None:
        self.memo: PageMemo | None = None
        self.slugs = SlugTable()

    def build(self, articles):
        config = config_from_dict(OPTIONS)
        memo = PageMemo("salt", verify=True) if self.memo is None else self.memo.next_build("salt")
        slugs = SlugTable(self.slugs.used)
        site = assemble(list(articles), Taxonomy(()), EntityRules(), config, slugs)
        pages = render_site(site, site_url="https://example.org/", memo=memo)
        self.memo, self.slugs = memo, slugs
        clean = render_site(assemble(list(articles), Taxonomy(()), EntityRules(), config), site_url="https://example.org/")
        assert [p.src_uri for p in pages] == [p.src_uri for p in clean]
        for page, fresh in zip(pages, clean):
            assert page.text() == fresh.text(), page.src_uri
        return site, memo


def renamed(article, old: tuple[EntityType, str], new: tuple[EntityType, str]):
    mentions = tuple(evolve(m, type=new[0], name=new[1]) if (m.type, m.name) == old else m for m in article.entities)
    return evolve(article, entities=mentions)


def test_removed_articles_leave_the_pages_of_a_clean_build():
    articles = base_articles()
    builds = Builds()
    builds.build(articles)
    site, memo = builds.build(articles[:40] + articles[41:])
    assert memo.reused > 0  # most pages were taken from the last build
    builds.build(articles[:40] + articles[41:90])


def test_an_article_that_renames_or_retypes_an_entity_leaves_the_pages_of_a_clean_build():
    articles = base_articles()
    builds = Builds()
    site, _ = builds.build(articles)
    entry = next(e for e in site.entities_of(PERSON) if len(e.articles) >= 4)
    i = next(i for i, a in enumerate(articles) if any((m.type, m.name) == entry.key for m in a.entities))
    # One article now names the entity otherwise (another canonical name), then it is retyped.
    articles[i] = renamed(articles[i], entry.key, (PERSON, entry.name + " Jr"))
    builds.build(articles)
    articles[i] = renamed(articles[i], (PERSON, entry.name + " Jr"), (PLACE, entry.name + " Jr"))
    builds.build(articles)
    articles = [renamed(a, entry.key, (EntityType.ORGANIZATION, entry.name)) for a in articles]
    site, _ = builds.build(articles)
    assert site.entity_page(EntityType.ORGANIZATION, entry.name) is not None


def test_an_entity_crossing_the_threshold_for_a_page_leaves_the_pages_of_a_clean_build():
    articles = base_articles()
    newcomer = EntityMention("Ines Duarte", PERSON, 1)
    builds = Builds()
    named = []
    for i in (3, 50, 77):  # in 1, 2, then 3 articles: the third gives it its page
        articles[i] = evolve(articles[i], entities=articles[i].entities + (newcomer,))
        named.append(i)
        site, _ = builds.build(articles)
        assert (site.entity_page(PERSON, "Ines Duarte") is not None) == (len(named) >= 3)
    articles[50] = evolve(articles[50], entities=articles[50].entities[:-1])  # back under the threshold
    site, _ = builds.build(articles)
    assert site.entity_page(PERSON, "Ines Duarte") is None and site.entities[(PERSON, "Ines Duarte")]


@pytest.mark.parametrize("moved", [dt.timedelta(days=1), dt.timedelta(days=40), dt.timedelta(days=-400), None])
def test_a_changed_date_moves_an_article_between_archive_pages_as_a_clean_build_does(moved):
    articles = base_articles()
    builds = Builds()
    builds.build(articles)
    i = next(i for i, a in enumerate(articles) if a.date)
    date = articles[i].date + moved if moved is not None else None
    articles[i] = evolve(articles[i], date=date, date_source="text" if date else None)
    site, _ = builds.build(articles)
    j = next(i for i, a in enumerate(articles) if not a.date)  # an undated article dated
    articles[j] = evolve(articles[j], date=dt.date(2025, 2, 28), date_source="text")
    builds.build(articles)
