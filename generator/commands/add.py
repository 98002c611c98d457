"""`digest add FILE…`: check an article, copy it into the content folder, say what page it becomes.

Each file is read with the same reader the build would use; a file the build would
reject is refused here with the same reason. A duplicate of an article already in the
content folder (same bytes, or the same words) is refused and named. Accepted files are
copied under a clean name from their title (`nato-scrambles-jets.html`), never over an
existing file, and nothing already in the folder is modified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ..config import DigestConfig
from ..metadata import resolve
from ..readers import ReadError, read_bytes, reader_for, supported_extensions
from .corpus import Corpus


@dataclass(frozen=True)
class Incoming:
    """One file to add: the name the owner gave (for messages and its format) and its bytes."""

    name: str
    data: bytes
    label: str = ""  # how messages name it, when not by `name` (a feed item)


@dataclass(frozen=True)
class Outcome:
    name: str  # as given on the command line (or the item's label)
    target: str | None = None  # the new file, relative to the content folder
    title: str = ""
    url: str | None = None  # URL path of its page, relative to the site root
    refused: str | None = None  # why nothing was written
    duplicate_of: str | None = None  # the existing article it repeats, when that is why
    notes: tuple[str, ...] = ()  # repairs the build will also report

    @property
    def added(self) -> bool:
        return self.refused is None


def sniff_extension(data: bytes) -> str:
    """The format of text from standard input: a web page, Markdown with front matter, or text."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if re.match(rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", head, re.DOTALL):
        return ".html"
    if head.startswith(b"---\n") or head.startswith(b"---\r\n"):
        return ".md"
    return ".txt"


def add_files(incoming: list[Incoming], corpus: Corpus, config: DigestConfig, *, dry_run: bool = False,
              directory_urls: bool = True) -> list[Outcome]:
    """Check and copy each file into the corpus' content folder; returns one outcome per file."""
    outcomes: list[Outcome] = []
    written: list[str] = []
    for item in incoming:
        label = item.label or item.name
        extension = PurePosixPath(item.name).suffix.lower()
        if reader_for(item.name) is None:
            outcomes.append(Outcome(label, refused=(
                f"not an article format digest reads ({', '.join(supported_extensions())})")))
            continue
        try:
            raw = read_bytes(item.name, item.data, max_size=config.max_file_size)
        except ReadError as exc:
            outcomes.append(Outcome(label, refused=str(exc)))
            continue
        article, problems = resolve(raw, config)
        duplicate = corpus.duplicate_of(article)
        if duplicate is not None:
            source, why = duplicate
            outcomes.append(Outcome(label, title=article.title, duplicate_of=source,
                                    refused=f"duplicate of {corpus.display(source)} ({why})"))
            continue
        target = corpus.free_name(article.title, _canonical(extension), taken=written)
        if not dry_run:
            target = _write_new(corpus.content_dir, target, item.data, article.title, extension, corpus)
        written.append(target)
        corpus.add(replace(article, source=target))
        outcomes.append(Outcome(label, target=target, title=article.title,
                                notes=tuple(p.reason for p in problems)))
    if written:
        page_urls = corpus.page_urls(config, directory_urls=directory_urls)
        outcomes = [replace(o, url=page_urls.get(o.target)) if o.added else o for o in outcomes]
    return outcomes


def _write_new(folder: Path, name: str, data: bytes, title: str, extension: str, corpus: Corpus) -> str:
    """Create the file, never replacing one (another process may have taken the name meanwhile)."""
    while True:
        try:
            with open(folder / name, "xb") as fh:
                fh.write(data)
            return name
        except FileExistsError:
            name = corpus.free_name(title, _canonical(extension), taken=[name])


def _canonical(extension: str) -> str:
    return {".htm": ".html", ".text": ".txt", ".markdown": ".md"}.get(extension, extension)
