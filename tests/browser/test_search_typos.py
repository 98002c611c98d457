"""Search forgives typos: one in a word of five letters or more, two from nine, also in its first letters.

The index here is built from a few pages written for these rules and served in a copy of
the sample site, so the script and the box are the real ones.
"""

from __future__ import annotations

import shutil

import pytest
import sample
from conftest import serve_site
from playwright.sync_api import expect

from generator.search import SearchDoc, build_search_index

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def doc(n: int, title: str, text: str, kind: str = "article", weight: float = 1.0) -> SearchDoc:
    date = f"2025-03-{n + 1:02d}"
    return SearchDoc(f"p/{n}.md", f"p/{n}/", title, kind, date, f"{title}.", text, weight=weight, since=date)


DOCS = [
    doc(0, "Martin Scorsese", "Film director.", kind="person", weight=4.0),
    doc(1, "Scorsese's new film opens the festival", "The director Martin Scorsese spoke to critics."),
    doc(2, "Central bank raises interest rates again", "Interest rates rise for the fifth time; the bank blamed prices."),
    doc(3, "Key dates of the election", "Polling stations open on these dates."),
    doc(4, "Zelensky meets allies in Kyiv", "President Volodymyr Zelensky asked for more air defence."),
    doc(5, "Hotels short of accommodation", "Tourists found no accommodation during the summit."),
    doc(6, "Rutte visits the harbour", "Mark Rutte toured the harbour."),
    doc(7, "Rates of a rare misprint", "One page misspells it as intrest."),  # a typo in the pages themselves
    doc(8, "Mortgage interest climbs", "Banks pass on the rise."),
]


@pytest.fixture(scope="module")
def typo_base(tmp_path_factory):
    site = tmp_path_factory.mktemp("typos") / "site"
    shutil.copytree(sample.site(tmp_path_factory), site)
    shutil.rmtree(site / "search" / "digest")
    files = build_search_index(DOCS, tmp_path_factory.mktemp("typos-index"))
    shutil.copytree(files["search/digest/meta.json"].parent, site / "search" / "digest")
    with serve_site(site, sample.SUB_PATH) as url:
        yield url


def results(page, base: str, query: str) -> list[str]:
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Type to start searching")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    return page.locator(".md-search-result__item h1").all_inner_texts()


def test_one_typo_in_a_word_of_five_letters_or_more(page, typo_base):
    found = results(page, typo_base, "Scorcese")
    assert found[:2] == ["Martin Scorsese", "Scorsese's new film opens the festival"]
    expect(page.locator(".md-search-result__item h1 mark").first).to_have_text("Scorsese")  # what it found, marked
    assert results(page, typo_base, "Rutet ") == ["Rutte visits the harbour"]  # two letters swapped


def test_a_word_that_is_only_a_typo_in_a_page_still_finds_the_right_one(page, typo_base):
    found = results(page, typo_base, "intrest rates")
    assert sorted(found) == ["Central bank raises interest rates again", "Rates of a rare misprint"]


def test_a_typo_in_the_first_two_letters(page, typo_base):
    assert results(page, typo_base, "Zlensky") == ["Zelensky meets allies in Kyiv"]
    assert results(page, typo_base, "Xelensky ") == ["Zelensky meets allies in Kyiv"]


def test_two_typos_from_nine_letters_and_no_more(page, typo_base):
    assert results(page, typo_base, "acomodation") == ["Hotels short of accommodation"]  # 11 letters, 2 typos
    assert results(page, typo_base, "Scorceze ") == []  # 8 letters, 2 typos
    assert results(page, typo_base, "Rtte ") == []  # 4 letters: no typo allowed


def test_a_correct_word_is_not_corrected(page, typo_base):
    assert results(page, typo_base, "rates ") == ["Central bank raises interest rates again", "Rates of a rare misprint"]
    assert "Key dates of the election" not in results(page, typo_base, "rates")
