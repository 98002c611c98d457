"""Candidate names in a sentence: runs of capitalized words, cut into names and roles.

"NATO Secretary General Mark Rutte" gives the organization candidate "NATO", the person
candidate "Mark Rutte" (with the title cue) and the role "NATO Secretary General". What
each candidate is, is decided in `classify`; here we only cut and note the context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...model import EntityType
from . import lexicon as lx
from .gazetteer import Gazetteer
from .tokens import INITIAL, LOWER, NUMBER, OTHER, TITLE, UPPER, Sentence

_CAPS = (TITLE, UPPER, INITIAL)
_HONORIFICS = lx._words("mr mrs ms miss mister dr sir dame lord lady rev reverend prof")
_LOCATIVE = lx._words("in at near from to across outside inside into toward towards via")
_ROLE_GLUE = lx._words("of the for and")


@dataclass(slots=True)
class Candidate:
    tokens: tuple[str, ...]
    sentence: int  # index of the sentence in the article
    start: int  # token span in the sentence
    end: int
    weak: bool  # capitals say little: headline, line in capitals, or a sentence's first word
    headline: bool = False  # in a headline or a line in capitals
    cue: EntityType | None = None  # what the context says it is
    cue_strength: int = 0
    role: str | None = None
    paren_acronym: bool = False  # "(SACEUR)" right after a name
    type: EntityType | None = None  # decided by classify
    strength: int = 0
    canonical: str = ""
    extras: list[str] = field(default_factory=list)

    @property
    def surface(self) -> str:
        return _join(self.tokens)


def _join(tokens) -> str:
    return " ".join(tokens)


def find(sentence: Sentence, index: int, gaz: Gazetteer, language: str = "en") -> list[Candidate]:
    """Every candidate name in one sentence, in order."""
    fw = _function_words(gaz, language)
    words, shapes = sentence.words, sentence.shapes
    n = len(words)
    out: list[Candidate] = []
    i = 0
    while i < n:
        if shapes[i] not in _CAPS:
            i += 1
            continue
        j = i + 1
        while j < n:
            if shapes[j] in _CAPS:
                j += 1
            elif words[j] in lx.CONNECTORS and j > i:
                k = j  # "Ursula von der Leyen": connectors, then a capitalized word
                while k < n and words[k] in lx.CONNECTORS and k < j + 3:
                    k += 1
                if k < n and shapes[k] in _CAPS:
                    j = k
                else:
                    break
            elif words[j] == "of" and j + 2 < n and words[j + 1] == "the" and shapes[j + 2] in _CAPS:
                j += 2
            else:
                break
        # A known name may span lowercase words: "Organisation for Security and Cooperation in Europe".
        g = _gaz_prefix(words, i, min(n, i + 8), gaz)
        if g > j:
            cand = _candidate(sentence, index, i, g)
            _attach_context(sentence, cand)
            out.append(cand)
            i = g
            continue
        out.extend(_cut(sentence, index, i, j, gaz, fw))
        i = j
    return out


@lru_cache(maxsize=64)
def _function_words(gaz: Gazetteer, language: str) -> frozenset[str]:
    return gaz.function_words(language) | lx.SENTENCE_WORDS


def _cut(s: Sentence, index: int, i: int, j: int, gaz: Gazetteer, fw: frozenset[str]) -> list[Candidate]:
    """Cut one run of capitalized words [i, j) into candidates."""
    words = s.words
    # Calendar words never belong to a name and split what is around them.
    parts: list[tuple[int, int]] = []
    k = i
    for m in range(i, j + 1):
        if m == j or words[m].casefold() in lx.NOT_NAMES:
            if m > k:
                parts.append((k, m))
            k = m + 1
    out: list[Candidate] = []
    for a, b in parts:
        out.extend(_cut_part(s, index, a, b, gaz, fw))
    return out


def _gaz_prefix(words, a: int, b: int, gaz: Gazetteer) -> int:
    """End of the longest gazetteer name starting at `a` (or `a` when there is none)."""
    for end in range(min(b, a + gaz.longest), a, -1):
        if gaz.lookup(_join(words[a:end])):
            return end
    return a


def _cut_part(s: Sentence, index: int, a: int, b: int, gaz: Gazetteer, fw: frozenset[str]) -> list[Candidate]:
    words, shapes = s.words, s.shapes
    # Connectors at the edges are not part of a name.
    while a < b and shapes[a] not in _CAPS:
        a += 1
    while b > a and shapes[b - 1] not in _CAPS:
        b -= 1
    if a >= b:
        return []
    if s.weak:
        return _cut_weak(s, index, a, b, gaz, fw)
    # Leading function words ("The", "In", "Since") unless a known name starts there ("The Hague").
    while a < b and (a == s.first or s.weak or words[a] == "The") and _is_function_word(words[a], fw) \
            and _gaz_prefix(words, a, b, gaz) == a:
        a += 1
    if a >= b:
        return []
    whole = _join(words[a:b])
    if gaz.lookup(whole):
        return [_candidate(s, index, a, b)]
    # "A of B": one name when A ends with a head word ("Bank of England"), else two names.
    for m in range(a + 1, b - 1):
        if words[m] == "of":
            head = words[m - 1].casefold()
            if not (head in lx.ORG_HEADS or head in lx.PLACE_HEADS or words[a].casefold() in lx.PLACE_STARTS
                    or head in lx.TITLES or head in lx.ROLE_MODIFIERS):
                after = m + 2 if m + 1 < b and words[m + 1] == "the" else m + 1
                return _cut_part(s, index, a, m, gaz, fw) + _cut_part(s, index, after, b, gaz, fw)
    last = words[b - 1].casefold()
    # A title word inside: what follows it is a person, what precedes it is the role.
    if last not in lx.ORG_HEADS:
        for r in range(b - 2, a - 1, -1):
            if _folded(words[r]) in lx.TITLES and shapes[r] != UPPER:
                p = r + 1  # "Secretary of State John Kornblum": the role goes on to "State"
                while p < b - 1 and (shapes[p] not in _CAPS or words[p].casefold() in lx.ROLE_MODIFIERS):
                    p += 1
                role_cands = _role_prefix(s, index, a, p, gaz, fw)
                person = _candidate(s, index, p, b)
                if words[r + 1] in lx.CONNECTORS and b - p == 1:
                    # "Queen of South", "Duke of Norfolk": a title of a place, not a person.
                    return role_cands + _cut_part(s, index, p, b, gaz, fw)
                person.cue, person.cue_strength = EntityType.PERSON, 3
                if _folded(words[r]) not in _HONORIFICS:
                    person.role = _role_text(words[a:p])
                _attach_context(s, person)
                return role_cands + [person]
    # Leading demonyms are adjectives, unless the name is an organization ("German Army").
    if last not in lx.ORG_HEADS:
        while a < b and _is_demonym(words[a]):
            a += 1
    if a >= b:
        return []
    if words[a].casefold() in lx.EVENT_STARTS or (b - a >= 2 and any(
            w.casefold() in lx.EVENT_HEADS for w in words[max(a + 1, b - 2) : b])):
        return []  # "Operation Eastern Sentry", "Second World War", "World War II"
    cand = _candidate(s, index, a, b)
    _attach_context(s, cand)
    return [cand]


def _role_prefix(s: Sentence, index: int, a: int, b: int, gaz: Gazetteer, fw: frozenset[str]) -> list[Candidate]:
    """Names inside a role ("NATO" in "NATO Secretary General"): the words before the title words."""
    words = s.words
    end = a
    while end < b and not (_folded(words[end]) in lx.TITLES or words[end].casefold() in lx.ROLE_MODIFIERS):
        end += 1
    if end == a:
        return []
    return _cut_part(s, index, a, end, gaz, fw)


def _folded(word: str) -> str:
    return word.casefold().rstrip(".")


def _cut_weak(s: Sentence, index: int, a: int, b: int, gaz: Gazetteer, fw: frozenset[str]) -> list[Candidate]:
    """A headline or a line in capitals: known names first, then runs of words that are no words."""
    words, shapes = s.words, s.shapes
    out: list[Candidate] = []
    run = -1
    k = a
    while k <= b:
        end = _gaz_prefix(words, k, b, gaz) if k < b else k
        plain = k < b and end == k and shapes[k] in _CAPS and not (
            _is_function_word(words[k], fw) or gaz.is_word(words[k]) or _is_demonym(words[k])
            or words[k].casefold() in lx.NOT_NAMES)
        if not plain and run >= 0:
            cand = _candidate(s, index, run, k)
            _attach_context(s, cand)
            out.append(cand)
            run = -1
        if end > k:
            cand = _candidate(s, index, k, end)
            _attach_context(s, cand)
            out.append(cand)
            k = end
            continue
        if plain and run < 0:
            run = k
        k += 1
    return out


def _role_text(tokens) -> str:
    tokens = list(tokens)
    while tokens and tokens[0].casefold() in lx.ROLE_DROP:
        tokens.pop(0)
    return _join(tokens)


def _candidate(s: Sentence, index: int, a: int, b: int) -> Candidate:
    weak = s.weak or (a == s.first and b - a == 1)
    return Candidate(tokens=tuple(s.words[a:b]), sentence=index, start=a, end=b, weak=weak, headline=s.weak)


def _is_function_word(word: str, fw: frozenset[str]) -> bool:
    return word.casefold() in fw



def _is_demonym(word: str) -> bool:
    return all(part.casefold() in lx.DEMONYMS for part in word.split("-"))


def _attach_context(s: Sentence, cand: Candidate) -> None:
    """Cues from the words around a candidate: a lowercase title before, '(SACEUR)', '-based'..."""
    words, shapes = s.words, s.shapes
    a, b = cand.start, cand.end
    # "government spokesman Stefan Kornelius", "Foreign Ministry spokesperson Maria Zakharova"
    if a >= 1 and shapes[a - 1] == LOWER and _folded(words[a - 1]) in lx.TITLES:
        cand.cue, cand.cue_strength = EntityType.PERSON, 3
        k = a - 1
        while k - 1 >= 0 and k > a - 6 and (
                shapes[k - 1] in (TITLE, UPPER) or words[k - 1].casefold() in lx.ROLE_MODIFIERS
                or words[k - 1].casefold() in lx.TITLES):
            k -= 1
        if _folded(words[a - 1]) not in _HONORIFICS:
            cand.role = _role_text(words[k:a])
    if a >= 1 and words[a - 1] == "(" and b < len(words) and words[b] == ")":
        if b - a == 1 and shapes[a] == UPPER:
            cand.paren_acronym = True
    if b + 1 < len(words) and words[b] == "-" and words[b + 1].casefold() == "based":
        cand.cue, cand.cue_strength = cand.cue or EntityType.PLACE, max(cand.cue_strength, 1)
    if cand.cue is None and a >= 1 and words[a - 1].casefold() in _LOCATIVE and b - a == 1:
        cand.cue, cand.cue_strength = EntityType.PLACE, 1
    if cand.cue is None and b < len(words) and words[b].casefold() in lx.ORG_VERBS:
        cand.cue, cand.cue_strength = EntityType.ORGANIZATION, 1
    # "Friedrich Merz (CDU)": a party or country in brackets after a full name.
    if cand.cue is None and b - a >= 2 and b + 2 < len(words) and words[b] == "(" and words[b + 2] == ")" \
            and shapes[b + 1] == UPPER:
        cand.cue, cand.cue_strength = EntityType.PERSON, 1
    # Apposition: "Thomas Röwekamp, chair of the Bundestag defense committee,"
    if b + 1 < len(words) and words[b] == ",":
        k = b + 1
        if k < len(words) and words[k] in ("the", "a", "an"):
            k += 1
        head = k
        while k < len(words) and shapes[k] in (LOWER, TITLE, UPPER) and k < b + 10:
            k += 1
        if head < len(words) and words[head].casefold() in lx.APPOSITION_HEADS and shapes[head] == LOWER \
                and (k >= len(words) or words[k] in (",", ".", ";", ")")):
            cand.extras.append(_role_text(words[b + 1 : k]))
            if cand.cue is None:
                cand.cue, cand.cue_strength = EntityType.PERSON, 1
