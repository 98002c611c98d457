"""Quotations attributed to the person who said them.

`..., Rutte declared: "..."`, `"...," Merz said`, and `he said: "..."` after a sentence
naming the person. A quotation needs a speech verb in its sentence and at least
`MIN_WORDS` words: scare quotes ("a “Russian attack”") are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx

MIN_WORDS = 6
MAX_CHARS = 400

_QUOTE = re.compile(r"“([^”]{10,600})”|\"([^\"]{10,600})\"|«\s?([^»]{10,600}?)\s?»|„([^“”]{10,600})[“”]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class PersonAt:
    """A resolved person mention: where it is in a paragraph and whom it names."""

    paragraph: int
    start: int  # character offsets in the paragraph
    end: int
    name: str


def find_quotes(paragraphs: list[str], people: list[PersonAt]) -> list[tuple[str, str]]:
    """(person name, quotation) pairs, in text order."""
    by_paragraph: dict[int, list[PersonAt]] = {}
    for p in people:
        by_paragraph.setdefault(p.paragraph, []).append(p)
    out: list[tuple[str, str]] = []
    for index, text in enumerate(paragraphs):
        for m in _QUOTE.finditer(text):
            quote = next(g for g in m.groups() if g is not None).strip()
            if len(_WORD.findall(quote)) < MIN_WORDS:
                continue
            begin, end = _sentence_around(text, m.start(), m.end())
            outside = text[begin : m.start()] + " " + text[m.end() : end]
            words = [w.casefold() for w in _WORD.findall(outside)]
            if not any(w in lx.SPEECH_VERBS for w in words):
                continue
            speaker = _speaker(index, begin, end, m.start(), m.end(), by_paragraph, people, words)
            if speaker:
                out.append((speaker, _trim(quote)))
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


def _speaker(index, begin, end, q_start, q_end, by_paragraph, people, words) -> str | None:
    here = [p for p in by_paragraph.get(index, ()) if begin <= p.start < end and not q_start <= p.start < q_end]
    if here:
        before = [p for p in here if p.start < q_start]
        return (before[-1] if before else here[0]).name
    if any(w in lx.PERSON_PRONOUNS for w in words):
        earlier = [p for p in people if (p.paragraph, p.start) < (index, q_start)]
        if earlier:
            return earlier[-1].name
    return None


def _trim(quote: str) -> str:
    quote = " ".join(quote.split()).rstrip(",")
    if len(quote) > MAX_CHARS:
        quote = quote[: MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return quote
