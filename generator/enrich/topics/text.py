"""An article's words, tokenized once and shared by topic scoring, tag candidates and display forms.

Tokens are runs of letters (possessive 's dropped); hyphens and apostrophes split
words, so "no-fly zone" is three tokens. Punctuation marks and numbers are tokens of
their own, so no phrase is ever matched across a full stop or a figure (`is_word`
tells them apart).

`tokenize` states the rule as one regular expression. Article bodies go through
`fast_tokens`, which gives the same tokens with `bytes.translate`, `replace` and
`split` (about twice as fast as the regex, which reads one character at a
time) and falls back to the regex for rare characters it does not handle itself.
This stage must keep up with thousands of articles a second on one core.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from ...model import Article
from ...text.markdown_text import plain_text

_MARKS = ".,;:!?()[]\"“”«»…—–/|"  # punctuation marks that are tokens of their own
_TOKEN = re.compile(r"[^\W\d_]+|[" + re.escape(_MARKS) + r"]|\d+")
SENTENCE_END = frozenset(".!?\"“”")  # a token after one of these starts a sentence (or a quotation)

# Plural and possessive forms are matched through these endings (see `variants`).
_ES_ENDINGS = ("s", "x", "z", "ch", "sh")
# Words whose final s is not a plural (or whose singular is another word).
_NOT_PLURAL = frozenset({
    "news", "arms", "politics", "economics", "physics", "athletics", "olympics", "mathematics", "species",
    "series", "means", "lens", "chaos", "thanks", "goods", "customs", "gas", "bus", "crisis", "analysis",
    "thesis", "basis", "status", "campus", "virus", "census", "bonus", "focus", "corpus", "genius",
    "always", "perhaps", "whereas", "various", "serious", "famous", "previous", "religious", "dangerous",
    "sports", "emissions",
})


def _no_possessive(text: str) -> str:
    if "'" in text or "’" in text:
        return text.replace("’s", "").replace("'s", "").replace("’S", "").replace("'S", "")
    return text


def is_word(token: str) -> bool:
    return token[:1].isalpha()


def tokenize(text: str) -> list[str]:
    """Lower-case tokens of `text`: words, and punctuation marks and numbers as tokens of their own."""
    return _TOKEN.findall(_no_possessive(text).lower())


# --- the fast path ----------------------------------------------------------------

_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = b"0123456789"
_ASCII_MARKS = bytes(c for c in _MARKS.encode() if c < 128)
# Each byte's class: letter (and any byte of a non-ASCII character), digit, or a space.
_CLASSES = bytes(ord("a") if b in _LETTERS or b >= 128 else ord("0") if b in _DIGITS else ord(" ") for b in range(256))
# Other ASCII characters (spaces, hyphen, apostrophe, $, %, _, control characters) separate tokens.
_SEPARATE = bytes(b if b in _LETTERS + _DIGITS + _ASCII_MARKS or b >= 128 else ord(" ") for b in range(256))
_ASCII = bytes(range(128))
_PAD = {m: b" " + m.encode() + b" " for m in _MARKS}
_POSSESSIVES = tuple(p.encode() for p in ("’s", "'s", "’S", "'S"))  # in the order `_no_possessive` removes them
_RIGHT_QUOTE = "’".encode()


class Spaced(NamedTuple):
    """A text's tokens in their original case, as UTF-8, separated by spaces (one or more)."""

    data: bytes
    cased: bool  # some non-ASCII letter has a lower-case form: bytes.lower() is not enough


def fast_tokens(text: str) -> Spaced:
    """The tokens `tokenize` finds, in their original case: `tokenize(text)` is
    `fast_tokens(text).data.decode().lower().split()`."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _slow_tokens(text)
    if b"'" in data or _RIGHT_QUOTE in data:
        for possessive in _POSSESSIVES:
            if possessive in data:
                data = data.replace(possessive, b"")
    classes = data.translate(_CLASSES)
    if b"0" in classes:  # a letter next to a digit ("1990s", "G7") is two tokens
        cuts = _digit_cuts(classes)
        if cuts:
            data = b" ".join(data[i:j] for i, j in zip([0] + cuts, cuts + [len(data)]))
    data = data.translate(_SEPARATE)
    for mark in _ASCII_MARKS:
        if mark in data:
            data = data.replace(bytes((mark,)), _PAD[chr(mark)])
    cased = False
    others = data.translate(None, _ASCII)
    if others:
        for char in set(others.decode("utf-8")):
            if char in _PAD:
                data = data.replace(char.encode(), _PAD[char])
            elif char.isalpha():
                cased = cased or char.lower() != char
            elif char.isalnum() or char.isdecimal():  # digits of other scripts, ², ½: the regex decides
                return _slow_tokens(text)
            else:  # spaces and every other character separate tokens
                data = data.replace(char.encode(), b" ")
    return Spaced(data, cased)


def _slow_tokens(text: str) -> Spaced:
    return Spaced(" ".join(_TOKEN.findall(_no_possessive(text))).encode("utf-8", "surrogatepass"), True)


def _digit_cuts(classes: bytes) -> list[int]:
    """Where a letter and a digit meet, in byte classes (`_CLASSES`)."""
    if classes.count(b"0") > 64:  # many digits: search the pairs
        return sorted(_find_all(classes, b"a0") + _find_all(classes, b"0a"))
    cuts = []
    last = len(classes) - 1
    at = classes.find(b"0")
    while at >= 0:
        if at > 0 and classes[at - 1] == 97:  # "a"
            cuts.append(at)
        if at < last and classes[at + 1] == 97:
            cuts.append(at + 1)
        at = classes.find(b"0", at + 1)
    return cuts


def _find_all(haystack: bytes, pair: bytes) -> list[int]:
    """Positions between the two bytes of each occurrence of `pair`."""
    out, start = [], haystack.find(pair)
    while start >= 0:
        out.append(start + 1)
        start = haystack.find(pair, start + 1)
    return out


# --- one article ------------------------------------------------------------------


class _Parsed(NamedTuple):
    vocabulary: list[str]  # distinct body tokens in lower case, in order of first occurrence
    index: dict[str, int]  # each one's position in `vocabulary`
    ids: np.ndarray  # each body token as a position in `vocabulary`
    starts: np.ndarray  # where each body token starts in `body.data`
    ends: np.ndarray  # ... and where it ends (its last byte)
    as_lower: np.ndarray  # whether it is written in lower case there


@dataclass(frozen=True, eq=False)
class ArticleText:
    """An article's tokens in lower case and as written; counts and indexes are computed on first use.

    `body` holds the body's tokens (image caption first, title excluded) in their original
    case, separated by spaces; `title` the title's tokens as written.
    """

    body: Spaced
    title: tuple[str, ...]

    @cached_property
    def _parsed(self) -> _Parsed:
        data = self.body.data
        raw = np.frombuffer(data, np.uint8)
        space = raw == 32
        starts = (~space & np.concatenate(([True], space[:-1]))).nonzero()[0]
        ends = (~space & np.concatenate((space[1:], [True]))).nonzero()[0]
        if self.body.cased:  # a non-ASCII capital: lower-case as text
            text = data.decode("utf-8", "surrogatepass")
            tokens = text.lower().split()
            as_lower = np.fromiter(map(str.__eq__, text.split(), tokens), bool, len(tokens))
        else:  # lower-casing the ASCII letters is enough: a token is in lower case if it has no A-Z
            tokens = data.lower().decode("utf-8", "surrogatepass").split()
            as_lower = ~np.logical_or.reduceat((raw >= 65) & (raw <= 90), starts) if starts.size else np.zeros(0, bool)
        vocabulary = list(dict.fromkeys(tokens))
        index = dict(zip(vocabulary, range(len(vocabulary))))
        ids = np.fromiter(map(index.__getitem__, tokens), np.int64, len(tokens))
        return _Parsed(vocabulary, index, ids, starts, ends, as_lower)

    @property
    def vocabulary(self) -> list[str]:
        """The distinct body tokens in lower case."""
        return self._parsed.vocabulary

    @property
    def ids(self) -> np.ndarray:
        """The body tokens as positions in `vocabulary`."""
        return self._parsed.ids

    @property
    def in_lower_case(self) -> np.ndarray:
        """For each body position: is the token written in lower case there?"""
        return self._parsed.as_lower

    @cached_property
    def tokens(self) -> list[str]:
        """Body tokens in lower case."""
        return list(map(self.vocabulary.__getitem__, self.ids.tolist()))

    @cached_property
    def counts(self) -> dict[str, int]:
        """How often each vocabulary word occurs in the body."""
        return dict(zip(self.vocabulary, self.frequency.tolist()))

    @cached_property
    def original(self) -> list[str]:
        """Body tokens as written (same positions as `tokens`)."""
        return self.body.data.decode("utf-8", "surrogatepass").split()

    @cached_property
    def title_tokens(self) -> list[str]:
        return [t.lower() for t in self.title]

    @property
    def index(self) -> dict[str, int]:
        return self._parsed.index

    @cached_property
    def frequency(self) -> np.ndarray:
        """How often each vocabulary word occurs in the body, by position in `vocabulary`."""
        return np.bincount(self.ids, minlength=len(self.vocabulary))

    @cached_property
    def title_counts(self) -> Counter:
        return Counter(self.title_tokens)

    @cached_property
    def lower_case(self) -> np.ndarray:
        """For each vocabulary word: does the article write it in lower case (body or title)?"""
        written = np.bincount(self.ids[self.in_lower_case], minlength=len(self.vocabulary)) > 0
        for word in self.title:
            if word in self.index and word.lower() == word:
                written[self.index[word]] = True
        return written

    @cached_property
    def padded_lower(self) -> str:
        """The body tokens in lower case, joined and padded by spaces, to count a phrase."""
        return " " + " ".join(self.tokens) + " "

    def form_at(self, position: int, n: int) -> str:
        """The n tokens from `position` as written, joined by single spaces."""
        parsed = self._parsed
        form = self.body.data[parsed.starts[position]:parsed.ends[position + n - 1] + 1].decode("utf-8", "surrogatepass")
        return " ".join(form.split()) if "  " in form else form

    def ngrams(self, n: int, *, title: bool = False) -> Counter:
        """How often each n-gram occurs (words for n=1, tuples of words above)."""
        tokens = self.title_tokens if title else self.tokens
        if n == 1:
            return self.title_counts if title else Counter(self.counts)
        return Counter(zip(*(tokens[i:] for i in range(n))))


def article_text(article: Article) -> ArticleText:
    body = plain_text(article.blocks)
    if article.image and article.image.caption:
        body = article.image.caption + "\n\n" + body
    return ArticleText(fast_tokens(body), tuple(_TOKEN.findall(_no_possessive(article.title))))


def distinct(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct numbers in `codes`, sorted, and how often each occurs (np.unique without its overhead)."""
    ordered = np.sort(codes)
    if not ordered.size:
        return ordered, np.zeros(0, np.int64)
    firsts = np.concatenate(([True], ordered[1:] != ordered[:-1])).nonzero()[0]
    return ordered[firsts], np.concatenate((firsts[1:], [ordered.size])) - firsts


def singular(word: str) -> str:
    """A light, predictable plural stripper: drones -> drone, policies -> policy, taxes -> tax."""
    if len(word) <= 3 or word in _NOT_PLURAL or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(_ES_ENDINGS):
        return word[:-2]
    return word[:-1]


def plural(word: str) -> str:
    if word in _NOT_PLURAL:
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(_ES_ENDINGS):
        return word + "es"
    return word + "s"


def variants(word: str) -> set[str]:
    """The surface forms one evidence word matches: itself, its singular and its plural."""
    base = singular(word)
    return {word, base, plural(base)}
