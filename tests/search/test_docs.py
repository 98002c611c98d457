"""What search indexes of a site: articles, entity, topic and tag pages, without their listings."""

from __future__ import annotations

import dataclasses

import pytest

from generator.config import config_from_dict
from generator.pages import urls
from generator.pipeline import generate
from generator.search import docs as docs_module
from generator.search.docs import search_docs, search_handover
from support import FIXTURES, SEED


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    (content / SEED.name).write_bytes(SEED.read_bytes())
    (content / "poland.txt").write_bytes((FIXTURES / "text" / "poland_article_four.txt").read_bytes())
    return generate(content, config_from_dict({"tag_page_min_articles": 1})).site


@pytest.fixture(scope="module")
def docs(site):
    return {d.key: d for d in search_docs(site, urls.page_url)}


def test_every_article_entity_topic_and_tag_page_and_nothing_else(site, docs):
    kinds = {d.kind for d in docs.values()}
    assert {"article", "person", "organization", "place", "topic", "tag"} <= kinds
    assert sum(d.kind == "article" for d in docs.values()) == len(site.articles) == 2
    assert not any(key.startswith(("archive/", "index", "topics/index", "entities/index")) for key in docs)
    assert all(d.url == urls.page_url(d.key) for d in docs.values())


def test_an_article_is_indexed_by_its_title_summary_and_text(site, docs):
    article = site.articles[0]
    doc = docs[f"articles/{article.slug}.md"]
    assert (doc.title, doc.summary, doc.language) == (article.title, article.summary, article.language)
    assert doc.date == article.date.isoformat() == doc.since
    assert "nuclear powers of Europe and Moscow" in doc.text
    assert doc.weight == 1.0


def test_an_entity_page_is_indexed_by_name_and_roles_not_by_its_article_list(site, docs):
    doc = docs["entities/people/mark-rutte.md"]
    assert (doc.title, doc.kind, doc.url) == ("Mark Rutte", "person", "entities/people/mark-rutte/")
    assert "Secretary General" in doc.summary
    assert doc.weight > 1.0
    assert not any(a.title in doc.text or a.title in doc.summary for a in site.articles)
    assert doc.date == max(a.date for a in site.articles if any(m.name == "Mark Rutte" for m in a.entities)).isoformat()


def test_topic_pages_are_indexed_by_name_and_description(docs):
    topic = docs["topics/conflict-war-and-peace.md"]
    assert topic.title == "conflict, war and peace" and topic.kind == "topic"
    assert topic.summary and topic.text == ""


def test_urls_come_from_the_site(site):
    docs = search_docs(site, lambda uri: "x/" + urls.page_url(uri))
    assert all(d.url.startswith("x/") for d in docs)


def test_story_pages_are_found_by_title_and_by_the_names_in_them():
    import datetime as dt
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pages"))
    from sitebuilder import PERSON, PLACE, article, make_site

    from generator.model import StoryRef

    story = StoryRef("a.txt", "Earthquake in Morocco")
    site = make_site(article("Quake strikes", dt.date(2025, 9, 10), source="a.txt", story=story,
                             entities=[("Morocco", PLACE, 1)]),
                     article("Aid arrives", dt.date(2025, 9, 12), source="b.txt", story=story,
                             entities=[("Mohammed VI", PERSON, 1)]))
    [doc] = [d for d in search_docs(site, urls.page_url) if d.kind == "story"]
    assert (doc.title, doc.url) == ("Earthquake in Morocco", "stories/earthquake-in-morocco/")
    assert "Morocco" in doc.text and "Mohammed VI" in doc.text
    assert (doc.date, doc.since) == ("2025-09-12", "2025-09-10")
    assert "10–12 September 2025, 2 articles" in doc.summary


def test_a_build_hands_over_only_the_pages_whose_digest_the_index_does_not_hold(site):
    first = search_handover(site, urls.page_url)
    assert [d.key for d in first.docs] == [key for key, _ in first.pages]  # nothing known: every page
    known = dict(first.pages)
    assert search_handover(site, urls.page_url, known).docs == []
    other_style = search_handover(site, lambda uri: urls.page_url(uri, False), known, directory_urls=False)
    assert len(other_style.docs) == len(known)  # every URL changes: every page again
    assert all(d.url.endswith(".html") for d in other_style.docs)
    article_key = next(key for key in known if key.startswith("articles/"))
    known[article_key] = known["entities/people/mark-rutte.md"] = "from another build"
    assert sorted(d.key for d in search_handover(site, urls.page_url, known).docs) == sorted(
        [article_key, "entities/people/mark-rutte.md"])


def test_an_articles_digest_covers_everything_its_search_page_is_made_from(site):
    """An article whose digest the index holds is not made again: every field its page reads
    must be in the digest (its body, a function of its file, by the file's hash)."""

    class Reads:
        def __init__(self, article):
            self._article, self.names = article, set()

        def __getattr__(self, name):
            self.names.add(name)
            return getattr(self._article, name)

    for article in site.articles:
        page, digest = Reads(article), Reads(article)
        docs_module._article_doc(page, "articles/x.md", "articles/x/")
        docs_module._article_digest(digest, "articles/x.md", b"salt")
        assert page.names - {"blocks"} <= digest.names
        assert "source_sha256" in digest.names
    article = site.articles[0]
    digests = {docs_module._article_digest(a, "articles/x.md", b"salt") for a in [
        article, dataclasses.replace(article, title="Other"), dataclasses.replace(article, summary="Other"),
        dataclasses.replace(article, source_sha256="0" * 64), dataclasses.replace(article, language="de"),
        dataclasses.replace(article, author="Someone Else")]}
    assert len(digests) == 6
