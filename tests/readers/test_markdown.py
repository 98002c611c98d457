"""Markdown articles: the owner's front matter wins; broken front matter is reported, not fatal."""

import datetime as dt

from generator.config import config_from_dict
from generator.metadata import resolve
from generator.model import MarkdownBody
from generator.readers import read_bytes

CFG = config_from_dict({})


def read(text: str):
    return resolve(read_bytes("note.md", text.encode("utf-8")), CFG)


def test_front_matter_wins_over_inferred_metadata():
    art, problems = read(
        "---\ntitle: Owner's title\ndate: 2024-02-03\nlanguage: de\nauthor: [A. Writer, B. Writer]\n"
        "topics: [politics]\nsource_url: https://example.com/x\n---\n\n# Heading in text\n\n"
        "Published on 5 May 2020 in Berlin. More text follows here for the summary.\n"
    )
    assert problems == []
    assert art.title == "Owner's title"
    assert art.date == dt.date(2024, 2, 3) and art.date_source == "front-matter"
    assert art.language == "de"
    assert art.author == "A. Writer, B. Writer"
    assert [t.name for t in art.topics] == ["politics"]
    assert art.extra == {"source_url": "https://example.com/x"}
    assert isinstance(art.blocks[0], MarkdownBody)


def test_title_and_date_from_the_text_when_front_matter_has_none():
    art, problems = read("# Storm hits coast\n\nHAVANA, 12 September 2025 - The storm arrived, officials said.\n")
    assert art.title == "Storm hits coast"
    assert art.date == dt.date(2025, 9, 12) and art.date_source == "text"
    assert "Storm hits coast" not in art.blocks[0].source  # the page template shows the title
    assert art.summary == "HAVANA, 12 September 2025 - The storm arrived, officials said."


def test_a_date_the_story_tells_is_not_its_publication_date():
    art, _ = read("# Storm hits coast\n\nThe storm arrived on 12 September 2025, officials said.\n")
    assert art.date is None and art.date_source is None


def test_wrong_types_are_reported_and_ignored():
    art, problems = read("---\ntitle: T\ndate: not a date\ntags: a-string\nword_count: 5\n---\nBody text.\n")
    reasons = sorted(p.reason for p in problems)
    assert any("'date': 'not a date' is not a date" in r for r in reasons)
    assert any("'tags': expected a list" in r for r in reasons)
    assert any("'word_count': is computed by digest" in r for r in reasons)
    assert art.date is None and art.tags == ("a-string",) and art.word_count == 2


def test_python_tags_in_front_matter_are_refused():
    art, problems = read("---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody text.\n")
    assert "could run code" in problems[0].reason
    assert art.title == "Body text."


def test_unclosed_front_matter_is_read_as_text():
    art, problems = read("---\ntitle: T\n\nBody without closing line.\n")
    assert "not closed" in problems[0].reason
    assert "Body without closing line." in art.blocks[0].source
