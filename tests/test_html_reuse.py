"""A full `mkdocs build` with a warm cache copies the HTML of unchanged pages that the last full
build kept in the cache, and the site it makes is byte for byte the site a build from nothing makes."""

import json
import os
import re
import shutil
from types import SimpleNamespace

import pytest
import yaml
from support import make_project, run_mkdocs
from test_incremental import story, tree

from generator.html_reuse import html_hash, site_key

pytestmark = pytest.mark.slow

ARTICLES = {f"s{i:02d}.txt": story(i) for i in range(24)}


def copied(result) -> int:
    found = re.findall(r"HTML of ([\d,]+) unchanged pages found", result.stderr + result.stdout)
    assert found, result.stderr[-2000:]
    return int(found[-1].replace(",", ""))


def clean_site(tmp_path, articles, name="clean", **kwargs):
    project = make_project(tmp_path / name, articles, **kwargs)
    run_mkdocs(project, "build")
    return project


def test_a_full_build_after_a_drop_copies_unchanged_pages_and_equals_a_build_from_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    assert copied(run_mkdocs(project, "build", "-v")) == 0  # nothing to copy from yet
    pages = len(list((project / "site").rglob("*.html")))

    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    n = copied(run_mkdocs(project, "build", "--strict", "-v"))
    assert pages // 2 < n < pages  # most pages are copied, the new article's and those listing it are not
    assert (project / "site" / "articles" / "port-authority-report-99-from-genoa" / "index.html").is_file()
    assert tree(project / "site") == tree(clean_site(tmp_path, {**ARTICLES, **new}) / "site")

    # Nothing changed: every page digest writes is copied, and the site stays the same.
    before = tree(project / "site")
    assert copied(run_mkdocs(project, "build", "-v")) > n
    assert tree(project / "site") == before


def test_the_cache_alone_is_enough_as_in_the_pages_workflow(tmp_path, monkeypatch):
    # The workflow keeps .cache/digest between runs, not the site.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    run_mkdocs(project, "build")
    shutil.rmtree(project / "site")
    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    assert copied(run_mkdocs(project, "build", "--strict", "-v")) > 20
    assert tree(project / "site") == tree(clean_site(tmp_path, {**ARTICLES, **new}) / "site")


def test_a_page_edited_in_the_site_is_rendered_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    run_mkdocs(project, "build")
    page = project / "site" / "entities" / "people" / "anna-lindqvist" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Anna Lindqvist", "Someone Else"), encoding="utf-8")
    shutil.rmtree(project / "site" / "topics")  # and pages gone from the site altogether
    run_mkdocs(project, "build")
    assert tree(project / "site") == tree(clean_site(tmp_path, ARTICLES) / "site")


def test_a_changed_setting_renders_every_page_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    run_mkdocs(project, "build")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Harbour digest"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    assert copied(run_mkdocs(project, "build", "-v")) == 0
    clean = make_project(tmp_path / "clean", ARTICLES)
    (clean / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run_mkdocs(clean, "build")
    site = tree(project / "site")
    assert site == tree(clean / "site")
    assert "Harbour digest" in (project / "site" / "entities" / "people" / "anna-lindqvist" / "index.html").read_text(encoding="utf-8")


def test_a_dirty_build_leaves_no_stale_page_for_the_next_full_build(tmp_path, monkeypatch):
    # A --dirty build rewrites pages without recording them: the next full build renders those again.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    run_mkdocs(project, "build")
    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    (project / "content" / "s99.txt").unlink()
    run_mkdocs(project, "build")
    assert tree(project / "site") == tree(clean_site(tmp_path, ARTICLES) / "site")


def test_a_dirty_build_writes_its_pages_apart_from_the_kept_copies(tmp_path, monkeypatch):
    # The site's pages are hard links to the kept copies after a full build: a --dirty build
    # writes a changed page as a file of its own, and every kept copy keeps its recorded bytes.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "warm", ARTICLES)
    run_mkdocs(project, "build")
    cache = project / ".cache" / "digest"
    record = json.loads((cache / "html.json").read_text(encoding="utf-8"))["pages"]
    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    apart = 0
    for entry in record.values():
        kept, page = cache / "html" / entry[4], project / "site" / entry[4]
        assert html_hash(kept.read_bytes()) == entry[2]
        apart += not os.path.samefile(kept, page)
    assert 0 < apart < len(record)
    assert tree(project / "site") == tree(clean_site(tmp_path, {**ARTICLES, **new}) / "site")


def test_no_page_is_copied_when_another_plugin_could_change_it():
    nav = [SimpleNamespace(title="Home", url="", children=None)]
    theme = {"name": "material", "features": ["navigation.top"]}

    def config(*plugins):
        return SimpleNamespace(plugins=dict.fromkeys(plugins), theme=theme, get=lambda name: None)

    assert site_key("t", config("material/search", "digest"), nav) is not None
    assert site_key("t", config("material/search", "digest"), nav) == site_key("t", config("digest", "material/search"), nav)
    assert site_key("t", config("material/search", "digest", "git-revision-date"), nav) is None
    assert site_key("t", config("digest"), nav) != site_key("u", config("digest"), nav)  # the theme's templates
