"""The two passes of entity extraction, as the cache and the worker processes use them."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from support import FIXTURES, REPO, SEED

from generator.config import config_from_dict
from generator.discover import discover
from generator.enrich.entities import (EntityAnalysis, EntityRules, analyse_article, extract_corpus,
                                       load_rules, resolve_corpus)
from generator.model import EntityMention, EntityType
from generator.pipeline import read_articles


def read(*folders: Path):
    files = [f for folder in folders for f in discover(folder)[0]]
    return read_articles(files, config_from_dict({}))[0]


@pytest.fixture(scope="module")
def articles():
    return read(FIXTURES / "entities", REPO / "content")


@pytest.fixture(scope="module")
def owner_rules():
    rules, problems = load_rules(REPO / "content" / "entities.yml")
    assert problems == [] and rules.aliases and rules.types and rules.ignore
    return rules


@pytest.mark.parametrize("with_rules", [False, True])
def test_two_passes_give_what_extract_corpus_gives(articles, owner_rules, with_rules):
    rules = owner_rules if with_rules else EntityRules()
    analyses = [analyse_article(a, rules) for a in articles]
    found = resolve_corpus(articles, analyses, rules)
    assert found == [a.entities for a in extract_corpus(articles, rules)]
    assert all(found) and any(m.name == "Friedrich Merz" for m in found[1])


def _plain(value) -> bool:
    if isinstance(value, (str, int, bool)):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(_plain(v) for v in value)
    return False


def test_an_analysis_is_small_plain_data_that_survives_pickling(articles, owner_rules):
    analyses = [analyse_article(a, owner_rules) for a in articles]
    for analysis in analyses:
        assert isinstance(analysis, EntityAnalysis)
        assert all(_plain(getattr(analysis, f)) for f in EntityAnalysis.__slots__)
    sample = analyses[[a.source for a in articles].index(SEED.name)]
    assert len(pickle.dumps(sample, protocol=pickle.HIGHEST_PROTOCOL)) < 8_000  # a 1,000-word article
    again = [pickle.loads(pickle.dumps(a)) for a in analyses]
    assert again == analyses
    assert resolve_corpus(articles, again, owner_rules) == resolve_corpus(articles, analyses, owner_rules)


def test_an_analysis_depends_on_its_article_only(articles, owner_rules):
    """Not on the owner's rules, not on what the process analysed before (memoized cuts)."""
    seed = next(a for a in articles if a.source == SEED.name)
    here = analyse_article(seed, owner_rules)
    assert analyse_article(seed, EntityRules()) == here
    alone = subprocess.run(
        [sys.executable, "-c", (
            "import pickle, sys\n"
            "from pathlib import Path\n"
            "from generator.config import config_from_dict\n"
            "from generator.discover import discover\n"
            "from generator.pipeline import read_articles\n"
            "from generator.enrich.entities import analyse_article\n"
            f"files = [f for f in discover(Path({str(REPO / 'content')!r}))[0] if f.source == {SEED.name!r}]\n"
            "article = read_articles(files, config_from_dict({}))[0][0]\n"
            "sys.stdout.buffer.write(pickle.dumps(analyse_article(article)))\n")],
        cwd=REPO, capture_output=True, check=True)
    assert pickle.loads(alone.stdout) == here


def test_owner_rules_apply_in_the_corpus_pass(articles):
    analyses = [analyse_article(a) for a in articles]
    rules = EntityRules(aliases={"Merz": "Friedrich Merz"}, types={"Warsaw": EntityType.ORGANIZATION},
                        ignore=frozenset({"poland"}))
    found = dict(zip([a.source for a in articles], resolve_corpus(articles, analyses, rules)))
    sample = {m.name: m for m in found[SEED.name]}
    assert "Poland" not in sample and sample["Warsaw"].type is EntityType.ORGANIZATION
    assert "Merz" in sample["Friedrich Merz"].aliases
    assert found == dict(zip([a.source for a in articles], [a.entities for a in extract_corpus(articles, rules)]))


def test_articles_with_entities_from_their_owner_keep_them_and_need_no_analysis(articles):
    mine = (EntityMention("Somebody Else", EntityType.PERSON),)
    given = [replace(a, entities=mine, given_keys=a.given_keys | {"entities"}) if a.source == SEED.name else a
             for a in articles]
    analyses = [None if "entities" in a.given_keys else analyse_article(a) for a in given]
    found = resolve_corpus(given, analyses, EntityRules())
    assert found[[a.source for a in given].index(SEED.name)] == mine
    with pytest.raises(ValueError):
        resolve_corpus(articles, analyses, EntityRules())
