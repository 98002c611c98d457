"""Phones and tablets in Chromium with touch: search opens with one tap, the home page's blocks fit their content."""

from __future__ import annotations

import pytest
import sample
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = [390, 800]  # a phone, a tablet in portrait: both show the search icon, not the box


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def touch_page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", ["", sample.ARTICLE])
def test_one_tap_on_the_search_icon_opens_search_and_typing_finds(touch_page, base, path):
    page = touch_page
    page.goto(base + path)
    page.wait_for_load_state("load")
    icon = page.locator("label.md-header__button[for=__search]")
    expect(icon).to_be_visible()
    icon.tap()
    box = page.locator("input.md-search__input")
    expect(page.locator("#__search")).to_be_checked()
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    page.keyboard.type("Rutte")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    expect(first.locator("h1")).to_have_text("Mark Rutte")
    # The back arrow closes it again, with one tap too.
    page.locator(".md-search__form label.md-search__icon[for=__search]").tap()
    expect(page.locator("#__search")).not_to_be_checked(timeout=15_000)  # slow on a loaded machine


BLOCK_HEIGHTS = """() => Array.from(document.querySelectorAll(
        '.digest-news, .digest-news__type, .digest-news__items, .digest-topics, .digest-lede')).map(el => {
    const box = el.getBoundingClientRect();
    let content = 0;  // the height its children and text need
    const range = document.createRange();
    range.selectNodeContents(el);
    for (const r of range.getClientRects()) content = Math.max(content, r.bottom - box.top);
    for (const child of el.children) content = Math.max(content, child.getBoundingClientRect().bottom - box.top);
    const style = getComputedStyle(el);
    const padding = parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    // Text rectangles leave out the half-leading above and below a line.
    const leading = (parseFloat(style.lineHeight) || 1.6 * parseFloat(style.fontSize)) / 2;
    return {cls: el.className, height: box.height, needs: content + padding + leading};
})"""


def test_home_blocks_are_no_taller_than_their_content(touch_page, base):
    page = touch_page
    page.goto(base)
    page.wait_for_load_state("load")
    blocks = page.evaluate(BLOCK_HEIGHTS)
    assert any(b["cls"] == "digest-news__type" for b in blocks)
    for block in blocks:
        assert block["height"] <= block["needs"] + 1, block


def test_the_entity_chart_labels_are_readable_at_phone_width(touch_page, base):
    page = touch_page
    page.goto(base + sample.ENTITY)
    page.wait_for_load_state("load")
    expect(page.locator(".digest-entity-chart svg")).to_be_visible()
    # Rendered height of every piece of text in the chart, in CSS pixels (SVG text shrinks with its drawing).
    heights = page.evaluate("""() => {
        const chart = document.querySelector('.digest-entity-chart');
        const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
        const out = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim() || node.parentElement.closest('title')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            out.push([node.textContent, range.getBoundingClientRect().height]);
        }
        return out;
    }""")
    assert len(heights) >= 2, heights
    assert all(h >= 13 for _, h in heights), heights  # a 0.7rem label is about 16 px tall here


def test_home_chip_counts_stay_on_the_line_of_their_chip(touch_page, base):
    """At 800 px "European Union 1" broke before its count, leaving "1" alone on the next line."""
    page = touch_page
    page.goto(base)
    page.wait_for_load_state("load")
    pairs = page.evaluate("""() => [...document.querySelectorAll('.digest-news small, .digest-topics small')].map(count => {
        const chip = count.previousElementSibling;
        return [chip ? chip.textContent : null, chip ? chip.getBoundingClientRect().top : null,
                count.getBoundingClientRect().top];
    })""")
    assert len(pairs) >= 5, pairs
    for chip, chip_top, count_top in pairs:
        assert chip is not None and abs(count_top - chip_top) < 12, (chip, chip_top, count_top)
