"""Markdown articles (`.md`) with optional YAML front matter.

The owner's front matter is `given` metadata: it wins over anything inferred.
Front matter that is broken is reported and ignored, and the body is still published.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..model import MarkdownBody
from .base import ReadResult

NAME = "markdown"
EXTENSIONS = (".md", ".markdown")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def read_markdown(text: str) -> ReadResult:
    given: dict[str, Any] = {}
    repairs: list[str] = []
    body = text

    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match is None:
            repairs.append("front matter is not closed by a '---' line; it was read as text")
        else:
            body = text[match.end() :]
            try:
                data = yaml.safe_load(match["yaml"] or "")
            except yaml.YAMLError as exc:
                repairs.append(f"front matter ignored: {_yaml_reason(exc)}")
                data = None
            if isinstance(data, dict):
                given = {str(k): v for k, v in data.items()}
            elif data is not None:
                repairs.append("front matter ignored: it is not a mapping of keys to values")

    inferred: dict[str, Any] = {}
    title = _ATX_TITLE.search(body)
    # A leading '# Title' is the article title; the page template shows it, so it leaves the body.
    if title and not body[: title.start()].strip():
        inferred["title"] = title["title"].strip()
        body = body[title.end() :]
    body = body.strip("\n")
    if not inferred.get("title") and not given.get("title"):
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        if first:
            inferred["title"] = first.lstrip("#").strip()
    blocks = (MarkdownBody(body),) if body.strip() else ()
    if not blocks:
        repairs.append("has a title but no body text")
    return ReadResult(blocks=blocks, inferred=inferred, given=given, repairs=tuple(repairs))


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    where = f" (front matter line {mark.line + 1})" if mark is not None else ""
    if "python/" in str(exc):
        problem = "it uses a !!python tag, which could run code; such tags are not allowed"
    return f"{problem}{where}"
