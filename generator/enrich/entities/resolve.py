"""Pass two: one name per entity, within each article and across the corpus.

Within an article, "Merz" after "Friedrich Merz" is Friedrich Merz, and "Alexus G.
Grynkewich" and "Alexus Grynkewich" are one person. Across the corpus, a name typed with
confidence somewhere keeps that type everywhere, and a surname used alone resolves to the
full name when the corpus knows exactly one person by it. The owner's rules apply first.

What depends on the article alone is planned in pass one (`plan`, `teach`), so that the
corpus pass is a few dictionary lookups per distinct name of each article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import EntityMention
from ..memo import CorpusMemo
from .gazetteer import Gazetteer
from .quotes import attribute
from .records import (AT_PLACE, CORPUS, CORPUS_SURNAME, CORPUS_TEAM, DROP, FINAL, FULL_NAME, GIVEN, IGNORED, LOCAL, NO_TYPE,
                      ORGANIZATION, PERSON, PLACE, SURNAME, TEAM, TEAMED, TYPES, WEAK, WORD, EntityAnalysis, Name)
from .rules import EntityRules

MIN_STRENGTH = 1  # what is reported: guesses (1) only when nothing contradicts them


def person_key(name: str) -> tuple[str, ...]:
    """'Alexus G. Grynkewich' and 'Alexus Grynkewich' share a key."""
    key = _keys.get(name)
    if key is None:
        parts = name.casefold().split()
        if len(parts) > 2:
            parts = parts[:1] + [p for p in parts[1:-1] if not (len(p) == 2 and p.endswith("."))] + parts[-1:]
        key = tuple(parts)
        if len(_keys) > 200_000:
            _keys.clear()
        _keys[name] = key
    return key


_keys: dict[str, tuple[str, ...]] = {}


def _letters(name: str) -> int:
    if len(name) > 1 and name[:2].isalpha():
        return 2  # at least
    return sum(ch.isalpha() for ch in name)


# --- pass one: what the article alone decides -----------------------------------------


def plan(rows: Sequence[tuple]) -> tuple[Name, ...]:
    """The names of one article, each with what pass two still has to do for it."""
    rows = _recased(rows)
    full: dict[str, dict[tuple[str, ...], str]] = {}  # surname -> key -> a full name, of people named in full
    given: dict[str, dict[tuple[str, ...], str]] = {}  # the same by first name
    local: dict[str, list[int]] = {}  # name -> strength per type, of names typed with confidence here
    for surface, canonical, type_, strength, flags, count, roles in rows:
        if flags & IGNORED:
            continue
        if type_ == PERSON and strength >= 1 and " " in surface:
            key = person_key(canonical)
            if len(key) >= 2:
                full.setdefault(key[-1], {}).setdefault(key, canonical)
                given.setdefault(key[0], {}).setdefault(key, canonical)
        if type_ >= 0 and strength >= 2:
            votes = local.get(canonical)
            if votes is None:
                votes = local[canonical] = [0, 0, 0]
            votes[type_] += strength * count
    out: list[Name] = []
    for row in rows:
        surface, canonical, type_, strength, flags = row[:5]
        mode, ref = FINAL, ""
        if strength < 4:
            single = " " not in canonical  # a one-word name: maybe a surname
            # "Jordan said", after "Neil Jordan": the person; "in Jordan" stays the country.
            people = full.get(canonical.casefold()) if single and full and not (
                strength >= 3 and type_ == PLACE and (flags & AT_PLACE or len(canonical) <= 3)) else None
            if not people and single and given and (
                    flags & GIVEN and type_ <= PERSON or strength < 2 and not flags & WORD):
                # "Steve", after "Steve Waugh"; "to Barack", a weak guess of a place, after "Barack Obama"
                people = given.get(canonical.casefold())
            if people and len(people) == 1:
                mode, type_, strength, ref = LOCAL, PERSON, max(strength, 2), next(iter(people.values()))
            elif strength < 2:
                votes = local.get(canonical)
                if votes:
                    type_, strength = best(votes), 2
                elif single and type_ <= PERSON and flags & SURNAME:
                    mode, ref = CORPUS_SURNAME, canonical.casefold()
                elif type_ < 0 and flags & WORD and not flags & (GIVEN | TEAM):
                    mode = DROP  # "Fans", first in a sentence: no name unless this article made it one
                else:
                    mode = CORPUS
        if mode == FINAL and (type_ < 0 or strength < MIN_STRENGTH or type_ == PERSON and flags & WEAK and strength < 2
                              or _letters(canonical) < 2) or flags & IGNORED:
            mode = DROP
        elif mode == FINAL and flags & TEAM and type_ == PLACE:
            mode = CORPUS_TEAM
        elif mode == FINAL and type_ == PERSON and strength < 4 and " " not in canonical:
            mode, ref = FULL_NAME, canonical.casefold()  # "President Zelensky", "Townsend" in a team sheet
        out.append((*row, mode, type_, strength, ref))
    return tuple(out)


def _recased(rows: Sequence[tuple]) -> Sequence[tuple]:
    """A name the article types in ordinary case is that name in a headline or a dateline in
    capitals too: 'ROTOR' is 'Rotor' and 'WIGAN, England' Wigan when the article says 'Rotor',
    'Wigan' (a name only ever in capitals stays so)."""
    if not any(_capitals(row) for row in rows):
        return rows
    mixed: dict[str, str] = {}
    for row in rows:
        canonical = row[1]
        if row[2] >= 0 and row[3] >= 2 and not canonical.isupper() and not row[4] & IGNORED:
            mixed.setdefault(canonical.casefold(), canonical)
    if not mixed:
        return rows
    return [(row[0], mixed[row[1].casefold()], *row[2:]) if _capitals(row) and row[1].casefold() in mixed else row
            for row in rows]


def _capitals(row: tuple) -> bool:
    """A name in capitals typed weakly, or as a dateline's place (strength 2, see analyse._datelines)."""
    return (row[3] < 2 or row[2] == PLACE and row[3] == 2 and len(row[1]) > 3) and row[1].isupper()


def teach(rows: Sequence[tuple]) -> tuple[tuple[tuple[str, int, int], ...], tuple[tuple[str, int], ...]]:
    """What one article teaches the corpus: the types it gives names with confidence, and
    the full names of people."""
    votes: dict[tuple[str, int], int] = {}
    forms: dict[str, int] = {}
    for row in rows:
        canonical, type_, strength, count = row[1], row[2], row[3], row[5]
        if type_ < 0 or strength < 2 or row[4] & (IGNORED | TEAMED):
            continue
        votes[(canonical, type_)] = votes.get((canonical, type_), 0) + strength * count
        if type_ == PERSON and " " in canonical and len(person_key(canonical)) >= 2:
            forms[canonical] = forms.get(canonical, 0) + count
    return tuple((n, t, v) for (n, t), v in votes.items()), tuple(forms.items())


def best(votes: list[int]) -> int:
    """The type with the most strength (ties: person, organization, place)."""
    return votes.index(max(votes))


# --- pass two: the corpus --------------------------------------------------------------


class Corpus:
    """What the whole corpus knows: confident types of names, full names of people."""

    def __init__(self) -> None:
        self.articles = 0
        self.df: dict[str, int] = {}  # name -> articles that type it with confidence
        self.named: list[frozenset[str]] = []  # per article learnt from: its confidently typed names
        self.named_in: dict[tuple[str, ...], list[int]] = {}  # person key -> articles naming the person in full
        self.votes: dict[str, list[int]] = {}  # name -> strength summed per type
        self.forms: dict[tuple[str, ...], dict[str, int]] = {}  # person key -> written form -> times
        self.confident: dict[str, int] = {}
        self.teams: set[str] = set()  # names of teams in results somewhere
        self.recased: dict[str, str] = {}  # lower case -> a confident name not in capitals
        # (language, surname) -> the one person's key (None: several): a bare surname never
        # takes a full name from an article in another language ("Mann" is no James Mann).
        self.surnames: dict[tuple[str, str], tuple[str, ...] | None] = {}
        self.languages: dict[tuple[str, ...], set[str]] = {}
        self._full: dict[tuple[str, ...], str | None] = {}
        self.person_names: dict[str, str] = {}  # a name as written -> as the corpus writes it most

    def learn(self, votes, forms, language: str = "en", names: frozenset[str] | None = None) -> None:
        """Add one article's votes and forms (`names`: the names it votes for, when known)."""
        self.articles += 1
        if names is None:
            names = frozenset(name for name, _, _ in votes)
        for name in names:
            self.df[name] = self.df.get(name, 0) + 1
        if forms:
            index = len(self.named)
            self.named.append(names)
            for name, _ in forms:
                key = person_key(name)
                self.languages.setdefault(key, set()).add(language)
                self.named_in.setdefault(key, []).append(index)
        for name, type_, n in votes:
            v = self.votes.get(name)
            if v is None:
                v = self.votes[name] = [0, 0, 0]
            v[type_] += n
        for name, n in forms:
            key = person_key(name)
            known = self.forms.get(key)
            if known is None:
                self.forms[key] = {name: n}
            else:
                known[name] = known.get(name, 0) + n

    def settle(self) -> None:
        """Once everything is learnt: the confident types and the surnames."""
        for name, votes in self.votes.items():
            ranked = sorted(((n, t) for t, n in enumerate(votes) if n), key=lambda nt: (-nt[0], nt[1]))
            (n, type_), rest = ranked[0], ranked[1:]
            if not rest or n >= 2 * rest[0][0]:
                self.confident[name] = type_
                if not name.isupper():
                    folded = name.casefold()
                    known = self.recased.get(folded)
                    if known is None or (-sum(votes), name) < (-sum(self.votes[known]), known):
                        self.recased[folded] = name
        for key in self.forms:
            for language in sorted(self.languages.get(key, ("en",))):
                surname = (language, key[-1])
                self.surnames[surname] = None if surname in self.surnames else key

    def surname_of(self, surname: str, language: str, names: frozenset[str]) -> tuple[str, ...] | None:
        """The one person the corpus knows by `surname` in `language`, when the article
        (whose confidently typed names are `names`) shares a distinctive name with the
        articles that name that person in full: same language, shared company."""
        key = self.surnames.get((language, surname))
        if key is None:
            return None
        named_in = self.named_in.get(key, ())
        company = frozenset().union(*(self.named[i] for i in named_in))
        full = self.full_name(key)
        shared = [n for n in names if n in company and n != full and n.casefold() != surname]
        return key if enough_evidence(shared, self.df, self.articles, len(named_in)) else None


    def full_name(self, key: tuple[str, ...]) -> str | None:
        """The most used written form of a person's name (ties: the shorter, then A-Z)."""
        try:
            return self._full[key]
        except KeyError:
            forms = self.forms.get(key)
            name = min(forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0] if forms else None
            self._full[key] = name
            return name

    def person(self, name: str) -> str:
        """A person's name as the corpus writes it most ('Alexus G. Grynkewich' -> 'Alexus Grynkewich')."""
        try:
            return self.person_names[name]
        except KeyError:
            out = self.person_names[name] = self.full_name(person_key(name)) or name
            return out


def enough_evidence(shared: Sequence[str], df, articles: int, times_named: int) -> bool:
    """Do the names two articles share tie a bare surname to the person named in full?
    A distinctive name in common (in few of the digest's articles), three names in common, or
    any name in common with a person the digest names in full again and again (`times_named`)."""
    rare = max(3, articles // 50)
    return len(shared) >= 3 or any(df.get(n, 0) <= rare for n in shared) or bool(shared) and times_named >= 3



def resolve_all(analyses: Sequence[EntityAnalysis | None], rules: EntityRules,
                gaz: Callable[[], Gazetteer], languages: Sequence[str] | None = None,
                memo: CorpusMemo | None = None, keys: Sequence[tuple[str, str]] | None = None,
                ) -> list[tuple[EntityMention, ...] | None]:
    """The entities of every analysed article (None where there is no analysis), in
    `languages[i]` for article i (default English). With `memo` and `keys` (each article's
    (source, source_sha256)), the owner's rules are applied to an article's names only when
    the memo holds no result for that file (table 'entity rules', see `ruled`), and an
    article's entities are made again only when its file or what it reads of the corpus
    changed (table 'entities', see `settle_names`)."""
    languages = languages or ["en"] * len(analyses)
    rule_names = frozenset(n.casefold() for n in (*rules.aliases, *rules.types)) | rules.ignore
    rule_memo = memo.table("entity rules") if memo is not None and keys is not None else None
    prepared: list[tuple[tuple[Name, ...], tuple] | None] = []
    corpus = Corpus()
    for i, (analysis, language) in enumerate(zip(analyses, languages)):
        if analysis is None:
            prepared.append(None)
            continue
        if rule_names and not rule_names.isdisjoint(analysis.folded):
            if rule_memo is not None:
                source, sha = keys[i]
                change = rule_memo.get(source, (sha, len(analysis.names)),
                                       lambda analysis=analysis: ruled(analysis, rules, gaz))
            else:
                change = ruled(analysis, rules, gaz)
            names, votes, forms = with_rules(analysis, change)
        else:
            names, votes, forms = analysis.names, analysis.votes, analysis.forms
        voted = frozenset(n for n, _, _ in votes)
        corpus.learn(votes, forms, language, voted)
        corpus.teams.update(analysis.teams)
        prepared.append((names, analysis.quotes, language, voted))
    corpus.settle()
    if memo is None or keys is None:
        return [None if p is None else _resolve(p[0], p[1], corpus, rules, p[2], p[3]) for p in prepared]
    table = memo.table("entities")
    out: list[tuple[EntityMention, ...] | None] = []
    for p, (source, sha) in zip(prepared, keys):
        if p is None:
            out.append(None)
            continue
        names, quotes, language, voted = p
        changes = settle_names(names, corpus, rules, language, voted)
        # The key: the file (its names, quotations and what it teaches; the owner's rules key
        # the whole corpus state, see corpus_state) and what the corpus changes of its names.
        records = table.get(source, (sha, language, changes),
                            lambda names=names, quotes=quotes, changes=changes: entity_records(names, quotes, changes))
        out.append(mentions_of(records, quotes))
    return out


# What the owner's rules change of one article's names, plan and teachings: the rows of its
# plan that differ, as (index, row), and its votes and forms when they differ (else None).
# Small (an alias touches a row or two), because it is memoized in the corpus state.
RuledChange = tuple[tuple[tuple[int, Name], ...], tuple | None, tuple | None]


def ruled(analysis: EntityAnalysis, rules: EntityRules, gaz: Callable[[], Gazetteer]) -> RuledChange:
    """The owner's rules on an article's names: `apply_rules`, then pass one's `plan` and
    `teach` again, as the change from the analysis (pass one without the rules)."""
    rows = apply_rules(analysis.names, rules, gaz)
    names = plan(rows)
    votes, forms = teach(rows)
    return (tuple((i, row) for i, (row, was) in enumerate(zip(names, analysis.names)) if row != was),
            None if votes == analysis.votes else votes, None if forms == analysis.forms else forms)


def with_rules(analysis: EntityAnalysis, change: RuledChange) -> tuple[tuple[Name, ...], tuple, tuple]:
    """The article's planned names, votes and forms with the owner's rules (`ruled`'s change applied)."""
    rows, votes, forms = change
    names = analysis.names
    if rows:
        names = list(names)
        for i, row in rows:
            names[i] = row
        names = tuple(names)
    return names, analysis.votes if votes is None else votes, analysis.forms if forms is None else forms


def apply_rules(names: Sequence[Name], rules: EntityRules, gaz: Callable[[], Gazetteer]) -> list[tuple]:
    """The owner's aliases, forced types and names to ignore, on an article's names as found."""
    aliases, types, ignore = rules.aliases, rules.types, rules.ignore
    out: list[tuple] = []
    for name in names:
        surface, canonical, type_, strength, flags = name[:5]
        if ignore and surface.casefold() in ignore:
            out.append((*name[:4], flags | IGNORED, *name[5:7]))
            continue
        target = aliases.get(surface) or aliases.get(canonical) if aliases else None
        if target:
            canonical = target
            if type_ < 0:
                hit = gaz().lookup(target)
                if hit:
                    type_, strength = TYPES.index(hit[0]), 3
            if type_ >= 0:
                strength = max(strength, 2)
        forced = types.get(canonical) if types else None
        if forced is not None:
            type_, strength = TYPES.index(forced), 4
        if ignore and canonical.casefold() in ignore:
            flags |= IGNORED
        out.append((surface, canonical, type_, strength, flags, *name[5:7]))
    return out


def _resolve(names: tuple[Name, ...], quotes, corpus: Corpus, rules: EntityRules, language: str = "en",
             known_here: frozenset[str] = frozenset()) -> tuple[EntityMention, ...]:
    changes = settle_names(names, corpus, rules, language, known_here)
    return mentions_of(entity_records(names, quotes, changes), quotes)


# What the corpus changes of an article's planned names (`plan`): the names it drops (bit i
# for names[i]), and those it settles otherwise than planned, as (i, name shown, type, strength).
Changes = tuple[int, tuple[tuple[int, str, int, int], ...]]


def settle_names(names: tuple[Name, ...], corpus: Corpus, rules: EntityRules, language: str = "en",
                 known_here: frozenset[str] = frozenset()) -> Changes:
    """What the corpus changes of the article's planned names. This is all `_resolve` reads of
    the corpus, the rest being the article's own names and quotations (`entity_records`): an
    article whose file and changes are those of the last build has the entities of the last
    build. Most names are settled as planned, so changes are small to keep and quick to compare."""
    confident, people = corpus.confident, corpus.person_names
    aliases, ignore = rules.aliases, rules.ignore
    dropped, changed = 0, []
    for i, (surface, planned, _, _, flags, count, roles, mode, planned_type, planned_strength, ref) in enumerate(names):
        canonical, type_, strength = planned, planned_type, planned_strength
        if mode:  # not FINAL
            if mode == DROP:
                continue
            if mode == CORPUS_TEAM:
                if canonical in corpus.teams:
                    type_, strength = ORGANIZATION, 2
            elif mode == FULL_NAME:
                key = corpus.surname_of(ref, language, known_here)
                if key is not None:
                    canonical = corpus.full_name(key) or canonical
            elif mode == LOCAL:
                canonical = corpus.full_name(person_key(ref)) or ref
            else:
                if flags & TEAM and canonical in corpus.teams:
                    known = ORGANIZATION
                else:
                    known = confident.get(canonical, NO_TYPE)
                if known < 0 and canonical.isupper() and canonical.casefold() in corpus.recased:
                    canonical = corpus.recased[canonical.casefold()]  # 'ROTOR' in a headline, 'Rotor' elsewhere
                    known = confident[canonical]
                if known >= 0:
                    type_, strength = known, 2
                if known in (NO_TYPE, PERSON) and mode == CORPUS_SURNAME and not flags & GIVEN:
                    # "Berlusconi", a person to the corpus too: the one person it names in full so
                    key = corpus.surname_of(ref, language, known_here)
                    if key is not None:
                        type_, strength = PERSON, 2
                        canonical = corpus.full_name(key) or surface
                if type_ < 0:
                    dropped |= 1 << i
                    continue
            if strength < MIN_STRENGTH or type_ == PERSON and flags & WEAK and strength < 2 or _letters(canonical) < 2:
                dropped |= 1 << i
                continue
        if type_ == PERSON and " " in canonical:
            canonical = people.get(canonical) or corpus.person(canonical)
            if aliases:
                canonical = aliases.get(canonical, canonical)
        if ignore and canonical.casefold() in ignore:
            dropped |= 1 << i
        elif canonical != planned or type_ != planned_type or strength != planned_strength:
            changed.append((i, canonical, type_, strength))
    return dropped, tuple(changed)


# An article's entities in plain values (they are memoized), six values per entity, one after
# the other in one tuple (a tuple per entity took a fifth longer to save and load): type as an
# index in TYPES, count, name, roles, aliases, quotations as indices in the article's quotes.
Records = tuple


def entity_records(names: tuple[Name, ...], quotes, changes: Changes) -> Records:
    """The article's entities, in order: its names as planned, with the corpus's changes."""
    dropped, changed = changes
    settled = {c[0]: c for c in changed} if changed else None
    # name -> [(surface, type, strength, count, roles)]
    found: dict[str, list[tuple]] = {}
    said_by: list[str | None] = [None] * len(names) if quotes else []
    for i, (surface, canonical, _, _, _, count, roles, mode, type_, strength, _) in enumerate(names):
        if mode == DROP or dropped >> i & 1:
            continue
        if settled is not None and i in settled:
            _, canonical, type_, strength = settled[i]
        if type_ == PERSON and quotes:
            said_by[i] = canonical
        group = found.get(canonical)
        if group is None:
            found[canonical] = [(surface, type_, strength, count, roles)]
        else:
            group.append((surface, type_, strength, count, roles))
    return _mentions(found, quotes, said_by)


def mentions_of(records: Records, quotes) -> tuple[EntityMention, ...]:
    """The article's entity mentions, from `entity_records`."""
    values = iter(records)
    return tuple(_mention(name, TYPES[type_], count, roles, aliases, tuple(quotes[k][3] for k in said) if said else ())
                 for type_, count, name, roles, aliases, said in zip(values, values, values, values, values, values))


def _separate(votes: list[int]) -> bool:
    """Two types each used with confidence: a city and its team, not a doubtful guess."""
    return sum(1 for n in votes if n >= 2) > 1 and not votes[PERSON]


def _mentions(found: dict[str, list[tuple]], quotes, said_by: list[str | None]) -> Records:
    said: dict[str, list[str]] = {}
    if quotes:
        for name, quote in attribute(quotes, said_by):
            seen = said.setdefault(name, [])
            if quote not in seen:
                seen.append(quote)
    out: list[tuple] = []
    for name, items in found.items():
        if len(items) == 1:
            surface, type_, _, count, roles = items[0]
            aliases = () if surface == name else (surface,)
            if type_ == PERSON:
                out.append((PERSON, -count, name.casefold(), name, _roles(roles), aliases, tuple(said.get(name, ()))))
            else:
                out.append((type_, -count, name.casefold(), name, (), aliases, ()))
            continue
        # One entity per name, unless the article uses one name for two ("New York" the city and the team).
        votes = [0, 0, 0]
        for item in items:
            votes[item[1]] += item[2] * item[3]
        main = votes.index(max(votes))
        split = (votes[0] > 0) + (votes[1] > 0) + (votes[2] > 0) > 1 and _separate(votes)
        groups: dict[int, list[tuple]] = {}
        for item in items:
            type_ = item[1] if split and item[2] >= 2 else main
            groups.setdefault(type_, []).append(item)
        for type_, group in groups.items():
            count = sum(item[3] for item in group)
            aliases = tuple(sorted({item[0] for item in group if item[0] != name}))
            if type_ == PERSON:
                roles = _roles([pair for item in group if item[1] == PERSON for pair in item[4]])
                out.append((PERSON, -count, name.casefold(), name, roles, aliases, tuple(said.get(name, ()))))
            else:
                out.append((type_, -count, name.casefold(), name, (), aliases, ()))
    out.sort()
    index: dict[str, int] = {}
    if said:  # quotations by their index in the article's (the first with that text): records stay small
        for k in range(len(quotes) - 1, -1, -1):
            index[quotes[k][3]] = k
    records: list = []
    for type_, count, _, name, roles, aliases, said_here in out:
        records += (type_, -count, _one(name), _one_tuple(roles), _one_tuple(aliases),
                    tuple(index[q] for q in said_here) if said_here else ())
    return tuple(records)


# One object for each value the records of many articles repeat ('Ukraine', ('President',)):
# pickled once in the corpus state, where records are kept (a memo keeps one object once).
_shared: dict = {}


def _one(value):
    if len(_shared) > 200_000:
        _shared.clear()
    return _shared.setdefault(value, value)


def _one_tuple(values: tuple) -> tuple:
    return _one(tuple(map(_one, values))) if values else ()


def _mention(name: str, type_, count: int, roles: tuple, aliases: tuple, quotes: tuple) -> EntityMention:
    """EntityMention(name, type_, count, roles, aliases, quotes), made without the frozen
    dataclass's __init__ (an object.__setattr__ per field): a third of the cost, and a build
    at 10,000 articles makes some 80,000. EntityMention checks and derives nothing when made,
    and equality and hashing read the fields, so the object is the same (as model.evolve)."""
    mention = _new(EntityMention)
    state = mention.__dict__
    state["name"] = name
    state["type"] = type_
    state["count"] = count
    state["roles"] = roles
    state["aliases"] = aliases
    state["quotes"] = quotes
    return mention


_new = object.__new__


def _roles(pairs) -> tuple[str, ...]:
    """Roles by how often they were seen (ties: A-Z)."""
    if not pairs:
        return ()
    if len(pairs) == 1:
        return (pairs[0][0],)
    times: dict[str, int] = {}
    for role, n in pairs:
        times[role] = times.get(role, 0) + n
    return tuple(r for r, _ in sorted(times.items(), key=lambda kv: (-kv[1], kv[0])))
