"""Site search in Chromium: what a first search downloads, what results show, the keyboard, and 10,000 articles."""

from __future__ import annotations

import importlib.util
import json
import shutil

import pytest
import sample
from conftest import serve_site
from playwright.sync_api import expect
from support import REPO

from generator.search import SearchDoc, build_search_index
from generator.search.text import words
from test_accessibility import AXE, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MB = 1_000_000


class Downloads(list):
    """(URL, bytes) of every response the page receives from now on."""

    def __init__(self, page):
        super().__init__()
        page.on("requestfinished", lambda request: self.append((request.url, request.sizes()["responseBodySize"])))

    def of(self, part: str) -> list[tuple[str, int]]:
        return [(url, size) for url, size in self if part in url]


def open_search(page, query: str) -> None:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # as a reader types: a search after every key
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def _settled(page) -> None:
    """Wait until the result list has stopped changing (a search runs after every key)."""
    page.wait_for_load_state("networkidle")
    previous = None
    for _ in range(50):
        current = page.locator(".md-search-result__list").inner_html()
        if current == previous:
            return
        previous = current
        page.wait_for_timeout(100)


def titles(page) -> list[str]:
    return page.locator(".md-search-result__item h1").all_inner_texts()


def test_a_first_search_downloads_only_the_files_it_needs(page, base):
    page.goto(base)
    page.wait_for_load_state("networkidle")
    downloads = Downloads(page)
    open_search(page, "Rutte")
    page.wait_for_load_state("networkidle")
    for _ in range(100):  # the "request finished" event of the chunk shown can come after the result is drawn
        if downloads.of("/search/digest/d/"):
            break
        page.wait_for_timeout(50)
    index = downloads.of("/search/digest/")
    names = sorted(url.split("/search/digest/")[1].split("?")[0] for url, _ in index)
    assert names[0] == "d/a0.json" and names[-2:] == ["meta.json", "t/ru.json"]
    assert all(name.startswith("d/") for name in names[:-2])  # metadata of the results shown, nothing else
    script = (REPO / "theme" / "assets" / "javascripts" / "digest-search.js").stat().st_size
    assert script + sum(size for _, size in index) < 60_000
    # Material's own index, which its highlighting of ?h= reads, holds no page.
    material = page.request.get(base + "search/search_index.json").json()
    assert material["docs"] == [] and material["config"]["lang"]
    assert not downloads.of("lunr") and not downloads.of("workers/search")


def test_results_show_kind_date_and_summary_with_the_query_words_marked(page, base):
    page.goto(base)
    open_search(page, "drones airspace")
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_contain_text("Drones")
    expect(first.locator("h1 mark").first).to_have_text(["Drones"])
    expect(first.locator(".digest-search-result__info")).to_have_text("Article · September 10, 2025")
    expect(first.locator("p:not(.digest-search-result__info) mark").first).to_be_visible()
    # the two articles, and the story they make (titled by the first), after the article of that title
    expect(page.locator(".md-search-result__meta")).to_have_text("3 matching documents")
    expect(page.locator(".digest-search-result__info", has_text="Story")).to_have_count(1)


def test_the_entity_page_comes_first_for_its_name_also_while_typing(page, base):
    page.goto(base + sample.ARTICLE)
    open_search(page, "rut")
    expect(page.locator(".md-search-result__item h1").first).to_have_text("Mark Rutte")
    expect(page.locator(".md-search-result__item .digest-search-result__kind").first).to_have_text("Person")
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("MARK RÜTTE")  # case and accents do not matter
    expect(page.locator(".md-search-result__item h1").first).to_have_text("Mark Rutte")


def test_a_query_of_stop_words_or_unknown_words_finds_nothing(page, base):
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.keyboard.type("the zzyzx ")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_the_keyboard_opens_searches_moves_through_results_and_closes(page, base):
    page.goto(base + sample.TOPIC)
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("Rutte")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__link").first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("s")
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Enter")  # the best result
    expect(page).to_have_url(base + sample.ENTITY + "?h=Rutte")
    expect(page.locator("article mark").first).to_have_text("Rutte")  # Material marks the words on the page


def test_search_works_on_every_kind_of_page_under_the_sub_path(page, base):
    for path in ["", sample.ARTICLE, sample.ENTITY, "archive/2025-09/", "404.html"]:
        page.goto(base + path)
        open_search(page, "Rutte")
        href = page.locator(".md-search-result__link").first.get_attribute("href")
        assert href.startswith(base + sample.ENTITY), (path, href)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_with_results_has_no_serious_accessibility_violations(browser, base, scheme):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci in tests/browser)")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base)
        open_search(page, "NATO drones")
        _settled(page)  # axe reads colours of the finished list, not of one being replaced key by key
        assert serious_violations(page, AXE.read_text(encoding="utf-8")) == []
    finally:
        context.close()


def test_the_browser_splits_and_folds_words_as_the_index_does(page, base):
    page.goto(base)
    samples = ["ÉCOLE Café naïve Ærø Straße Łódź İstanbul ﬁnal x²", "Привёт, мир! Ελληνικά ΟΔΟΣ עִבְרִית العربية",
               "東京都 に Tokyo東京", "Rutte’s “NATO”\u00a0drones—again (2025)", "a" * 41 + " ok", "Ǆemal ǅ ǈ Ⅻ ① ½ ﾃｽﾄ"]
    for text in samples:
        assert page.evaluate("text => window.digestSearch.words(text)", text) == words(text), text


# --- 10,000 articles ---------------------------------------------------------------


def _corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", REPO / "scripts" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scale_docs(n: int) -> list[SearchDoc]:
    """Articles as scripts/corpus.py writes them (for `make bench`), and a page for each person in them."""
    import datetime as dt
    import random

    corpus = _corpus_module()
    rng = random.Random(7)
    people = corpus._people(rng, 600)
    start = dt.date(2023, 1, 2)
    docs, seen = [], {}
    for i in range(n):
        _language, title, caption, *paragraphs = corpus.article(i, people, rng, start).strip().split("\n\n")
        date = (start + dt.timedelta(days=i * 3 // 10)).isoformat()
        docs.append(SearchDoc(f"articles/a{i}.md", f"articles/a{i}/", title, "article", date, paragraphs[0][:300],
                              "\n\n".join([caption, *paragraphs]), since=date))
        for name in people:
            if name in paragraphs[0] and name not in seen:
                seen[name] = date
    for name, since in seen.items():
        slug = name.lower().replace(" ", "-")
        docs.append(SearchDoc(f"entities/people/{slug}.md", f"entities/people/{slug}/", name, "person", since,
                              "Secretary General.", name.split()[-1], weight=4.0, since=since))
    return docs


SEARCH_UNTIL_RESULTS = """query => new Promise(resolve => {
    const list = document.querySelector('.md-search-result__list');
    const input = document.querySelector('.md-search__input');
    const start = performance.now();
    new MutationObserver((changes, observer) => {
        if (list.querySelector('.md-search-result__item')) { observer.disconnect(); resolve(performance.now() - start); }
    }).observe(list, {childList: true});
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event('input'));
})"""


def test_first_search_at_10000_articles_downloads_under_1_mb_and_finds_the_name(browser, tmp_path_factory):
    # Sizes are asserted here; how fast results show is a figure of `make bench`, not a timed test.
    site = tmp_path_factory.mktemp("scale") / "site"
    shutil.copytree(sample.site(tmp_path_factory), site)
    shutil.rmtree(site / "search" / "digest")
    files = build_search_index(scale_docs(10_000), tmp_path_factory.mktemp("scale-index"))
    meta = json.loads(files["search/digest/meta.json"].read_bytes())
    assert meta["articles"] == 10_000 and meta["pages"] > 100
    shutil.copytree(files["search/digest/meta.json"].parent, site / "search" / "digest")
    script = (site / "assets" / "javascripts" / "digest-search.js").stat().st_size
    with serve_site(site, sample.SUB_PATH) as base:
        # A name, two words, the busiest two letters, and typos: after the first two letters, in
        # them (which reads a spelling list and other term files), two in a long word.
        for query in ["Rutte", "inflation budget", "re", "Rutet", "Eutte", "inflaton budegt", "parlaimnet"]:
            context = browser.new_context()
            page = context.new_page()
            try:
                page.goto(base)
                page.wait_for_load_state("networkidle")
                downloads = Downloads(page)
                page.evaluate(SEARCH_UNTIL_RESULTS, query)
                page.wait_for_load_state("networkidle")
                index_bytes = sum(size for _, size in downloads.of("/search/digest/"))
                assert script + index_bytes <= 1 * MB, (query, index_bytes)
                if query in ("Rutte", "Rutet", "Eutte"):
                    assert index_bytes < 300_000
                    expect(page.locator(".md-search-result__item h1").first, query).to_contain_text("Rutte")
            finally:
                context.close()
