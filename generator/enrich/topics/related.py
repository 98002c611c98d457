"""Related articles: shared entities, topics and distinctive phrases, in time linear in the collection.

Each article becomes a sparse vector in three groups: its entities (sublinear tf x idf of
mentions, places at PLACE_WEIGHT), its top-level topics (main topic weighted highest) and its
30 most distinctive candidate phrases (tf x idf, see `tags`), each group normalized and scaled
by FEATURE_WEIGHTS. The idf is the stepped one of `weights`; features in more than
MAX_POSTINGS articles all get COMMON_IDF.

No article is compared with every other. The similarity is the sparse product X·Xᵀ, which only
ever pairs two articles through a feature they share, that is through the feature's postings
(the list of articles having it). Features with more than MAX_POSTINGS articles are left out
(after the groups are normalized): they are too common to say two articles are related, and
leaving them out bounds the work per article by (features per article x MAX_POSTINGS),
whatever the size of the collection. So are features of one article only. The vector of
what is left is normalized (cosine similarity). The product runs in blocks of rows so memory
stays bounded too, and each row's best `limit` are picked with numpy.

Stability, for incremental builds: vector entries are rounded to multiples of 1/QUANTUM, so
similarities are exact integer sums that no summation order can change; ties go to the source
first in alphabetical order. An article's vector depends only on its own features and their
stepped idf, so a new article changes the similarity of two others only when it has a feature
of one of them and moves that feature's idf a step (or past MAX_POSTINGS, or past one article).

So vectors are computed per article (`vector`, from its own features and their standing), kept
between builds by `index`, and only those whose inputs moved are computed again; `related_lists`
ranks every article (the sparse product above), `updated_lists` only those a changed vector can
reach, through the features it shares with them.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

from ...model import EntityMention, EntityType, TopicScore
from .weights import MAX_STEP

FEATURE_WEIGHTS = {"entity": 1.2, "topic": 1.0, "phrase": 1.0}
PLACE_WEIGHT = 0.4  # sharing a country or city says less than sharing a person or organization
PHRASES_PER_ARTICLE = 30
MAX_POSTINGS = 100
MIN_SIMILARITY = 0.05
BLOCK_ROWS = 2000
QUANTUM = 1024  # vector entries are multiples of 1/QUANTUM
COMMON_IDF = 1.0  # the idf of a feature in more than MAX_POSTINGS articles, however many
_RANK_BITS = 40
_TYPES = {t: i for i, t in enumerate(EntityType)}


# Feature names in a vector: an entity, a topic and a phrase never meet (phrases have no control characters).
_ENTITY, _TOPIC = "\x01", "\x02"
_ENTITY_KEYS: dict[tuple[str, EntityType], str] = {}


def entity_features(mentions: Sequence[EntityMention]) -> tuple[tuple[str, ...], tuple[float, ...], tuple[bool, ...]]:
    """The article's entity features (a name twice counts once, with its first count), their
    sublinear tf and whether each is a place; in the article's order."""
    keys: list[str] = []
    tfs: list[float] = []
    places: list[bool] = []
    seen: set[str] = set()
    log = math.log
    for m in mentions:
        key = _ENTITY_KEYS.get((m.name, m.type))
        if key is None:
            if len(_ENTITY_KEYS) > 1 << 18:
                _ENTITY_KEYS.clear()
            key = _ENTITY_KEYS[m.name, m.type] = sys.intern(f"{_ENTITY}{m.type._value_}:{m.name}")
        if key in seen:
            continue
        seen.add(key)
        keys.append(key)
        tfs.append(1 + log(max(1, m.count)))
        places.append(m.type is EntityType.PLACE)
    return tuple(keys), tuple(tfs), tuple(places)


def topic_features(topics: Sequence[TopicScore]) -> tuple[str, ...]:
    """The article's top-level topics that count (the first three), main topic first."""
    return tuple(sys.intern(_TOPIC + score.name) for score in topics[:3])


def top_phrases(phrases: Sequence[str], counts: Sequence[float], phrase_df: dict[str, int]) -> tuple[tuple[str, float], ...]:
    """The PHRASES_PER_ARTICLE best candidates by tf x idf, best first (ties: alphabetical, the
    candidates' order), with that weight."""
    log = math.log
    weights = [(1 + log(c)) * _idf(phrase_df[p]) for p, c in zip(phrases, counts)]
    order = sorted(range(len(phrases)), key=lambda k: (-weights[k], k))[:PHRASES_PER_ARTICLE]
    return tuple((phrases[k], weights[k]) for k in order)


def vector(entities: tuple[tuple[str, ...], tuple[float, ...], tuple[bool, ...]], topics: Sequence[str],
           top: Sequence[tuple[str, float]], dfs: tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]
           ) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The article's vector, as features and their values in units of 1/QUANTUM (none zero): each
    group normalized and weighed, entries of features in fewer than two or more than MAX_POSTINGS
    articles dropped, the rest normalized. `dfs`: how many articles have each entity, topic,
    candidate phrase, and phrase among their best (`top_phrases`). It reads nothing of the
    collection but the standing of its own features (`standing`, `kept_standing`)."""
    entity_df, topic_df, _, top_df = dfs
    keys, tfs, places = entities
    groups = (
        ("entity", [(k, tf * _idf(entity_df[k]) * (PLACE_WEIGHT if place else 1.0), entity_df[k])
                    for k, tf, place in zip(keys, tfs, places)]),
        ("topic", [(t, (1 + math.log(len(topics) - rank)) * _idf(topic_df[t]), topic_df[t])
                   for rank, t in enumerate(topics)]),
        ("phrase", [(p, w, top_df[p]) for p, w in top]),
    )
    most = MAX_POSTINGS
    entries: list[tuple[str, float]] = []
    for name, group in groups:
        norm2 = 0.0
        for _, w, _ in group:
            norm2 += w * w
        norm = math.sqrt(norm2) or 1.0
        scale = FEATURE_WEIGHTS[name]
        entries += [(f, scale * w / norm) for f, w, d in group if 2 <= d <= most]
    norm2 = 0.0
    for _, v in entries:
        norm2 += v * v
    norm = math.sqrt(norm2) or 1.0
    features: list[str] = []
    values: list[int] = []
    for f, v in entries:
        q = round(v / norm * QUANTUM)
        if q > 0:
            features.append(f)
            values.append(q)
    return tuple(features), tuple(values)


def standing(df: int) -> tuple[int, bool] | None:
    """What a vector's weights read of a feature's frequency: its idf step, and whether it is
    common (in more than MAX_POSTINGS articles); None when no article has it."""
    return (min(df.bit_length() - 1, MAX_STEP), df <= MAX_POSTINGS) if df > 0 else None


def kept(df: int) -> bool:
    """Whether a vector keeps an entry of a feature in `df` articles (it may relate two)."""
    return 2 <= df <= MAX_POSTINGS


def kept_standing(df: int) -> tuple[tuple[int, bool] | None, bool]:
    return standing(df), kept(df)


def _idf(df: int) -> float:
    return _IDF[min(df.bit_length() - 1, MAX_STEP)] if df <= MAX_POSTINGS else COMMON_IDF


_IDF = [1.0 + (MAX_STEP - step) * math.log(2) for step in range(MAX_STEP + 1)]  # (as weights.idf)


def related_lists(sources: Sequence[str], vectors: Sequence[tuple[tuple[str, ...], tuple[int, ...]]],
                  limit: int) -> list[tuple[str, ...]]:
    """For each article (in order), the sources of up to `limit` related articles, most related
    first: the sparse product of all vectors, in blocks of rows."""
    # scipy only here (about 0.15 s to import): a build that updates the lists never needs it.
    from scipy import sparse

    n = len(sources)
    if n < 2 or limit <= 0:
        return [()] * n
    columns: dict[str, int] = {}
    cols = [columns.setdefault(f, len(columns)) for features, _ in vectors for f in features]
    if not cols:
        return [()] * n
    rows = np.repeat(np.arange(n), [len(features) for features, _ in vectors])
    values = np.fromiter((v for _, vals in vectors for v in vals), np.float64, len(cols))
    x = sparse.csr_matrix((values, (rows, np.array(cols, np.int64))), shape=(n, len(columns)))
    xt = x.T.tocsr()
    by_rank = sorted(range(n), key=sources.__getitem__)
    rank = np.empty(n, np.int64)
    rank[by_rank] = np.arange(n)
    out: list[tuple[str, ...]] = []
    for start in range(0, n, BLOCK_ROWS):
        block = (x[start:start + BLOCK_ROWS] @ xt).tocsr()
        out += _best(block, start, rank, by_rank, sources, _least(), limit)
    return out


def _least() -> int:
    return math.ceil(MIN_SIMILARITY * QUANTUM * QUANTUM)


def updated_lists(sources: Sequence[str], features: Sequence[tuple[str, ...]], values: Callable[[int], tuple[int, ...]],
                  lists: list[tuple[str, ...]], changed: set[str],
                  old_vectors: dict[str, tuple[tuple[str, ...], tuple[int, ...]]], limit: int) -> set[int]:
    """Brings `lists` (the last build's, in this build's order; anything for a new article) to what
    `related_lists` gives, when only the articles in `changed` (sources: new, removed, or whose
    vector changed; `old_vectors` holds their last vectors) differ; `features[i]` and `values(i)`
    are article i's vector. Only an article whose similarities to others may have changed is
    ranked again (see `index`); the rows it went through are returned."""
    where = {s: i for i, s in enumerate(sources)}.get
    moved = [i for i in map(where, sorted(changed)) if i is not None]
    touched: set[str] = set()
    for i in moved:
        touched.update(features[i])
    for old in old_vectors.values():
        touched.update(old[0])
    full = set(moved)
    partial: list[int] = []
    if touched:
        for i, mine in enumerate(features):
            if touched.isdisjoint(mine) or i in full:
                continue
            if changed.isdisjoint(lists[i]):
                partial.append(i)
            else:
                full.add(i)  # one of its related articles changed: the next best may be any
    least = _least()
    if full:
        _rank_rows(sorted(full), sources, features, values, lists, least, limit)
    maps: dict[int, dict[str, int]] = {}

    def as_map(j: int) -> dict[str, int]:
        found = maps.get(j)
        if found is None:
            found = maps[j] = dict(zip(features[j], values(j)))
        return found

    if partial:
        by_feature: dict[str, list[int]] = {}
        for j in moved:
            for f in features[j]:
                by_feature.setdefault(f, []).append(j)
        for i in partial:
            mine = as_map(i)
            candidates = {where(s) for s in lists[i]}
            for f in features[i]:
                candidates.update(by_feature.get(f, ()))
            candidates.discard(i)
            scored = []
            for j in candidates:
                other = as_map(j)  # type: ignore[arg-type]
                d = sum(v * other[f] for f, v in mine.items() if f in other)
                if d >= least:
                    scored.append((d, sources[j]))  # type: ignore[index]
            lists[i] = _ranked(scored, limit)
    return full.union(partial)


def _rank_rows(rows: list[int], sources: Sequence[str], features: Sequence[tuple[str, ...]],
               values: Callable[[int], tuple[int, ...]], lists: list[tuple[str, ...]], least: int, limit: int) -> None:
    """Ranks the articles `rows` against all others, as `related_lists` would, into `lists`.

    The rows' features are looked up in every article once (their postings), and the products of
    all rows at once are summed by numpy: a drop that moves a common feature's standing ranks a
    few hundred rows through ~150,000 (row, feature, article) products, about 0.15 s one by one.
    The sums are of integers, as in `related_lists`, so the order of summing changes nothing."""
    ids: dict[str, int] = {}
    for i in rows:
        for f in features[i]:
            ids.setdefault(f, len(ids))
    if not ids:
        for i in rows:
            lists[i] = ()
        return
    # The postings of the rows' features: for each feature, the articles with it and their values.
    post_f: list[int] = []
    post_j: list[int] = []
    post_w: list[int] = []
    wanted = ids.keys()
    for j, mine in enumerate(features):
        if not wanted.isdisjoint(mine):
            for f, w in zip(mine, values(j)):
                k = ids.get(f)
                if k is not None:
                    post_f.append(k)
                    post_j.append(j)
                    post_w.append(w)
    feature_of = np.array(post_f, np.int64)
    order = np.argsort(feature_of, kind="stable")
    flat_j = np.array(post_j, np.int64)[order]
    flat_w = np.array(post_w, np.int64)[order]
    sizes = np.bincount(feature_of, minlength=len(ids))
    starts = np.cumsum(sizes) - sizes
    # One entry per (row, feature of the row), then one per article in that feature's postings.
    row_f = np.array([ids[f] for i in rows for f in features[i]], np.int64)
    row_v = np.array([v for i in rows for v in values(i)], np.int64)
    row_of = np.repeat(np.arange(len(rows)), [len(features[i]) for i in rows])
    count = sizes[row_f]
    total = int(count.sum())
    first = np.repeat(starts[row_f] - (np.cumsum(count) - count), count) + np.arange(total)
    other = flat_j[first]
    row = np.repeat(row_of, count)
    article = np.array(rows, np.int64)[row]
    keep = other != article
    pair = row[keep] * len(features) + other[keep]
    products = flat_w[first][keep] * np.repeat(row_v, count)[keep]
    pairs, at = np.unique(pair, return_inverse=True)
    dots = np.bincount(at, weights=products).round().astype(np.int64)  # (exact: well below 2**53)
    good = dots >= least
    pairs, dots = pairs[good], dots[good]
    row_at, other_at = np.divmod(pairs, len(features))
    by_row = np.lexsort((-dots, row_at))
    row_at, other_at, dots = row_at[by_row].tolist(), other_at[by_row].tolist(), dots[by_row].tolist()
    found: list[list[tuple[int, str]]] = [[] for _ in rows]
    for r, j, d in zip(row_at, other_at, dots):
        scored = found[r]
        # Within a row the similarities come largest first: past the `limit`-th, only ties may still rank.
        if len(scored) < limit or d == scored[-1][0]:
            scored.append((d, sources[j]))
    for r, i in enumerate(rows):
        lists[i] = _ranked(found[r], limit)


def _ranked(scored: list[tuple[int, str]], limit: int) -> tuple[str, ...]:
    """The `limit` best (similarity, source): the highest similarity, then the first source."""
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return tuple(source for _, source in scored[:limit])


def _best(block: sparse.csr_matrix, start: int, rank: np.ndarray, by_rank: list[int], sources: Sequence[str],
          least: int, limit: int) -> list[tuple[str, ...]]:
    """Each row's `limit` best other articles: the highest similarity, then the first source."""
    height = block.shape[0]
    sizes = np.diff(block.indptr)
    row_of = np.repeat(np.arange(start, start + height), sizes)
    dots = np.rint(block.data).astype(np.int64)
    valid = (block.indices != row_of) & (dots >= least)
    keys = (dots[valid] << _RANK_BITS) | ((1 << _RANK_BITS) - 1 - rank[block.indices[valid]])
    sizes = np.bincount(row_of[valid] - start, minlength=height)
    filled = np.flatnonzero(sizes)
    picked: list[list[int]] = [[] for _ in range(height)]
    if filled.size:
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
        for _ in range(limit):
            best = np.maximum.reduceat(keys, starts)
            if best.max() < 0:
                break
            for row, key in zip(filled.tolist(), best.tolist()):
                if key >= 0:
                    picked[row].append((1 << _RANK_BITS) - 1 - (key & ((1 << _RANK_BITS) - 1)))
            keys[keys == np.repeat(best, sizes[filled])] = -1
    return [tuple(sources[by_rank[r]] for r in ranks) for ranks in picked]
