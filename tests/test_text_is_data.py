"""Property-based, over the reader and the page writer together: for any text, the words a reader
sees on the article page are the words in the file, and the page carries no markup that was not ours."""

import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from support import site_markdown

from generator.config import config_from_dict
from generator.languages import language_code
from generator.metadata import resolve
from generator.pages.article import article_page
from generator.readers import ReadError, read_bytes
from generator.readers.boilerplate import is_junk_line, is_sign_off
from generator.readers.text import _BYLINE
from generator.textutil import words

CFG = config_from_dict({})
OUR_TAGS = {"p", "ul", "li", "span"}
OUR_CLASSES = {"digest-caption", "digest-credit"}

# Printable text of any script, markup characters included; no control characters, which
# are never article text and are removed on reading.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=120)
LINE = TEXT.map(lambda s: " ".join(s.split())).filter(bool)
MARKUPISH = st.sampled_from(["# h", "<script>x</script>", "[a](javascript:b)", "**b**", "{{ c }}", "{% d %}",
                             "- item", "1. one", "> q", "| t |", "!!! note", "`code`", "&amp;", "<!-- c -->",
                             "[AP Photo/Jane Doe]"])
PARAGRAPH = st.lists(st.one_of(LINE, MARKUPISH), min_size=1, max_size=4).map(" ".join)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.classes, self.other_attrs, self.text = set(), set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name == "class":
                self.classes.update(value.split())
            else:
                self.other_attrs.append(name)

    def handle_data(self, data):
        self.text.append(data)


def dropped_by_design(line: str) -> bool:
    """Lines the reader is documented to drop or move (junk, sign-offs, bylines, language lines)."""
    line = line.strip()
    return bool(is_junk_line(line) or is_sign_off(line) or _BYLINE.match(line) or language_code(line)
                or re.search(r"cookie|continuing to", line, re.IGNORECASE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(title=LINE.filter(lambda t: len(t) <= 100), paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=4))
def test_words_on_the_page_are_the_words_in_the_file(title, paragraphs):
    assume(not dropped_by_design(title) and not any(dropped_by_design(p) for p in paragraphs))
    source = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    try:
        raw = read_bytes("article.txt", source.encode("utf-8"))
    except ReadError:
        assume(False)
    article, _ = resolve(raw, CFG)
    page = article_page(replace(article, slug="article"))

    html = site_markdown().convert(page.body)
    parsed = Page()
    parsed.feed(html)
    assert parsed.tags <= OUR_TAGS, parsed.tags
    assert parsed.classes <= OUR_CLASSES and parsed.other_attrs == []

    # The template prints the title from escaped metadata (generator/plugin.py escapes it).
    title_html = str(Markup.escape(page.meta["title"]))
    title_parsed = Page()
    title_parsed.feed(title_html)
    assert title_parsed.tags == set()

    shown = " ".join(title_parsed.text + parsed.text)
    assert [w.casefold() for w in words(shown)] == [w.casefold() for w in words(source)]
