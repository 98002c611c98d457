"""Entity pages and the entities index, checked on the HTML that `mkdocs build --strict` writes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support import FIXTURES, build_site

from generator.pages.entity import mentions_chart

RULES = """\
aliases:
  Rutte: Mark Rutte
ignore:
  - Derby
entities:
  Mark Rutte:
    description: "Leads <b>NATO</b> *since* 2024"
    link: https://www.nato.int/
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("entity-pages")
    return build_site(root, {"entities.yml": RULES}, copy_from=FIXTURES / "entities")


def page(site, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.slow
def test_entity_page_shows_everything_about_a_person(site):
    html = page(site, "entities/people/mark-rutte")
    text = text_of(html)
    assert "<h1" in html and "Mark Rutte" in html
    assert "Person · NATO Secretary General" in text
    # The owner's description is text, not markup.
    assert "Leads &lt;b&gt;NATO&lt;/b&gt; *since* 2024" in html or "Leads &lt;b&gt;NATO&lt;/b&gt; &#42;since&#42; 2024" in html
    assert "<b>NATO</b>" not in html
    assert 'href="https://www.nato.int/"' in html
    for fact in ("Type person", "Articles 2", "First seen 4 March 2025", "Last seen 11 March 2025",
                 "Roles NATO Secretary General", "Also written Rutte"):
        assert fact in text, fact
    # Articles newest first, each a linked title with its date; the summary is on the article and
    # on its day's and topics' pages, not repeated on the page of every entity it names.
    newer = text.index("Scholz defends borrowing plan in Bundestag debate")
    older = text.index("EU leaders back defence fund after talks in Brussels")
    assert newer < older
    assert "11 March 2025" in text and "European Union leaders on Tuesday backed a new defence fund" not in text
    listing = re.search(r'<ul class="digest-list digest-list--brief">.*?</ul>', html, re.DOTALL).group()
    assert listing.count("<li><a href=") == 2 and "<p>" not in listing
    # Entities named alongside, linked to their pages.
    assert 'entities/people/donald-tusk/"' in html and 'entities/organizations/kremlin/"' in html


@pytest.mark.slow
def test_entity_page_chart_and_quotes(site):
    html = page(site, "entities/people/donald-tusk")
    chart = re.search(r"<svg.*?</svg>", html, re.DOTALL).group()
    assert 'role="img"' in chart and "<script" not in chart
    assert len(re.findall(r"<rect ", chart)) == 2  # one bar for each day with an article
    assert "Articles naming Donald Tusk per day, 4 March 2025 to 11 March 2025" in chart
    text = text_of(html)
    assert "Quotes" in text
    assert "Poland has been asking for this for three years, and now the whole union agrees" in text


@pytest.mark.slow
def test_entities_index_lists_each_type_most_mentioned_first(site):
    text = text_of(page(site, "entities"))
    assert text.index("People") < text.index("Organizations") < text.index("Places")
    people = text[text.index("People"): text.index("Organizations")]
    assert "Mark Rutte 2 articles" in people and "Kaja Kallas 1 article" in people
    assert people.index("Mark Rutte") < people.index("Kaja Kallas")
    orgs = text[text.index("Organizations"): text.index("Places")]
    assert "Liverpool" in orgs and "Bundestag 2 articles · 5 mentions" in orgs
    assert orgs.index("Bundestag") < orgs.index("NATO")
    assert "Derby" not in text  # ignored by the owner
    places = text_of(page(site, "entities/places"))
    assert "Berlin" in places and "Brussels" in places


@pytest.mark.slow
def test_threshold_decides_which_entities_get_a_page(tmp_path):
    site = build_site(tmp_path, copy_from=FIXTURES / "entities", plugin={"entity_page_min_articles": 2})
    assert (site / "entities/people/mark-rutte/index.html").is_file()
    assert not (site / "entities/people/kaja-kallas").exists()
    index = page(site, "entities")
    assert "Kaja Kallas" in text_of(index)  # listed, as plain text: she has no page to link to
    assert not re.search(r"<a [^>]*>\s*Kaja Kallas", index)
    # Still listed on the article that names her.
    articles = [p for p in (site / "articles").iterdir() if p.name.startswith("eu-leaders")]
    assert "Kaja Kallas" in text_of(page(site, f"articles/{articles[0].name}"))


def test_chart_buckets_by_month_over_longer_spans_and_escapes_text():
    dates = [dt.date(2024, 1, 5), dt.date(2024, 1, 20), dt.date(2024, 6, 1)]
    svg = mentions_chart(dates, 'A <b>"quoted"</b> & name')
    assert svg.count("<rect ") == 2  # January (2 articles) and June (1); the empty months draw nothing
    assert "January 2024: 2 articles" in svg and "June 2024: 1 article" in svg
    assert "<b>" not in svg and "&lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; name" in svg
    assert "\n" not in svg  # one raw HTML line: Markdown leaves it alone


def test_chart_of_many_years_has_one_bar_a_year():
    dates = sorted(dt.date(2000 + i % 12, 1 + i % 12, 1) for i in range(40))
    svg = mentions_chart(dates, "X")
    assert "per year" in svg and svg.count("<rect ") == 12
