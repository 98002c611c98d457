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
