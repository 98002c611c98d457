"""The shipped gazetteer (generator/data/gazetteer.json.gz), loaded once per process.

`scripts/build_gazetteer.py` says where each list comes from. Lookups are dictionary
and set lookups on casefolded phrases: no pattern is ever run over the gazetteer.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...model import EntityType
from .lexicon import CONNECTORS
from .variants import table_spellings, variant_type

DATA_FILE = "gazetteer.json.gz"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    names: dict[str, tuple[EntityType, str, str]]  # casefolded surface -> (type, canonical, surface)
    first_names: frozenset[str]  # casefolded
    surnames: frozenset[str]  # casefolded
    words: frozenset[str]  # lowercase English words
    stop_words: dict[str, frozenset[str]]  # language code -> casefolded function words
    # language code -> casefolded one-word names that open that language's sentences as words ("dabei")
    sentence_words: dict[str, frozenset[str]]
    countries: frozenset[str]  # casefolded names of countries and continents
    first_len: dict[str, int]  # casefolded first word -> the most words in a name starting with it
    spanning: frozenset[str]  # casefolded first words of names with a lowercase word ("Bosnia and Herzegovina")

    def lookup(self, phrase: str) -> tuple[EntityType, str] | None:
        """(type, canonical name) for a phrase as written, or None.

        Case must agree, except that an all-capitals phrase ("LONDON") matches any name,
        and a name written in capitals ("NATO", "US") never matches ordinary case ("Us").
        """
        hit = self.names.get(phrase.casefold())
        if hit is None:
            if "’" not in phrase:
                return None
            phrase = phrase.replace("’", "'")  # "McDonald’s" is "McDonald's"
            hit = self.names.get(phrase.casefold())
            if hit is None:
                return None
        type_, canonical, surface = hit
        if phrase == surface or (phrase.isupper() and not surface.isupper()):
            return type_, canonical
        if not surface.isupper() and phrase.split()[0][:1].isupper() and _same_but_small_words(phrase, surface):
            return type_, canonical
        return None

    def is_word(self, token: str, language: str = "en") -> bool:
        """An ordinary lowercase word of English, or a function word of the article's language."""
        folded = token.casefold()
        return folded in self.words or folded in self.function_words(language)

    def function_words(self, language: str = "en") -> frozenset[str]:
        words = self.stop_words.get(language)  # (the English fallback looked up only when needed: a hot call)
        return words if words is not None else self.stop_words.get("en", frozenset())

    def is_country(self, name: str) -> bool:
        return name.casefold() in self.countries

    @functools.cached_property
    def one_word_names(self) -> frozenset[str]:
        """Casefolded names of one word: known places and organizations, first names, surnames."""
        return frozenset(n for n in self.names if " " not in n) | self.first_names | self.surnames


    @functools.cached_property
    def name_prefixes(self) -> frozenset[str]:
        """Casefolded openings of known names of more words, at word ends ("bosnia", "bosnia and")."""
        out: set[str] = set()
        for name in self.names:
            words = name.split(" ")
            for k in range(1, len(words)):
                out.add(" ".join(words[:k]))
        return frozenset(out)


def _same_but_small_words(a: str, b: str) -> bool:
    # "Bank Of England" (a recased headline) is "Bank of England".
    return all(x == y or x.casefold() == y.casefold() and y.islower() for x, y in zip(a.split(), b.split()))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read on first use and kept for the life of the process."""
    raw = resources.files("generator").joinpath("data", DATA_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    names: dict[str, tuple[EntityType, str, str]] = {}
    first_len: dict[str, int] = {}
    spanning: set[str] = set()
    # Places first, then organizations: a hand-written organization wins a shared name.
    for key, type_ in (("place", EntityType.PLACE), ("organization", EntityType.ORGANIZATION)):
        for surface, canonical in data[key].items():
            folded = surface.casefold()
            names[folded] = (type_, canonical, surface)
            words = folded.split(" ")
            if first_len.get(words[0], 0) < len(words):
                first_len[words[0]] = len(words)
            if any(w[:1].islower() and w not in CONNECTORS for w in surface.split(" ")[1:]):
                spanning.add(words[0])
    # The variants table's names in other languages that hold a lowercase word ("Commission
    # européenne", "Banca centrale europea"): like the gazetteer's own, they may span that word.
    for surface, canonical in table_spellings():
        folded = surface.casefold()
        if " " in surface and folded not in names and any(w[:1].islower() for w in surface.split(" ")[1:]):
            names[folded] = (variant_type(canonical), canonical, surface)
            words = folded.split(" ")
            first_len[words[0]] = max(first_len.get(words[0], 0), len(words))
            if any(w[:1].islower() and w not in CONNECTORS for w in surface.split(" ")[1:]):
                spanning.add(words[0])
    return Gazetteer(
        names=names,
        first_names=frozenset(n.casefold() for n in data["first_names"]),
        surnames=frozenset(n.casefold() for n in data["surnames"]),
        words=frozenset(data["words"]),
        stop_words={code: frozenset(words) for code, words in data["stop_words"].items()},
        sentence_words={code: frozenset(words) for code, words in data.get("sentence_words", {}).items()},
        countries=frozenset(n.casefold() for n in data["countries"]),
        first_len=first_len,
        spanning=frozenset(spanning),
    )
