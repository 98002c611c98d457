"""Quotations attributed to the person who said them.

`..., Rutte declared: "..."`, `"...," Merz said`, and `he said: "..."` after a sentence
naming the person. A quotation needs a speech verb in its sentence and at least
`MIN_WORDS` words: scare quotes ("a “Russian attack”") are not quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import lexicon as lx

MIN_WORDS = 6
MAX_CHARS = 400

_QUOTE = re.compile(r"“([^”]{10,600})”|\"([^\"]{10,600})\"|«\s?([^»]{10,600}?)\s?»|„([^“”]{10,600})[“”]")
_WORD = r"[^\W_]+(?:['’][^\W_]+)?"
_ENOUGH_WORDS = re.compile(r"(?:[\W_]*(?>" + _WORD + r")){%d}" % MIN_WORDS)  # atomic: words are not split


def _any_word(words) -> re.Pattern:
    """One of `words` as a whole word, in any case."""
    alternatives = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(r"(?<![^\W_])(?:" + alternatives + r")(?![^\W_]|['’][^\W_])", re.IGNORECASE)


_SPEECH = _any_word(lx.SPEECH_VERBS)
_PRONOUN = _any_word(lx.PERSON_PRONOUNS)


# A quotation that a person may have said: (paragraph, quote start, quote end, sentence start,
# sentence end, the sentence has "he"/"she", the quotation as shown). Offsets are characters.
Spot = tuple[int, int, int, int, int, bool, str]


def quote_spots(paragraphs: list[str]) -> list[Spot]:
    """Quotations with a speech verb in their sentence, in text order; who said them is
    decided once the people of the article are known (`attribute`)."""
    out: list[Spot] = []
    for index, text in enumerate(paragraphs):
        if not ('"' in text or "“" in text or "«" in text or "„" in text):
            continue
        for m in _QUOTE.finditer(text):
            quote = m.group(m.lastindex).strip()
            if not _ENOUGH_WORDS.match(quote):
                continue
            q_start, q_end = m.span()
            begin, end = _sentence_around(text, q_start, q_end)
            if not (_SPEECH.search(text, begin, q_start) or _SPEECH.search(text, q_end, end)):
                continue
            pronoun = bool(_PRONOUN.search(text, begin, q_start) or _PRONOUN.search(text, q_end, end))
            out.append((index, q_start, q_end, begin, end, pronoun, _trim(quote)))
    return out


def attribute(spots, people: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(person name, quotation) pairs, in text order. `people`: (paragraph, offset, name) of
    every person mentioned, sorted."""
    out: list[tuple[str, str]] = []
    for index, q_start, q_end, begin, end, pronoun, quote in spots:
        lo = bisect_left(people, (index, begin))
        hi = bisect_left(people, (index, end))
        here = [p for p in people[lo:hi] if not q_start <= p[1] < q_end]
        if here:
            before = [p for p in here if p[1] < q_start]
            out.append(((before[-1] if before else here[0])[2], quote))
        elif pronoun:
            k = bisect_left(people, (index, q_start))
            if k:
                out.append((people[k - 1][2], quote))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    begin = left + 2 if left >= 0 else 0
    right = len(text)
    for mark in (". ", "? ", "! "):
        k = text.find(mark, end)
        if k >= 0:
            right = min(right, k + 1)
    return begin, right


def _trim(quote: str) -> str:
    quote = " ".join(quote.split()).rstrip(",")
    if len(quote) > MAX_CHARS:
        quote = quote[: MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return quote
