"""Publication dates only from where an article says when it was published; other dates are the story's."""

import datetime as dt

import pytest
from support import FIXTURES

from generator.config import config_from_dict
from generator.text.published import publication_date
from generator.metadata import resolve
from generator.readers import read_file

WIRE = FIXTURES / "wire"


def article(name):
    return resolve(read_file(WIRE / name, name), config_from_dict({}))[0]


@pytest.mark.parametrize(
    "opening, expected",
    [
        (["LONDON 1996-08-30", "Leicestershire beat Somerset by an innings."], dt.date(1996, 8, 30)),
        (["FARMINGTON HILLS, Mich.", "1996-08-30", "Shares rose on Friday."], dt.date(1996, 8, 30)),
        (["BRUSSELS, Friday, September 12, 2025 (AP) — NATO allies agreed on Friday."], dt.date(2025, 9, 12)),
        (["Beirut (Libanon), 13.07.2006 – Die israelische Armee ist gestern vorgerückt."], dt.date(2006, 7, 13)),
        (["Baghdad, domenica 5 novembre 2006 L'ex rais iracheno è stato condannato."], dt.date(2006, 11, 5)),
        (["Published 3 June 2024, 08:15", "The union said talks broke down."], dt.date(2024, 6, 3)),
        (["Un elicottero è precipitato nel Mar Baltico oggi mercoledì 10 agosto 2005, attorno alle 13."],
         dt.date(2005, 8, 10)),
    ],
)
def test_dates_stated_as_the_publication_date(opening, expected):
    assert publication_date(opening, language="it" if "è" in opening[0] else None) == expected


@pytest.mark.parametrize(
    "opening",
    [
        ["Gordon Brown was born on 20 February 1951 in Giffnock, near Glasgow."],
        ["NEW YORK, March 3 - The company repaid 200 mln dlrs of notes due March 1, 1992."],
        ["Il 14 marzo 2018, nelle prime ore del mattino, muore Stephen Hawking."],  # a retrospective opening
        ["L'1 settembre 2005, George W. Bush affermò all'Associated Press che nessuno lo aveva previsto."],
        ["Il presidente di Cuba (nato il 13 agosto 1926) ha diramato un comunicato."],
        ["Pinochet, che ha governato il Cile dall'11 settembre 1973 all'11 marzo 1990, è morto oggi."],
    ],
)
def test_dates_of_events_in_the_story_are_not_publication_dates(opening):
    assert publication_date(opening, language="it") is None


def test_a_sentence_that_starts_with_a_date_line_word_is_story_text():
    assert publication_date(["Updated forecasts released on 3 March 2020 show the river rising further."]) is None
    assert publication_date(["Updated: Tuesday, 3 March 2020, 10:42 CET"]) == dt.date(2020, 3, 3)


def test_a_caption_dates_the_article_only_when_it_says_when_the_photo_was_taken():
    assert publication_date([], "Dock workers in Rotterdam, Friday, May 3, 2024, after the vote.") == dt.date(2024, 5, 3)
    assert publication_date([], "The harbour, photographed on 2 May 2024 from the north.") == dt.date(2024, 5, 2)
    assert publication_date([], "Gordon Brown, born 20 February 1951, at the Treasury.") is None


def test_a_profile_is_not_dated_by_the_birth_date_in_its_body():
    profile = article("profile_birth_date.txt")
    assert profile.date is None and profile.date_source is None


def test_a_wire_item_is_not_dated_by_a_maturity_or_fiscal_date():
    item = article("sun_fund_ticker_signoff.txt")  # "NEW YORK, March 3 -": no year, so no date
    assert item.date is None


def test_the_caption_of_a_photo_taken_that_day_dates_the_article_not_an_earlier_strike():
    harbour = article("caption_dated.txt")
    assert (harbour.date, harbour.date_source) == (dt.date(2024, 5, 3), "text")
