"""`mkdocs serve` notices changes in content/ from the operating system instead of polling it.

MkDocs watches `docs_dir` (the content folder in a digest project) with watchdog's
PollingObserver: every half second it lists and stats every file under it. With 10,000
articles that kept a third of a core busy while the server sat idle, and slowed every rebuild
by as much, as the polling thread takes turns with the build for the interpreter.

Where watchdog has a native observer (inotify on Linux, FSEvents, ReadDirectoryChangesW), the
plugin takes the content folder out of MkDocs' polling (`server.unwatch`, public API) and
watches it natively. A change then rewrites one small file in the cache folder, which MkDocs
polls in its place (`server.watch`): MkDocs rebuilds and reloads browsers as it always does,
within the same half second. Without a native observer, or when it cannot start (no inotify
instances left), MkDocs' own polling stays as it was.

Where MkDocs' server has the condition its own watches notify (`_rebuild_cond` and
`_want_rebuild`, which LiveReloadServer.watch's callback sets; not public API, so looked up and
used only when both are there), a change asks for the rebuild as that callback does, at once,
instead of waiting for the next poll of the signal file (a quarter of a second on average,
half at most, of every rebuild's wait); the signal file is then not written, or the poll
would ask for a second rebuild.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.digest")

class ContentWatch:
    """The content folder's native watch, and the file it rewrites for MkDocs to notice."""

    def __init__(self, content_dir: Path, signal_dir: Path) -> None:
        self.content_dir = content_dir
        self.signal = signal_dir / "changed"
        self._observer: Any = None
        self._count = 0
        # path -> (modification time, size) of each file, as MkDocs' polling compares them:
        # a file read by a build gets an event too (its access time changes), and is no change.
        self._seen: dict[str, tuple[int, int]] = {}
        self._ask: Callable[[], None] | None = None  # asks MkDocs' server for a rebuild at once, where it can

    def start(self, server: Any, polled: str | None) -> bool:
        """Watch the content folder natively, in place of MkDocs' polling of `polled` (the
        folder MkDocs watches it as, if it does); False, nothing changed, where not possible."""
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
            from watchdog.observers.polling import PollingObserver
        except ImportError:
            return False
        if issubclass(Observer, PollingObserver):  # this platform has no native observer
            return False
        folder = self.content_dir.resolve()  # a native watch does not follow a link to the folder
        seen = _files(folder)
        if seen is None:  # nor links to folders inside it, which MkDocs' polling follows
            return False
        handler = FileSystemEventHandler()
        handler.on_any_event = self.changed  # type: ignore[method-assign]
        try:
            self.signal.parent.mkdir(parents=True, exist_ok=True)
            self.signal.write_text("0", encoding="ascii")
            observer = Observer()
            observer.schedule(handler, str(folder), recursive=True)
            self._seen = seen
            observer.start()
        except OSError as exc:
            log.info("digest: the content folder is polled for changes (%s)", exc)
            return False
        self._observer = observer
        if polled is not None:
            server.unwatch(polled)
        server.watch(str(self.signal.parent))
        self._ask = _rebuild_request(server)
        return True

    def changed(self, event: Any) -> None:
        """A file event: a change when a file is gone, or its time or size is not as last seen."""
        if event.is_directory:
            return
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if not any([self._update(os.fsdecode(path)) for path in paths]):
            return
        self._count += 1
        if self._ask is not None:
            self._ask()
            return
        try:
            self.signal.write_text(str(self._count), encoding="ascii")  # a new size or time for MkDocs
        except OSError:
            pass

    def _update(self, path: str) -> bool:
        try:
            st = os.stat(path)
            now: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            now = None
        if now == self._seen.get(path):
            return False
        if now is None:
            del self._seen[path]
        else:
            self._seen[path] = now
        return True

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None


def _rebuild_request(server: Any) -> Callable[[], None] | None:
    """What LiveReloadServer.watch's callback does on a change, where the server has what it uses."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(getattr(server, "_want_rebuild", None), bool) or not hasattr(condition, "notify_all"):
        return None

    def ask() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return ask


def _files(folder: Path) -> dict[str, tuple[int, int]] | None:
    """(modification time, size) of every file under `folder`; None when a link to a folder is there."""
    found: dict[str, tuple[int, int]] = {}
    for root, dirs, names in os.walk(folder):
        if any(os.path.islink(os.path.join(root, name)) for name in dirs):
            return None
        for name in names:
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            found[path] = (st.st_mtime_ns, st.st_size)
    return found
