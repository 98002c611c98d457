"""Tags and related articles with the last build's at hand: what one article changes is all that is redone.

An article's tags read its own candidate phrases and, of the collection, each phrase's stepped idf
(`weights`); its related-articles vector (`related.vector`) reads its own entities, topics and
candidates, and of the collection each feature's standing: the idf step and whether it is in at
most MAX_POSTINGS articles, and for the vector's entries whether at least two and at most
MAX_POSTINGS articles have them. The kept `Index` holds, per article, what it was computed from and
what it got (`Entry`), and the document frequencies those standings come from. A build then:

1. takes the entries of articles whose inputs are the same (`key`: the file and its entities) and
   counts the frequencies again from the last build's by the added, changed and removed articles;
2. finds the features whose standing moved, and the articles that have one: only those (and new
   and changed ones) get their tags or vector computed again. A phrase's frequency that moves no
   step changes nobody's scores;
3. updates the related lists: an article whose vector changed is ranked again against the
   articles sharing one of its features (found through the feature postings, never by scoring
   every article); an article sharing a feature with a changed one is ranked again only when one
   of its related articles changed, else the changed ones are merged into its list (the others'
   similarities to it are as before, and its list held the best of them).

The result is the one computing everything again gives (tests/enrich/test_topics_index.py checks
it against a build without the index after adds, removes and changes). The index is plain
tuples, dicts and interned strings: the corpus state is loaded and saved whole on every build.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...model import Article, TopicScore
from . import related as related_
from .tags import pick_tags
from .weights import MAX_STEP

# One article's entry: the inputs it was computed from, its features (for the frequencies, and to
# be found by them) and what it got. Positions in the tuple:
_KEY, _ENTITIES, _TOPICS, _PHRASES, _TOP, _FEATURES, _VALUES, _TAGS, _RELATED = range(9)
FORMAT = 1
RANK_ALL_SHARE = 0.125  # when more of the vectors changed, all articles are ranked again (the sparse product)


class Candidates:
    """Each article's candidate tags once entity names are dropped (phrases, counts, displays;
    alphabetical), made when first asked for: most articles' are never read."""

    def __init__(self, make: Callable[[int], tuple[Sequence[str], Sequence[float], Sequence[str]]]) -> None:
        self._make = make
        self._made: dict[int, tuple[Sequence[str], Sequence[float], Sequence[str]]] = {}

    def __getitem__(self, i: int) -> tuple[Sequence[str], Sequence[float], Sequence[str]]:
        found = self._made.get(i)
        if found is None:
            found = self._made[i] = self._make(i)
        return found


def index_corpus(articles: Sequence[Article], topics_: Sequence[tuple[TopicScore, ...]], candidates: Candidates,
                 keys: Sequence[object], max_tags: int, limit: int,
                 last: Any) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], tuple]:
    """Each article's tags and related articles (sources), and the index to keep for the next build.
    `keys[i]` is what article i's own part was computed from (`analysis.finish_corpus`); `last` is
    the last build's index (anything else is ignored, and everything computed)."""
    n = len(articles)
    sources = [a.source for a in articles]
    old_entries: dict[str, tuple] = {}
    last_n = 0
    usable = (isinstance(last, tuple) and len(last) == 4 and last[0] == (FORMAT, max_tags, limit)
              and len(set(sources)) == n)
    if usable:
        old_entries, last_n = last[1], last[3]
        dfs: tuple[dict[str, int], ...] = tuple(dict(d) for d in last[2])
    else:
        dfs = ({}, {}, {}, {})  # how many articles have each entity, topic, phrase, best phrase
    entity_df, topic_df, phrase_df, top_df = dfs
    entries: list[tuple | None] = []  # the kept entry, where the article's inputs are the same
    for source, key in zip(sources, keys):
        entry = old_entries.get(source)
        entries.append(entry if entry is not None and (entry[_KEY] is key or entry[_KEY] == key) else None)
    present = set(sources)
    removed = [s for s in old_entries if s not in present]
    counts = _Counts(dfs)
    for source in removed:
        counts.remove(old_entries[source])
    fresh: dict[int, tuple] = {}  # new and changed articles: (entity features, topic features, phrases)
    for i, entry in enumerate(entries):
        if entry is None:
            old = old_entries.get(sources[i])
            if old is not None:
                counts.remove(old)
            found = fresh[i] = (related_.entity_features(articles[i].entities), related_.topic_features(topics_[i]),
                                tuple(map(sys.intern, candidates[i][0])))
            counts.add(0, found[0][0])
            counts.add(1, found[1])
            counts.add(2, found[2])

    # Who reads a frequency whose standing moved: their tags, best phrases or vector are computed again.
    tag_moved = counts.moved(2, _tag_step)
    idf_moved = counts.moved(2, related_.standing)
    entity_moved = counts.moved(0, related_.kept_standing)
    topic_moved = counts.moved(1, related_.kept_standing)
    retag, rerank, revector = set(fresh), set(fresh), set(fresh)
    phrase_moved = tag_moved | idf_moved
    if phrase_moved:
        for i, entry in enumerate(entries):
            if entry is not None and not phrase_moved.isdisjoint(entry[_PHRASES]):
                if not tag_moved.isdisjoint(entry[_PHRASES]):
                    retag.add(i)
                if not idf_moved.isdisjoint(entry[_PHRASES]):
                    rerank.add(i)
    for moved, at in ((entity_moved, _ENTITIES), (topic_moved, _TOPICS)):
        if moved:
            revector.update(i for i, entry in enumerate(entries) if entry is not None and not moved.isdisjoint(entry[at]))
    tops: dict[int, tuple[tuple[str, float], ...]] = {}
    for i in sorted(rerank):
        phrases = fresh[i][2] if i in fresh else entries[i][_PHRASES]  # type: ignore[index]
        tops[i] = related_.top_phrases(phrases, candidates[i][1], phrase_df)
        top = tuple(p for p, _ in tops[i])
        if i not in fresh:
            if entries[i][_TOP] == top:  # type: ignore[index]
                continue
            counts.drop(3, entries[i][_TOP])  # type: ignore[index]
        counts.add(3, top)
    revector |= rerank
    top_moved = counts.moved(3, related_.kept)
    if top_moved:
        revector.update(i for i, entry in enumerate(entries) if entry is not None and not top_moved.isdisjoint(entry[_TOP]))

    # The entries, computed again where something they read moved.
    changed = set(removed)  # articles whose vector is not the last build's: new, removed, or changed
    old_vectors = {s: (old_entries[s][_FEATURES], old_entries[s][_VALUES]) for s in removed}
    kept: list[tuple] = entries  # type: ignore[assignment]
    for i in sorted(retag | revector):
        entry, article, (_, counts_, displays) = entries[i], articles[i], candidates[i]
        if i in fresh:
            entities, topics, phrases = fresh[i]
        else:
            entities = related_.entity_features(article.entities) if i in revector else (entry[_ENTITIES],)
            topics, phrases = entry[_TOPICS], entry[_PHRASES]  # type: ignore[index]
        tags = pick_tags(phrases, counts_, displays, phrase_df, max_tags) if i in retag else entry[_TAGS]
        if i in revector:
            top = tops.get(i) or related_.top_phrases(phrases, counts_, phrase_df)
            features, values = related_.vector(entities, topics, top, dfs)
            top_names = tuple(p for p, _ in top)
        else:
            features, values, top_names = entry[_FEATURES], entry[_VALUES], entry[_TOP]  # type: ignore[index]
        old = old_entries.get(article.source)
        if old is None or old[_FEATURES] != features or old[_VALUES] != values:
            changed.add(article.source)
            if old is not None:
                old_vectors[article.source] = (old[_FEATURES], old[_VALUES])
        related = old[_RELATED] if old is not None else ()
        kept[i] = (keys[i], entities[0], topics, phrases, top_names, features, values, tags, related)

    lists = [e[_RELATED] for e in kept]
    if n < 2 or limit <= 0:
        lists = [()] * n
        redone: Iterable[int] = range(n)
    elif not changed:
        redone = ()
    elif not old_entries or last_n < 2 or len(changed) > n * RANK_ALL_SHARE:
        lists = related_.related_lists(sources, [(e[_FEATURES], e[_VALUES]) for e in kept], limit)
        redone = range(n)
    else:
        redone = related_.updated_lists(sources, [e[_FEATURES] for e in kept], lambda j: kept[j][_VALUES], lists,
                                        changed, old_vectors, limit)
    for i in redone:
        if kept[i][_RELATED] != lists[i]:
            kept[i] = kept[i][:_RELATED] + (lists[i],)
    if len(present) < n:  # (a source twice: one entry for both would leave the counts astray; keep nothing)
        return [e[_TAGS] for e in kept], lists, None
    return [e[_TAGS] for e in kept], lists, ((FORMAT, max_tags, limit), dict(zip(sources, kept)), dfs, n)


class _Counts:
    """The frequencies being brought from the last build's to this one's, and the last build's
    count of each feature they changed."""

    def __init__(self, dfs: tuple[dict[str, int], ...]) -> None:
        self.dfs = dfs
        self.before: tuple[dict[str, int], ...] = ({}, {}, {}, {})

    def add(self, group: int, features: Sequence[str], step: int = 1) -> None:
        df, before = self.dfs[group], self.before[group]
        for f in features:
            d = df.get(f, 0)
            if f not in before:
                before[f] = d
            if d + step:
                df[f] = d + step
            else:
                del df[f]

    def drop(self, group: int, features: Sequence[str]) -> None:
        self.add(group, features, -1)

    def remove(self, entry: tuple) -> None:
        """An article of the last build, removed or changed."""
        for group, at in enumerate((_ENTITIES, _TOPICS, _PHRASES, _TOP)):
            self.add(group, entry[at], -1)

    def moved(self, group: int, standing: Callable[[int], object]) -> set[str]:
        """The features of `group` whose `standing` (of their count) moved since the last build."""
        df = self.dfs[group]
        return {f for f, d in self.before[group].items() if standing(d) != standing(df.get(f, 0))}


def _tag_step(df: int) -> int:
    """What tags read of a phrase's frequency: its idf step (-1: no article has it)."""
    return min(df.bit_length() - 1, MAX_STEP)
