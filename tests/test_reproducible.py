"""Same input, same output: generated Markdown and (with SOURCE_DATE_EPOCH) the whole site, byte for byte."""


import pytest
from support import FIXTURES, SEED, file_hashes, make_project, run_digest, run_mkdocs

pytestmark = pytest.mark.slow


def tree(folder):
    return file_hashes(folder)


def test_two_builds_in_two_places_are_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    trees = []
    for name in ("first", "second"):
        project = make_project(tmp_path / name, {SEED.name: SEED.read_bytes()}, copy_from=FIXTURES / "text")
        run_mkdocs(project, "build")
        run_digest("generate", "--out", "out", cwd=project, check=True)
        trees.append((tree(project / "site"), tree(project / "out")))
    (site_a, md_a), (site_b, md_b) = trees
    assert md_a == md_b and len(md_a) > 20
    assert site_a == site_b and len(site_a) > 50
