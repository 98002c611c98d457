"""What the index keeps between builds: a build hands over only the pages that changed, the
rest comes from the index's records, and a state that is damaged, foreign or left by a killed
build is never trusted: the files are always those of a clean build."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal

import pytest

from generator.search import index as index_module
from generator.search import publish as publish_module
from generator.search.index import STATE_FILE, MissingPages, known_pages, update_search_index
from generator.search.publish import SearchIndexJob, publish_search_index
from generator.search.searchdoc import Handover, doc_digest
from test_index import article, clean, contents, corpus, person


def changed_corpus():
    """corpus() with one article added (the newest), one removed, one edited, and a person who
    first appeared early (which renumbers the pages after her)."""
    docs = {d.key: d for d in corpus(40)}
    docs.pop("articles/a7.md")
    docs["articles/a12.md"] = dataclasses.replace(docs["articles/a12.md"], text="zeppelin hangar ferry")
    docs["articles/a900.md"] = article(900, day=300, text="zeppelin strike")
    docs["entities/people/ada-early.md"] = person("Ada Early", since="2024-01-01")
    return list(docs.values())


def test_the_state_says_which_pages_the_index_holds_and_a_build_hands_over_only_the_rest(tmp_path):
    state = tmp_path / "state"
    update_search_index(Handover.of(corpus(40)), state)
    known = known_pages(state)
    assert known == {d.key: doc_digest(d) for d in corpus(40)}
    handover = Handover.of(changed_corpus(), known)
    assert sorted(d.key for d in handover.docs) == ["articles/a12.md", "articles/a900.md", "entities/people/ada-early.md"]
    assert len(handover.pages) == len(changed_corpus())


@pytest.mark.parametrize("change", ["one article added", "one article removed", "one article changed", "all of it"])
def test_an_update_from_what_changed_gives_the_files_of_a_clean_build(tmp_path, change):
    state = tmp_path / "state"
    docs = corpus(40)
    update_search_index(Handover.of(docs), state)
    if change == "one article added":
        docs = docs + [article(900, day=300, text="zeppelin strike")]
    elif change == "one article removed":
        docs = [d for d in docs if d.key != "articles/a7.md"]
    elif change == "one article changed":
        docs = [dataclasses.replace(d, title="Zeppelin hangar") if d.key == "articles/a12.md" else d for d in docs]
    else:
        docs = changed_corpus()
    handover = Handover.of(docs, known_pages(state))
    assert len(handover.docs) <= 3
    assert contents(update_search_index(handover, state)) == clean(docs, tmp_path)
    again = Handover.of(docs, known_pages(state))  # and the state now holds them all
    assert again.docs == [] and contents(update_search_index(again, state)) == clean(docs, tmp_path)


def test_a_handover_without_a_page_the_index_does_not_hold_is_refused(tmp_path):
    state = tmp_path / "state"
    update_search_index(Handover.of(corpus(20)), state)
    new = article(900, day=300)
    handover = Handover.of(corpus(20) + [new], known_pages(state))
    with pytest.raises(MissingPages):
        update_search_index(Handover(handover.pages, []), state)


def damage_state(state, how):
    path = state / STATE_FILE
    data = path.read_bytes()
    if how == "garbage":
        data = b"\x80\x04not a search state" * 50
    elif how == "cut short":
        data = data[: len(data) // 2]
    elif how == "one byte changed":
        data = data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]
    elif how == "written by other code":
        lines = data.split(b"\n", 3)
        data = b"\n".join([lines[0], lines[1], b"0" * len(lines[2]), lines[3]])
    elif how == "state deleted":
        path.unlink()
        return
    path.write_bytes(data)


STATE_DAMAGE = ["garbage", "cut short", "one byte changed", "written by other code", "state deleted"]
RECORD_DAMAGE = ["records deleted", "records cut short", "records of an earlier build"]


@pytest.mark.parametrize("damage", STATE_DAMAGE + RECORD_DAMAGE)
def test_a_damaged_or_foreign_state_is_not_trusted(tmp_path, damage):
    """Through the job, as a build runs it: the pages it hands over depend on the state it reads."""
    state, site = tmp_path / "state", tmp_path / "site"
    docs = corpus(40)
    publish_search_index(SearchIndexJob(lambda known: Handover.of(docs, known), state), site)
    earlier = {p.name: p.read_bytes() for p in (state / "pages").iterdir()}
    docs = docs + [article(900, day=300, text="zeppelin strike")]
    publish_search_index(SearchIndexJob(lambda known: Handover.of(docs, known), state), site)
    if damage in STATE_DAMAGE:
        damage_state(state, damage)
        assert known_pages(state) == {}  # the next build hands over every page
    else:
        # The file of records of a page the next build needs and does not hand over (it is renumbered), made unusable.
        path = state / "pages" / f"{index_module._bucket('a', 'articles/a900.md')}.pickle"
        if damage == "records deleted":
            path.unlink()
        elif damage == "records cut short":
            path.write_bytes(path.read_bytes()[:100])
        else:  # as the build before wrote it, without the page
            assert earlier.get(path.name, b"") != path.read_bytes()
            path.write_bytes(earlier.get(path.name, b""))
    docs = [d for d in docs if d.key != "articles/a3.md"] + [article(901, day=301, text="hangar")]
    index = publish_search_index(SearchIndexJob(lambda known: Handover.of(docs, known), state), site)
    assert contents(index) == clean(docs, tmp_path)
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == contents(index)
    assert known_pages(state) == {d.key: doc_digest(d) for d in docs}  # and the state is good again


def test_a_missing_record_found_by_the_process_makes_the_build_hand_over_every_page(tmp_path, monkeypatch):
    """The state checked out when the build read it, but a file of records did not: the index is
    built here from every page, and the next build is incremental again."""
    state, site = tmp_path / "state", tmp_path / "site"
    docs = corpus(40)
    publish_search_index(SearchIndexJob(lambda known: Handover.of(docs, known), state), site)
    shutil.rmtree(state / "pages")
    asked = []

    def handover(known):
        asked.append(len(known))
        return Handover.of(docs + [article(900, day=300)], known)

    index = publish_search_index(SearchIndexJob(handover, state), site)
    assert asked == [len(docs), 0]  # first what changed, then, refused, everything
    assert contents(index) == clean(docs + [article(900, day=300)], tmp_path)
    assert Handover.of(docs + [article(900, day=300)], known_pages(state)).docs == []


def _writes_of_an_update(tmp_path) -> int:
    """How many files an update of changed_corpus() renames into place."""
    state = tmp_path / "count"
    update_search_index(Handover.of(corpus(40)), state)
    count = [0]
    real = os.replace

    def counting(*args):
        count[0] += 1
        return real(*args)

    index_module.os.replace = counting
    try:
        update_search_index(Handover.of(changed_corpus(), known_pages(state)), state)
    finally:
        index_module.os.replace = real
    return count[0]


def test_a_build_killed_at_any_write_leaves_nothing_the_next_build_trusts(tmp_path):
    """SIGKILL after the k-th file is renamed into place, for every k; the next build must give
    the files of a clean build."""
    writes = _writes_of_an_update(tmp_path)
    assert writes > 10
    expected = clean(changed_corpus(), tmp_path)
    for k in range(1, writes + 1):
        state = tmp_path / f"killed-{k}"
        update_search_index(Handover.of(corpus(40)), state)
        known = known_pages(state)
        pid = os.fork()
        if pid == 0:  # the build that is killed
            real, done = os.replace, [0]

            def replace(*args):
                real(*args)
                done[0] += 1
                if done[0] == k:
                    os.kill(os.getpid(), signal.SIGKILL)

            index_module.os.replace = replace
            try:
                update_search_index(Handover.of(changed_corpus(), known), state)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, k
        handover = Handover.of(changed_corpus(), known_pages(state))
        assert contents(update_search_index(handover, state)) == expected, f"killed after write {k} of {writes}"


def test_a_page_in_no_state_is_handed_over_when_the_job_cannot_start_a_process(tmp_path, monkeypatch):
    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise OSError("no process can start here")

    monkeypatch.setattr(publish_module, "ProcessPoolExecutor", NoProcesses)
    state, site = tmp_path / "state", tmp_path / "site"
    publish_search_index(SearchIndexJob(lambda known: Handover.of(corpus(20), known), state), site)
    docs = corpus(20) + [article(900, day=300)]
    index = publish_search_index(SearchIndexJob(lambda known: Handover.of(docs, known), state), site)
    assert contents(index) == clean(docs, tmp_path)
