"""The plugin's File for generated pages takes a src_uri as MkDocs would normalize it."""

import os
from pathlib import PurePath

import pytest

from generator.plugin import _is_plain_uri, _PageFile

CASES = ["index.md", "articles/a.md", "entities/people/mark-rutte/page-2.md", "a/./b.md", "./a.md", "a//b.md",
         "a/b/", "/a.md", "a/.", ".", "a/../b.md", "tags/x y.md", "über/ä.md", "a\\b.md"]


@pytest.mark.parametrize("value", CASES)
def test_a_plain_uri_is_one_purepath_gives_back(value):
    if _is_plain_uri(value):
        assert PurePath(value).as_posix() == value


@pytest.mark.parametrize("value", CASES)
def test_a_page_file_has_the_src_uri_mkdocs_would_give_it(value):
    file = _PageFile(value, None, "/site", True)
    assert file.src_uri == PurePath(value).as_posix()
    assert file.src_path == os.path.normpath(file.src_uri)


@pytest.mark.parametrize("state", ["missing", "older", "newer", "folder", "content"])
def test_a_page_file_is_modified_exactly_when_mkdocs_would_say_so(tmp_path, state):
    # A --dirty build asks each page twice; the answer is MkDocs' own, found once.
    from mkdocs.structure.files import File

    source = tmp_path / "store" / "topics" / "x.md"
    source.parent.mkdir(parents=True)
    source.write_text("# X\n", encoding="utf-8")
    os.utime(source, (1_000_000, 1_000_000))
    site = tmp_path / "site"
    dest = site / "topics" / "x" / "index.html"
    if state in ("older", "newer"):
        dest.parent.mkdir(parents=True)
        dest.write_text("<p>X</p>", encoding="utf-8")
        os.utime(dest, (999_999, 999_999) if state == "older" else (1_000_001, 1_000_001))
    elif state == "folder":
        dest.mkdir(parents=True)
    ours = _PageFile("topics/x.md", None, str(site), True)
    theirs = File("topics/x.md", None, str(site), True)
    for file in (ours, theirs):
        if state == "content":
            file.content_string = "# X\n"
        else:
            file.abs_src_path = str(source)
    expected = state != "newer"
    assert theirs.is_modified() is expected
    assert ours.is_modified() is expected and ours.is_modified() is expected
