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
from collections.abc import Collection, Sequence
from dataclasses import replace

from ...model import EntityMention, EntityType
from . import lexicon as lx
from .gazetteer import Gazetteer
from ..memo import tally
from .records import EntityAnalysis
from . import resolve
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
    cleaned = [None if mentions is None else _clean(mentions, analyses[i], languages[i], corpus, gaz, protected)
               for i, mentions in enumerate(found)]
    pairs = [None if kept is None else [(_TYPE_INDEX[m.type], m.name) for m in kept] for kept in cleaned]
    names = _spellings(pairs, protected)
    names.update(_defined_acronyms(pairs, analyses, names, protected))
    return [None if kept is None else _merge(kept, names) if any(m.name in names for m in kept) or _repeats(kept)
            else tuple(kept) for kept in cleaned]


def _clean(mentions: Mentions, analysis: EntityAnalysis | None, language: str, corpus: _CorpusFacts, gaz: Gazetteer,
           protected: frozenset[str]) -> list[EntityMention]:
    """One article's mentions with the corpus's evidence for surnames, without junk, before spellings."""
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
    return kept


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

    def people_of(self, language: str, surname: str) -> Collection[str] | None:
        """The full names of people of that (folded) surname the corpus writes in `language`."""
        return self.people.get((language, surname))

    def company(self, full: str) -> Collection[str]:
        """The names in the articles that name the person `full` in full."""
        return {m.name for i in self.named_in.get(full, ()) for m in self.found[i] or ()}

    def times_named(self, full: str) -> int:
        return len(self.named_in.get(full, ()))

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
        people = self.people_of(language, folded)
        if not people:
            return mention
        full = sorted(people)[0]
        if len(people) == 1 and self._evidence(full, language, mention.name, mentions):
            return replace(mention, name=full, type=PERSON, aliases=(mention.name,))
        return replace(mention, type=PERSON)

    def _evidence(self, full: str, language: str, surname: str, mentions: Mentions) -> bool:
        """The one person of that surname in the article's language, and names the article
        shares with the articles that name that person in full (see `enough_evidence`)."""
        people = self.people_of(language, surname.casefold())
        if not people or len(people) != 1 or full not in people:
            return False
        company = self.company(full)
        shared = [m.name for m in mentions if m.name != full and m.name in company]
        return enough_evidence(shared, self.df, self.articles, self.times_named(full))


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


def _spellings(articles: Sequence[Sequence[tuple[int, str]] | None], protected: frozenset[str]) -> dict[str, str]:
    """Each name -> the name its entity is shown under: the table's name for a known variant,
    else the spelling most articles use, preferring one not all in capitals. `articles`: each
    article's mentions as (type as an index in TYPES, name)."""
    return _shown_names(_spelling_groups(articles), protected)


def _spelling_groups(articles: Sequence[Sequence[tuple[int, str]] | None]) -> dict[tuple[int, str], dict[str, int]]:
    """(type, spelling-blind key) -> spelling -> mentions, in the order first met."""
    groups: dict[tuple[int, str], dict[str, int]] = {}
    keys: dict[tuple[int, str], tuple[int, str]] = {}  # (names repeat across articles)
    for pairs in articles:
        for pair in pairs or ():
            key = keys.get(pair)
            if key is None:
                key = keys[pair] = (pair[0], _spelling_key(*pair))
            spellings = groups.get(key)
            if spellings is None:
                groups[key] = {pair[1]: 1}
            else:
                spellings[pair[1]] = spellings.get(pair[1], 0) + 1
    return groups


def _shown_names(groups: dict[tuple[int, str], dict[str, int]], protected: frozenset[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for spellings in groups.values():
        best = _best_spelling(spellings, canonical_variant(next(iter(spellings))), protected)
        for spelling in spellings:
            if spelling != best:
                names[spelling] = best
    return names


def _best_spelling(spellings: dict[str, int], table: str | None, protected: frozenset[str]) -> str:
    owner = sorted(s for s in spellings if s in protected)
    if owner:
        return owner[0]
    if table:
        return table
    return min(spellings, key=lambda s: (_shouting(s), -spellings[s], s))


def _spelling_key(type_: int, name: str) -> str:
    if type_ == _ORGANIZATION:
        name = _without_legal_form(name)
    if name.startswith("The ") and len(name) > 4:
        name = name[4:]  # "The Pirate Bay" and "Pirate Bay", "The Netherlands" and "Netherlands"
    return variant_key(name)


_TYPE_INDEX = {type_: i for i, type_ in enumerate(EntityType)}
_ORGANIZATION = _TYPE_INDEX[EntityType.ORGANIZATION]


def _defined_acronyms(articles: Sequence[Sequence[tuple[int, str]] | None], analyses: Sequence[EntityAnalysis | None],
                      names: dict[str, str], protected: frozenset[str]) -> dict[str, str]:
    """"Food and Drug Administration (FDA)": the acronym and the name an article defines it by are
    one entity everywhere, shown under the name (or under the full name the gazetteer gave the
    acronym: "Fondo Monetario Internacional (FMI)" goes to the International Monetary Fund). An
    acronym of two letters, or one the corpus defines by two different names, is left alone."""
    targets: dict[str, set[str]] = defaultdict(set)  # acronym as shown -> names as shown
    for pairs, analysis in zip(articles, analyses):
        if not pairs or analysis is None or not analysis.acronyms:
            continue
        types = {names.get(name, name): type_ for type_, name in pairs}
        for acronym, name in analysis.acronyms:
            acronym, name = names.get(acronym, acronym), names.get(name, name)
            if acronym != name and types.get(acronym) is not None and types.get(acronym) == types.get(name):
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


# --- the pass resumed from the last build's --------------------------------------------

STATE = "entity unify"  # the corpus memo's state for this pass: (key, entries by source, sums)

# The mentions the last run in this process made from each article's records it kept as they were,
# by the records' identity: id -> (records, quotations, mentions). Under `mkdocs serve` the corpus
# state stays in memory, and an article a change did not touch keeps the very record tuples the
# last build had; its mentions (10,000 articles' at 10,000, ~0.1 s) are that build's. Records and
# quotations are tuples: the same objects, the same values. Each run keeps only its own.
_last_mentions: dict[int, tuple[tuple, tuple, tuple[EntityMention, ...]]] = {}

# An article's entry: [sha, language, people it names in full (see `_Sums`), words whose case it
# counts as (word, written in lower case, capitalized inside a sentence), its mentions as
# cleaned (as (type, name) pairs; None: as shown), words it reads besides its own names
# (lower case, see `Resumed`), its entities as shown (records as resolve.entity_records'; None:
# as pass two found them)].
SHA, LANGUAGE, FULLS, CASES, CLEANED, EXTRA, SHOWN = range(7)


class _Sums:
    """`_CorpusFacts` as sums over articles that an article can be added to or taken from."""

    def __init__(self, raw: tuple | None, first_names: frozenset[str]) -> None:
        # articles; name -> mentions; (language, surname) -> full name -> articles; full name ->
        # the articles naming the person in full; (language, word) -> articles with it as a
        # one-word name; (language, word) -> [articles writing it in lower case, capitalizing
        # it inside a sentence], for words of `single` only; each name -> the name it is shown
        # under; (type, spelling-blind key) -> spelling -> mentions (`_spelling_groups`); each
        # spelling -> the one shown for it (`_shown_names`); source -> the acronyms it defines.
        raw = raw or (0, {}, {}, {}, {}, {}, {}, {}, {}, {})
        (self.articles, self.df, self.people, self.named_in, self.single, self.case, self.shown, self.groups,
         self.spelled, self.acronyms) = raw
        self.first_names = first_names
        self.records: dict[str, tuple] = {}  # source -> pass two's records, for `company`
        self._company: dict[str, frozenset[str]] = {}

    def raw(self) -> tuple:
        return (self.articles, self.df, self.people, self.named_in, self.single, self.case, self.shown, self.groups,
                self.spelled, self.acronyms)

    def respell(self, changes: Sequence[tuple[Sequence[tuple[int, str]], int]],
                protected: frozenset[str]) -> dict[str, str] | None:
        """`_spellings` after taking back (-1) and adding (1) articles' mentions as (type, name)
        pairs, for the groups of spellings they touch. None where the answer could depend on the
        order of the articles (which `_spellings` reads in): a group whose spellings the table
        knows under different names, or a name spelled in groups of two types."""
        groups = self.groups
        touched: dict[tuple[int, str], tuple[str, ...]] = {}  # group -> its spellings before
        for pairs, sign in changes:
            for pair in pairs:
                key = (pair[0], _spelling_key(*pair))
                spellings = groups.get(key)
                if spellings is None:
                    spellings = groups[key] = {}
                if key not in touched:
                    touched[key] = tuple(spellings)
                tally(spellings, pair[1], sign)
        spelled = self.spelled
        for key, was in touched.items():
            spellings = groups[key]
            for spelling in {*was, *spellings}:
                for type_ in range(len(EntityType)):
                    other = groups.get((type_, _spelling_key(type_, spelling))) if type_ != key[0] else None
                    if other and spelling in other:
                        return None
                spelled.pop(spelling, None)
            if not spellings:
                del groups[key]
                continue
            tables = {canonical_variant(s) for s in spellings}
            if len(tables) > 1:
                return None
            best = _best_spelling(spellings, tables.pop(), protected)
            for spelling in spellings:
                if spelling != best:
                    spelled[spelling] = best
        return spelled

    people_of = _CorpusFacts.people_of
    lower_share = _CorpusFacts.lower_share
    writes_inside = _CorpusFacts.writes_inside
    check_surname = _CorpusFacts.check_surname
    _evidence = _CorpusFacts._evidence

    def company(self, full: str) -> frozenset[str]:
        company = self._company.get(full)
        if company is None:
            records = self.records
            company = self._company[full] = frozenset().union(
                *[records[source][2::6] for source in self.named_in.get(full, ())])
        return company

    def times_named(self, full: str) -> int:
        return len(self.named_in.get(full, ()))

    def fulls(self, records: tuple, analysis: EntityAnalysis) -> tuple[str, ...]:
        """The people the article names in full with a surname it writes and a known first name."""
        out, written = [], None
        for type_, name in zip(records[0::6], records[2::6]):
            if type_ != _PERSON or " " not in name:
                continue
            parts = name.split()
            written = _written_surnames(analysis) if written is None else written
            if parts[-1].casefold() in written and parts[0].casefold() in self.first_names:
                out.append(name)
        return tuple(out)

    def add(self, source: str, records: tuple, language: str, fulls: Sequence[str], sign: int,
            touched: tuple[set, set, set, set]) -> None:
        """Add (sign 1) or take back (-1) what the article's mentions tell (not its cases: `Resumed`)."""
        names_, people_, fulls_, words_ = touched
        self.articles += sign
        df = self.df
        names = records[2::6]
        for name in names:
            tally(df, name, sign)
        names_.update(names)
        for word in {name.casefold() for name in names if " " not in name}:
            key = (language, word)
            tally(self.single, key, sign)
            words_.add(key)
        for full in fulls:
            key = (language, full.split()[-1].casefold())
            people = self.people.setdefault(key, {})
            if not tally(people, full, sign) and not people:
                del self.people[key]
            named_in = self.named_in.setdefault(full, [])
            if sign > 0:
                named_in.append(source)
            else:
                named_in.remove(source)
                if not named_in:
                    del self.named_in[full]
            people_.add(key)
            fulls_.add(full)

    def facts(self, touched: tuple[set, set, set, set]) -> dict[tuple[str, object], object]:
        """What `check_surname` and `_junk` read about the touched names, people and words."""
        names, people, fulls, words = touched
        rare = resolve.rare_limit(self.articles)
        facts: dict[tuple[str, object], object] = {}
        for name in names:
            facts[("df", name)] = self.df.get(name, 0) <= rare
        for key in people:
            facts[("people", key)] = frozenset(self.people.get(key, ()))
        for full in fulls:
            facts[("named", full)] = self.times_named(full) >= 3
            facts[("company", full)] = self.company(full)
        for language, word in words:  # (None: no article has the word as a one-word name, none reads it)
            facts[("case", (language, word))] = (self.lower_share(word, language) > LOWER_SHARE
                                                 if (language, word) in self.single else None)
        return facts


_PERSON = _TYPE_INDEX[EntityType.PERSON]


class Resumed:
    """Pass three from the last build's (state 'entity unify'): the corpus's sums take what the
    new, changed and removed articles' mentions tell, and an article is cleaned again only when
    pass two found its names otherwise or a fact it reads changed (the people of a surname, the
    articles naming one in full and their names, whether a name is distinctive, a word's case),
    and merged again only when the name one of its entities is shown under changed. Which
    articles read a fact is told as in `resolve._Resumed`: by the words (lower case) it is
    about, among each article's names (`EntityAnalysis.folded`, the names the owner's aliases
    give them, and the names the corpus gave them, kept in its entry). The spellings shown are
    worked out again over every article's mentions (as kept), in the articles' order."""

    def __init__(self, found: Sequence[tuple | None], analyses: Sequence[EntityAnalysis | None],
                 languages: Sequence[str], keys: Sequence[tuple[str, str]], gaz: Gazetteer,
                 protected: frozenset[str], memo, last_found: dict, aliases: dict[str, str], warm: bool) -> None:
        self.found, self.analyses, self.languages, self.keys = found, resolve.Analysed.of(analyses), languages, keys
        self.gaz, self.protected, self.memo, self.last_found, self.warm = gaz, protected, memo, last_found, warm
        self.aliases = {name.casefold(): target.casefold() for name, target in aliases.items()}
        self.key = tuple(sorted(protected))

    def run(self) -> list[Mentions | None]:
        found, analyses, languages, keys = self.found, self.analyses, self.languages, self.keys
        state = self.memo.state(STATE)
        if not (self.warm and isinstance(state, tuple) and len(state) == 3 and state[0] == self.key):
            state = None
        entries: dict[str, list] = {} if state is None else state[1]
        sums = _Sums(None if state is None else state[2], self.gaz.first_names)
        last_found = _Records(self.last_found)
        # New articles (or changed files), articles whose mentions pass two found otherwise, removed ones.
        new: list[int] = []
        refound: list[int] = []
        present: set[str] = set()
        for i, ((source, sha), records) in enumerate(zip(keys, found)):
            if records is None:
                continue
            entry = entries.get(source)
            if entry is None or entry[SHA] != sha or entry[LANGUAGE] != languages[i]:
                new.append(i)
                continue
            present.add(source)
            last = self.last_found[source][1]
            if records is not last and records != last:
                refound.append(i)
        gone = [source for source in entries if source not in present] if len(present) < len(entries) else []
        # What they told before, and what they tell now.
        touched: tuple[set, set, set, set] = (set(), set(), set(), set())
        old = [(source, last_found[source], entries[source]) for source in gone]
        old += [(keys[i][0], last_found[keys[i][0]], entries[keys[i][0]]) for i in refound]
        for source, records, entry in old:
            touched[0].update(records[2::6])
            touched[3].update((entry[LANGUAGE], w) for w, _, _ in entry[CASES])
        now = [(i, sums.fulls(found[i], analyses[i])) for i in (*refound, *new)]
        for i in new:  # the words whose case a new article may count
            touched[3].update((languages[i], w) for w in analyses[i].lower_words)
            touched[3].update((languages[i], w) for w, n in analyses[i].cases if n)
        before: dict | None = None
        if state is not None:
            for source, records, entry in old:
                self._touch(sums, records, entry[LANGUAGE], entry[FULLS], touched)
            for i, fulls in now:
                self._touch(sums, found[i], languages[i], fulls, touched)
            sums.records = last_found
            before = sums.facts(touched)
        rare_before = resolve.rare_limit(sums.articles)
        gone_set = set(gone)
        new_set = set(new)
        removed_pairs = [self._pairs(entries[source], last_found[source]) for source in gone]
        for source, records, entry in old:
            if source in gone_set:
                for word, lower, inside in entry[CASES]:
                    counts = sums.case.get((entry[LANGUAGE], word))
                    if counts is not None:
                        counts[0] -= lower
                        counts[1] -= inside
                del entries[source]
            sums.add(source, records, entry[LANGUAGE], entry[FULLS], -1, touched)
        for i, fulls in now:
            source, sha = keys[i]
            entry = entries.get(source)
            if entry is None:  # a new article (what it counts of words' case follows)
                entry = entries[source] = [sha, languages[i], fulls, (), None, (), None]
            else:
                entry[FULLS] = fulls
            sums.add(source, found[i], languages[i], fulls, 1, touched)
        self._count_cases(sums, entries, new, touched)
        sums.records = _Overlay(last_found, {keys[i][0]: found[i] for i in (*refound, *new)})
        sums._company = {}
        again = self._read_again(sums, touched, before, rare_before) if before is not None else None
        # Clean again the articles whose mentions or facts changed.
        redo = set(new) | set(refound)
        if again:
            redo.update(i for i, (source, _) in enumerate(keys)
                        if found[i] is not None and i not in redo and again(analyses[i], entries[source][EXTRA]))
        elif state is None:
            redo = {i for i, records in enumerate(found) if records is not None}
        cleaned: dict[int, list[EntityMention]] = {}
        for i in sorted(redo):
            cleaned[i] = self._clean(i, sums)
        # The spellings shown: the groups of spellings that the changed articles' mentions touch
        # are counted again, unless the answer could depend on the articles' order: then over
        # every article's mentions in order.
        new_pairs = {i: [(_TYPE_INDEX[m.type], m.name) for m in kept] for i, kept in cleaned.items()}
        spelled = None
        if state is not None:
            changes = [(pairs, -1) for pairs in removed_pairs]
            changes += [(self._pairs(entries[keys[i][0]], last_found[keys[i][0]]), -1)
                        for i in sorted(redo) if i not in new_set]
            changes += [(new_pairs[i], 1) for i in sorted(redo)]
            spelled = sums.respell(changes, self.protected)
        if spelled is None:
            every = [None if records is None else new_pairs[i] if i in new_pairs else self._pairs(entries[source], records)
                     for i, ((source, _), records) in enumerate(zip(keys, found))]
            sums.groups = _spelling_groups(every)
            spelled = sums.spelled = _shown_names(sums.groups, self.protected)
        names = dict(spelled)
        # (the articles that define acronyms, in any order: `_defined_acronyms` reads them as sets)
        defining = sums.acronyms
        for source in gone:
            defining.pop(source, None)
        for i in new:
            if analyses[i].acronyms:
                defining[keys[i][0]] = analyses[i].acronyms
        with_pairs = sorted(defining)
        records_now = _Overlay(last_found, {keys[i][0]: found[i] for i in (*refound, *new)})
        index = {keys[i][0]: i for i in new_pairs}
        defined = [new_pairs[index[source]] if source in index else self._pairs(entries[source], records_now[source])
                   for source in with_pairs]
        definitions = [_Acronyms(defining[source]) for source in with_pairs]
        acronyms = _defined_acronyms(defined, definitions, names, self.protected)
        if acronyms and state is not None and any(shown in names for shown in names.values()):
            # (a name shown for some spellings and itself shown under another: the order counts)
            every = [None if records is None else new_pairs[i] if i in new_pairs else self._pairs(entries[source], records)
                     for i, ((source, _), records) in enumerate(zip(keys, found))]
            sums.groups = _spelling_groups(every)
            spelled = sums.spelled = _shown_names(sums.groups, self.protected)
            names = dict(spelled)
            acronyms = _defined_acronyms(defined, definitions, names, self.protected)
        names.update(acronyms)
        merge = set(redo)
        if state is not None:
            renamed = {name.casefold() for name in names.keys() ^ sums.shown.keys()}
            renamed.update(name.casefold() for name, shown in names.items() if sums.shown.get(name, shown) != shown)
            if renamed:
                merge.update(i for i, (source, _) in enumerate(keys) if found[i] is not None and i not in merge
                             and self._reads(renamed, (), analyses[i], entries[source][EXTRA]))
        sums.shown = names
        out: list[Mentions | None] = []
        global _last_mentions
        last_mentions, made = _last_mentions, {}
        for i, ((source, _), records) in enumerate(zip(keys, found)):
            if records is None:
                out.append(None)
                continue
            if i not in merge:  # (its quotations read only when a mention is said to have said one)
                shown = entries[source][SHOWN] or records
                quotes = analyses[i].quotes if any(shown[5::6]) else ()
                last = last_mentions.get(id(shown))
                if last is not None and last[0] is shown and last[1] is quotes:
                    mentions = last[2]
                else:
                    mentions = resolve.mentions_of(shown, quotes)
                made[id(shown)] = (shown, quotes, mentions)
                out.append(mentions)
                continue
            quotes = analyses[i].quotes
            kept = cleaned[i] if i in cleaned else self._clean(i, sums)
            final = _merge(kept, names) if any(m.name in names for m in kept) or _repeats(kept) else tuple(kept)
            out.append(final)
            shown = _records(final, quotes)
            entry = entries[source]
            entry[SHOWN] = None if shown == records else shown
            kept_pairs = tuple((_TYPE_INDEX[m.type], m.name) for m in kept)
            entry[CLEANED] = None if kept_pairs == tuple(zip(shown[0::6], shown[2::6])) else kept_pairs
            folded = analyses[i].folded
            entry[EXTRA] = tuple(sorted({n.casefold() for n in (*records[2::6], *(p[1] for p in kept_pairs),
                                                                 *shown[2::6])} - folded))
        self.memo.keep_state(STATE, (self.key, entries, sums.raw()))
        _last_mentions = made
        return out

    @staticmethod
    def _pairs(entry: list, records: tuple) -> Sequence[tuple[int, str]]:
        """The article's mentions as cleaned, as (type, name) pairs, from its entry."""
        kept = entry[CLEANED]
        if kept is None:
            shown = entry[SHOWN] or records
            kept = tuple(zip(shown[0::6], shown[2::6]))
        return kept

    def _clean(self, i: int, sums: _Sums) -> list[EntityMention]:
        mentions = resolve.mentions_of(self.found[i], self.analyses[i].quotes)
        return _clean(mentions, self.analyses[i], self.languages[i], sums, self.gaz, self.protected)

    @staticmethod
    def _touch(sums: _Sums, records: tuple, language: str, fulls: Sequence[str], touched) -> None:
        """Mark what adding or taking back the article would change (before it is done)."""
        names, people, fulls_, words = touched
        names.update(records[2::6])
        words.update((language, name.casefold()) for name in records[2::6] if " " not in name)
        for full in fulls:
            people.add((language, full.split()[-1].casefold()))
            fulls_.add(full)

    def _count_cases(self, sums: _Sums, entries: dict[str, list], new: list[int], touched) -> None:
        """Case counts for words that became one-word names (read from every article of that
        language), gone for words that no longer are, and the new articles' counts for the others."""
        words = touched[3]
        started: set[tuple[str, str]] = set()
        for key in words:
            if key in sums.single and key not in sums.case:
                started.add(key)
            elif key not in sums.single:
                sums.case.pop(key, None)
        for key in started:
            sums.case[key] = [0, 0]
        if len(started) > 8:  # (many: one pass over every article's words, as _CorpusFacts)
            for (source, _), analysis, language in zip(self.keys, self.analyses, self.languages):
                if analysis is None:
                    continue
                inside_words = {w for w, n in analysis.cases if n}
                found_here = [w for w in analysis.lower_words | inside_words if (language, w) in started]
                if found_here:
                    self._count(sums, entries[source], language, found_here, analysis.lower_words, inside_words)
        elif started:  # (a few: the articles that write each)
            for (source, _), analysis, language in zip(self.keys, self.analyses, self.languages):
                if analysis is None:
                    continue
                found_here = [w for l, w in started if l == language and (
                    w in analysis.lower_words or w in analysis.folded and any(x == w and n for x, n in analysis.cases))]
                if found_here:
                    inside_words = {w for w, n in analysis.cases if n}
                    self._count(sums, entries[source], language, found_here, analysis.lower_words, inside_words)
        for i in new:
            analysis, language = self.analyses[i], self.languages[i]
            entry = entries[self.keys[i][0]]
            counted = list(entry[CASES])
            inside_words = {w for w, n in analysis.cases if n}
            for word in sorted(analysis.lower_words | inside_words):
                key = (language, word)
                if key not in sums.single or key in started:
                    continue
                lower, inside = word in analysis.lower_words, word in inside_words
                counts = sums.case[key]
                counts[0] += lower
                counts[1] += inside
                counted.append((word, int(lower), int(inside)))
                words.add(key)
            entry[CASES] = tuple(counted)

    @staticmethod
    def _count(sums: _Sums, entry: list, language: str, words: Sequence[str], lower_words, inside_words) -> None:
        """Count the article's case of `words` (which just became one-word names), and keep it in its entry."""
        known = {w for w, _, _ in entry[CASES]}
        added = []
        for word in sorted(words):
            lower, inside = word in lower_words, word in inside_words
            counts = sums.case[(language, word)]
            counts[0] += lower
            counts[1] += inside
            if word not in known:
                added.append((word, int(lower), int(inside)))
        if added:
            entry[CASES] = (*entry[CASES], *added)

    def _read_again(self, sums: _Sums, touched, before: dict, rare_before: int):
        after = sums.facts(touched)
        words: set[str] = set()
        pairs: list[tuple[str, frozenset[str]]] = []
        for item, value in after.items():
            if before.get(item, value) == value and item in before:
                continue
            kind, what = item
            if kind == "df":
                words.add(what.casefold())
            elif kind == "people":
                words.add(what[1])
            elif kind == "named":
                words.add(what.split()[-1].casefold())
            elif kind == "company":
                pairs.append((what.split()[-1].casefold(),
                              frozenset(n.casefold() for n in before.get(item, frozenset()) ^ value)))
            elif value is not None and before.get(item) is not None:
                # (a word that became a one-word name, or no longer is one, is read only by the
                # articles whose mentions made it so or unmade it, which are cleaned again anyway)
                words.add(what[1])
        rare = resolve.rare_limit(sums.articles)
        if rare != rare_before:
            low, high = sorted((rare, rare_before))
            words.update(name.casefold() for name, df in sums.df.items() if low < df <= high)
        if not words and not pairs:
            return None
        surnames = frozenset(surname for surname, _ in pairs)
        return lambda analysis, extra: self._reads(words, pairs, analysis, extra, surnames)

    def _reads(self, words: set[str], pairs, analysis: EntityAnalysis, extra: tuple[str, ...],
               surnames: frozenset[str] = frozenset()) -> bool:
        """Does the article read a fact about one of `words`, or (`pairs`) about a surname and one of some names?"""
        folded = analysis.folded
        if extra or self.aliases:
            folded = folded.union(extra, (target for name, target in self.aliases.items() if name in folded))
        if not words.isdisjoint(folded):
            return True
        return bool(pairs) and not surnames.isdisjoint(folded) and any(
            surname in folded and not names.isdisjoint(folded) for surname, names in pairs)


class _Acronyms:
    """What `_defined_acronyms` reads of an analysis."""

    __slots__ = ("acronyms",)

    def __init__(self, acronyms: tuple[tuple[str, str], ...]) -> None:
        self.acronyms = acronyms


class _Records:
    """Pass two's records by source, from the last build's entries of table 'entities'."""

    def __init__(self, entries: dict[str, tuple]) -> None:
        self.entries = entries

    def __getitem__(self, source: str) -> tuple:
        return self.entries[source][1]


class _Overlay:
    """The last build's records by source, with this build's where they changed."""

    def __init__(self, last: dict, changed: dict) -> None:
        self.last, self.changed = last, changed

    def __getitem__(self, source: str) -> tuple:
        records = self.changed.get(source)
        return self.last[source] if records is None else records


def _records(mentions: Mentions, quotes) -> tuple:
    """Mentions as resolve.entity_records' records (quotations by their first index in the article's)."""
    index: dict[str, int] = {}
    if quotes:
        for k in range(len(quotes) - 1, -1, -1):
            index[quotes[k][3]] = k
    out: list = []
    for m in mentions:
        out += (_TYPE_INDEX[m.type], m.count, m.name, m.roles, m.aliases, tuple(index[q] for q in m.quotes))
    return tuple(out)
