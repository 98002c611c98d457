"""One candidate name: a run of words in a sentence and what its context says about it.

Its own module because both `candidates` (which cuts runs into candidates) and `classify`
(which decides what each is) work on it, and neither may import the other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import EntityType
from .tokens import Sentence


@dataclass(slots=True)
class Candidate:
    sentence: Sentence
    start: int  # character offsets in the paragraph
    end: int
    tokens: tuple[str, ...]
    surface: str  # the tokens joined by spaces
    first: bool  # the first word of its sentence
    weak: bool  # capitals say little: headline, line in capitals, or a sentence's first word
    headline: bool = False  # in a headline or a line in capitals
    cue: EntityType | None = None  # what the context says it is
    cue_strength: int = 0
    role: str | None = None
    paren_acronym: bool = False  # "(SACEUR)" right after a name
    type: EntityType | None = None  # decided by classify
    strength: int = 0
    canonical: str = ""
    extras: list[str] | None = None  # roles in apposition: "Thomas Röwekamp, chair of ..."
    maybe_team: bool = False  # a city or an unknown name in a report on a team sport
    team: bool = False  # a team in results (an organization here, not everywhere)
    flags: int = 0  # records.WEAK, SURNAME, WORD, GIVEN as far as the words tell
    ask_speaks: bool = False  # an ordinary word first in a sentence: a surname if "said" follows

    def next_token(self) -> str:
        return self.sentence.next_token(self.end)

    def prev_token(self) -> str:
        return self.sentence.prev_token(self.start)
