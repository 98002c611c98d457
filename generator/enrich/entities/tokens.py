"""Article text as sentences of tokens, each with its shape (lowercase, Capitalized, CAPS...).

One regex pass per paragraph; everything after works on the token lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import NAME_PARTICLES

# Token shapes.
OTHER, LOWER, TITLE, UPPER, INITIAL, NUMBER = range(6)

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., U.N.
    r"|(?:St|Mt|Ft|Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Gov|Rep|Prof|Rev|Messrs|Brig|Cdr)\.(?=\s+[^\W\d_])"
    r"|[^\W\d_a-z]\.(?=\s+[^\W\d_])"  # an initial: "Alexus G. Grynkewich"
    r"|\d+(?:[.,:/-]\d+)*"  # numbers, scores, times
    r"|[^\W_](?:[\w&]|['’-](?=[^\W_]))*"  # words, with inner apostrophes and hyphens
    r"|\S"  # punctuation
)
_POSSESSIVE = ("'s", "’s")
_PARTICLES = NAME_PARTICLES
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st mt jr sr no vs etc inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec dept est fig rev hon pres messrs cdr brig ft
""".split())
_SENTENCE_END = frozenset(".!?…")
_OPENERS = frozenset("\"“‘«([—–-'")


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]  # every token, punctuation included
    shapes: tuple[int, ...]
    starts: tuple[int, ...]  # offsets in `text`
    text: str  # the paragraph the sentence is in
    zone: str  # "title", "caption" or "body"
    weak: bool  # capitalization says little here (a headline, a line in capitals)
    first: int  # index of the first word (capitalized because it starts the sentence)


def shape(token: str) -> int:
    first = token[0]
    if first.isdigit():
        return NUMBER
    if not first.isalpha():
        return OTHER
    if first.islower():
        if "-" in token and token.split("-", 1)[0] in _PARTICLES and token.split("-", 1)[1][:1].isupper():
            return TITLE  # "al-Abidine", "al-Aqsa"
        return LOWER
    if len(token) == 2 and token[1] == ".":
        return INITIAL
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return UPPER
    return TITLE


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words: list[str] = []
    starts: list[int] = []
    for m in _TOKEN.finditer(text):
        token, start = m.group(), m.start()
        if len(token) > 3 and token.endswith(_POSSESSIVE):
            words += [token[:-2], token[-2:]]
            starts += [start, start + len(token) - 2]
            continue
        if len(token) >= 4 and token[1] == "." and token[-1] == "." and not token.isupper():
            token = token.upper()  # "U.s." from a re-cased headline is "U.S."
        if "-" in token and token[0].isalpha():
            parts = token.split("-")
            capital = [p[:1].isupper() or p.casefold() in _PARTICLES for p in parts]
            if any(capital) and not all(capital):
                # "NATO-led", "pro-Russian", "Berlin-based": the capitalized part stands alone.
                offset = start
                for part, cap in zip(parts, capital):
                    if part:
                        words.append(part if cap else part)
                        starts.append(offset)
                    offset += len(part)
                    words.append("-")
                    starts.append(offset)
                    offset += 1
                words.pop()
                starts.pop()
                continue
        words.append(token)
        starts.append(start)
    return words, starts


def sentences(text: str, zone: str, weak: bool = False) -> list[Sentence]:
    """Split one paragraph (or title, or caption) into sentences of tokens."""
    words, starts = _tokens(text)
    shapes = [shape(w) for w in words]
    out: list[Sentence] = []
    begin = 0
    n = len(words)
    for i, word in enumerate(words):
        if word not in _SENTENCE_END or i + 1 >= n:
            continue
        nxt = i + 1
        while nxt < n and words[nxt] in _OPENERS or nxt < n and words[nxt] in "”’\")]":
            nxt += 1
        if nxt >= n or shapes[nxt] in (LOWER, OTHER):
            continue
        if word == "." and i > begin and (words[i - 1].casefold() in _ABBREVIATIONS or shapes[i - 1] == INITIAL):
            continue
        end = nxt if words[i + 1] in "”’\")]" else i + 1
        out.append(_sentence(words, shapes, starts, begin, end, text, zone, weak))
        begin = end
    if begin < n:
        out.append(_sentence(words, shapes, starts, begin, n, text, zone, weak))
    return out


def _sentence(words, shapes, starts, begin, end, text, zone, weak) -> Sentence:
    w, s, o = tuple(words[begin:end]), tuple(shapes[begin:end]), tuple(starts[begin:end])
    first = next((k for k, sh in enumerate(s) if sh != OTHER), len(s))
    letters = [sh for sh in s if sh in (LOWER, TITLE, UPPER)]
    if len(letters) >= 3 and sum(1 for sh in letters if sh == UPPER) >= 0.6 * len(letters):
        weak = True  # a line in capitals: "SOCCER - ENGLISH LEAGUE RESULTS"
    return Sentence(w, s, o, text, zone, weak, first)


def is_headline_case(text: str) -> bool:
    """Most words capitalized: a headline, where capitals say little about names."""
    shapes = [shape(w) for w in _tokens(text)[0]]
    letters = [sh for sh in shapes if sh in (LOWER, TITLE, UPPER)]
    if len(letters) < 3:
        return True
    caps = sum(1 for sh in letters if sh != LOWER)
    return caps >= 0.6 * len(letters)
