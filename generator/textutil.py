"""Small text helpers shared by enrichers: words, sentences, whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "mt", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.g", "i.e", "approx", "dept", "est", "fig", "rev", "hon", "pres", "messrs", "a.m", "p.m",
}
_ONE_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[^\W_a-z])")


def squash(text: str) -> str:
    # Most text comes squashed already: then it has no white space but single ASCII spaces
    # inside it, the one white-space character str.isprintable accepts (tests/text/test_textutil.py
    # checks that over every code point), and is returned as it is, without a split and a join.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    # str.split() splits on exactly the characters re's \s matches (str.isspace), faster.
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def has_words(text: str, n: int) -> bool:
    """len(words(text)) >= n, reading no further than the n-th word."""
    return n <= 0 or next(islice(_WORD.finditer(text), n - 1, None), None) is not None


# An article's whole text is split into words by more than one stage (its word count, its
# duplicate print): the last few splits are kept, so each text is split once.
_TEXT_WORDS: dict[str, list[str]] = {}
_TEXT_WORDS_KEPT = 4
# Characters that may stand before or after a word in a piece of text between spaces ("(said,"):
# none is a letter or digit, so a piece that is letters and digits once they are set aside is one word.
_EDGES = ".,;:!?\"'()[]{}“”‘’«»…—–-/*"


def text_words(text: str) -> list[str]:
    """words(text), for a whole article's text (remembered for the next stage that asks)."""
    return list(_text_words(text))


def _text_words(text: str) -> list[str]:
    found = _TEXT_WORDS.get(text)
    if found is None:
        # As _WORD.findall(text), faster: no word spans white space, and a piece between spaces
        # that is all letters and digits (once punctuation around it is set aside) is one word.
        found = []
        append, extend, findall = found.append, found.extend, _WORD.findall
        for piece in text.split():
            if piece.isalnum():
                append(piece)
            elif (core := piece.strip(_EDGES)).isalnum():
                append(core)
            else:
                extend(findall(piece))
        if len(_TEXT_WORDS) >= _TEXT_WORDS_KEPT:
            _TEXT_WORDS.clear()
        _TEXT_WORDS[text] = found
    return found


# Characters whose case folding changes what counts as a word character (str.isalnum, or one of
# _ ' ’ -) in the result; every other character folds to characters of its own kind. Computed over
# every code point (tests/text/test_textutil.py checks it against this Python's Unicode tables).
FOLD_CHANGES_WORDS = (
    "\u0130\u01f0\u0345\u0390\u03b0\u1e96\u1e97\u1e98\u1e99\u1f50\u1f52\u1f54\u1f56\u1fb6\u1fb7"
    "\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2\u1fe3\u1fe4\u1fe6\u1fe7\u1ff6\u1ff7"
)
_FOLD_CHANGES_WORDS = re.compile("[" + FOLD_CHANGES_WORDS + "]")


def folded_words(text: str) -> list[str]:
    """words(text.casefold()), from the words of `text` (see text_words) when folding cannot
    move a word's edges: case folding works character by character."""
    if not folding_keeps_words(text):
        return words(text.casefold())
    return list(map(str.casefold, _text_words(text)))


def folding_keeps_words(text: str) -> bool:
    """Whether words(text.casefold()) is [w.casefold() for w in words(text)]: no character of
    `text` is one whose folding changes what counts as a word character."""
    return text.isascii() or not _FOLD_CHANGES_WORDS.search(text)  # all of them are outside ASCII


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations like 'Mr.' and 'U.S.' intact."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[str]:
    """The sentences of `text` as `sentences` splits them, one at a time (a reader that stops
    early splits no further)."""
    text = squash(text)
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip("\"”’»)]")
        if before.endswith("."):
            last = before.rsplit(" ", 1)[-1].rstrip(".!?…").lower()
            if last in _ABBREVIATIONS or _ONE_LETTER.fullmatch(last):
                continue  # "Gen. Alexus", "J. Smith"
        yield text[start : m.start()].strip()
        start = m.end()
    tail = text[start:].strip()
    if tail:
        yield tail
