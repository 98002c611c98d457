"""The content folder's native watch under `mkdocs serve` (generator/serve_watch.py)."""

import time
from types import SimpleNamespace

from watchdog.observers.polling import PollingObserver

from generator.serve_watch import ContentWatch


class FakeServer:
    """What ContentWatch asks of MkDocs' LiveReloadServer: its public watch and unwatch."""

    def __init__(self):
        self.watched = []

    def watch(self, path):
        self.watched.append(path)

    def unwatch(self, path):
        self.watched.remove(path)


def event(kind, path, directory=False):
    return SimpleNamespace(event_type=kind, is_directory=directory, src_path=str(path))


def wait_for_signal(watch, not_text, seconds=10):
    deadline = time.monotonic() + seconds
    while watch.signal.read_text() == not_text and time.monotonic() < deadline:
        time.sleep(0.05)
    return watch.signal.read_text()


def test_reading_a_file_does_not_ask_for_a_rebuild(tmp_path):
    # A build reads the articles: the events that gives (opened, closed without writing, and a
    # new access time, reported as "modified") are no change, or every build would start another.
    content = tmp_path / "content"
    content.mkdir()
    article = content / "a.txt"
    article.write_text("An article\n\nText.\n")
    watch = ContentWatch(content, tmp_path / "cache")
    try:
        assert watch.start(FakeServer(), None)
        article.read_text()
        for kind in ("opened", "closed_no_write", "modified", "closed"):
            watch.changed(event(kind, article.resolve()))
        time.sleep(0.5)
        assert watch.signal.read_text() == "0"
        article.write_text("An article\n\nText, edited.\n")
        assert wait_for_signal(watch, "0") != "0", "the edit was not noticed"
        count = watch.signal.read_text()
        article.unlink()
        assert wait_for_signal(watch, count) != count, "the removal was not noticed"
    finally:
        watch.stop()


def test_the_content_folder_is_watched_natively_and_mkdocs_polls_one_small_folder(tmp_path):
    content, cache = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    server = FakeServer()
    server.watch(str(content))  # MkDocs' own watch of docs_dir
    watch = ContentWatch(content, cache)
    try:
        assert watch.start(server, str(content))
        assert server.watched == [str(cache)]
        (content / "new.txt").write_text("An article\n\nText.\n")
        assert wait_for_signal(watch, "0") != "0", "the new file was not noticed"
    finally:
        watch.stop()


def test_without_a_native_observer_mkdocs_keeps_polling(tmp_path, monkeypatch):
    import watchdog.observers

    monkeypatch.setattr(watchdog.observers, "Observer", PollingObserver)
    server = FakeServer()
    server.watch(str(tmp_path))
    assert not ContentWatch(tmp_path, tmp_path / "cache").start(server, str(tmp_path))
    assert server.watched == [str(tmp_path)]


def test_a_content_folder_reached_through_a_link_is_watched_where_it_is(tmp_path):
    real, cache = tmp_path / "articles", tmp_path / "cache"
    real.mkdir()
    (tmp_path / "content").symlink_to(real)
    watch = ContentWatch(tmp_path / "content", cache)
    try:
        assert watch.start(FakeServer(), None)
        (real / "new.txt").write_text("An article\n\nText.\n")
        assert wait_for_signal(watch, "0") != "0", "the new file was not noticed"
    finally:
        watch.stop()


def test_links_to_folders_inside_content_leave_the_polling_to_mkdocs(tmp_path):
    # MkDocs' polling follows them; a native watch would not see files added there.
    content, elsewhere = tmp_path / "content", tmp_path / "elsewhere"
    (content / "wire").mkdir(parents=True)
    elsewhere.mkdir()
    (content / "wire" / "reuters").symlink_to(elsewhere)
    server = FakeServer()
    server.watch(str(content))
    assert not ContentWatch(content, tmp_path / "cache").start(server, str(content))
    assert server.watched == [str(content)]


class ServerWithRebuildCondition(FakeServer):
    """MkDocs' LiveReloadServer as its watches' callback finds it: a flag and the condition guarding it."""

    def __init__(self):
        super().__init__()
        import threading

        self._want_rebuild = False
        self._rebuild_cond = threading.Condition()


def test_a_change_asks_mkdocs_for_the_rebuild_at_once_where_its_server_allows(tmp_path):
    # MkDocs polls the signal file every half second: where its server has the condition its own
    # watches notify, an edit asks for the rebuild directly, and the file is left alone (a poll
    # that saw it change would ask for a second rebuild). A read is still no change.
    content = tmp_path / "content"
    content.mkdir()
    article = content / "a.txt"
    article.write_text("An article\n\nText.\n")
    server = ServerWithRebuildCondition()
    watch = ContentWatch(content, tmp_path / "cache")
    try:
        assert watch.start(server, None)
        watch.changed(event("modified", article.resolve()))
        assert server._want_rebuild is False
        article.write_text("An article\n\nText, edited.\n")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=10), "the edit was not noticed"
        assert watch.signal.read_text() == "0"
    finally:
        watch.stop()
