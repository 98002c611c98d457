"""The learned topic model: a linear model over an article's words, trained by `scripts/train_topics.py`.

The weights (`generator/data/topic_model.npz`, CC BY-SA 4.0 like the Wikipedia text in its training
data; see the README) hold, for each of the 17 IPTC top-level topics, a weight per known feature:
- `w:word`, a word in lower case (stop words of every listed language and words under 3 letters are left out);
- `s:stem`, the first five letters of a longer word with accents removed, which a word shares with its
  inflections and, often, with its cousins in other languages ("politics", "politica", "Politik": `s:polit`);
A `w:` weight is the regression's plus, at training time, a share of the word's closeness to each topic in
static word embeddings (scripts/topic_embedding.py), so some words no labelled article has still count.
A word counts `1 + ln n` (title words three times over); a stem shared by several words counts their sum;
all the article's features, known to the model or not, are scaled to length 1 together (`document_features`,
which the training script uses as well: training and build must compute the same numbers).
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
from dataclasses import dataclass, field
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


def has_words(text: ArticleText, least: int) -> bool:
    """Whether the body and title have `least` words (numbers and punctuation marks left out),
    reading only the words it needs: most articles reach `least` early."""
    total = 0
    for counts in (text.counts, text.title_counts):
        for word, n in counts.items():
            if word[:1].isalpha():
                total += n
                if total >= least:
                    return True
    return False


def word_counts(text: ArticleText) -> dict[str, float]:
    """Each body word's count, title words added `TITLE_FACTOR` times."""
    counts: dict[str, float] = dict(text.counts)
    for word, n in text.title_counts.items():
        counts[word] = counts.get(word, 0) + TITLE_FACTOR * n
    return counts


def word_value(n: float) -> float:
    return 1 + math.log(n) if n >= 1 else n


# word_value of the counts most words have, computed once (the same numbers: the same function).
_KNOWN_VALUES = 256
_WORD_VALUES = tuple(word_value(n) for n in range(_KNOWN_VALUES))


def document_features(text: ArticleText) -> dict[str, float]:
    """Every feature of the article with its value, scaled to length 1: what the model was trained on.
    `TopicModel.features` computes the same values for the features the model knows, faster."""
    features: dict[str, float] = {}
    for word, n in word_counts(text).items():
        for f in word_features(word):
            features[f] = features.get(f, 0.0) + word_value(n)
    norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
    return {f: v / norm for f, v in features.items()}


@dataclass(frozen=True, eq=False)
class TopicModel:
    codes: tuple[str, ...]  # IPTC top-level codes, one per column
    index: dict[str, int]  # feature name -> row of `weights`
    names: tuple[str, ...]  # feature name of each row
    weights: np.ndarray  # (features, topics), float32
    lexicon: np.ndarray  # (topics,) weight of ln(1 + lexicon points) in each topic's logit
    bias: np.ndarray  # (topics,)
    about: dict  # training sources, seed and settings, as the training script wrote them
    # word -> (rows of its known features, its stem feature), or () for a word without features: most words recur
    _words: dict = field(default_factory=dict, repr=False)

    def features(self, text: ArticleText) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(rows, values, words): the article's known features with their `document_features` values, one
        entry per word (a stem two words share has two entries that add up), and the word each came from.
        The length they are scaled by counts every feature, the unknown ones too, as in training."""
        rows: list[int] = []
        values: list[float] = []
        words: list[str] = []
        cache_, known_values = self._words, _WORD_VALUES
        squares = 0.0  # of the `w:` features (one per word), then of the stems (summed over their words)
        stems: dict[str, float] = {}
        for word, n in word_counts(text).items():
            found = cache_.get(word)
            if found is None:
                found = self._word_entry(word)
            if not found:  # a stop word, a number, a short word: no feature at all
                continue
            known, stem = found
            value = known_values[n] if type(n) is int and n < _KNOWN_VALUES else word_value(n)
            squares += value * value
            if stem is not None:
                stems[stem] = stems.get(stem, 0.0) + value
            if len(known) == 1:  # (most words: a known word, its stem unknown, or the reverse)
                rows.append(known[0])
                values.append(value)
                words.append(word)
            else:
                for row in known:
                    rows.append(row)
                    values.append(value)
                    words.append(word)
        squares += sum(v * v for v in stems.values())
        values_ = np.array(values, np.float32)
        norm = math.sqrt(squares)
        return np.array(rows, np.int64), values_ / norm if norm else values_, words

    def _word_entry(self, word: str) -> tuple:
        """(rows of the word's known features, its stem feature or None), or () for a word without
        features; remembered, as most words recur."""
        names = word_features(word)
        found = self._known(names) if names else ()
        if len(self._words) > 500_000:
            self._words.clear()
        self._words[word] = found
        return found

    def _known(self, names: tuple[str, ...]) -> tuple[tuple[int, ...], str | None]:
        """(rows of the features the model knows, the stem feature or None) of a word's feature names.
        One lookup a name: the index is large, so each lookup is a likely cache miss (a word new to
        the build costs about a microsecond, most of it here)."""
        get = self.index.get
        row = get(names[0])
        known = () if row is None else (row,)
        stem = names[1] if len(names) > 1 else None
        if stem is not None:
            stem_row = get(stem)
            if stem_row is not None:
                known += (stem_row,)
        return known, stem

    def text_logits(self, text: ArticleText) -> tuple[float, ...]:
        """The words' part of each topic's logit (in `codes` order); empty for an article too short
        for the model (under `MIN_WORDS` words in its body and title)."""
        if not has_words(text, MIN_WORDS):
            return ()
        rows, values, _ = self.features(text)
        if not rows.size:
            return ()
        return tuple(round(v, 5) for v in (values @ self.weights[rows]).tolist())

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
        return model_from_arrays({name: data[name] for name in data.files})


def model_from_arrays(arrays: dict[str, np.ndarray]) -> TopicModel:
    """A model from the arrays of the weights file (the training script builds its trial models this way)."""
    names = tuple(bytes(arrays["features"]).decode("utf-8").split("\n"))
    codes = tuple(bytes(arrays["codes"]).decode("utf-8").split("\n"))
    about = json.loads(bytes(arrays["about"]).decode("utf-8"))
    return TopicModel(codes, {n: i for i, n in enumerate(names)}, names, arrays["weights"].astype(np.float32),
                      arrays["lexicon"].astype(np.float32), arrays["bias"].astype(np.float32), about)
