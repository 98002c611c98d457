"""The `digest` command: generate, check, and their exit codes."""

import yaml
from support import FIXTURES, SEED, make_project, run_digest


def test_generate_writes_markdown_pages_with_the_front_matter_contract(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    result = run_digest("generate", "--out", "out", cwd=project, check=True)
    assert "1 article from 1 file" in result.stderr and "no problems" in result.stderr
    out = project / "out"
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert "index.md" in pages and "archive/index.md" in pages and "topics/index.md" in pages
    article = next(out.glob("articles/*.md")).read_text(encoding="utf-8")
    meta = yaml.safe_load(article.split("---\n")[1])
    assert list(meta)[:4] == ["title", "slug", "date", "date_source"]
    assert str(meta["date"]) == "2025-09-12" and meta["date_source"] == "text"
    assert meta["language"] == "en" and meta["source"] == SEED.name and len(meta["source_sha256"]) == 64
    assert meta["image"] == {"caption": meta["image"]["caption"], "credit": "AP Photo/Virginia Mayo"}
    assert set(meta["entities"]) == {"person", "organization", "place"}
    assert "Mark Rutte" in meta["entities"]["person"]
    assert meta["reading_time"] >= 1 and meta["word_count"] > 1000 and len(meta["summary"]) <= 300


def test_generate_is_deterministic_and_leaves_unchanged_pages_alone(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes(), "b.txt": (FIXTURES / "text" / "wire_reuters.txt").read_bytes()})
    run_digest("generate", "--out", "out", cwd=project, check=True)
    first = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (project / "out").rglob("*.md")}
    second_run = run_digest("generate", "--out", "out", cwd=project, check=True)
    assert "wrote 0," in second_run.stderr
    second = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (project / "out").rglob("*.md")}
    assert first == second


def test_generate_refuses_a_folder_it_does_not_own(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    precious = project / "docs" / "notes.md"
    precious.parent.mkdir()
    precious.write_text("mine")
    result = run_digest("generate", "--out", "docs", cwd=project)
    assert result.returncode == 2 and "refusing to write into" in result.stderr
    assert precious.read_text() == "mine"


def test_check_reports_problems_by_file_and_exits_1(tmp_path):
    project = make_project(tmp_path, {
        SEED.name: SEED.read_bytes(),
        "empty.txt": b"",
        "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "latin.txt": (FIXTURES / "text" / "cp1252_crlf.txt").read_bytes(),
    })
    result = run_digest("check", cwd=project)
    assert result.returncode == 1
    assert "rejected empty.txt: empty file" in result.stderr
    assert "rejected picture.txt: not a text file: it looks like a PNG image" in result.stderr
    assert "repaired latin.txt: not UTF-8; decoded as cp1252" in result.stderr
    assert "2 articles from 4 files" in result.stderr and "2 files rejected" in result.stderr


def test_check_passes_on_clean_content(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    result = run_digest("check", cwd=project)
    assert result.returncode == 0, result.stderr


def test_generate_strict_fails_on_problems_but_still_writes_the_good_pages(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes(), "empty.txt": b""})
    assert run_digest("generate", "--out", "out", cwd=project).returncode == 0
    result = run_digest("generate", "--out", "out2", "--strict", cwd=project)
    assert result.returncode == 1
    assert list((project / "out2" / "articles").glob("*.md"))
