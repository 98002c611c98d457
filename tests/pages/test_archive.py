"""The archive: months, and undated articles on pages of `archive_page_size`, the last added first."""

import datetime as dt

from sitebuilder import article, make_site

from generator.pages.archive import archive_pages


def test_undated_archive_is_split_into_linked_pages_the_last_added_first():
    undated = [article(f"Untimed {i}", None, source=f"feed/{i:d}.txt") for i in range(1, 26)]
    site = make_site(article("Dated", dt.date(2001, 3, 20)), *undated, archive_page_size=10)
    pages = {p.src_uri: p for p in archive_pages(site)}
    # Pages are counted from the oldest: the front page holds the 15 newest, page 1 the 10 oldest.
    assert [u for u in pages if "undated" in u] == ["archive/undated.md", "archive/undated/page-1.md"]
    first, last = pages["archive/undated.md"], pages["archive/undated/page-1.md"]
    assert "25 articles in which no full date was found, the most recently added first (page 2 of 2, numbered from the oldest)." in first.body
    assert first.body.index("Untimed 25<") < first.body.index("Untimed 11<") and "Untimed 10<" not in first.body
    assert last.meta["title"] == "Undated articles (page 1)"
    assert "Untimed 1<" in last.body and "Untimed 10<" in last.body and "Untimed 11<" not in last.body
    assert "Page 1, numbered from the oldest." in last.body
    assert "Pages: [Newest](../undated.md) · **1**" in last.body
    assert "[Articles without a date](undated.md) <small>25 articles</small>" in pages["archive/index.md"].body


def test_a_short_undated_archive_is_one_page_without_a_pager():
    site = make_site(*[article(f"U{i}", None) for i in range(3)], archive_page_size=10)
    page = next(p for p in archive_pages(site) if p.src_uri == "archive/undated.md")
    assert "3 articles in which no full date was found, the most recently added first." in page.body
    assert "Pages:" not in page.body
