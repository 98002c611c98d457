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
from ..memo import CorpusMemo, tally
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
    """What the whole corpus knows: confident types of names, full names of people.

    Kept as sums over articles that an article's teachings can be added to or taken from
    (`learn`, `unlearn`): the corpus state keeps them from one build to the next (`raw`), so a
    dropped article costs what it teaches. What is read of them (a name's confident type, a
    person's full name, the one person of a surname) is worked out when asked, per build."""

    def __init__(self, raw: tuple | None = None) -> None:
        if raw is None:
            raw = (0, {}, {}, {}, {}, {}, {}, {}, {}, {})
        # articles learnt from; name -> articles that type it with confidence; name -> strength
        # summed per type; person key -> written form -> times; person key -> one article id per
        # form naming the person in full; person key -> language -> forms in articles of that
        # language; team name -> articles with it in results; lower case -> the names not in
        # capitals that have votes; (language, surname) -> person keys named in full in that
        # language; person key -> the names (lower case) articles wrote of it, never shrinking
        # (which articles to read again when a full name changes, see `CorpusFacts`).
        (self.articles, self.df, self.votes, self.forms, self.named_in, self.languages, self.teams,
         self.cased, self.surnamed, self.key_names) = raw
        self.named: dict = {}  # article id -> its confidently typed names (for articles naming people in full)
        self.voted_of: Callable[[object], frozenset[str]] | None = None  # where `named` misses
        self.forget()

    def raw(self) -> tuple:
        return (self.articles, self.df, self.votes, self.forms, self.named_in, self.languages, self.teams,
                self.cased, self.surnamed, self.key_names)

    def forget(self) -> None:
        """Drop what was worked out from the sums (after they changed)."""
        self.confident: dict[str, int] = {}  # name -> its confident type, or NO_TYPE
        self._recased: dict[str, str | None] = {}
        self._full: dict[tuple[str, ...], str | None] = {}
        self._company: dict[tuple[str, ...], frozenset[str]] = {}
        self.person_names: dict[str, str] = {}  # a name as written -> as the corpus writes it most

    def learn(self, votes, forms, language: str = "en", names: frozenset[str] | None = None, ident: object = None,
              rows: Sequence[Name] = (), teams: Sequence[str] = ()) -> None:
        """Add one article's votes and forms (`names`: the names it votes for, when known;
        `ident`: the article, by which it is unlearnt; `rows`: its planned names; `teams`: in its results)."""
        self._add(votes, forms, language, names, ident, teams, 1)
        key_names = self.key_names
        for row in rows:
            canonical = row[1]
            if " " in canonical:
                key = person_key(canonical)
                known = key_names.get(key)
                if known is None:
                    key_names[key] = [canonical.casefold()]
                elif canonical.casefold() not in known:
                    known.append(canonical.casefold())

    def unlearn(self, votes, forms, language: str, names: frozenset[str], ident: object, teams: Sequence[str]) -> None:
        """Take back what `learn` added for this article."""
        self._add(votes, forms, language, names, ident, teams, -1)

    def _add(self, votes, forms, language, names, ident, teams, sign: int) -> None:
        self.articles += sign
        if names is None:
            names = frozenset(name for name, _, _ in votes)
        df = self.df
        for name in names:
            tally(df, name, sign)
        if sign < 0:
            self.named.pop(ident, None)
        elif forms:
            self.named[ident] = names
        for name, type_, n in votes:
            v = self.votes.get(name)
            if v is None:
                v = self.votes[name] = [0, 0, 0]
                if not name.isupper():
                    self.cased.setdefault(name.casefold(), []).append(name)
            v[type_] += sign * n
            if sign < 0 and not any(v):
                del self.votes[name]
                if not name.isupper():
                    cased = self.cased[name.casefold()]
                    cased.remove(name)
                    if not cased:
                        del self.cased[name.casefold()]
        for name, n in forms:
            key = person_key(name)
            named_in = self.named_in.get(key)
            if named_in is None:
                named_in = self.named_in[key] = []
            if sign > 0:
                named_in.append(ident)
            else:
                named_in.remove(ident)
            langs = self.languages.get(key)
            if langs is None:
                langs = self.languages[key] = {}
            times = tally(langs, language, sign)
            if times == 0 or times == 1 and sign > 0:  # the person is named in `language` now, or no more
                keys = self.surnamed.setdefault((language, key[-1]), [])
                if sign > 0:
                    keys.append(key)
                else:
                    keys.remove(key)
                    if not keys:
                        del self.surnamed[(language, key[-1])]
            written = self.forms.get(key)
            if written is None:
                written = self.forms[key] = {}
            tally(written, name, sign * n)
            if not written:
                del self.forms[key], self.named_in[key], self.languages[key]
        for team in teams:
            tally(self.teams, team, sign)

    def settle(self) -> None:
        """Once everything is learnt: every confident type at once (as `type_of` would, one by one)."""
        confident = self.confident
        for name, votes in self.votes.items():
            confident[name] = _confident_type(votes)

    def type_of(self, name: str) -> int:
        """The type the corpus gives `name` with confidence, or NO_TYPE."""
        type_ = self.confident.get(name)
        if type_ is None:
            votes = self.votes.get(name)
            type_ = self.confident[name] = NO_TYPE if votes is None else _confident_type(votes)
        return type_

    def recased(self, folded: str) -> str | None:
        """The name not in capitals, typed with confidence, that the corpus writes `folded` as
        (the most voted; ties: A-Z): 'Rotor' for 'ROTOR'."""
        try:
            return self._recased[folded]
        except KeyError:
            names = [n for n in self.cased.get(folded, ()) if self.type_of(n) >= 0]
            best = min(names, key=lambda n: (-sum(self.votes[n]), n)) if names else None
            self._recased[folded] = best
            return best

    def surname_key(self, language: str, surname: str) -> tuple[str, ...] | None:
        """The one person the corpus names in full in `language` with that surname (None: none, or several)."""
        keys = self.surnamed.get((language, surname))
        return keys[0] if keys and len(keys) == 1 else None

    def surname_of(self, surname: str, language: str, names: frozenset[str]) -> tuple[str, ...] | None:
        """The one person the corpus knows by `surname` in `language`, when the article
        (whose confidently typed names are `names`) shares a distinctive name with the
        articles that name that person in full: same language, shared company."""
        key = self.surname_key(language, surname)
        if key is None:
            return None
        named_in = self.named_in[key]
        company = self.company(key)
        full = self.full_name(key)
        shared = [n for n in names if n in company and n != full and n.casefold() != surname]
        return key if enough_evidence(shared, self.df, self.articles, len(named_in)) else None

    def company(self, key: tuple[str, ...]) -> frozenset[str]:
        """The names typed with confidence in the articles that name the person in full."""
        company = self._company.get(key)
        if company is None:
            company = self._company[key] = frozenset().union(*map(self._voted, self.named_in.get(key, ())))
        return company

    def _voted(self, ident: object) -> frozenset[str]:
        names = self.named.get(ident)
        if names is None:
            names = self.named[ident] = self.voted_of(ident)
        return names

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


def _confident_type(votes: list[int]) -> int:
    """The type with the most strength when it has at least twice the next one's, else NO_TYPE."""
    ranked = sorted(((n, t) for t, n in enumerate(votes) if n), key=lambda nt: (-nt[0], nt[1]))
    (n, type_), rest = ranked[0], ranked[1:]
    return type_ if not rest or n >= 2 * rest[0][0] else NO_TYPE


def rare_limit(articles: int) -> int:
    """A name in at most this many articles is distinctive (see `enough_evidence`)."""
    return max(3, articles // 50)


def enough_evidence(shared: Sequence[str], df, articles: int, times_named: int) -> bool:
    """Do the names two articles share tie a bare surname to the person named in full?
    A distinctive name in common (in few of the digest's articles), three names in common, or
    any name in common with a person the digest names in full again and again (`times_named`)."""
    rare = rare_limit(articles)
    return len(shared) >= 3 or any(df.get(n, 0) <= rare for n in shared) or bool(shared) and times_named >= 3



class Analysed(Sequence):
    """Each article's analysis (None where the owner gave its entities), read only when a pass
    asks for item i: the passes that go on from the last build (`_Resumed`, `unify.Resumed`)
    read those of new and changed articles and of the articles a changed corpus fact reaches,
    and a stored analysis decodes only those (see enrich.PartOf). `given[i]` tells which are
    None without reading them; an article with neither is an error when its analysis is read."""

    __slots__ = ("_analyses", "given", "_sources")

    def __init__(self, analyses: Sequence[EntityAnalysis | None], given: Sequence[bool],
                 sources: Sequence[str] | None = None) -> None:
        self._analyses, self.given, self._sources = analyses, given, sources

    @classmethod
    def of(cls, analyses: Sequence[EntityAnalysis | None]) -> Analysed:
        """`analyses` as they are, None where there is none."""
        return analyses if isinstance(analyses, Analysed) else cls(analyses, [a is None for a in analyses])

    def __getitem__(self, i: int) -> EntityAnalysis | None:  # type: ignore[override]
        if self.given[i]:
            return None
        analysis = self._analyses[i]
        if analysis is None:
            raise ValueError(f"{self._sources[i] if self._sources else i}: no entity analysis")
        return analysis

    def __len__(self) -> int:
        return len(self.given)


def resolve_all(analyses: Sequence[EntityAnalysis | None], rules: EntityRules,
                gaz: Callable[[], Gazetteer], languages: Sequence[str] | None = None,
                memo: CorpusMemo | None = None, keys: Sequence[tuple[str, str]] | None = None,
                ) -> list[tuple[EntityMention, ...] | None]:
    """The entities of every analysed article (None where there is no analysis), in
    `languages[i]` for article i (default English). With `memo` and `keys` (each article's
    (source, source_sha256)), the pass goes on from the last build's (see `_Resumed`): the
    corpus's sums take what the new, changed and removed articles teach, and an article's
    entities are made again only when its file changed or when a fact of the corpus about one
    of its names did (table 'entities', under what the corpus changes of its names, see
    `settle_names`); the owner's rules are applied to an article's names only when the memo
    holds no result for that file (table 'entity rules', see `ruled`)."""
    languages = languages or ["en"] * len(analyses)
    if memo is not None and keys is not None:
        records, _, _ = resolve_records(analyses, rules, gaz, languages, memo, keys)
        return [None if r is None else mentions_of(r, a.quotes) for r, a in zip(records, analyses)]
    rule_names = _rule_names(rules)
    prepared: list[tuple[tuple[Name, ...], tuple] | None] = []
    corpus = Corpus()
    for i, (analysis, language) in enumerate(zip(analyses, languages)):
        if analysis is None:
            prepared.append(None)
            continue
        if rule_names and not rule_names.isdisjoint(analysis.folded):
            names, votes, forms = with_rules(analysis, ruled(analysis, rules, gaz))
        else:
            names, votes, forms = analysis.names, analysis.votes, analysis.forms
        voted = frozenset(n for n, _, _ in votes)
        corpus.learn(votes, forms, language, voted, i, teams=analysis.teams)
        prepared.append((names, analysis.quotes, language, voted))
    corpus.settle()
    return [None if p is None else _resolve(p[0], p[1], corpus, rules, p[2], p[3]) for p in prepared]


def resolve_records(analyses: Sequence[EntityAnalysis | None], rules: EntityRules, gaz: Callable[[], Gazetteer],
                    languages: Sequence[str], memo: CorpusMemo, keys: Sequence[tuple[str, str]],
                    ) -> tuple[list[Records | None], dict[str, tuple], bool]:
    """`resolve_all` with a memo, as records (`entity_records`); with the last build's entries
    (table 'entities': (key, records) by source), and whether the pass went on from the last build's state (else it started afresh)."""
    resumed = _Resumed(Analysed.of(analyses), rules, gaz, languages, memo, keys)
    records = resumed.run()
    return records, resumed.table.last(), resumed.warm


def _rule_names(rules: EntityRules) -> frozenset[str]:
    return frozenset(n.casefold() for n in (*rules.aliases, *rules.types)) | rules.ignore


STATE = "entity corpus"  # the corpus memo's state for this pass: (rules, teachings by source, Corpus.raw())


class _Resumed:
    """The pass with the last build's corpus and results (see `resolve_all`).

    The state keeps what each article taught (its votes, forms and teams, as the owner's rules
    made them, under its file's hash and language) and the corpus's sums of them. This build
    takes back what removed and changed articles taught and adds what new and changed ones
    teach; then compares, before and after, each fact those teachings touch (a name's confident
    type and whether it is distinctive, the capitals' spelling of a word, a person's full name
    and the articles naming the person in full, a team); a fact that changed names a few words
    (in lower case: the name, the surname, the first name, the names written of the person), and
    only articles that write one of those words read it (`EntityAnalysis.folded`, and the
    names the owner's aliases give them): their names are settled again. The others keep their
    entities as the last build made them."""

    def __init__(self, analyses, rules: EntityRules, gaz, languages, memo: CorpusMemo, keys) -> None:
        self.analyses, self.rules, self.gaz, self.languages, self.keys = analyses, rules, gaz, languages, keys
        self.memo = memo
        self.rule_names = _rule_names(rules)
        self.rule_memo = memo.table("entity rules")
        self.table = memo.table("entities")
        self.fingerprint = (tuple(sorted(rules.aliases.items())),
                            tuple(sorted((name, type_.value) for name, type_ in rules.types.items())),
                            tuple(sorted(rules.ignore)))

    def _ruled(self, i: int) -> tuple[tuple[Name, ...], tuple, tuple]:
        analysis = self.analyses[i]
        if self.rule_names and not self.rule_names.isdisjoint(analysis.folded):
            source, sha = self.keys[i]
            change = self.rule_memo.get(source, (sha, len(analysis.names)),
                                        lambda: ruled(analysis, self.rules, self.gaz))
            return with_rules(analysis, change)
        return analysis.names, analysis.votes, analysis.forms

    def run(self) -> list[Records | None]:
        analyses, languages, keys = self.analyses, self.languages, self.keys
        given = analyses.given  # (an article's analysis is read only below where it must be: see `Analysed`)
        state = self.memo.state(STATE)
        if not (isinstance(state, tuple) and len(state) == 3 and state[0] == self.fingerprint):
            state = None
        self.warm = state is not None
        teachings: dict[str, tuple] = {} if state is None else state[1]
        corpus = Corpus(None if state is None else state[2])
        corpus.voted_of = lambda source: frozenset(n for n, _, _ in teachings[source][2])
        # The articles whose teachings are the last build's, and the others (new or changed).
        fresh: list[int] = []
        same: set[str] = set()
        for i, ((source, sha), language) in enumerate(zip(keys, languages)):
            if given[i]:
                continue
            old = teachings.get(source)
            if old is not None and old[0] == sha and old[1] == language:
                same.add(source)
            else:
                fresh.append(i)
        gone = [source for source in teachings if source not in same] if len(same) < len(teachings) else []
        ruled_names: dict[int, tuple] = {}
        for i in fresh:
            ruled_names[i] = self._ruled(i)
        touched = self._touched([teachings[s] for s in gone], [(ruled_names[i][1], ruled_names[i][2],
                                                                 analyses[i].teams) for i in fresh])
        before = _facts(corpus, touched) if state is not None else None
        rare_before = rare_limit(corpus.articles)
        for source in gone:
            _, language, votes, forms, teams = teachings.pop(source)
            corpus.unlearn(votes, forms, language, frozenset(n for n, _, _ in votes), source, teams)
        for i in fresh:
            (source, sha), language, analysis = keys[i], languages[i], analyses[i]
            names, votes, forms = ruled_names[i]
            votes = tuple((_one(n), t, v) for n, t, v in votes)
            forms = tuple((_one(n), t) for n, t in forms)
            teams = tuple(map(_one, analysis.teams))
            teachings[source] = (sha, language, votes, forms, teams)
            corpus.learn(votes, forms, language, frozenset(n for n, _, _ in votes), source, names, teams)
        corpus.forget()
        if state is None:
            corpus.settle()
        # Which articles read a fact that changed (None: none do); with no state, every one is made.
        again = self._read_again(corpus, touched, before, rare_before) if state is not None else None
        out: list[Records | None] = []
        last, table = self.table.last(), self.table
        kept = table.kept
        fresh_set = set(fresh)
        for i, ((source, sha), language) in enumerate(zip(keys, languages)):
            if given[i]:
                out.append(None)
                continue
            entry = last.get(source)
            if state is not None and i not in fresh_set and entry is not None and entry[0][0] == sha \
                    and entry[0][1] == language and (again is None or not again(analyses[i])):
                kept[source] = entry
                records = entry[1]
            else:
                analysis = analyses[i]
                names, votes, _ = ruled_names.get(i) or self._ruled(i)
                voted = frozenset(n for n, _, _ in votes)
                changes = settle_names(names, corpus, self.rules, language, voted)
                records = table.get(source, (sha, language, changes),
                                    lambda: entity_records(names, analysis.quotes, changes))
            out.append(records)
        if self.rule_names:  # the owner's rules' changes of articles not read again this build
            rule_last, rule_kept = self.rule_memo.last(), self.rule_memo.kept
            for source, _ in keys:
                if source not in rule_kept and source in rule_last:
                    self.rule_memo.keep(source, *rule_last[source])
        self.memo.keep_state(STATE, (self.fingerprint, teachings, corpus.raw()), table_at=1)  # (tuples, replaced)
        return out

    @staticmethod
    def _touched(gone: list[tuple], fresh: list[tuple]) -> tuple[set, set, set]:
        """The names, person keys and teams whose sums the changed articles touch."""
        names, people, teams = set(), set(), set()
        for votes, forms, teams_ in [t[2:] for t in gone] + fresh:
            names.update(n for n, _, _ in votes)
            people.update(person_key(n) for n, _ in forms)
            teams.update(teams_)
        return names, people, teams

    def _read_again(self, corpus: Corpus, touched, before: dict, rare_before: int) -> Callable | None:
        """Which articles read a fact that changed: a test on an article's analysis (None: none
        do, and no analysis of an unchanged article need be read)."""
        after = _facts(corpus, touched)
        words: set[str] = set()
        pairs: list[tuple[str, frozenset[str]]] = []  # a surname, and names of which an article needs one too
        for item, value in after.items():
            if before[item] != value:
                kind, what = item
                if kind == "full":
                    words.update((what[0], what[-1]))
                    words.update(corpus.key_names.get(what, ()))
                elif kind == "person":
                    words.add(what[-1])
                elif kind == "company":  # read by an article with the surname and a name that came or went
                    pairs.append((what[-1], frozenset(n.casefold() for n in before[item] ^ value)))
                else:
                    words.add(what.casefold() if kind != "recased" else what)
        rare = rare_limit(corpus.articles)
        if rare != rare_before:  # a name that was distinctive no more is, or the other way round
            low, high = sorted((rare, rare_before))
            words.update(name.casefold() for name, df in corpus.df.items() if low < df <= high)
        if not words and not pairs:
            return None
        aliases = {name.casefold(): target.casefold() for name, target in self.rules.aliases.items()}
        surnames = frozenset(surname for surname, _ in pairs)

        def again(analysis: EntityAnalysis) -> bool:
            folded = analysis.folded
            if aliases and not self.rule_names.isdisjoint(folded):  # (the names the owner's aliases give it)
                folded = folded | {target for name, target in aliases.items() if name in folded}
            if not words.isdisjoint(folded):
                return True
            return bool(pairs) and not surnames.isdisjoint(folded) and any(
                surname in folded and not names.isdisjoint(folded) for surname, names in pairs)
        return again


def _facts(corpus: Corpus, touched: tuple[set, set, set]) -> dict[tuple[str, object], object]:
    """The facts about the touched names, people and teams that `settle_names` reads."""
    names, people, teams = touched
    rare = rare_limit(corpus.articles)
    facts: dict[tuple[str, object], object] = {}
    for name in names:
        facts[("type", name)] = (corpus.type_of(name), corpus.df.get(name, 0) <= rare)
        if not name.isupper():
            facts[("recased", name.casefold())] = corpus.recased(name.casefold())
    for key in people:
        facts[("full", key)] = corpus.full_name(key)
        # Who a bare surname is: the people of that surname per language, the articles naming
        # this one in full (the names they share with an article; whether there are three).
        facts[("person", key)] = (frozenset(corpus.languages.get(key, ())), len(corpus.named_in.get(key, ())) >= 3)
        facts[("company", key)] = corpus.company(key)
    for team in teams:
        facts[("team", team)] = team in corpus.teams
    return facts


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
                    known = confident.get(canonical)
                    if known is None:
                        known = corpus.type_of(canonical)
                if known < 0 and canonical.isupper():
                    recased = corpus.recased(canonical.casefold())
                    if recased is not None:
                        canonical = recased  # 'ROTOR' in a headline, 'Rotor' elsewhere
                        known = corpus.type_of(canonical)
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
