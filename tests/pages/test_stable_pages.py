"""Listings are numbered from their oldest article: a new article changes the front page of each
listing it joins and no page behind it, so publishing one article rewrites a few pages, not every
later page of every long listing."""

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st
from sitebuilder import PERSON, article, make_site

from generator.pages import render_site, urls
from generator.pages.listing import Paging, paginate

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


@given(st.integers(1, 60), st.integers(1, 6), st.booleans())
def test_every_page_names_its_place_and_links_both_ends_and_its_neighbours(n, size, from_oldest):
    pages = paginate("entities/people/x.md", list(range(n)), size, from_oldest=from_oldest)
    count = len(pages)
    window = Paging.WINDOW
    for paging, _ in pages:
        head = paging.head("7 articles, newest first")
        pager = paging.pager()
        if count == 1:
            assert head == "7 articles, newest first." and pager == []
            continue
        if not from_oldest:
            assert head == f"7 articles, newest first (page {paging.number} of {count})."
        elif paging.is_front:
            assert head == f"7 articles, newest first (page {count} of {count}, numbered from the oldest)."
        else:
            assert head == f"Page {paging.number}, numbered from the oldest."
        # The pager names the pages as the listing reads (the front first): both ends and those
        # within the window of this one, "…" where it leaves pages out; each linked but this one.
        parts = pager[0].removeprefix("Pages: ").split(" · ")
        named = [p for p in parts if p != "…"]
        labels = [re.fullmatch(r"\*\*(\w+)\*\*|\[(\w+)\]\(([^)]+)\)", p).groups() for p in named]
        numbers = [count if label == "Newest" else int(label) for bold, text, _ in labels for label in [bold or text]]
        expected = sorted({1, count} | {k for k in range(1, count + 1) if abs(k - paging.number) <= window},
                          reverse=from_oldest)
        assert numbers == expected
        assert len(parts) - len(named) == sum(abs(a - b) > 1 for a, b in zip(expected, expected[1:]))
        for (bold, text, target), number in zip(labels, numbers):
            assert (bold or text) == ("Newest" if from_oldest and number == count else str(number))
            if bold:
                assert number == paging.number
            else:
                other = next(p for p, _ in pages if p.number == number)
                assert target == urls.relative(paging.uri, other.uri)


@given(st.integers(0, 80), st.integers(1, 6), st.integers(1, 30))
def test_a_page_far_enough_behind_the_front_never_changes_as_the_listing_grows(n, size, more):
    """Not its articles, nor anything it says: when new articles give the front's oldest a page
    of their own, only the pages within the pager's window of the front change."""
    items = list(range(n, 0, -1))
    before = {p.number: (p, list(chunk)) for p, chunk in paginate("topics/x.md", items, size, from_oldest=True)}
    grown = list(range(n + more, n, -1)) + items
    after = {p.number: (p, list(chunk)) for p, chunk in paginate("topics/x.md", grown, size, from_oldest=True)}
    count = len(before)
    for number, (paging, chunk) in before.items():
        if number <= count - Paging.WINDOW - 2:
            new, new_chunk = after[number]
            assert new_chunk == chunk and new.uri == paging.uri and new.key() == paging.key()
            assert (new.head("x"), new.pager(), new.title("X")) == (paging.head("x"), paging.pager(), paging.title("X"))


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
    assert "Page 5, numbered from the oldest." in page5
    # The older pages keep their articles; only the pagers of those next to the front change
    # (pages 2-4 link pages up to two away, and page 5 is new), and page 1 stays byte for byte.
    assert old["topics/ports/page-1.md"] == new["topics/ports/page-1.md"]
    for uri, text in old.items():
        assert re.sub(r"Pages: .*", "", text) == re.sub(r"Pages: .*", "", new[uri])
