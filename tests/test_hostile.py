"""Hostile and broken files: the site still builds, every valid article is published, every bad file
is named with its reason, and nothing from content runs as script in the built pages."""

import re
import shutil

_BASE_URL = re.compile(r'new URL\("[^"]*",location\)')

import pytest
from bs4 import BeautifulSoup
from support import FIXTURES, make_project, run_mkdocs

HOSTILE = FIXTURES / "hostile"

REJECTED = {
    "empty.txt": "empty file",
    "whitespace_only.txt": "empty file",
    "photo_renamed.txt": "not a text file: it looks like a PNG image",
    "binary_blob.txt": "not a text file",
}
IGNORED = [".hidden.txt", "backup.txt~", ".draft.txt.swp", "download.txt.part", "download.txt.crdownload"]
DUPLICATES = ["ferry.txt", "ferry_utf16.txt"]  # same article as "ferry copy.txt"
SKIPPED = ["notes.pdf"]
PUBLISHED = sorted(
    p.name for p in HOSTILE.iterdir()
    if p.name not in REJECTED and p.name not in IGNORED and p.name not in DUPLICATES and p.name not in SKIPPED
)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), copy_from=HOSTILE)
    result = run_mkdocs(project, "build", check=False)
    return project, result


def article_pages(site):
    pages = {}
    for path in sorted((site / "articles").glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[soup.select_one(".digest-article__source code").get_text()] = soup
    return pages


def test_builds_and_publishes_every_valid_article_once(hostile_build):
    project, result = hostile_build
    assert result.returncode == 0, result.stderr
    assert sorted(article_pages(project / "site")) == PUBLISHED


def test_every_bad_file_is_named_with_its_reason_once(hostile_build):
    _, result = hostile_build
    log = result.stderr
    for name, reason in REJECTED.items():
        assert log.count(f"rejected {name}: {reason}") == 1, name
    for name in DUPLICATES:
        assert log.count(f"repaired {name}: duplicate of ferry copy.txt: published once") == 1
    assert "repaired notes.pdf: skipped: not an article format" in log
    assert "fm_malformed.md: front matter ignored" in log
    assert "fm_unclosed.md: front matter is not closed" in log
    assert "fm_python_tag.md: front matter ignored: it uses a !!python tag" in log
    assert "fm_wrong_types.md: front matter 'date': 'not a date' is not a date" in log
    assert "nul_bytes.txt: removed 2 NUL bytes" in log
    assert "cp1252.txt: not UTF-8; decoded as cp1252" in log
    assert "tram_report_update.txt: nearly the same text as tram_report.txt" in log
    for name in IGNORED:
        assert name not in log


def theme_scripts(site) -> set[str]:
    """The scripts Material puts on a page with no content at all (the 404 page)."""
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    return {script.get("src") or _BASE_URL.sub("", script.get_text()) for script in soup.find_all("script")}


def test_no_script_handler_javascript_url_or_iframe_from_content(hostile_build):
    project, _ = hostile_build
    allowed = theme_scripts(project / "site")
    for path in sorted((project / "site").rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        content = soup.select_one(".md-content")
        assert content is not None
        assert content.find_all(["script", "iframe", "object", "embed", "foreignobject"]) == [], path
        # The only SVG is digest's own chart on entity pages (text inside it is escaped).
        assert all("digest-chart" in svg.get("class", []) for svg in content.find_all("svg")), path
        assert not soup.select(".digest-article__body svg"), path
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert handlers == [], (path, tag.name, handlers)
            for attr in ("href", "src", "action", "formaction"):
                value = str(tag.get(attr, ""))
                assert not re.match(r"\s*javascript:", value, re.IGNORECASE), (path, tag)
        for script in soup.find_all("script"):
            src = script.get("src")
            if src:  # the theme's own bundles, relative to the page
                assert src.split("assets/", 1)[-1] in {s.split("assets/", 1)[-1] for s in allowed if s}, (path, src)
            elif script.get("id") != "__config":  # Material's JSON config, the same with a page's base URL
                assert _BASE_URL.sub("", script.get_text()) in allowed, (path, script)


def test_text_and_titles_show_their_characters(hostile_build):
    project, _ = hostile_build
    pages = article_pages(project / "site")
    markup = pages["markup_everywhere.txt"]
    assert markup.h1.get_text() == "<script>alert('title')</script> **Bold** {{ config }} title"
    body = markup.select_one(".digest-article__body").get_text(" ")
    for literal in ["<script>alert(1)</script>", "javascript:alert(3)", "# Not a heading", "{% include 'secrets' %} {{ 7*7 }}"]:
        assert literal in body
    owner = pages["raw_html.md"]
    assert owner.h1.get_text() == "<img src=x onerror=alert(5)>Owner's HTML"
    assert owner.select_one(".digest-article__body em").get_text() == "Markdown"  # the owner's Markdown still works
    assert owner.select_one('.digest-article__body img[alt="fine image"]') is not None
    assert "click me" in owner.get_text()
    assert pages["cyrillic_title.txt"].h1.get_text() == "Пожар в Москве"
    assert pages["cp1252.txt"].h1.get_text() == "Pound and euro – “steady” £ €"


def test_slugs_are_valid_and_index_does_not_replace_the_home_page(hostile_build):
    project, _ = hostile_build
    site = project / "site"
    slugs = sorted(p.name for p in (site / "articles").iterdir())
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs)
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "An article saved as index" not in home.h1.get_text()
    assert (site / "articles" / "an-article-saved-as-index" / "index.html").is_file()
    assert "budget-vote-delayed" in slugs and any(s.startswith("budget-vote-delayed-") for s in slugs)


def test_strict_build_fails_and_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path, {"good.txt": "Good news\n\nAll is well on 1 June 2024.\n"})
    run_mkdocs(project)
    before = (project / "site" / "index.html").read_bytes()
    shutil.copy(HOSTILE / "empty.txt", project / "content" / "empty.txt")
    (project / "content" / "more.txt").write_text("More news\n\nMore text on 2 June 2024.\n")
    result = run_mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert "rejected empty.txt: empty file" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site*"))  # no staging folder left behind


def test_huge_files_are_refused_and_a_one_megabyte_line_is_read(tmp_path):
    project = make_project(tmp_path, {
        "huge.txt": "Huge\n\n" + ("All work and no play. " * 1_000_000),
        "long_line.txt": "One long line\n\n" + ("word " * 200_000).strip() + ".\n",
    })
    result = run_mkdocs(project, "build", check=False)
    assert result.returncode == 0, result.stderr
    assert "rejected huge.txt: too large: 22,000,006 bytes, the limit is 5,000,000" in result.stderr
    assert (project / "site" / "articles" / "one-long-line" / "index.html").is_file()


def test_every_article_keeps_its_previous_and_next_landmark(hostile_build):
    # Sanitizing the owner's HTML (raw_html.md) must not take digest's own navigation with it.
    project, _ = hostile_build
    pages = article_pages(project / "site")
    assert pages["raw_html.md"].select_one('nav.digest-prevnext[aria-label="Previous and next articles"]')
    for source, soup in pages.items():  # undated articles have no neighbours, and no links
        for link in soup.select(".digest-prevnext__link"):
            assert link.parent.name == "nav", source


def test_near_duplicates_are_both_published_linked_to_each_other_and_listed_once(hostile_build):
    project, _ = hostile_build
    pages = article_pages(project / "site")
    for here, there in [("tram_report.txt", "tram_report_update.txt"), ("tram_report_update.txt", "tram_report.txt")]:
        note = pages[here].select_one(".digest-versions")
        assert note is not None and "Another version of this story" in note.get_text(), here
        assert there in note.get_text()
        (link,) = note.select("a")
        assert link.get_text() == pages[there].select_one("h1").get_text()
    archive = "".join(p.read_text(encoding="utf-8") for p in sorted((project / "site" / "archive").rglob("*.html")))
    assert archive.count("Tram line opens") == 1 and "Tram line opens, updated" in archive
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert home.count("Tram line opens") == 1
