"""Paths (generator/paths.py): every cache file digest keeps between builds is written whole and
refused, with the reason, when it is not exactly what was written (checked files); the page store's
files are known from one listing a folder."""

import os
from pathlib import Path

from generator.paths import (CUT_SHORT, DAMAGED, NOT_OURS, OTHER_KEY, OTHER_VERSION, FolderFiles, read_checked,
                             write_checked)

MAGIC = b"digest test data\n"


def test_a_checked_file_reads_back_its_payload(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "kept"
    write_checked(path, MAGIC, b"1", b"key", b"payload\nwith lines\n")
    assert read_checked(path.read_bytes(), MAGIC, b"1", b"key") == (b"payload\nwith lines\n", None)
    assert [p.name for p in path.parent.iterdir()] == ["kept"]  # no temporary file left


def test_a_checked_file_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    write_checked(path, MAGIC, b"1", b"key", b"payload", sync=False)
    data = path.read_bytes()
    assert read_checked(data, b"digest other data\n", b"1", b"key") == (None, NOT_OURS)
    assert read_checked(data[: len(MAGIC) + 4], MAGIC, b"1", b"key") == (None, CUT_SHORT)
    assert read_checked(data, MAGIC, b"2", b"key") == (None, OTHER_VERSION)
    assert read_checked(data, MAGIC, b"1", b"other key") == (None, OTHER_KEY)
    assert read_checked(data[:-1] + b"P", MAGIC, b"1", b"key") == (None, DAMAGED)
    assert read_checked(data + b"more", MAGIC, b"1", b"key") == (None, DAMAGED)


def test_folder_files_answer_as_isfile_would(tmp_path, monkeypatch):
    """The page store's files (asked for each of 19,000 pages by the memo and the writer), one listing a folder."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "articles" / "folder.md").mkdir()
    (tmp_path / "index.md").write_text("i", encoding="utf-8")
    (tmp_path / "articles" / "link.md").symlink_to(tmp_path / "index.md")
    listing = FolderFiles()
    paths = [str(tmp_path / p) for p in ("articles/a.md", "articles/folder.md", "articles/b.md", "index.md",
                                          "articles/link.md", "gone/x.md")] + ["", "relative.md"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "relative.md").write_text("r", encoding="utf-8")
    assert [p in listing for p in paths] == [bool(p) and os.path.isfile(p) for p in paths]
