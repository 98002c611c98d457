"""Tags and related articles brought up to date from the last build's index (topics.index) are
those computed from nothing, whatever changed: an article that moves a phrase's idf step, one
that enters other articles' related lists, removals, and random runs of adds and removes."""

from __future__ import annotations

import pickle
import random

import pytest

from generator.enrich.memo import CorpusMemo
from generator.enrich.topics import analyse_article, finish_corpus, load_taxonomy
from generator.enrich.topics import index, related
from generator.enrich.topics.analysis import INDEX
from generator.model import Article, EntityMention, EntityType
from memo_articles import make

PHRASES = ["harbour crane", "grain silo", "night ferry", "dock strike", "steel import", "fishing quota",
           "toll bridge", "cargo manifest", "pilot boat", "container yard", "rail freight", "customs officer",
           "tidal barrier", "salt marsh", "wind farm", "oil spill", "coast guard", "berth fee"]
NAMES = [("Anna Lindqvist", EntityType.PERSON), ("Port Authority", EntityType.ORGANIZATION),
         ("Gdansk", EntityType.PLACE), ("Marco Bellini", EntityType.PERSON), ("Harbour Union", EntityType.ORGANIZATION),
         ("Lisbon", EntityType.PLACE), ("Sofia Almeida", EntityType.PERSON), ("Genoa", EntityType.PLACE)]


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(None)[0]


@pytest.fixture(autouse=True, params=["updated", "ranked again"])
def ranking(request, monkeypatch):
    """Related lists updated from the last build's, and all ranked again when many changed."""
    monkeypatch.setattr(index, "RANK_ALL_SHARE", 1e9 if request.param == "updated" else 0.0)


def port(i: int, rng: random.Random) -> Article:
    """An article of a few phrases the others share (each written twice: a candidate) and some names."""
    phrases = rng.sample(PHRASES, rng.randint(2, 5))
    text = " ".join(f"The {p} was discussed again, and the {p} stayed open on day {i}." for p in phrases)
    names = rng.sample(NAMES, rng.randint(0, 3))
    article = make(f"p{i:03d}.txt", f"Harbour report {i}", text, 1 + i % 27)
    return Article(**{**article.__dict__, "entities": tuple(EntityMention(n, t, rng.randint(1, 3)) for n, t in names)})


class Builds:
    """Builds one after the other, each with the last one's corpus memo as the state keeps it,
    each checked against a build from nothing."""

    def __init__(self, taxonomy) -> None:
        self.taxonomy, self.kept, self.analyses = taxonomy, None, {}

    def build(self, articles: list[Article]) -> dict[str, tuple]:
        analyses = [self.analyses.get(a.source) or self.analyses.setdefault(a.source, analyse_article(a, self.taxonomy))
                    for a in articles]
        memo = CorpusMemo(pickle.loads(self.kept) if self.kept else None)
        incremental = finish_corpus(articles, analyses, self.taxonomy, memo.table("topics"), corpus=memo)
        self.kept = pickle.dumps(memo.tables())
        assert incremental == finish_corpus(articles, analyses, self.taxonomy)
        return {a.source: r for a, r in zip(articles, incremental)}

    def df(self, phrase: str) -> int:
        return CorpusMemo(pickle.loads(self.kept)).state(INDEX)[2][2].get(phrase, 0)


def corpus(n: int, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    return [port(i, rng) for i in range(n)]


def test_an_article_that_moves_a_phrases_idf_step_changes_the_others_tags_as_a_clean_build(taxonomy):
    builds = Builds(taxonomy)
    base = corpus(30)
    builds.build(base)
    # Enough articles with "salt marsh" to take it to the next step (4-7 articles after 2-3, ...): it weighs less.
    having = builds.df("salt marsh")
    assert having >= 2
    extra = [make(f"x{k}.txt", "Salt marsh report", "The salt marsh grew, and the salt marsh flooded. " * 2)
             for k in range((1 << having.bit_length()) - having)]
    builds.build(base + extra)
    steps = having, builds.df("salt marsh")
    assert steps[0].bit_length() != steps[1].bit_length()  # its step moved


def test_a_new_article_enters_other_articles_related_lists_and_leaves_them_when_removed(taxonomy):
    builds = Builds(taxonomy)
    base = corpus(40, seed=5)
    before = builds.build(base)
    twin = base[7]
    copy = make("twin.txt", twin.title, twin.blocks[0].text, 2)
    copy = Article(**{**copy.__dict__, "entities": twin.entities})
    after = builds.build(base + [copy])
    assert "twin.txt" in after[twin.source].related
    assert "twin.txt" not in before[twin.source].related
    assert builds.build(base) == before  # removed: as before it came


def test_removed_and_changed_articles(taxonomy):
    builds = Builds(taxonomy)
    base = corpus(40, seed=8)
    builds.build(base)
    without = base[:10] + base[12:]
    builds.build(without)
    assert set(CorpusMemo(pickle.loads(builds.kept)).state(INDEX)[1]) == {a.source for a in without}  # nothing kept of removed ones
    edited = Article(**{**base[20].__dict__, "source_sha256": "edited", "entities": base[3].entities,
                        "blocks": base[3].blocks})
    builds.build([edited if a.source == edited.source else a for a in without])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("bounds", [None, (2, 6)])
def test_random_adds_and_removes_are_as_a_clean_build(taxonomy, seed, bounds, monkeypatch):
    if bounds:  # few phrases per vector, and few articles make a feature common: those standings move too
        monkeypatch.setattr(related, "PHRASES_PER_ARTICLE", bounds[0])
        monkeypatch.setattr(related, "MAX_POSTINGS", bounds[1])
    rng = random.Random(seed)
    pool = corpus(70, seed=seed + 11)
    builds = Builds(taxonomy)
    current = rng.sample(pool, 30)
    builds.build(current)
    for _ in range(8):
        if rng.random() < 0.6:
            adding = [a for a in pool if a not in current]
            current = current + rng.sample(adding, min(len(adding), rng.randint(1, 4)))
        else:
            for a in rng.sample(current, rng.randint(1, 3)):
                current.remove(a)
        rng.shuffle(current)
        builds.build(current)


def test_nothing_changed_keeps_everything(taxonomy):
    builds = Builds(taxonomy)
    base = corpus(20)
    assert builds.build(base) == builds.build(list(reversed(base)))


def test_a_source_twice_keeps_no_index_and_the_next_build_is_still_right(taxonomy):
    builds = Builds(taxonomy)
    base = corpus(20)
    builds.build(base + [base[3]])
    assert CorpusMemo(pickle.loads(builds.kept)).state(INDEX) is None
    builds.build(base)


@pytest.mark.parametrize("seed", range(3))
def test_rows_ranked_again_are_the_rows_of_a_ranking_of_everything(seed):
    """The rows a changed vector reaches, ranked again on their own (related._rank_rows), equal
    the ranking of all articles: the same similarities, ties to the first source, none below
    the least similarity, an article never related to itself, none for a vector without features."""
    rng = random.Random(seed)
    n, limit = 300, 5
    names = [f"{rng.randrange(10**6):06d}-{i}.txt" for i in range(n)]  # sources out of row order
    vocabulary = [f"feature {k}" for k in range(40)]
    vectors = []
    for i in range(n):
        chosen = sorted(rng.sample(vocabulary, rng.randint(0, 6))) if i % 50 else []
        vectors.append((tuple(chosen), tuple(rng.choice((256, 512, 700)) for _ in chosen)))  # few values: ties
    expected = related.related_lists(names, vectors, limit)
    assert sum(len(set(x)) < len(x) for x in expected) == 0 and any(len(x) == limit for x in expected)
    rows = sorted(rng.sample(range(n), 80) + [0])  # row 0 has no features
    lists: list[tuple[str, ...]] = [("stale",)] * n
    related._rank_rows(rows, names, [v[0] for v in vectors], lambda j: vectors[j][1], lists, related._least(), limit)
    assert [lists[i] for i in rows] == [expected[i] for i in rows]
    assert lists[0] == () and all(lists[i] == ("stale",) for i in range(n) if i not in rows)
