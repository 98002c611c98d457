"""Tags (key phrases) and related articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.config import config_from_dict
from generator.discover import discover
from generator.enrich import enrich_corpus
from generator.enrich.entities import load_rules
from generator.enrich.topics import assign_topics, load_taxonomy, related, tag_key
from generator.model import Article, EntityMention, EntityType, Paragraph
from generator.pipeline import read_articles

REPO = Path(__file__).resolve().parents[2]
ORG, PLACE, PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON


def article(source: str, text: str, title: str = "A title", entities=()) -> Article:
    return Article(source=source, source_sha256="0" * 64, title=title,
                   blocks=tuple(Paragraph(p) for p in text.split("\n\n")),
                   entities=tuple(EntityMention(n, t, c) for n, t, c in entities))


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(None)[0]


@pytest.fixture(scope="module")
def labeled() -> dict[str, Article]:
    files, _ = discover(REPO / "tests" / "fixtures" / "topics" / "articles")
    articles, _ = read_articles(files, config_from_dict({}))
    return {a.source: a for a in enrich_corpus(articles, load_rules(None)[0], load_taxonomy(None)[0])}


def test_sample_article_gets_a_few_key_phrases_and_no_names():
    files, _ = discover(REPO / "content")
    articles, _ = read_articles([f for f in files if f.source.startswith("000_")], config_from_dict({}))
    [sample] = enrich_corpus(articles, load_rules(None)[0], load_taxonomy(None)[0])
    assert 3 <= len(sample.tags) <= 5
    assert "Russian drones" in sample.tags
    names = {m.name.casefold() for m in sample.entities}
    for tag in sample.tags:
        assert tag.casefold() not in names
        assert not any(word.casefold() in {"nato", "russia", "poland"} for word in tag.split())


def test_tags_keep_proper_adjectives_and_lower_case_common_words(taxonomy):
    text = ("German rearmament is under way. Critics of German rearmament say the budget is too large. "
            "Rearmament, they argue, will take a decade, and the rearmament debate goes on.")
    [a] = assign_topics([article("a.txt", text, title="Berlin spends")], taxonomy)
    assert a.tags[0] == "German rearmament"


def test_a_phrase_from_the_title_alone_is_not_a_tag(taxonomy):
    [a] = assign_topics([article("a.txt", "The council met on Monday. It met again on Friday.", title="Leaders escalate row")],
                        taxonomy)
    assert not any("escalate" in t for t in a.tags)


def test_tags_of_the_labeled_articles_are_short_phrases_without_stop_words(labeled):
    for a in labeled.values():
        assert len(a.tags) <= 5
        for tag in a.tags:
            words = tag.split()
            assert 1 <= len(words) <= 3
            assert words[0].casefold() not in {"the", "a", "of", "and", "said"}
    assert "grilled sardines" not in labeled["lifestyle_travel_lisbon.txt"].tags  # said once: not salient
    assert labeled["borderline_sports_takeover.txt"].tags  # something is found even in a short piece


def test_tags_of_an_article_in_another_language_are_no_function_words(taxonomy):
    """Read in make audit: 1,762 of the 2,076 tags of Italian articles held a function word
    ('che', 'è stato', 'del', 'di un'), as tags knew only English ones."""
    text = ("Il terremoto è stato avvertito in tutta la regione. Il terremoto di magnitudo 6,8 è stato il più forte "
            "dell'anno, e dopo il terremoto che ha colpito la costa sono state evacuate migliaia di persone. "
            "Le scosse di assestamento sono state decine, e il terremoto ha danneggiato il porto che era "
            "stato appena ricostruito. Dopo le scosse, la protezione civile ha detto che il porto resta chiuso.")
    [a] = assign_topics([dataclasses.replace(article("a.txt", text, title="Forte terremoto"), language="it")], taxonomy)
    assert "terremoto" in [t.casefold() for t in a.tags]
    function_words = {"è", "che", "di", "del", "il", "la", "sono", "dopo", "stato", "state", "ha", "un"}
    assert not any(word in function_words for tag in a.tags for word in tag.casefold().split()[:1] + tag.casefold().split()[-1:])


def test_tag_key_merges_case_and_plural():
    assert tag_key("Russian drones") == tag_key("russian drone") == "russian drone"
    assert tag_key("no-fly zone") == tag_key("No fly zones")


def test_related_articles_share_entities_topics_and_words(labeled):
    # The two crime articles and the politician's trial are closer to each other than to the recipe.
    fraud = labeled["crime_fraud_trial.txt"]
    assert fraud.related, "every labeled article has some neighbour"
    assert "lifestyle_recipe.txt" not in fraud.related[:3]
    assert labeled["conflict_missile_strike.txt"].related[0] in {"conflict_ceasefire.txt"} | {
        s for s in labeled if s.startswith("conflict_")}
    for a in labeled.values():
        assert a.source not in a.related
        assert len(a.related) <= 5 and len(set(a.related)) == len(a.related)


def test_most_related_first(taxonomy):
    nato = ("NATO", ORG, 3)
    base = article("base.txt", "Troops and drones near the border. The war goes on.", entities=[nato, ("Poland", PLACE, 2), ("Mark Rutte", PERSON, 1)])
    close = article("close.txt", "Troops gather at the border. Drones fly.", entities=[nato, ("Poland", PLACE, 1), ("Mark Rutte", PERSON, 2)])
    far = article("far.txt", "Troops on parade in the capital for the war anniversary.", entities=[nato])
    other = article("other.txt", "A recipe for soup with leeks and potatoes.")
    result = {a.source: a for a in assign_topics([base, close, far, other], taxonomy)}
    assert result["base.txt"].related[:2] == ("close.txt", "far.txt")
    assert "other.txt" not in result["base.txt"].related
    assert result["other.txt"].related == ()


def test_related_lists_at_most_five(taxonomy):
    text = "Rail workers strike over pay as the union rejects the offer from employers."
    articles = [article(f"{i:02d}.txt", text, entities=[("RMT", ORG, 2)]) for i in range(9)]
    for a in assign_topics(articles, taxonomy):
        assert len(a.related) == 5


def test_features_shared_by_too_many_articles_do_not_link_them(taxonomy, monkeypatch):
    """Candidates come only through postings of at most MAX_POSTINGS articles: linear, not all-pairs."""
    texts = ["Cats sleep all day.", "Bread rises in the oven.", "Rivers flood in spring.", "Stars shine at night.",
             "Glaciers move slowly.", "Bees make honey."]
    articles = [article(f"{i}.txt", t, entities=[("Acme", ORG, 1)]) for i, t in enumerate(texts)]
    linked = assign_topics(articles, taxonomy)
    assert all(a.related for a in linked)  # Acme in 6 articles links them
    monkeypatch.setattr(related, "MAX_POSTINGS", 5)
    unlinked = assign_topics([dataclasses.replace(a, related=()) for a in articles], taxonomy)
    assert all(a.related == () for a in unlinked)  # in more than 5: too common to relate anything
