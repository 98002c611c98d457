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
_WORDS = re.compile(_WORD)
# A sentence ends at ". " or at '." ' before a capital ('..., Rutte said: "We will." Merz ...').
_SENTENCE_END = re.compile(r"[.?!] |[.?!][\"”’»] (?=[^\W\d_a-z])")
_ENOUGH_WORDS = re.compile(r"(?:[\W_]*(?>" + _WORD + r")){%d}" % MIN_WORDS)  # atomic: words are not split


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
        ends: list[int] | None = None  # where the paragraph's sentences end
        for m in _QUOTE.finditer(text):
            quote = m.group(m.lastindex).strip()
            if not _ENOUGH_WORDS.match(quote):
                continue
            q_start, q_end = m.span()
            if ends is None:
                ends = [e.end() - 1 for e in _SENTENCE_END.finditer(text)]
            k = bisect_left(ends, q_start + 1)
            begin = ends[k - 1] + 1 if k else 0  # after the ". " before the quotation
            k = bisect_left(ends, q_end)
            end = ends[k] if k < len(ends) else len(text)  # through the "." after it, or its own
            words = _WORDS.findall((text[begin:q_start] + " " + text[q_end:end]).casefold())
            if lx.SPEECH_VERBS.isdisjoint(words):
                continue
            pronoun = not lx.PERSON_PRONOUNS.isdisjoint(words)
            out.append((index, q_start, q_end, begin, end, pronoun, _trim(quote)))
    return out


def speakers(spots: list[Spot], mentions: list[tuple[int, int, int]]) -> list[tuple]:
    """Who may have said each quotation: `mentions` are (paragraph, offset, name index) of every
    name in text order. See `records.Quote`."""
    out = []
    for index, q_start, q_end, begin, end, pronoun, quote in spots:
        lo = bisect_left(mentions, (index, begin))
        hi = bisect_left(mentions, (index, end))
        here = [m for m in mentions[lo:hi] if not q_start <= m[1] < q_end]
        before = _unique(m[2] for m in reversed(here) if m[1] < q_start)
        after = _unique(m[2] for m in here if m[1] >= q_end)
        earlier = _unique(m[2] for m in reversed(mentions[: bisect_left(mentions, (index, q_start))])) \
            if pronoun else ()
        if before or after or earlier:
            out.append((before, after, earlier, quote))
    return out


def attribute(quotes, said_by: list[str | None]) -> list[tuple[str, str]]:
    """(person name, quotation) pairs, in text order; `said_by[i]` is the person that name `i`
    turned out to be, if any."""
    out: list[tuple[str, str]] = []
    for before, after, earlier, quote in quotes:
        for names in (before, after):
            speaker = next((said_by[i] for i in names if said_by[i] is not None), None)
            if speaker is not None:
                out.append((speaker, quote))
                break
        else:  # no person in the sentence: "he said" is the last person named before
            speaker = next((said_by[i] for i in earlier if said_by[i] is not None), None)
            if speaker is not None:
                out.append((speaker, quote))
    return out


def _unique(indices) -> tuple[int, ...]:
    return tuple(dict.fromkeys(indices))


def _trim(quote: str) -> str:
    """The quotation as shown (its paragraph's spaces are normalised already)."""
    quote = quote.rstrip(",")
    if len(quote) > MAX_CHARS:
        quote = quote[: MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return quote
