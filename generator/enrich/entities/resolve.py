"""Pass two: one name per entity, within each article and across the corpus.

Within an article, "Merz" after "Friedrich Merz" is Friedrich Merz, and "Alexus G.
Grynkewich" and "Alexus Grynkewich" are one person. Across the corpus, a name typed with
confidence somewhere keeps that type everywhere, and a surname used alone resolves to the
full name when the corpus knows exactly one person by it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model import EntityMention, EntityType
from .analyse import Analysis
from .candidates import Candidate
from . import lexicon as lx
from .gazetteer import Gazetteer
from .quotes import PersonAt, find_quotes
from .rules import EntityRules

PERSON = EntityType.PERSON
_TYPE_ORDER = {t: i for i, t in enumerate(EntityType)}
MIN_STRENGTH = 1  # what is reported: guesses (1) only when nothing contradicts them


def person_key(name: str) -> tuple[str, ...]:
    """'Alexus G. Grynkewich' and 'Alexus Grynkewich' share a key."""
    parts = name.split()
    middle = [p for p in parts[1:-1] if not (len(p) == 2 and p.endswith("."))]
    return tuple(p.casefold() for p in parts[:1] + middle + parts[1:][-1:])


@dataclass
class Corpus:
    """What the whole corpus knows: confident types of names, full names of people."""

    votes: dict[str, dict[EntityType, int]] = field(default_factory=dict)
    surnames: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    forms: dict[tuple[str, ...], Counter] = field(default_factory=lambda: defaultdict(Counter))

    def learn(self, analysis: Analysis) -> None:
        for cand in analysis.candidates:
            if cand.type is None:
                continue
            if cand.strength >= 2:
                votes = self.votes.setdefault(cand.canonical, {})
                votes[cand.type] = votes.get(cand.type, 0) + cand.strength
            if cand.type is PERSON and cand.strength >= 2 and len(cand.canonical.split()) >= 2:
                key = person_key(cand.canonical)
                if len(key) >= 2:
                    self.surnames[key[-1]].add(key)
                    self.forms[key][cand.canonical] += 1

    def confident_type(self, name: str) -> EntityType | None:
        votes = self.votes.get(name)
        if not votes:
            return None
        (best, n), *rest = sorted(votes.items(), key=lambda kv: (-kv[1], _TYPE_ORDER[kv[0]]))
        return best if not rest or n >= 2 * rest[0][1] else None

    def full_name(self, key: tuple[str, ...]) -> str | None:
        """The most used written form of a person's name (ties: the shorter, then A-Z)."""
        forms = self.forms.get(key)
        if not forms:
            return None
        return min(forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]


def resolve_article(analysis: Analysis, corpus: Corpus, gaz: Gazetteer, rules: EntityRules) -> tuple[EntityMention, ...]:
    cands = [c for c in analysis.candidates]
    # 1. People named in full in this article, by surname.
    full: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for c in cands:
        if c.type is PERSON and c.strength >= 1 and len(c.tokens) >= 2:
            key = person_key(c.canonical)
            if len(key) >= 2:
                full[key[-1]].add(key)
    # 2. Names of this article typed with confidence somewhere in it.
    local: dict[str, dict[EntityType, int]] = {}
    for c in cands:
        if c.type is not None and c.strength >= 2:
            votes = local.setdefault(c.canonical, {})
            votes[c.type] = votes.get(c.type, 0) + c.strength

    for c in cands:
        if c.strength >= 4:
            continue
        key = person_key(c.canonical)
        if len(key) == 1 and not (c.strength >= 3 and c.type is not PERSON and _is_country_like(c, gaz)):
            people = full.get(key[0])
            if people and len(people) == 1:
                c.type, c.strength = PERSON, max(c.strength, 2)
                c.canonical = _display(next(iter(people)), corpus, c)
                continue
        if c.strength >= 2:
            continue
        votes = local.get(c.canonical)
        if votes:
            c.type, c.strength = _best(votes), 2
            continue
        known = corpus.confident_type(c.canonical)
        if known is not None:
            c.type, c.strength = known, 2
            continue
        if len(key) == 1 and (c.type in (None, PERSON)):
            people = corpus.surnames.get(key[0])
            if people and len(people) == 1 and not c.headline and (
                    not c.weak or not gaz.is_word(c.tokens[0]) or _speaks(analysis, c)):
                c.type, c.strength = PERSON, 2
                c.canonical = _display(next(iter(people)), corpus, c)

    # 3. One written form per person across the corpus.
    for c in cands:
        if c.type is PERSON and len(c.canonical.split()) >= 2:
            c.canonical = corpus.full_name(person_key(c.canonical)) or c.canonical
            c.canonical = rules.canonical(c.canonical)

    kept = [c for c in cands if c.type is not None and c.strength >= MIN_STRENGTH and _plausible(c)]
    kept = [c for c in kept if not rules.ignored(c.canonical)]
    return _mentions(kept, analysis)


def _best(votes: dict[EntityType, int]) -> EntityType:
    return min(votes.items(), key=lambda kv: (-kv[1], _TYPE_ORDER[kv[0]]))[0]


def _separate(votes: dict[EntityType, int]) -> bool:
    """Two types each used with confidence: a city and its team, not a doubtful guess."""
    return sum(1 for n in votes.values() if n >= 2) > 1 and PERSON not in votes


def _speaks(analysis: Analysis, c: Candidate) -> bool:
    """'Tusk said ...': a speech verb right after the name."""
    words = analysis.sentences[c.sentence].words
    return c.end < len(words) and words[c.end].casefold() in lx.SPEECH_VERBS


def _display(key: tuple[str, ...], corpus: Corpus, cand: Candidate) -> str:
    return corpus.full_name(key) or " ".join(t for t in cand.tokens)


def _is_country_like(cand: Candidate, gaz: Gazetteer) -> bool:
    return cand.type is EntityType.PLACE


def _plausible(c: Candidate) -> bool:
    name = c.canonical
    letters = sum(ch.isalpha() for ch in name)
    return letters >= 2 and not (c.type is PERSON and c.weak and c.strength < 2)


def _mentions(kept: list[Candidate], analysis: Analysis) -> tuple[EntityMention, ...]:
    # One entity per name, unless the article uses one name for two ("New York" the city and the team).
    types_of: dict[str, dict[EntityType, int]] = {}
    for c in kept:
        votes = types_of.setdefault(c.canonical, {})
        votes[c.type] = votes.get(c.type, 0) + c.strength
    by_name: dict[tuple[str, EntityType], list[Candidate]] = defaultdict(list)
    for c in kept:
        votes = types_of[c.canonical]
        type_ = c.type if c.strength >= 2 and len(votes) > 1 and _separate(votes) else _best(votes)
        by_name[(c.canonical, type_)].append(c)
    people: list[PersonAt] = []
    for c in kept:
        if c.type is PERSON:
            s = analysis.sentences[c.sentence]
            start = s.starts[c.start]
            end = s.starts[c.end - 1] + len(s.words[c.end - 1])
            people.append(PersonAt(analysis.paragraph_of[c.sentence], start, end, c.canonical))
    people.sort(key=lambda p: (p.paragraph, p.start))
    quotes: dict[str, list[str]] = defaultdict(list)
    for name, quote in find_quotes(analysis.paragraphs, people):
        if quote not in quotes[name]:
            quotes[name].append(quote)

    out: list[EntityMention] = []
    for (name, type_), group in by_name.items():
        roles: dict[str, int] = {}
        for c in group:
            if c.type is PERSON:
                for r in (c.role, *c.extras):
                    if r:
                        roles[r] = roles.get(r, 0) + 1
        aliases = sorted({c.surface for c in group if c.surface != name})
        out.append(EntityMention(
            name=name,
            type=type_,
            count=len(group),
            roles=tuple(r for r, _ in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))) if type_ is PERSON else (),
            aliases=tuple(aliases),
            quotes=tuple(quotes.get(name, ())) if type_ is PERSON else (),
        ))
    out.sort(key=lambda m: (_TYPE_ORDER[m.type], -m.count, m.name.casefold(), m.name))
    return tuple(out)


def learn_all(analyses: Iterable[Analysis]) -> Corpus:
    corpus = Corpus()
    for analysis in analyses:
        corpus.learn(analysis)
    return corpus
