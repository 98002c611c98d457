"""Generated pages rendered with the reused converter give exactly the HTML MkDocs' own Page gives."""

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from support import FIXTURES, SEED, make_project

from generator.config import SiteInfo, config_from_dict
from generator.fast_page import FastPage
from generator.pipeline import generate


def test_fast_pages_render_like_mkdocs_pages(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()}, copy_from=FIXTURES / "hostile")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = None  # File.generated records which plugin made a file
    generation = generate(project / "content", config_from_dict({}), SiteInfo())
    pages = [p for p in generation.pages if p.src_uri.endswith(".md")]
    assert len(pages) > 40

    def build(page_class):
        files = Files([File.generated(config, p.src_uri, content=p.text()) for p in pages])
        out = {}
        for file in files.documentation_pages():
            page = page_class(None, file, config)
            page.read_source(config)
            page.render(config, files)
            out[file.src_uri] = (page.content, str(page.toc), page.title, page.present_anchor_ids)
        return out

    mkdocs_html = build(Page)
    fast_html = build(FastPage)
    assert fast_html == mkdocs_html
    # The order pages are rendered in must not matter either (state reset between pages).
    assert dict(reversed(list(build(FastPage).items()))) == mkdocs_html
