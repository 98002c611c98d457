"""Slugs are ASCII, unique, and stable when articles are added."""

import datetime as dt
import re

from generator.config import config_from_dict
from generator.enrich.entities import EntityRules
from generator.enrich.topics import Taxonomy
from generator.model import Article
from generator.site_model import assemble
from generator.slugs import assign_unique, make_slug

VALID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def art(source, title, date=None):
    return Article(source=source, source_sha256="0" * 64, title=title, blocks=(), date=date)


def slugs(articles):
    site = assemble(articles, Taxonomy(()), EntityRules(), config_from_dict({}))
    return {a.source: a.slug for a in site.articles}


def test_titles_in_any_script_give_valid_ascii_slugs():
    result = slugs([
        art("ru.txt", "Пожар в Москве"),
        art("ar.txt", "مرحبا بالعالم"),
        art("emoji.txt", "🔥🔥🔥"),
        art("accents.txt", "Élysée: Macron reçoit Merz"),
        art("long.txt", "word " * 100),
    ])
    assert result["ru.txt"] == "pozhar-v-moskve"
    assert result["accents.txt"] == "elysee-macron-recoit-merz"
    assert result["emoji.txt"].startswith("article-")
    assert len(result["long.txt"]) <= 80
    assert all(VALID.match(s) for s in result.values())
    assert len(set(result.values())) == len(result)


def test_two_articles_with_one_title_get_two_slugs_and_the_older_keeps_the_plain_one():
    old = art("b.txt", "Update", dt.date(2024, 1, 1))
    new = art("a.txt", "Update", dt.date(2025, 1, 1))
    result = slugs([new, old])
    assert result["b.txt"] == "update"
    assert result["a.txt"].startswith("update-") and result["a.txt"] != "update"


def test_adding_an_article_does_not_rename_existing_ones():
    first = [art("a.txt", "Same", dt.date(2024, 1, 1)), art("b.txt", "Same", dt.date(2024, 2, 1))]
    before = slugs(first)
    after = slugs(first + [art("c.txt", "Same", dt.date(2024, 3, 1)), art("d.txt", "Other")])
    assert {k: after[k] for k in before} == before


def test_reserved_and_colliding_slugs():
    result = assign_unique([("x", "index", "x"), ("y", "Index", "y")])
    assert "index" not in result.values()
    assert len(set(result.values())) == 2
    assert make_slug("Mark Rutte") == "mark-rutte"
