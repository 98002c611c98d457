"""`--dirty` builds that add, remove and edit duplicates give the site a clean build gives
(the duplicates' kept state: pipeline -> enrich.duplicates.update_duplicates)."""

from __future__ import annotations

import os

import pytest
from support import make_project, run_mkdocs
from test_incremental import story, tree

pytestmark = pytest.mark.slow


def long_story(i: int) -> str:
    """Long enough to be compared for near-duplicates (duplicates.MIN_SAMPLED)."""
    return story(i) + story(i + 50) + story(i + 100)


def test_dirty_builds_follow_duplicates_dropped_removed_and_edited(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": long_story(i) for i in range(12)}
    near = long_story(4).replace("report 4 ", "report 4, updated, ", 1).replace("shipments", "cargoes", 1)
    steps = [articles | {"z-near.txt": near},  # a near-duplicate of an old article: both linked as versions
             articles | {"z-near.txt": near, "a-copy.txt": long_story(7)},  # an exact copy: published once, as a-copy
             {k: v for k, v in articles.items() if k != "s07.txt"} | {"z-near.txt": near, "a-copy.txt": long_story(7)},
             {k: v for k, v in articles.items() if k != "s07.txt"} | {"z-near.txt": long_story(40), "a-copy.txt": long_story(7)},
             ]
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    for i, files in enumerate(steps):
        content = project / "content"
        for name in {p.name for p in content.glob("*.txt")} - set(files):
            os.remove(content / name)
        for name, text in files.items():
            if not (content / name).exists() or (content / name).read_text(encoding="utf-8") != text:
                (content / name).write_text(text, encoding="utf-8")
        run_mkdocs(project, "build", "--dirty")
        clean = make_project(tmp_path / f"clean{i}", files)
        run_mkdocs(clean, "build")
        assert tree(project / "site") == tree(clean / "site"), i
        near_page = (project / "site" / "articles" / "port-authority-report-4-updated-from-rotterdam" / "index.html")
        linked = near_page.exists() and "port-authority-report-4-from-rotterdam/" in near_page.read_text(encoding="utf-8")
        assert linked == (i < 3)  # linked to the old article as a version of its story, until edited out
