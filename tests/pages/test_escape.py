"""Article text is data: escaped text renders as exactly its characters, and never as markup."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import yaml_load
from support import REPO, site_markdown

from generator.pages.escape import SUPPORTED_EXTENSIONS, html_text, md_link, md_text
from generator.textutil import squash


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def render(md_source: str) -> Collect:
    md = site_markdown()
    parsed = Collect()
    parsed.feed(md.convert(md_source))
    return parsed


def test_mkdocs_yml_enables_only_extensions_the_escaping_covers():
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config.get("markdown_extensions", [])}
    assert names <= SUPPORTED_EXTENSIONS


HOSTILE = [
    "# foo",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://x/y.png)",
    "<http://example.com>",
    "**bold** and __bold__ and *em* and _em_",
    "`code` and ``code``",
    "1. first",
    "2) second",
    "- item",
    "+ item",
    "* item",
    "> quote",
    "| a | b |",
    "!!! note",
    "??? note",
    ": definition",
    "Title {: #id .class onclick=alert(1) }",
    "{{ config.site_name }} {% include 'x' %}",
    "[TOC]",
    "[^1]: footnote",
    "*[HTML]: Hyper",
    "~~struck~~ ==marked== ^^inserted^^",
    "&amp; &lt; &#60; &copy;",
    "line  ",
    "    indented code",
    "```python",
    "---",
    "===",
    "\\*not escaped\\*",
    "<!-- comment -->",
    "AT&T <DD> 5 > 3",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally(text):
    parsed = render(md_text(text))
    assert parsed.tags == ["p"]
    assert parsed.attrs == []
    assert "".join(parsed.text) == squash(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
def test_any_text_renders_as_itself_in_one_paragraph(text):
    expected = squash("".join(ch for ch in text if ch in "\t\n\r" or not (ord(ch) < 32 or ord(ch) == 127)))
    parsed = render(md_text(text))
    if not expected:
        assert parsed.tags == []
        return
    assert parsed.tags == ["p"]
    assert "".join(parsed.text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_link_text_stays_text(text):
    parsed = render(md_link(text, "../articles/x.md"))
    expected = squash("".join(ch for ch in text if not (ord(ch) < 32 or ord(ch) == 127) or ch in "\t\n\r"))
    if expected:
        assert parsed.tags == ["p", "a"]
        assert parsed.attrs == [("href", "../articles/x.md")]
        assert "".join(parsed.text) == expected


def test_html_text_escapes_quotes_for_attributes():
    assert html_text('a "b" <c> & \'d\'') == "a &quot;b&quot; &lt;c&gt; &amp; &#x27;d&#x27;"


def test_html_block_text_collapses_white_space_and_drops_control_characters_like_the_pattern_did():
    import html
    import random

    from generator.pages.escape import _CONTROL, _WHITESPACE, html_block_text

    alphabet = " \t\n\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000a<&\"\x00\x7f"
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(10)))
        assert html_block_text(text) == html.escape(_WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip(), quote=True)


def test_html_block_texts_escapes_each_text_as_html_block_text_does():
    import random

    from generator.pages.escape import html_block_text, html_block_texts

    # Squashed texts (the fast path), texts with newlines, control characters, edge and double
    # spaces, other white space, markup characters, non-ASCII letters, and empty texts.
    alphabet = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000a<>&\"'\x00\x7fé“\u200b"
    rng = random.Random(5)
    assert html_block_texts([]) == []
    for _ in range(3000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(rng.randrange(1, 6))]
        texts += [squash(text) for text in texts]
        assert html_block_texts(texts) == [html_block_text(text) for text in texts]
    prose = ['He said: "Tom & Jerry <3".', "", "l'été", "x"]
    assert html_block_texts(prose) == [html_block_text(text) for text in prose]
