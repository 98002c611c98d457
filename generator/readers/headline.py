"""Wire headlines: ticker symbols out of the title, and all-caps headlines re-cased as a desk would.

"SUN FUND <SUNF> 1ST QTR NET" -> "Sun Fund 1st qtr Net" with the ticker SUNF kept apart;
"U.S. TREASURY'S BAKER SAYS" -> "U.S. Treasury's Baker Says"; "200 MLN H.K. DLR CD" ->
"200 mln H.K. dlr CD". How a word is written in the story's own text decides its case in
the headline when the text writes it in capitals or in a mixed case ("AEL Industries Inc",
"DuPont"): the desk knew which words are acronyms, and the story says so.
"""

from __future__ import annotations

import re
from collections import Counter

from ..wire import TICKER, WIRE_ABBREVIATIONS

_SMALL_WORDS = frozenset("""
    a an and as at but by for from in into nor of off on onto or over per the to up upon via vs with
""".split())
_ACRONYMS = frozenset("""
    AI AP BBC CEO CIA CNN EU FBI G7 G20 GDP IMF IOC ISIS NASA NATO NHS OECD OPEC PLO UAE UEFA FIFA UK UN UNESCO
    US USA USSR WHO WTO ECB ANC IRA PKK SPD CDU CSU AFD EC EEC GATT IPO OTC SEC FDIC
""".split())
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]\.?(?:['’][Ss])?$")
# "PARIS, Feb 26 -", "WASHINGTON (Reuters) -": a dateline's place is in capitals by custom, not an acronym.
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'-]*(?=,|\s*\(|\s+[-–—])")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*[^\W_]|[^\W\d_]")


def split_tickers(title: str) -> tuple[str, tuple[str, ...]]:
    """The title without its ticker symbols, and the symbols in order. A symbol that follows a
    name is dropped ("SUN FUND <SUNF> NET"); one that stands for the name keeps its letters
    ("Shares of <DD> fall" -> "Shares of DD fall")."""
    symbols: list[str] = []

    def replace(m: re.Match[str]) -> str:
        symbol = m["symbol"]
        if symbol not in symbols:
            symbols.append(symbol)
        before = title[: m.start()].split()
        previous = re.sub(r"\W+$", "", before[-1]) if before else ""
        if previous and previous.casefold() not in _SMALL_WORDS and previous[0].isupper():
            return ""
        return (" " if m.group().startswith(" ") else "") + symbol

    stripped = TICKER.sub(replace, title)
    return re.sub(r"\s{2,}", " ", stripped).strip(), tuple(symbols)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(letters) >= 8 and upper / len(letters) > 0.9 and len(text.split()) >= 2


def written_forms(text: str) -> dict[str, str]:
    """How the story writes its words in capitals or in mixed case ("AEL", "DuPont"), by their
    folded form; text written mostly in capitals tells nothing and gives nothing."""
    if not text or is_all_caps(text[:2000]):
        return {}
    forms: dict[str, Counter[str]] = {}
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if sum(c.isupper() for c in letters) > 0.9 * len(letters):
            continue  # a heading, a table or a dateline in capitals ("MUNICH 1996-08-30")
        for word in _WORD.findall(_DATELINE_PLACE.sub("", line)):
            word = word.rstrip(".")
            if len(word) >= 2 and word[1:] != word[1:].lower():
                forms.setdefault(word.casefold(), Counter())[word] += 1
    return {folded: counts.most_common(1)[0][0] for folded, counts in forms.items()}


def recase_headline(title: str, forms: dict[str, str] | None = None) -> str:
    """'CRICKET - LEICESTERSHIRE TAKE OVER AT TOP' -> 'Cricket - Leicestershire Take over at Top'.
    `forms` (from `written_forms` of the story) gives the case of the words it writes in capitals."""
    forms = forms or {}
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        middle = 0 < i < len(words) - 1
        parts = re.split(r"([/-])", word)  # "ENERGY/U.S.", "U.S.-JAPAN", "BUILD-UP": each part on its own
        out.append("".join(_recase_part(part, middle and j == 0, forms) for j, part in enumerate(parts)))
    return " ".join(out)


def _recase_part(part: str, middle: bool, forms: dict[str, str]) -> str:
    core = re.sub(r"^\W+|\W+$", "", part)
    if not core or "<" in part:
        return part
    if _DOTTED.match(core):
        return re.sub(r"['’]S\b", lambda m: m.group().lower(), part.upper())  # U.S., H.K., B.C., U.S.'s
    folded = core.casefold()
    possessive = re.match(r"^(.*?)(['’]s)?$", core, re.IGNORECASE)
    stem = possessive[1] if possessive else core
    if re.fullmatch(r"['’]S", part):
        return part.lower()  # "FRIDAY 'S", as tokenized wire text writes a possessive
    if core in _ACRONYMS or stem in _ACRONYMS:
        return part
    if folded in WIRE_ABBREVIATIONS:
        return part.lower()
    if any(c.isdigit() for c in core):
        return re.sub(r"(\d)([A-Z]+)\b", lambda m: m[1] + m[2].lower(), part)  # 1ST -> 1st, 1990S -> 1990s
    known = forms.get(folded) or forms.get(stem.casefold())
    if known is not None and len(stem) >= 2:
        return part.replace(core, known) if known.casefold() == folded else part.replace(stem, known)
    if middle and folded in _SMALL_WORDS:
        return part.lower()
    if len(core) <= 4 and core.isalpha() and not re.search(r"[AEIOUY]", core):
        return part  # no vowel: an acronym (CDU, BBC)
    return _capitalize_word(part.lower())


def _capitalize_word(word: str) -> str:
    # Capitalize each hyphenated part and Irish/French prefixes: "anti-war" -> "Anti-War",
    # "o'brien" -> "O'Brien", but "russia's" -> "Russia's".
    word = re.sub(r"(^|[-(\"“/])([^\W\d_])", lambda m: m[1] + m[2].upper(), word)
    return re.sub(r"^([OoDdLl]['’])([^\W\d_])", lambda m: m[1].capitalize() + m[2].upper(), word)
