"""Small text helpers shared by enrichers: words, sentences, whitespace."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "mt", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.g", "i.e", "approx", "dept", "est", "fig", "rev", "hon", "pres", "messrs", "a.m", "p.m",
}
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[^\W_a-z])")


def squash(text: str) -> str:
    # str.split() splits on exactly the characters re's \s matches (str.isspace), faster.
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations like 'Mr.' and 'U.S.' intact."""
    text = squash(text)
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip("\"”’»)]")
        last = before.rsplit(" ", 1)[-1].rstrip(".!?…").lower()
        if before.endswith(".") and (last in _ABBREVIATIONS or re.fullmatch(r"[^\W\d_]", last)):
            continue  # "Gen. Alexus", "J. Smith"
        out.append(text[start : m.start()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
