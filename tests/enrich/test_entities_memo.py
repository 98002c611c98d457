"""The entity corpus pass with the last build's per-article results (memo 'entities') gives what
it gives without them: an article's entities are made again only when its file changed or when
the corpus now settles one of its names otherwise (a bare surname that now has a full name, a
type that flips, a threshold that grows with the corpus), and are the same as a clean pass's."""

from __future__ import annotations

import pickle

import pytest

from generator.enrich.entities import EntityRules, analyse_article, resolve_corpus
from generator.enrich.entities.resolve import enough_evidence
from generator.enrich.memo import CorpusMemo
from generator.model import Article, EntityType
from memo_articles import LONE, SETTLES, make

CAST = ["Anna Lindqvist", "Marco Bellini", "Sofia Almeida", "Jonas Weber", "Ines Duarte", "Tomas Novak"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Rotterdam", "Oslo"]




def port(i: int) -> Article:
    who, other, place = CAST[i % 6], CAST[(i + 2) % 6], PLACES[i % 6]
    return make(f"s{i:03d}.txt", f"Port report {i} from {place}",
                f"Mayor {who} opened dock {i} in {place}. {who.split()[-1]} told reporters that ferries would use "
                f"the quay.\nHarbour master {other} said shipments had grown {i + 3} percent since {2000 + i % 20}.",
                1 + i % 27)




class Passes:
    """Entity passes one after the other, each given the last one's memo as the corpus state keeps it."""

    def __init__(self, rules: EntityRules | None = None) -> None:
        self.rules = rules or EntityRules()
        self.kept: bytes | None = None
        self.computed = 0
        self._analyses: dict[str, object] = {}

    def run(self, articles: list[Article]) -> dict[str, dict[str, EntityType]]:
        analyses = [self._analysis(a) for a in articles]
        memo = CorpusMemo(pickle.loads(self.kept) if self.kept else None)
        incremental = resolve_corpus(articles, analyses, self.rules, memo)
        self.kept = pickle.dumps(memo.tables())
        self.computed = memo.table("entities").computed
        assert incremental == resolve_corpus(articles, analyses, self.rules)  # every mention of every article
        assert set(pickle.loads(self.kept)["entities"]) == {a.source for a in articles}  # nothing of removed ones
        return {a.source: {m.name: m.type for m in mentions} for a, mentions in zip(articles, incremental)}

    def _analysis(self, article: Article):
        key = (article.source, article.source_sha256)
        if key not in self._analyses:
            self._analyses[key] = analyse_article(article)
        return self._analyses[key]


BASE = [port(i) for i in range(12)]


def test_nothing_changed_nothing_is_made_again():
    passes = Passes()
    first = passes.run(BASE + [LONE])
    assert passes.computed == 13
    assert passes.run(BASE + [LONE]) == first
    assert passes.computed == 0


def test_an_added_article_is_made_and_the_others_are_reused():
    passes = Passes()
    passes.run(BASE + [LONE])
    passes.run(BASE + [LONE, port(12)])
    assert passes.computed == 1


def test_a_removed_article_goes_and_an_edited_one_is_made_again():
    passes = Passes()
    passes.run(BASE + [LONE])
    passes.run(BASE[1:] + [LONE])
    assert passes.computed == 0
    edited = make("lone.txt", LONE.title, LONE.blocks[0].text + " Brandt thanked Mayor Halvorsen.", 3)
    after = passes.run(BASE[1:] + [edited])
    assert passes.computed >= 1
    assert after["lone.txt"]["Halvorsen"] is EntityType.PERSON  # the edit itself says who Halvorsen is


def test_a_surname_a_new_article_names_in_full_is_made_again_and_back_when_it_goes():
    passes = Passes()
    before = passes.run(BASE + [LONE])
    assert "Willy Brandt" not in before["lone.txt"]
    after = passes.run(BASE + [LONE, SETTLES])
    assert "Willy Brandt" in after["lone.txt"]  # the bare surname, now in full
    assert passes.computed == 2  # the new article, and the one whose names it settles otherwise
    assert passes.run(BASE + [LONE]) == before
    assert passes.computed == 1


def test_a_type_a_new_article_flips_is_made_again():
    passes = Passes()
    before = passes.run(BASE + [LONE])
    after = passes.run(BASE + [LONE, SETTLES])
    assert before["lone.txt"].get("Halvorsen") is not EntityType.PERSON
    assert after["lone.txt"].get("Halvorsen") is EntityType.PERSON  # "Mayor Halvorsen" elsewhere: a person


def test_a_threshold_that_grows_with_the_corpus_is_read_again():
    # "Brandt" takes Willy Brandt's full name only on a distinctive name shared with the article
    # naming him in full; "Westerplatte Shipping" is in 4 articles, distinctive once the corpus
    # has 200 (enough_evidence: at most max(3, articles // 50)). One more unrelated article flips it.
    assert not enough_evidence(["Westerplatte Shipping"], {"Westerplatte Shipping": 4}, 199, 1)
    assert enough_evidence(["Westerplatte Shipping"], {"Westerplatte Shipping": 4}, 200, 1)
    lone = make("lone.txt", "Yard talks", "Brandt told reporters at Westerplatte Shipping that welders would be hired. "
                "Westerplatte Shipping expects a deal, Brandt said.", 3)
    full = make("full.txt", "Yard chief", "Shipyard chief Willy Brandt visited Westerplatte Shipping on Monday. "
                "Willy Brandt told workers at Westerplatte Shipping the yard was safe.", 9)
    others = [make(f"yard{i}.txt", f"Yard news {i}", f"Westerplatte Shipping ordered {i + 2} cranes, the company "
                   f"said. Westerplatte Shipping will pay in {2030 + i}.", 10 + i) for i in range(2)]
    filler = [port(i) for i in range(196)]
    passes = Passes()
    before = passes.run(filler[:-1] + [lone, full, *others])  # 199 articles
    assert "Willy Brandt" not in before["lone.txt"]
    after = passes.run(filler + [lone, full, *others])  # 200
    assert "Willy Brandt" in after["lone.txt"]
    assert passes.computed == 2  # the new article, and the one the threshold changes


RULES = EntityRules(aliases={"Brandt": "Willy Brandt"},
                    types={"Willy Brandt": EntityType.PERSON, "Westerplatte Shipping": EntityType.PLACE},
                    ignore=frozenset({"gdansk"}))


def test_with_the_owners_rules():
    passes = Passes(RULES)
    first = passes.run(BASE + [LONE])
    assert "Willy Brandt" in first["lone.txt"] and "Gdansk" not in first["lone.txt"]
    assert first["lone.txt"]["Westerplatte Shipping"] is EntityType.PLACE
    passes.run(BASE + [LONE, SETTLES])
    assert passes.computed >= 1


@pytest.mark.parametrize("order", [0, 1])
def test_articles_whose_owner_gave_entities_are_left_alone(order):
    given = make("given.txt", "Given", "Brandt met Halvorsen.", 2)
    given = Article(**{**given.__dict__, "given_keys": frozenset({"entities"}), "entities": ()})
    articles = [given, LONE] if order else [LONE, given]
    passes = Passes()
    analyses = [None if a is given else analyse_article(a) for a in articles]
    memo = CorpusMemo()
    assert resolve_corpus(articles, analyses, passes.rules, memo) == resolve_corpus(articles, analyses, passes.rules)
    assert set(memo.tables()["entities"]) == {"lone.txt"}
