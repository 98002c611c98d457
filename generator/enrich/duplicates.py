"""The same article dropped twice is published once; near-duplicates are pointed out.

Exact duplicates are files with the same bytes, or the same words once encoding,
line endings and spacing are set aside (one saved as UTF-16, one as UTF-8). The
first by source path is kept and the others are reported.

Near-duplicates (an updated version of a story, a syndicated copy with another
headline) are all published, each with the others as its `versions` (pages link them
and list the story once), and a note. Finding them stays near linear in the number
of articles: each article keeps a deterministic sample of its 5-word shingles, and only
articles sharing one of their rarest sampled shingles are compared (prefix filtering).
"""

from __future__ import annotations

from fractions import Fraction
import hashlib
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import compress
from dataclasses import dataclass, replace

import numpy as np

from ..model import Article, Problem, Severity
from ..textutil import folding_keeps_words, text_words, words
from ..text.markdown_text import plain_text

SHINGLE = 5
SAMPLE_MOD = 8  # keep about one shingle in eight
NEAR_DUPLICATE = 0.8  # Jaccard similarity of the sampled shingles
_NEAR = Fraction(NEAR_DUPLICATE).limit_denominator(1000)  # the same, for exact integer bounds
MIN_SAMPLED = 8  # articles too short to sample reliably are not compared


@dataclass(frozen=True)
class TextPrint:
    """What duplicate detection needs of one article; computed once per file and cached."""

    words: str  # SHA-256 of the title and text as words, case-folded: same words, same print
    sample: frozenset[int]  # sampled shingle hashes


def text_print(article: Article) -> TextPrint:
    text = plain_text(article.blocks)
    title = " ".join(words(article.title.casefold()))  # a word never spans title and body
    if folding_keeps_words(text):
        # The words as the text writes them (split once for every stage, see text_words), not
        # each folded: the words joined by spaces fold as a whole, and a shingle as it is hashed
        # (folding works character by character, and never makes or moves a space).
        tokens = text_words(text)
        body = " ".join(tokens).casefold()
        sample = _sample(tokens, _anchors_as_written, str.casefold)
    else:
        tokens = words(text.casefold())
        body = " ".join(tokens)
        sample = _sample(tokens, _anchors, None)
    all_words = f"{title} {body}" if title and body else title or body
    return TextPrint(hashlib.sha256(all_words.encode("utf-8")).hexdigest(), frozenset(sample))


def _sample(tokens: list[str], anchors: dict[str, bool], fold) -> set[int]:
    """The hashes of the shingles of the folded words starting at an "anchor" word (about one
    word in SAMPLE_MOD, chosen by the folded word's own hash): copies of a passage have the
    same anchors, and only those shingles are hashed. `fold` folds the tokens (None: folded)."""
    starts = len(tokens) - SHINGLE + 1
    if starts <= 0:
        return set()
    if len(anchors) > 1 << 16:
        anchors.clear()
    for word in set(tokens).difference(anchors):
        anchors[word] = zlib.crc32((fold(word) if fold else word).encode("utf-8")) % SAMPLE_MOD == 0
    picked = compress(range(starts), map(anchors.__getitem__, tokens))
    if fold is None:
        return {zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8")) for i in picked}
    return {zlib.crc32(fold(" ".join(tokens[i : i + SHINGLE])).encode("utf-8")) for i in picked}


# Whether a word is an anchor (memoized: words repeat across articles), by the word folded, and
# by the word as written.
_anchors: dict[str, bool] = {}
_anchors_as_written: dict[str, bool] = {}


@dataclass(frozen=True)
class NearPairs:
    """The near-duplicates found in one build, for the next: which prints were compared with
    each other (by source and words), and the pairs among them with their similarity."""

    compared: dict[str, str]  # source -> its print's words
    pairs: tuple[tuple[tuple[str, str], tuple[str, str], float], ...]


def remove_duplicates(articles: Sequence[Article], prints: Sequence[TextPrint] | None = None) -> tuple[list[Article], list[Problem]]:
    """Keep one article of each set of exact duplicates; link and report near-duplicates.
    `prints[i]` (from text_print, possibly cached) belongs to `articles[i]`."""
    kept, problems, _ = update_duplicates(articles, prints)
    return kept, problems


def update_duplicates(articles: Sequence[Article], prints: Sequence[TextPrint] | None = None,
                      known: NearPairs | None = None) -> tuple[list[Article], list[Problem], NearPairs]:
    """`remove_duplicates`, reusing the pairs an earlier build found (`known`): only articles
    that are new or changed since are compared, with every other one. Whether two samples
    are near-duplicates depends on those two alone, so the pairs are exactly the ones a
    comparison of every article would find; the result also says what to keep for next time."""
    prints = list(prints) if prints is not None else [text_print(a) for a in articles]
    sources = [a.source for a in articles]
    kept: list[int] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for i in sorted(range(len(articles)), key=sources.__getitem__):
        article, words_ = articles[i], prints[i].words
        first = seen.get(article.source_sha256) or seen.get(words_)
        if first is not None:
            problems.append(Problem(article.source, f"duplicate of {first.source}: published once, as {first.source}", Severity.WARNING))
            continue
        seen[article.source_sha256] = seen[words_] = article
        kept.append(i)
    articles = [articles[i] for i in kept]
    samples = [prints[i].sample for i in kept]
    compared = {sources[i]: prints[i].words for i in kept}
    if known is None or not isinstance(known.compared, dict) or len(compared) < len(kept):  # (a source twice)
        pairs = _near_duplicates(samples)
    else:
        pairs = _updated_pairs(articles, compared, samples, known)
    problems.extend(_notes(articles, samples, pairs))
    ids = [(a.source, compared[a.source]) for a in articles] if pairs else []
    state = NearPairs(compared, tuple((ids[a], ids[b], s) for a, b, s in pairs))
    return _with_versions(articles, [(a, b) for a, b, _ in pairs]), problems, state


def _updated_pairs(articles: list[Article], compared: dict[str, str], samples: list[frozenset[int]],
                   known: NearPairs) -> list[tuple[int, int, float]]:
    """The pairs of `_near_duplicates`, from `known` where both prints were compared before."""
    index = {article.source: i for i, article in enumerate(articles)}
    found: set[tuple[int, int, float]] = set()
    for (a, a_words), (b, b_words), similarity in known.pairs:
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and compared[a] == a_words and compared[b] == b_words:
            found.add((min(i, j), max(i, j), similarity))
    before = known.compared
    fresh = [index[source] for source, words_ in compared.items() if before.get(source) != words_
             and len(samples[index[source]]) >= MIN_SAMPLED]
    if not fresh:
        return sorted(found)
    fresh_set = set(fresh)
    sizes = np.fromiter(map(len, samples), np.int64, len(samples))
    for i in fresh:
        size, sample = len(samples[i]), samples[i]
        # Jaccard is at most min/max: only prints of a size within the bound can reach it.
        near = (sizes >= MIN_SAMPLED) & (sizes * _NEAR.denominator >= size * _NEAR.numerator) \
            & (size * _NEAR.denominator >= sizes * _NEAR.numerator)
        for j in np.flatnonzero(near).tolist():
            if j == i or (j in fresh_set and j < i) or sample.isdisjoint(samples[j]):
                continue  # itself, a pair of two new prints counted from the other side, or nothing shared
            a, b = min(i, j), max(i, j)
            similarity = _similarity(samples[a], samples[b])
            if similarity >= NEAR_DUPLICATE:
                found.add((a, b, similarity))
    return sorted(found)


def _prefix_length(size: int) -> int:
    """size - ceil(t * size) + 1, in integers (floats got it one short for sizes like 10)."""
    return size - -(-size * _NEAR.numerator // _NEAR.denominator) + 1


def _similarity(a: frozenset[int], b: frozenset[int]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _notes(articles: list[Article], samples: list[frozenset[int]], pairs: list[tuple[int, int, float]]) -> list[Problem]:
    return [Problem(
        articles[b].source,
        f"nearly the same text as {articles[a].source} ({similarity:.0%} of passages shared); both are published, "
        "linked to each other as versions of one story, and listed once",
        Severity.INFO,
    ) for a, b, similarity in pairs]


def _with_versions(articles: list[Article], pairs: list[tuple[int, int]]) -> list[Article]:
    """Each article with the other members of its set of near-duplicates (pairs joined transitively)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(b)] = root(a)
    groups: dict[int, list[str]] = defaultdict(list)
    for i in sorted(parent):
        groups[root(i)].append(articles[i].source)
    result = list(articles)
    for i, article in enumerate(articles):
        group = groups[root(i)] if i in parent else ()
        if group or article.versions:
            result[i] = replace(article, versions=tuple(sorted(s for s in group if s != article.source)))
    return result


def _near_duplicates(samples: list[frozenset[int]]) -> list[tuple[int, int, float]]:
    """Pairs (i < j, in order) whose sampled passages overlap by at least NEAR_DUPLICATE (Jaccard).

    Prefix filtering keeps this near linear without missing a pair: order each sample by how
    rare its passages are in the corpus; two samples with Jaccard >= t share at least
    ceil(t * size) passages of each, so they must share one of the first
    size - ceil(t * size) + 1 passages of each, and only those are indexed."""
    frequency: Counter[int] = Counter()
    for sample in samples:
        frequency.update(sample)
    postings: dict[int, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        if len(sample) < MIN_SAMPLED:
            continue
        # Rarest first, ties by hash (two C-level sorts; the second is stable).
        ordered = sorted(sorted(sample), key=frequency.__getitem__)
        for h in ordered[: _prefix_length(len(ordered))]:
            postings[h].append(index)
    candidates: set[tuple[int, int]] = set()
    for ids in postings.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                candidates.add((a, b))
    pairs: list[tuple[int, int, float]] = []
    for a, b in sorted(candidates):
        similarity = _similarity(samples[a], samples[b])
        if similarity >= NEAR_DUPLICATE:
            pairs.append((a, b, similarity))
    return pairs
