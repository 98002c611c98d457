"""Faster entity lookups find what the plain ones did (speed changes must not change names)."""


from support import FIXTURES

from generator.enrich.entities.candidates import _gaz_prefix, _spanning_name
from generator.enrich.entities.gazetteer import gazetteer
from generator.enrich.entities.tokens import TOKEN, sentences


def _spanning_name_plainly(s, start, run_length, gaz):
    """The lookup as first written: eight tokens, then the longest known name among them."""
    tokens = [(m.group(), m.start()) for m, _ in zip(TOKEN.finditer(s.text, start), range(8))]
    tokens = [(w, k) for w, k in tokens if k < s.end]
    words = [w for w, _ in tokens]
    end = _gaz_prefix(words, 0, len(words), gaz)
    if end <= run_length:
        return None
    return tuple(words[:end]), tokens[end - 1][1] + len(words[end - 1])


TEXTS = [
    "The Organisation for Security and Cooperation in Europe met in Bosnia and Herzegovina on Monday.",
    "Trinidad and Tobago beat Antigua and Barbuda; the Bank of England and McDonald’s said so.",
    "Officials from Bosnia and the United States of America and the Democratic Republic of the Congo spoke.",
    "President of the European Commission Ursula von der Leyen visited Papua New Guinea.",
]


def _fixture_texts():
    for folder in ("entities", "wire", "text", "scraped"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            yield from (p for p in path.read_text(encoding="utf-8", errors="replace").split("\n\n") if p.strip())


def test_name_prefixes_are_the_openings_of_longer_names():
    gaz = gazetteer()
    assert "bosnia and" in gaz.name_prefixes and "bosnia" in gaz.name_prefixes
    assert "bosnia and herzegovina" not in gaz.name_prefixes or any(
        n.startswith("bosnia and herzegovina ") for n in gaz.names)


def test_spanning_names_are_found_as_before():
    gaz = gazetteer()
    checked = 0
    for text in TEXTS + list(_fixture_texts()):
        text = " ".join(text.split())
        for sentence in sentences(text, 0, "body"):
            for offset, run in sentence.runs:
                for start in (offset, offset + run.find(" ") + 1 if " " in run else offset):
                    for run_length in (1, 2, 3):
                        assert _spanning_name(sentence, start, run_length, gaz) \
                            == _spanning_name_plainly(sentence, start, run_length, gaz), (text, start)
                        checked += 1
    assert checked > 1000


def test_known_lower_words_are_what_the_pattern_finds():
    import random

    from generator.enrich.entities.analyse import _LOWER_WORD, known_lower_words

    alphabet = "abcAZéÉß²½1_-'’ \t\n\xa0\u2003.,()“”‘ǅ"
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(14)))
        found = set(_LOWER_WORD.findall(text))
        known = {w for w in found if rng.random() < 0.5}
        here = {w for w in found if rng.random() < 0.3} | {"abc"}
        expected = frozenset(w for w in found if w.islower() and (w in known or w in here))
        assert known_lower_words(text, known, here) == expected, text


def test_the_marks_around_words_become_spaces_as_the_pattern_replaces_them():
    """`known_lower_words` reads the marks as spaces by bytes.translate over UTF-8 (and the pattern
    for a text UTF-8 cannot encode): every mark, ASCII or not, and nothing else."""
    import random

    from generator.enrich.entities.analyse import _EDGE_MARKS, _MARKS, _marks_as_spaces

    alphabet = _EDGE_MARKS + "abcÉß½1_-'’ \t\n\xa0‚„‹›′″—–\u3002\U0001f600"
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(20)))
        if rng.random() < 0.05:
            text += "\ud800"  # a lone surrogate
        assert _marks_as_spaces(text) == _MARKS.sub(" ", text), repr(text)


def test_the_token_before_a_name_is_the_last_token_of_the_word_there():
    """`prev_token` skips the tokenizer for a word ending in a comma or a bracket ("said,"):
    it must still give what the tokenizer would."""
    checked = 0
    for text in TEXTS + list(_fixture_texts()):
        text = " ".join(text.split())
        for sentence in sentences(text, 0, "body"):
            for pos in range(sentence.begin + 1, sentence.end):
                if text[pos - 1] == " ":
                    chunk = text[text.rfind(" ", sentence.begin, pos - 1) + 1 : pos - 1]
                    tokens = TOKEN.findall(chunk)
                    assert sentence.prev_token(pos) == (tokens[-1] if tokens else ""), (text, pos)
                    checked += chunk[-1:] in ",;:)]\"”!?"
    assert checked > 50


def _shape_plainly(token: str) -> int:
    """The word shape as first written, letter by letter."""
    from generator.enrich.entities.lexicon import NAME_PARTICLES
    from generator.enrich.entities.tokens import INITIAL, LOWER, NUMBER, OTHER, TITLE, UPPER

    first = token[0]
    if first.isdigit():
        return NUMBER
    if not first.isalpha():
        return OTHER
    if first.islower():
        head, _, rest = token.partition("-")
        return TITLE if rest[:1].isupper() and head in NAME_PARTICLES else LOWER
    if len(token) == 2 and token[1] == ".":
        return INITIAL
    letters = [c for c in token if c.isalpha()]
    return UPPER if len(letters) >= 2 and all(c.isupper() for c in letters) else TITLE


SHAPE_TOKENS = ["NATO", "Nato", "A", "I", "US", "U.S.", "G.", "McDonald", "O'Brien", "AT&T", "Jean-Claude",
                "NATO-led", "al-Aqsa", "al-qaeda", "123", "3M", "(", "Élysée", "ÉLYSÉE", "Ǆemal", "ǅemal",
                "A中", "中国", "Straße", "STRASSE", "Ⅻ", "X2", "R2D2", "IBMs", "iPhone", "'s", "DJ's", "Ab1", "AB1"]


def test_word_shapes_are_as_before():
    from generator.enrich.entities.tokens import _shape

    words = SHAPE_TOKENS + [w for text in TEXTS for w in TOKEN.findall(text)]
    for text in _fixture_texts():
        words += TOKEN.findall(text)
    for word in words:
        assert _shape(word) == _shape_plainly(word), word


def test_spelling_blind_keys_are_as_before():
    import re
    import unicodedata

    from generator.enrich.entities.variants import fold

    def fold_plainly(name: str) -> str:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))

    names = SHAPE_TOKENS + ["U.S.", "United States", "São Paulo", "Ⅻ", "ﬁnance", "Bosnia_Herzegovina", "Ǆ", "ß", "İstanbul"]
    for name in names:
        assert fold.__wrapped__(name) == fold_plainly(name), name
