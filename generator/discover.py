"""Finding the article files in the content folder, in a fixed (sorted) order.

Hidden files, editor backups and partial downloads are skipped without a word:
they are not articles and never were. Files of a format no reader knows are
reported, so nothing the owner dropped in disappears silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .model import Problem, Severity
from .readers import reader_for

# The owner's editable taxonomy files live beside the articles.
TAXONOMY_FILES = frozenset({"entities.yml", "entities.yaml", "topics.yml", "topics.yaml"})
_IGNORED_NAMES = frozenset({"readme.md", "readme.txt", "license", "license.txt", "thumbs.db", "desktop.ini"})
_IGNORED_SUFFIXES = (
    "~", ".swp", ".swo", ".swx", ".bak", ".orig", ".tmp", ".temp",
    ".part", ".partial", ".crdownload", ".download", ".opdownload", ".!ut",
)


@dataclass(frozen=True)
class InputFile:
    path: Path  # absolute
    source: str  # relative to the content folder, forward slashes


def is_ignored(name: str) -> bool:
    lower = name.lower()
    return (
        name.startswith((".", "#", "~$"))
        or lower.endswith(_IGNORED_SUFFIXES)
        or lower in _IGNORED_NAMES
        or lower in TAXONOMY_FILES
    )


def discover(content_dir: Path) -> tuple[list[InputFile], list[Problem]]:
    files: list[InputFile] = []
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return files, [Problem(str(content_dir), "content folder not found")]
    readable: dict[str, bool] = {}  # a name's tail from its last dot -> whether a reader reads it
    for dirpath, dirnames, filenames in os.walk(content_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        # Paths made from their folder's, and sources as strings: at 10,000 files, building each
        # path whole and relative_to() took 0.1 s of every build, a dropped article's included.
        folder = Path(dirpath)
        prefix = folder.relative_to(content_dir).as_posix() + "/" if dirpath != str(content_dir) else ""
        for name in sorted(filenames):
            if is_ignored(name):
                continue
            # (a reader is chosen by the suffix, which the tail decides: asked once per tail)
            tail = name[max(name.rfind("."), 0):]
            known = readable.get(tail)
            if known is None:
                known = readable[tail] = reader_for(name) is not None
            if not known:
                problems.append(Problem(prefix + name, "skipped: not an article format digest reads", Severity.WARNING))
                continue
            files.append(InputFile(folder / name, prefix + name))
    files.sort(key=lambda f: f.source)
    return files, problems
