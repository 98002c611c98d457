"""`mkdocs build --dirty` after dropping one article rebuilds only the pages that depend on it,
and the site it leaves is byte for byte the site a clean build makes."""

import hashlib
import os
import time

import pytest
from support import make_project, run_mkdocs

pytestmark = pytest.mark.slow

CAST = ["Anna Lindqvist", "Marco Bellini", "Sofia Almeida", "Jonas Weber", "Ines Duarte", "Tomas Novak"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Rotterdam", "Gdansk"]
CARGO = ["grain", "timber", "steel", "coffee", "cars", "fish", "cement", "salt", "wine", "paper", "oil", "wool"]


def story(i: int) -> str:
    who, other, place = CAST[i % 6], CAST[(i + 2) % 6], PLACES[i % 6]
    return (f"Port authority report {i} from {place}\n\n"
            f"{place.upper()}, {1 + i % 27} March 2024 - Mayor {who} opened dock {i} in {place}, the Port Authority said. "
            f"{who.split()[-1]} told reporters that ferries and freight would share the new quay.\n\n"
            f"Harbour master {other} said {CARGO[i % 12]} and {CARGO[(i * 5 + 1) % 12]} shipments had grown "
            f"{i + 3} percent since {2000 + i}, while {CARGO[(i * 7 + 2) % 12]} traders asked for berth {i * 11}.\n")


def tree(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def mtimes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_dirty_build_after_a_drop_equals_a_clean_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(24)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    before = mtimes(project / "site")
    time.sleep(0.05)  # mtimes must be able to differ

    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    after = mtimes(project / "site")
    rebuilt = sorted(path for path, t in after.items() if before.get(path) != t)
    assert "articles/port-authority-report-99-from-genoa/index.html" in rebuilt
    assert "index.html" in rebuilt  # the home page lists it
    untouched = [p for p in before if p.startswith("articles/") and p not in rebuilt]
    assert len(untouched) >= 15, rebuilt  # most articles are not rebuilt

    clean = make_project(tmp_path / "clean", {**articles, **new})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


def test_dirty_build_after_a_deletion_removes_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(6)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    os.remove(project / "content" / "s05.txt")
    run_mkdocs(project, "build", "--dirty")
    assert not (project / "site" / "articles" / "port-authority-report-5-from-gdansk" / "index.html").exists()
    clean = make_project(tmp_path / "clean", {k: v for k, v in articles.items() if k != "s05.txt"})
    run_mkdocs(clean, "build")
    dirty_tree, clean_tree = tree(project / "site"), tree(clean / "site")
    assert dirty_tree == clean_tree
