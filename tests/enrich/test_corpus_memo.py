"""The corpus stage with the last build's per-article results (enrich.memo) gives what it gives
without them, whatever changed in between: an article added, removed or edited, a name that
a new article resolves otherwise, a new article related to old ones or joining their story."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from generator.enrich import EnrichContext, analyse_article, finish_corpus
from generator.enrich.entities import load_rules
from generator.enrich.memo import CorpusMemo
from generator.enrich.topics import load_taxonomy
from generator.enrich.entities import EntityRules
from generator.model import Article, EntityType
from memo_articles import LONE, SETTLES, make

CAST = ["Anna Lindqvist", "Marco Bellini", "Sofia Almeida", "Jonas Weber", "Ines Duarte", "Tomas Novak"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Rotterdam", "Gdansk"]
CARGO = ["grain", "timber", "steel", "coffee", "cars", "fish", "cement", "salt", "wine", "paper", "oil", "wool"]




def port(i: int, day: int | None = None) -> Article:
    who, other, place = CAST[i % 6], CAST[(i + 2) % 6], PLACES[i % 6]
    text = (f"Mayor {who} opened dock {i} in {place}, the Port Authority said. {who.split()[-1]} told reporters "
            f"that ferries and freight would share the new quay.\n"
            f"Harbour master {other} said {CARGO[i % 12]} and {CARGO[(i * 5 + 1) % 12]} shipments had grown "
            f"{i + 3} percent since {2000 + i}, while {CARGO[(i * 7 + 2) % 12]} traders asked for berth {i * 11}.")
    return make(f"s{i:02d}.txt", f"Port authority report {i} from {place}", text, day or 1 + i % 27)



QUAKE = [make(f"quake-{i}.txt", title, text, day) for i, (title, text, day) in enumerate([
    ("Earthquake of magnitude 6.8 strikes Morocco's Atlas Mountains",
     "A powerful earthquake of magnitude 6.8 struck the High Atlas mountains south of Marrakesh late on Friday, the "
     "United States Geological Survey said. Buildings collapsed in Marrakesh and in villages near the epicentre in "
     "Al Haouz province, and rescuers searched the rubble for survivors of the earthquake.", 10),
    ("Morocco earthquake death toll passes 2,000 as rescuers dig through rubble",
     "Rescuers in Morocco dug through the rubble of collapsed mud-brick villages in the High Atlas on Sunday as the "
     "death toll from the earthquake passed 2,000. Al Haouz province near Marrakesh was the worst hit; survivors "
     "slept in the open after the earthquake destroyed their homes.", 11),
    ("Aid reaches Atlas villages cut off by Morocco earthquake",
     "Aid convoys reached villages of the High Atlas cut off since the earthquake, as Morocco accepted rescue teams "
     "from Spain and the United Kingdom. In Al Haouz province survivors of the earthquake said the rubble of their "
     "homes still held missing neighbours, and Marrakesh hospitals treated the injured.", 13),
], start=1)]


@pytest.fixture(scope="module")
def context() -> EnrichContext:
    return EnrichContext(load_rules(None)[0], load_taxonomy(None)[0])


class Builds:
    """Builds one after the other, each given the last one's memo as the corpus state keeps it."""

    def __init__(self, context: EnrichContext) -> None:
        self.context = context
        self.kept: bytes | None = None
        self.computed = 0

    def build(self, articles: list[Article]) -> dict[str, Article]:
        analyses = [analyse_article(a, self.context) for a in articles]
        memo = CorpusMemo(pickle.loads(self.kept) if self.kept else None)
        incremental = finish_corpus(articles, analyses, self.context, memo)
        self.kept = pickle.dumps(memo.tables())
        self.computed = memo.table("topics").computed
        self.ruled = memo.table("entity rules").computed  # articles the owner's rules were applied to again
        self.stories = memo.table("stories")  # its `computed`: the articles whose story was searched again
        clean = finish_corpus(articles, analyses, self.context)
        assert incremental == clean  # every field of every article: entities, topics, tags, related, story
        return {a.source: a for a in incremental}


def test_a_new_article_is_computed_and_the_others_reused(context):
    builds = Builds(context)
    base = [port(i) for i in range(12)]
    builds.build(base)
    assert builds.computed == 12
    builds.build(base + [port(12)])
    assert builds.computed == 1


def test_a_name_a_new_article_resolves_otherwise_is_recomputed_where_it_is_used(context):
    builds = Builds(context)
    base = [port(i) for i in range(12)] + [LONE]
    before = builds.build(base)
    assert "Willy Brandt" not in {m.name for m in before["lone.txt"].entities}
    after = builds.build(base + [SETTLES])
    assert "Willy Brandt" in {m.name for m in after["lone.txt"].entities}  # the bare surname, now in full
    assert builds.computed == 2  # the new article, and the one whose entities it changed
    again = builds.build(base)  # and back when the article goes
    assert again == before
    assert builds.computed == 1


def test_removed_and_edited_articles(context):
    builds = Builds(context)
    base = [port(i) for i in range(12)] + [LONE, SETTLES]
    builds.build(base)
    without = [a for a in base if a.source not in ("s03.txt", "settles.txt")]
    builds.build(without)
    assert set(pickle.loads(builds.kept)["topics"]) == {a.source for a in without}  # nothing kept of removed ones
    edited = make("s04.txt", "Port authority report 4 from Rotterdam", "Mayor Willy Brandt closed the old dock in "
                  "Rotterdam. Brandt said grain traders would move to Gdansk, and Westerplatte Shipping agreed.", 5)
    after = builds.build([edited if a.source == "s04.txt" else a for a in without])
    assert "Willy Brandt" in {m.name for m in after["s04.txt"].entities}
    assert builds.computed >= 1


def test_a_new_article_joins_a_story_and_changes_old_articles_related(context):
    builds = Builds(context)
    base = [port(i) for i in range(8)] + QUAKE[:2]
    before = builds.build(base)
    after = builds.build(base + QUAKE[2:])
    assert after["quake-3.txt"].story is not None
    assert after["quake-3.txt"].story == after["quake-1.txt"].story
    assert "quake-3.txt" in after["quake-1.txt"].related
    assert "quake-3.txt" not in before["quake-1.txt"].related
    assert builds.computed == 1


# An owner's rules that touch some articles: an alias for a bare surname, a forced type, a name to ignore.
RULES = EntityRules(aliases={"Brandt": "Willy Brandt"},
                    types={"Willy Brandt": EntityType.PERSON, "Westerplatte Shipping": EntityType.PLACE},
                    ignore=frozenset({"port authority"}))


def test_the_owners_rules_are_applied_once_per_file_and_the_result_is_the_same(context):
    builds = Builds(EnrichContext(RULES, context.taxonomy))
    base = [port(i) for i in range(10)] + [LONE]
    first = builds.build(base)
    assert builds.ruled == 11  # every article names the Port Authority or Brandt
    assert "Willy Brandt" in {m.name for m in first["lone.txt"].entities}
    assert ("Westerplatte Shipping", EntityType.PLACE) in {(m.name, m.type) for m in first["lone.txt"].entities}
    builds.build(base + [SETTLES])
    assert builds.ruled == 1  # the new article only
    edited = make("lone.txt", LONE.title, LONE.blocks[0].text + " Brandt thanked the welders.", 3)
    after = builds.build([edited if a.source == "lone.txt" else a for a in base])  # edited, and one removed
    assert builds.ruled == 1
    assert "Willy Brandt" in {m.name for m in after["lone.txt"].entities}


def test_a_type_the_corpus_settles_otherwise_is_recomputed_and_back_when_the_article_goes(context):
    builds = Builds(context)
    base = [port(i) for i in range(10)] + [LONE]
    before = builds.build(base)
    after = builds.build(base + [SETTLES])
    types = {m.name: m.type for m in before["lone.txt"].entities}, {m.name: m.type for m in after["lone.txt"].entities}
    assert types[0] != types[1]  # a name of the old article changed type (or name) with the new one
    assert builds.build(base) == before


# A person the corpus writes in two ways: the form most used is the name shown everywhere.
def _general(source: str, form: str, times: int, day: int) -> Article:
    said = " ".join(f"{form} said the alliance would meet in Brussels on day {k}." for k in range(times))
    return make(source, f"Alliance commander speaks in Brussels ({source})",
                f"General {form} told NATO ministers in Brussels that air defence was short. {said}", day)


def test_a_canonical_name_a_new_article_changes_is_changed_everywhere_and_back(context):
    builds = Builds(context)
    base = [port(i) for i in range(8)] + [_general("g1.txt", "Alexus G. Grynkewich", 2, 4)]
    before = builds.build(base)
    assert "Alexus G. Grynkewich" in {m.name for m in before["g1.txt"].entities}
    more = [_general(f"g{i}.txt", "Alexus Grynkewich", 3, 4 + i) for i in (2, 3)]
    after = builds.build(base + more)
    assert "Alexus Grynkewich" in {m.name for m in after["g1.txt"].entities}  # the old article follows the corpus
    assert builds.build(base) == before


@pytest.mark.parametrize("day", [28, 12, 2, None])  # dated latest, in the middle of the story, first; undated
def test_stories_with_an_article_added_removed_and_changed_are_as_computed_anew(context, day):
    builds = Builds(context)
    base = [port(i) for i in range(10)] + QUAKE[:1] + QUAKE[2:]
    before = builds.build(base)
    added = make("quake-x.txt", QUAKE[1].title, QUAKE[1].blocks[0].text)
    added = Article(**{**added.__dict__, "date": dt.date(2024, 3, day) if day else None})
    after = builds.build(base + [added])  # (Builds checks every build against one without the memo)
    assert builds.stories.computed < len(base) + 1  # some decisions were reused
    builds.build(base[:3] + base[4:] + [added])  # one removed
    edited = make("quake-1.txt", "Strong earthquake hits Morocco", QUAKE[0].blocks[0].text + " Aid is on its way.", 12)
    builds.build([edited if a.source == "quake-1.txt" else a for a in base + [added]])  # the story's first article edited
    assert builds.build(base) == before
    assert after["quake-3.txt"].story is not None
