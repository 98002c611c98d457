"""The index built in a process of its own: the same files as building it here, also when no process can start."""

from concurrent.futures.process import BrokenProcessPool

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.search import SearchDoc, build_search_index
from generator.search.searchdoc import Handover
from generator.search import publish as publish_module
from generator.search.publish import SearchIndexJob, publish_search_index

DOCS = [
    SearchDoc(f"articles/a{n}.md", f"articles/a{n}/", f"Ferry story {n}", "article", "2025-06-01",
              f"Summary {n} about harbours", f"Text of story {n} with Rotterdam and tides")
    for n in range(30)
]


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_job_publishes_the_index_built_here(tmp_path):
    build_search_index(DOCS, tmp_path / "here")
    publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS, known), tmp_path / "there"), tmp_path / "site")
    here = {k: v for k, v in files(tmp_path / "here" / "site").items()}
    assert here and files(tmp_path / "site") == here


def test_without_worker_processes_the_index_is_built_here(tmp_path, monkeypatch):
    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise BrokenProcessPool("no process can start here")

    monkeypatch.setattr(publish_module, "ProcessPoolExecutor", NoProcesses)
    index = publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS, known), tmp_path / "state"), tmp_path / "site")
    assert index and sorted(files(tmp_path / "site")) == sorted(index)
    assert not (tmp_path / "state" / "pages.pickle").exists()  # no hand-over file left in the cache


def test_a_dirty_publish_copies_only_what_changed_and_removes_what_went(tmp_path):
    site = tmp_path / "site"
    publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS, known), tmp_path / "state"), site)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    fewer = DOCS[:-1]  # one article deleted
    index = publish_search_index(SearchIndexJob(lambda known: Handover.of(fewer, known), tmp_path / "state"), site)
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert sorted(p.relative_to(site).as_posix() for p in after) == sorted(index)
    assert any(before.get(p) == t for p, t in after.items())  # unchanged files were left alone
    assert files(site) == files(tmp_path / "state" / "site")


def test_published_files_are_links_and_a_changed_index_file_replaces_its_link(tmp_path):
    site, state = tmp_path / "site", tmp_path / "state"
    publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS, known), state), site)
    meta = site / "search" / "digest" / "meta.json"
    old_bytes = meta.read_bytes()
    assert meta.stat().st_ino == (state / "site" / "search" / "digest" / "meta.json").stat().st_ino
    fewer = DOCS[:-1]
    publish_search_index(SearchIndexJob(lambda known: Handover.of(fewer, known), state), site)
    assert meta.read_bytes() != old_bytes  # the new meta.json, not the old one kept through a stale link
    assert files(site) == files(state / "site")
    assert not [p for p in site.rglob(".*.tmp")]


def test_where_files_cannot_be_linked_they_are_copied(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(publish_module.os, "link", no_links)
    site, state = tmp_path / "site", tmp_path / "state"
    publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS, known), state), site)
    publish_search_index(SearchIndexJob(lambda known: Handover.of(DOCS[:-2], known), state), site)
    assert files(site) == files(state / "site")


def test_a_file_of_the_site_where_the_index_goes_is_refused(tmp_path):
    job = SearchIndexJob(lambda known: Handover.of(DOCS, known), tmp_path / "state")
    job.site_files = Files([File("search/digest/meta.json", str(tmp_path / "docs"), str(tmp_path / "site"), True)])
    with pytest.raises(PluginError, match="search/digest/"):
        publish_search_index(job, tmp_path / "site")
