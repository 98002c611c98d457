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
