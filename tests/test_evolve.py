"""model.evolve: dataclasses.replace for the package's frozen dataclasses, without re-running __init__."""

import dataclasses
import datetime as dt

import pytest

from generator.model import Article, Paragraph, StoryRef, evolve
from generator.pages.page import Page


def article():
    return Article("a.txt", "0" * 64, "Title", (Paragraph("Text."),), date=dt.date(2024, 3, 1),
                   extra={"k": "v"}, given_keys=frozenset({"title"}), story=StoryRef("a.txt", "Title"))


def test_evolve_equals_replace():
    a = article()
    for changes in ({"slug": "title"}, {"related": ("b.txt",), "tags": ("x",)}, {}):
        assert evolve(a, **changes) == dataclasses.replace(a, **changes)
    page = Page("articles/a.md", "body", {"title": "T"}, kind="article")
    assert evolve(page, body="other") == dataclasses.replace(page, body="other")


def test_evolve_makes_a_new_object_and_leaves_the_old_one():
    a = article()
    b = evolve(a, slug="new")
    assert b is not a and a.slug == "" and b.slug == "new"
    story = StoryRef("a.txt", "Title")
    assert hash(evolve(story, slug="s")) == hash(dataclasses.replace(story, slug="s"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.slug = "again"


def test_evolve_refuses_a_name_that_is_not_a_field():
    with pytest.raises(TypeError):
        evolve(article(), sluggg="x")
