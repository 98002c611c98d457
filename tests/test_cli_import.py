"""`digest import FEED.xml`, end to end: feed items become Markdown articles, once."""

import datetime as dt
import hashlib
from pathlib import Path

import frontmatter
import pytest
from bs4 import BeautifulSoup

from support import FIXTURES, SEED, make_project, run_digest, run_mkdocs

FEEDS = FIXTURES / "feeds"
RSS = FEEDS / "harbour_rss.xml"
ATOM = FEEDS / "kurier_atom.xml"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"seed.txt": SEED.read_bytes()})


def imported(project: Path, name: str) -> frontmatter.Post:
    return frontmatter.loads((project / "content" / name).read_text(encoding="utf-8"))


def test_rss_items_become_markdown_articles_with_front_matter(project):
    result = run_digest("import", str(RSS), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "content/nato-scrambles-jets-after-drones-cross-into-polish-airspace.md -> "
        "articles/nato-scrambles-jets-after-drones-cross-into-polish-airspace/",
        "content/markets-steady-as-ecb-holds-rates-signals-patience.md -> "
        "articles/markets-steady-as-ecb-holds-rates-signals-patience/",
        "content/ferry-strike-called-off.md -> articles/ferry-strike-called-off/",
    ]
    nato = imported(project, "nato-scrambles-jets-after-drones-cross-into-polish-airspace.md")
    assert nato.metadata == {
        "title": "NATO scrambles jets after drones cross into Polish airspace",
        "date": dt.date(2025, 9, 12),  # "Fri, 12 Sep 2025 01:41:00 +0200": its own day, not UTC's
        "author": "Marta Kowalczyk",
        "source_url": "https://www.harbourgazette.example/world/2025/09/12/nato-drones-poland-airspace",
    }
    assert nato.content.startswith("WARSAW – Polish and allied fighter jets")
    markets = imported(project, "markets-steady-as-ecb-holds-rates-signals-patience.md")
    assert markets["title"] == "Markets steady as <ECB> holds rates & signals patience"
    assert markets["author"] == "Tom Reyes"  # from "markets@harbourgazette.example (Tom Reyes)"
    assert markets.content.count("\n\n") == 1  # two paragraphs of the plain-text description
    ferry = imported(project, "ferry-strike-called-off.md")
    assert "date" not in ferry.metadata  # "not a date" in the feed: no date rather than a wrong one


def test_atom_entries_with_html_titles_and_several_authors(project):
    result = run_digest("import", str(ATOM), cwd=project)
    assert result.returncode == 0, result.stderr
    post = imported(project, "bundestag-beschliesst-reform-der-schuldenbremse.md")
    assert post["title"] == "Bundestag beschließt Reform der Schuldenbremse"
    assert post["author"] == "Jürgen Weiß, Anna Berg"
    assert post["date"] == dt.date(2025, 9, 12)
    assert post.content.startswith("Der Deutsche Bundestag hat am Freitag")
    entry = imported(project, "lander-erhalten-mehr-spielraum.md")
    assert "source_url" not in entry.metadata  # its only link is a tag: id, not an address


def test_importing_the_same_feed_again_adds_nothing(project):
    assert run_digest("import", str(RSS), cwd=project).returncode == 0
    before = snapshot(project / "content")
    result = run_digest("import", str(RSS), cwd=project)
    assert result.returncode == 0
    assert result.stdout == ""
    assert "0 articles added, 3 already in content" in result.stderr
    assert snapshot(project / "content") == before


def test_an_updated_feed_adds_only_its_new_items(tmp_path, project):
    assert run_digest("import", str(RSS), cwd=project).returncode == 0
    before = snapshot(project / "content")
    feed = RSS.read_text(encoding="utf-8")
    # The story was updated (same link, new text), and a new story was published.
    feed = feed.replace("had been tracked for several hours.", "had been tracked for several hours, officials said.")
    feed = feed.replace("<item>\n    <title>Ferry strike called off</title>", """<item>
    <title>Harbour tunnel reopens</title>
    <link>https://www.harbourgazette.example/world/2025/09/13/tunnel</link>
    <pubDate>Sat, 13 Sep 2025 09:00:00 +0000</pubDate>
    <description>The harbour tunnel reopened on Saturday after three weeks of repairs.</description>
  </item>
  <item>
    <title>Ferry strike called off</title>""")
    updated = tmp_path / "updated.xml"
    updated.write_text(feed, encoding="utf-8")
    result = run_digest("import", str(updated), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/harbour-tunnel-reopens.md -> articles/harbour-tunnel-reopens/\n"
    assert "(the same source_url)" in result.stderr
    after = snapshot(project / "content")
    assert {k: v for k, v in after.items() if k in before} == before


@pytest.mark.slow
def test_feed_text_cannot_become_markup_on_the_page(project):
    assert run_digest("import", str(RSS), str(ATOM), cwd=project).returncode == 0
    run_mkdocs(project)
    page = project / "site" / "articles" / "nato-scrambles-jets-after-drones-cross-into-polish-airspace" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article") or soup
    text = body.get_text(" ")
    assert "# Not a heading, **not bold**, [not a link](https://evil.example), bold tag" in text
    assert "1. Not a list either & an ampersand <script>alert(1)</script>" in text
    assert not body.find("a", href="https://evil.example")
    assert not body.find("strong") and not body.find("ol")
    assert not [s for s in body.find_all("script") if "alert" in s.get_text()]
    assert "feed script" not in page.read_text(encoding="utf-8")  # the feed's own <script> is dropped
    markets = project / "site" / "articles" / "markets-steady-as-ecb-holds-rates-signals-patience" / "index.html"
    assert "Markets steady as &lt;ECB&gt; holds rates &amp; signals patience" in markets.read_text(encoding="utf-8")


def test_a_file_that_is_not_a_feed_is_bad_usage(tmp_path, project):
    not_feed = tmp_path / "notes.xml"
    not_feed.write_text("These are my notes, not a feed.", encoding="utf-8")
    before = snapshot(project / "content")
    result = run_digest("import", str(not_feed), cwd=project)
    assert result.returncode == 2
    assert "notes.xml: not an RSS or Atom feed" in result.stderr
    assert snapshot(project / "content") == before


def test_items_without_text_are_skipped_with_a_reason(tmp_path, project):
    feed = tmp_path / "links.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title>
<item><title>Only a link</title><link>https://example.org/a</link></item></channel></rss>""", encoding="utf-8")
    result = run_digest("import", str(feed), cwd=project)
    assert result.returncode == 0
    assert "skipped item 1 (Only a link): has no text in the feed" in result.stderr
    assert sorted(p.name for p in (project / "content").iterdir()) == ["seed.txt"]
