"""Language detection's shortcut: a text plainly in English or Italian gets lingua's answer
without lingua; anything less clear is left to lingua."""

import pytest

from generator.enrich.clear_language import clear_language
from generator.enrich.language import PREFIX_CHARS, _detector, detect_language
from support import FIXTURES, SEED

ENGLISH = SEED.read_text(encoding="utf-8")
PROSE = ENGLISH[ENGLISH.index("The shooting down") :]  # its body, past the headline and the caption
ITALIAN = (
    "Il governo ha approvato giovedì il bilancio dello Stato per il prossimo anno, dopo una lunga discussione "
    "nella commissione. Secondo il ministro dell'Economia, che ha parlato ai giornalisti al termine della "
    "riunione, la crescita sarà più forte del previsto e il deficit scenderà sotto il tre per cento. "
    "L'opposizione ha criticato il testo, che secondo i sindacati non protegge abbastanza i salari. "
    "Il voto finale del Parlamento è atteso entro la fine del mese, quando anche il Senato dovrà esprimersi "
    "sulle misure per le famiglie e per le imprese delle regioni del Sud."
)


def lingua(text: str) -> str | None:
    found = _detector().detect_language_of(text[:PREFIX_CHARS])
    return found.iso_code_639_1.name.lower() if found else None


def test_plain_english_and_italian_are_told_without_lingua_and_as_lingua_tells_them():
    assert clear_language(ENGLISH[:PREFIX_CHARS]) == lingua(ENGLISH) == "en"
    assert clear_language(ITALIAN[:PREFIX_CHARS]) == lingua(ITALIAN) == "it"


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*.txt")), ids=lambda p: p.name)
def test_on_every_text_fixture_the_shortcut_answers_as_lingua_or_not_at_all(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for start in (0, text.find("\n\n") + 2):  # with its first line (a language line?) and without
        sample = text[start:][:PREFIX_CHARS]
        assert clear_language(sample) in (None, lingua(sample))


PASSAGES = [
    " Pemerintah mengumumkan pada hari Jumat bahwa anggaran negara untuk tahun depan akan dinaikkan secara signifikan. ",
    " Der Bundestag hat am Freitag mit der erforderlichen Mehrheit eine Lockerung beschlossen. ",
    " Le ministre des Transports a présenté mardi à Paris un plan de modernisation du réseau. ",
    " Il governo ha approvato giovedì il bilancio dello Stato per il prossimo anno. ",
]


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.split()[0])
@pytest.mark.parametrize("at", range(0, 600, 50))
def test_with_a_passage_in_another_language_the_shortcut_answers_as_lingua_or_not_at_all(passage, at):
    # Lingua can answer the passage's language for a text mostly in another (mixing real
    # texts found an English one that lingua called Indonesian): only a plain text is decided.
    cut = PROSE.find(" ", at) + 1
    sample = (PROSE[:cut] + passage + PROSE[cut:])[:PREFIX_CHARS]
    assert clear_language(sample) in (None, lingua(sample))


def test_a_run_of_words_without_english_function_words_is_not_plainly_english():
    assert clear_language(PROSE[:PREFIX_CHARS]) == "en"
    cut = PROSE.find(" ", 100) + 1
    assert clear_language((PROSE[:cut] + PASSAGES[0] + PROSE[cut:])[:PREFIX_CHARS]) is None


def test_letters_the_alphabet_lacks_leave_it_to_lingua():
    # More than two names with diacritics English lacks: lingua decides (and says English all the same).
    text = PROSE[:200] + " Recep Tayyip Erdoğan met Paweł Adamowicz in Gdańsk. " + PROSE[200:]
    assert clear_language(text[:PREFIX_CHARS]) is None
    assert detect_language(text) == "en"


def test_a_table_of_names_is_left_to_lingua():
    names = "Scholz 3 Macron 1, Meloni 2 Sanchez 2, Tusk 0 Costa 4, Rutte 1 Merz 1. " * 8
    assert clear_language(names[:PREFIX_CHARS]) is None


def test_a_name_or_two_with_letters_the_alphabet_lacks_do_not_leave_it_to_lingua():
    for names in ("Paweł Adamowicz", "Gdańsk", "Recep Erdoğan"):
        text = PROSE[:200] + f" {names} said. " + PROSE[200:]
        assert clear_language(text[:PREFIX_CHARS]) == lingua(text) == "en"
    text = ITALIAN[:150] + " Paweł Adamowicz, sindaco di Gdańsk, ha detto. " + ITALIAN[150:]
    assert clear_language(text[:PREFIX_CHARS]) == lingua(text) == "it"


def test_letters_the_alphabet_lacks_outside_names_leave_it_to_lingua():
    # Three names, a lowercase word, German's capitalized nouns with umlauts, another script.
    for inserted in (" Paweł, Gdańsk and Łódź said. ", " the word więcej was said. ", " Über Gebäude said. ",
                     " Tokyo (東京) said. "):
        text = PROSE[:200] + inserted + PROSE[200:]
        assert clear_language(text[:PREFIX_CHARS]) is None


def test_lingua_is_asked_from_exactly_the_minimum_of_letters(monkeypatch):
    from generator.enrich import language

    asked = []

    class Detector:
        def detect_language_of(self, text):
            asked.append(text)

    monkeypatch.setattr(language, "_detector", Detector)
    for letters in (language.MIN_LETTERS - 1, language.MIN_LETTERS):
        for letter in ("a", "é", "ж"):
            text = "".join(f"{letter}{letter} 1, " for _ in range(letters // 2)) + letter * (letters % 2) + " 2."
            assert sum(ch.isalpha() for ch in text) == letters
            asked.clear()
            assert language.detect_language(text) is None
            assert bool(asked) == (letters >= language.MIN_LETTERS)
