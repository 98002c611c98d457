"""The compact form of an article's analysis: what pass one hands to pass two.

Plain tuples of strings and integers, so that an analysis pickles small and fast: it is
cached per input file and sent between processes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import EntityType

TYPES: tuple[EntityType, ...] = tuple(EntityType)  # a name's type is its index here, or -1
PERSON, ORGANIZATION, PLACE = 0, 1, 2
NO_TYPE = -1

# Flags of a name.
WEAK = 1  # capitals say little (headline, line in capitals, a sentence's first word)
SURNAME = 2  # may stand for a person the corpus knows by this one name
IGNORED = 4  # the owner's rules say it is no entity (kept in place: quotations refer to names by index)
GIVEN = 8  # one word that is a known first name
TEAM = 16  # a city or an unknown name in a report on a team sport: the team, if the corpus knows one
TEAMED = 32  # a team in results: an organization there, which teaches the corpus no type
WORD = 64  # a sentence's first word, an ordinary word ("Fans", "Officials"): a name only if the article says so
AT_PLACE = 128  # a known place after "in", "to", "from"...: the place, even where a person has it as surname

# What pass two still has to do for a name (computed in pass one from the article alone).
FINAL = 0  # nothing: type and strength are settled
LOCAL = 1  # a surname of a person named in full in the article: show the corpus's form of that name
CORPUS = 2  # a guess: take the type the corpus is sure of, if any
CORPUS_SURNAME = 3  # the same, then a surname of the one person the corpus knows by it
DROP = 4  # settled, and not reported
CORPUS_TEAM = 5  # a place, or the team of that name if the corpus knows one
FULL_NAME = 6  # a person named by one word: the one person the corpus knows by it, if any

# One name of an article, as written and typed:
# (surface, canonical, type, strength, flags, count, roles as (role, times) pairs,
#  then the plan: mode, type, strength, and a reference: for LOCAL, the full name of the person;
#  for CORPUS_SURNAME, the surname in lower case).
Name = tuple

# A quotation: (the names just before it in its sentence, nearest first; the names after it in
# its sentence; when the sentence says "he" or "she", every name before it, nearest first; the
# quotation as shown). Names are indices in `EntityAnalysis.names`; the first that turns out to
# be a person said it.
Quote = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]


@dataclass(frozen=True, slots=True)
class EntityAnalysis:
    """What one article says about its names, before the corpus and the owner's rules are known."""

    names: tuple[Name, ...]
    votes: tuple[tuple[str, int, int], ...]  # (name, type, strength) it teaches the corpus
    forms: tuple[tuple[str, int], ...]  # (full name of a person, times) it teaches the corpus
    teams: tuple[str, ...]  # names of teams in its results
    folded: frozenset[str]  # every name and surface in lower case, to see which owner's rules apply
    quotes: tuple[Quote, ...]
    # For each one-word name: (name in lower case, times the article writes it capitalized
    # inside a sentence). With `lower_words` (the words of three letters or more the article
    # writes in lower case), the corpus learns which words it mostly writes in lower case
    # ("parliament", "centro"): those are no names on their own.
    cases: tuple[tuple[str, int], ...] = ()
    lower_words: frozenset[str] = frozenset()
    tickers: frozenset[str] = frozenset()  # wire ticker symbols ("<AHLN>"): never entities
    # (acronym, name) the article defines as one: "Food and Drug Administration (FDA)".
    acronyms: tuple[tuple[str, str], ...] = ()
