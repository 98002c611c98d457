"""The shared word splits give what splitting each time would (they are only faster)."""

import random
import sys

import pytest

from generator.textutil import FOLD_CHANGES_WORDS, folded_words, has_words, squash, text_words, words


def _kind(c: str) -> str:
    return "word" if c.isalnum() else "joiner" if c in "_'’-" else "other"


def test_the_characters_whose_folding_changes_words_are_listed():
    changed = "".join(c for c in map(chr, range(sys.maxunicode + 1))
                      if c.casefold() != c and any(_kind(x) != _kind(c) for x in c.casefold()))
    assert changed == FOLD_CHANGES_WORDS


@pytest.mark.parametrize("text", [
    "The U.S. Army's well-known O’Brien said: 'STRASSE' and Straße, ΟΔΟΣ ΣΑΣ.",
    "İstanbul'da İzmir", "ŉ apostrophe ǰ", "ᾷ ΐ ΰ ẖ", "rock’n’roll --- a-b _x_ 42-7",
    "",
])
def test_folded_words_are_the_words_of_the_folded_text(text):
    assert folded_words(text) == words(text.casefold())
    assert text_words(text) == words(text)


def test_folded_words_on_random_text():
    alphabet = "aZß İıK ſ-'’_1.Σςΐᾷŉǰ\u0345\u0307é"
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert folded_words(text) == words(text.casefold()), text


@pytest.mark.parametrize("alphabet, seed", [
    ("ab1_-'’. \t\n\u00a0\u2003\x1c\u0301é²½", 11),  # white space of every kind
    ("ab1é_-'’.,;:!?\"“”()[]…—/* \u00a0\u0301", 13),  # punctuation around words
])
def test_text_words_on_random_text(alphabet, seed):
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(16)))
        assert text_words(text) == words(text), text


def test_text_words_with_punctuation_around_words():
    assert text_words("(Reuters) “Yes,” he said… 'no'—and -- O’Brien's.") == [
        "Reuters", "Yes", "he", "said", "no", "and", "O’Brien's"]


def test_text_words_is_a_copy():
    text = "one two three"
    text_words(text).append("four")
    assert text_words(text) == ["one", "two", "three"]


@pytest.mark.parametrize("text", ["", "one", "a b c d e", "a b c d e f", "a, b; c - d e f g", "-- --"])
def test_has_words(text):
    for n in range(8):
        assert has_words(text, n) == (len(words(text)) >= n)


def test_the_only_printable_white_space_is_the_ascii_space():
    # squash returns printable text with single spaces as it is: no other white space may be printable.
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize("seed", [3, 5])
def test_squash_gives_single_spaces_between_words(seed):
    alphabet = "ab \t\n\r\u00a0\u2003\u2028\x1c\x0bé."
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(10)))
        assert squash(text) == " ".join(text.split()), repr(text)
