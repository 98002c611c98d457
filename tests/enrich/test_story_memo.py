"""Stories redone from the last build's pass (enrich.story_memo) are the pass run from nothing:
after an article is added (dated latest, dated in the middle, undated), removed or changed, and
over chains of random edits; and an article added last searches for its own story only."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import random

import pytest

from generator.enrich import story_memo
from generator.enrich.memo import Memo
from generator.enrich.stories import assign_stories
from generator.model import Article, EntityMention, EntityType, Paragraph

PEOPLE = ["Anna Lindqvist", "Marco Bellini", "Sofia Almeida", "Jonas Weber", "Ines Duarte", "Tomas Novak",
          "Reuters"]
ORGS = ["Port Authority", "Red Cross", "Atlas Mining", "Reuters"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Morocco"]
WORDS = ("earthquake rubble rescuers village strike dock ferry freight harbour grain timber steel coffee "
         "election ballot minister parliament vote budget tariff storm flood river bridge match goal league").split()


def make(source: str, date: dt.date | None, rng: random.Random) -> Article:
    words = rng.sample(WORDS, 9)
    title = " ".join(words[:4]).capitalize()
    text = " ".join(rng.choice(words) for _ in range(40))
    mentions = [EntityMention(rng.choice(PEOPLE), EntityType.PERSON, rng.randint(1, 3)),
                EntityMention(rng.choice(ORGS), EntityType.ORGANIZATION, rng.randint(1, 2)),
                EntityMention(rng.choice(PLACES), EntityType.PLACE, rng.randint(1, 4))]
    mentions = tuple({m.name: m for m in mentions[:rng.randint(0, 3)]}.values())
    sha = hashlib.sha256(f"{source}{date}{title}{text}".encode()).hexdigest()
    return Article(source=source, source_sha256=sha, title=title, blocks=(Paragraph(text),), date=date,
                   date_source="text" if date else None, word_count=40, language="en", entities=mentions)


def corpus(n: int, seed: int, undated: int = 4) -> list[Article]:
    rng = random.Random(seed)
    start = dt.date(2024, 3, 1)
    dated = [make(f"a{i:03d}.txt", start + dt.timedelta(days=rng.randint(0, 60)), rng) for i in range(n)]
    return dated + [make(f"u{i:02d}.txt", None, rng) for i in range(undated)]


class Builds:
    """Stories of builds one after the other, each given the last one's kept table as the corpus state keeps it."""

    def __init__(self) -> None:
        self.kept: bytes | None = None
        self.searched = 0

    def build(self, articles: list[Article]) -> list:
        memo = Memo(pickle.loads(self.kept) if self.kept else None)
        found = story_memo.assign_stories(articles, [None] * len(articles), memo)
        self.kept = pickle.dumps(memo.kept)
        self.searched = memo.computed
        assert found == assign_stories(articles)  # the pass run from nothing, article for article
        return found


@pytest.fixture(scope="module")
def base() -> list[Article]:
    return corpus(120, 1)


def test_the_first_build_is_the_pass_from_nothing(base):
    refs = Builds().build(base)
    assert sum(r is not None for r in refs) > 10  # the corpus has stories to get wrong


def test_an_article_dated_latest_searches_for_its_own_story_only(base):
    builds = Builds()
    builds.build(base)
    latest = max(a.date for a in base if a.date)
    rng = random.Random(5)
    new = make("new.txt", latest + dt.timedelta(days=1), rng)
    builds.build(base + [new])
    assert builds.searched <= 1 + len(base) // 4  # the new article, and those whose features' idf steps moved
    builds.build(base + [new])
    assert builds.searched == 0  # nothing changed


def test_an_article_the_drop_left_alone_keeps_the_very_entry_loaded(base):
    # The corpus state writes a shard again only where an entry is not the object it loaded: a
    # new tuple for each of 10,000 unchanged articles made every drop pickle the whole table.
    builds = Builds()
    builds.build(base)
    loaded = Memo(pickle.loads(builds.kept))
    latest = max(a.date for a in base if a.date)
    articles = base + [make("new.txt", latest + dt.timedelta(days=1), random.Random(5))]
    found = story_memo.assign_stories(articles, [None] * len(articles), loaded)
    assert found == assign_stories(articles)
    last = loaded.last()
    same = [a.source for a in base if loaded.kept[a.source] is last[a.source]]
    assert len(same) >= len(base) // 2  # most articles: neither their story nor their features moved
    changed = [a.source for a in base if loaded.kept[a.source] != last[a.source]]
    assert not set(same) & set(changed)


@pytest.mark.parametrize("where", ["latest", "middle", "first", "undated"])
def test_added_articles(base, where):
    builds = Builds()
    builds.build(base)
    dates = sorted(a.date for a in base if a.date)
    date = {"latest": dates[-1], "middle": dates[len(dates) // 2], "first": dates[0], "undated": None}[where]
    for seed in range(6):
        builds.build(base + [make(f"new-{seed}.txt", date, random.Random(seed))])
        builds.build(base)  # and gone again


def test_a_copy_of_an_article_joins_its_story(base):
    builds = Builds()
    builds.build(base)
    refs = {a.source: r for a, r in zip(base, assign_stories(base))}
    member = next(a for a in base if refs[a.source] is not None and a.date)
    copy = Article(**{**member.__dict__, "source": "zz-copy.txt"})
    found = builds.build(base + [copy])
    assert found[-1] == refs[member.source]


@pytest.mark.parametrize("which", range(0, 120, 7))
def test_removed_articles(base, which):
    builds = Builds()
    builds.build(base)
    builds.build(base[:which] + base[which + 1:])


def test_removing_the_first_article_of_each_story(base):
    builds = Builds()
    refs = builds.build(base)
    firsts = {r.key for r in refs if r is not None}
    builds.build([a for a in base if a.source not in firsts])


@pytest.mark.parametrize("which", range(3, 124, 11))
def test_changed_articles(base, which):
    builds = Builds()
    builds.build(base)
    rng = random.Random(which)
    old = base[which]
    date = rng.choice([old.date, None, dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 60))])
    edited = make(old.source, date, rng)
    builds.build([edited if a.source == old.source else a for a in base])
    # The same text with other entities (as when a new article settles a name otherwise).
    renamed = Article(**{**old.__dict__, "entities": (EntityMention("Willy Brandt", EntityType.PERSON),)})
    builds.build([renamed if a.source == old.source else a for a in base])


@pytest.mark.parametrize("seed", range(8))
def test_chains_of_random_edits(seed):
    rng = random.Random(seed)
    articles = corpus(80, seed + 100, undated=rng.randint(0, 5))
    builds = Builds()
    builds.build(articles)
    start = dt.date(2024, 3, 1)
    for step in range(6):
        articles = list(articles)
        for _ in range(rng.randint(1, 4)):
            kind = rng.random()
            date = None if rng.random() < 0.1 else start + dt.timedelta(days=rng.randint(-5, 70))
            if kind < 0.4:
                articles.append(make(f"n{step}-{rng.randint(0, 10 ** 6)}.txt", date, rng))
            elif kind < 0.7 and len(articles) > 10:
                articles.pop(rng.randrange(len(articles)))
            else:
                i = rng.randrange(len(articles))
                articles[i] = make(articles[i].source, date, rng)
        builds.build(articles)


def test_a_source_twice_reuses_nothing_and_is_still_the_pass_from_nothing(base):
    builds = Builds()
    builds.build(base)
    twice = base + [Article(**{**base[5].__dict__, "date": base[9].date})]  # (a corpus should not, but may)
    builds.build(twice)
    assert builds.searched == len(twice)
    builds.build(base)
