"""Stories with the last build's pass at hand: only the decisions a change can reach are made again.

`stories` takes articles once, in canonical order, and each joins the story most like it or
starts one. The last build keeps, per article (`Kept`, under what `story_input` reads: the file's
hash, its date, the names, types and counts of its entities), its features, its vector and its
story (named by the story's first article). This build then:

1. computes the inputs of new and changed articles only, and counts document frequencies;
2. finds the features whose standing moved (idf step, df >= 2, df > MAX_POSTINGS: all a vector
   or a decision reads of the frequencies) from the old counts (this build's, less what new and
   changed articles brought, plus what removed and changed ones had); an article is *touched*
   when it is new or changed or has such a feature, and only a touched article's vector is
   computed again (the others' are the kept ones, equal to what computing would give);
3. replays the pass in canonical order. Every article joins its story in this build's state
   (the sums must be exact for later decisions), but an untouched article takes its old story
   without a search unless a *dirty* story could have been one of its candidates.

A story is dirty from the first point of the pass where its articles so far differ between the
last build and this one: where a touched article joins or left it (a removed or changed article
counts at its old place in the order), or an article's decision moved to it or away from it.
A clean story has the same articles in the same order with the same vectors in both builds, so
the same sums, dates and flags; clean stories keep their relative numbering (their first
articles keep their relative order). An untouched article's candidates are the stories sharing
one of its features (not one too common to find candidates), less those more than
`Clustering.horizon` days older. So when no dirty story has one of those features within the
horizon (in either build), its candidates and everything the search reads of them are as last
time, and so is its decision. Dirtiness is tracked per feature (`_Dirt`): for each feature of a
dirty story (every feature any of its articles had in either build), the latest day the story
reached in either build; dated articles come in date order, so that day bounds the story's
latest date in both builds at every later point. Undated articles come last and see every story.

The result is the pass run from nothing, article for article (tests/enrich/test_story_memo.py
checks it against `stories.assign_stories` after articles are added, removed and changed). What
is kept is mostly the vectors' floats (each feature's name is pickled once): about 0.5 KB an
article, 5.3 MB at 10,000 articles, which the corpus state loads and saves in ~0.07 s more CPU,
against ~0.55 s the pass saves on one dropped article (`scripts/bench_corpus.py`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Article, StoryRef
from .memo import Memo, entity_key
from .stories import MAX_POSTINGS, Clustering, Frequencies, StoryInput, flags, relative_idf, story_input, story_refs


# What the next build keeps of one article's part in the pass, a plain tuple (they pickle fastest):
# its date (an ordinal, or None), its entity keys and candidate terms (as in `StoryInput`), its
# `stories.flags`, its vector, and its story (the source of the story's first article).
Kept = tuple[int | None, tuple[str, ...], tuple[str, ...], tuple[bool, bool], dict[str, float], str]
_DAY, _ENTITIES, _TERMS, _FLAGS, _VECTOR, _STORY = range(6)


def article_key(article: Article) -> tuple[str, tuple[tuple[str, str, int], ...]]:
    """What `story_input` reads of an article besides its date: its file, and the names, types and
    counts of its entities (the key the topics' table keeps too: one object for both pickles once)."""
    return article.source_sha256, entity_key(article.entities)


def assign_stories(articles: Sequence[Article], words: Sequence[Sequence[tuple[str, float]] | None],
                   memo: Memo, keys: Sequence[Any] | None = None) -> list[StoryRef | None]:
    """`stories.assign_stories`, the same result, redoing only what changed since the build `memo`
    holds (see the module docstring); `memo.computed` is the number of decisions searched.
    `keys[i]` is `article_key(articles[i])`, when the caller has it."""
    last: dict[str, tuple[Any, Kept]] = memo.last()
    sources = [a.source for a in articles]
    if len(set(sources)) < len(sources):  # (one source twice: its kept entry could be either's; reuse nothing)
        last = {}
    keys = keys if keys is not None else [article_key(a) for a in articles]
    days = [None if a.date is None else a.date.toordinal() for a in articles]
    old = [last.get(a.source) for a in articles]
    same = [o is not None and (o[0] is k or o[0] == k) and o[1][_DAY] == d for o, k, d in zip(old, keys, days)]
    standing = {source for source, s in zip(sources, same) if s}  # here, with the same inputs as last time
    # (`words[i]` only where it is read: a stored analysis decodes it then, see enrich.PartOf)
    inputs: list[StoryInput | None] = [None if s else story_input(articles[i], words[i]) for i, s in enumerate(same)]
    entities = [o[1][_ENTITIES] if s else tuple(i.entities) for o, i, s in zip(old, inputs, same)]
    terms = [o[1][_TERMS] if s else tuple(i.terms) for o, i, s in zip(old, inputs, same)]
    frequencies = Frequencies.count(entities, terms)
    touched = [not s for s in same]
    if any(same):
        moved_entities, moved_terms = _moved(frequencies, same, entities, terms, last, standing)
        if moved_entities or moved_terms:
            for i, s in enumerate(same):
                if s and not (moved_entities.isdisjoint(entities[i]) and moved_terms.isdisjoint(terms[i])):
                    touched[i] = True
                    inputs[i] = story_input(articles[i], words[i])
    vecs = [frequencies.vector(i) if t else o[1][_VECTOR] for i, o, t in zip(inputs, old, touched)]
    df = frequencies.df()
    marks = [o[1][_FLAGS] if s else flags(e) for o, s, e in zip(old, same, entities)]
    clustering = Clustering([a.date for a in articles], marks, vecs, df)
    places = [_place(d, source) for d, source in zip(days, sources)]
    order = sorted(range(len(articles)), key=places.__getitem__)
    gone = sorted((_place(kept[_DAY], source), source) for source, (_, kept) in last.items() if source not in standing)
    dirt = _Dirt(last, clustering)
    number = dirt.number
    tracking = bool(standing)  # (with nothing to reuse, nothing to track)
    searched = g = 0
    for i in order:
        date, day = articles[i].date, _day(days[i])
        while g < len(gone) and gone[g][0] <= places[i]:  # a removed or changed article, at its old place
            source = gone[g][1]
            dirt.mark(last[source][1][_STORY], _day(last[source][1][_DAY]))
            g += 1
        was = old[i][1][_STORY] if same[i] else None
        if touched[i] or was is None or (was != sources[i] and was not in number) \
                or dirt.reaches(vecs[i], df, date, day):
            best = clustering.best(i)
            searched += 1
        else:
            best = None if was == sources[i] else number[was]
        story = clustering.join(i, best)
        now = sources[clustering.stories[story].first]
        number.setdefault(now, story)
        if not tracking:
            continue
        if touched[i] or now != was:
            dirt.mark(now, day, vecs[i])
            if was is not None:
                dirt.mark(was, day)
        elif now in dirt.seen:
            dirt.mark(now, day, vecs[i])
    memo.computed = searched
    stories = clustering.stories
    for i, source in enumerate(sources):
        first = sources[stories[clustering.story_of[i]].first]
        if same[i] and not touched[i] and old[i][1][_STORY] == first:
            # the very entry loaded: the corpus state writes its shard from the bytes it was read from
            memo.keep_entry(source, old[i])
            continue
        key = old[i][0] if same[i] else keys[i]  # (the kept one, whose strings the other tables may share)
        memo.keep(source, key, (days[i], entities[i], terms[i], marks[i], vecs[i], first))
    return _refs(articles, clustering, order)


def _place(day: int | None, source: str) -> tuple[bool, int, str]:
    """An article's place in the canonical order (`stories.canonical_order`), by its date's ordinal."""
    return day is None, day or 0, source


def _day(day: int | None) -> float:
    return math.inf if day is None else day


def _moved(frequencies: Frequencies, same: list[bool], entities: list[tuple[str, ...]], terms: list[tuple[str, ...]],
           last: dict[str, tuple[Any, Kept]], standing: set[str]) -> tuple[set[str], set[str]]:
    """The entity keys and terms whose standing (idf step, df >= 2, df > MAX_POSTINGS) differs from the
    last build's, whose counts are this build's less the new and changed articles, plus the removed
    and changed ones."""
    old_entity_df, old_term_df = Counter(frequencies.entity_df), Counter(frequencies.term_df)
    touched_entities: set[str] = set()
    touched_terms: set[str] = set()
    for i, s in enumerate(same):
        if not s:
            old_entity_df.subtract(entities[i])
            old_term_df.subtract(terms[i])
            touched_entities.update(entities[i])
            touched_terms.update(terms[i])
    n_old = len(last)
    for source, (_, kept) in last.items():
        if source not in standing:
            old_entity_df.update(kept[_ENTITIES])
            old_term_df.update(kept[_TERMS])
            touched_entities.update(kept[_ENTITIES])
            touched_terms.update(kept[_TERMS])
    n = frequencies.n
    # With as many articles, only counts that changed can move; with more or fewer, a count whose idf
    # step moved with the corpus's size too.
    stepped = set() if n == n_old else {d for d in {*frequencies.entity_df.values(), *frequencies.term_df.values()}
                                         if relative_idf(d, n) != relative_idf(d, n_old)}

    def moved(new_df: Counter[str], old_df: Counter[str], touched: set[str]) -> set[str]:
        found = {f for f in touched if _standing(new_df.get(f, 0), n) != _standing(old_df.get(f, 0), n_old)}
        if stepped:
            found.update(f for f, d in new_df.items() if d in stepped)
        return found

    return moved(frequencies.entity_df, old_entity_df, touched_entities), \
        moved(frequencies.term_df, old_term_df, touched_terms)


def _standing(df: int, n: int) -> tuple[float, bool, bool] | None:
    """All that a vector or a decision reads of a feature's document frequency."""
    return (relative_idf(df, n), df >= 2, df > MAX_POSTINGS) if df > 0 else None


class _Dirt:
    """The dirty stories, and for each feature one of them has, the latest day they reached."""

    def __init__(self, last: dict[str, tuple[Any, Kept]], clustering: Clustering) -> None:
        self._last, self._clustering = last, clustering
        self.number: dict[str, int] = {}  # story (the source of its first article) -> its number in this pass
        self.seen: dict[str, float] = {}  # story -> the latest day it reached in either build since it went dirty
        self._features: dict[str, float] = {}  # feature -> the latest day of a dirty story having it
        self._story_features: dict[str, set[str]] = {}  # dirty story -> every feature it had in either build
        self._old_members: dict[str, list[str]] | None = None

    def reaches(self, vector: dict[str, float], df: dict[str, int], date: dt.date | None, day: float) -> bool:
        """Whether a dirty story could be a candidate of an article with this vector and date."""
        features, horizon = self._features, Clustering.horizon
        if not features:
            return False
        for feature in vector:
            seen = features.get(feature)
            if seen is not None and df[feature] <= MAX_POSTINGS and (date is None or day - seen <= horizon):
                return True
        return False

    def mark(self, story: str, day: float, vector: dict[str, float] | None = None) -> None:
        """Story `story` differs between the builds from this point, where it reached `day`; `vector`
        is that of an article joining it in this build."""
        before = self.seen.get(story)
        seen = self.seen[story] = day if before is None or day > before else before
        mine = self._story_features.get(story)
        if mine is None:
            mine = self._story_features[story] = self._features_of(story)
            fresh: Iterable[str] = mine
        else:
            fresh = [f for f in vector if f not in mine] if vector else ()
            mine.update(fresh)
            if seen != before:
                fresh = mine
        features = self._features
        for feature in fresh:  # (a long story went dirty once is not gone through again for each article)
            if features.get(feature, -math.inf) < seen:
                features[feature] = seen

    def _features_of(self, story: str) -> set[str]:
        """Every feature the story has had in the last build, and has in this one so far."""
        if self._old_members is None:
            self._old_members = {}
            for source, (_, kept) in self._last.items():
                self._old_members.setdefault(kept[_STORY], []).append(source)
        found: set[str] = set()
        for member in self._old_members.get(story, ()):
            found.update(self._last[member][1][_VECTOR])
        number = self.number.get(story)
        if number is not None:
            found.update(self._clustering.stories[number].weights)
        return found


def _refs(articles: Sequence[Article], clustering: Clustering, order: list[int]) -> list[StoryRef | None]:
    """Each article's story, or None when it is alone in it (as `stories.assign_stories`)."""
    return story_refs(articles, clustering.story_of, order)
