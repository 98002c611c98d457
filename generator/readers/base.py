"""What every reader returns, and the error it raises for a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Block


@dataclass(frozen=True)
class ReadResult:
    """A reader's output before it is tied to a file: (content, metadata), as in Pelican."""

    blocks: tuple[Block, ...]
    inferred: dict[str, Any] = field(default_factory=dict)
    given: dict[str, Any] = field(default_factory=dict)
    repairs: tuple[str, ...] = ()


class ReadError(ValueError):
    """The file cannot become an article; the message says why, for the owner."""


@dataclass(frozen=True)
class Reader:
    """One input format: its name, the file extensions it claims, and its parse function.

    `parse` takes the decoded text of a file and returns a ReadResult; readers for
    binary formats could take bytes instead by setting `binary`.
    """

    name: str
    extensions: tuple[str, ...]
    parse: Callable[[Any], ReadResult]
    binary: bool = False  # parse takes the file's bytes (formats that declare their own encoding)
