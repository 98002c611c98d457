"""A build that takes what it can from the last one (the page memo, the slug table) makes the
pages a build from nothing makes, whatever changed between them: articles removed, an entity
renamed or retyped, an entity crossing the threshold for its own page, a date moving an article
between days, weeks and months of the archive. Each build here is checked page by page against a
clean one, and with verification on, every page taken from the last build is rendered again too."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from random_site import random_site
from sitebuilder import PERSON, PLACE

from generator.config import config_from_dict
from generator.enrich.entities.rules import EntityRules
from generator.enrich.topics.taxonomy import Taxonomy
from generator.model import EntityMention, EntityType, StoryRef, TopicScore, evolve
from generator.pages import PageMemo, render_site
from generator.site_model import assemble
from generator.slugs import SlugTable
from generator.theme_links import article_signatures

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

    def build(self, articles, rules=None):
        config = config_from_dict(OPTIONS)
        rules = rules or EntityRules()
        memo = PageMemo("salt", verify=True) if self.memo is None else self.memo.next_build("salt")
        slugs = SlugTable(self.slugs.used)
        site = assemble(list(articles), Taxonomy(()), rules, config, slugs)
        pages = render_site(site, site_url="https://example.org/", memo=memo)
        # The theme's chips: signatures made again only where they could differ, as the plugin does.
        known = memo.chips_before if memo.articles_before else None
        signatures, targets = article_signatures(site, "theme", known, memo.changed_articles)
        memo.chips = ("theme", targets, signatures)
        assert signatures == article_signatures(site, "theme")[0]
        self.memo, self.slugs = memo, slugs
        clean = render_site(assemble(list(articles), Taxonomy(()), rules, config), site_url="https://example.org/")
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


def linked_articles(seed: int):
    """`base_articles` with what article pages link: related articles, other versions of a
    story (near-duplicates) and stories, as the corpus stages hand them over."""
    rng = random.Random(seed)
    articles = base_articles(seed)
    sources = [a.source for a in articles]
    for i, a in enumerate(articles):
        articles[i] = evolve(a, related=tuple(rng.sample(sources, 7)))
    for first in range(0, 30, 10):  # stories of three articles, keyed by their first's source
        ref = StoryRef(articles[first].source, articles[first].title)
        for i in (first, first + 3, first + 6):
            articles[i] = evolve(articles[i], story=ref)
    return _with_versions(articles, [(40, 41), (50, 51, 52)])


def _with_versions(articles, groups):
    by_index = {i: () for i in range(len(articles))}
    for group in groups:
        for i in group:
            by_index[i] = tuple(sorted(articles[j].source for j in group if j != i))
    return [evolve(a, versions=by_index[i]) for i, a in enumerate(articles)]


def _edit(articles, rng):
    """One change the corpus stages could make between two builds, to a random article."""
    i = rng.randrange(len(articles))
    a = articles[i]
    kind = rng.choice(["add", "remove", "retitle", "redate", "undate", "relate", "version", "story", "unstory"])
    if kind == "add":
        articles.append(evolve(a, source=f"new-{rng.randrange(10**6)}.txt", title=a.title + " again",
                               related=tuple(rng.sample([x.source for x in articles], 6)), versions=()))
    elif kind == "remove" and not a.versions:
        del articles[i]
    elif kind == "retitle":  # every page linking it shows the new title
        articles[i] = evolve(a, title=a.title + " (updated)")
    elif kind == "redate":  # new neighbours, old ones linked anew
        articles[i] = evolve(a, date=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(90)), date_source="text")
    elif kind == "undate":
        articles[i] = evolve(a, date=None, date_source=None)
    elif kind == "relate":
        articles[i] = evolve(a, related=tuple(rng.sample([x.source for x in articles], 5)))
    elif kind == "version" and not a.versions:  # it becomes another version of its neighbour's story
        j = (i + 1) % len(articles)
        if not articles[j].versions:
            articles[:] = _with_versions(articles, [(i, j)] + _groups(articles))
    elif kind == "story":  # joins a story: every member's "Part of" line counts it
        ref = next((x.story for x in articles if x.story), None)
        if ref is not None:
            articles[i] = evolve(a, story=ref)
    elif kind == "unstory":
        articles[i] = evolve(a, story=None)
    return kind


def _groups(articles):
    index = {a.source: i for i, a in enumerate(articles)}
    groups = {tuple(sorted([i] + [index[s] for s in a.versions if s in index])) for i, a in enumerate(articles) if a.versions}
    return sorted(g for g in groups if len(g) > 1)


def test_article_pages_known_unchanged_are_those_a_clean_build_makes():
    # Each build's article pages whose inputs are taken as the last build's without making them
    # (pages._article_pages) are checked: verification makes their inputs and compares digests.
    builds = Builds()
    articles = linked_articles(5)
    builds.build(articles)
    articles[7] = evolve(articles[7], title="A title every page linking it shows")
    site, memo = builds.build(articles)
    assert 0 < memo.unchanged < len(site.articles)  # most were known unchanged, those linking it not
    assert memo.unchanged < memo.reused and memo.unchanged_units > 0  # listings likewise


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_to_linked_articles_leave_the_pages_of_a_clean_build(seed):
    rng = random.Random(seed)
    builds = Builds()
    articles = linked_articles(seed)
    builds.build(articles)
    for _ in range(8):
        for _ in range(rng.randrange(1, 3)):
            _edit(articles, rng)
        builds.build(articles)


def test_an_article_related_through_another_version_of_a_story_links_its_listed_version_anew():
    # A related article that is a story's other version is linked as the version listings show:
    # when that one is retitled, or another version becomes the one listed, the page changes.
    builds = Builds()
    articles = linked_articles(3)
    site, _ = builds.build(articles)
    shown = {other: a.source for a in site.listed for other in a.versions}
    hidden = next(iter(sorted(shown)))
    index = {a.source: i for i, a in enumerate(articles)}
    linking = next(i for i, a in enumerate(articles) if not a.versions and a.source != shown[hidden])
    articles[linking] = evolve(articles[linking], related=(hidden,))
    builds.build(articles)
    listed = index[shown[hidden]]
    articles[listed] = evolve(articles[listed], title="A listed version, retitled")  # still listed (sorts first)
    site, memo = builds.build(articles)
    assert memo.unchanged > 0
    articles[listed] = evolve(articles[listed], date=None, date_source=None)  # another version is listed
    builds.build(articles)


def test_article_records_of_another_site_made_with_the_same_salt_still_give_a_clean_builds_pages():
    # The records are compared with this build's articles, never trusted as this site's last build.
    other = Builds()
    other.build(linked_articles(8))
    builds = Builds()
    articles = linked_articles(9)
    builds.build(articles)
    articles[4] = evolve(articles[4], title="Retitled")
    builds.memo.articles, builds.memo.listed_as = other.memo.articles, other.memo.listed_as
    builds.memo.listings, builds.memo.chips = other.memo.listings, other.memo.chips
    builds.build(articles)


def test_a_topic_that_takes_another_topics_address_changes_the_listings_linking_that_topic():
    # An owner's topic "Sport" sorts before "sport" and takes its slug: every full listing of an
    # article about sport (the undated, the pages behind a topic's) links it anew, though none of
    # those articles changed.
    builds = Builds()
    articles = base_articles(4)
    builds.build(articles)
    i = next(i for i, a in enumerate(articles) if a.date and not any(t.name == "sport" for t in a.topics))
    articles[i] = evolve(articles[i], topics=articles[i].topics + (TopicScore("Sport", 1.0),))
    site, memo = builds.build(articles)
    assert memo.unchanged_units > 0
    articles[i] = evolve(articles[i], topics=articles[i].topics[:-1])
    builds.build(articles)


def test_chips_of_unchanged_articles_link_a_tag_or_entity_page_that_other_articles_made():
    # The third article naming an entity gives it its page, the second sharing a tag gives the tag
    # one: the articles naming them before, a story's other version among them, link them now.
    builds = Builds()
    articles = linked_articles(6)
    site, _ = builds.build(articles)
    hidden = sorted({other for a in site.listed for other in a.versions})[0]
    index = {a.source: i for i, a in enumerate(articles)}
    zed = EntityMention("Zed Corp", EntityType.ORGANIZATION, 1)
    plain = [i for i, a in enumerate(articles) if not a.versions][:4]
    for i in (index[hidden], plain[0], plain[1]):
        articles[i] = evolve(articles[i], entities=articles[i].entities + (zed,))
    articles[plain[2]] = evolve(articles[plain[2]], tags=articles[plain[2]].tags + ("harbour strike",))
    site, _ = builds.build(articles)
    assert site.entity_page(EntityType.ORGANIZATION, "Zed Corp") is None and "harbour strike" not in site.tags
    for i in (plain[3],):
        articles[i] = evolve(articles[i], entities=articles[i].entities + (zed,), tags=articles[i].tags + ("harbour strike",))
    site, _ = builds.build(articles)
    assert site.entity_page(EntityType.ORGANIZATION, "Zed Corp") is not None and "harbour strike" in site.tags


def test_what_articles_say_of_an_entity_and_the_owners_description_change_its_page_as_a_clean_build():
    # An entity's page shows its mentions, roles, other spellings and quotes from its articles,
    # and the owner's description and link: each changed alone, with no other page changing.
    builds = Builds()
    articles = base_articles(2)
    site, _ = builds.build(articles)
    entry = next(e for e in site.entities_of(PERSON) if len(e.articles) >= 4)
    i = next(i for i, a in enumerate(articles) if any((m.type, m.name) == entry.key for m in a.entities))

    def said(**changes):
        mentions = tuple(evolve(m, **changes) if (m.type, m.name) == entry.key else m for m in articles[i].entities)
        articles[i] = evolve(articles[i], entities=mentions)

    for changes in ({"count": 9}, {"roles": ("Harbour master",)}, {"aliases": ("H. M.",)}, {"quotes": ("We sail at dawn.",)}):
        said(**changes)
        site, memo = builds.build(articles)
        assert memo.unchanged_units > 0
    builds.build(articles, EntityRules(descriptions={entry.name: "Keeps the harbour."}))
    builds.build(articles, EntityRules(descriptions={entry.name: "Keeps the harbour."}, links={entry.name: "https://example.org/hm"}))


def test_a_new_article_giving_an_entity_its_page_makes_only_the_pages_of_entities_named_with_it_again(monkeypatch):
    # The newcomer is named alongside the entities of its articles, whose pages now link it; the
    # other entities' pages are known unchanged. Checked against clean builds with verification on,
    # then counted with it off (verification makes every known page's inputs too).
    articles = base_articles(3)
    newcomer = EntityMention("Ines Duarte", PERSON, 1)
    for i in (3, 50):  # in two articles: the third gives it its page
        articles[i] = evolve(articles[i], entities=articles[i].entities + (newcomer,))
    new = evolve(articles[0], source="new/one.txt", source_sha256="f" * 64, title="The one that names her again",
                 entities=(newcomer,), related=(), versions=(), tags=())
    entry = newcomer
    builds = Builds()
    builds.build(articles)
    site, _ = builds.build(articles + [new])
    assert site.entity_page(entry.type, entry.name) is not None

    import generator.pages.entity as entity_module
    made = []
    real_inputs = entity_module.entity_inputs
    monkeypatch.setattr(entity_module, "entity_inputs", lambda e, s, t: made.append(e.key) or real_inputs(e, s, t))
    config = config_from_dict(OPTIONS)
    memo = PageMemo("salt", verify=False)
    render_site(assemble(list(articles), Taxonomy(()), EntityRules(), config), site_url="https://example.org/", memo=memo)
    memo = memo.next_build("salt")
    made.clear()
    site = assemble(articles + [new], Taxonomy(()), EntityRules(), config)
    render_site(site, site_url="https://example.org/", memo=memo)
    key = (PERSON, "Ines Duarte")
    alongside = {(m.type, m.name) for a in site.entities[key].articles for m in a.entities}
    assert key in made and set(made) <= alongside
    assert len(made) < len(site.entities_of(PERSON)) + len(site.entities_of(PLACE))
