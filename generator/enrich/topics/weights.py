"""Inverse document frequency that moves in steps, so one new article rarely changes it.

scikit-learn's smoothed idf, `ln((1 + n) / (1 + df)) + 1`, changes for every phrase whenever
one article is added (n grows), and with it every article's tag order and every similarity,
so a one-article update would rewrite pages all over the site. Here the idf depends only on
how many articles have the feature (df), counted in doubling steps (1, 2-3, 4-7, 8-15, ...):

    idf = 1 + (MAX_STEP - step) x ln 2,   step = floor(log2 df), at most MAX_STEP

which is the smoothed idf of a collection of 2^MAX_STEP articles. A new article changes a
feature's idf only when it has that feature and takes its df into the next step.
"""

from __future__ import annotations

import math

import numpy as np

MAX_STEP = 16  # 65,536 articles: beyond this df, all features weigh the same


def steps(df: np.ndarray, cap: int = MAX_STEP) -> np.ndarray:
    """floor(log2 df) for each df >= 1, at most `cap` (exact: from the float's exponent)."""
    _, exponent = np.frexp(np.asarray(df, dtype=np.float64))
    return np.minimum(exponent.astype(np.int64) - 1, min(cap, MAX_STEP))


def idf(df: np.ndarray, cap: int = MAX_STEP) -> np.ndarray:
    return 1.0 + (MAX_STEP - steps(df, cap)) * math.log(2)
