"""Tags: a few salient key phrases per article, weighed by TF-IDF over the whole collection.

Candidates are runs of one to three content words (no stop word, number or punctuation
inside) that occur at least twice (a single word: twice in the body and three times in all),
counting a title occurrence as `title_weight`. A candidate needs one word the article also
writes in lower case, and must not contain one of the article's one-word entity names nor be
a run of words of a longer one, so names of people and organizations (shown as entities
already) do not become tags. A phrase that only ever occurs inside a longer candidate is a
fragment of it and is dropped. A tag is shown as the article writes it: in lower case if it
ever does so, else in its most frequent form away from a sentence start ("German rearmament").

A candidate's score is its TF-IDF with sublinear term frequency (1 + ln n, scikit-learn's
`sublinear_tf`) and the idf softened by a square root, so a phrase several articles share (the
kind that makes a useful tag page) is not always beaten by a one-off phrase; a phrase of two or
three words counts twice a single word. The idf is the stepped one of `weights`: it depends on
how many articles have the phrase (1, 2-3, 4-7, ...), not on the size of the collection, so a
new article changes another's tags only when it shares a phrase with it and moves that phrase
to the next step. Ties go to the phrase first in alphabetical order. The best-scored candidates
become tags, skipping one that repeats an earlier tag's words or ends on the same word ("stray
drones" after "Russian drones").

`candidates` needs only the article's text, so it runs per file and is cached (see
`analysis`); dropping entity names (`named`) and weighing against the collection come in
`analysis.finish_corpus`. Counting runs in numpy: an n-gram is a number, its word ids as digits.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...model import Article
from ...stopwords import stop_lists
from .weights import MAX_STEP
from .text import SENTENCE_END, ArticleText, distinct, is_word, singular, tokenize

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
# English function words (the same list site search leaves out), and news-writing words.
STOP_WORDS = frozenset(stop_lists()["en"]) | NEWS_STOP_WORDS
PHRASE_BONUS = {1: 1.0, 2: 2.0, 3: 2.0}
MIN_OCCURRENCES = {1: 3, 2: 2, 3: 2}  # a single word must be frequent to be a tag
# Endings of words that are rarely the subject of an article on their own.
_NOT_NOUN = ("ing", "ed", "ly", "ive", "ous", "ful", "less", "able", "ible", "ic", "al")
FORMS_COUNTED = 10  # occurrences looked at to find how the article writes a phrase
_SENTENCE_END = frozenset(m.encode() for m in SENTENCE_END)

# What each word may be in a candidate, as bits (see `word_roles`); LOWER: the article writes it in lower case.
CONTENT, FIRST, LAST, SINGLE, LOWER = 1, 2, 4, 8, 16
# Which sequences of two and three words (their bits as digits in base 32) make a candidate:
# first and last words that may start and end a phrase, a content word between, one word in lower case.
_PAIRS = np.array([bool(a & FIRST and b & LAST and (a | b) & LOWER) for a in range(32) for b in range(32)])
_TRIPLES = np.array([bool(a & FIRST and b & CONTENT and c & LAST and (a | b | c) & LOWER)
                     for a in range(32) for b in range(32) for c in range(32)])
_ROLES: dict[str, dict[str, int]] = {}  # language -> a memo of word_roles: a word's roles never change


@dataclass(frozen=True)
class Candidates:
    """An article's candidate tags before entity names are excluded, in alphabetical order.

    A fragment (a phrase found only inside longer candidates, as often as they are) is kept
    apart: it becomes a candidate only if each of those longer ones names an entity."""

    phrases: tuple[str, ...]  # lower-case words joined by spaces
    counts: tuple[float, ...]  # occurrences, title ones multiplied
    displays: tuple[str, ...]  # as the article writes them: in lower case if it ever does so
    fragments: tuple[tuple[str, float, str, tuple[str, ...]], ...]  # (phrase, count, display, the longer phrases)


def _stop_words(language: str) -> frozenset[str]:
    """English's and news-writing words, and the article's own language's function words
    ("che", "è", "del" in Italian): a tag never consists of them."""
    stops = _STOPS.get(language)
    if stops is None:
        stops = _STOPS[language] = STOP_WORDS | frozenset(stop_lists().get(language, ()))
    return stops


_STOPS: dict[str, frozenset[str]] = {}


def word_roles(word: str, language: str = "en") -> int:
    """CONTENT: a word, not a stop word; FIRST / LAST: it may start / end a phrase; SINGLE: a tag alone."""
    roles = 0
    if is_word(word) and word not in _stop_words(language) and not (len(word) == 1 and language != "en"):
        roles = CONTENT
        if not word.endswith("ly"):
            roles |= FIRST
        if not word.endswith(("ly", "ed")):
            roles |= LAST
        if len(word) >= 3 and not word.endswith(_NOT_NOUN):
            roles |= SINGLE
    return roles


def candidates(text: ArticleText, title_weight: float, language: str = "en") -> Candidates:
    """Candidate phrases of one article with their occurrences (title ones multiplied)."""
    vocabulary = text.vocabulary
    size = len(vocabulary)
    if not size or size > 2_000_000:  # codes must fit in 63 bits
        return Candidates((), (), (), ())
    # A candidate is a number: a trigram's word ids as digits in base `size`, then bigrams from
    # `two`, then single words from `one`. numpy counts them all at once.
    two, one = size ** 3, size ** 3 + size ** 2
    roles = _roles(vocabulary, language)
    lower, frequency, ids, as_lower = text.lower_case, text.frequency, text.ids, text.in_lower_case
    title = list(map(text.index.get, text.title_tokens))
    title_keys = Counter([one + i for i in title if i is not None] + _title_codes(title, size, roles))
    in_title = (np.array(sorted(title_keys), np.int64), np.array([title_keys[k] for k in sorted(title_keys)], np.int64))

    at = (roles | np.where(lower, LOWER, 0))[ids]  # each position's roles, and whether its word is written in lower case
    pairs = at[:-1] * 32 + at[1:]
    # (the arrays' methods, not numpy's functions of the same name: each of those is a Python call more)
    starts2 = _PAIRS[pairs].nonzero()[0]
    starts3 = _TRIPLES[pairs[:-1] * 32 + at[2:]].nonzero()[0]
    codes = np.concatenate(((ids[starts3] * size + ids[starts3 + 1]) * size + ids[starts3 + 2],
                            ids[starts2] * size + ids[starts2 + 1] + two))
    starts = np.concatenate((starts3, starts2))
    grams, occurrences = distinct(codes)
    keep = occurrences >= 2
    if in_title[0].size:  # a phrase of the title needs to occur once in the body
        keep |= _member(grams, in_title[0])
    singles = ((frequency >= 2) & (roles & SINGLE != 0) & lower).nonzero()[0]
    keys = np.concatenate((grams[keep], singles + one))  # sorted
    counts = np.concatenate((occurrences[keep], frequency[singles])) + title_weight * _count_in(keys, *in_title)
    enough = counts >= np.where(keys >= one, MIN_OCCURRENCES[1], np.where(keys >= two, MIN_OCCURRENCES[2], MIN_OCCURRENCES[3]))
    keys, counts = keys[enough], counts[enough]
    found = dict(zip(keys.tolist(), counts.tolist()))

    # Phrases never written in lower case are shown as the article writes them.
    displays: dict[int, str] = {}
    phrases = keys[keys < one]
    if phrases.size:
        in_lower = as_lower[starts] & as_lower[starts + 1] & ((codes >= two) | as_lower[np.minimum(starts + 2, ids.size - 1)])
        written = phrases[~_member(phrases, np.sort(codes[in_lower]))]
        if written.size:
            displays = _written_forms(text, written, codes, starts, two)

    keys_list = list(found)
    texts = _phrases(keys, size, two, one, vocabulary)
    entries = sorted(zip(texts, keys_list))
    longer: dict[int, list[str]] = {}  # a phrase that only ever occurs inside a longer one is a fragment of it
    for phrase, key in entries:
        if key < one:
            if key < two:
                parts = (two + key // size, two + key % (size * size))
            else:
                parts = (one + (key - two) // size, one + (key - two) % size)
            for part in parts:
                if found.get(part) == found[key]:
                    longer.setdefault(part, []).append(phrase)
    kept = [entry for entry in entries if entry[1] not in longer] if longer else entries
    phrases_, keys_ = zip(*kept) if kept else ((), ())
    phrase_of = dict(zip(keys_list, texts)) if longer else {}
    return Candidates(
        phrases=phrases_,
        counts=tuple(map(found.__getitem__, keys_)),
        displays=tuple(map(displays.get, keys_, phrases_)),
        fragments=tuple((phrase_of[key], found[key], displays.get(key, phrase_of[key]), tuple(sorted(set(inside))))
                        for key, inside in sorted(longer.items(), key=lambda kv: phrase_of[kv[0]])),
    )


def _phrases(keys: np.ndarray, size: int, two: int, one: int, vocabulary: list[str]) -> list[str]:
    """The phrases that sorted candidate numbers stand for (trigrams, then bigrams, then single words)."""
    word = vocabulary.__getitem__
    threes, ones = keys.searchsorted([two, one])
    out = []
    if threes:
        ab, c = np.divmod(keys[:threes], size)
        a, b = np.divmod(ab, size)
        out += map(" ".join, zip(map(word, a.tolist()), map(word, b.tolist()), map(word, c.tolist())))
    if ones > threes:
        a, b = np.divmod(keys[threes:ones] - two, size)
        out += map(" ".join, zip(map(word, a.tolist()), map(word, b.tolist())))
    out += map(word, (keys[ones:] - one).tolist())
    return out


def _count_in(keys: np.ndarray, values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """How often each key occurs among `values` (sorted, distinct, with their `counts`)."""
    if not values.size:
        return np.zeros(keys.size)
    where = np.minimum(values.searchsorted(keys), values.size - 1)
    return np.where(values[where] == keys, counts[where], 0)


def _written_forms(text: ArticleText, keys: np.ndarray, codes: np.ndarray, starts: np.ndarray, two: int) -> dict[int, str]:
    """How the article writes phrases it never writes in lower case: the most frequent form of
    each away from a sentence start ("German rearmament", "Barrier Reef")."""
    parsed = text._parsed
    data = text.body.data
    mask = _member(codes, np.sort(keys))
    where, which = starts[mask], codes[mask]
    order = np.lexsort((where, which))  # by phrase, then position
    where, which = where[order], which[order]
    last = np.minimum(where + np.where(which < two, 2, 1), parsed.ends.size - 1)
    before = np.maximum(where - 1, 0)
    spans = zip(which.tolist(), where.tolist(), parsed.starts[before].tolist(), parsed.ends[before].tolist(),
                parsed.starts[where].tolist(), parsed.ends[last].tolist())
    forms: dict[int, dict[bytes, int]] = {key: {} for key in keys.tolist()}
    seen: dict[int, int] = dict.fromkeys(forms, 0)
    for key, i, prev_start, prev_end, start, end in spans:
        if seen[key] >= FORMS_COUNTED:
            continue
        if i > 0 and data[prev_start:prev_end + 1] not in _SENTENCE_END:  # not at a sentence start
            form = data[start:end + 1]
            if b"  " in form:
                form = b" ".join(form.split())
            forms[key][form] = forms[key].get(form, 0) + 1
            seen[key] += 1
    where, which = where.tolist(), which.tolist()
    out = {}
    for key, found in forms.items():
        if found:
            best = min(found, key=lambda f: (-found[f], f))
            out[key] = best.decode("utf-8", "surrogatepass")
        else:  # only ever at a sentence start: lower case where the article writes the word so elsewhere
            i = where[which.index(key)]
            words = text.form_at(i, 3 if key < two else 2).split()
            out[key] = " ".join(w.lower() if text.lower_case[text.index[w.lower()]] else w for w in words)
    return out


def _roles(vocabulary: list[str], language: str = "en") -> np.ndarray:
    memo = _ROLES.setdefault(language, {})
    try:
        return np.fromiter(map(memo.__getitem__, vocabulary), np.int64, len(vocabulary))
    except KeyError:
        if len(memo) > 1_000_000:
            memo.clear()
        for word in vocabulary:
            if word not in memo:
                memo[word] = word_roles(word, language)
        return np.fromiter(map(memo.__getitem__, vocabulary), np.int64, len(vocabulary))


def _title_codes(title: list[int | None], size: int, roles: np.ndarray) -> list[int]:
    """The title's 2- and 3-word phrases of body words that may be candidates, coded like the body's."""
    out = []
    for n, offset in ((2, size ** 3), (3, 0)):
        for i in range(len(title) - n + 1):
            ids = title[i:i + n]
            if None not in ids and roles[ids[0]] & FIRST and roles[ids[-1]] & LAST and (n < 3 or roles[ids[1]] & CONTENT):
                code = 0
                for j in ids:
                    code = code * size + j
                out.append(offset + code)
    return out


def _member(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """For each value: is it in the sorted array `ordered`?"""
    if not ordered.size:
        return np.zeros(values.size, bool)
    where = np.minimum(ordered.searchsorted(values), ordered.size - 1)
    return ordered[where] == values


# --- against the article's entities and the collection -----------------------------


def named(phrases: Sequence[str], names: tuple[frozenset[str], frozenset[str]]) -> set[int]:
    """The phrases (by place) that contain one of the article's one-word entity names or are a
    run of words of a longer one (see `entity_words`)."""
    words, runs = names
    out: set[int] = set()
    if runs and not runs.isdisjoint(phrases):
        out.update(i for i, p in enumerate(phrases) if p in runs)
    if words:
        joined = " " + " ".join(phrases) + " "
        if any(f" {w} " in joined for w in words):
            out.update(i for i, p in enumerate(phrases) if not words.isdisjoint(p.split()))
    return out


def entity_words(article: Article) -> tuple[frozenset[str], frozenset[str]]:
    """What no tag may be or contain: the article's one-word entity names ("nato"), and every run
    of two or more words inside a longer entity name ("central bank")."""
    if not article.entities:
        return frozenset(), frozenset()
    parts = [_NAME_WORDS.get(m.name) or _name_words(m.name) for m in article.entities]
    return frozenset(single for single, _ in parts if single), frozenset().union(*(runs for _, runs in parts))


_NAME_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {}


def _name_words(name: str) -> tuple[str, tuple[str, ...]]:
    """(the name's word if it has one word, else "", its runs of two or more words), memoized."""
    words = [w for w in tokenize(name) if is_word(w)]
    runs = tuple(" ".join(words[i:i + n]) for n in range(2, len(words) + 1) for i in range(len(words) - n + 1))
    found = (words[0] if len(words) == 1 else "", runs)
    if len(_NAME_WORDS) > 1_000_000:
        _NAME_WORDS.clear()
    _NAME_WORDS[name] = found
    return found


def pick_tags(phrases: Sequence[str], counts: Sequence[float], displays: Sequence[str], phrase_df: dict[str, int],
              max_tags: int) -> tuple[str, ...]:
    """The article's tags from its candidates (alphabetical, entity names dropped) and how many
    articles have each: the best scored first (ties: alphabetical), skipping one that `overlaps`
    a tag taken before. A candidate's score reads of the collection only its idf step."""
    log, bonus, root = math.log, PHRASE_BONUS, _ROOT_IDF
    scores = [-((1 + log(c)) * root[min(phrase_df[p].bit_length() - 1, MAX_STEP)] * bonus[p.count(" ") + 1])
              for p, c in zip(phrases, counts)]
    chosen: list[str] = []
    taken: list[tuple[frozenset[str], str]] = []
    for k in sorted(range(len(scores)), key=lambda k: (scores[k], k)):
        if len(chosen) >= max_tags:
            break
        shape = _SHAPES.get(phrases[k])
        if shape is None:
            if len(_SHAPES) > 1 << 18:
                _SHAPES.clear()
            shape = _SHAPES[phrases[k]] = shape_of(phrases[k])
        for other in taken:
            if overlaps(shape, other):
                break
        else:
            taken.append(shape)
            chosen.append(displays[k])
    return tuple(chosen)


_ROOT_IDF = [math.sqrt(1.0 + (MAX_STEP - step) * math.log(2)) for step in range(MAX_STEP + 1)]  # (of weights.idf)
_SHAPES: dict[str, tuple[frozenset[str], str]] = {}  # phrase -> shape_of(phrase)


def shape_of(phrase: str) -> tuple[frozenset[str], str]:
    """What `overlaps` compares: the phrase's words and its last word's singular."""
    words = phrase.split()
    return frozenset(words), singular(words[-1])


def overlaps(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str]) -> bool:
    """One phrase repeats the other's words, or both end on the same word ("stray drones" after "Russian drones")."""
    return a[0] <= b[0] or b[0] <= a[0] or a[1] == b[1]


def tag_key(tag: str) -> str:
    """Tags that differ only in case or a final plural share one key (and one tag page)."""
    words = tag.casefold().replace("-", " ").split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""
