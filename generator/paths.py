"""Paths and folders: whether a path lies in a folder (following symbolic links as the operating
system would), making a rename in a folder durable, and the files digest keeps between builds,
written whole and checked when read."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def is_within(path: str | Path, folder: str | Path) -> bool:
    """True for the folder itself and anything below it, once both are resolved."""
    path, folder = str(Path(path).resolve()), str(Path(folder).resolve())
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class FolderTest:
    """`is_within` for many paths against one folder. Resolving every path (a system call per
    path component) took a second at 10,000 articles; a path that is textually inside the
    folder needs none."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder.resolve())
        self.prefixes = tuple(sorted({os.path.abspath(folder) + os.sep, self.folder + os.sep}))

    def __call__(self, path: str) -> bool:
        return os.path.abspath(path).startswith(self.prefixes) or is_within(path, self.folder)


class FolderFiles:
    """Whether a file is in its folder, each folder listed once (`os.scandir`, which tells a
    file from a folder without a stat): asking the file system about each of 19,000 pages one
    by one cost ten times as much. Answers what the folders held when first listed: for files a
    build will not write or remove until it is done asking."""

    def __init__(self) -> None:
        self._listed: dict[str, frozenset[str]] = {}  # folder -> the names of its files

    def __contains__(self, path: str) -> bool:
        if os.sep == "/":  # (asked ~40,000 times a build: one split where there is one separator)
            folder, _, name = path.rpartition("/")
            if not _:
                folder = "."
        else:
            cut = max(path.rfind("/"), path.rfind(os.sep))
            folder, name = (path[:cut], path[cut + 1:]) if cut >= 0 else (".", path)
        files = self._listed.get(folder)
        if files is None:
            try:
                with os.scandir(folder or os.sep) as entries:
                    files = frozenset([entry.name for entry in entries if entry.is_file()])
            except OSError:
                files = frozenset()
            self._listed[folder] = files
        return name in files


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_durably(path: Path, *parts: bytes, sync: bool = True) -> None:
    """Write `parts` one after the other to a temporary file beside `path`, flush it to disk
    (with `sync`) and rename it over `path`: a build killed at any moment leaves the old file or
    the new one, never half of one. Raises OSError; the caller syncs the folder when the rename
    itself must last (`sync_folder`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            for part in parts:
                fh.write(part)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# A checked file: a magic line naming what it holds, then its format's version, the key it was
# written for (digest's code, options, data files: whatever its contents depend on) and the
# SHA-256 of the payload, one line each, then the payload. Why `read_checked` refuses one:
NOT_OURS, CUT_SHORT, OTHER_VERSION, OTHER_KEY, DAMAGED = "not ours", "cut short", "other version", "other key", "damaged"


def write_checked(path: Path, magic: bytes, version: bytes, key: bytes, payload: bytes, *, sync: bool = True) -> None:
    """`payload` as a checked file at `path`, written durably (`write_durably`, the folder synced
    with `sync`). Raises OSError."""
    header = b"%s%s\n%s\n%s\n" % (magic, version, key, hashlib.sha256(payload).hexdigest().encode("ascii"))
    write_durably(path, header, payload, sync=sync)
    if sync:
        sync_folder(path.parent)


def read_checked(data: bytes, magic: bytes, version: bytes, key: bytes) -> tuple[memoryview | None, str | None]:
    """The payload of a checked file's bytes when it holds `magic`'s kind of data, in `version`'s
    format, for `key`, and is whole; else None and why not (one of the reasons above). The payload
    is a view of `data`, not a copy (the corpus state and the gazetteer are 25-30 MB: two copies
    took ~50 ms of every build that reads them)."""
    if not data.startswith(magic):
        return None, NOT_OURS
    lines = []  # the version, key and checksum lines
    at = len(magic)
    for _ in range(3):
        end = data.find(b"\n", at)
        if end < 0:
            return None, CUT_SHORT
        lines.append(data[at:end])
        at = end + 1
    written_version, written_for, checksum = lines
    payload = memoryview(data)[at:]
    if written_version != version:
        return None, OTHER_VERSION
    if written_for != key:
        return None, OTHER_KEY
    if hashlib.sha256(payload).hexdigest().encode("ascii") != checksum:
        return None, DAMAGED
    return payload, None
