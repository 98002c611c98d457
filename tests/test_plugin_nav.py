"""The navigation's pages (home, stories, topics, entities, archive) render as FastPages, and
give the HTML MkDocs' own Pages give them."""


from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import FIXTURES, SEED, file_hashes, make_project

from generator.fast_page import FastPage
from generator.plugin import DigestPlugin


def _build(project, monkeypatch, *, fast_nav: bool) -> tuple[dict[str, str], list]:
    seen = []
    original = DigestPlugin._render_nav_pages_fast

    def render_nav_pages(self, nav):
        if fast_nav:
            original(self, nav)
        seen.extend(nav.pages)

    monkeypatch.setattr(DigestPlugin, "_render_nav_pages_fast", render_nav_pages)
    build(load_config(str(project / "mkdocs.yml")))
    return file_hashes(project / "site"), seen


def test_navigation_pages_render_as_mkdocs_renders_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {SEED.name: SEED.read_bytes()}
    fast, fast_pages = _build(make_project(tmp_path / "fast", articles, copy_from=FIXTURES / "hostile"), monkeypatch,
                              fast_nav=True)
    slow, slow_pages = _build(make_project(tmp_path / "slow", articles, copy_from=FIXTURES / "hostile"), monkeypatch,
                              fast_nav=False)
    assert len(fast_pages) >= 5 and all(type(page) is FastPage for page in fast_pages)
    assert not any(isinstance(page, FastPage) for page in slow_pages)
    assert fast == slow
