"""Scraper boilerplate and wire sign-offs are dropped, in .txt and .html alike; article text is kept."""

import datetime as dt
import re
import sys

import pytest
from support import FIXTURES

from generator.config import config_from_dict
from generator.text.markdown_text import plain_text
from generator.metadata import resolve
from generator.readers import read_file
from generator.readers.boilerplate import _FOLDS_TO_ASCII, is_junk_line, junk_blocks, split_sign_off

SCRAPED = FIXTURES / "scraped"
JUNK = ("Gift", "Share", "Sign up", "Fill out this form", "Spacer", "Transcripts", "Related stories",
        "Rights Reserved", "Comments", "Report abuse", "Home Leading", "Save Article", "Enter your email",
        "Click here", "Back to the", "Copyright", "Join the conversation", "commuter42")


def article(name):
    return resolve(read_file(SCRAPED / name, name), config_from_dict({}))[0]


@pytest.mark.parametrize("name, first_words, date", [
    ("council_budget_scraped.txt", "The city council voted 9-4 on Tuesday", dt.date(2024, 5, 14)),
    ("rail_strike_scraped.html", "Rail workers will walk out for 48 hours", dt.date(2024, 6, 3)),
])
def test_scraped_article_keeps_its_text_and_none_of_the_page(name, first_words, date):
    a = article(name)
    text = plain_text(a.blocks)
    assert [j for j in JUNK if j in text] == []
    assert a.summary.startswith(first_words) and text.startswith(first_words)
    assert a.date == date
    assert len(a.blocks) == 3  # every paragraph of the story, and nothing else


@pytest.mark.parametrize("line", [
    "Gift Article Share", "Print · Email · Comments (12)", "Teilen Drucken Merken", "Spacer",
    "Fill out this form to email this article", "Sign up for our daily briefing in your inbox.",
    "Already a subscriber? Log in to your account", "Return to Transcripts main page", "Back to top",
    "Home Leading The News World Business Sport", "Home > Europe > Poland", "Contact | Privacy | Terms of use",
    "© 2024 Lakeside Media Group. All Rights Reserved.", "Alle Rechte vorbehalten.", "READ MORE: Council backs budget",
])
def test_kinds_of_page_furniture(line):
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "Home Secretary Resigns Over Visa Scandal",  # a headline that starts with "Home"
    "Share prices fell 3 percent in Frankfurt.", "Subscribers to the scheme will get a refund, the minister said.",
    "Follow the money, the auditor told the council.", "Print workers went on strike at the plant on Monday.",
    "Copyright lawyers say the ruling will be appealed.", "Back to school costs rose again this year, the survey found.",
    "Team | Played | Won",  # a table row
])
def test_article_sentences_that_look_alike_are_kept(line):
    assert not is_junk_line(line)


@pytest.mark.parametrize("line", [
    "ALL RIGHTS RESERVED", "Tous droits réservés", "(C) Lakeside Media", "We use cookies to improve the site",
    "All rightſ reſerved",  # a long s matches "s" case-insensitively: the quick word check must not skip it
    "This website uſes cookies",
    "By continuing to browse you agree. " + "More words here. " * 20 + "We use cookies.",  # longer than 300
])
def test_copyright_and_cookie_lines_in_any_case_or_spelling(line):
    assert is_junk_line(line)


def test_the_quick_word_check_knows_every_letter_that_matches_ascii_only_ignoring_case():
    # Lines without one of the key words skip the copyright and cookie searches unless they
    # have one of these letters; an ordinary letter here (a "K" for the Kelvin sign) would
    # send every line with it through both searches.
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(c for c in map(chr, range(128, sys.maxunicode + 1)) if letter.fullmatch(c))
    assert found == _FOLDS_TO_ASCII
    assert "K" not in _FOLDS_TO_ASCII


def test_comment_section_is_cut_only_after_the_story_began():
    blocks = ["Title", "First paragraph of the story.", "Second paragraph.", "3 Comments", "Great piece!", "Rubbish."]
    assert junk_blocks(blocks) == [False, False, False, True, True, True]
    assert junk_blocks(["Comments", "The story itself, as a sentence."]) == [True, False]


def test_a_list_of_links_under_a_related_heading_goes_but_the_story_after_it_stays():
    blocks = ["Story.", "Most read", "Storm closes harbour", "Ferry fares rise", "The council met again on Friday."]
    assert junk_blocks(blocks) == [False, True, True, True, False]


@pytest.mark.parametrize("text, rest, agency", [
    ("The company said.\nREUTER", "The company said.", "Reuters"),
    ("The company said.  REUTER^M", "The company said.", "Reuters"),
    ("Reuter", "", "Reuters"),
    ("AFP", "", "AFP"),
    ("- dpa/AP", "", "dpa"),
    ("(Reporting by Jane Doe; Editing by John Smith)", "", None),
    ("He spoke to Reuters", "He spoke to Reuters", None),
    ("Talks with AP", "Talks with AP", None),
])
def test_sign_offs(text, rest, agency):
    assert split_sign_off(text) == (rest, agency)


@pytest.mark.parametrize("line", [
    "Home | News | World", "Print · Email · Comments (12)", "Share / Tweet / Email", "share\u2003print\u00a0email",
    "Home\x1cNews\x1cWorld Sport Business", "Sign up for our newsletter / alerts",
])
def test_furniture_words_split_at_white_space_and_separators(line):
    assert is_junk_line(line)


def test_sentence_end_check_is_the_pattern():
    import random

    from generator.readers.boilerplate import _SENTENCE_END, _ends_sentence

    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice("a.!?…\"”»)\n ") for _ in range(rng.randrange(6)))
        assert _ends_sentence(text) == bool(_SENTENCE_END.search(text)), repr(text)
