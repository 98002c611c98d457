"""The learned topic model: a linear model over an article's words, trained by `scripts/train_topics.py`.

The weights (`generator/data/topic_model.npz`, CC BY-SA 4.0 like the Wikipedia text in its training
data; see the README) hold, for each of the 17 IPTC top-level topics, a weight per known feature:
- `w:word`, a word in lower case (stop words of every listed language and words under 3 letters are left out);
- `s:stem`, the first five letters of a longer word with accents removed, which a word shares with its
  inflections and, often, with its cousins in other languages ("politics", "politica", "Politik": `s:polit`);
A `w:` weight is the regression's plus, at training time, a share of the word's closeness to each topic in
static word embeddings (scripts/topic_embedding.py), so some words no labelled article has still count.
A word counts `1 + ln n` (title words three times over), words and stems together scaled to length 1.
A topic's logit is the sum of its weights, plus `lexicon x ln(1 + points)` from the hand-written lexicon's
points for that topic (`scoring`; weight `lexicon`, larger for topics the news data lacks), so the topics the news data
lacks stay within reach and the owner's words added to a default topic still count.

Text features are computed per file (`text_logits`, cached with the rest of the analysis); the lexicon
part is added when the article's entities are known (`logits`). `contributions` gives explain the
words that weighed most.
"""

from __future__ import annotations

import io
import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ...stopwords import stop_lists
from .text import ArticleText, is_word

MODEL_RESOURCE = "topic_model.npz"
STEM_LENGTH = 5
TITLE_FACTOR = 3
MIN_WORD_LENGTH = 3
MIN_WORDS = 60
"""Shorter articles are left to the lexicon's rule alone: too few words for the model's shares to mean much."""
STOP_WORDS = frozenset(w.casefold() for words in stop_lists().values() for w in words)


def fold(word: str) -> str:
    """The word without accents: "économie" -> "economie", "Straße" keeps its ß."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def word_features(word: str) -> tuple[str, ...]:
    """The feature names one lower-case word gives (none for stop words and very short words)."""
    if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS or not is_word(word):
        return ()
    if len(word) <= STEM_LENGTH:
        return ("w:" + word,)
    return ("w:" + word, "s:" + fold(word)[:STEM_LENGTH])


def word_total(text: ArticleText) -> int:
    """Words in the body and title (numbers and punctuation marks left out)."""
    return sum(n for w, n in text.counts.items() if w[:1].isalpha()) + sum(
        n for w, n in text.title_counts.items() if w[:1].isalpha())


def word_counts(text: ArticleText) -> dict[str, float]:
    """Each body word's count, title words added `TITLE_FACTOR` times."""
    counts: dict[str, float] = dict(text.counts)
    for word, n in text.title_counts.items():
        counts[word] = counts.get(word, 0) + TITLE_FACTOR * n
    return counts


@dataclass(frozen=True, eq=False)
class TopicModel:
    codes: tuple[str, ...]  # IPTC top-level codes, one per column
    index: dict[str, int]  # feature name -> row of `weights`
    names: tuple[str, ...]  # feature name of each row
    weights: np.ndarray  # (features, topics), float32
    lexicon: np.ndarray  # (topics,) weight of ln(1 + lexicon points) in each topic's logit
    bias: np.ndarray  # (topics,)
    about: dict  # training sources, seed and settings, as the training script wrote them

    def features(self, text: ArticleText) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(rows, values, words): the article's known features, scaled to length 1, and the word each came from."""
        rows: list[int] = []
        values: list[float] = []
        words: list[str] = []
        index, cache_ = self.index, _FEATURE_ROWS
        for word, n in word_counts(text).items():
            found = cache_.get(word)
            if found is None:
                found = tuple(index[f] for f in word_features(word) if f in index)
                if len(cache_) > 500_000:
                    cache_.clear()
                cache_[word] = found
            if found:
                value = 1 + math.log(n) if n >= 1 else n
                for row in found:
                    rows.append(row)
                    values.append(value)
                    words.append(word)
        values_ = np.array(values, np.float32)
        norm = float(np.sqrt(values_ @ values_)) if values else 0.0
        return np.array(rows, np.int64), values_ / norm if norm else values_, words

    def text_logits(self, text: ArticleText) -> tuple[float, ...]:
        """The words' part of each topic's logit (in `codes` order); empty for an article too short
        for the model (under `MIN_WORDS` words in its body and title)."""
        if word_total(text) < MIN_WORDS:
            return ()
        rows, values, _ = self.features(text)
        if not rows.size:
            return ()
        return tuple(round(float(v), 5) for v in values @ self.weights[rows])

    def logits(self, text_logits: tuple[float, ...], lexicon_points: dict[str, float]) -> np.ndarray:
        lex = np.array([math.log1p(max(0.0, lexicon_points.get(c, 0.0))) for c in self.codes], np.float32)
        return np.array(text_logits, np.float32) + self.lexicon * lex + self.bias

    def contributions(self, text: ArticleText, code: str) -> list[tuple[str, float]]:
        """(word, weight) for the words that pushed towards topic `code` beyond the topics' average, largest first."""
        rows, values, words = self.features(text)
        if not rows.size:
            return []
        column = self.codes.index(code)
        part = values[:, None] * self.weights[rows]
        lift = part[:, column] - part.mean(axis=1)
        by_word: dict[str, float] = {}
        for word, v in zip(words, lift.tolist()):
            by_word[word] = by_word.get(word, 0.0) + v
        return sorted(((w, v) for w, v in by_word.items() if v > 0), key=lambda wv: (-wv[1], wv[0]))


_FEATURE_ROWS: dict[str, tuple[int, ...]] = {}


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max())
    return shifted / shifted.sum()


@cache
def load_model() -> TopicModel | None:
    """The packaged model; None when the file is missing (the lexicon alone then decides)."""
    path = resources.files("generator").joinpath("data", MODEL_RESOURCE)
    if not path.is_file():
        return None
    with np.load(io.BytesIO(path.read_bytes()), allow_pickle=False) as data:
        names = tuple(bytes(data["features"]).decode("utf-8").split("\n"))
        codes = tuple(bytes(data["codes"]).decode("utf-8").split("\n"))
        about = json.loads(bytes(data["about"]).decode("utf-8"))
        return TopicModel(codes, {n: i for i, n in enumerate(names)}, names, data["weights"].astype(np.float32),
                          data["lexicon"].astype(np.float32), data["bias"].astype(np.float32), about)
