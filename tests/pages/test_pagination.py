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
    return build_site(tmp_path_factory.mktemp("paged"), articles, plugin={"archive_page_size": 2})


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_entity_articles_are_split_into_linked_pages_numbered_from_the_oldest(site):
    # 7 articles, 2 to a page: pages 1 and 2 hold the 4 oldest, the entity's page the 3 newest.
    first = soup(site, "entities/people/anna-lindqvist")
    assert "7 articles, newest first (page 3 of 3, numbered from the oldest)." in first.get_text()
    second = soup(site, "entities/people/anna-lindqvist/page-2")
    third = soup(site, "entities/people/anna-lindqvist/page-1")
    assert "Page 2, numbered from the oldest." in second.get_text()
    assert second.find("h1").get_text().startswith("Anna Lindqvist (page 2)")
    titles = [a.get_text() for p in (first, second, third) for a in p.select(".md-content .digest-list li > a:first-child")]
    assert titles == [f"Harbour report number {i}" for i in range(6, -1, -1)]
    pager = [a.get_text() for a in second.select(".md-content p") if a.get_text().startswith("Pages:")]
    assert pager == ["Pages: Newest · 2 · 1"]
    assert second.find("a", string="Newest")["href"] == "../"  # the front page is the entity's own
    assert second.find("a", string="1")["href"] == "../page-1/"
    assert not (site / "entities" / "people" / "anna-lindqvist" / "page-3").exists()


def test_archive_month_is_split(site):
    month = soup(site, "archive/2024-03")
    assert "(page 3 of 3, numbered from the oldest)" in month.get_text()
    assert (site / "archive" / "2024-03" / "page-1" / "index.html").is_file()
    assert (site / "archive" / "2024-03" / "page-2" / "index.html").is_file()
