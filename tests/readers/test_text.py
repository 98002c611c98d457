"""The plain-text reader on the seed article and on each wire-service quirk."""

import datetime as dt

import pytest
from support import FIXTURES, SEED

from generator.config import config_from_dict
from generator.metadata import resolve
from generator.model import BulletList, Paragraph
from generator.readers import ReadError, read_bytes, read_file
from generator.readers.text import read_text, recase_headline

TEXT = FIXTURES / "text"


def article(name):
    path = TEXT / name
    raw = read_file(path, name)
    return resolve(raw, config_from_dict({}))


def test_seed_layout():
    raw = read_file(SEED, SEED.name)
    art, problems = resolve(raw, config_from_dict({}))
    assert problems == []
    assert art.language == "en"
    assert art.title.startswith("NATO powers escalate confrontation with Russia")
    assert art.image.credit == "AP Photo/Virginia Mayo"
    assert art.image.caption.startswith("NATO Secretary General Mark Rutte, right,")
    assert art.date == dt.date(2025, 9, 12) and art.date_source == "text"
    texts = [b.text for b in art.blocks]
    assert texts[0].startswith("The shooting down of Russian drones over Poland")
    assert texts[-1].startswith("Neither the threatening maneuvers of Trump")
    assert all(t not in ("English", "Loading") for t in texts)
    assert not any("[AP Photo" in t for t in texts)  # the caption left the body
    source_paragraphs = [p.strip() for p in SEED.read_text().split("\n\n") if p.strip()]
    # Every paragraph but the language line, title, caption and the trailing "Loading", verbatim.
    assert texts == source_paragraphs[3:-1]
    assert art.summary.endswith("Moscow.") and len(art.summary) <= 300
    assert 1200 < art.word_count < 1400 and art.reading_time == round(art.word_count / 220)


def test_wire_story_headline_byline_dateline_list_signoff():
    art, problems = article("wire_reuters.txt")
    assert problems == []
    assert art.title == "France's Economy Minister Sees Growth Slowing in 1997"
    assert art.author == "Jane Doe" and art.publisher == "Reuters"
    assert art.date is None  # "Feb 26" has no year: no guessed date
    first = art.blocks[0]
    assert isinstance(first, Paragraph) and first.text.startswith("PARIS, Feb 26 - French Economy Minister Jean Arthuis said on Wednesday")
    lists = [b for b in art.blocks if isinstance(b, BulletList)]
    assert lists == [BulletList(("weaker exports to Germany", "a stronger franc", "slower consumer spending"))]
    assert all("Reuter" != getattr(b, "text", "") for b in art.blocks)


def test_iso_dateline_gives_the_date_and_sign_off_names_the_agency():
    art, _ = article("wire_dateline_iso.txt")
    assert art.title == "Soccer - Bayern Munich Beat Hamburg 3-1"
    assert art.date == dt.date(1996, 8, 30)
    assert art.publisher == "AP"
    assert art.summary.startswith("Bayern Munich beat Hamburg")  # the bare dateline is not the lead


def test_scraper_junk_and_cookie_notices_are_dropped():
    art, _ = article("cookie_notice.txt")
    assert [b.text for b in art.blocks] == [
        "The city council approved three new bike lanes on Tuesday, 4 March 2025, after a long debate."
    ]
    art, _ = article("angle_brackets.txt")
    assert [b.text for b in art.blocks][-1] == "The company said demand in Asia was weak."
    assert not any(b.text in ("Advertisement", "Share") for b in art.blocks)


def test_title_with_angle_brackets_is_kept_as_text():
    art, _ = article("angle_brackets.txt")
    # <DD> is a ticker standing for the company's name: its letters stay, the symbol is kept apart.
    assert art.title == "Shares of DD fall 5% after <b>profit</b> warning & outlook cut"
    assert art.tickers == ("DD",)
    assert art.date == dt.date(2025, 3, 3)


@pytest.mark.parametrize(
    "name, repair",
    [
        ("utf8_bom.txt", None),
        ("utf16_bom.txt", None),
        ("utf16le_nobom.txt", "decoded as UTF-16-LE (no byte-order mark)"),
        ("cp1252_crlf.txt", "not UTF-8; decoded as cp1252"),
    ],
)
def test_encodings_decode_to_the_same_article(name, repair):
    art, problems = article(name)
    assert art.title == "Crédit Agricole profit rises – “record” year"
    assert art.blocks[0].text == "LONDON, 5 May 2024 - The bank’s profit rose to €1.2 billion and £300 million, it said."
    assert art.date == dt.date(2024, 5, 5)
    assert [p.reason for p in problems] == ([repair] if repair else [])


def test_mixed_line_endings_and_hard_wrapped_paragraphs():
    art, _ = article("mixed_newlines.txt")
    assert [b.text for b in art.blocks] == ["First line of the paragraph continues here.", "Second paragraph."]


def test_long_lines_in_one_block_are_separate_paragraphs():
    long_a, long_b = "A" + " word" * 40 + ".", "B" + " word" * 40 + "."
    result = read_text(f"Title\n\n{long_a}\n{long_b}\n")
    assert [b.text for b in result.blocks] == [long_a, long_b]


def test_language_line_directly_above_title():
    result = read_text("Français\nLe gouvernement annonce un plan\n\nLe texte.")
    assert result.inferred["language"] == "fr"
    assert result.inferred["title"] == "Le gouvernement annonce un plan"


def test_recase_headline_keeps_acronyms_and_possessives():
    assert recase_headline("NATO CHIEF SAYS RUSSIA'S DRONES A THREAT TO THE EU") == "NATO Chief Says Russia's Drones a Threat to the EU"
    assert recase_headline("O'BRIEN WINS ANTI-WAR VOTE FOR CDU") == "O'Brien Wins Anti-War Vote for CDU"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\n\t \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not a text file: it looks like a PNG image"),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(data, reason):
    with pytest.raises(ReadError, match=reason):
        read_bytes("bad.txt", data)


def test_title_only_article_is_published_and_reported():
    raw = read_bytes("t.txt", b"Just a headline\n")
    art, problems = resolve(raw, config_from_dict({}))
    assert art.title == "Just a headline" and art.blocks == ()
    assert [p.reason for p in problems] == ["has a title but no body text"]


def test_a_block_of_one_line_is_read_as_the_general_rule_reads_it():
    from generator.readers.text import _to_blocks

    assert _to_blocks(["  Some   text  here"]) == [Paragraph("Some text here")]
    assert _to_blocks([" - a  list item"]) == [BulletList(("a list item",))]
    assert _to_blocks(["-no space is text"]) == [Paragraph("-no space is text")]
    assert _to_blocks(["One line", " - then an item"]) == [Paragraph("One line"), BulletList(("then an item",))]
