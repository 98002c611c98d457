"""Pass three, over the whole corpus: one entity per thing, and no word alone posing as a name.

Pass two (resolve.py) settles each article's names. What a reader sees across articles is
decided here, from the whole corpus at once:
- evidence for a bare surname: "Jobs" takes Steve Jobs' full name from another article only
  when that article is in the same language and the two share a distinctive co-mentioned
  name; otherwise it stays the bare word, which the next rules judge;
- junk: a title or role alone ("President", "Presidente del Consiglio"), a demonym or party
  word as a person ("Republican"), a first name alone ("John"), a one-word name that the
  corpus, in the article's language, mostly writes in lower case ("House", "Sul"), a wire
  ticker ("<AHLN>");
- types: a one-word name that is the surname of a person the corpus knows is that person,
  never a place ("Livingstone" in an article about Ken Livingstone's London);
- spellings: "U.S.", "USA" and "America" are the United States (variants.py), "DONALD TRUMP"
  and "Donald Trump" or "al-Qaeda" and "al Qaeda" one entity under its most used, well-cased
  spelling; the others stay as aliases ("Also written").

Pure and deterministic: every choice is ordered by counts, then by name.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ...model import EntityMention, EntityType
from . import lexicon as lx
from .gazetteer import Gazetteer
from .records import EntityAnalysis
from .resolve import enough_evidence
from .variants import canonical_variant, variant_key, variant_type

PERSON, PLACE = EntityType.PERSON, EntityType.PLACE
LOWER_SHARE = 0.5  # a one-word name more articles write in lower case than as a name is a word
LOWER_MIN_USES = 3  # ... once this many articles have used it
_ROLE_WORDS = lx.TITLES | lx.FOREIGN_TITLES
_FILLER = lx.ROLE_MODIFIERS | lx.CONNECTORS | lx.ROLE_DROP | lx.DEMONYMS | lx._words("del dei degli delle della di")

Mentions = tuple[EntityMention, ...]


def unify(found: Sequence[Mentions | None], analyses: Sequence[EntityAnalysis | None], languages: Sequence[str],
          gaz: Gazetteer, protected: frozenset[str] = frozenset()) -> list[Mentions | None]:
    """The corpus's entities, article by article (None stays None). Names in `protected`
    (the owner's aliases and forced types) are left as the owner made them."""
    corpus = _CorpusFacts(found, analyses, languages, gaz.first_names)
    cleaned: list[list[EntityMention] | None] = []
    for i, mentions in enumerate(found):
        if mentions is None:
            cleaned.append(None)
            continue
        analysis, language = analyses[i], languages[i]
        kept = []
        by_surname = _full_names_by_surname(mentions)
        for mention in mentions:
            if mention.name not in protected:
                mention = corpus.check_surname(mention, analysis, language, mentions, by_surname, gaz)
                if _junk(mention, analysis, language, corpus, gaz):
                    continue
                mention = _untitled(mention)
                table = canonical_variant(mention.name)
                if table and mention.type is not variant_type(table):
                    mention = replace(mention, type=variant_type(table))
            kept.append(mention)
        cleaned.append(kept)
    names = _spellings(cleaned, protected)
    names.update(_defined_acronyms(cleaned, analyses, names, protected))
    return [None if kept is None else _merge(kept, names) if any(m.name in names for m in kept) or _repeats(kept)
            else tuple(kept) for kept in cleaned]


def _repeats(mentions: list[EntityMention]) -> bool:
    """Two mentions became one entity ("Obama" taken for Barack Obama, named in full too)."""
    return len({(m.type, m.name) for m in mentions}) < len(mentions)


class _CorpusFacts:
    """What the corpus as a whole says about names: case, frequency, people named in full."""

    def __init__(self, found: Sequence[Mentions | None], analyses: Sequence[EntityAnalysis | None],
                 languages: Sequence[str], first_names: frozenset[str]) -> None:
        # (language, word) -> [articles writing it in lower case, articles capitalizing it inside a sentence]
        self.case: dict[tuple[str, str], list[int]] = {}
        self.df: Counter[str] = Counter()  # name -> articles
        self.people: dict[tuple[str, str], set[str]] = defaultdict(set)  # (language, surname) -> full names written
        self.found = found
        self.named_in: dict[str, list[int]] = defaultdict(list)  # full name -> articles naming the person in full
        self.articles = sum(1 for m in found if m is not None)
        single: dict[str, set[str]] = {}  # language -> one-word names, folded
        for mentions, language in zip(found, languages):
            if mentions:
                words = single.get(language)
                if words is None:
                    words = single[language] = set()
                words.update(m.name.casefold() for m in mentions if " " not in m.name)
        nothing: set[str] = set()
        for analysis, language in zip(analyses, languages):
            if analysis is None:
                continue
            for word, inside in analysis.cases:
                if inside:
                    self.case.setdefault((language, word), [0, 0])[1] += 1
            for word in analysis.lower_words & single.get(language, nothing):  # (a set operation: few words are names)
                self.case.setdefault((language, word), [0, 0])[0] += 1
        for i, (mentions, analysis, language) in enumerate(zip(found, analyses, languages)):
            if mentions is None or analysis is None:
                continue
            self.df.update(m.name for m in mentions)
            written = None
            for mention in mentions:
                if mention.type is not PERSON or " " not in mention.name:
                    continue
                parts = mention.name.split()
                written = _written_surnames(analysis) if written is None else written
                if parts[-1].casefold() in written and parts[0].casefold() in first_names:
                    self.people[(language, parts[-1].casefold())].add(mention.name)
                    self.named_in[mention.name].append(i)

    def lower_share(self, word: str, language: str) -> float:
        lower, inside = self.case.get((language, word.casefold()), (0, 0))
        return lower / (lower + inside) if lower + inside >= LOWER_MIN_USES else 0.0

    def writes_inside(self, word: str, analysis: EntityAnalysis) -> bool:
        folded = word.casefold()
        return any(w == folded and inside for w, inside in analysis.cases)

    def check_surname(self, mention: EntityMention, analysis: EntityAnalysis | None, language: str,
                      mentions: Mentions, by_surname: dict[str, list[str]], gaz: Gazetteer) -> EntityMention:
        """A one-word name the gazetteer does not know, typed as a place or an organization,
        that is the surname of a person the corpus names in full (in the article's language),
        is that person: by full name when the evidence says which one, else by surname."""
        if analysis is None or " " in mention.name:
            return mention
        folded = mention.name.casefold()
        here = by_surname.get(folded, ())
        if len(here) == 1 and (mention.type is PERSON or not gaz.is_country(mention.name)):
            # "Tymoshenko" in an article about Yulia Tymoshenko, "Cosby" under a headline on Bill Cosby
            return replace(mention, name=here[0], type=PERSON, aliases=(mention.name,))
        if mention.type is PERSON or gaz.lookup(mention.name):
            return mention
        people = self.people.get((language, folded))
        if not people:
            return mention
        full = sorted(people)[0]
        if len(people) == 1 and self._evidence(full, language, mention.name, mentions):
            return replace(mention, name=full, type=PERSON, aliases=(mention.name,))
        return replace(mention, type=PERSON)

    def _evidence(self, full: str, language: str, surname: str, mentions: Mentions) -> bool:
        """The one person of that surname in the article's language, and names the article
        shares with the articles that name that person in full (see `enough_evidence`)."""
        people = self.people.get((language, surname.casefold()))
        if not people or people != {full}:
            return False
        named_in = self.named_in.get(full, ())
        company = {m.name for i in named_in for m in self.found[i] or ()}
        shared = [m.name for m in mentions if m.name != full and m.name in company]
        return enough_evidence(shared, self.df, self.articles, len(named_in))


def _written_surnames(analysis: EntityAnalysis) -> set[str]:
    """Last words of the names of several words that the article itself writes."""
    return {row[0].split()[-1].casefold() for row in analysis.names if " " in row[0]}


def _junk(mention: EntityMention, analysis: EntityAnalysis | None, language: str, corpus: _CorpusFacts,
          gaz: Gazetteer) -> bool:
    name = mention.name
    words, role = _words_of(name)
    if role:
        return True  # "President", "Prime Minister", "Presidente del Consiglio"
    if analysis is not None and name in analysis.tickers:
        return True
    if len(words) != 1:
        # "Esteri di Tbilisi", "Paris Opera di Parigi": a phrase ending "of <place>" is no person.
        if mention.type is PERSON and len(words) > 2:
            for i, word in enumerate(name.split()[1:-1], start=1):
                if word.islower() and word.casefold() in lx.CONNECTORS and word not in lx.PERSON_PARTICLES:
                    tail = gaz.lookup(" ".join(name.split()[i + 1:]))
                    if tail and tail[0] is PLACE:
                        return True
        return False
    word = words[0]
    if word in lx.DEMONYMS or mention.type is not EntityType.ORGANIZATION and word in lx.PARTY_WORDS:
        return True
    if name.isupper():
        return word in lx.WIRE_ABBREVIATIONS
    if mention.type is PERSON and word in gaz.first_names:
        return True  # "John": a first name alone says nobody in particular
    if analysis is not None and corpus.lower_share(name, language) > LOWER_SHARE:
        # A word, unless the gazetteer knows the place and the article writes it capitalized
        # inside a sentence ("Nice" the city, in English news that says "nice" too).
        known = gaz.lookup(name)
        return not (known and known[0] is PLACE and corpus.writes_inside(name, analysis))
    return False


@functools.lru_cache(maxsize=1 << 16)
def _words_of(name: str) -> tuple[tuple[str, ...], bool]:
    """A name's words, folded, and whether they are a title or role alone (names repeat)."""
    words = tuple(w.strip(".").casefold() for w in name.split())
    return words, any(w in _ROLE_WORDS for w in words) and all(w in _ROLE_WORDS or w in _FILLER for w in words)


def _full_names_by_surname(mentions: Mentions) -> dict[str, list[str]]:
    """The article's people named in full, by folded surname (in name order)."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        if m.type is PERSON and " " in m.name:
            found.setdefault(m.name.rsplit(" ", 1)[-1].casefold(), set()).add(m.name)
    return {k: sorted(v) for k, v in found.items()}


def _untitled(mention: EntityMention) -> EntityMention:
    """"Constable Patricia Gallan" is Patricia Gallan, a constable."""
    if mention.type is not PERSON or mention.name.count(" ") < 2:
        return mention
    words = mention.name.split()
    if words[0].strip(".").casefold() not in _ROLE_WORDS:
        return mention
    return replace(mention, name=" ".join(words[1:]), roles=tuple(dict.fromkeys((*mention.roles, words[0]))),
                   aliases=tuple(sorted({*mention.aliases, mention.name})))


def _spellings(articles: Sequence[list[EntityMention] | None], protected: frozenset[str]) -> dict[str, str]:
    """Each name -> the name its entity is shown under: the table's name for a known variant,
    else the spelling most articles use, preferring one not all in capitals."""
    groups: dict[tuple[EntityType, str], Counter[str]] = defaultdict(Counter)
    keys: dict[tuple[EntityType, str], tuple[EntityType, str]] = {}  # (names repeat across articles)
    for mentions in articles:
        for mention in mentions or ():
            key = keys.get((mention.type, mention.name))
            if key is None:
                key = keys[(mention.type, mention.name)] = (mention.type, _spelling_key(mention))
            groups[key][mention.name] += 1
    names: dict[str, str] = {}
    for (_, key), spellings in groups.items():
        table = canonical_variant(next(iter(spellings)))
        owner = sorted(s for s in spellings if s in protected)
        if owner:
            best = owner[0]
        elif table:
            best = table
        else:
            best = min(spellings, key=lambda s: (_shouting(s), -spellings[s], s))
        for spelling in spellings:
            if spelling != best:
                names[spelling] = best
    return names


def _spelling_key(mention: EntityMention) -> str:
    name = _without_legal_form(mention.name) if mention.type is EntityType.ORGANIZATION else mention.name
    if name.startswith("The ") and len(name) > 4:
        name = name[4:]  # "The Pirate Bay" and "Pirate Bay", "The Netherlands" and "Netherlands"
    return variant_key(name)


def _defined_acronyms(articles: Sequence[list[EntityMention] | None], analyses: Sequence[EntityAnalysis | None],
                      names: dict[str, str], protected: frozenset[str]) -> dict[str, str]:
    """"Food and Drug Administration (FDA)": the acronym and the name an article defines it by are
    one entity everywhere, shown under the name (or under the full name the gazetteer gave the
    acronym: "Fondo Monetario Internacional (FMI)" goes to the International Monetary Fund). An
    acronym of two letters, or one the corpus defines by two different names, is left alone."""
    targets: dict[str, set[str]] = defaultdict(set)  # acronym as shown -> names as shown
    for mentions, analysis in zip(articles, analyses):
        if not mentions or analysis is None or not analysis.acronyms:
            continue
        types = {names.get(m.name, m.name): m.type for m in mentions}
        for acronym, name in analysis.acronyms:
            acronym, name = names.get(acronym, acronym), names.get(name, name)
            if acronym != name and types.get(acronym) is not None and types.get(acronym) is types.get(name):
                targets[acronym].add(name)
    out: dict[str, str] = {}
    for acronym, defined in sorted(targets.items()):
        if len(defined) != 1 or len(acronym.replace(".", "")) < 3 or acronym in protected:
            continue
        (name,) = defined
        if name in protected:
            continue
        if acronym.replace(".", "").isupper():
            out[acronym] = name  # "FDA" is shown as the Food and Drug Administration
        else:
            out[name] = acronym  # the gazetteer's full name for the acronym wins
    # Spellings that were shown under a renamed one follow it.
    for spelling, shown in list(names.items()):
        if shown in out:
            out[spelling] = out[shown]
    return {k: v for k, v in out.items() if k != v}


def _without_legal_form(name: str) -> str:
    """"Microsoft Corp." and "Microsoft", "Alphabet Inc." and "Alphabet" are one company;
    "FC Bayern München" and "Bayern München", "Liverpool FC" and "Liverpool" one club."""
    head, _, last = name.rpartition(" ")
    if head and last.replace(".", "").casefold() in _LEGAL_OR_CLUB:
        return head.rstrip(",")
    first, _, rest = name.partition(" ")
    return rest if rest and first.replace(".", "").casefold() in lx.CLUB_AFFIXES else name


_LEGAL_OR_CLUB = lx.ORG_ABBREVIATIONS | lx.CLUB_AFFIXES


def _shouting(name: str) -> bool:
    """Capitals that are not an acronym: "DONALD TRUMP", not "NATO" nor "U.N."."""
    return name.isupper() and (" " in name or len(name.replace(".", "")) > 5)


def _merge(mentions: list[EntityMention], names: dict[str, str]) -> Mentions:
    """The article's mentions under their shown names, one per entity (mentions come sorted
    from resolve.py; only renamed ones need merging and sorting again)."""
    merged: dict[tuple[EntityType, str], EntityMention] = {}
    for mention in mentions:
        name = names.get(mention.name, mention.name)
        aliases = mention.aliases if name == mention.name else (*mention.aliases, mention.name)
        key = (mention.type, name)
        known = merged.get(key)
        if known is None:
            aliases = tuple(sorted(set(a for a in aliases if a != name)))
            merged[key] = mention if name == mention.name and aliases == mention.aliases \
                else replace(mention, name=name, aliases=aliases)  # (replace is slow: most are unchanged)
            continue
        merged[key] = replace(
            known, count=known.count + mention.count,
            roles=tuple(dict.fromkeys(known.roles + mention.roles)),
            aliases=tuple(sorted(set(known.aliases + aliases) - {name})),
            quotes=tuple(dict.fromkeys(known.quotes + mention.quotes)))
    order = {t: i for i, t in enumerate(EntityType)}
    return tuple(sorted(merged.values(), key=lambda m: (order[m.type], -m.count, m.name.casefold(), m.name)))
