"""End to end: a real `mkdocs build --strict` of sample-like content, checked in the produced HTML."""

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import FIXTURES, SEED, build_site, make_project, run_mkdocs

SEED_SLUG = "nato-powers-escalate-confrontation-with-russia-after-drone-shootdowns-over"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    articles = {
        SEED.name: SEED.read_bytes(),
        "markup.txt": (FIXTURES / "text" / "markup_in_text.txt").read_bytes(),
        "wire/reuters.txt": (FIXTURES / "text" / "wire_reuters.txt").read_bytes(),
        "angle.txt": (FIXTURES / "text" / "angle_brackets.txt").read_bytes(),
        "wire/sun.txt": (FIXTURES / "wire" / "sun_fund_ticker_signoff.txt").read_bytes(),
    }
    site = build_site(root, articles)
    return root, site


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def body_text(soup):
    return soup.select_one(".digest-article__body").get_text(" ", strip=True)


def test_seed_article_page(built):
    _, site = built
    soup = page(site, f"articles/{SEED_SLUG}")
    assert soup.h1.get_text(strip=True).startswith("NATO powers escalate confrontation with Russia after drone shootdowns")
    assert soup.select_one("time")["datetime"] == "2025-09-12"
    caption = soup.select_one(".digest-caption")
    assert "NATO Secretary General Mark Rutte, right" in caption.get_text()
    assert caption.select_one(".digest-credit").get_text() == "AP Photo/Virginia Mayo"
    paragraphs = [p.get_text() for p in soup.select(".digest-article__body > p:not(.digest-caption)")]
    source = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert paragraphs == source[3:-1]
    text = body_text(soup)
    assert "Loading" not in text and not text.startswith("English")
    assert soup.select_one(".digest-article__facts").get_text().count("min read") == 1


def test_article_links_to_topics_and_entities_and_they_link_back(built):
    _, site = built
    soup = page(site, f"articles/{SEED_SLUG}")
    topic_links = [a["href"] for a in soup.select(".digest-article__topics a")]
    entity_links = {a.get_text(): a["href"] for a in soup.select(".digest-article__entities a")}
    assert topic_links and "Mark Rutte" in entity_links and "Poland" in entity_links
    for href in [topic_links[0], entity_links["Mark Rutte"], entity_links["Poland"]]:
        target = (site / "articles" / SEED_SLUG / href / "index.html").resolve()
        assert target.is_file(), href
        back = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in back.select("article a, .md-content a")]
        assert any(SEED_SLUG in h for h in hrefs), f"{href} does not link back"


def test_home_archive_and_indexes(built):
    _, site = built
    home = page(site, ".")
    assert SEED_SLUG in str(home) and "Friday, 12 September 2025" in home.get_text()
    assert "The shooting down of Russian drones over Poland" in home.get_text()
    archive = page(site, "archive")
    assert archive.find("a", string="September 2025")
    month = page(site, "archive/2025-09")
    assert SEED_SLUG in str(month)
    undated = page(site, "archive/undated")
    assert "France's Economy Minister" in undated.get_text()
    for index in ("topics", "entities", "entities/people", "entities/places", "entities/organizations"):
        assert (site / index / "index.html").is_file()


def test_navigation_holds_sections_not_articles(built):
    _, site = built
    nav = page(site, ".").select(".md-nav--primary .md-nav__link")
    labels = {link.get_text(" ", strip=True) for link in nav}
    assert {"Home", "Stories", "Topics", "Entities", "Archive"} <= labels
    assert "None" not in labels  # the Stories tab of a digest with no story yet read "None"
    assert not any("NATO powers" in label for label in labels)


def test_text_is_data_in_the_built_site(built):
    _, site = built
    soup = page(site, "articles/ein-titel-mit-sternchen-und-link-javascript-alert-1")
    article = soup.select_one("article.digest-article")
    assert article.find("script") is None and article.find("img") is None
    assert not article.select("[onerror], [onclick]")
    assert not [a for a in article.find_all("a") if a.get("href", "").startswith("javascript:")]
    text = body_text(soup)
    for literal in ["# foo", '<script>alert("xss")</script>', "<img src=x onerror=alert(1)>", "{{ config.site_name }}",
                    "[TOC]", "**not bold**", "> not a quote | not | a table", '!!! note "not an admonition"']:
        assert literal in text
    assert soup.h1.get_text() == "Ein Titel mit *Sternchen* und [Link](javascript:alert(1))"
    assert article.get("lang") == "de"


def test_titles_with_angle_brackets_are_escaped_everywhere(built):
    _, site = built
    html = (site / "articles/shares-of-dd-fall-5-after-b-profit-b-warning-outlook-cut/index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.get_text().startswith("Shares of DD fall 5% after <b>profit</b> warning & outlook cut")
    assert soup.h1.get_text() == "Shares of DD fall 5% after <b>profit</b> warning & outlook cut"
    assert "<b>profit</b>" not in html
    assert [t.get_text() for t in soup.select(".digest-article__tickers .digest-ticker")] == ["DD"]


def test_wire_item_shows_its_ticker_as_a_label_not_in_its_title(built):
    _, site = built
    soup = page(site, "articles/sun-fund-sees-higher-1st-qtr-net")
    assert soup.h1.get_text() == "Sun Fund Sees Higher 1st qtr Net"
    assert [t.get_text() for t in soup.select(".digest-article__tickers .digest-ticker")] == ["SUNF"]
    assert soup.select_one(".digest-publisher").get_text() == "Reuters"
    assert not body_text(soup).endswith("Reuter")


def test_content_folder_is_never_written(tmp_path):
    articles = {SEED.name: SEED.read_bytes(), "notes/draft.md": "# Draft\n\nSome text on 1 June 2024.\n"}
    root = tmp_path / "p"
    build_site(root, articles)
    files = sorted(p for p in (root / "content").rglob("*") if p.is_file())
    assert [p.relative_to(root / "content").as_posix() for p in files] == [SEED.name, "notes/draft.md"]
    assert hashlib.sha256(files[0].read_bytes()).digest() == hashlib.sha256(SEED.read_bytes()).digest()
    assert not (root / "site" / SEED.name).exists()  # inputs are not copied into the site


def test_a_content_folder_that_is_a_link_elsewhere_builds_the_same_and_is_not_copied(tmp_path):
    # Owners keep articles in a synced folder and link it in as content/: its files are still inputs.
    elsewhere = tmp_path / "synced-articles"
    elsewhere.mkdir()
    (elsewhere / SEED.name).write_bytes(SEED.read_bytes())
    root = make_project(tmp_path / "p")
    (root / "content").rmdir()
    (root / "content").symlink_to(elsewhere, target_is_directory=True)
    run_mkdocs(root)
    site = root / "site"
    assert (site / "articles" / SEED_SLUG / "index.html").is_file()
    assert not list(site.rglob(SEED.name))  # the article file is an input, not a file to copy


def test_the_frame_of_every_page_is_written_once_in_shared_files(built):
    """Material's icons and inline scripts live in digest.css and digest-frame.js, not on each page."""
    _, site = built
    html = (site / "articles" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    frame = soup.select_one(".md-header").decode() + soup.select_one(".md-sidebar--primary").decode()
    assert "<path" not in frame  # each icon is an empty <svg> that names its mask in digest.css
    icons = {svg["class"][0] for svg in soup.select(".md-header svg, .md-top svg")}
    assert icons == {f"digest-i-{name}" for name in ("library", "menu", "magnify")}
    frame_js = (site / "assets" / "javascripts" / "digest-frame.js").read_text(encoding="utf-8")
    assert 'icon("arrow-left")' in frame_js and 'icon("close")' in frame_js  # the search box's, built by script
    css = (site / "assets" / "stylesheets" / "digest.css").read_text(encoding="utf-8")
    assert '<svg class="digest-i-arrow-up"' in frame_js  # the back-to-top button's, built by script
    for name in icons | {"digest-i-arrow-left", "digest-i-close", "digest-i-brightness-4", "digest-i-brightness-7", "digest-i-arrow-up"}:
        assert f".{name} {{ --digest-icon: url(" in css
    # The search dialog's markup is in digest-frame.js; the page holds one call with its own words.
    assert soup.select_one("[data-digest-search]") is None
    assert '<script>__digest_search(["Search", "Search", "Clear", "Initializing search"])</script>' in html
    assert '__md_get("__palette")' not in html and "<script>__digest_palette()</script>" not in html
    assert "  __digest_palette();" in (site / "assets" / "javascripts" / "digest-frame.js").read_text(encoding="utf-8")
    # The colour toggles (shown only with JavaScript) are built from one short list per scheme.
    assert soup.select_one("form[data-md-component=palette]") is None
    assert ('<script>__digest_palette_form([["(prefers-color-scheme: light)", "default", "indigo", "indigo", '
            '"Switch to dark mode", "brightness-7"], ') in html
    assert 'src="../../assets/javascripts/digest-frame.js"' in html
    assert "__tabbed_" not in html and "twitter:description" not in html
    # Nothing a reader reads: no generator line, no article:tag lines (the tags are the chips), no
    # "Made with Material" (extra.generator: false), no site description as a listing's og:description.
    assert 'name="generator"' not in html and "article:tag" not in html and "Made with" not in html
    assert soup.find("meta", attrs={"property": "og:description"})  # an article's summary stays
    home = page(site, ".")
    assert home.find("meta", attrs={"name": "description"}) and not home.find("meta", attrs={"property": "og:description"})
    # Material's configuration is made by __digest_config from the features and translations alone,
    # naming the search worker of the installed Material (a new Material renames it).
    assert soup.select_one("script#__config") is None
    assert ('<script>__digest_config(["navigation.top", "search.highlight"], {"search.result.none": '
            '"No matching documents"') in html
    import material
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    worker = re.search(r"assets/javascripts/workers/search\.\w+\.min\.js", base).group()
    assert f'new URL("{worker}", __digest_root)' in (site / "assets" / "javascripts" / "digest-frame.js").read_text(encoding="utf-8")
    assert (site / "assets" / "javascripts" / "digest-frame.js").is_file()
    assert not list(site.rglob(".icons"))  # the icon templates are not copied into the site
    assert not list(site.rglob("*.js.map")) and (site / "assets" / "javascripts").is_dir()  # no source maps
    # The back-to-top button (hidden until Material's script runs) is made by __digest_top.
    assert soup.select_one("button.md-top") is None and '<script>__digest_top("Back to top")</script>' in html
    # A table of contents of one heading ("Related articles") is not written; its column stays.
    assert soup.select_one(".md-sidebar--secondary nav.md-nav--secondary") is not None
    assert soup.select_one(".md-sidebar--secondary .md-nav__list") is None
    assert soup.select_one(".md-skip")["href"] == "#related-articles"  # the skip link is Material's, unchanged
    # The article's chips are styled by where they stand (digest.css), not by a class on each.
    chips = soup.select(".digest-article__topics > a, .digest-article__entities dd > a")
    assert chips and all(not a.get("class") for a in chips)
    css = (site / "assets" / "stylesheets" / "digest.css").read_text(encoding="utf-8")
    assert ".digest-article__entities dd > *" in css


def test_an_icon_in_the_theme_folder_is_part_of_the_theme_fingerprint(tmp_path):
    """A `--dirty` build rebuilds every page when an icon the frame includes changes."""
    from types import SimpleNamespace

    from generator.plugin import _theme_fingerprint

    icon = tmp_path / ".icons" / "material" / "menu.svg"
    icon.parent.mkdir(parents=True)
    icon.write_text('<svg class="digest-i-menu" viewBox="0 0 24 24"></svg>\n', encoding="utf-8")
    config = SimpleNamespace(config_file_path=None, theme=SimpleNamespace(dirs=[str(tmp_path)], custom_dir=str(tmp_path)))
    before = _theme_fingerprint(config)
    icon.write_text('<svg class="digest-i-other" viewBox="0 0 24 24"></svg>\n', encoding="utf-8")
    assert _theme_fingerprint(config) != before
