"""Article text as sentences and runs of capitalized words, without a Python step per word.

Names are capitalized, so the extractor only needs the capitalized words and a few words
around them. One regex finds every run of capitalized words in a paragraph ("Secretary
General Mark Rutte", "Ursula von der Leyen"); another finds the sentence ends. The words
around a run (a title before it, "said" after it) are tokenized on demand, a few at a
time, by `Sentence.before` and `Sentence.after`. The regex engine skips the lowercase
words, which are most of the text.

Token shapes: lowercase, Capitalized, CAPS, an initial ("G."), a number, or other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import CONNECTORS, NAME_PARTICLES

OTHER, LOWER, TITLE, UPPER, INITIAL, NUMBER = range(6)


def _char_class(test) -> str:
    """A regex character class of the BMP characters passing `test`, as ranges."""
    codes = [c for c in range(0x10000) if test(chr(c))]
    parts: list[str] = []
    start = prev = codes[0]
    for c in codes[1:] + [-1]:
        if c == prev + 1:
            prev = c
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = c
    return "[" + "".join(parts) + "]"


_UP = _char_class(lambda ch: ch.isupper() or ch.istitle())  # a capital letter, in any script
_ABBREV = "St|ST|Mt|MT|Ft|FT|Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Gov|Rep|Prof|Rev|Messrs|Brig|Cdr"
_ABBREV_SET = frozenset(_ABBREV.split("|"))
_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=lambda p: (-len(p), p)))
# A romanized East Asian given name joins its syllables with a hyphen, the second in lower case
# ("Kim Jong-un", "Moon Jae-in", "Ban Ki-moon", "Chen Chun-yeh"): two single syllables (after the
# capital: an optional second onset letter, vowels, an optional final n/ng/m/k/l/p/t/g/b/r/h) are
# one word. English compounds ("Berlin-based", "US-led", "Mao-era") never have that shape.
SYLLABLE_REST = r"[hsyw]?[aeiouy]{0,3}(?:ng|[nmklptgbrh])?"
SYLLABLE = r"[bcdghjklmnprstwy]{0,2}[aeiouy]{1,3}(?:ng|[nmklptgbrh])?"
_GIVEN_NAME_TAIL = SYLLABLE_REST + r"-" + SYLLABLE + r"(?![\w&-])"
_WORD_TAIL = (r"(?:" + _GIVEN_NAME_TAIL + r"|[\w&]*(?:(?:['’](?!s\b)|-(?:(?:" + _PARTICLE + r")-)*(?=" + _UP
              + r"))[^\W_][\w&]*)*)")

# Every token, as the extractor sees them: "U.S.", "Mr.", "G." (an initial), numbers and scores,
# words with inner apostrophes and hyphens (a possessive 's is a token of its own), punctuation.
# A hyphen joins parts that are all capitalized ("Jean-Claude") or all not ("well-known"):
# "NATO-led", "Berlin-based" and "pro-Russian" are three tokens each.
TOKEN = re.compile(
    r"[a-z][\w&]*(?:(?:['’](?!s\b)|-(?!" + _UP + r"))[^\W_][\w&]*)*(?!\w|\.[^\W\d_]\.)"  # the common case
    r"|(?:[^\W\d_]\.){2,}"
    r"|(?:" + _ABBREV + r")\.(?=\s+[^\W\d_])"
    r"|[^\W\d_a-z]\.(?=\s+[^\W\d_])"
    r"|\d+(?:[.,:/-]\d+)*"
    r"|[^\W_]" + _WORD_TAIL +
    r"|['’]s\b"
    r"|\S"
)

# A capitalized token: a dotted abbreviation ("U.S."), an initial ("G."), or a word whose
# hyphenated parts are all capitalized ("Jean-Claude", "Inzamam-ul-Haq"; "NATO-led" is "NATO").
# The pattern starts with a plain character class so that the regex engine scans for it fast;
# title abbreviations ("Mr.", "St.") are joined to the name after them in `sentences`.
_CAP_REST = r"(?:\.(?:(?:[^\W\d_]\.)+|(?= [^\W\d_]))|" + _WORD_TAIL + r")"
_CAP_INNER = r"(?:" + _UP + _CAP_REST + r"|(?:(?:" + _PARTICLE + r")-)+" + _UP + _WORD_TAIL + r")"  # "al-Abidine"
_CONNECTOR = "|".join(sorted((re.escape(c) for c in CONNECTORS), key=lambda c: (-len(c), c)))
RUN = re.compile(_UP + r"(?<![\w&'’].)" + _CAP_REST + r"(?: (?:(?:" + _CONNECTOR + r") ){0,3}" + _CAP_INNER + r")*")
_PARTICLE_PREFIX = re.compile(r"(?<![\w'’-])(?:(?:" + _PARTICLE + r")-)+\Z")

# A sentence ends at . ! ? or … followed (after closing quotes, brackets and openers) by a
# capitalized word or a number.
_SENTENCE_END = re.compile(r"[.!?…][”’\")\]]*(?=[ \"“‘«(\[—–'’-]+(?:" + _UP + r"|\d))")
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st mt jr sr no vs etc inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec dept est fig rev hon pres messrs cdr brig ft
""".split())
_ALNUM = re.compile(r"[^\W_]")
_LETTER_TOKEN = re.compile(r"(?<![\w&'’])[^\W\d_]")
_CAPITAL_TOKEN = re.compile(r"(?<![\w&'’])" + _UP)

_shapes: dict[str, int] = {}


def shape(token: str) -> int:
    """The shape of a token (memoized: names repeat)."""
    s = _shapes.get(token)
    if s is None:
        s = _shape(token)
        if len(_shapes) < 200_000:
            _shapes[token] = s
    return s


def _shape(token: str) -> int:
    first = token[0]
    if first.isdigit():
        return NUMBER
    if not first.isalpha():
        return OTHER
    if first.islower():
        head, _, rest = token.partition("-")
        if rest[:1].isupper() and head in NAME_PARTICLES:
            return TITLE  # "al-Abidine", "al-Aqsa"
        return LOWER
    if len(token) == 2 and token[1] == ".":
        return INITIAL
    if token.isascii() and token.isalpha():  # (most names: every character a cased letter)
        return UPPER if len(token) >= 2 and token.isupper() else TITLE
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return UPPER
    return TITLE


@dataclass(slots=True)
class Sentence:
    text: str  # the paragraph the sentence is in
    begin: int  # offsets in `text`
    end: int
    paragraph: int
    zone: str  # "title", "caption" or "body"
    weak: bool  # capitalization says little here (a headline, a line in capitals)
    first: int  # offset of the first word or number (capitalized because it starts the sentence)
    runs: list[tuple[int, str]] = field(default_factory=list)  # offsets and runs of capitalized words

    def before(self, pos: int, n: int = 1) -> list[str]:
        """Up to `n` tokens of this sentence before offset `pos`, in text order."""
        text, lo = self.text, self.begin
        k = pos - 1
        for _ in range(n):
            k = text.rfind(" ", lo, k)
            if k < 0:
                k = lo - 1
                break
        tokens = TOKEN.findall(text, k + 1, pos)
        return tokens[-n:] if len(tokens) > n else tokens

    def after(self, pos: int, n: int = 1) -> tuple[list[str], bool]:
        """At least `n` tokens of this sentence from offset `pos` (fewer at its end), and
        whether they reach the end of the sentence. Only the first `n` are reliable."""
        text, hi = self.text, self.end
        k = pos
        for _ in range(n):
            k = text.find(" ", k + 1, hi)
            if k < 0:
                k = hi
                break
        return TOKEN.findall(text, pos, min(hi, k + 2)), k >= hi

    def next_token(self, pos: int) -> str:
        """The token at offset `pos` or after the space there ("" at the end of the sentence)."""
        text, hi = self.text, self.end
        if pos >= hi:
            return ""
        c = text[pos]
        if c != " ":
            if c.isalnum():
                return TOKEN.match(text, pos, hi).group()
            if c in "'’" and text.startswith("s", pos + 1) and not text[pos + 2 : pos + 3].isalnum():
                return "'s"
            return c
        k = text.find(" ", pos + 1, hi)
        chunk = text[pos + 1 : k] if k >= 0 else text[pos + 1 : hi]
        if chunk.isalpha():
            return chunk
        m = TOKEN.match(text, pos + 1, hi)
        return m.group() if m else ""

    def prev_token(self, pos: int) -> str:
        """The token before offset `pos` ("" at the start of the sentence)."""
        text, lo = self.text, self.begin
        if pos <= lo:
            return ""
        c = text[pos - 1]
        if c != " ":
            return c if not c.isalnum() else self.before(pos, 1)[-1]
        k = text.rfind(" ", lo, pos - 1)
        chunk = text[k + 1 : pos - 1]
        if chunk.isalpha():
            return chunk
        if chunk[-1:] in _CLOSING and len(chunk) > 1:
            return chunk[-1]  # "said," or "(Reuters)": a mark no token reaches across
        tokens = TOKEN.findall(chunk)
        return tokens[-1] if tokens else ""


_CLOSING = frozenset(',;:)]"”!?')

# An Italian or French article elided before a name: "dell'ONU", "all'Agence France Presse",
# "l'Unione Europea", "qu'Emmanuel Macron". Read as a space (same length, so offsets hold), the
# name is a run like any other. Not "d'": "Giscard d'Estaing", "Banca d'Italia" keep theirs.
# (Most apostrophes have no capital after them, "it's", "Obama's": a quick scan for one tells.)
_APOSTROPHE_CAPITAL = re.compile("['’]" + _UP)
_ELISION = re.compile(r"(?<![\w'’])(?:l|dell|nell|all|dall|sull|coll|quell|degl|qu|jusqu|lorsqu|puisqu|un)['’](?=" + _UP + ")")


def sentences(text: str, paragraph: int, zone: str, weak: bool = False) -> list[Sentence]:
    """The sentences of one paragraph (or title, or caption), whitespace already normalised,
    that hold runs of capitalized words, with their runs."""
    if ("'" in text or "’" in text) and _APOSTROPHE_CAPITAL.search(text):
        text = _ELISION.sub(lambda m: m.group()[:-1] + " ", text)
    found = [m.span() for m in RUN.finditer(text)]
    if not found:
        return []
    bounds = [0]
    for e in _SENTENCE_END.finditer(text):
        k = e.start()
        if text[k] != "." or not _abbreviated(text, k):
            end = e.end()
            bounds.append(end + 1 if text[end] == " " else end)
    bounds.append(len(text))
    out: list[Sentence] = []
    runs: list[tuple[int, str]] = []
    bi = 0  # the sentence is text[bounds[bi]:bounds[bi + 1]]
    limit = -1  # where the current sentence ends (none yet)
    last_start = last_end = -2
    capitals = False  # the sentence has a word in capitals, maybe
    for start, end in found:
        if start == last_end + 2 and start < limit and text[last_end] == "." \
                and text[max(last_start, text.rfind(" ", last_start, last_end) + 1) : last_end] in _ABBREV_SET:
            last_end = end  # "Mr. Smith", "St. Louis": one name
            runs[-1] = (last_start, _recased(text[last_start:end]))
            continue
        if start and text[start - 1] == "-":
            p = _PARTICLE_PREFIX.search(text, max(0, start - 16), start)
            if p:  # "al-Qaeda": the particle belongs to the name
                start = p.start()
        last_start, last_end = start, end
        run = text[start:end]
        if "." in run:
            run = _recased(run)
        if end <= limit:
            runs.append((start, run))
            if not capitals and not run.istitle():
                capitals = True
            continue
        while start < end:  # a new sentence, or a run across a sentence end (rare: cut there)
            if start >= limit:
                if capitals and not weak:
                    _mark_capitals_line(out[-1])
                capitals = False
                while start >= bounds[bi + 1]:
                    bi += 1
                begin, limit = bounds[bi], bounds[bi + 1]
                if text[begin].isalnum():
                    first = begin
                else:
                    a = _ALNUM.search(text, begin, limit)
                    first = a.start() if a else limit
                sentence = Sentence(text, begin, limit, paragraph, zone, weak, first)
                runs = sentence.runs
                out.append(sentence)
            stop = end if end <= limit else max(text.rfind(" ", start, limit), start) or limit
            if stop == start:
                stop = limit
            piece = run if stop == end and start == last_start else _recased(text[start:stop])
            runs.append((start, piece))
            if not capitals and not piece.istitle():
                capitals = True
            last_start, last_end = start, stop
            start = stop + 1 if stop < end and text[stop] == " " else stop
            while start < end and not text[start].isalnum():
                start += 1
    if capitals and not weak:
        _mark_capitals_line(out[-1])
    return out


def _recased(run: str) -> str:
    """'U.s.' from a re-cased headline is 'U.S.'."""
    if "." not in run:
        return run
    return " ".join(w.upper() if len(w) >= 4 and w[1] == "." and w[-1] == "." and not w.isupper() else w
                    for w in run.split(" "))


def _abbreviated(text: str, k: int) -> bool:
    """The period at `k` ends an abbreviation or an initial, not a sentence."""
    i = text.rfind(" ", 0, k) + 1
    word = text[i:k]
    if not word[-1:].isalnum():
        return False
    if not word.isalnum():
        for i in range(len(word) - 1, -1, -1):
            if not (word[i].isalnum() or word[i] in "&'’"):
                break
        else:
            i = -1
        if len(word) - i == 2 and i >= 1 and word[i] == "." and word[i - 1].isalpha():
            return True  # "U.S."
        word = word[i + 1 :]
    letter_next = k + 2 < len(text) and text[k + 1] == " " and text[k + 2].isalpha()
    if letter_next and (word in _ABBREV_SET or len(word) == 1 and word.isalpha() and not "a" <= word <= "z"):
        return True  # "Mr. Smith", "Alexus G. Grynkewich"
    return word.casefold() in _ABBREVIATIONS


def _mark_capitals_line(s: Sentence) -> None:
    """A line in capitals ("SOCCER - ENGLISH LEAGUE RESULTS") says little about names."""
    upper = 0
    for _, run in s.runs:
        for w in run.split(" "):
            if len(w) > 1 and w.isupper() and shape(w) == UPPER:
                upper += 1
    if upper < 2:
        return
    letters = len(_LETTER_TOKEN.findall(s.text, s.begin, s.end))
    if letters >= 3 and upper >= 0.6 * letters:
        s.weak = True


def is_headline_case(text: str) -> bool:
    """Most words capitalized: a headline, where capitals say little about names."""
    letters = len(_LETTER_TOKEN.findall(text))
    if letters < 3:
        return True
    return len(_CAPITAL_TOKEN.findall(text)) >= 0.6 * letters


def tokens_from(text: str, pos: int, limit: int) -> list[tuple[str, int]]:
    """Up to `limit` tokens from offset `pos`, with their offsets (for names spanning lowercase words)."""
    out: list[tuple[str, int]] = []
    for m in TOKEN.finditer(text, pos):
        out.append((m.group(), m.start()))
        if len(out) >= limit:
            break
    return out
