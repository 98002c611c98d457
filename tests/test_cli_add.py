"""`digest add`, end to end: a throwaway project, the real CLI, and a real build of what it added."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, SEED, file_hashes, make_project, run_digest, run_mkdocs

NEWS_PAGE = FIXTURES / "html" / "news_article.html"
FRENCH = FIXTURES / "languages" / "fr_rail_sans_ligne_de_langue.txt"
GERMAN = FIXTURES / "languages" / "de_haushalt_ohne_sprachzeile.txt"


def snapshot(folder: Path) -> dict[str, str]:
    return file_hashes(folder)


def digest_stdin(project: Path, data: bytes, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", "add", *args, "-"], cwd=project, input=data,
                          capture_output=True, env=env, timeout=600)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"seed.txt": SEED.read_bytes()})


@pytest.mark.slow
def test_added_files_are_copied_under_clean_names_and_become_the_printed_pages(project):
    result = run_digest("add", str(NEWS_PAGE), str(FRENCH), cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "content/nato-scrambles-jets-after-drones-cross-into-polish-airspace.html -> "
        "articles/nato-scrambles-jets-after-drones-cross-into-polish-airspace/",
        "content/la-sncf-annonce-la-reouverture-de-trois-lignes-regionales.txt -> "
        "articles/la-sncf-annonce-la-reouverture-de-trois-lignes-regionales/",
    ]
    assert "2 articles added" in result.stderr
    content = project / "content"
    assert (content / "nato-scrambles-jets-after-drones-cross-into-polish-airspace.html").read_bytes() == NEWS_PAGE.read_bytes()
    assert (content / "la-sncf-annonce-la-reouverture-de-trois-lignes-regionales.txt").read_bytes() == FRENCH.read_bytes()

    run_mkdocs(project)
    for line in lines:
        url = line.split(" -> ")[1]
        page = (project / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "<h1" in page
    nato = (project / "site" / lines[0].split(" -> ")[1] / "index.html").read_text(encoding="utf-8")
    assert "NATO scrambles jets after drones cross into Polish airspace" in nato
    assert "skyfan77" not in nato and "Accept all cookies" not in nato


def test_a_duplicate_is_refused_and_nothing_changes(project):
    before = snapshot(project / "content")
    result = run_digest("add", str(SEED), cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "refused: duplicate of content/seed.txt (the same file)" in result.stderr
    assert snapshot(project / "content") == before


def test_the_same_text_in_another_encoding_is_a_duplicate(tmp_path, project):
    utf16 = tmp_path / "copy.txt"
    utf16.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    result = run_digest("add", str(utf16), cwd=project)
    assert result.returncode == 1
    assert "duplicate of content/seed.txt (the same title and text)" in result.stderr
    assert not (project / "content" / "copy.txt").exists()


def test_the_same_body_under_another_headline_is_a_duplicate(tmp_path, project):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    title_at = next(i for i, line in enumerate(lines) if line.strip() and line.strip() != "English")
    lines[title_at] = "A completely different headline for the same story"
    retitled = tmp_path / "retitled.txt"
    retitled.write_text("\n".join(lines), encoding="utf-8")
    result = run_digest("add", str(retitled), cwd=project)
    assert result.returncode == 1
    assert "(the same text under another title)" in result.stderr


def test_standard_input_is_added_in_the_format_it_has(project):
    result = digest_stdin(project, GERMAN.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == ("content/bundestag-beschliesst-reform-der-schuldenbremse.txt -> "
                                              "articles/bundestag-beschliesst-reform-der-schuldenbremse/")
    page = (FIXTURES / "html" / "fr_visible_date_only.html").read_bytes()
    result = digest_stdin(project, page)
    assert result.returncode == 0, result.stderr
    assert (project / "content" / "le-gouvernement-presente-son-plan-pour-le-rail.html").read_bytes() == page


def test_a_title_already_taken_gets_a_new_name_and_the_old_file_is_untouched(tmp_path, project):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Storm closes ports\n\nHigh winds closed the ports of Calais and Dover on Monday morning.\n", encoding="utf-8")
    second.write_text("Storm closes ports\n\nA second storm closed three ferry ports in Norway on Tuesday.\n", encoding="utf-8")
    result = run_digest("add", str(first), cwd=project)
    assert result.stdout == "content/storm-closes-ports.txt -> articles/storm-closes-ports/\n"
    before = snapshot(project / "content")
    result = run_digest("add", str(second), cwd=project)
    assert result.returncode == 0, result.stderr
    # The new article gets another file name and another page; the first keeps its page.
    assert result.stdout.startswith("content/storm-closes-ports_2.txt -> articles/storm-closes-ports-")
    assert snapshot(project / "content").items() >= before.items()
    assert (project / "content" / "storm-closes-ports.txt").read_bytes() == first.read_bytes()


def test_files_the_build_would_reject_are_refused_with_its_reason(tmp_path, project):
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    before = snapshot(project / "content")
    result = run_digest("add", str(image), str(pdf), cwd=project)
    assert result.returncode == 1
    assert "photo.txt: refused: not a text file: it looks like a PNG image" in result.stderr
    assert "report.pdf: refused: not an article format digest reads (.txt" in result.stderr
    assert snapshot(project / "content") == before


def test_dry_run_writes_nothing(project):
    before = snapshot(project / "content")
    result = run_digest("add", "--dry-run", str(FRENCH), cwd=project)
    assert result.returncode == 0
    assert "-> articles/la-sncf-annonce-la-reouverture-de-trois-lignes-regionales/" in result.stdout
    assert "would be added" in result.stderr
    assert snapshot(project / "content") == before


def test_a_missing_file_is_bad_usage(project):
    result = run_digest("add", "no-such-file.txt", cwd=project)
    assert result.returncode == 2
    assert "no-such-file.txt: no such file" in result.stderr
