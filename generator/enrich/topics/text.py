"""An article's words, counted once and shared by topic scoring, tags and related articles.

Tokens are runs of letters (possessive 's dropped); hyphens and apostrophes split
words, so "no-fly zone" is three tokens. Punctuation marks and numbers are tokens of
their own, so no phrase is ever matched across a full stop or a figure (`is_word`
tells them apart). Everything runs in C: one regex pass, `str` methods, and
`collections.Counter` over `zip` for the n-grams. This stage must keep up with
hundreds of articles a second.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...model import Article
from ..markdown_text import plain_text

_TOKEN = re.compile(r"[^\W\d_]+|[.,;:!?()\[\]\"“”«»…—–/|]|\d+")

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


@dataclass(frozen=True)
class ArticleText:
    """Lower-case tokens (punctuation and numbers included) and their counts."""

    tokens: tuple[str, ...]  # body, title excluded
    title_tokens: tuple[str, ...]
    surface_words: frozenset[str]  # every token as written (original case), for display forms of tags
    lowercase_words: frozenset[str]  # words the article writes in lower case somewhere
    joined: str = ""  # the body tokens joined by spaces, as written
    joined_lower: str = ""  # the same, lower case (same length: offsets match)
    _counts: dict = field(default_factory=dict, compare=False, repr=False)

    def ngrams(self, n: int, *, title: bool = False) -> Counter:
        """How often each n-gram occurs (words for n=1, tuples of words above); computed once."""
        key = (n, title)
        if key not in self._counts:
            tokens = self.title_tokens if title else self.tokens
            self._counts[key] = Counter(tokens) if n == 1 else Counter(zip(*(tokens[i:] for i in range(n))))
        return self._counts[key]


def _no_possessive(text: str) -> str:
    return text.replace("’s", "").replace("'s", "").replace("’S", "").replace("'S", "")


def is_word(token: str) -> bool:
    return token[:1].isalpha()


def tokenize(text: str) -> list[str]:
    """Lower-case tokens of `text`: words, and punctuation marks and numbers as tokens of their own."""
    return _TOKEN.findall(_no_possessive(text).lower())


def article_text(article: Article) -> ArticleText:
    body = plain_text(article.blocks)
    if article.image and article.image.caption:
        body = article.image.caption + "\n\n" + body
    original = _TOKEN.findall(_no_possessive(body))
    # Tokens hold no spaces, so lower-casing the joined tokens keeps them aligned.
    joined = " ".join(original)
    joined_lower = joined.lower()
    tokens = joined_lower.split(" ") if original else []
    title = _TOKEN.findall(_no_possessive(article.title))
    surface = set(original).union(title)
    return ArticleText(
        tokens=tuple(tokens),
        title_tokens=tuple(t.lower() for t in title),
        surface_words=frozenset(surface),
        lowercase_words=frozenset(surface.intersection(tokens)),
        joined=joined if len(joined) == len(joined_lower) else joined_lower,
        joined_lower=joined_lower,
    )


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
