"""A reader in Chromium: the home page, search, entity and topic links, a phone's screen, and no errors."""

from __future__ import annotations

import re

import pytest
import sample
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 375, "height": 740}


class Errors(list):
    """Console errors, uncaught exceptions and failed requests, and the requests still in flight."""

    def __init__(self, page):
        super().__init__()
        self.pending: set = set()
        page.on("request", lambda request: self.pending.add(request))
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))


@pytest.fixture
def errors(page):
    """Console errors, uncaught exceptions and failed requests of everything `page` loads."""
    found = Errors(page)
    page.on("console", lambda msg: found.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: found.append(f"page error: {exc}"))
    # A request cut short because the test moved on to the next page (net::ERR_ABORTED) is no error of the site.
    page.on("requestfailed", lambda req: found.append(f"request failed: {req.url} {req.failure}")
            if "ERR_ABORTED" not in (req.failure or "") else None)
    page.on("response", lambda res: found.append(f"HTTP {res.status}: {res.url}") if res.status >= 400 else None)
    return found


def test_home_lists_the_sample_article_under_its_day(page, base, errors):
    page.goto(base)
    expect(page.locator("h2", has_text="Friday, 12 September 2025")).to_be_visible()
    link = page.get_by_role("link", name=re.compile(sample.SEED_TITLE))
    expect(link).to_be_visible()
    expect(page.get_by_text("The shooting down of Russian drones over Poland")).to_be_visible()
    expect(page.locator(".digest-news").first).to_contain_text("Mark Rutte")
    link.click()
    expect(page).to_have_url(base + sample.ARTICLE)
    assert not errors, "\n".join(errors)


def test_search_for_rutte_finds_the_article_and_the_entity_page(page, base, errors):
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Rutte")  # Material searches on key events, as a reader types
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text("NATO powers escalate")
    entity = page.locator(f".md-search-result__link[href*='{sample.ENTITY}']")
    expect(entity.first).to_be_attached()
    article = page.locator(f".md-search-result__link[href*='{sample.ARTICLE}']")
    expect(article.first).to_be_attached()
    entity.first.click()
    expect(page).to_have_url(re.compile(re.escape(base + sample.ENTITY)))
    expect(page.locator("h1")).to_contain_text("Mark Rutte")
    assert not errors, "\n".join(errors)


def test_entity_link_opens_the_entity_page_which_links_back(page, base, errors):
    page.goto(base + sample.ARTICLE)
    page.locator(".digest-article__entities a", has_text="Mark Rutte").click()
    expect(page).to_have_url(base + sample.ENTITY)
    expect(page.locator("h1")).to_contain_text("Mark Rutte")
    back = page.locator(f"article a[href*='{sample.SEED_SLUG}']").first
    expect(back).to_be_visible()
    back.click()
    expect(page).to_have_url(base + sample.ARTICLE)
    assert not errors, "\n".join(errors)


def test_topic_page_lists_the_article_and_offers_its_feed(page, base, errors):
    page.goto(base + sample.ARTICLE)
    page.locator(".digest-article__topics a", has_text="conflict, war and peace").click()
    expect(page).to_have_url(base + sample.TOPIC)
    expect(page.get_by_role("link", name=re.compile(sample.SEED_TITLE))).to_be_visible()
    feed = page.locator("head link[rel~=alternate][type='application/rss+xml'][href='feed.xml']")
    expect(feed).to_have_count(1)
    assert page.request.get(base + sample.TOPIC + "feed.xml").ok
    assert not errors, "\n".join(errors)


def test_article_has_previous_and_next_by_date_and_the_photo_credit(page, base, errors):
    page.goto(base + "articles/poland-invokes-nato-article-4-after-drones-enter-its-airspace/")
    # A landmark screen readers can jump to, laid out side by side (the sanitizer once removed it).
    links = page.get_by_role("navigation", name="Previous and next articles")
    expect(links).to_have_css("display", "grid")
    expect(page.locator(".digest-prevnext__link--next")).to_contain_text(sample.SEED_TITLE)
    expect(page.locator(".digest-prevnext__link--prev")).to_contain_text("after <b>profit</b> warning")  # shown as text
    page.locator(".digest-prevnext__link--next").click()
    expect(page).to_have_url(base + sample.ARTICLE)
    expect(page.locator(".digest-credit")).to_have_text("AP Photo/Virginia Mayo")
    expect(page.locator(".digest-prevnext__link--next")).to_have_count(0)  # the newest article
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("name", list(sample.PAGES))
def test_phone_has_no_horizontal_scroll_and_readable_text(browser, base, name):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + sample.PAGES[name])
        page.wait_for_load_state("load")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: {overflow}px wider than the phone's screen"
        size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
        assert size >= 14
    finally:
        context.close()


def test_article_lines_stay_readable_on_a_wide_screen(page, base):
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(base + sample.ARTICLE)
    width, font = page.evaluate("""() => {
        const p = document.querySelector('.digest-article__body > p:not(.digest-caption)');
        return [p.getBoundingClientRect().width, parseFloat(getComputedStyle(p).fontSize)];
    }""")
    assert width / font <= 42  # about 75 characters a line


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_in_light_and_dark_mode(browser, base, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base + sample.ARTICLE)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
        ratios = page.evaluate("""() => {
            const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                               return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const bg = getComputedStyle(document.querySelector('.md-main')).backgroundColor !== 'rgba(0, 0, 0, 0)'
                ? getComputedStyle(document.querySelector('.md-main')).backgroundColor
                : getComputedStyle(document.body).backgroundColor;
            const ratio = el => { const a = lum(getComputedStyle(el).color), b = lum(bg);
                                  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
            return {body: ratio(document.querySelector('.digest-article__body > p:not(.digest-caption)')),
                    link: ratio(document.querySelector('.digest-article__entities a')),
                    caption: ratio(document.querySelector('.digest-caption')),
                    dark: lum(bg) < 0.2};
        }""")
        assert ratios.pop("dark") == (scheme == "dark")
        for what, ratio in ratios.items():
            assert ratio >= 4.5, f"{scheme}: {what} contrast {ratio:.2f}"
    finally:
        context.close()


def test_no_console_errors_on_any_kind_of_page(page, base, errors):
    for path in ["", sample.ARTICLE, sample.ENTITY, sample.TOPIC, "topics/", "entities/", "entities/places/",
                 "archive/", "archive/2025-09/", "archive/undated/", "404.html"]:
        # Material fetches the sitemap, and its search worker the index, while and after the page loads.
        with page.expect_response(lambda r: r.url.endswith("/search/search_index.json")):
            page.goto(base + path)
        settle(page, errors.pending)
    assert not errors, "\n".join(errors)


def settle(page, pending: set, timeout_ms: int = 10_000) -> None:
    """Wait until no request of the page is in flight: a page is done when they are, not after a fixed wait."""
    waited = 0
    while pending and waited < timeout_ms:
        page.wait_for_timeout(25)
        waited += 25
    assert not pending, [r.url for r in pending]
