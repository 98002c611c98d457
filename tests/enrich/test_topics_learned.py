"""The learned topic model: articles from beats and languages the lexicon alone got wrong or left without a topic."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import numpy as np
import pytest

from generator.config import config_from_dict
from generator.discover import discover
from generator.enrich import enrich_corpus
from generator.enrich.entities import load_rules
from generator.commands.explain import explain
from generator.enrich.topics import assign_topics, load_taxonomy
from generator.enrich.topics.learned import document_features, load_model, word_features
from generator.enrich.topics.text import article_text
from generator.model import Article, Paragraph
from generator.pipeline import read_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "topics" / "languages"
ARTS, LIFESTYLE, SCIENCE = "arts, culture, entertainment and media", "lifestyle and leisure", "science and technology"


@pytest.fixture(scope="module")
def articles():
    taxonomy, _ = load_taxonomy(None)
    rules, _ = load_rules(None)
    files, _ = discover(FIXTURES)
    read, _ = read_articles(files, config_from_dict({}))
    return {a.source: a for a in enrich_corpus(read, rules, taxonomy)}


@pytest.mark.parametrize("name, expected", [
    ("match_report.txt", {"sport"}),
    ("video_game_review.txt", {ARTS, LIFESTYLE, SCIENCE}),  # IPTC files video games under lifestyle and leisure
    ("computer_virus.txt", {SCIENCE}),
    ("gadget_launch.txt", {SCIENCE}),
    ("film_review.txt", {ARTS}),
    ("quarterly_earnings.txt", {"economy, business and finance"}),
    ("home_office_policy.txt", {"politics"}),
    # Crime and politics stories are not war: conflict, war and peace needs evidence of armed conflict.
    ("shooting_trial.txt", {"crime, law and justice"}),
    ("terror_plot_trial.txt", {"crime, law and justice"}),  # IPTC files terrorism under crime
    ("militant_leader_arrested.txt", {"crime, law and justice"}),
    ("court_jails_foreigners.txt", {"crime, law and justice"}),
    ("diplomatic_row.txt", {"politics"}),
    ("french_economy.txt", {"economy, business and finance"}),
    ("german_sport.txt", {"sport"}),
    ("spanish_health.txt", {"health"}),
])
def test_main_topic(articles, name, expected):
    assert articles[name].topic_names[:1] and articles[name].topic_names[0] in expected


def test_articles_in_other_languages_are_read_as_such(articles):
    assert {articles[n].language for n in ("french_economy.txt", "german_sport.txt", "spanish_health.txt")} == {"fr", "de", "es"}


def test_explain_shows_the_words_the_model_weighed(articles):
    taxonomy, _ = load_taxonomy(None)
    text = explain(articles["german_sport.txt"], taxonomy)
    assert "Why sport: model share" in text
    weighed = next(line for line in text.splitlines() if "words the model weighed most" in line)
    assert {"spiel", "trainer", "niederlage", "mannschaft"} & set(re.findall(r"(\w+) \(\+", weighed))


def test_the_model_is_small_and_knows_every_iptc_topic():
    model = load_model()
    taxonomy, _ = load_taxonomy(None)
    assert set(model.codes) == {t.code for t in taxonomy.topics}
    assert model.weights.shape == (len(model.names), len(model.codes))


def test_a_topic_the_owner_excludes_is_never_given_by_the_model(articles, tmp_path):
    owner = tmp_path / "topics.yml"
    owner.write_text("topics:\n  - code: medtop:15000000\n    exclude: true\n", encoding="utf-8")
    taxonomy, problems = load_taxonomy(owner)
    assert not problems
    [article] = assign_topics([dataclasses.replace(articles["match_report.txt"], topics=())], taxonomy)
    assert article.topics and "sport" not in article.topic_names


def test_a_short_note_is_left_to_the_lexicon_and_may_get_no_topic():
    taxonomy, _ = load_taxonomy(None)
    note = Article(source="n.txt", source_sha256="0" * 64, title="Note",
                   blocks=(Paragraph("The office is closed on Friday. Post will be collected on Monday."),))
    [result] = assign_topics([note], taxonomy)
    assert result.topics == ()


def test_the_build_weighs_an_article_as_training_did():
    """The build's text logits are the training features (scripts/train_topics.py: `document_features`)
    times the weights: every feature counts in the length they are scaled by, the model's or not, and a stem
    two words share counts once, with their summed value. Scaled over the known features alone, an article
    full of names and rare words weighed its words more against the lexicon than the model was trained to."""
    model = load_model()
    body = ("Parliament passed the political reform after politicians argued for weeks. "
            "Zorblatt Quindlewick and Frabjous Snorkelmeyer of Vexmoor led the opposition in Plimptonshire. " * 6)
    text = article_text(Article(source="a.txt", source_sha256="0" * 64, title="Political reform passes",
                                blocks=(Paragraph(body),)))
    features = document_features(text)
    assert any(f not in model.index for f in features)  # the article has words the model does not know
    assert sum(f.startswith("s:polit") for f in features) == 1  # "political", "politicians" share one stem
    expected = sum(v * model.weights[model.index[f]] for f, v in features.items() if f in model.index)
    assert np.allclose(model.text_logits(text), expected, atol=1e-4)


def test_the_packaged_model_was_trained_on_the_words_the_build_reads():
    """A model trained before a change to the stop words or word rules has weights the build never reads
    (and lacks ones it would): retrain it (scripts/train_topics.py) whenever `word_features` changes."""
    model = load_model()
    unread = [n for n in model.names if n.startswith("w:") and n not in word_features(n[2:])]
    assert not unread
