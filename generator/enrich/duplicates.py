"""The same article dropped twice is published once; near-duplicates are pointed out.

Exact duplicates are files with the same bytes, or the same words once encoding,
line endings and spacing are set aside (one saved as UTF-16, one as UTF-8). The
first by source path is kept and the others are reported.

Near-duplicates (an updated version of a story, a syndicated copy with another
headline) are both published, with a note. Finding them stays linear in the number
of articles: each article keeps a deterministic sample of its 5-word shingles, and
only articles sharing sampled shingles are compared.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Problem, Severity
from ..textutil import words
from .markdown_text import plain_text

SHINGLE = 5
SAMPLE_MOD = 8  # keep shingles whose hash is 0 mod 8: about one in eight
NEAR_DUPLICATE = 0.8  # Jaccard similarity of the sampled shingles
MIN_SAMPLED = 8  # articles too short to sample reliably are not compared
MAX_POSTINGS = 50  # a shingle shared by more articles is boilerplate, not evidence


def _fingerprint(article: Article) -> str:
    text = " ".join(words((article.title + " " + plain_text(article.blocks)).casefold()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sample(article: Article) -> frozenset[int]:
    tokens = words(plain_text(article.blocks).casefold())
    hashes = set()
    for i in range(len(tokens) - SHINGLE + 1):
        h = zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
        if h % SAMPLE_MOD == 0:
            hashes.add(h)
    return frozenset(hashes)


def remove_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """Keep one article of each set of exact duplicates; report near-duplicates."""
    kept: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.source):
        key = _fingerprint(article)
        first = seen.get(article.source_sha256) or seen.get(key)
        if first is not None:
            problems.append(Problem(article.source, f"duplicate of {first.source}: published once, as {first.source}", Severity.WARNING))
            continue
        seen[article.source_sha256] = seen[key] = article
        kept.append(article)
    problems.extend(_near_duplicates(kept))
    return kept, problems


def _near_duplicates(articles: list[Article]) -> list[Problem]:
    samples = [_sample(a) for a in articles]
    postings: dict[int, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        if len(sample) >= MIN_SAMPLED:
            for h in sample:
                postings[h].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] += 1
    notes: list[Problem] = []
    for (a, b), count in sorted(shared.items()):
        union = len(samples[a] | samples[b])
        similarity = count / union if union else 0.0
        if similarity >= NEAR_DUPLICATE:
            notes.append(Problem(
                articles[b].source,
                f"nearly the same text as {articles[a].source} ({similarity:.0%} of passages shared); both are published",
                Severity.INFO,
            ))
    return notes
