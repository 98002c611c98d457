"""Related articles: shared entities, topics and distinctive phrases, in time linear in the collection.

Each article becomes a sparse vector: its entities (TF-IDF of mentions), its top-level topics
(main topic weighted highest) and its 30 most distinctive candidate phrases (TF-IDF, see
`tags`), each group scaled by FEATURE_WEIGHTS and the whole normalized (cosine similarity).

No article is compared with every other. The similarity is the sparse product X·Xᵀ, which only
ever pairs two articles through a feature they share, that is through the feature's postings
(the list of articles having it). Features with more than MAX_POSTINGS articles are left out:
they are too common to say two articles are related, and leaving them out bounds the work per
article by (features per article x MAX_POSTINGS), whatever the size of the collection.
The product runs in blocks of rows so memory stays bounded too.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from ...model import Article, EntityType
from .tags import PhraseMatrix

FEATURE_WEIGHTS = {"entity": 1.2, "topic": 1.0, "phrase": 1.0}
PLACE_WEIGHT = 0.4  # sharing a country or city says less than sharing a person or organization
PHRASES_PER_ARTICLE = 30
MAX_POSTINGS = 100
MIN_SIMILARITY = 0.05
BLOCK_ROWS = 1000


def related_articles(articles: Sequence[Article], phrases: PhraseMatrix, limit: int) -> list[tuple[str, ...]]:
    """For each article (in order), the sources of up to `limit` related articles, most related first."""
    n = len(articles)
    if n < 2 or limit <= 0:
        return [()] * n
    x = sparse.hstack([
        FEATURE_WEIGHTS["entity"] * _entities(articles),
        FEATURE_WEIGHTS["topic"] * _topics(articles),
        FEATURE_WEIGHTS["phrase"] * _top_per_row(phrases.weights, PHRASES_PER_ARTICLE),
    ], format="csr")
    df = np.diff(x.tocsc().indptr)
    shared = np.flatnonzero((df >= 2) & (df <= MAX_POSTINGS))
    if shared.size == 0:
        return [()] * n
    x = normalize(x[:, shared], norm="l2", copy=False).tocsr()
    xt = x.T.tocsr()
    sources = [a.source for a in articles]
    out: list[tuple[str, ...]] = []
    for start in range(0, n, BLOCK_ROWS):
        block = (x[start:start + BLOCK_ROWS] @ xt).tocsr()
        for i in range(block.shape[0]):
            row = start + i
            lo, hi = block.indptr[i], block.indptr[i + 1]
            pairs = [(-round(float(s), 9), sources[j]) for j, s in zip(block.indices[lo:hi], block.data[lo:hi])
                     if j != row and s >= MIN_SIMILARITY]
            pairs.sort()
            out.append(tuple(src for _, src in pairs[:limit]))
    return out


def _entities(articles: Sequence[Article]) -> sparse.csr_matrix:
    vocabulary: dict[tuple, int] = {}
    rows, cols, data = [], [], []
    for i, article in enumerate(articles):
        for mention in article.entities:
            rows.append(i)
            cols.append(vocabulary.setdefault((mention.type.value, mention.name), len(vocabulary)))
            data.append(max(1, mention.count))
    matrix = _tfidf(rows, cols, data, len(articles), len(vocabulary))
    places = np.array([PLACE_WEIGHT if type_ == EntityType.PLACE.value else 1.0 for type_, _ in vocabulary] or [1.0])
    return normalize(matrix @ sparse.diags(places), norm="l2", copy=False).tocsr()


def _topics(articles: Sequence[Article]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows, cols, data = [], [], []
    for i, article in enumerate(articles):
        ranked = article.topics[:3]
        for rank, score in enumerate(ranked):
            rows.append(i)
            cols.append(vocabulary.setdefault(score.name, len(vocabulary)))
            data.append(len(ranked) - rank)  # the main topic counts most
    return _tfidf(rows, cols, data, len(articles), len(vocabulary))


def _tfidf(rows: list[int], cols: list[int], data: list[float], n: int, m: int) -> sparse.csr_matrix:
    counts = sparse.csr_matrix((np.array(data, dtype=float), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                               shape=(n, max(1, m)))
    counts.sum_duplicates()
    return TfidfTransformer(sublinear_tf=True, norm="l2").fit_transform(counts).tocsr()


def _top_per_row(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row's k largest entries (ties broken by column), the rest dropped; rows L2-normalized."""
    matrix = matrix.tocsr()
    indptr, indices, data = [0], [], []
    for i in range(matrix.shape[0]):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        values, columns = matrix.data[lo:hi], matrix.indices[lo:hi]
        if hi - lo > k:
            keep = np.lexsort((columns, -values))[:k]
            values, columns = values[keep], columns[keep]
        indices.extend(columns.tolist())
        data.extend(values.tolist())
        indptr.append(len(indices))
    top = sparse.csr_matrix((np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
                            shape=matrix.shape)
    return normalize(top, norm="l2", copy=False)
