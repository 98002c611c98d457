"""Tags: a few salient key phrases per article, weighed by TF-IDF over the whole collection.

Candidates are runs of one to three content words (no stop word, number or punctuation
inside) that occur at least twice (a single word: twice in the body and three times in all),
counting a title occurrence as `title_weight`.
A candidate needs one word the article also writes in lower case, and must not be or contain
one of the article's entity names, so names of people and organizations (shown as entities
already) do not become tags.

Each candidate's score is scikit-learn's TF-IDF (sublinear term frequency, smoothed idf)
with the idf softened by a square root, so a phrase several articles share (the kind that
makes a useful tag page) is not always beaten by a one-off phrase; a phrase of two or three
words counts twice a single word, and a single word needs three occurrences. The best-scored candidates become tags, skipping one
that repeats an earlier tag's words or ends on the same word ("stray drones" after "Russian drones").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from ...model import Article
from .text import ArticleText, is_word, singular, tokenize

# News-writing words that are frequent everywhere and never a subject.
NEWS_STOP_WORDS = frozenset({
    "said", "says", "say", "told", "tell", "according", "year", "years", "month", "months", "week", "weeks", "day",
    "days", "today", "yesterday", "tomorrow", "time", "times", "percent", "cent", "per", "people", "million",
    "billion", "trillion", "thousand", "thousands", "hundreds", "dozens", "including", "including", "added", "asked",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "new", "just",
    "like", "make", "made", "way", "used", "using", "use", "going", "got", "get", "year's", "mr", "ms", "mrs",
    "dr", "don't", "didn't", "won't", "can't", "isn't", "it's", "that's", "there's", "we're", "they're",
    "i'm", "he's", "she's", "let", "set", "took", "take", "came", "come", "went", "want", "wanted", "know",
    "known", "think", "saying", "around", "far", "near", "long", "large", "small", "big", "high", "low", "good",
    "great", "little", "early", "late", "later", "recent", "recently", "according", "statement", "reported",
    "report", "reports", "told", "called", "calls", "says", "expected", "set", "does", "did", "done", "lot",
    "lots", "really", "likely", "unlikely", "able", "second", "third", "first", "last", "next", "previous",
    "s", "t", "ll", "ve", "re", "d", "m", "o", "st", "nd", "rd", "th", "per", "cent", "uk", "us", "eu", "amid",
    "despite", "although", "though", "while", "whilst", "also", "already", "still", "even", "ever", "however",
    "end", "start", "began", "begin", "put", "given", "gave", "give", "number", "part", "place", "point",
})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS
_STOP_OR_MARK = STOP_WORDS | frozenset(".,;:!?()[]\"“”«»…—–/|")
PHRASE_BONUS = {1: 1.0, 2: 2.0, 3: 2.0}
MIN_OCCURRENCES = {1: 3, 2: 2, 3: 2}  # a single word must be frequent to be a tag
# Endings of words that are rarely the subject of an article on their own.
_NOT_NOUN = ("ing", "ed", "ly", "ive", "ous", "ful", "less", "able", "ible", "ic", "al")

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class PhraseMatrix:
    """Candidate phrases of every article as one TF-IDF matrix (rows follow the articles)."""

    vocabulary: list[Phrase]
    weights: sparse.csr_matrix  # sublinear tf x idf, not normalized
    idf: np.ndarray


def candidates(text: ArticleText, title_weight: float, entity_names: frozenset[str] = frozenset()) -> Counter:
    """Candidate phrases of one article with their occurrences (title ones multiplied).

    `entity_names` are the article's one-word entity names in lower case ("nato"): they are
    shown as entities already, so no tag contains them.
    """
    found: Counter = Counter()
    for n in (1, 2, 3):
        body, title = text.ngrams(n), text.ngrams(n, title=True)
        # Most n-grams occur once: drop them before the (slower) per-phrase checks. A title
        # phrase also has to occur in the body, so headline verbs do not become tags.
        if n == 1:
            frequent = [g for g, c in body.items() if c >= 2 and g not in _STOP_OR_MARK]
        else:
            frequent = [g for g, c in body.items() if c >= 2 and g[0] not in _STOP_OR_MARK and g[-1] not in _STOP_OR_MARK]
        for gram in frequent + [g for g in title if g in body]:
            if body[gram] < 2 and n == 1:
                continue  # a single word must recur in the body, not just sit in the headline
            count = body[gram] + title_weight * title.get(gram, 0)
            phrase = (gram,) if n == 1 else gram
            if count >= MIN_OCCURRENCES[n] and phrase not in found and _is_candidate(phrase, text.lowercase_words, entity_names):
                found[phrase] = count
    # A phrase that only ever occurs inside a longer candidate is a fragment of it.
    for longer in [g for g in found if len(g) > 1]:
        for part in (longer[:-1], longer[1:]):
            if found.get(part) == found[longer]:
                del found[part]
    return found


def _is_candidate(gram: Phrase, lowercase_words: frozenset[str], entity_names: frozenset[str]) -> bool:
    first, last = gram[0], gram[-1]
    if first in STOP_WORDS or last in STOP_WORDS or not is_word(first) or not is_word(last):
        return False
    if len(gram) == 3 and (not is_word(gram[1]) or gram[1] in STOP_WORDS):
        return False
    if first.endswith("ly") or last.endswith(("ly", "ed")) or (len(gram) == 1 and (len(first) < 3 or first.endswith(_NOT_NOUN))):
        return False
    if any(w in entity_names for w in gram) or (len(gram) > 1 and gram in entity_names):
        return False
    return any(w in lowercase_words for w in gram)


def phrase_matrix(per_article: Sequence[Counter]) -> PhraseMatrix:
    """TF-IDF of the candidates over the collection: scikit-learn's TfidfTransformer on their counts."""
    vocabulary: dict[Phrase, int] = {}
    indptr, indices, data = [0], [], []
    for counts in per_article:
        for gram in sorted(counts):
            indices.append(vocabulary.setdefault(gram, len(vocabulary)))
            data.append(counts[gram])
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
                               shape=(len(per_article), max(1, len(vocabulary))))
    transformer = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm=None)
    weights = transformer.fit_transform(matrix).tocsr()
    return PhraseMatrix(list(vocabulary), weights, transformer.idf_)


def select_tags(row: int, matrix: PhraseMatrix, text: ArticleText, limit: int) -> tuple[str, ...]:
    """The article's best candidates as display strings, at most `limit`."""
    start, end = matrix.weights.indptr[row], matrix.weights.indptr[row + 1]
    scored = []
    for col, value in zip(matrix.weights.indices[start:end], matrix.weights.data[start:end]):
        gram = matrix.vocabulary[col]
        idf = matrix.idf[col]
        tf = value / idf  # back to the sublinear term frequency
        scored.append((-(tf * np.sqrt(idf) * PHRASE_BONUS[len(gram)]), gram))
    scored.sort()
    chosen: list[Phrase] = []
    for _, gram in scored:
        if len(chosen) >= limit:
            break
        if any(_overlaps(gram, other) for other in chosen):
            continue
        chosen.append(gram)
    return tuple(display_form(gram, text) for gram in chosen)


def _overlaps(a: Phrase, b: Phrase) -> bool:
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa or singular(a[-1]) == singular(b[-1])


def display_form(gram: Phrase, text: ArticleText) -> str:
    """How the article writes the phrase in running text: all in lower case if it ever does so,
    else its usual form away from a sentence start ("German rearmament", "Barrier Reef")."""
    lower = " ".join(gram)
    if all(w in text.lowercase_words for w in gram) and (len(gram) == 1 or f" {lower} " in f" {text.joined} "):
        return lower
    needle, haystack = f" {lower} ", f" {text.joined_lower} "
    forms: Counter = Counter()
    start = haystack.find(needle)
    while start >= 0 and sum(forms.values()) < 10:
        form = text.joined[start:start + len(needle) - 2]
        if start >= 2 and haystack[start - 2] not in ".!?\"“”":  # not at a sentence start
            forms[form] += 1
        start = haystack.find(needle, start + 1)
    if forms:
        return min(forms, key=lambda f: (-forms[f], f))
    words = []
    for word in gram:
        if word not in text.lowercase_words:
            word = next((f for f in (word.capitalize(), word.upper()) if f in text.surface_words), word)
        words.append(word)
    return " ".join(words)


def tag_key(tag: str) -> str:
    """Tags that differ only in case or a final plural share one key (and one tag page)."""
    words = tag.casefold().replace("-", " ").split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


def entity_words(article: Article) -> frozenset:
    """What no tag may be or contain: the article's one-word entity names ("nato"), and every run
    of two or more words inside a longer entity name (("central", "bank"))."""
    out: set = set()
    for mention in article.entities:
        words = [w for w in tokenize(mention.name) if is_word(w)]
        if len(words) == 1:
            out.add(words[0])
        for n in range(2, len(words) + 1):
            out.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return frozenset(out)
