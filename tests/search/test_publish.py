"""The index in real `mkdocs build` runs: published under search/digest/, kept in the cache, equal to a clean build."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from support import FIXTURES, SEED, make_project, run_mkdocs

pytestmark = pytest.mark.slow

ARTICLES = {
    SEED.name: SEED.read_bytes(),
    "poland.txt": (FIXTURES / "text" / "poland_article_four.txt").read_bytes(),
}
NEW = {"wire/reuters.txt": (FIXTURES / "text" / "wire_reuters.txt").read_bytes()}


def index_files(site):
    folder = site / "search" / "digest"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_site_has_digests_index_and_not_materials(tmp_path):
    project = make_project(tmp_path, ARTICLES)
    run_mkdocs(project)
    site = project / "site"
    files = index_files(site)
    meta = json.loads(files["meta.json"])
    assert (meta["articles"], meta["pages"] > 10) == (2, True)
    assert "t/ru.json" in files and "d/a0.json" in files
    assert json.loads((site / "search" / "search_index.json").read_bytes())["docs"] == []
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not list((site / "assets" / "javascripts").glob("workers/search.*"))
    assert (site / "assets" / "javascripts" / "digest-search.js").is_file()
    assert (project / ".cache" / "digest" / "search" / "index.state").is_file()


def test_a_rebuild_after_a_new_article_publishes_the_index_of_a_clean_build(tmp_path):
    project = make_project(tmp_path / "updated", ARTICLES)
    run_mkdocs(project)
    before = index_files(project / "site")
    for name, data in NEW.items():
        (project / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / name).write_bytes(data)
    run_mkdocs(project)
    after = index_files(project / "site")
    clean = make_project(tmp_path / "clean", {**ARTICLES, **NEW})
    run_mkdocs(clean)
    assert after == index_files(clean / "site") != before
    # With the cache gone, the same files again.
    shutil.rmtree(project / ".cache")
    run_mkdocs(project)
    assert index_files(project / "site") == after


def test_a_dirty_build_after_a_deletion_leaves_no_stale_index_file(tmp_path):
    project = make_project(tmp_path / "dirty", {**ARTICLES, **NEW})
    run_mkdocs(project)
    (project / "content" / "wire" / "reuters.txt").unlink()
    run_mkdocs(project, "build", "--dirty")
    clean = make_project(tmp_path / "clean", ARTICLES)
    run_mkdocs(clean)
    assert index_files(project / "site") == index_files(clean / "site")


HANDED_OVER = re.compile(r"search index process .* (\d+) of (\d+) pages handed over")


@pytest.mark.parametrize("change", ["one article added", "one article removed", "one article changed"])
def test_a_dirty_build_hands_over_what_changed_and_publishes_the_index_of_a_clean_build(tmp_path, change):
    articles = {**ARTICLES, **NEW}
    project = make_project(tmp_path / "dirty", articles)
    run_mkdocs(project)
    if change == "one article added":
        articles["later.txt"] = (FIXTURES / "text" / "wire_dateline_iso.txt").read_bytes()
        (project / "content" / "later.txt").write_bytes(articles["later.txt"])
    elif change == "one article removed":
        del articles["wire/reuters.txt"]
        (project / "content" / "wire" / "reuters.txt").unlink()
    else:
        edited = articles["poland.txt"].replace(b"Poland", b"Polska", 1)
        assert edited != articles["poland.txt"]
        articles["poland.txt"] = edited
        (project / "content" / "poland.txt").write_bytes(edited)
    log = run_mkdocs(project, "build", "--dirty", "-v").stderr
    handed, total = map(int, HANDED_OVER.search(log).groups())
    assert handed < total / 2, log  # the pages that changed, not every page
    clean = make_project(tmp_path / "clean", articles)
    run_mkdocs(clean)
    assert index_files(project / "site") == index_files(clean / "site")
