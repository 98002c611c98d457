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
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.digest")

# Events that change what a build reads. Reading a file (as the build itself does) gives
# "opened" and "closed_no_write": counting those would make every build start another.
CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})


class ContentWatch:
    """The content folder's native watch, and the file it rewrites for MkDocs to notice."""

    def __init__(self, content_dir: Path, signal_dir: Path) -> None:
        self.content_dir = content_dir
        self.signal = signal_dir / "changed"
        self._observer: Any = None
        self._count = 0

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
        if _has_linked_folders(folder):  # nor links inside it: those MkDocs' polling follows
            return False
        handler = FileSystemEventHandler()
        handler.on_any_event = self.changed  # type: ignore[method-assign]
        try:
            self.signal.parent.mkdir(parents=True, exist_ok=True)
            self.signal.write_text("0", encoding="ascii")
            observer = Observer()
            observer.schedule(handler, str(folder), recursive=True)
            observer.start()
        except OSError as exc:
            log.info("digest: the content folder is polled for changes (%s)", exc)
            return False
        self._observer = observer
        if polled is not None:
            server.unwatch(polled)
        server.watch(str(self.signal.parent))
        return True

    def changed(self, event: Any) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        self._count += 1
        try:
            # A new size or time is what MkDocs' polling sees.
            self.signal.write_text(str(self._count), encoding="ascii")
        except OSError:
            pass

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None



def _has_linked_folders(folder: Path) -> bool:
    """Whether a symbolic link to a folder is anywhere under `folder`."""
    for root, dirs, _ in os.walk(folder):
        if any(os.path.islink(os.path.join(root, name)) for name in dirs):
            return True
    return False
