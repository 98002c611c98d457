"""Wire headlines: tickers kept apart from the title, capitals re-cased as the desk writes them."""

import pytest
from support import FIXTURES

from generator.config import config_from_dict
from generator.metadata import resolve
from generator.pages.article import front_matter
from generator.readers import read_file
from generator.readers.headline import recase_headline, split_tickers, written_forms

WIRE = FIXTURES / "wire"


def article(name):
    return resolve(read_file(WIRE / name, name), config_from_dict({}))[0]


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("U.S. TREASURY'S BAKER SAYS DOLLAR FALL WAS ORDERLY", "U.S. Treasury's Baker Says Dollar Fall Was Orderly"),
        ("200 MLN H.K. DLR CD DUE 1992", "200 mln H.K. dlr CD Due 1992"),
        ("ENERGY/U.S. REFINING MARGINS NARROW", "Energy/U.S. Refining Margins Narrow"),
        ("B.C. FOREST PRODUCTS 1ST QTR PROFIT UP 12 PCT", "B.C. Forest Products 1st qtr Profit up 12 pct"),
        ("NATO CHIEF SAYS RUSSIA'S DRONES A THREAT TO THE EU", "NATO Chief Says Russia's Drones a Threat to the EU"),
        ("O'BRIEN WINS ANTI-WAR VOTE FOR CDU", "O'Brien Wins Anti-War Vote for CDU"),
        ("TENNIS - FRIDAY 'S RESULTS FROM THE U.S. OPEN", "Tennis - Friday 's Results from the U.S. Open"),
    ],
)
def test_recase_keeps_dotted_abbreviations_and_writes_wire_abbreviations_in_lower_case(headline, expected):
    assert recase_headline(headline) == expected


def test_the_story_tells_which_headline_words_are_acronyms_or_mixed_case():
    forms = written_forms("LANSDALE, Pa., March 4 - AEL Industries Inc and DuPont said ...\nMUNICH 1996-08-30")
    assert recase_headline("AEL AND DUPONT SIGN PACT IN MUNICH", forms) == "AEL and DuPont Sign Pact in Munich"
    # The dateline's place is in capitals by custom, and says nothing about the word.
    assert recase_headline("LANSDALE PLANT TO CLOSE", forms) == "Lansdale Plant to Close"


def test_tickers_leave_the_title_in_order():
    assert split_tickers("SUN FUND <SUNF> AND BP <BP.L> SET VENTURE") == ("SUN FUND AND BP SET VENTURE", ("SUNF", "BP.L"))
    assert split_tickers("Shares of <DD> fall") == ("Shares of DD fall", ("DD",))
    assert split_tickers("Profit <b>warning</b>") == ("Profit <b>warning</b>", ())


def test_wire_item_title_tickers_and_sign_off():
    item = article("sun_fund_ticker_signoff.txt")
    assert item.title == "Sun Fund Sees Higher 1st qtr Net"
    assert item.tickers == ("SUNF",) and front_matter(item)["tickers"] == ["SUNF"]
    assert item.publisher == "Reuters"
    assert item.blocks[-1].text.endswith("on the American Stock Exchange.")  # " Reuter" under it is gone


def test_wire_item_sign_off_on_the_last_line_with_a_carriage_return_left_as_text():
    item = article("ael_dotted_abbreviations.txt")
    assert item.title == "AEL Says U.S. Unit Wins 200 mln H.K. dlr Contract"
    assert item.tickers == ("AELNA",) and item.publisher == "Reuters"
    assert item.blocks[-1].text.endswith("in line with its other defense work.")


def test_tickers_in_front_matter_win_over_the_headline():
    from generator.readers import read_bytes
    raw = read_bytes("a.md", b"---\ntitle: Sun Fund\ntickers: [SUNF, SUNF.N]\n---\n\nText.\n")
    art, problems = resolve(raw, config_from_dict({}))
    assert art.tickers == ("SUNF", "SUNF.N") and problems == []
