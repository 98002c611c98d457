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

import functools
import hashlib
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Article, Problem, Severity
from ..textutil import words
from ..text.markdown_text import plain_text

SHINGLE = 5
SAMPLE_MOD = 8  # keep about one shingle in eight
NEAR_DUPLICATE = 0.8  # Jaccard similarity of the sampled shingles
MIN_SAMPLED = 8  # articles too short to sample reliably are not compared


@dataclass(frozen=True)
class TextPrint:
    """What duplicate detection needs of one article; computed once per file and cached."""

    words: str  # SHA-256 of the title and text as words, case-folded: same words, same print
    sample: frozenset[int]  # sampled shingle hashes


def text_print(article: Article) -> TextPrint:
    tokens = words(plain_text(article.blocks).casefold())
    all_words = " ".join(words(article.title.casefold()) + tokens)  # a word never spans title and body
    # Shingles starting at an "anchor" word (about one word in SAMPLE_MOD, chosen by the word's
    # own hash): copies of a passage have the same anchors, and only those shingles are hashed.
    sample = {
        zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
        for i in range(len(tokens) - SHINGLE + 1)
        if _word_hash(tokens[i]) % SAMPLE_MOD == 0
    }
    return TextPrint(hashlib.sha256(all_words.encode("utf-8")).hexdigest(), frozenset(sample))


@functools.lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def remove_duplicates(articles: Sequence[Article], prints: Sequence[TextPrint] | None = None) -> tuple[list[Article], list[Problem]]:
    """Keep one article of each set of exact duplicates; link and report near-duplicates.
    `prints[i]` (from text_print, possibly cached) belongs to `articles[i]`."""
    prints = list(prints) if prints is not None else [text_print(a) for a in articles]
    kept: list[tuple[Article, TextPrint]] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for article, tp in sorted(zip(articles, prints), key=lambda pair: pair[0].source):
        first = seen.get(article.source_sha256) or seen.get(tp.words)
        if first is not None:
            problems.append(Problem(article.source, f"duplicate of {first.source}: published once, as {first.source}", Severity.WARNING))
            continue
        seen[article.source_sha256] = seen[tp.words] = article
        kept.append((article, tp))
    articles = [a for a, _ in kept]
    pairs, notes = _near_duplicates(articles, [tp.sample for _, tp in kept])
    problems.extend(notes)
    return _with_versions(articles, pairs), problems


def _with_versions(articles: list[Article], pairs: list[tuple[int, int]]) -> list[Article]:
    """Each article with the other members of its set of near-duplicates (pairs joined transitively)."""
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(b)] = root(a)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, article in enumerate(articles):
        groups[root(i)].append(article.source)
    result = []
    for i, article in enumerate(articles):
        group = groups[root(i)]
        others = tuple(sorted(s for s in group if s != article.source))
        result.append(replace(article, versions=others) if others or article.versions else article)
    return result


def _near_duplicates(articles: list[Article], samples: list[frozenset[int]]) -> tuple[list[tuple[int, int]], list[Problem]]:
    """Pairs whose sampled passages overlap by at least NEAR_DUPLICATE (Jaccard).

    Prefix filtering keeps this near linear without missing a pair: order each sample by how
    rare its passages are in the corpus; two samples with Jaccard >= t must share one of the
    first floor((1 - t) * size) + 1 passages of each, so only those are indexed."""
    frequency: Counter[int] = Counter()
    for sample in samples:
        frequency.update(sample)
    postings: dict[int, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        if len(sample) < MIN_SAMPLED:
            continue
        # Rarest first, ties by hash (two C-level sorts; the second is stable).
        ordered = sorted(sorted(sample), key=frequency.__getitem__)
        for h in ordered[: int((1 - NEAR_DUPLICATE) * len(ordered)) + 1]:
            postings[h].append(index)
    candidates: set[tuple[int, int]] = set()
    for ids in postings.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                candidates.add((a, b))
    pairs: list[tuple[int, int]] = []
    notes: list[Problem] = []
    for a, b in sorted(candidates):
        shared = len(samples[a] & samples[b])
        similarity = shared / (len(samples[a]) + len(samples[b]) - shared)
        if similarity >= NEAR_DUPLICATE:
            pairs.append((a, b))
            notes.append(Problem(
                articles[b].source,
                f"nearly the same text as {articles[a].source} ({similarity:.0%} of passages shared); both are published, "
                "linked to each other as versions of one story, and listed once",
                Severity.INFO,
            ))
    return pairs, notes
