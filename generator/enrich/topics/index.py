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
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ...model import Article, TopicScore
from . import related as related_
from .tags import pick_tags
from .weights import MAX_STEP

# One article's entry: the inputs it was computed from, its features (for the frequencies, and to
# be found by them) and what it got. Positions in the tuple:
_KEY, _ENTITIES, _TOPICS, _PHRASES, _TOP, _FEATURES, _VALUES, _TAGS, _RELATED = range(9)
FORMAT = 1
RANK_ALL_SHARE = 0.125  # when more of the vectors changed, all articles are ranked again (the sparse product)


class Live(NamedTuple):
    """What this build knows of one article, for computing its entry (see `index_corpus`)."""

    article: Article
    topics: tuple[TopicScore, ...]
    phrases: Sequence[str]  # its candidate tags once entity names are dropped, alphabetical
    counts: Sequence[float]
    displays: Sequence[str]


def index_corpus(lives: Sequence[Live], keys: Sequence[object], max_tags: int, limit: int,
                 last: Any) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], tuple]:
    """Each article's tags and related articles (sources), and the index to keep for the next build.
    `keys[i]` is what article i's own part was computed from (`analysis.finish_corpus`); `last` is
    the last build's index (anything else is ignored, and everything computed)."""
    n = len(lives)
    sources = [live.article.source for live in lives]
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
        entries.append(entry if entry is not None and entry[_KEY] == key else None)
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
            live = lives[i]
            found = fresh[i] = (related_.entity_features(live.article.entities), related_.topic_features(live.topics),
                                tuple(map(sys.intern, live.phrases)))
            counts.add(0, found[0][0])
            counts.add(1, found[1])
            counts.add(2, found[2])

    # Who reads a frequency whose standing moved: their tags, best phrases or vector are computed again.
    tag_moved = counts.moved(2, _tag_step)
    idf_moved = counts.moved(2, related_.standing)
    vector_moved = counts.moved(0, related_.kept_standing) | counts.moved(1, related_.kept_standing)
    retag, rerank, revector = set(fresh), set(fresh), set(fresh)
    if tag_moved or idf_moved or vector_moved:
        for i, entry in enumerate(entries):
            if entry is not None:
                phrases = entry[_PHRASES]
                if tag_moved and not tag_moved.isdisjoint(phrases):
                    retag.add(i)
                if idf_moved and not idf_moved.isdisjoint(phrases):
                    rerank.add(i)
                if vector_moved and not (vector_moved.isdisjoint(entry[_ENTITIES])
                                         and vector_moved.isdisjoint(entry[_TOPICS])):
                    revector.add(i)
    tops: dict[int, tuple[tuple[str, float], ...]] = {}
    for i in sorted(rerank):
        phrases = fresh[i][2] if i in fresh else entries[i][_PHRASES]  # type: ignore[index]
        tops[i] = related_.top_phrases(phrases, lives[i].counts, phrase_df)
        top = tuple(p for p, _ in tops[i])
        if i not in fresh:
            if entries[i][_TOP] == top:  # type: ignore[index]
                continue
            counts.drop(3, entries[i][_TOP])  # type: ignore[index]
        counts.add(3, top)
    revector |= rerank
    top_moved = counts.moved(3, related_.kept)
    if top_moved:
        for i, entry in enumerate(entries):
            if entry is not None and i not in revector and not top_moved.isdisjoint(entry[_TOP]):
                revector.add(i)

    # The entries, computed again where something they read moved.
    changed = set(removed)  # articles whose vector is not the last build's: new, removed, or changed
    old_vectors = {s: (old_entries[s][_FEATURES], old_entries[s][_VALUES]) for s in removed}
    kept: list[tuple] = []
    for i, (live, entry) in enumerate(zip(lives, entries)):
        if i not in retag and i not in revector:
            kept.append(entry)  # type: ignore[arg-type]
            continue
        if i in fresh:
            entities, topics, phrases = fresh[i]
        else:
            entities = related_.entity_features(live.article.entities) if i in revector else (entry[_ENTITIES],)
            topics, phrases = entry[_TOPICS], entry[_PHRASES]  # type: ignore[index]
        tags = pick_tags(phrases, live.counts, live.displays, phrase_df, max_tags) if i in retag else entry[_TAGS]
        if i in revector:
            top = tops.get(i) or related_.top_phrases(phrases, live.counts, phrase_df)
            features, values = related_.vector(entities, topics, top, dfs)
            top_names = tuple(p for p, _ in top)
        else:
            features, values, top_names = entry[_FEATURES], entry[_VALUES], entry[_TOP]  # type: ignore[index]
        old = old_entries.get(live.article.source)
        if old is None or old[_FEATURES] != features or old[_VALUES] != values:
            changed.add(live.article.source)
            if old is not None:
                old_vectors[live.article.source] = (old[_FEATURES], old[_VALUES])
        related = old[_RELATED] if old is not None else ()
        kept.append((keys[i], entities[0], topics, phrases, top_names, features, values, tags, related))

    vectors = [(e[_FEATURES], e[_VALUES]) for e in kept]
    if n < 2 or limit <= 0:
        lists: list[tuple[str, ...]] = [()] * n
    elif not changed:
        lists = [e[_RELATED] for e in kept]
    elif not old_entries or last_n < 2 or len(changed) > n * RANK_ALL_SHARE:
        lists = related_.related_lists(sources, vectors, limit)
    else:
        lists = related_.updated_lists(sources, vectors, [e[_RELATED] for e in kept], changed, old_vectors, limit)
    out = {source: entry if entry[_RELATED] == related else entry[:_RELATED] + (related,)
           for source, entry, related in zip(sources, kept, lists)}
    return [e[_TAGS] for e in kept], lists, ((FORMAT, max_tags, limit), out, dfs, n)


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
