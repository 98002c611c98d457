"""The topics stage in two phases: analyse_article (per file, cached) and finish_corpus (per build)."""

from __future__ import annotations

import dataclasses
import importlib.util
import pickle
import random
import re
from pathlib import Path

import pytest

from generator.config import config_from_dict
from generator.discover import discover
from generator.enrich.entities import extract_corpus, load_rules
from generator.enrich.topics import (analyse_article, assign_topics, finish_corpus,
                                     load_taxonomy)
from generator.enrich.topics.text import ArticleText, _slow_tokens, article_text, fast_tokens, tokenize
from generator.model import Article, EntityMention, EntityType, Image, Paragraph, TopicScore
from generator.pipeline import read_articles

REPO = Path(__file__).resolve().parents[2]
LABELED = REPO / "tests" / "fixtures" / "topics" / "articles"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(None)[0]


@pytest.fixture(scope="module")
def labeled() -> list[Article]:
    files, _ = discover(LABELED)
    articles, _ = read_articles(files, config_from_dict({}))
    return extract_corpus(articles, load_rules(None)[0])


def article(source: str, text: str, title: str = "A title", **fields) -> Article:
    return Article(source=source, source_sha256="0" * 64, title=title,
                   blocks=tuple(Paragraph(p) for p in text.split("\n\n")), **fields)


def plain(value) -> bool:
    """Only tuples, strings and numbers, all the way down."""
    if isinstance(value, (str, int, float)):
        return True
    return type(value) is tuple or isinstance(value, tuple) and all(plain(v) for v in value)


# --- analyse_article ----------------------------------------------------------------


def test_two_phases_give_what_assign_topics_gives(labeled, taxonomy):
    analyses = [analyse_article(a, taxonomy) for a in labeled]
    results = finish_corpus(labeled, analyses, taxonomy)
    for a, r in zip(assign_topics(labeled, taxonomy), results):
        assert (a.topics, a.tags, a.related) == (r.topics, r.tags, r.related)
    assert sum(bool(r.topics) for r in results) >= 40 and all(len(r.tags) <= 5 for r in results)


def test_an_analysis_is_small_plain_data_that_survives_pickling(taxonomy):
    files, _ = discover(REPO / "content")
    [sample], _ = read_articles([f for f in files if f.source.startswith("000_")], config_from_dict({}))
    analysis = analyse_article(sample, taxonomy)
    assert all(plain(field) for field in analysis)
    data = pickle.dumps(analysis)
    assert len(data) < 4096, "a 1,500-word article"
    again = pickle.loads(data)
    assert again == analysis
    assert finish_corpus([sample], [again], taxonomy) == finish_corpus([sample], [analysis], taxonomy)


def test_an_analysis_depends_only_on_the_article_itself(labeled, taxonomy):
    one = labeled[0]
    alone = analyse_article(one, taxonomy)
    for other in labeled[1:]:  # whatever was analysed before
        analyse_article(other, taxonomy)
    assert analyse_article(one, taxonomy) == alone
    assert analyse_article(dataclasses.replace(one, entities=(), source="elsewhere.txt"), taxonomy) == alone
    reloaded = load_taxonomy(None)[0]  # an equal taxonomy read again
    assert analyse_article(one, reloaded) == alone


def test_entities_come_in_only_when_the_corpus_is_finished(taxonomy):
    text = "The statement came on Tuesday after a long meeting in the capital."
    bare = article("a.txt", text)
    analysis = analyse_article(bare, taxonomy)
    with_entities = dataclasses.replace(bare, entities=(
        EntityMention("FIFA", EntityType.ORGANIZATION, 3), EntityMention("Manchester United", EntityType.ORGANIZATION, 2)))
    assert analyse_article(with_entities, taxonomy) == analysis
    assert finish_corpus([bare], [analysis], taxonomy)[0].topics == ()
    assert [t.name for t in finish_corpus([with_entities], [analysis], taxonomy)[0].topics] == ["sport"]


def test_tags_naming_an_entity_are_dropped_when_the_corpus_is_finished(taxonomy):
    text = ("The port of Rotterdam handled more containers this year. Container traffic grew in the port of "
            "Rotterdam, and container traffic will grow again, the port said.")
    plain_ = article("a.txt", text)
    analysis = analyse_article(plain_, taxonomy)
    assert "port of rotterdam" not in analysis.phrases  # "of" is a stop word: not a candidate at all
    assert "container traffic" in analysis.phrases
    named = dataclasses.replace(plain_, entities=(EntityMention("Container Traffic", EntityType.ORGANIZATION, 2),))
    [without] = finish_corpus([plain_], [analysis], taxonomy)
    [with_name] = finish_corpus([named], [analysis], taxonomy)
    assert "container traffic" in without.tags and "container traffic" not in with_name.tags


def test_owner_given_topics_and_tags_are_kept_by_finish_corpus(taxonomy):
    text = "Troops and tanks crossed the border as the war spread. Missiles and drones hit the army's positions."
    given = article("a.txt", text, topics=(TopicScore("Gardening", 1.0),), tags=("roses",),
                    given_keys=frozenset({"topics", "tags"}))
    [result] = finish_corpus([given], [analyse_article(given, taxonomy)], taxonomy)
    assert result.topics == (TopicScore("Gardening", 1.0),) and result.tags == ("roses",)


# --- the tokenizer behind it ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "NATO's drones: 1990s F-16s, G7 (2024) and “no-fly zones”… don’t — or do!",
    "Café in İstanbul; ÉCOLE, naïve, Straße. Ärzte sagen ½ or ² and ٣ things.",
    "tab\there\u00a0nbsp\u2009thin\u2028line_under$score%and\x00zero",
    "",
])
def test_fast_tokens_are_the_rule_s_tokens(text):
    tokens = ArticleText(fast_tokens(text), ()).tokens
    assert tokens == [t.lower() for t in re.findall(r"[^\W\d_]+|[.,;:!?()\[\]\"“”«»…—–/|]|\d+",
                                                    text.replace("’s", "").replace("'s", ""))]
    assert tokens == ArticleText(_slow_tokens(text), ()).tokens


def test_fast_tokens_agree_with_the_regex_on_random_text():
    rng = random.Random(1)
    alphabet = list("abcXYZ 019.,;:!?()[]\"“”'’-_$\n\u00a0éÉ\u0301²") + ["'s"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        fast, slow = ArticleText(fast_tokens(text), ()), ArticleText(_slow_tokens(text), ())
        assert fast.tokens == slow.tokens, text
        assert fast.in_lower_case.tolist() == slow.in_lower_case.tolist(), text


def test_article_text_reads_the_caption_and_keeps_written_forms():
    a = article("a.txt", "German rearmament is under way. Critics of German rearmament disagree.",
                title="Berlin's plan", image=Image(caption="Soldiers in Munster."))
    text = article_text(a)
    assert text.tokens[:4] == ["soldiers", "in", "munster", "."]
    assert text.title_tokens == tokenize("Berlin's plan")
    position = text.tokens.index("german", 5)
    assert text.form_at(position, 2) == "German rearmament"


# --- stability for incremental builds -----------------------------------------------


def _synthetic(tmp_path: Path, n: int) -> list[Article]:
    """n generated news articles (scripts/corpus.py), with the pool names they mention as entities."""
    spec = importlib.util.spec_from_file_location("corpus", REPO / "scripts" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.write_corpus(n, tmp_path)
    files, _ = discover(tmp_path)
    articles, _ = read_articles(files, config_from_dict({}))
    names = ([(o, EntityType.ORGANIZATION) for o in corpus.ORGS] + [(p, EntityType.PLACE) for p in corpus.PLACES]
             + [(f"{first} {last}", EntityType.PERSON) for first in corpus.FIRST for last in corpus.LAST])
    out = []
    for a in articles:
        body = " ".join(b.text for b in a.blocks if isinstance(b, Paragraph))
        found = [EntityMention(name, type_, body.count(name)) for name, type_ in names if name in body]
        out.append(dataclasses.replace(a, entities=tuple(found)))
    return out


def test_adding_an_unrelated_article_changes_no_other_tags_or_related(tmp_path, taxonomy):
    """With scikit-learn's smoothed idf (ln((1 + n) / (1 + df)) + 1) the related articles of 4 of
    these 150 changed: every idf moves when n does."""
    articles = _synthetic(tmp_path, 150)
    analyses = [analyse_article(a, taxonomy) for a in articles]
    before = finish_corpus(articles, analyses, taxonomy)
    knitting = article("zz-knitting.txt", "Knitting a scarf takes wool, two needles and patience. Cast on forty "
                       "stitches, knit every row, and the scarf grows each evening. Chunky wool knits faster.",
                       title="A scarf in an evening")
    after = finish_corpus(articles + [knitting], analyses + [analyse_article(knitting, taxonomy)], taxonomy)
    assert after[:-1] == before
    assert "scarf" in after[-1].tags and after[-1].related == ()


def test_adding_a_related_article_changes_the_lists_it_joins(tmp_path, taxonomy):
    articles = _synthetic(tmp_path, 60)
    analyses = [analyse_article(a, taxonomy) for a in articles]
    before = finish_corpus(articles, analyses, taxonomy)
    twin = dataclasses.replace(articles[7], source="zz-twin.txt")
    after = finish_corpus(articles + [twin], analyses + [analyse_article(twin, taxonomy)], taxonomy)
    assert after[7].related[0] == "zz-twin.txt" and after[-1].related[0] == articles[7].source
    changed = [i for i in range(len(articles)) if after[i] != before[i]]
    assert 7 in changed and len(changed) < len(articles) // 2

    def features(a: Article, analysis, result) -> set:
        return ({("entity", m.name) for m in a.entities} | {("topic", t.name) for t in result.topics}
                | {("phrase", p) for p in analysis.phrases})

    shared = features(twin, analyses[7], after[-1])
    for i in changed:  # the twin changes only articles it has something in common with
        assert features(articles[i], analyses[i], after[i]) & shared
