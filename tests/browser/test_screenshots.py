"""The README's screenshots, taken by the test suite's browser from the sample site.

`.github/screenshots/home.png` and `entity.png` are rewritten only when what Chromium
shows has changed, so a test run leaves the repository as it was otherwise.
"""

from __future__ import annotations


import pytest
import sample
from conftest import serve_site
from support import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = REPO / ".github" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.mark.parametrize("name, path", [("home", ""), ("entity", sample.ENTITY)])
def test_readme_screenshot(browser, tmp_path_factory, name, path):
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    page = context.new_page()
    try:
        with serve_site(sample.site(tmp_path_factory), sample.SUB_PATH) as base:
            page.goto(base + path)
            page.locator("h1").first.wait_for()
            page.evaluate("document.fonts.ready")
            png = page.screenshot(animations="disabled", caret="hide")
    finally:
        context.close()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000  # a real picture, not a blank page
    target = SHOTS / f"{name}.png"
    if not target.is_file() or target.read_bytes() != png:
        SHOTS.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    assert (REPO / "README.md").read_text(encoding="utf-8").count(f".github/screenshots/{name}.png") == 1
