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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ...model import EntityMention, EntityType, TopicScore
from .weights import idf

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


@dataclass(frozen=True)
class Group:
    """One group of features as coordinates: article row, feature column, weight (before normalizing)."""

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    columns: int  # number of distinct features

    @staticmethod
    def empty() -> Group:
        return Group(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), 0)


def entity_group(entities: Sequence[Sequence[EntityMention]]) -> Group:
    names: list[str] = []
    types: list[EntityType] = []
    counts: list[int] = []
    sizes: list[int] = []
    for mentions in entities:
        names += [m.name for m in mentions]
        types += [m.type for m in mentions]
        counts += [m.count for m in mentions]
        sizes.append(len(mentions))
    if not names:
        return Group.empty()
    distinct = dict.fromkeys(names)
    index = dict(zip(distinct, range(len(distinct))))
    kinds = len(_TYPES)
    keys = np.fromiter(map(index.__getitem__, names), np.int64, len(names)) * kinds
    keys += np.fromiter(map(_TYPES.__getitem__, types), np.int64, len(types))
    rows = np.repeat(np.arange(len(entities)), sizes)
    pairs, first = np.unique(rows * (len(distinct) * kinds) + keys, return_index=True)  # a name twice in an article counts once
    features, cols = np.unique(keys[first], return_inverse=True)
    rows, cols = rows[first], cols.reshape(-1)
    df = np.bincount(cols, minlength=features.size)
    weights = (1 + np.log(np.maximum(1, np.array(counts, np.float64)[first]))) * _idf(df[cols])
    weights *= np.where(features[cols] % kinds == _TYPES[EntityType.PLACE], PLACE_WEIGHT, 1.0)
    return Group(rows, cols, weights, int(features.size))


def topic_group(topics: Sequence[Sequence[TopicScore]]) -> Group:
    vocabulary: dict[str, int] = {}
    rows, cols, ranks = [], [], []
    for row, scores in enumerate(topics):
        ranked = scores[:3]
        for rank, score in enumerate(ranked):
            rows.append(row)
            cols.append(vocabulary.setdefault(score.name, len(vocabulary)))
            ranks.append(len(ranked) - rank)  # the main topic counts most
    if not rows:
        return Group.empty()
    rows_, cols_ = np.array(rows, np.int64), np.array(cols, np.int64)
    df = np.bincount(cols_, minlength=len(vocabulary))
    weights = (1 + np.log(np.array(ranks, np.float64))) * _idf(df[cols_])
    return Group(rows_, cols_, weights, len(vocabulary))


def phrase_group(rows: np.ndarray, cols: np.ndarray, tf: np.ndarray, df: np.ndarray, order: np.ndarray) -> Group:
    """Each article's PHRASES_PER_ARTICLE best candidates by tf x idf. `rows` must be sorted;
    `order` breaks ties (the candidate's place in its article's alphabetical list)."""
    if rows.size == 0:
        return Group.empty()
    weights = tf * _idf(df[cols])
    ranked = np.lexsort((order, -weights, rows))
    rows, cols, weights = rows[ranked], cols[ranked], weights[ranked]
    first = np.searchsorted(rows, rows)  # where each article's entries start
    keep = np.arange(rows.size) - first < PHRASES_PER_ARTICLE
    return Group(rows[keep], cols[keep], weights[keep], int(df.size))


def _idf(df: np.ndarray) -> np.ndarray:
    return np.where(df <= MAX_POSTINGS, idf(df), COMMON_IDF)


def related_articles(sources: Sequence[str], groups: dict[str, Group], limit: int) -> list[tuple[str, ...]]:
    """For each article (in order), the sources of up to `limit` related articles, most related first."""
    n = len(sources)
    if n < 2 or limit <= 0:
        return [()] * n
    rows, cols, values, offset = [], [], [], 0
    for name, group in groups.items():
        if group.rows.size:
            rows.append(group.rows)
            cols.append(group.cols + offset)
            values.append(FEATURE_WEIGHTS[name] * group.weights / _row_norms(group.rows, group.weights, n)[group.rows])
        offset += group.columns
    if not rows:
        return [()] * n
    rows_, cols_, values_ = np.concatenate(rows), np.concatenate(cols), np.concatenate(values)
    df = np.bincount(cols_, minlength=offset)
    keep = (df[cols_] >= 2) & (df[cols_] <= MAX_POSTINGS)
    rows_, cols_, values_ = rows_[keep], cols_[keep], values_[keep]
    values_ = np.rint(values_ / _row_norms(rows_, values_, n)[rows_] * QUANTUM)
    nonzero = values_ > 0
    if not nonzero.any():
        return [()] * n
    x = sparse.csr_matrix((values_[nonzero], (rows_[nonzero], cols_[nonzero])), shape=(n, offset))
    xt = x.T.tocsr()

    by_rank = sorted(range(n), key=sources.__getitem__)
    rank = np.empty(n, np.int64)
    rank[by_rank] = np.arange(n)
    least = math.ceil(MIN_SIMILARITY * QUANTUM * QUANTUM)
    out: list[tuple[str, ...]] = []
    for start in range(0, n, BLOCK_ROWS):
        block = (x[start:start + BLOCK_ROWS] @ xt).tocsr()
        out += _best(block, start, rank, by_rank, sources, least, limit)
    return out


def _row_norms(rows: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    norms = np.sqrt(np.bincount(rows, weights * weights, minlength=n))
    norms[norms == 0] = 1.0
    return norms


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
