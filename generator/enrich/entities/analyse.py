"""Pass one, per article: every candidate name classified on its own, kept compactly.

Nothing here looks at other articles, nor at the owner's rules; `resolve` does that. The
result, an `EntityAnalysis` (see `records`), is plain tuples of strings and integers: it
is cached per input file and sent between processes.
"""

from __future__ import annotations

import re
from collections.abc import Set

from ... import wire
from ...model import Article, EntityType
from ...text.markdown_text import plain_text
from . import lexicon as lx
from . import sports
from .candidate import Candidate
from .candidates import LOCATIVE, find, spells
from .gazetteer import Gazetteer
from .quotes import quote_spots, speakers
from .records import AT_PLACE, SURNAME, TEAM, TEAMED, TYPES, WORD, EntityAnalysis
from .resolve import plan, teach
from .tokens import Sentence, is_headline_case, sentences

# (An enum member bound to a plain name: reading one off its class costs ten times as much.)
PLACE = EntityType.PLACE
_CODE: dict[EntityType | None, int] = {None: -1, **{t: i for i, t in enumerate(TYPES)}}
_LOWER_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][^\W\d_]{2,}(?![\w'’-])")
_EDGE_MARKS = ".,;:!?\"“”‘()[]«»…"  # none of them a word character, an apostrophe or a hyphen: word boundaries


def analyse(article: Article, gaz: Gazetteer) -> EntityAnalysis:
    language = (article.language or "en").lower().split("-")[0]
    paragraphs: list[str] = []
    all_sentences: list[Sentence] = []

    def add(text: str, zone: str, weak: bool = False) -> None:
        if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
            text = " ".join(text.split())  # (most paragraphs come with single spaces already: a scan tells)
        if text:
            all_sentences.extend(sentences(text, len(paragraphs), zone, weak))
            paragraphs.append(text)

    # A headline's capitals (or a wire headline re-cased word by word) say little about names.
    add(article.title, "title", weak=is_headline_case(article.title))
    if article.image and article.image.caption:
        add(article.image.caption, "caption")
    first_body = len(paragraphs)
    for paragraph in plain_text(article.blocks).split("\n\n"):
        add(paragraph, "body")

    candidates: list[Candidate] = []
    for sentence in all_sentences:
        candidates += find(sentence, gaz, language)
    _paren_acronyms(candidates)
    text = "\n".join(paragraphs)
    sport = sports.sport_of(article.title) or sports.sport_in_text(article.title, text)
    teams = sports.apply(sport, candidates, gaz)
    _datelines(candidates, first_body)
    _us_states(candidates)
    rows, name_of = _records(candidates)
    spots = quote_spots(paragraphs)
    quotes = speakers(spots, [(c.sentence.paragraph, c.start, i) for c, i in zip(candidates, name_of)]) if spots else ()
    votes, forms = teach(rows)
    folded = frozenset(n.casefold() for row in rows for n in row[:2])
    tickers = wire.tickers(text)
    # Only words that could be names matter: known one-word names, and this article's candidates.
    cases = _cases(candidates)
    known, here = gaz.one_word_names, {w for w, _ in cases}
    lower_words = known_lower_words(text, known, here)
    return EntityAnalysis(plan(rows), votes, forms, tuple(teams), folded, tuple(quotes),
                          cases, lower_words, tickers, _acronym_definitions(candidates))


def _acronym_definitions(candidates: list[Candidate]) -> tuple[tuple[str, str], ...]:
    """(acronym, name) for each "Name (ACRONYM)" whose initials the acronym spells: one
    entity, which the corpus shows under one name (unify.py)."""
    found: set[tuple[str, str]] = set()
    for name, acronym in zip(candidates, candidates[1:]):
        s = acronym.sentence
        if s is not name.sentence or len(acronym.tokens) != 1 or not acronym.surface.isupper() \
                or s.text[name.end : acronym.start] != " (" or s.text[acronym.end : acronym.end + 1] != ")":
            continue
        if spells(acronym.surface, name.tokens):
            found.add((acronym.canonical or acronym.surface, name.canonical or name.surface))
    return tuple(sorted(found))


def known_lower_words(text: str, known: Set[str], here: Set[str]) -> frozenset[str]:
    """The words _LOWER_WORD finds in `text` that are in lower case and in `known` or `here`,
    faster: no match spans white space nor the marks around words (nor its look-arounds), so
    with those marks read as spaces each distinct piece is read once, with set operations for
    the pieces of letters alone (most are their own word); the few others are remembered."""
    pieces = set(_marks_as_spaces(text).split())
    letters = set(filter(str.isalpha, pieces))
    out = {w for w in (letters & known) | (letters & here) if len(w) >= 3 and w.islower()}
    memo = _PIECE_FORMS
    if len(memo) > 200_000:
        memo.clear()
    for piece in pieces - letters:
        forms = memo.get(piece)
        if forms is None:
            forms = memo[piece] = tuple(_LOWER_WORD.findall(piece))
        for word in forms:
            if word.islower() and (word in known or word in here):
                out.add(word)
    return frozenset(out)


_PIECE_FORMS: dict[str, tuple[str, ...]] = {}
# The marks as spaces: the ASCII ones by bytes.translate over the UTF-8 text (no byte of a longer
# character is ASCII), the few others replaced where they occur: a fifth to a third of the time a pattern's
# sub takes, which is ten times faster than str.translate.
_ASCII_EDGE_MARKS = bytes(c for c in _EDGE_MARKS.encode() if c < 128)
_ASCII_MARKS_AS_SPACES = bytes.maketrans(_ASCII_EDGE_MARKS, b" " * len(_ASCII_EDGE_MARKS))
_OTHER_EDGE_MARKS = tuple(c for c in _EDGE_MARKS if ord(c) >= 128)
_MARKS = re.compile("[" + re.escape(_EDGE_MARKS) + "]")


def _marks_as_spaces(text: str) -> str:
    """`text` with each of _EDGE_MARKS replaced by a space."""
    try:
        text = text.encode("utf-8").translate(_ASCII_MARKS_AS_SPACES).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _MARKS.sub(" ", text)
    for mark in _OTHER_EDGE_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _cases(candidates: list[Candidate]) -> tuple[tuple[str, int], ...]:
    """How often the article writes each of its one-word names capitalized inside a sentence
    (a sentence's first word and a headline's capitals say nothing of a word)."""
    inside: dict[str, int] = {}
    for c in candidates:
        if len(c.tokens) == 1 and not c.surface.isupper():
            folded = c.surface.casefold()
            inside[folded] = inside.get(folded, 0) + (not c.first and not c.headline)
    return tuple(sorted(inside.items()))


def _paren_acronyms(candidates: list[Candidate]) -> None:
    """'(SACEUR)' after a title is an abbreviated title, not an organization, and '(AML)' after
    'anti-money laundering' abbreviates words, not a name."""
    for cand in candidates:
        if not cand.paren_acronym:
            continue
        before = cand.sentence.before(cand.start - 1, 8)
        if _abbreviates_words(cand.surface, before):
            cand.type, cand.strength = None, 0
            continue
        if cand.strength >= 3:
            continue
        for word in reversed(before):
            if not word[:1].isupper():
                break
            if word.casefold() in lx.TITLES:
                cand.type, cand.strength = None, 0
                break


def _abbreviates_words(acronym: str, before: list[str]) -> bool:
    """The acronym's letters start the lowercase words before it ("antimoney laundering (AML)",
    "gross domestic product (GDP)"): a term, not a name. Letters may come from inside a word."""
    words = [w for w in before if w[:1].isalpha()]
    letters = acronym.casefold()
    if not words or not words[-1].islower() or len(letters) < 2:
        return False
    for n in range(1, min(len(letters), len(words)) + 1):
        if not all(w.islower() for w in words[-n:]):
            break
        tail = "".join(w.casefold().replace("-", "") for w in words[-n:])
        if tail[:1] != letters[0]:
            continue
        k = 0
        for ch in tail:  # the acronym's letters in order
            if k < len(letters) and ch == letters[k]:
                k += 1
        if k == len(letters):
            return True
    return False


def _datelines(candidates: list[Candidate], first_body: int) -> None:
    """'LONDON 1996-08-30', 'BRUSSELS, March 4 (Reuters) -': where the story was filed is a
    place. A known one already has its usual spelling ("London"); an unknown one keeps the
    capitals it is written in ("ESCHEN"), as every name only ever seen in capitals does:
    title case would be a guess, and a wrong one for an acronym."""
    for c in candidates:
        paragraph = c.sentence.paragraph - first_body
        if paragraph > 2:
            break  # candidates come in text order
        if paragraph < 0 or not c.first or c.strength >= 2 or not c.surface.isupper():
            continue
        word = c.next_token()
        if sports.DATE_LIKE.match(word) or paragraph == 0 and word in (",", "(", "-", "–", "—"):
            c.type, c.strength = PLACE, 2


def _us_states(candidates: list[Candidate]) -> None:
    """"SPRINGFIELD, Ill. (AP)", "from Dover, Del., and": a town, a comma, then the state as the
    Associated Press abbreviates it: the state, by its name, and the town is a place."""
    for town, state in zip(candidates, candidates[1:]):
        s = state.sentence
        if town.sentence is not s or town.end != state.start - 2 or s.text[town.end] != ",":
            continue
        name = lx.AP_STATES.get(state.surface)
        if name is None or "." not in state.surface and s.text[state.end : state.end + 1] != ".":
            continue
        if town.type not in (None, PLACE) and town.strength >= 2 or len(town.tokens) > 3:
            continue  # "Smith, Ga." is no town
        state.type, state.strength, state.canonical = PLACE, 3, name
        if town.type is None or town.strength < 2:
            town.type, town.strength = PLACE, 2


def _records(candidates: list[Candidate]) -> tuple[list[tuple], list[int]]:
    """One record per distinct (name as written, name, type, strength, flags), and the record
    of each candidate."""
    groups: dict[tuple, list] = {}  # key -> [index, count, roles]
    name_of: list[int] = []
    for c in candidates:
        flags = c.flags
        if c.ask_speaks:
            if _speaks(c):
                flags |= SURNAME
            elif len(c.tokens) == 1:
                flags |= WORD
        if c.type is PLACE and c.strength >= 3 and len(c.tokens) == 1 \
                and c.sentence.prev_token(c.start).casefold() in LOCATIVE:
            flags |= AT_PLACE
        if c.maybe_team:
            flags |= TEAM
        elif c.team:
            flags |= TEAMED
        key = (c.surface, c.canonical, c.type, c.strength, flags)
        group = groups.get(key)
        if group is None:
            group = groups[key] = [len(groups), 1, None]
        else:
            group[1] += 1
        name_of.append(group[0])
        if c.role or c.extras:
            roles = group[2]
            if roles is None:
                roles = group[2] = {}
            for role in (c.role, *(c.extras or ())):
                if role:
                    roles[role] = roles.get(role, 0) + 1
    rows = [(surface, canonical, _CODE[type_], strength, flags, count, tuple(sorted(roles.items())) if roles else ())
            for (surface, canonical, type_, strength, flags), (_, count, roles) in groups.items()]
    return rows, name_of


def _speaks(c: Candidate) -> bool:
    """'Tusk said ...': a speech verb right after the name."""
    return c.next_token().casefold() in lx.SPEECH_VERBS
