"""The plugin's File for generated pages takes a src_uri as MkDocs would normalize it."""

import os
from pathlib import PurePath

import pytest

from generator.plugin import _CHANGED, _is_plain_uri, _PageFile

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
    if state != "content":
        # In a --dirty build, the page store's time comes from writing the store (writer.WriteStats.times).
        told = _PageFile("topics/x.md", None, str(site), True)
        told.abs_src_path, told.source_time = str(source), source.stat().st_mtime
        source.unlink()  # not asked again
        assert told.is_modified() is expected


def test_a_page_file_whose_store_file_the_build_rewrote_is_modified(tmp_path):
    site = tmp_path / "site"
    (site / "topics" / "x").mkdir(parents=True)
    (site / "topics" / "x" / "index.html").write_text("<p>X</p>", encoding="utf-8")
    file = _PageFile("topics/x.md", None, str(site), True)
    file.abs_src_path, file.source_time = str(tmp_path / "store" / "topics" / "x.md"), _CHANGED
    assert file.is_modified() is True


class _Plugins(dict):
    _current_plugin = "digest"


class _Config(dict):
    __getattr__ = dict.__getitem__


@pytest.mark.parametrize("value", CASES)
@pytest.mark.parametrize("source", ["content", "abs_src_path"])
def test_a_page_file_is_the_file_mkdocs_would_generate(value, source):
    from mkdocs.structure.files import InclusionLevel

    config = _Config(site_dir="/site", use_directory_urls=True, plugins=_Plugins())
    where = {"content": "# X\n"} if source == "content" else {"abs_src_path": "/store/x.md"}
    ours = _PageFile.made(config, value, "digest", inclusion=InclusionLevel.NOT_IN_NAV, **where)
    theirs = _PageFile.generated(config, value, inclusion=InclusionLevel.NOT_IN_NAV, **where)
    assert vars(ours) == vars(theirs)
    assert (ours.dest_uri, ours.url, ours.abs_dest_path, ours.edit_uri) == (theirs.dest_uri, theirs.url, theirs.abs_dest_path, theirs.edit_uri)
    with pytest.raises(TypeError):
        _PageFile.made(config, value, "digest", inclusion=InclusionLevel.NOT_IN_NAV)


DEST_CASES = CASES + ["README.md", "a/README.md", "a/index.md", "entities/index.md", ".md", "a/.md", "a.markdown",
                      "assets/x.css", "feed.xml", "tags/x%20y.md", "tags/a+b.md", "a/b~c_d-e.f.md", "A/B/C.md",
                      "articles/2024-01-02-über.md", "articles/q?x.md", "articles/hash#x.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("site_dir", ["/site", "/srv/my site/out", "/a/../site", "/site/", "relative/site"])
def test_a_page_file_has_the_destination_and_url_mkdocs_would_give_it(directory_urls, site_dir):
    # dest_uri, url and abs_dest_path are worked out without MkDocs' path splitting where the
    # answer is plain; they must be MkDocs' own answers for every path.
    from mkdocs.structure.files import File

    for value in DEST_CASES:
        ours = _PageFile(value, None, site_dir, directory_urls)
        theirs = File(value, None, site_dir, directory_urls)
        assert (ours.dest_uri, ours.url, ours.abs_dest_path) == (theirs.dest_uri, theirs.url, theirs.abs_dest_path), value
        later = _PageFile(value, None, site_dir, directory_urls)
        later.dest_uri = "other/place.html"  # set, as a plugin may, before anything asked
        assert later.url == File._get_url(later) and later.abs_dest_path.endswith("place.html")
