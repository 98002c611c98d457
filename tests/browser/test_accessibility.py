"""axe-core, injected into the page, finds no serious or critical accessibility violation, in light or dark mode."""

from __future__ import annotations

from pathlib import Path

import pytest
import sample

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci in tests/browser)")
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(sample.PAGES))
def test_no_serious_accessibility_violations(browser, base, axe_source, name, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base + sample.PAGES[name])
        page.wait_for_load_state("load")
        assert serious_violations(page, axe_source) == []
    finally:
        context.close()


def test_axe_reports_what_it_should(browser, axe_source):
    """The check can fail: a page with an unlabeled image link and low contrast text is reported."""
    page = browser.new_page()
    try:
        page.set_content('<html lang="en"><body><a href="x"><img src="data:,"></a>'
                         '<p style="color:#bbb;background:#fff">faint</p></body></html>')
        ids = {v.split(" ")[0] for v in serious_violations(page, axe_source)}
        assert {"link-name", "color-contrast"} <= ids
    finally:
        page.close()
