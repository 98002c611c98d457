"""Generated pages rendered with the reused converter give exactly the HTML MkDocs' own Page gives."""

import random

import markdown
from markdown.inlinepatterns import LinkInlineProcessor
from mkdocs.config import load_config
from mkdocs.utils import get_build_date
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from support import FIXTURES, SEED, make_project

from generator.config import SiteInfo, config_from_dict
from generator import fast_page
from generator.fast_page import FastPage, page_settings, bracket_end, build_date, find_link_text_faster
from generator.pipeline import generate


def test_fast_pages_render_like_mkdocs_pages(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()}, copy_from=FIXTURES / "hostile")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = None  # File.generated records which plugin made a file
    # Small pages and tag pages for one article: every kind of page, paged listings included.
    options = {"archive_page_size": 3, "tag_page_min_articles": 1}
    generation = generate(project / "content", config_from_dict(options), SiteInfo())
    pages = [p for p in generation.pages if p.src_uri.endswith(".md")]
    assert len(pages) > 40
    assert {"article", "entity", "topic", "tag", "archive", "index", "home"} <= {p.kind for p in pages}
    assert any("/page-1" in p.src_uri for p in pages)  # a listing's pages behind its front

    owner = {p.src_uri for p in pages if p.owner_markdown}
    assert owner and len(owner) < len(pages)

    by_uri = {p.src_uri: p for p in pages}

    def build(page_class, splice=False, from_model=False):
        files = Files([File.generated(config, p.src_uri, content=p.text()) for p in pages])
        out = {}
        for file in files.documentation_pages():
            page = page_class(None, file, config)
            if splice:
                page.splice_html = file.src_uri not in owner
            if from_model:  # the front matter and body as digest made them, not read back from the file
                page.source = (by_uri[file.src_uri].body, by_uri[file.src_uri].meta)
            page.read_source(config)
            page.render(config, files)
            out[file.src_uri] = (page.content, str(page.toc), page.title, page.present_anchor_ids, page.meta)
        return out

    mkdocs_html = build(Page)
    fast_html = build(FastPage)
    assert fast_html == mkdocs_html
    # The order pages are rendered in must not matter either (state reset between pages).
    assert dict(reversed(list(build(FastPage).items()))) == mkdocs_html
    # Setting digest's own HTML blocks aside and putting them back gives the same pages too.
    assert build(FastPage, splice=True) == mkdocs_html
    # Taking the front matter from digest's model gives what reading the file gives.
    assert build(FastPage, splice=True, from_model=True) == mkdocs_html


def test_fast_pages_have_the_canonical_address_mkdocs_gives(tmp_path):
    """FastPage joins a page's URL to the site's faster than MkDocs' Page; the answer must be
    MkDocs' own: with or without a site_url, under a sub-path and at the root, for digest's
    page addresses and for random ones with the characters urljoin treats apart."""
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    uris = ["index.md", "articles/a-b.md", "entities/people/index.md", "topics/page-2.md", "tags/x%20y.md",
            "a/../b.md", "../up.md", "a/..b/c.md", "a/b/...md", "a:b/c.md", "a b/ü.md"]
    rng = random.Random(5)
    uris += ["".join(rng.choice("ab./%:?#@ é") for _ in range(rng.randrange(1, 9))) + ".md" for _ in range(300)]
    sites = (None, "https://owner.github.io/repo/", "https://owner.github.io/repo", "http://127.0.0.1:8000/",
             "https://x.org/a/../b/", "https://x.org//double/", "https://x.org/p/?q=1")
    for site_url in sites:
        for directory_urls in (True, False):
            config = load_config(str(project / "mkdocs.yml"), site_url=site_url, use_directory_urls=directory_urls)
            config.plugins._current_plugin = None
            for uri in uris:
                ours = FastPage(None, File.generated(config, uri, content="# T\n"), config)
                theirs = Page(None, File.generated(config, uri, content="# T\n"), config)
                assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url), (site_url, uri)
            for url in ("a//b/", "a/./b/", "a/../b/", "./", "../", "x/.."):  # addresses MkDocs' files do not normalize
                ours = FastPage(None, File.generated(config, "z.md", content="# T\n"), config)
                theirs = Page(None, File.generated(config, "z.md", content="# T\n"), config)
                ours.file.url = theirs.file.url = url
                ours._set_canonical_url(config.site_url)
                theirs._set_canonical_url(config.site_url)
                assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url), (site_url, url)


def test_closing_brackets_are_found_where_python_markdown_finds_them():
    """bracket_end answers what Python-Markdown's table of closing brackets answers, for every
    index of texts with nested, stray and unclosed brackets, short and past the scan limit."""
    rng = random.Random(11)
    texts = ["", "[", "]", "[a](b)", "[[a]]", "a]b[c", "[" * 200 + "]", "[x]" * 100, "[" + "[a]" * 100 + "]"]
    texts += ["".join(rng.choice("[[]]ab\\(") for _ in range(rng.randrange(0, 400))) for _ in range(400)]
    for text in texts:
        ends = LinkInlineProcessor._findBracketEnds(text)
        for i in range(len(text) + 1):
            assert bracket_end(text, i, LinkInlineProcessor._findBracketEnds) == ends[i], (text, i)


def test_link_patterns_give_the_html_python_markdown_gives():
    """The converter FastPage uses has its link patterns' getText replaced (find_link_text_faster):
    for Markdown full of links, images, references and brackets, the HTML is Python-Markdown's."""
    extensions = ["toc", "tables", "attr_list", "md_in_html", "admonition"]
    ours = markdown.Markdown(extensions=extensions)
    find_link_text_faster(ours)
    assert any(getattr(p, "getText", None).__func__ is not LinkInlineProcessor.getText
               for p in ours.inlinePatterns if isinstance(p, LinkInlineProcessor)), "nothing was replaced"
    rng = random.Random(3)
    pieces = ["[a](b.md)", "![i](x.png)", "[r][1]", "[s]", "[", "]", "[[n]](c)", "(", ")", " text ", "\n",
              "\n\n", "<span>[h](h.md)</span>", "{ .c }", "[t](<u v> 'w')", "\\[", "`[c]`"]
    docs = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 200))) + "\n\n[1]: ref.md\n" for _ in range(300)]
    docs.append(" ".join(f"[p{i}](page-{i}.md)" for i in range(300)))
    docs.append("[" * 150 + "x](y)" + "]" * 20)
    for doc in docs:
        theirs = markdown.Markdown(extensions=extensions)
        assert ours.reset().convert(doc) == theirs.convert(doc), doc


def _state(page):
    return {k: v for k, v in vars(page).items() if k != "file"}


def test_fast_pages_are_made_as_mkdocs_makes_pages(tmp_path, monkeypatch):
    """FastPage.__init__ asks the clock and the configuration once per build: each page is the
    Page MkDocs makes, with or without a site URL, a repository and edit links, a fixed date."""
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    options = [{}, {"site_url": "https://owner.github.io/repo/"}, {"repo_url": "https://github.com/o/r"},
               {"repo_url": "https://github.com/o/r", "edit_uri": "edit/main/content/"},
               {"repo_url": "https://example.org/r", "edit_uri_template": "src/{path_noext}?x=1"}]
    uris = ["index.md", "articles/a-b.md", "tags/x y.md", "entities/people/index.md", "a/../b.md"]
    for epoch in (None, "1700000000", "1800000000"):
        if epoch is None:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        for extra in options:
            config = load_config(str(project / "mkdocs.yml"), **extra)
            config.plugins._current_plugin = None
            assert page_settings(config) is not None
            for uri in uris:
                for title in (None, "Home"):
                    ours = FastPage(title, File.generated(config, uri, content="# T\n"), config)
                    theirs = Page(title, File.generated(config, uri, content="# T\n"), config)
                    assert ours.file.page is ours
                    assert _state(ours) == _state(theirs), (epoch, extra, uri)


def test_a_mkdocs_whose_pages_are_made_otherwise_makes_them_itself(tmp_path, monkeypatch):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    original = Page.__init__

    def init(self, title, file, config):
        original(self, title, file, config)
        self.something_new = 1

    monkeypatch.setattr(Page, "__init__", init)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = None
    assert page_settings(config) is None
    assert FastPage(None, File.generated(config, "a.md", content="# T\n"), config).something_new == 1


def test_the_build_date_is_mkdocs_own(monkeypatch):
    for epoch in ("1700000000", "1700086400", None, "0"):
        if epoch is None:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert build_date() == get_build_date() and build_date() == get_build_date()
    # Without SOURCE_DATE_EPOCH, once the day it names is over, the date is asked for again.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_date()
    monkeypatch.setattr(fast_page, "_date", (None, 0.0, "1999-01-01"))
    assert build_date() == get_build_date()
