"""Words as search sees them: folded, split, and without function words.

The browser does the same to a query (theme/assets/javascripts/digest-search.js,
`fold` and `words`): the two must agree character for character, so both follow the
same three steps, and tests/search/test_text.py pins examples.

1. Fold: Unicode compatibility decomposition (NFKD: "ﬁ" -> "fi", "²" -> "2"), lower case,
   every combining mark removed ("é" -> "e", "ё" -> "е"), and a few letters that have no
   decomposition spelled as readers type them ("ß" -> "ss", "ł" -> "l", "ø" -> "o").
2. Split into words: runs of letters and digits of any script. Scripts written without
   spaces (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) become overlapping pairs of
   characters ("東京都" -> "東京", "京都"), the usual way to index them without a dictionary.
3. Drop stop words of the text's language (generator/stopwords.py).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from functools import lru_cache

from ..stopwords import stop_lists

MAX_WORD = 40  # longer "words" are identifiers, hashes or garbage: not indexed

# Letters with no decomposition, as readers type them. theme/assets/javascripts/digest-search.js has the same table.
EXTRA_FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ς": "σ"}

# Scripts written without spaces between words (after folding, so kana are full width).
NO_SPACE = ("\u0e00-\u0eff"  # Thai, Lao
            "\u1000-\u109f"  # Myanmar
            "\u1780-\u17ff"  # Khmer
            "\u3005\u3007\u3040-\u30ff\u31f0-\u31ff"  # Japanese kana and marks
            "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
            "\U00020000-\U0003134f")
_WORDS = re.compile(rf"[{NO_SPACE}]+|[^\W_{NO_SPACE}]+")
_NO_SPACE = re.compile(rf"[{NO_SPACE}]")
_ASCII_WORDS = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    """Every combining mark (category M*) removed, and EXTRA_FOLDS."""
    table: dict[int, str | None] = {
        cp: None for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)).startswith("M")}
    table.update({ord(k): v for k, v in EXTRA_FOLDS.items()})
    return table


def fold(text: str) -> str:
    """Text as search compares it: NFKD, lower case, no combining marks, EXTRA_FOLDS."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).lower().translate(_fold_table())


def words(text: str) -> list[str]:
    """The folded words of `text`, in order, stop words included."""
    folded = fold(text)
    if folded.isascii():
        return [w for w in _ASCII_WORDS.findall(folded) if len(w) <= MAX_WORD]
    out: list[str] = []
    for run in _WORDS.findall(folded):
        if _NO_SPACE.match(run):
            out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
        elif len(run) <= MAX_WORD:
            out.append(run)
    return out


FUZZY_MIN = 5  # words this long or longer are found with one typo (two from FUZZY_TWO letters)
FUZZY_TWO = 9


def spelling_key(term: str) -> str | None:
    """The spelling list a word is in, by its last two characters; None when search does not
    correct its typos (shorter than FUZZY_MIN, or a script written without spaces).

    A word's own term file (by its first two characters) holds the words a typo after the
    second letter could have meant; a typo in the first two letters leaves the last two of a
    word of five or more letters as they were, and these lists are found by them."""
    if len(term) < FUZZY_MIN or _NO_SPACE.match(term):
        return None
    return term[-2:]


def shard_key(term: str) -> str:
    """The index file a term lives in: its first two characters (one for scripts without spaces)."""
    return term[:1] if _NO_SPACE.match(term) else term[:2]


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """The folded stop words of a language (ISO 639-1; "pt-BR" is "pt"); empty when there is no list."""
    words_ = stop_lists().get((language or "").lower().split("-")[0], [])
    return frozenset(w for word in words_ for w in globals()["words"](word))


def term_counts(text: str, language: str) -> Counter[str]:
    """How often each indexed word (stop words of `language` left out) occurs in `text`.

    The same as counting `words(text)`, but fast on long texts: ASCII letters are lowered
    and everything else ASCII turned into spaces with one bytes.translate, the text split
    at spaces, and only the distinct pieces that contain other characters folded and split
    again by `words`.
    """
    counts: Counter[bytes] = Counter(text.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE).split())
    out: Counter[str] = Counter()
    for piece, n in counts.items():
        if piece.isascii():
            if len(piece) <= MAX_WORD:
                out[piece.decode("ascii")] += n
        else:
            for word in words(piece.decode("utf-8", "replace")):
                out[word] += n
    for word in stop_words(language) & out.keys():
        del out[word]
    return out


_ASCII_TABLE = bytes(
    c if c >= 128 or chr(c).isdigit() or chr(c).islower() else c + 32 if chr(c).isupper() else 32
    for c in range(256))
