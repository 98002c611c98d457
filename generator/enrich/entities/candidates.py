"""Candidate names in a sentence: runs of capitalized words, cut into names and roles.

"NATO Secretary General Mark Rutte" gives the organization candidate "NATO", the person
candidate "Mark Rutte" (with the title cue) and the role "NATO Secretary General". What
each candidate is, is decided in `classify`; here we only cut and note the context.

How a run is cut depends only on its words, on whether it starts its sentence and on
whether the sentence is a headline, so cuts are memoized: names repeat within an article
and across a corpus. The context cues (a lowercase title before, "said" after) are read
for each candidate from the few tokens around it.
"""

from __future__ import annotations

from functools import lru_cache

from ...model import EntityType
from . import lexicon as lx
from .candidate import Candidate
from .classify import classify
from .gazetteer import Gazetteer
from .records import GIVEN, SURNAME, WEAK
from .tokens import INITIAL, LOWER, TITLE, TOKEN, UPPER, Sentence, shape
from .variants import canonical_variant


_CAPS = (TITLE, UPPER, INITIAL)
# Courtesy titles: the word after one is a surname whatever else it may be ("Mr. Brown", "Mme Borne").
_HONORIFICS = lx._words("mr mrs ms miss mister dr sir dame lord lady rev reverend prof mme mmes mlle mlles herr herrn frau sra srta")
# French writes "M. Macron", "MM. Bayrou et Retailleau" (Monsieur, Messieurs); elsewhere "M." is an initial.
_FRENCH_MISTER = ("M. ", "MM. ")
_ROYAL = lx._words("king queen prince princess duke duchess earl count countess baron emperor")  # "Prince of Wales Hospital"
_IN_PLACE = lx._words("in near outside")
# Heads that also name a body's field, so a name may go on after "and": "Australian
# Communications and Media Authority", "Department of Energy and Natural Resources".
_FIELD_HEADS = lx._words("""communications media technology technologies energy telecom industries industry systems
software oil gas securities environment health science sciences education culture trade finance post posts""")
_ARTICLES = frozenset({"The", "Le", "La", "Les", "Il", "Lo", "Gli", "El", "Los", "Las", "Der", "Die", "Das"})
_OF_THE = frozenset({"del", "della", "dello", "degli", "delle", "dei"})  # Italian "of the"
LOCATIVE = lx._words("in at near from to across outside inside into toward towards via")
# (Enum members bound to plain names: reading one off its class costs ten times as much, in hot loops.)
PERSON, ORGANIZATION, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
UNIT = -1  # a candidate's cue strength when it follows a number


# A cut of a run: (start, end, classified already, the rest of its Candidate's fields), with
# offsets in characters from the start of the run. A cut is classified at once when the
# context does not matter (a known name).
Cut = tuple[int, int, bool, tuple]


def find(sentence: Sentence, gaz: Gazetteer, language: str = "en") -> list[Candidate]:
    """Every candidate name in one sentence, in order, classified."""
    out: list[Candidate] = []
    append = out.append
    skip = -1  # the end of a known name that spanned lowercase words
    weak = sentence.weak
    text, begin = sentence.text, sentence.begin
    # (a heading's first word is in capitals: most sentences have a lowercase letter second)
    if not text[begin + 1 : min(begin + 2, sentence.end)].islower() and _column_headings(sentence):
        return out
    memos = _memo(gaz, language)
    runs = sentence.runs
    here = text[begin : sentence.end + 2]  # what the two helpers below may read
    # (most sentences have no apostrophe: one look for each kind tells)
    if "'" in here and ("'s" in here or "s' " in here) or "’" in here and ("’s" in here or "s’ " in here):
        runs = _possessive_names(runs, text, gaz)
    if " on " in here or " for " in here:
        runs = _bodies_on_or_for(runs, text)
    if " y " in here:
        runs = _two_names_and_article(runs)
    if " al " in here and language in ("it", "es"):
        runs = _to_the_body(runs, gaz)
    misters: frozenset[int] = frozenset()  # where names after "M." start, in French
    if language == "fr" and "M. " in here:
        runs, misters = _french_misters(runs)
    first_offset = sentence.first
    memo_first, memo_rest = memos[1 + 2 * weak], memos[2 * weak]
    english = language == "en"
    for offset, run in runs:
        if english and not run.isascii() and _foreign_script(run):
            continue  # a quote in Cyrillic or Greek capitalizes its first word: no name to judge here
        if language == "de" and "-" in run:
            run = _compound_head(run, gaz)
        if offset < skip:  # the rest of a run a spanning name began
            k = run.find(" ", skip - offset - 1)
            if k < 0:
                continue
            run, offset = run[k + 1 :], offset + k + 1
        first = offset == first_offset
        memo = memo_first if first else memo_rest
        entry = memo.get(run)
        if entry is None:
            if len(memo) > 50_000:
                memo.clear()
            entry = memo[run] = _cuts(run, first, weak, gaz, language)
        spanning, cuts = entry
        # A known name may span lowercase words: "(The) Organisation for Security and Cooperation in Europe".
        if spanning >= 0:
            start = offset + spanning
            span = _spanning_name(sentence, start, run.count(" ", spanning) + 1, gaz)
            if span is None and spanning == 0 and run[: run.find(" ")] in _ARTICLES:
                spanning = run.find(" ") + 1  # no "Le …" name: "Le Rassemblement national"
                start = offset + spanning
                span = _spanning_name(sentence, start, run.count(" "), gaz)
            if span is not None:
                tokens, end = span
                cand = Candidate(sentence, start, end, tokens, " ".join(tokens), first and not spanning, weak, weak)
                cand.flags, cand.ask_speaks = word_flags(tokens, weak, weak, gaz)
                _attach_context(cand, gaz)
                classify(cand, gaz, language)
                append(cand)
                skip = end
                continue
        for a, b, known, rest in cuts:
            cand = Candidate(sentence, offset + a, offset + b, *rest)
            if not known:
                _attach_context(cand, gaz)
                classify(cand, gaz, language)
            if misters and cand.start in misters and cand.type is not PERSON:
                cand.cue, cand.cue_strength = PERSON, 3  # "M. Philippe": Monsieur Philippe
                classify(cand, gaz, language)
            # (`_numbered_word` wants a digit after the space after the name: rare, so looked at here first)
            if not text[cand.end + 1 : cand.end + 2].isdigit() or not _numbered_word(cand, gaz):
                append(cand)
    if len(out) > 1 and " and " in here:
        out = _joined_bodies(out, text, gaz, language)
    if out and "(" in here:
        out = _defined_by_acronym(out, sentence, gaz, language)
    return out


# Lowercase words a name may hold between its capitalized ones without a letter in its
# acronym: "Society for the Prevention of Cruelty to Animals (RSPCA)".
_ACRONYM_GAPS = lx._words("of for the to and on in at against de del della des du di la le von und für")
_NAME_GOES_ON = lx._words("of for de del della des du di von für")  # after a capitalized word: more name


def _compound_head(run: str, gaz: Gazetteer) -> str:
    """German joins a known acronym to a noun: "(der) CDU-Chef", "(die) SPD-Fraktion", "(der)
    Nato-Gipfel" name the CDU, the SPD, NATO; the noun after the hyphen, last in the run, is no part
    of the name (inside a run it leads a name: "US-Präsident Donald Trump")."""
    rest, _, last = run.rpartition(" ")
    head = last.split("-", 1)[0]
    if head == last or len(head) < 2 or not head[:2].isupper() and canonical_variant(head) is None \
            or gaz.lookup(last) or canonical_variant(last):  # ("EU-Kommission" is a name)
        return run
    if gaz.lookup(head) or canonical_variant(head):
        return f"{rest} {head}" if rest else head
    return run


def _french_misters(runs: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], frozenset[int]]:
    """French runs cut where "M." or "MM." (Monsieur, Messieurs) stands before a name, without it;
    and where those names start: "Selon M. Philippe" is Philippe, a person."""
    out: list[tuple[int, str]] = []
    starts: set[int] = set()
    for offset, run in runs:
        words = run.split(" ")
        k = 0  # the start of the piece being built, in words
        pos = offset
        for i, word in enumerate(words):
            if word in ("M.", "MM.") and i + 1 < len(words):
                if i > k:
                    out.append((pos, " ".join(words[k:i])))
                pos = offset + sum(len(w) + 1 for w in words[: i + 1])
                starts.add(pos)
                k = i + 1
        out.append((pos, " ".join(words[k:])) if k else (offset, run))
    return out, frozenset(starts)


def _defined_by_acronym(cands: list[Candidate], sentence: Sentence, gaz: Gazetteer,
                        language: str) -> list[Candidate]:
    """A name whose initials spell the acronym in brackets after it is one name, though its
    lowercase words cut it into pieces: "Royal Society for the Prevention of Cruelty to Animals
    (RSPCA)" is not "Royal Society" and a place "Animals". Acronym definitions are how news
    introduces a body; the pieces would be wrong entities."""
    text = sentence.text
    out = cands
    for acronym in cands:
        surface = acronym.surface
        if not (3 <= len(surface) <= 8 and surface.isalpha() and surface.isupper()) \
                or text[acronym.start - 2 : acronym.start] != " (" or text[acronym.end : acronym.end + 1] != ")":
            continue
        window = _initials_window(text, sentence.begin, acronym.start - 2, surface)
        if window is None:
            continue
        start, end, tokens = window
        inside = [c for c in out if c is not acronym and start <= c.start and c.end <= end]
        if not inside or len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue  # one candidate already: nothing was cut
        if any(start < c.end and c.start < end and c not in inside for c in out):
            continue  # a candidate straddles the edge: leave the cuts alone
        name = Candidate(sentence, start, end, tokens, " ".join(tokens), start == sentence.first,
                         sentence.weak, sentence.weak)
        name.flags, name.ask_speaks = word_flags(tokens, sentence.weak, sentence.weak, gaz)
        _attach_context(name, gaz)
        classify(name, gaz, language)
        if name.type is None and tokens[-1].casefold() not in lx.EVENT_HEADS:  # (an act, a treaty: no entity)
            name.type, name.strength = ORGANIZATION, 2
        at = out.index(inside[0])
        out = [c for c in out if c not in inside]
        out.insert(at, name)
    return out


def spells(acronym: str, tokens: tuple[str, ...]) -> bool:
    """The acronym's letters are the initials of the name's words, in order: every word gives
    its initial, a small word may give one or not, a hyphenated one may give each part's
    ("Organisation for Economic Co-operation and Development", OECD; "Rassemblement national", RN)."""
    letters = acronym.replace(".", "").upper()

    def match(i: int, j: int) -> bool:
        if j == len(tokens):
            return i == len(letters)
        word = tokens[j]
        small = word.casefold() in _ACRONYM_GAPS
        if small and match(i, j + 1):
            return True
        if i >= len(letters) or word[:1].upper() != letters[i]:
            return False
        if match(i + 1, j + 1):
            return True
        parts = word.split("-")[1:]  # "Co-operation": C and O
        return len(parts) > 0 and all(p[:1].upper() == letters[i + 1 + k] if i + 1 + k < len(letters) else False
                                      for k, p in enumerate(parts)) and match(i + 1 + len(parts), j + 1)

    return 2 <= len(letters) <= 10 and len(tokens) >= 2 and match(0, 0)


def _initials_window(text: str, begin: int, end: int, acronym: str) -> tuple[int, int, tuple[str, ...]] | None:
    """The words ending at offset `end` whose capitalized words' initials are the acronym's
    letters in order, lowercase gap words allowed between them: (start, end, tokens)."""
    words: list[tuple[str, int]] = []
    k = end
    while len(words) < 2 * len(acronym) + 2:
        i = max(text.rfind(" ", begin, k) + 1, begin)
        word = text[i:k]
        if not word:
            return None
        words.append((word, i))
        if i <= begin:
            break
        k = i - 1
    letters = len(acronym) - 1
    tokens: list[str] = []
    for word, i in words:
        if word[0].isupper() and word.replace("-", "").isalpha():
            if letters < 0 or word[0] != acronym[letters]:
                return None
            letters -= 1
            tokens.append(word)
            if letters < 0:
                before = text[begin:i].split()[-2:]
                if len(before) == 2 and before[1] in _NAME_GOES_ON and before[0][:1].isupper():
                    return None  # "Rally for the Return of [Refugees and Democracy in Rwanda] (RDR)"
                return i, end, tuple(reversed(tokens))
        elif word in _ACRONYM_GAPS and tokens:
            tokens.append(word)
        else:
            return None
    return None


def _joined_bodies(cands: list[Candidate], text: str, gaz: Gazetteer, language: str) -> list[Candidate]:
    """"the Food and Drug Administration", "Australian Communications and Media Authority": a
    nameless run, "and", then a body's name make one body (the run has no head of its own)."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : cand.start] == " and " and cand.type is ORGANIZATION \
                and cand.tokens[-1].casefold() in lx.ORG_HEADS and len(cand.tokens) >= 2 \
                and (prev.type is None or prev.strength <= 2 and prev.tokens[-1].casefold() in _FIELD_HEADS) \
                and not prev.headline and not gaz.lookup(prev.surface) and not gaz.lookup(cand.tokens[0]) \
                and not (len(prev.tokens) == 1 and prev.tokens[0].isupper()):  # ("the FARC and Brazil's ...")
            # ("Federal Aviation Administration and Transportation Security Administration": two bodies.)
            tokens = prev.tokens + ("and",) + cand.tokens
            joined = Candidate(prev.sentence, prev.start, cand.end, tokens, " ".join(tokens), prev.first, prev.weak,
                               prev.headline)
            joined.flags, joined.ask_speaks = word_flags(tokens, prev.weak, prev.headline, gaz)
            _attach_context(joined, gaz)
            classify(joined, gaz, language)
            out[-1] = joined
            continue
        if prev is not None and len(prev.tokens) == 1 and text[prev.end : cand.start] in (" and ", " or ") \
                and len(cand.tokens) >= 2 and prev.tokens[0].casefold() in _COMPASS \
                and cand.tokens[0].casefold() in _COMPASS:
            out.pop()  # "Central and South America": half of a name, no place of its own
        out.append(cand)
    return out


_COMPASS = lx._words("north south east west central northern southern eastern western")


def _foreign_script(run: str) -> bool:
    """No letter of the run is a Latin one ("Напередодні Дня Незалежності")."""
    return not any("a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f" for ch in run if ch.isalpha())


def _numbered_word(cand: Candidate, gaz: Gazetteer) -> bool:
    """An ordinary word before a number names a thing's part, not an entity: "Terminal 2",
    "Article 6", "Gate 12"."""
    text, end = cand.sentence.text, cand.end
    if end + 1 >= len(text) or not text[end + 1].isdigit() or len(cand.tokens) != 1 \
            or cand.type is not None and cand.strength >= 3:
        return False
    after = cand.sentence.after(end, 2)[0]
    # ... and then a lowercase word ("Terminal 2 of the airport"): not a score ("Fulham 2 Bury 1").
    return len(after) >= 2 and after[0][:1].isdigit() and after[1][:1].islower() and gaz.is_word(cand.tokens[0])


def _column_headings(sentence: Sentence) -> bool:
    """A table's heading line, "W L PCT GB" or "P W D L F A PTS": abbreviations, not names
    ("GB" is games behind, not Great Britain)."""
    text, begin, end = sentence.text, sentence.begin, sentence.end
    k = text.find(" ", begin, end)  # (single spaces only: paragraphs come normalised)
    head = text[begin:k] if k >= 0 else text[begin:end]
    if not (len(head) <= 3 and head.isalpha() and head.isupper()):
        return False  # the first word is no heading (most sentences): no need to split them all
    words = text[begin:end].split()
    if len(words) < 3 or not all(len(w) <= 3 and w.isalpha() and w.isupper() for w in words):
        return False
    return sum(len(w) == 1 for w in words) >= 2


def _bodies_on_or_for(runs: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """'Commission on Presidential Debates', 'Center for Strategic Studies': the head of an
    organization, "on" or "for", and what it is about, one name, which goes on after "of", "and"
    or "to" ('Society for the Prevention of Cruelty to Animals', 'Center for Strategic and
    International Studies'): its pieces would be wrong entities ("Animals" a place)."""
    out: list[tuple[int, str]] = []
    joined = False  # the last run is a body made here
    for offset, run in runs:
        if out:
            last_offset, last = out[-1]
            end = last_offset + len(last)
            between = text[end:offset]
            if between in _ABOUT_GAPS and last.rsplit(" ", 1)[-1].casefold() in lx.ORG_HEADS \
                    or joined and between in _GOES_ON_GAPS:
                out[-1] = (last_offset, last + between + run)
                joined = True
                continue
        out.append((offset, run))
        joined = False
    return out


def _body_for(words, a: int, b: int, gaz: Gazetteer) -> bool:
    """'Institute for Fiscal Studies', 'American Society for the Prevention of Cruelty to Animals':
    an unknown body's head, "for" or "on", and what it is for, all one name (not 'the European
    Union for Ukraine', a known name and a place, nor 'the Party for Barack Obama')."""
    for m in range(a + 1, b - 1):
        if words[m] in ("for", "on") and words[m - 1].casefold() in lx.ORG_HEADS:
            rest = m + 2 if words[m + 1] in ("the", "a") and m + 2 < b else m + 1
            return not gaz.lookup(_join(words[a:m])) and words[rest].casefold() not in gaz.first_names \
                and not gaz.lookup(_join(words[rest:b]))
    return False


_ABOUT_GAPS = frozenset([" on ", " for ", " for the ", " for a "])
_GOES_ON_GAPS = frozenset([" of ", " of the ", " and ", " to ", " for ", " for the "])


# Spanish "and" with an article after it joins two names, not the parts of one: "el Banco de
# España y la Comisión Europea" (but "Trinidad y Tobago", "José Ortega y Gasset" are one).
_AND_ARTICLE = (" y la ", " y el ", " y los ", " y las ")


def _two_names_and_article(runs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for offset, run in runs:
        while True:
            k = min((i for i in (run.find(a) for a in _AND_ARTICLE) if i > 0), default=-1)
            if k < 0:
                break
            out.append((offset, run[:k]))
            skip = run.index(" ", k + 3) + 1  # past "y" and the article
            offset, run = offset + skip, run[skip:]
        out.append((offset, run))
    return out


def _to_the_body(runs: list[tuple[int, str]], gaz: Gazetteer) -> list[tuple[int, str]]:
    """Italian and Spanish "al" is "to the" before a body or a known name: "John al Senato",
    "il suo Partito al Senato di Washington" are two names, not one (an Arabic "al", as in
    "Muqtada al Sadr", has a surname after it)."""
    out: list[tuple[int, str]] = []
    for offset, run in runs:
        k = run.find(" al ")
        if k > 0:
            after = run[k + 4 :]
            head = after.split(" ", 1)[0]
            if head.casefold() in lx.ORG_STARTS or (gaz.lookup(after) or (None,))[0] is ORGANIZATION:
                out.append((offset, run[:k]))
                out.append((offset + k + 4, after))
                continue
        out.append((offset, run))
    return out


def _possessive_names(runs: list[tuple[int, str]], text: str, gaz: Gazetteer) -> list[tuple[int, str]]:
    """Names with a possessive in them: "McDonald's", "People's Bank of China" (known names),
    "Queen's Park", "Children's Hospital" (a word, then the head of a name). Not "Merkel's
    Germany", "Britain's Labour Party" nor "Trump's Republican Party": a name owns them."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(runs):
        offset, run = runs[i]
        end = offset + len(run)
        if text[end : end + 2] in ("'s", "’s") and not text[end + 2 : end + 3].isalnum():
            owner = run + text[end : end + 2]
            if gaz.lookup(owner):
                out.append((offset, owner))
                i += 1
                continue
            if i + 1 < len(runs) and runs[i + 1][0] == end + 3:
                joined = owner + " " + runs[i + 1][1]
                head = runs[i + 1][1]
                if gaz.lookup(joined) or " " not in run and " " not in head and (
                        head.casefold() in lx.ORG_HEADS or head.casefold() in lx.PLACE_HEADS) \
                        and not gaz.lookup(run) and (gaz.is_word(run) or run.casefold() in lx.TITLES):
                    out.append((offset, joined))
                    i += 2
                    continue
        if text[end : end + 2] in ("' ", "’ ") and run.endswith("s") and i + 1 < len(runs) \
                and runs[i + 1][0] == end + 2 and (_head_alone(runs[i + 1][1]) or not gaz.lookup(run)
                                                   and runs[i + 1][1].split(" ", 1)[0].casefold() not in gaz.first_names):
            # "Fishmongers' Hall", "Workers' Party", "Veterans' Affairs", "St James' Park": an owner
            # ending in s inside a name (not "the Netherlands' Queen Beatrix", "the Stones' Mick Jagger")
            out.append((offset, run + text[end] + " " + runs[i + 1][1]))
            i += 2
            continue
        out.append(runs[i])
        i += 1
    return out


def _head_alone(run: str) -> bool:
    """One word that heads names of places or bodies: "Park", "Hall", "Hospital"."""
    return " " not in run and (run.casefold() in lx.PLACE_HEADS or run.casefold() in lx.ORG_HEADS)


def _spanning_name(s: Sentence, start: int, run_length: int, gaz: Gazetteer) -> tuple[tuple[str, ...], int] | None:
    # Up to 8 tokens of the sentence, and no more than some known name goes on (most runs begin none).
    prefixes, phrase = gaz.name_prefixes, ""
    # Most runs go on to no name: when the run and the word after it are plain words, one look at
    # that phrase tells, without the tokenizer ("European Union said").
    text, k = s.text, start
    for _ in range(run_length + 1):
        k = text.find(" ", k + 1, s.end)
        if k < 0:
            break
    else:
        chunk = text[start:k]
        if chunk.count(" ") == run_length and chunk.replace(" ", "").isalpha():
            phrase = chunk.casefold()
            if phrase not in prefixes and phrase not in gaz.names:
                return None
            phrase = ""
    tokens = []
    for m in TOKEN.finditer(s.text, start):
        k = m.start()
        if k >= s.end:
            break
        w = m.group()
        tokens.append((w, k))
        if len(tokens) == 8:
            break
        phrase = f"{phrase} {w.casefold()}" if phrase else w.casefold()
        if phrase not in prefixes and ("’" not in phrase or phrase.replace("’", "'") not in prefixes):
            break
    words = [w for w, _ in tokens]
    # The longest known name from the start, as `_gaz_prefix` finds it, but only one longer than
    # the run matters: shorter ends are not looked up.
    longest = gaz.first_len.get(words[0].casefold()) if words else None
    if longest is None:
        return None
    for end in range(min(len(words), longest), run_length, -1):
        if gaz.lookup(_join(words[:end])):
            return tuple(words[:end]), tokens[end - 1][1] + len(words[end - 1])
    return None


def _join(tokens) -> str:
    return " ".join(tokens)


_memos: dict[tuple[Gazetteer, str], tuple[dict, dict, dict, dict]] = {}


def _memo(gaz: Gazetteer, language: str) -> tuple[dict, dict, dict, dict]:
    """How runs are cut, per gazetteer and language, by whether the run starts its sentence
    and whether the sentence is a headline (names repeat, so cuts are reused)."""
    memos = _memos.get((gaz, language))
    if memos is None:
        if len(_memos) > 16 or any(g is not gaz for g, _ in _memos):
            _memos.clear()  # another gazetteer: what was learnt from the old one goes
        memos = _memos[(gaz, language)] = ({}, {}, {}, {})
    return memos


@lru_cache(maxsize=64)
def _function_words(gaz: Gazetteer, language: str) -> frozenset[str]:
    return gaz.function_words(language) | lx.SENTENCE_WORDS


def word_flags(tokens: tuple[str, ...], weak: bool, headline: bool, gaz: Gazetteer) -> tuple[int, bool]:
    """What a candidate's words alone tell `resolve` (see `records`), and whether the word after
    it must be read: a sentence's first word that is an ordinary word is a surname only in
    'Brown said'."""
    flags, ask = 0, False
    if weak:
        flags = WEAK
        if not headline:
            first = tokens[0].casefold()
            if first not in gaz.words and first not in gaz.function_words("en"):
                flags = WEAK | SURNAME
            else:
                ask = True
    elif not headline:
        flags = SURNAME
    if len(tokens) == 1 and tokens[0].casefold() in gaz.first_names:
        flags |= GIVEN
    return flags, ask


def _cuts(run: str, first: bool, weak: bool, gaz: Gazetteer, language: str) -> tuple[int, tuple[Cut, ...]]:
    """Where in the run a known name may start and go on past it (-1: nowhere), and the run's cuts."""
    words = run.split(" ")
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    shapes = [shape(w) for w in words]
    out = []
    for a, b, cue, cue_strength, role, context in _cut(words, shapes, 0 if first else -1, weak, gaz,
                                                       _function_words(gaz, language)):
        tokens = tuple(words[a:b])
        surface = " ".join(tokens)
        first_here = first and a == 0
        weak_here = weak or first_here and b - a == 1
        type_, strength, canonical = None, 0, ""
        if not context:
            probe = Candidate(None, 0, 0, tokens, surface, first_here, weak_here, weak)  # type: ignore[arg-type]
            classify(probe, gaz, language)
            type_, strength, canonical = probe.type, probe.strength, probe.canonical
        flags, ask_speaks = word_flags(tokens, weak_here, weak, gaz)
        # Candidate's fields after the sentence and the offsets, in order.
        rest = (tokens, surface, first_here, weak_here, weak, cue, cue_strength, role, False, type_, strength,
                canonical, None, False, False, flags, ask_speaks)
        out.append((starts[a], starts[b - 1] + len(words[b - 1]), not context, rest))
    if words[0].casefold() in gaz.spanning:
        spanning = 0
    elif words[0] in _ARTICLES and len(words) > 1 and words[1].casefold() in gaz.spanning:
        spanning = len(words[0]) + 1  # "The Organisation for …", "Le Rassemblement national"
    elif out and out[0][0] > 0 and run[out[0][0]:].split(" ", 1)[0].casefold() in gaz.spanning:
        spanning = out[0][0]  # "Mais la Commission européenne": the run's first name, after the words cut off
    else:
        spanning = -1
    return spanning, tuple(out)


def _cut(words, shapes, first: int, weak: bool, gaz: Gazetteer, fw: frozenset[str]) -> list[Cut]:
    """Cut one run of capitalized words: calendar words never belong to a name and split it (a term
    in capitals does not, inside a body's name: "International HIV Trials Network")."""
    out: list[Cut] = []
    k = 0
    j = len(words)
    for m in range(j + 1):
        if m == j or lx.is_not_name(words[m]) and not _given_calendar_word(words, m, gaz) \
                and not _regnal_number(words, k, m, gaz) \
                and not (words[m].isupper() and m + 1 < j and words[m + 1][:1].isupper() and not lx.is_title(words[m])
                         and words[j - 1].casefold() in lx.ORG_HEADS) \
                and not (m + 2 == j and words[m + 1].casefold() in lx.PRESS_HEADS):  # "Sunday Times"
            if m > k:
                out.extend(_cut_part(words, shapes, k, m, first, weak, gaz, fw))
            k = m + 1
    return out


_GENITIVE = frozenset({"der", "des"})


def _heads_a_name(word: str, gaz: Gazetteer) -> bool:
    folded = word.casefold()
    return bool(gaz.lookup(word)) or folded in lx.ORG_HEADS or folded in lx.ORG_STARTS or folded in lx.PLACE_HEADS \
        or lx.is_title(word) or lx.is_foreign_title(word) or folded in gaz.first_names


def _regnal_number(words, k: int, m: int, gaz: Gazetteer) -> bool:
    """A roman numeral after a given name ends the name: "Benedict XVI", "Giovanni Paolo II",
    "Elizabeth II" (not "World War II"; "I" is too often the pronoun or an initial)."""
    return m > k and words[m] != "I" and lx.ROMAN_NUMERAL.fullmatch(words[m]) is not None \
        and (words[m - 1].casefold() in gaz.first_names or not gaz.is_word(words[m - 1]) and not gaz.lookup(words[m - 1])) \
        and (m + 1 == len(words) or not words[m + 1][:1].isupper())


def _given_calendar_word(words, m: int, gaz: Gazetteer) -> bool:
    """A month that is also a first name, before a surname or another first name: "Jan Egeland",
    "June Carter", "August Strindberg" (a date has a number after the month, not a name)."""
    if m + 1 >= len(words) or words[m].casefold() not in gaz.first_names or not words[m][1:].islower():
        return False
    following = words[m + 1].casefold()
    # ... or, for "Jan" (a month news abbreviates only before a day), before a word no dictionary
    # knows ("Jan Hatzius"; but "from January to June Comelf exported": a company after a month)
    return (following in gaz.surnames or following in gaz.first_names
            or words[m] == "Jan" and words[m + 1][1:].islower() and len(following) >= 3
            and not gaz.is_word(following)) \
        and not gaz.lookup(words[m + 1]) and not lx.is_not_name(words[m + 1])


def _gaz_prefix(words, a: int, b: int, gaz: Gazetteer) -> int:
    """End of the longest gazetteer name starting at `a` (or `a` when there is none)."""
    longest = gaz.first_len.get(words[a].casefold())
    if longest is None:
        return a
    for end in range(min(b, a + longest), a, -1):
        if gaz.lookup(_join(words[a:end])):
            return end
    return a


def _known_article_name_inside(words, a: int, b: int, gaz: Gazetteer) -> bool:
    """"The Independent Police Complaints Commission": a known name with its article ("The
    Independent") opens a longer name that has its own head; the article belongs to neither."""
    if words[a] not in _ARTICLES:
        return False
    end = _gaz_prefix(words, a, b, gaz)
    return end - a == 2 and b - end >= 2 and words[b - 1].casefold() in lx.ORG_HEADS


def _cut_part(words, shapes, a: int, b: int, first: int, weak: bool, gaz: Gazetteer, fw) -> list[Cut]:
    # Connectors at the edges are not part of a name.
    while a < b and shapes[a] not in _CAPS:
        a += 1
    while b > a and shapes[b - 1] not in _CAPS:
        b -= 1
    if a >= b:
        return []
    if weak:
        return _cut_weak(words, shapes, a, b, gaz, fw)
    # Leading function words ("The", "In", "Since") unless a known name starts there ("The Hague").
    # "Rivals Alphabet Inc.", "Shares of Apple Inc.": a sentence's first word of the language before a company.
    if a == first and b - a >= 3 and words[b - 1].replace(".", "").casefold() in lx.ORG_ABBREVIATIONS \
            and (gaz.is_word(words[a]) or _plural_word(words[a], gaz)) and not gaz.lookup(_join(words[a:b])) \
            and shapes[a + 1] in _CAPS:
        a += 1
    # "a South Dakota Republican", "a Texas Democrat": a place, then a party word for its member.
    if b - a >= 2 and words[b - 1].casefold() in lx.PARTY_WORDS and _gaz_prefix(words, a, b, gaz) == b - 1 \
            and (gaz.lookup(_join(words[a : b - 1])) or (None,))[0] is PLACE:
        b -= 1
    while a < b and (a == first or words[a] == "The") and words[a].casefold() in fw \
            and (_gaz_prefix(words, a, b, gaz) == a or _known_article_name_inside(words, a, b, gaz)):
        a += 1
        while a < b and shapes[a] not in _CAPS:
            a += 1  # "Results of Major League": not "of Major League"
    if a >= b:
        return []
    if gaz.lookup(_join(words[a:b])):
        return [(a, b, None, 0, None, False)]
    if _body_for(words, a, b, gaz):
        return [(a, b, ORGANIZATION, 2, None, True)]
    # "A of B": one name when A ends with a head word ("Bank of England") or the whole ends with a
    # company's legal form ("Gold Fields of South Africa Ltd"), else two names.
    last_of = -1
    if words[b - 1].casefold().rstrip(".") in lx.ORG_ABBREVIATIONS and words[a].casefold() not in gaz.first_names \
            and not (a == first and gaz.is_word(words[a])) \
            and not (words[a].endswith("s") and gaz.is_word(words[a][:-1])):  # not "Lynn Reaser of …", "Shares of …"
        last_of = max((m for m in range(a + 1, b - 1) if words[m] == "of"), default=-1)
        head = words[last_of - 1] if last_of > 0 else ""
        if head and not (gaz.is_word(head) or gaz.is_word(head[:-1]) and head.endswith("s")
                         or head.casefold() in lx.ORG_OF_HEADS):
            last_of = -1
    for m in range(a + 1, b - 1):
        if words[m] == "of" and m != last_of:
            head = words[m - 1].casefold()
            if not (head in lx.ORG_OF_HEADS or head in lx.PLACE_HEADS or words[a].casefold() in lx.PLACE_STARTS
                    or head in lx.TITLES or head in lx.ROLE_MODIFIERS) \
                    or head.rstrip(".") in lx.ORG_ABBREVIATIONS:  # "Kia Motors Corp of South Korea": two names
                after = m + 2 if m + 1 < b and words[m + 1] == "the" else m + 1
                return _cut_part(words, shapes, a, m, first, weak, gaz, fw) \
                    + _cut_part(words, shapes, after, b, first, weak, gaz, fw)
    # "Experten der Deutschen Bank": German capitalizes every noun, so a word before a genitive
    # article and a known name is that noun unless it heads names itself ("Universität der Künste").
    for m in range(a + 1, b - 1):
        if words[m] in _GENITIVE and m - a == 1 and gaz.lookup(_join(words[m + 1 : b])) \
                and not _heads_a_name(words[a], gaz):
            return _cut_part(words, shapes, m + 1, b, first, weak, gaz, fw)
    # "In Baviera la CSU": a known name, a connector, then another name: two names.
    for m in range(a + 1, b - 1):
        if words[m].islower() and words[m] != "of" and shapes[m - 1] in _CAPS and gaz.lookup(_join(words[a:m])) \
                and not (m - a == 1 and words[a].casefold() in gaz.first_names) \
                and not any(gaz.lookup(_join(words[a:e])) for e in range(m + 1, b + 1)):
            return _cut_part(words, shapes, a, m, first, weak, gaz, fw) + _cut_part(words, shapes, m + 1, b, first, weak, gaz, fw)
    # "Tero Haapala del Keskusrikospoliisi", "Mario Rossi della Fiat": a person, then the body.
    for m in range(a + 2, b - 1):
        if words[m] in _OF_THE and words[a].casefold() in gaz.first_names \
                and words[m + 1].casefold() not in gaz.first_names and not gaz.lookup(_join(words[a:b])):
            return _cut_part(words, shapes, a, m, first, weak, gaz, fw) \
                + _cut_part(words, shapes, m + 1, b, first, weak, gaz, fw)
    last = words[b - 1].casefold()
    if b - a >= 3 and not gaz.lookup(_join(words[a:a + 2])) and (
            gaz.is_country(words[a]) and words[a + 1].casefold() in gaz.first_names
            or _place_or_acronym(words[a], gaz) and _person_after(words, a + 1, b, gaz)):
        # "dell'Illinois Barack Obama", "dell'AKP Abdullah Gül": a place or a body, then a person.
        # "i presidenti di Venezuela, Ecuador ed Argentina Hugo Chavez, …": a list, not a person.
        return [(a, a + 1, None, 0, None, False)] + _cut_part(words, shapes, a + 1, b, first, weak, gaz, fw)
    # A title word inside: what follows it is a person, what precedes it is the role.
    # "Chairman of Cutty Sark Enterprises": a role, then the body it belongs to.
    if last in lx.ORG_HEADS:
        for r in range(a, b - 2):
            if lx.is_title(words[r]) and words[r + 1] == "of" and words[r].casefold() not in _ROYAL \
                    and shapes[r] != UPPER and not gaz.lookup(_join(words[a:b])):
                return _role_prefix(words, shapes, a, r, first, weak, gaz, fw) \
                    + _cut_part(words, shapes, r + 2, b, first, weak, gaz, fw)
    if last not in lx.ORG_HEADS:
        for r in range(b - 2, a - 1, -1):
            if (lx.is_title(words[r]) or lx.is_foreign_title(words[r])) and shapes[r] != UPPER \
                    and not (r > a and words[r - 1] == "Notre") \
                    or r == a == first and words[r].casefold() in lx.DESCRIPTORS:  # "Economist Joel Naroff said"
                # ("Notre Dame": Our Lady, no title before a person)
                p = r + 1  # "Secretary of State John Kornblum": the role goes on to "State"
                while p < b - 1 and (shapes[p] not in _CAPS or words[p].casefold() in lx.ROLE_MODIFIERS):
                    p += 1
                if words[r + 1] == "of" and b - p > 1:
                    known = _gaz_prefix(words, p, b, gaz)  # "Finance Minister of India P. Chidambaram"
                    if p < known < b:
                        p = known
                elif words[r + 1].islower() and words[r + 1] in lx.CONNECTORS and p < b - 1 and (
                        b - p >= 3 or words[p].casefold() in lx.ORG_STARTS or words[p].casefold() in lx.FOREIGN_PORTFOLIOS):
                    # "Presidente della Repubblica Giorgio Napolitano", "del Consiglio Berlusconi":
                    # the role goes on to the word after the connector.
                    known = _gaz_prefix(words, p, b, gaz)
                    after = known if p < known < b else p + 1
                    if all(shapes[k] in _CAPS for k in range(after, b)):  # not "del Consiglio di Stato"
                        p = after
                if b - p >= 3 and _place_or_acronym(words[p], gaz) and _person_after(words, p + 1, b, gaz):
                    p += 1  # "Segretario di Stato USA Condoleezza Rice"
                role_cuts = _role_prefix(words, shapes, a, p, first, weak, gaz, fw)
                if words[r + 1] in lx.CONNECTORS and (b - p == 1 or words[b - 1].casefold() in lx.ORG_HEADS
                                                      or words[p].casefold() in lx.ORG_STARTS):
                    # "Queen of South", "Duke of Norfolk": a title of a place, not a person;
                    # "Chairman of Cutty Sark Enterprises": the body the role belongs to.
                    return role_cuts + _cut_part(words, shapes, p, b, first, weak, gaz, fw)
                if b - p == 1 and _folded(words[r]) not in _HONORIFICS \
                        and (gaz.is_word(words[p]) and words[p].casefold() not in gaz.surnames
                             or words[p].casefold() in lx.EVENT_HEADS):
                    return role_cuts  # "Vice Presidential (candidate)", "Premier League": the role's own words, nobody
                role = _role_text(words[a:p]) if _folded(words[r]) not in _HONORIFICS else None
                return role_cuts + [(p, b, PERSON, 3, role, True)]
    # Leading demonyms are adjectives, unless the name is an organization ("German Army"), and so
    # is "Ex-" with what it qualifies ("Ex-Yankee Randy Velarde").
    if last not in lx.ORG_HEADS:
        while a < b - 1 and words[a].startswith(("Ex-", "EX-")):
            a += 1
        while a < b and _is_demonym(words[a]) and last not in lx.PLACE_HEADS and not _given_name_first(words, a, b, gaz):
            a += 1  # (but "Chechen Republic", "Christian Arrue")
        if b - a >= 3 and last not in lx.PLACE_HEADS and (words[a].casefold() in lx.FOREIGN_PORTFOLIOS or (
                words[a].casefold() in lx.ORG_STARTS and words[a + 1].casefold() in gaz.first_names
                and not any(gaz.lookup(w) for w in words[a + 1 : b]))):
            p = a
            while b - p >= 3 and (words[p].casefold() in lx.FOREIGN_PORTFOLIOS or words[p].casefold() in lx.ORG_STARTS):
                p += 1
            # ("Presidente del) Consiglio Silvio Berlusconi": the end of a role, then the person.
            if all(shapes[k] in _CAPS for k in range(p, b)) and not gaz.lookup(_join(words[p:b])):
                # "(ministro degli) Esteri Margaret Beckett": the portfolio, then the minister.
                return [(p, b, PERSON, 3, None, True)]
    if a >= b:
        return []
    if b - a == 1 and words[a].casefold() in lx.RELIGIONS:
        return []  # "banished from Islam": a creed, not a place
    if words[a].casefold() in lx.EVENT_STARTS or (b - a >= 2 and any(
            w.casefold() in lx.EVENT_HEADS for w in words[max(a + 1, b - 2) : b])):
        return []  # "Operation Eastern Sentry", "Second World War", "World War II"
    return [(a, b, None, 0, None, True)]


def _role_prefix(words, shapes, a: int, b: int, first: int, weak: bool, gaz: Gazetteer, fw) -> list[Cut]:
    """Names inside a role ("NATO" in "NATO Secretary General"): the words before the title words."""
    end = a
    while end < b and not (lx.is_title(words[end]) or lx.is_foreign_title(words[end])
                           or words[end].casefold() in lx.ROLE_MODIFIERS
                           or end == a and words[end].casefold() in lx.DESCRIPTORS):
        end += 1
    if end == a:
        return []
    return _cut_part(words, shapes, a, end, first, weak, gaz, fw)


def _folded(word: str) -> str:
    return word.casefold().rstrip(".")


def _cut_weak(words, shapes, a: int, b: int, gaz: Gazetteer, fw) -> list[Cut]:
    """A headline or a line in capitals: known names first, then runs of words that are no words."""
    out: list[Cut] = []
    run = -1
    k = a
    while k <= b:
        end = _gaz_prefix(words, k, b, gaz) if k < b else k
        plain = k < b and end == k and shapes[k] in _CAPS and not (
            words[k].casefold() in fw or gaz.is_word(words[k]) or _is_demonym(words[k])
            or lx.is_not_name(words[k]))
        if not plain and run >= 0:
            out.append((run, k, None, 0, None, True))
            run = -1
        if end > k:
            out.append((k, end, None, 0, None, True))
            k = end
            continue
        if plain and run < 0:
            run = k
        k += 1
    return out


def _role_text(tokens) -> str:
    tokens = list(tokens)
    while tokens and tokens[0].casefold() in lx.ROLE_DROP:
        tokens.pop(0)
    return _join(tokens)


def _place_or_acronym(word: str, gaz: Gazetteer) -> bool:
    """A known place that is no given name ("Illinois", not "Santiago") or is the place's name in
    another language ("Roma", Rome), or an acronym ("AKP"), also as Italian news writes one
    ("Cgil": a known body's acronym written as a word)."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True
    known = gaz.lookup(word)
    return known is not None and (word.casefold() not in gaz.first_names or known[1] != word) and (
        known[0] is PLACE or known[1].isupper() and known[1].isalpha())


def _plural_word(word: str, gaz: Gazetteer) -> bool:
    """"Families", "Rangers", "Bonds": the plural of an ordinary word."""
    return word.endswith("s") and (gaz.is_word(word[:-1]) or word.endswith("ies") and gaz.is_word(word[:-3] + "y")
                                   or word.endswith("es") and gaz.is_word(word[:-2]))


def _person_after(words, a: int, b: int, gaz: Gazetteer) -> bool:
    """The words from `a` look like a person's name: a given name or an unknown word first, a
    surname last, and nothing that heads a body or place ("Policing Board", "Jewish Center")."""
    last = words[b - 1].casefold()
    if gaz.is_word(words[a]) or _plural_word(words[a], gaz) or last in lx.ORG_HEADS or last in lx.PLACE_HEADS or gaz.lookup(_join(words[a:b])):
        return False
    return words[a].casefold() in gaz.first_names or last in gaz.surnames


def _given_name_first(words, a: int, b: int, gaz: Gazetteer) -> bool:
    """A demonym that is also a given name, before a surname nobody writes as a word:
    "Christian Arrue", "Christian Cullen" (not "Christian Bible", "German Islam")."""
    if b - a != 2 or words[a].casefold() not in gaz.first_names:
        return False
    after = words[a + 1]
    return not (gaz.is_word(after) or after.casefold() in lx.RELIGIONS or gaz.lookup(after) or _plural_word(after, gaz))


def _is_demonym(word: str) -> bool:
    if "-" not in word:  # (most words: one part, no generator needed)
        return word.casefold() in lx.DEMONYMS
    return all(part.casefold() in lx.DEMONYMS for part in word.split("-"))


def _attach_context(cand: Candidate, gaz: Gazetteer) -> None:
    """Cues from the words around a candidate: a lowercase title before, '(SACEUR)', '-based'..."""
    s = cand.sentence
    single = len(cand.tokens) == 1
    if cand.weak and not cand.headline:  # a sentence's first word: no title before it,
        text, end = s.text, cand.end  # and `classify` ignores weaker cues
        after = text[end] if end < s.end else ""
        if after == ",":
            _apposition(cand)
        elif after == ")" and text[cand.start - 1 : cand.start] == "(" and shape(cand.tokens[0]) == UPPER:
            cand.paren_acronym = True
        return
    prev = s.prev_token(cand.start)
    n1 = s.next_token(cand.end)
    if prev == "(" and n1 == ")" and single and shape(cand.tokens[0]) == UPPER:
        cand.paren_acronym = True
    if single and prev[:1].isdigit() and shape(cand.tokens[0]) == UPPER:
        cand.cue_strength = UNIT  # "121 RBI", "20 MW": a unit, not an organization
        return
    # "government spokesman Stefan Kornelius", "Foreign Ministry spokesperson Maria Zakharova"
    if prev and prev[0].islower() and shape(prev) == LOWER and (lx.is_title(prev) or prev in lx.DESCRIPTORS
                                                                 or lx.is_foreign_title(prev)):
        cand.cue, cand.cue_strength = PERSON, 3
        if _folded(prev) not in _HONORIFICS:
            words = s.before(cand.start, 5)
            k = len(words) - 1
            while k - 1 >= 0 and (shape(words[k - 1]) in (TITLE, UPPER) or words[k - 1].casefold() in lx.ROLE_MODIFIERS
                                  or lx.is_title(words[k - 1])):
                k -= 1
            cand.role = _role_text(words[k:])
    elif prev in lx.ORG_DESCRIPTORS:
        cand.cue, cand.cue_strength = ORGANIZATION, 2  # "the newspaper Correio Braziliense"
    if n1 == "-" and s.after(cand.end, 2)[0][1:2] == ["based"]:
        cand.cue, cand.cue_strength = cand.cue or PLACE, max(cand.cue_strength, 1)
    if cand.cue is None and prev == "at" and _works_at(s, cand.start):
        cand.cue, cand.cue_strength = ORGANIZATION, 2  # "an analyst at Bernstein", "professor at Yale"
    if cand.cue is None and single and prev.casefold() in LOCATIVE and not _to_not_a_place(s, cand.start, prev):
        cand.cue, cand.cue_strength = PLACE, 1
    if prev == "for" and s.before(cand.start, 2)[0] in _MEMBER_OF:
        cand.cue, cand.cue_strength = PLACE, 2  # "MP for Henley": a constituency, no person
    if (n1 in _FACILITY_ORG or n1 in _FACILITY_PLACE) and not _is_demonym(cand.tokens[-1]) \
            and cand.tokens[-1].casefold() not in lx.RELIGIONS and not (single and gaz.is_word(cand.tokens[0])):
        # "the Royal Alexandria hospital", "the Taksim square" (not "an Amish school", "the Underground station")
        cand.cue, cand.cue_strength = (ORGANIZATION if n1 in _FACILITY_ORG else PLACE), 2
        cand.role = None
    if n1 in lx.ORG_DESCRIPTORS and not _is_demonym(cand.tokens[-1]) and (not single or (
            n1 not in _ADVERB_DESCRIPTORS and (gaz.lookup(cand.tokens[0]) or (ORGANIZATION,))[0]
            is ORGANIZATION)) and (cand.cue is None or cand.cue_strength < 2):
        # "Le Matin newspaper", "to Time magazine" (a place only in "a Tehran newspaper")
        cand.cue, cand.cue_strength = ORGANIZATION, 2
    if cand.cue is None and n1.casefold() in lx.ORG_VERBS:
        cand.cue, cand.cue_strength = ORGANIZATION, 1
    if cand.cue is None and not single:
        if n1.islower() and lx.is_title(n1):
            cand.cue, cand.cue_strength = ORGANIZATION, 1  # "Hizbul Shabaab leader"
        elif prev.casefold() in _IN_PLACE and n1 not in ("'s", "’s"):  # ("to"/"from" + a person is common)
            cand.cue, cand.cue_strength = PLACE, 1  # "in Muara Angke"
    # "Friedrich Merz (CDU)": a party or country in brackets after a full name.
    if cand.cue is None and not single and n1 == "(":
        after = s.after(cand.end, 3)[0]
        if len(after) > 2 and after[2] == ")" and shape(after[1]) == UPPER:
            cand.cue, cand.cue_strength = PERSON, 1
    if n1 == ",":
        _apposition(cand)


# "to" after these is no movement towards a place: "according to Sharia", "thanks to Google".
_TO_WITHOUT_PLACE = lx._words("""according due thanks owing prior contrary pursuant compared similar related
belonging addition opposed referred subject""")


# Who works somewhere: "<one of these> at X" names the employer, not a place.
_WORKS_AT = lx.APPOSITION_HEADS | lx._words("""analysts economists professors researchers strategist strategists
scientist scientists lecturer student students engineer engineers employee employees worker workers staff banker
bankers trader traders lawyer lawyers fellow fellows""")


def _works_at(s: Sentence, start: int) -> bool:
    words = s.before(start, 2)
    return len(words) == 2 and words[0].casefold() in _WORKS_AT and words[0].islower()


def _to_not_a_place(s: Sentence, start: int, prev: str) -> bool:
    if prev != "to":
        return False
    words = s.before(start, 2)
    return len(words) == 2 and words[0].casefold() in _TO_WITHOUT_PLACE


# Descriptors that are adverbs too: "flights to Rome daily".
_ADVERB_DESCRIPTORS = frozenset(["daily", "weekly"])

# "MP for Henley", "the member for Tatton": the seat a member sits for.
_MEMBER_OF = frozenset("MP MPs MEP MSP MLA MHA TD Member member".split())


# A facility's kind written in lower case after its name: no person's name goes on so.
_FACILITY_ORG = lx._words("hospital university college school prison museum")
_FACILITY_PLACE = lx._words("airport stadium station bridge square mosque cathedral")


_AFTER_AGE = frozenset([",", "--", "—", "–", ")", ";", "and", "who", "was", "is", "had", "has"])


def _apposition(cand: Candidate) -> None:
    """'Thomas Röwekamp, chair of the Bundestag defense committee,': a role after a name."""
    # Most commas after a name start no role and no age: three tokens tell (eleven cost more).
    words = cand.sentence.after(cand.end, 3)[0]
    if len(words) < 2 or not words[1].isdigit() and (words[1] if words[1] not in ("the", "a", "an") or len(words) < 3
                                                     else words[2]).casefold() not in lx.APPOSITION_HEADS:
        return
    words, at_end = cand.sentence.after(cand.end, 11)
    words = words[:11]
    if len(words) < 2:
        return
    if len(words) > 2 and words[1].isdigit() and 1 <= int(words[1]) <= 110 and words[2] in _AFTER_AGE \
            and cand.cue is None and len(cand.tokens) >= 2:
        cand.cue, cand.cue_strength = PERSON, 1  # "Severine Potty, 19, ...": an age
        return
    k = 1
    if words[k] in ("the", "a", "an"):
        k += 1
    head = k
    while k < len(words) and k < 10 and shape(words[k]) in (LOWER, TITLE, UPPER):
        k += 1
    if head < len(words) and words[head].casefold() in lx.APPOSITION_HEADS and shape(words[head]) == LOWER \
            and (k >= len(words) and at_end or k < len(words) and words[k] in (",", ".", ";", ")")):
        role = _role_text(words[1:k])
        if cand.extras is None:
            cand.extras = [role]
        else:
            cand.extras.append(role)
        if cand.cue is None:
            cand.cue, cand.cue_strength = PERSON, 1
