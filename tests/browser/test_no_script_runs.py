"""Hostile article text and owner HTML never run in a reader's browser: no dialog opens on any page."""

import pytest
from conftest import serve_site
from support import FIXTURES, make_project, run_mkdocs

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile-browser"), copy_from=FIXTURES / "hostile")
    run_mkdocs(project, "build")
    return project / "site"


def test_no_dialog_opens_on_any_page(hostile_site, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
    paths = sorted(p.parent.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    assert len([p for p in paths if p.startswith("articles/")]) >= 20
    with serve_site(hostile_site) as base:
        for path in paths:
            response = page.goto(base + ("" if path == "." else path + "/"), wait_until="load")
            assert response.status == 200, path
    assert dialogs == []
