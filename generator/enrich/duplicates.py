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
from itertools import chain, compress
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
# A near pair shares at least this many of the hashes indexed of each (see NearPairs): at most
# ceil(NEAR_DUPLICATE * MIN_SAMPLED), as a pair shares that many hashes at least.
SHARED_INDEXED = 4


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


@dataclass(frozen=True, eq=False)
class NearPairs:
    """The near-duplicates found in one build, for the next: which prints were compared with each
    other (by source and words), the pairs among them with their similarity, every file's print
    words by its hash (the exact duplicates), and an index of the compared prints' passages.

    The index lets a new or changed print be compared with the few prints it can be near, without
    reading any other print. Two samples with Jaccard >= NEAR_DUPLICATE share one of the
    `_prefix_length` first hashes of each in any fixed order (see `_near_duplicates`), and k of
    the `_prefix_length + k - 1` first (the first k hashes they share come no later), for k up to
    the hashes they share; here the order is the hashes' own, which stays put from build to build.
    So the index holds the `_indexed_length` first hashes of each print compared (`prefixes`:
    sorted hashes, and the slot in `indexed` of each), and a print is compared with those sharing
    SHARED_INDEXED of its own (in a templated corpus, ~1,900 prints share one, a few share four)."""

    compared: dict[str, str]  # source -> its print's words (the articles kept)
    pairs: tuple[tuple[tuple[str, str], tuple[str, str], float], ...]
    files: dict[str, tuple[str, str]]  # every article read: source -> (its file's SHA-256, its print's words)
    indexed: tuple[str, ...]  # the sources of the prints in the index, by slot
    sizes: np.ndarray  # the size of each slot's sample
    prefixes: np.ndarray  # the indexed hashes (uint32), sorted
    owners: np.ndarray  # the slot of each of `prefixes`

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NearPairs):
            return NotImplemented
        return (self.compared == other.compared and self.pairs == other.pairs and self.files == other.files
                and self._by_source() == other._by_source())

    __hash__ = None  # type: ignore[assignment]

    def _by_source(self) -> dict[str, tuple[int, bytes]]:
        """The index as source -> (sample size, its indexed hashes): the same for the same prints,
        whatever slots they were given."""
        order = np.lexsort((self.prefixes, self.owners))
        owners, hashes = self.owners[order], self.prefixes[order]
        bounds = np.searchsorted(owners, np.arange(len(self.indexed) + 1)).tolist()
        return {source: (int(self.sizes[slot]), hashes[bounds[slot]:bounds[slot + 1]].tobytes())
                for slot, source in enumerate(self.indexed)}


def _usable(known: object) -> NearPairs | None:
    """`known` if it is a state of this shape whose index agrees with itself; a state of an older
    shape, or a damaged one, is never trusted (everything is compared again)."""
    try:
        if not isinstance(known, NearPairs):
            return None
        compared, files, indexed = known.compared, known.files, known.indexed
        sizes, prefixes, owners = known.sizes, known.prefixes, known.owners
        if not (type(compared) is dict and type(files) is dict and type(indexed) is tuple
                and type(known.pairs) is tuple and all(isinstance(a, np.ndarray) for a in (sizes, prefixes, owners))):
            return None
        if (sizes.ndim != 1 or len(sizes) != len(indexed) or prefixes.dtype != np.uint32 or prefixes.shape != owners.shape
                or owners.dtype != np.int32 or len(set(indexed)) != len(indexed)
                or any(compared.get(source) is None for source in indexed)):
            return None
        if len(owners) and (owners.min() < 0 or owners.max() >= len(indexed) or np.any(prefixes[1:] < prefixes[:-1])):
            return None
        expected = sizes - -(-sizes * _NEAR.numerator // _NEAR.denominator) + SHARED_INDEXED  # (_indexed_length)
        if np.any(sizes < MIN_SAMPLED) or not np.array_equal(np.bincount(owners, minlength=len(indexed)), expected):
            return None
    except Exception:  # (not ours)
        return None
    return known


def remove_duplicates(articles: Sequence[Article], prints: Sequence[TextPrint] | None = None) -> tuple[list[Article], list[Problem]]:
    """Keep one article of each set of exact duplicates; link and report near-duplicates.
    `prints[i]` (from text_print, possibly cached) belongs to `articles[i]`."""
    kept, problems, _ = update_duplicates(articles, prints)
    return kept, problems


def update_duplicates(articles: Sequence[Article], prints: Sequence[TextPrint] | None = None,
                      known: NearPairs | None = None) -> tuple[list[Article], list[Problem], NearPairs]:
    """`remove_duplicates`, reusing what an earlier build found (`known`): a file read before with
    the same bytes has the print words it had then, and only prints that are new or changed since
    are read and compared, through the index, with the prints they can be near. Whether two samples
    are near-duplicates depends on those two alone, so the pairs are exactly the ones a comparison
    of every article would find; the result also says what to keep for next time. `prints` is read
    only where needed (it may be an `enrich.PartOf` over analyses the cache decodes on first read)."""
    if prints is None:
        prints = [text_print(a) for a in articles]
    known = _usable(known)
    before = known.files if known is not None else {}
    files: dict[str, tuple[str, str]] = {}
    words_of: list[str] = []
    for i, article in enumerate(articles):
        # A file's print is a function of its bytes (and of digest's code and options: the state's key).
        entry = before.get(article.source)
        if entry is None or entry[0] != article.source_sha256 or not article.source_sha256:
            entry = (article.source_sha256, prints[i].words)
        files[article.source] = entry
        words_of.append(entry[1])
    sources = [a.source for a in articles]
    kept: list[int] = []
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for i in sorted(range(len(articles)), key=sources.__getitem__):
        article, words_ = articles[i], words_of[i]
        first = seen.get(article.source_sha256) or seen.get(words_)
        if first is not None:
            problems.append(Problem(article.source, f"duplicate of {first.source}: published once, as {first.source}", Severity.WARNING))
            continue
        seen[article.source_sha256] = seen[words_] = article
        kept.append(i)
    kept_prints = [prints[i] for i in kept] if known is None else _Picked(prints, kept)
    articles = [articles[i] for i in kept]
    compared = {sources[i]: words_of[i] for i in kept}
    if known is None or len(compared) < len(kept):  # (a source twice)
        samples = [p.sample for p in kept_prints]
        pairs = _near_duplicates(samples)
        index = _Index.of(articles, samples)
    else:
        pairs, index = _updated_pairs(articles, compared, kept_prints, known)
    problems.extend(_notes(articles, pairs))
    ids = [(a.source, compared[a.source]) for a in articles] if pairs else []
    state = NearPairs(compared, tuple((ids[a], ids[b], s) for a, b, s in pairs), files, *index.frozen())
    return _with_versions(articles, [(a, b) for a, b, _ in pairs]), problems, state


class _Picked(Sequence):
    """`prints[kept[i]]`, each read only when asked for (see update_duplicates)."""

    def __init__(self, prints: Sequence[TextPrint], kept: list[int]) -> None:
        self._prints, self._kept = prints, kept

    def __getitem__(self, i):
        return self._prints[self._kept[i]]

    def __len__(self) -> int:
        return len(self._kept)


def _updated_pairs(articles: list[Article], compared: dict[str, str], prints: Sequence[TextPrint],
                   known: NearPairs) -> tuple[list[tuple[int, int, float]], _Index]:
    """The pairs of `_near_duplicates`, from `known` where both prints were compared before, and
    the index of the prints compared now. Only new and changed prints are read, and of the others
    only those that share an indexed hash with one (candidates, to measure their similarity)."""
    position = {article.source: i for i, article in enumerate(articles)}
    found: set[tuple[int, int, float]] = set()
    for (a, a_words), (b, b_words), similarity in known.pairs:
        i, j = position.get(a), position.get(b)
        if i is not None and j is not None and compared[a] == a_words and compared[b] == b_words:
            found.add((min(i, j), max(i, j), similarity))
    before = known.compared
    fresh = [i for i, article in enumerate(articles) if before.get(article.source) != compared[article.source]]
    still = [compared.get(source) == before[source] for source in known.indexed]
    index = _Index(known, still)
    samples: dict[int, frozenset[int]] = {}
    for i in fresh:
        sample = samples[i] = prints[i].sample
        if len(sample) >= MIN_SAMPLED:
            index.add(articles[i].source, sample)
    for i in fresh:
        sample = samples[i]
        if len(sample) < MIN_SAMPLED:
            continue
        for source in index.sharing(sample):
            j = position[source]
            if j == i:
                continue
            other = samples.get(j)
            if other is None:
                other = samples[j] = prints[j].sample
            similarity = _similarity(sample, other)
            if similarity >= NEAR_DUPLICATE:
                found.add((min(i, j), max(i, j), similarity))
    return sorted(found), index


class _Index:
    """The index a `NearPairs` keeps (see there), being updated: slots of prints no longer compared
    are dropped, new prints added; `frozen` gives the arrays to keep."""

    def __init__(self, known: NearPairs | None = None, still: list[bool] | None = None) -> None:
        self.indexed: list[str] = []
        self.sizes: list[int] = []
        self._parts: list[int] = []  # the indexed hashes of the prints added since the last merge
        self._owners: list[int] = []  # and how many of each (the prints are the last slots)
        self._prefixes = np.zeros(0, np.uint32)
        self._owned = np.zeros(0, np.int32)
        if known is not None:
            if all(still):  # (nothing removed or changed: the arrays as they are)
                self.indexed, self.sizes = list(known.indexed), known.sizes.tolist()
                self._prefixes, self._owned = known.prefixes, known.owners
                return
            keep = np.array(still, bool)
            self.indexed = [s for s, k in zip(known.indexed, still) if k]
            self.sizes = known.sizes[keep].tolist()
            slot = np.cumsum(keep, dtype=np.int32) - 1  # old slot -> new slot (where kept)
            mask = keep[known.owners]
            self._prefixes, self._owned = known.prefixes[mask], slot[known.owners[mask]]

    @classmethod
    def of(cls, articles: list[Article], samples: list[frozenset[int]]) -> _Index:
        """The index of every print (a build without a state): each sample's first hashes picked
        with arrays, as sorting 10,000 samples one by one took ~0.4 s."""
        index = cls()
        big = [i for i, sample in enumerate(samples) if len(sample) >= MIN_SAMPLED]
        index.indexed = [articles[i].source for i in big]
        index.sizes = [len(samples[i]) for i in big]
        sizes = np.array(index.sizes, np.int64)
        hashes = np.fromiter(chain.from_iterable(samples[i] for i in big), np.uint32, int(sizes.sum()))
        owners = np.repeat(np.arange(len(big), dtype=np.uint64), sizes)
        by_owner = np.sort((owners << np.uint64(32)) | hashes)  # each sample's hashes in order, sample after sample
        rank = np.arange(len(by_owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        first = by_owner[rank < np.repeat(sizes - -(-sizes * _NEAR.numerator // _NEAR.denominator) + SHARED_INDEXED, sizes)]
        by_hash = np.sort((first << np.uint64(32)) | (first >> np.uint64(32)))  # (hash, owner) pairs in order
        index._prefixes = (by_hash >> np.uint64(32)).astype(np.uint32)
        index._owned = (by_hash & np.uint64(0xFFFFFFFF)).astype(np.int32)
        return index

    def add(self, source: str, sample: frozenset[int]) -> None:
        length = _indexed_length(len(sample))
        self._parts.extend(sorted(sample)[:length])
        self._owners.append(length)
        self.indexed.append(source)
        self.sizes.append(len(sample))

    def _merge(self) -> None:
        """The prints added, into the arrays (inserted in place: a drop adds one print to ~200,000 hashes)."""
        if self._parts:
            added = np.repeat(np.arange(len(self.indexed) - len(self._owners), len(self.indexed), dtype=np.int32),
                              self._owners)
            hashes = np.array(self._parts, np.uint32)
            order = np.argsort(hashes, kind="stable")
            hashes, added = hashes[order], added[order]
            at = np.searchsorted(self._prefixes, hashes, "right")
            self._prefixes, self._owned = np.insert(self._prefixes, at, hashes), np.insert(self._owned, at, added)
            self._parts, self._owners = [], []

    def sharing(self, sample: frozenset[int]) -> list[str]:
        """The sources of the indexed prints that share SHARED_INDEXED of their indexed hashes with
        `sample`'s and are of a size to be near it (Jaccard is at most min/max), in slot order."""
        self._merge()
        prefix = np.array(sorted(sample)[: _indexed_length(len(sample))], np.uint32)
        low = np.searchsorted(self._prefixes, prefix, "left")
        high = np.searchsorted(self._prefixes, prefix, "right")
        shared: Counter[int] = Counter()
        for a, b in zip(low.tolist(), high.tolist()):
            if b > a:
                shared.update(self._owned[a:b].tolist())
        size, sizes = len(sample), self.sizes
        near = _NEAR.numerator, _NEAR.denominator
        return [self.indexed[slot] for slot in sorted(shared) if shared[slot] >= SHARED_INDEXED
                and sizes[slot] * near[1] >= size * near[0] and size * near[1] >= sizes[slot] * near[0]]

    def frozen(self) -> tuple[tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]:
        self._merge()
        arrays = (np.array(self.sizes, np.int32), self._prefixes, self._owned)
        for array in arrays:
            array.setflags(write=False)
        return (tuple(self.indexed), *arrays)


def _indexed_length(size: int) -> int:
    """How many of a sample's first hashes the index holds (see NearPairs)."""
    return _prefix_length(size) + SHARED_INDEXED - 1


def _prefix_length(size: int) -> int:
    """size - ceil(t * size) + 1, in integers (floats got it one short for sizes like 10)."""
    return size - -(-size * _NEAR.numerator // _NEAR.denominator) + 1


def _similarity(a: frozenset[int], b: frozenset[int]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _notes(articles: list[Article], pairs: list[tuple[int, int, float]]) -> list[Problem]:
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
