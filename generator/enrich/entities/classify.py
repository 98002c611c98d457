"""What a candidate is: person, organization, place or nothing, and how sure we are.

Strength: 3 = the gazetteer or a title says so; 2 = the name's own shape says so (a
first name, an organization suffix, an acronym); 1 = a guess from context that the
rest of the article or corpus must confirm; 0 = no idea.
"""

from __future__ import annotations

import re

from ...model import EntityType
from . import lexicon as lx
from .candidate import Candidate
from .gazetteer import Gazetteer
from .tokens import SYLLABLE, SYLLABLE_REST
from .variants import canonical_variant, variant_type

PERSON, ORG, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE


_memos: dict[tuple[Gazetteer, str], dict] = {}


def classify(cand: Candidate, gaz: Gazetteer, language: str = "en") -> None:
    """Fill in `type`, `strength` and `canonical` of a candidate (memoized: names repeat)."""
    memo = _memos.get((gaz, language))
    if memo is None:
        if len(_memos) > 16 or any(g is not gaz for g, _ in _memos):
            _memos.clear()  # another gazetteer: what was learnt from the old one goes
        memo = _memos[(gaz, language)] = {}
    if cand.cue is None and not cand.cue_strength:
        key = cand.surface if not cand.weak else ("weak" if not cand.headline else "headline", cand.surface)
    else:
        key = (cand.surface, cand.cue, cand.cue_strength, cand.weak, cand.headline)
    hit = memo.get(key)
    if hit is None:
        _classify(cand, gaz, language == "en", language)
        if len(memo) > 100_000:
            memo.clear()
        memo[key] = (cand.type, cand.strength, cand.canonical)
    else:
        cand.type, cand.strength, cand.canonical = hit


def _classify(cand: Candidate, gaz: Gazetteer, english: bool, language: str) -> None:
    tokens = cand.tokens
    surface = cand.surface
    cand.canonical = surface
    if len(tokens) == 1 and (tokens[0].casefold() in lx.DEMONYMS or lx.is_not_name(tokens[0])):
        return
    hit = gaz.lookup(surface)
    if hit is None:
        table = canonical_variant(surface)  # (one word too: "Napoli", which is also a surname)  # "N. Korea", "Stati Uniti": the table of variants knows them
        if table:
            hit = variant_type(table), surface
    if hit:
        cand.type, cand.canonical = hit
        cand.strength = 3
        if cand.headline and len(tokens) == 1 and tokens[0].casefold() in gaz.words:
            cand.type, cand.strength = None, 0  # "Derby" in a headline: the body must confirm it
        elif cand.weak and len(tokens) == 1 and not tokens[0].isupper() \
                and tokens[0].casefold() in gaz.sentence_words.get(language, ()):
            cand.type, cand.strength = None, 0  # German "Dabei ..." opens a sentence: no Dubai (but "UN", "USA")
        return
    if cand.weak and not english:
        return
    n = len(tokens)
    first, last = tokens[0].casefold(), tokens[-1].casefold()
    upper = tokens[-1].isupper()

    if cand.cue is PERSON and cand.cue_strength >= 3 and _could_be_person(tokens, gaz, language):
        _set(cand, PERSON, 3)
        return
    if n >= 2 and (last in lx.ORG_HEADS or last.replace(".", "") in lx.ORG_ABBREVIATIONS or "&" in tokens
                   or any(t in ("of", "on", "for") and tokens[k - 1].casefold() in lx.ORG_OF_HEADS
                          for k, t in enumerate(tokens) if k)):
        _set(cand, ORG, 2 if not cand.weak else 1)  # "Bank of England", "Douglas & Lomason", "Cofinec S.A."
        return
    if n >= 2 and first.split("-")[0] in lx.ORG_STARTS:
        _set(cand, ORG, 2 if not cand.weak else 1)  # "Hizbul Islam", "Banque Indosuez"
        return
    if n >= 2 and _qualified_organization(tokens, gaz):
        _set(cand, ORG, 2 if not cand.weak else 1)  # "International Red Cross", "Irish Football Association"
        return
    if n >= 2 and tokens[-1].endswith("s") and tokens[-1][:1].isupper() and not gaz.lookup(tokens[-1]) \
            and _place_prefix(tokens, gaz):
        _set(cand, ORG, 2 if not cand.weak else 1)  # "Cleveland Indians", "Chicago Bulls": a team
        return
    if n >= 2 and last == "channel" and (gaz.lookup(" ".join(tokens[:-1])) or (None,))[0] is ORG:
        _set(cand, ORG, 2)  # "Fox News Channel": a broadcaster's channel, not a strait
        return
    if n >= 2 and (first in lx.PLACE_STARTS or last in lx.PLACE_HEADS or not english and first in lx.FOREIGN_PLACE_STARTS):
        _set(cand, PLACE, 2 if not cand.weak else 1)
        return
    if n == 1 and _camel_company(tokens[0]):
        _set(cand, ORG, 2)  # "NationsBank", "KeyCorp", "PepsiCo"
        return
    if n == 1 and upper and not cand.weak and cand.cue_strength >= 0 and _is_acronym(tokens[0], gaz):
        _set(cand, ORG, 2)
        return
    if cand.weak:
        return  # a headline word, a capitals line, or a sentence's first word: needs confirmation
    if cand.cue is ORG and cand.cue_strength >= 2 and n <= 4:
        _set(cand, ORG, 1)  # "the newspaper El País", "die Zeitung Bild": the kind of body was named
        return
    if not english and n == 1:
        return  # German capitalizes every noun: one capitalized word is not a name
    if _could_be_person(tokens, gaz, language):
        if n == 2 and len(tokens[0]) <= 5 and _EAST_ASIAN_GIVEN_NAME.fullmatch(tokens[1]):
            _set(cand, PERSON, 2)  # "Kang Young-hoon", "Ban Ki-moon": a surname and a hyphenated given name
            return
        if n >= 2 and first in gaz.first_names:
            if first not in gaz.words or last not in gaz.words or last in gaz.surnames:
                _set(cand, PERSON, 2 if last not in gaz.words or last in gaz.surnames else 1)
                return
        if english and 2 <= n <= 3 and last in gaz.surnames and first not in gaz.words:
            _set(cand, PERSON, 1)
            return
        # "Muqtada al Sadr", "Saif al Islam Gheddafi": a given name, an Arabic particle (in Italian or
        # Spanish, "al" is also "to the": "Geithner al Tesoro", so a known given name is asked for there)
        arabic = n >= 3 and (tokens[1] in ("bin", "ibn") or tokens[1] == "al" and (english or first in gaz.first_names))
        if (english or arabic) and n >= 3 and any(t in lx.PERSON_PARTICLES for t in tokens[1:-1]) \
                and (_odd_word(tokens[-1], gaz) or arabic and not gaz.lookup(tokens[-1])) \
                and (first in gaz.first_names or _odd_word(tokens[0], gaz)):
            _set(cand, PERSON, 1)  # "Danie van Schalkwyk": a particle only people's names have
            return
        if english and 2 <= n <= 3 and all(_odd_word(t, gaz) for t in tokens):
            # Unknown words: a person, unless the words around say place or organization.
            _set(cand, cand.cue if cand.cue in (PLACE, ORG) else PERSON, 1)
            return
    if cand.cue is not None and n <= 3 and not (n == 1 and upper and not _is_acronym(tokens[0], gaz)):
        if english or cand.cue is PERSON:  # ("in CAPS" is no place)
            _set(cand, cand.cue, min(cand.cue_strength, 1))


def _set(cand: Candidate, type_: EntityType, strength: int) -> None:
    cand.type, cand.strength = type_, strength


def _could_be_person(tokens: tuple[str, ...], gaz: Gazetteer, language: str = "en") -> bool:
    """Two to four capitalized words, none of them a place, an acronym or a demonym."""
    if not 1 <= len(tokens) <= 4:
        return False
    function_words = gaz.function_words(language)
    last = len(tokens) - 1
    for i, t in enumerate(tokens):
        if i < last and t.endswith(("'", "’", "'s", "’s")):
            return False  # "Fishmongers' Hall", "Queen's Park": an owner inside the name
        if t[:1].isupper() and t.casefold() in function_words and not (
                i and i == last and t.casefold() in gaz.surnames and _given_name(tokens[0], gaz)
                or 0 < i < last and t.casefold() in _SURNAME_PARTICLES and _given_name(tokens[0], gaz)):
            return False  # but "Peter Such", "Walter Little", "Marine Le Pen", "Paolo Di Canio"
        if t.isupper() and len(t) > 1 and not t.endswith(".") and not (
                i == last and i and lx.ROMAN_NUMERAL.fullmatch(t)):  # but "Benedict XVI"
            return False
        if t.casefold() in lx.ORG_HEADS or t.casefold() in lx.DEMONYMS and not (
                i == 0 and last and t.casefold() in gaz.first_names and tokens[-1].casefold() in gaz.surnames):
            return False  # but "Christian Blanc"
    if len(tokens) > 1 and _plural(tokens[-1], gaz) and (tokens[0].casefold() not in gaz.first_names
                                                          or gaz.is_word(tokens[0])):
        return False  # "Government Bonds", "Tattersalls Breeders", "Cofinec GDRs", "Royal Marines"
    if len(tokens) > 1 and (gaz.lookup(tokens[0]) or gaz.lookup(tokens[-1])) \
            and not (len(tokens) >= 3 and tokens[-2] in ("al", "bin", "ibn") and not gaz.lookup(tokens[0])):
        return tokens[0].casefold() in gaz.first_names  # "Vladimir Putin", not "Philadelphia Eagles"
        # (but "Muqtada al Sadr": Arabic names join their parts with "al", "bin", "ibn")
    if len(tokens) > 2 and any(gaz.lookup(" ".join(tokens[:k])) for k in range(2, len(tokens))):
        return False  # "Hong Kong Standard", "New York Newsdesk": a known name, then more
    return True


# Capitalized particles that open a surname after a given name: "Marine Le Pen", "Paolo Di Canio".
_SURNAME_PARTICLES = frozenset({"le", "la", "de", "du", "des", "di", "da", "del", "della", "van", "von", "der", "den",
                                "ten", "ter", "dos", "das", "el", "al"})
_ORG_QUALIFIERS = frozenset({"international", "national", "world", "global", "federal", "royal", "central", "state"})


def _qualified_organization(tokens: tuple[str, ...], gaz: Gazetteer) -> bool:
    """A known organization after qualifiers ("International" Red Cross, "British" Red Cross)."""
    for k in range(1, len(tokens)):
        word = tokens[k - 1].casefold()
        if word not in _ORG_QUALIFIERS and word not in lx.DEMONYMS:
            return False
        hit = gaz.lookup(" ".join(tokens[k:]))
        if hit and hit[0] is ORG and len(tokens) - k >= 2:
            return True
    return False


def _plural(token: str, gaz: Gazetteer) -> bool:
    """A plural noun or acronym, not a surname: 'Bonds' is one, 'Breeders' and 'GDRs' are not."""
    if len(token) < 4 or not token.endswith("s"):
        return False
    stem = token[:-1]
    if stem.isupper() and stem.isalpha():
        return True
    folded = token.casefold()
    return folded not in gaz.surnames and (stem.casefold() in gaz.words or folded[:-2] in gaz.words
                                           and folded.endswith("es"))


def _given_name(token: str, gaz: Gazetteer) -> bool:
    """A first name or an initial."""
    return token.casefold() in gaz.first_names or len(token) == 2 and token.endswith(".")


def _place_prefix(tokens: tuple[str, ...], gaz: Gazetteer) -> bool:
    """All but the last word are a known place."""
    hit = gaz.lookup(" ".join(tokens[:-1]))
    return hit is not None and hit[0] is PLACE


def _odd_word(token: str, gaz: Gazetteer) -> bool:
    """Not a word of the language, nor a known place or organization: likely part of a name."""
    if len(token) == 2 and token.endswith("."):
        return True
    folded = token.casefold()
    return not (gaz.is_word(token) or folded in gaz.function_words("en") or folded in lx.DEMONYMS or gaz.lookup(token) or folded in lx.TITLES)


_EAST_ASIAN_GIVEN_NAME = re.compile(r"[A-Z]" + SYLLABLE_REST + "-" + SYLLABLE)
_CAMEL = re.compile(r"[a-z]([A-Z][a-z]*)$")


def _camel_company(token: str) -> bool:
    """One word ending with an organization's head in capitals: 'NationsBank', 'KeyCorp'."""
    m = _CAMEL.search(token)
    return m is not None and not token.startswith(("Mc", "Mac")) and (
        m.group(1).casefold() in lx.ORG_HEADS or m.group(1).casefold() in lx.ORG_ABBREVIATIONS)


def _is_acronym(token: str, gaz: Gazetteer) -> bool:
    """'NATO', 'CDU'; not a word in capitals ('LEAGUE', 'ORDERS'; short ones may be either: 'ICE')."""
    letters = token.replace(".", "").replace("&", "")
    word = letters.casefold()
    return 2 <= len(letters) <= 6 and token.casefold() not in lx.NOT_ACRONYMS and letters.isalpha() \
        and not lx.is_not_name(token) \
        and not (len(letters) >= 4 and (word in gaz.words or word.endswith("s") and word[:-1] in gaz.words))
