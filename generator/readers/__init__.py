"""Input formats. One module per format; the registry picks a reader by file extension.

To add a format, write a module with NAME, EXTENSIONS and a parse function, and add
it to READERS below.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from ..model import RawArticle
from . import markdown, text
from .base import Reader, ReadError, ReadResult
from .decode import NotText, decode

# The HTML reader's name and extensions, as generator.readers.html declares them (a test
# holds the two together): that module loads trafilatura and lxml, ~0.4 s of every build
# that imports it, so it is imported when the first HTML file is read, not before.
HTML_NAME, HTML_EXTENSIONS = "html", (".html", ".htm")


def _read_html(data: bytes) -> ReadResult:
    from . import html

    return html.read_html(data)


READERS: tuple[Reader, ...] = (
    Reader(text.NAME, text.EXTENSIONS, text.read_text),
    Reader(markdown.NAME, markdown.EXTENSIONS, markdown.read_markdown),
    Reader(HTML_NAME, HTML_EXTENSIONS, _read_html, binary=True),
)


def reader_for(path: str | Path) -> Reader | None:
    suffix = PurePosixPath(str(path)).suffix.lower()
    for reader in READERS:
        if suffix in reader.extensions:
            return reader
    return None


def supported_extensions() -> tuple[str, ...]:
    return tuple(ext for reader in READERS for ext in reader.extensions)


def read_bytes(source: str, data: bytes, *, max_size: int | None = None) -> RawArticle:
    """Parse one file's bytes. `source` is its path relative to the content folder.

    Raises ReadError with a message for the owner when the file cannot be an article.
    """
    reader = reader_for(source)
    if reader is None:
        raise ReadError(f"no reader for '{PurePosixPath(source).suffix}' files")
    if max_size is not None and len(data) > max_size:
        raise ReadError(
            f"too large: {len(data):,} bytes, the limit is {max_size:,} "
            "(raise `max_file_size` in mkdocs.yml if this is really one article)"
        )
    if not data.strip():
        raise ReadError("empty file")
    repairs: list[str] = []
    if reader.binary:
        result = reader.parse(data)
    else:
        try:
            content, repairs = decode(data)
        except NotText as exc:
            raise ReadError(str(exc)) from None
        if not content.strip():
            raise ReadError("empty file (only white space)")
        result = reader.parse(content)
    if not result.blocks and not (result.inferred.get("title") or result.given.get("title")):
        raise ReadError("no title and no text")
    return RawArticle(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format=reader.name,
        blocks=result.blocks,
        inferred=result.inferred,
        given=result.given,
        repairs=tuple(repairs) + result.repairs,
    )


class StillWriting(ReadError):
    """The file changed while it was read: a download or save in progress."""


def load_file(path: Path, *, max_size: int | None = None) -> tuple[bytes, str]:
    """A file's bytes and their SHA-256, refusing files too large and files changing as they are read."""
    try:
        before = path.stat()
        if max_size is not None and before.st_size > max_size:
            raise ReadError(
                f"too large: {before.st_size:,} bytes, the limit is {max_size:,} "
                "(raise `max_file_size` in mkdocs.yml if this is really one article)"
            )
        data = path.read_bytes()
        after = path.stat()
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from None
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or len(data) != after.st_size:
        raise StillWriting("skipped: the file changed while it was read (still being written?); it is read on the next build")
    return data, hashlib.sha256(data).hexdigest()


def read_file(path: Path, source: str, *, max_size: int | None = None) -> RawArticle:
    data, _ = load_file(path, max_size=max_size)
    return read_bytes(source, data, max_size=max_size)


__all__ = ["READERS", "ReadError", "ReadResult", "Reader", "StillWriting", "load_file", "read_bytes", "read_file", "reader_for"]
