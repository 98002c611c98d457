"""The site model's counts (co-mentions, topics' entities, roles, spellings) are the plain counts."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "pages"))

from random_site import random_site  # noqa: E402


@pytest.mark.parametrize("seed", range(6))
def test_entity_and_topic_counts_are_the_plain_counts(seed):
    site = random_site(seed)
    with_page = {key for key, entry in site.entities.items() if entry.has_page}
    assert with_page and len(with_page) < len(site.entities)

    def keys(article):
        return [(m.type, m.name) for m in article.entities]

    for key, entry in site.entities.items():
        roles, aliases = Counter(), Counter()
        for article in entry.articles:
            for m in article.entities:
                if (m.type, m.name) == key:
                    roles.update(m.roles)
                    aliases.update(a for a in m.aliases if a != m.name)
        assert list(entry.roles.items()) == list(roles.items())
        assert list(entry.aliases.items()) == list(aliases.items())
        if entry.has_page:
            co = Counter(k for a in entry.articles for k in keys(a) if k in with_page)
            del co[key]
            assert list(entry.co_mentions.items()) == list(co.items()) and (co or len(with_page) == 1)
        else:
            assert not entry.co_mentions
    for topic in site.topics.values():
        present = Counter(k for a in topic.articles for k in keys(a) if k in with_page)
        assert list(topic.entities.items()) == list(present.items())


@pytest.mark.parametrize("seed", range(4))
def test_tags_are_the_plain_grouping(seed):
    from generator.enrich.topics import tag_key

    site = random_site(seed)
    forms, members = {}, {}
    for article in site.listed:
        seen = set()
        for tag in article.tags:
            key = tag_key(tag)
            if key and key not in seen:
                seen.add(key)
                forms.setdefault(key, Counter())[tag] += 1
                members.setdefault(key, []).append(article)
    expected = {key: (min(forms[key], key=lambda f: (-forms[key][f], f)), members[key])
                for key in sorted(members) if len(members[key]) >= 2}
    assert expected and {key: (e.name, e.articles) for key, e in site.tags.items()} == expected
    assert list(site.tags) == list(expected)


def _slugs(site):
    return ({a.source: a.slug for a in site.articles}, {k: e.slug for k, e in site.entities.items()},
            {k: t.slug for k, t in site.topics.items()}, {k: t.slug for k, t in site.tags.items()},
            {k: s.slug for k, s in site.stories.items()})


@pytest.mark.parametrize("seed", range(3))
def test_a_slug_table_kept_from_the_last_build_gives_the_slugs_of_a_build_from_nothing(seed, tmp_path):
    """The table keeps only the texts a build asked for, and a build with articles added,
    removed and retitled since the table was kept slugs them as a build without it does."""
    from generator.config import config_from_dict
    from generator.enrich.entities.rules import EntityRules
    from generator.enrich.topics.taxonomy import Taxonomy
    from generator.model import evolve
    from generator.site_model import assemble
    from generator.slugs import load_slug_table, save_slug_table

    articles = random_site(seed).articles
    args = (Taxonomy(()), EntityRules(), config_from_dict({"tag_page_min_articles": 2}))
    first = load_slug_table(tmp_path)
    assemble(articles[:200], *args, first)
    save_slug_table(tmp_path, first)
    table = load_slug_table(tmp_path)
    assert table.known == first.used and "Story 250" not in table.known
    # An article gone, one retitled to another's title (a contested slug), new ones.
    later = articles[1:150] + [evolve(articles[150], title=articles[10].title)] + articles[151:]
    later = [evolve(a, slug="") for a in later]
    kept = assemble(later, *args, table)
    assert _slugs(kept) == _slugs(assemble(later, *args))
    save_slug_table(tmp_path, table)
    assert load_slug_table(tmp_path).known == table.used and articles[0].title not in table.used


def test_a_damaged_or_foreign_slug_table_is_not_used(tmp_path):
    from generator.slugs import SLUG_TABLE, SlugTable, load_slug_table, save_slug_table

    table = SlugTable()
    table("Mark Rutte")
    save_slug_table(tmp_path, table)
    assert load_slug_table(tmp_path).known == {"Mark Rutte": "mark-rutte"}
    path = tmp_path / SLUG_TABLE
    data = path.read_bytes()
    path.write_bytes(data.replace(b"mark-rutte", b"mark-rutty"))
    assert load_slug_table(tmp_path).known == {}
    path.write_bytes(data[: len(data) // 2])
    assert load_slug_table(tmp_path).known == {}
    path.write_bytes(b"something else\n" + data)
    assert load_slug_table(tmp_path).known == {}
