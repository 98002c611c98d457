"""Listings are numbered from their oldest article: a new article changes the front page of each
listing it joins and no page behind it, so publishing one article rewrites a few pages, not every
later page of every long listing."""

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st
from sitebuilder import PERSON, article, make_site

from generator.pages import render_site, urls
from generator.pages.listing import paginate

START = dt.date(2024, 3, 1)


@given(st.integers(0, 60), st.integers(1, 7))
def test_pages_hold_every_item_once_and_the_pages_behind_the_front_never_move(n, size):
    items = list(range(n, 0, -1))  # newest first: the largest number is the newest item
    pages = paginate("topics/x.md", items, size, from_oldest=True)
    assert [i for _, chunk in pages for i in chunk] == items
    count = len(pages)
    assert [p.number for p, _ in pages] == list(range(count, 0, -1))
    assert all(p.count == count for p, _ in pages)
    assert pages[0][0].uri == "topics/x.md" and pages[0][0].is_front
    assert [p.uri for p, _ in pages[1:]] == [f"topics/x/page-{k}.md" for k in range(count - 1, 0, -1)]
    if count > 1:
        assert size <= len(pages[0][1]) < 2 * size
    for paging, chunk in pages[1:]:  # page k holds the k-th run of `size` counted from the oldest
        assert list(chunk) == list(range(paging.number * size, (paging.number - 1) * size, -1))
    newer = paginate("topics/x.md", [n + 1] + items, size, from_oldest=True)
    if len(newer) == count:
        assert newer[1:] == pages[1:]


@given(st.integers(1, 40), st.integers(1, 6))
def test_every_page_names_its_place_and_links_every_other_page(n, size):
    pages = paginate("entities/people/x.md", list(range(n)), size, from_oldest=True)
    count = len(pages)
    for paging, _ in pages:
        head = paging.head("7 articles, newest first")
        pager = paging.pager()
        if count == 1:
            assert head == "7 articles, newest first." and pager == []
            continue
        if paging.is_front:
            assert head == f"7 articles, newest first (page {count} of {count}, numbered from the oldest)."
        else:
            assert head == f"Page {paging.number} of {count}, numbered from the oldest."
        # The pager lists the pages as the listing reads, newest first, each linked but this one.
        labels = re.findall(r"\*\*(\d+)\*\*|\[(\d+)\]\(([^)]+)\)", pager[0])
        assert [int(bold or text) for bold, text, _ in labels] == list(range(count, 0, -1))
        for bold, text, target in labels:
            if bold:
                assert int(bold) == paging.number
            else:
                other = next(p for p, _ in pages if p.number == int(text))
                assert target == urls.relative(paging.uri, other.uri)


def test_a_ranked_index_still_pages_from_its_top():
    pages = paginate("entities/people/index.md", list(range(5)), 2)
    assert [(p.number, p.uri, list(c)) for p, c in pages] == [
        (1, "entities/people/index.md", [0, 1]), (2, "entities/people/page-2.md", [2, 3]), (3, "entities/people/page-3.md", [4])]
    assert pages[1][0].head("5 people") == "5 people (page 2 of 3)."
    assert pages[1][0].pager() == ["Pages: [1](index.md) · **2** · [3](page-3.md)", ""]


def _story(i: int, date: dt.date | None):
    return article(f"Harbour report {i}", date, topics=["ports"], entities=[("Anna Lindqvist", PERSON, 2)],
                   tags=("dock workers",), source=f"s{i:03d}.txt")


def _site(n: int, *, dated: bool = True):
    articles = [_story(i, START + dt.timedelta(days=i // 3) if dated else None) for i in range(n)]
    return {p.src_uri: p.text() for p in render_site(make_site(*articles, archive_page_size=4, tag_page_min_articles=2))}


def _listing_pages(pages, front):
    folder = front[: -len(".md")] + "/"
    return {uri: text for uri, text in pages.items() if uri.startswith(folder) and "/page-" in uri}


def test_a_new_article_changes_only_the_front_page_of_each_listing():
    # 22 articles, 4 to a page: 5 pages per listing, the front holding 6; the 23rd, newest of
    # all, joins the front (7), and every page behind it stays byte for byte the same.
    before, after = _site(22), _site(23)
    for front in ("topics/ports.md", "entities/people/anna-lindqvist.md", "tags/dock-workers.md", "archive/2024-03.md"):
        old, new = _listing_pages(before, front), _listing_pages(after, front)
        assert len(old) == 4 and old == new, front
        assert before[front] != after[front]
        assert "Harbour report 22<" in after[front]


def test_undated_pages_behind_the_front_stay_when_an_article_is_added():
    before, after = _site(22, dated=False), _site(23, dated=False)
    old, new = _listing_pages(before, "archive/undated.md"), _listing_pages(after, "archive/undated.md")
    assert len(old) == 4 and old == new


def test_a_full_front_page_gives_its_oldest_articles_a_new_page():
    # With 23 the front holds 7; the 24th makes it 8 = two pages' worth: its oldest 4 go to a new page 5,
    # the front becoming page 6.
    before, after = _site(23), _site(24)
    old, new = _listing_pages(before, "topics/ports.md"), _listing_pages(after, "topics/ports.md")
    assert set(new) - set(old) == {"topics/ports/page-5.md"}
    page5 = new["topics/ports/page-5.md"]
    moved = set(re.findall(r"Harbour report \d+<", page5))
    assert len(moved) == 4 and all(title in before["topics/ports.md"] and title not in after["topics/ports.md"] for title in moved)
    assert "Page 5 of 6, numbered from the oldest." in page5
    # The older pages keep their articles; only their 'of 6' and their pager's new link change.
    for uri, text in old.items():
        assert re.sub(r"Page \d of \d|Pages: .*", "", text) == re.sub(r"Page \d of \d|Pages: .*", "", new[uri])
