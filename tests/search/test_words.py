"""How search turns text into words: folding, any script, stop words of the text's language."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.text import fold, shard_key, stop_words, term_counts, words


def test_accents_case_and_compatibility_forms_fold_away():
    assert words("ÉCOLE Café naïve Ærø Straße Łódź İstanbul ﬁnal x²") == [
        "ecole", "cafe", "naive", "aero", "strasse", "lodz", "istanbul", "final", "x2"]


def test_words_of_any_script():
    assert words("Привёт, мир! Ελληνικά ΟΔΟΣ עִבְרִית العربية") == ["привет", "мир", "ελληνικα", "οδοσ", "עברית", "العربية"]


def test_scripts_without_spaces_become_pairs_of_characters():
    assert words("東京都 に") == ["東京", "京都", "に"]
    assert words("Tokyo東京") == ["tokyo", "東京"]


def test_punctuation_apostrophes_and_no_break_spaces_separate_words():
    assert words("Rutte’s “NATO”\u00a0drones—again (2025)") == ["rutte", "s", "nato", "drones", "again", "2025"]


def test_very_long_tokens_are_not_words():
    assert words("a" * 41 + " ok") == ["ok"]


def test_stop_words_are_left_out_in_the_texts_language_only():
    assert "war" in term_counts("The war in Ukraine", "en")
    assert "the" not in term_counts("The war in Ukraine", "en")
    assert "war" not in term_counts("Es war einmal", "de")
    assert term_counts("Es war einmal", "fi") == Counter({"es": 1, "war": 1, "einmal": 1})  # no Finnish list
    assert "der" in stop_words("de-AT")


def test_stop_lists_keep_content_words():
    for word in ["bill", "general", "fire", "world", "war", "state", "president"]:
        assert word not in stop_words("en")


def test_shard_key_is_two_characters_or_one_for_scripts_without_spaces():
    assert shard_key("rutte") == "ru"
    assert shard_key("a") == "a"
    assert shard_key("東京") == "東"
    assert shard_key("привет") == "пр"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Z", "S"]), max_size=80))
def test_the_fast_counter_agrees_with_the_plain_definition(text):
    assert term_counts(text, "en") == Counter(w for w in words(text) if w not in stop_words("en"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
