"""An article's language: its language line, its front matter, or detection; dates read in it."""

import datetime as dt

import pytest

from generator.config import config_from_dict
from generator.text.dates import first_date
from generator.enrich.language import MIN_LETTERS, PREFIX_CHARS, candidate_languages, detect_language
from generator.languages import NAME_BY_CODE
from generator.metadata import resolve
from generator.readers import read_bytes
from support import FIXTURES, SEED

LANGUAGES = FIXTURES / "languages"


def resolved(name: str, data: bytes | None = None, **config):
    data = data if data is not None else (LANGUAGES / name).read_bytes()
    article, problems = resolve(read_bytes(name, data), config_from_dict(config))
    return article


@pytest.mark.parametrize(
    "text, code",
    [
        ("Le ministre des Transports a présenté mardi à Paris un plan de modernisation du réseau ferroviaire.", "fr"),
        ("Der Bundestag hat am Freitag mit der erforderlichen Mehrheit eine Lockerung der Schuldenbremse beschlossen.", "de"),
        ("Polish and allied fighter jets shot down at least four drones that crossed into Polish airspace.", "en"),
        ("El Gobierno aprobó el martes un plan para modernizar la red ferroviaria del país.", "es"),
        ("Sejm przyjął w piątek ustawę o ochronie ludności i obronie cywilnej w największych miastach.", "pl"),
        ("Правительство заявило в среду, что не планировало ударов по территории соседней страны.", "ru"),
        ("Regjeringen har besluttet å stenge flyplassene i nord fram til lørdag morgen.", "no"),
    ],
)
def test_detects_the_language_of_article_text(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "OK", "NATO", "Tusk, Rutte, Merz", "12.09.2025 14:00"])
def test_too_little_text_is_not_guessed(text):
    assert sum(ch.isalpha() for ch in text) < MIN_LETTERS
    assert detect_language(text) is None


def test_every_answer_is_a_language_digest_knows():
    assert set(candidate_languages()) == set(NAME_BY_CODE)


def test_detection_reads_the_opening_of_an_article_not_all_of_it():
    # The head decides (README: the title and the first 600 characters), so a long article costs
    # no more than a short one; throughput itself is measured by `make bench`.
    german = (LANGUAGES / "de_haushalt_ohne_sprachzeile.txt").read_text(encoding="utf-8")
    head = german[:PREFIX_CHARS]
    english_tail = "\n\n" + SEED.read_text(encoding="utf-8") * 2  # ~10,000 characters of English news
    assert detect_language(head + english_tail) == "de"
    assert detect_language(english_tail) == "en"


def test_french_article_without_language_line_gets_french_and_its_date():
    article = resolved("fr_rail_sans_ligne_de_langue.txt")
    assert article.language == "fr"
    assert article.date == dt.date(2012, 5, 22)
    assert article.date_source == "text"
    assert article.author == "Claire Dubois"


def test_german_article_without_language_line_gets_german_and_its_date():
    article = resolved("de_haushalt_ohne_sprachzeile.txt")
    assert article.language == "de"
    assert article.date == dt.date(2025, 9, 12)
    assert article.author == "Jürgen Weiß"


def test_dates_are_read_in_the_article_language():
    # "listopada" is November in Polish, October in Croatian.
    polish = resolved("pl_listopad.txt")  # detected
    croatian = resolved("hr_listopad.txt")  # language line "Hrvatski"
    assert (polish.language, polish.date) == ("pl", dt.date(2024, 11, 1))
    assert (croatian.language, croatian.date) == ("hr", dt.date(2024, 10, 1))


def test_a_word_that_is_two_months_is_not_read_without_a_language():
    assert first_date("1 listopada 2024") is None
    assert first_date("1 listopada 2024", "pl") == dt.date(2024, 11, 1)
    assert first_date("1. listopada 2024.", "hr") == dt.date(2024, 10, 1)


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Lisboa, 5 out. 2024 –", "pt", dt.date(2024, 10, 5)),
        ("12 сентября 2025 года", "ru", dt.date(2025, 9, 12)),
        ("Stockholm den 3 augusti 2023", "sv", dt.date(2023, 8, 3)),
        ("Praha 3. března 2024", "cs", dt.date(2024, 3, 3)),
        ("Helsinki 12. syyskuuta 2025", "fi", dt.date(2025, 9, 12)),
        ("İstanbul, 3 Mayıs 2024", "tr", dt.date(2024, 5, 3)),
        ("Budapest, 2025. szeptember 12.", "hu", dt.date(2025, 9, 12)),
        ("Barcelona, 1 d'octubre de 2024", "ca", dt.date(2024, 10, 1)),
        ("Αθήνα, 12 Σεπτεμβρίου 2025", "el", dt.date(2025, 9, 12)),
        ("東京、2025年9月12日", "ja", dt.date(2025, 9, 12)),
    ],
)
def test_dates_in_more_languages(text, language, expected):
    assert first_date(text, language) == expected


def test_english_words_are_not_portuguese_months_in_english_text():
    assert first_date("he was 5 out 2024 times", "en") is None


def test_the_owner_and_the_language_line_win_over_detection():
    french_text = (LANGUAGES / "fr_rail_sans_ligne_de_langue.txt").read_text(encoding="utf-8")
    lined = resolved("lined.txt", ("English\n\n" + french_text).encode())
    given = resolved("given.md", ("---\nlanguage: it\n---\n" + french_text).encode())
    assert lined.language == "en"
    assert given.language == "it"


def test_short_text_falls_back_to_the_site_default():
    article = resolved("short.txt", b"Kurz\n\nNur ein Satz.", default_language="de")
    assert article.language == "de"
    article = resolved("short.txt", b"Short\n\nOne line.", default_language="en")
    assert article.language == "en"
