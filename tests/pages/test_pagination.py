"""Long listings are split into pages, so no page grows with the corpus; every page links the others."""

import pytest
from bs4 import BeautifulSoup
from support import build_site

pytestmark = pytest.mark.slow


def story(i: int) -> str:
    return (f"Harbour report number {i}\n\nGOTHENBURG, {1 + i} March 2024 - Mayor Anna Lindqvist opened dock {i} in Gothenburg, "
            f"the Port Authority said. Lindqvist told reporters the dock would serve ferries.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    articles = {f"s{i:02d}.txt": story(i) for i in range(7)}
    return build_site(tmp_path_factory.mktemp("paged"), articles, plugin={"archive_page_size": 3})


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_links(page):
    return [a["href"] for a in page.select(".md-content a") if "/articles/" in a["href"] or a["href"].startswith("../../articles/")]


def test_entity_articles_are_split_into_linked_pages(site):
    first = soup(site, "entities/people/anna-lindqvist")
    assert "7 articles, newest first (page 1 of 3)." in first.get_text()
    second = soup(site, "entities/people/anna-lindqvist/page-2")
    third = soup(site, "entities/people/anna-lindqvist/page-3")
    titles = [a.get_text() for p in (first, second, third) for a in p.select(".md-content .digest-list li > a:first-child")]
    assert titles == [f"Harbour report number {i}" for i in range(6, -1, -1)]
    assert second.find("a", string="1") and second.find("a", string="3")


def test_archive_month_is_split(site):
    month = soup(site, "archive/2024-03")
    assert "(page 1 of 3)" in month.get_text()
    assert (site / "archive" / "2024-03" / "page-3" / "index.html").is_file()
