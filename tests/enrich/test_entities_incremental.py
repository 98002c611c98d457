"""The entity pass resumed from the last build's corpus state (`enrich.memo`, state 'entity
corpus') equals the pass run from nothing, whatever came and went in between: an article that
gives another's bare surname its full name, one that flips a name's type, the removal of the
only article that taught a fact, and random sequences of new, removed and rewritten articles,
with a threshold that moves with the number of articles (`resolve.rare_limit`)."""

from __future__ import annotations

import pickle
import random

import pytest

from generator.enrich.entities import EntityRules, analyse_article, resolve_corpus
from generator.enrich.entities import resolve
from generator.enrich.memo import CorpusMemo
from generator.model import Article, EntityType
from memo_articles import LONE, SETTLES, make

FIRST = ["Anna", "Marco", "Sofia", "Jonas", "Ines", "Tomas", "Willy", "Greta"]
LAST = ["Lindqvist", "Bellini", "Almeida", "Weber", "Duarte", "Novak", "Brandt", "Halvorsen"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Rotterdam", "Gdansk", "Bergen"]
ORGS = ["Westerplatte Shipping", "Baltic Ferries", "Harbour Authority", "Nordic Cranes"]
ACRONYMS = [("European Maritime Agency", "EMA"), ("Baltic Port Council", "BPC")]


def _sentence(rng: random.Random) -> str:
    first, last, place, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(PLACES), rng.choice(ORGS)
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    name, acronym = rng.choice(ACRONYMS)
    return rng.choice([
        f"{first} {last} met {other} in {place} on Monday.",
        f"{last} told reporters in {place} that {org} would hire welders.",
        f"Mayor {last} visited {org} and thanked the crews.",
        f"Talks in {last} went on for a week, {org} said.",
        f"Workers at {org} in {place} cheered, {last} said.",
        f"{first} said the plan for {place} was ready.",
        f"The {name} ({acronym}) met in {place}; the {acronym} will report to {org}.",
        f"Shipyard chief {first} {last} told {org} the yard in {place} was safe.",
        f"{place.upper()} DOCK REOPENS, {org.upper()} SAYS.",
    ])


def random_article(rng: random.Random, source: str) -> Article:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    return make(source, f"Port news {rng.randint(1, 999)} from {rng.choice(PLACES)}", text, rng.randint(1, 27))


class Passes:
    """Entity passes one after the other, each given the last one's memo as the corpus state keeps it,
    each checked against the pass run from nothing."""

    def __init__(self, rules: EntityRules | None = None) -> None:
        self.rules = rules or EntityRules()
        self.kept: bytes | None = None
        self.computed = 0

    def run(self, articles: list[Article]) -> dict[str, dict[str, EntityType]]:
        analyses = [analyse_article(a) for a in articles]
        memo = CorpusMemo(pickle.loads(self.kept) if self.kept else None)
        resumed = resolve_corpus(articles, analyses, self.rules, memo)
        self.kept = pickle.dumps(memo.tables())
        self.computed = memo.table("entities").computed
        clean = resolve_corpus(articles, analyses, self.rules)
        for article, got, want in zip(articles, resumed, clean):
            assert got == want, article.source
        kept = pickle.loads(self.kept)
        assert set(kept["entities"]) == {a.source for a in articles}  # nothing of removed ones
        assert set(CorpusMemo(kept).state(resolve.STATE)[1]) == {a.source for a in articles}
        return {a.source: {m.name: m.type for m in mentions} for a, mentions in zip(articles, resumed)}


FILLER = [make(f"f{i:02d}.txt", f"Port report {i} from {PLACES[i % 7]}",
               f"Mayor {FIRST[i % 6]} {LAST[i % 6]} opened dock {i} in {PLACES[i % 7]}. {LAST[i % 6]} told reporters "
               f"that {ORGS[i % 4]} would use the quay.", 1 + i) for i in range(8)]


def test_an_article_that_names_a_surname_in_full_and_its_removal():
    passes = Passes()
    before = passes.run(FILLER + [LONE])
    after = passes.run(FILLER + [LONE, SETTLES])
    assert "Willy Brandt" in after["lone.txt"] and "Willy Brandt" not in before["lone.txt"]
    assert passes.run(FILLER + [LONE]) == before  # the only article that taught it is gone


def test_an_article_that_flips_a_type_and_its_removal():
    passes = Passes()
    before = passes.run(FILLER + [LONE])
    after = passes.run(FILLER + [LONE, SETTLES])
    assert before["lone.txt"].get("Halvorsen") is not EntityType.PERSON
    assert after["lone.txt"]["Halvorsen"] is EntityType.PERSON  # "Mayor Halvorsen" in the new article
    assert passes.run(FILLER + [LONE]) == before


def test_an_edited_article_takes_back_what_it_taught():
    passes = Passes()
    passes.run(FILLER + [LONE, SETTLES])
    quiet = make("settles.txt", "Shipyard quiet", "The yard in Gdansk was quiet on Monday, the union said.", 9)
    after = passes.run(FILLER + [LONE, quiet])
    assert "Willy Brandt" not in after["lone.txt"]


RULES = EntityRules(aliases={"Brandt": "Willy Brandt", "Bellini": "Marco Bellini"},
                    types={"Westerplatte Shipping": EntityType.PLACE, "Halvorsen": EntityType.PERSON},
                    ignore=frozenset({"gdansk"}))


@pytest.mark.parametrize("seed", range(6))
def test_random_adds_removes_and_edits_equal_a_pass_from_nothing(seed, monkeypatch):
    # A threshold that moves every few articles, as max(3, articles // 50) does at 10,000.
    monkeypatch.setattr(resolve, "rare_limit", lambda articles: max(1, articles // 4))
    rng = random.Random(seed)
    passes = Passes(RULES if seed % 2 else None)
    current: dict[str, Article] = {}
    fixed = [LONE, SETTLES]
    for step in range(18):
        roll = rng.random()
        if roll < 0.5 or len(current) < 3:
            source = f"r{step:02d}.txt"
            current[source] = random_article(rng, source)
        elif roll < 0.75:
            del current[rng.choice(sorted(current))]
        else:
            source = rng.choice(sorted(current))
            current[source] = random_article(rng, source)
        if rng.random() < 0.3:  # the articles that settle each other's names come and go too
            article = rng.choice(fixed)
            if article.source in current:
                del current[article.source]
            else:
                current[article.source] = article
        passes.run(list(current.values()))


def test_a_full_name_that_another_article_writes_more_often():
    # "Alexus G. Grynkewich" is shown as the corpus writes the person most: the article that
    # writes him so is read again when another makes "Alexus Grynkewich" the more used form.
    general = make("general.txt", "Exercise ends", "General Alexus G. Grynkewich visited the base in Bergen. "
                   "Alexus G. Grynkewich thanked the troops.", 4)
    more = make("more.txt", "Exercise review", "General Alexus Grynkewich reviewed the exercise in Bergen. "
                "Alexus Grynkewich said the drills went well, and Alexus Grynkewich left on Friday.", 5)
    passes = Passes()
    before = passes.run(FILLER + [general])
    assert "Alexus G. Grynkewich" in before["general.txt"]
    after = passes.run(FILLER + [general, more])
    assert "Alexus Grynkewich" in after["general.txt"]
    assert passes.run(FILLER + [general]) == before


def test_a_spelling_that_more_articles_use_is_shown_in_the_others():
    # "MacNeil Shipping" in two articles and "Macneil Shipping" in one: the first; two more with
    # "Macneil Shipping" make it the spelling shown, in the articles that did not change too; and
    # back when they go.
    def yard(source: str, name: str, day: int) -> Article:
        return make(source, f"Dock news {day}", f"Workers at {name} in Bergen cheered, the union said. {name} will "
                    f"hire welders.", day)
    first = [yard("a1.txt", "MacNeil Shipping", 1), yard("a2.txt", "MacNeil Shipping", 2),
             yard("b1.txt", "Macneil Shipping", 3)]
    more = [yard("b2.txt", "Macneil Shipping", 4), yard("b3.txt", "Macneil Shipping", 5)]
    passes = Passes()
    before = passes.run(FILLER + first)
    assert "MacNeil Shipping" in before["a1.txt"] and "MacNeil Shipping" in before["b1.txt"]
    after = passes.run(FILLER + first + more)
    assert "Macneil Shipping" in after["a1.txt"]
    assert passes.run(FILLER + first) == before
