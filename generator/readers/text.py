"""Plain-text articles (`.txt`) as scrapers and wire services write them.

Layout understood, top to bottom:

    English                                  <- optional language line
    NATO powers escalate ...                 <- title (an all-caps headline is re-cased)
    By Jane Doe, Reuters                     <- optional byline
    Published May 14, 2024 6:02 p.m. ET      <- optional publication line, kept as the date's source
    Mark Rutte ... [AP Photo/Virginia Mayo]  <- optional photo caption, credit in brackets
    PARIS, Feb 26 - The first paragraph...   <- body paragraphs, blank-line separated
     - a list item
    Reuter                                   <- optional sign-off, dropped (also "… said. REUTER")
    Loading                                  <- scraper junk, dropped (generator/readers/boilerplate.py)

The reader only reads layout; dates, summaries and counts are worked out later.
"""

from __future__ import annotations

import re

from ..languages import language_code
from ..text.published import is_publication_line
from ..model import Block, BulletList, Paragraph
from ..textutil import squash
from . import boilerplate, headline
from .base import ReadResult
from .headline import recase_headline  # noqa: F401  (the reader's public helper)

NAME = "text"
EXTENSIONS = (".txt", ".text")

_BYLINE = re.compile(r"^(?:By|BY|Von|Par|Por|Di|Door)\s+(?P<rest>\S.{0,120})$")
_AGENCIES = {
    "reuters", "reuter", "ap", "associated press", "afp", "agence france-presse", "dpa",
    "bloomberg", "upi", "ansa", "efe", "xinhua", "pa", "bbc", "cnn", "tass", "interfax",
}
_BULLET = re.compile(r"^\s*[-–—•*·]\s+(?=\S)")
_CAPTION_CREDIT = re.compile(r"^(?P<caption>.*\S)\s*\[(?P<credit>[^\[\]]{2,120})\]\s*$", re.DOTALL)
_CAPTION_CREDIT_PAREN = re.compile(
    r"^(?P<caption>.*\S)\s*\((?P<credit>(?:[^()]*\b(?:Photo|Foto|Image|Picture|Credit|Getty|Reuters|AFP|AP|EPA|dpa)\b[^()]*))\)\s*$",
    re.DOTALL,
)
# A longer first block is a paragraph, not a title.
MAX_TITLE = 250
# Lines this long are paragraphs of their own, not a hard-wrapped paragraph.
_WRAPPED_LINE_MAX = 110


def read_text(text: str) -> ReadResult:
    """Parse the text of a plain-text article into blocks and inferred metadata."""
    inferred: dict = {}
    repairs: list[str] = []
    blocks = _raw_blocks(text)

    junk = boilerplate.junk_blocks(["\n".join(b) for b in blocks])
    dropped = [b for b, is_junk in zip(blocks, junk) if is_junk]
    blocks = [b for b, is_junk in zip(blocks, junk) if not is_junk]
    if dropped:
        inferred["dropped_junk"] = [" ".join(b) for b in dropped]

    if blocks and len(blocks[0]) == 1 and (code := language_code(blocks[0][0])):
        inferred["language"] = code
        blocks = blocks[1:]
    elif blocks and len(blocks[0]) >= 2 and (code := language_code(blocks[0][0])):
        # "English" directly above the title, with no blank line between.
        inferred["language"] = code
        blocks[0] = blocks[0][1:]

    if blocks:
        title_lines = blocks.pop(0)
        title = " ".join(line.strip() for line in title_lines)
        title = re.sub(r"\s+", " ", title).strip()
        if len(title) > MAX_TITLE:
            # No title line: the first block is a paragraph. Keep it whole in the body.
            blocks.insert(0, title_lines)
            title = _title_from_paragraph(title)
            repairs.append("no title line (the first paragraph is too long for one); the title is its opening words")
        else:
            title, tickers = headline.split_tickers(title)
            if tickers:
                inferred["tickers"] = list(tickers)
            if headline.is_all_caps(title):
                inferred["headline"] = title
                title = headline.recase_headline(title, headline.written_forms("\n".join("\n".join(b) for b in blocks)))
        inferred["title"] = title

    if blocks and len(blocks[0]) == 1 and (byline := _BYLINE.match(blocks[0][0].strip())):
        author, publisher = _split_byline(byline["rest"])
        if author or publisher:
            blocks.pop(0)
            if author:
                inferred["author"] = author
            if publisher:
                inferred["publisher"] = publisher

    for i, lines in enumerate(blocks[:2]):
        if len(lines) == 1 and is_publication_line(lines[0]):
            inferred["dateline"] = blocks.pop(i)[0].strip()  # dated by generator.metadata
            break

    if blocks:
        caption = _caption(" ".join(line.strip() for line in blocks[0]))
        if caption is not None:
            blocks.pop(0)
            inferred["image"] = caption

    while blocks:
        rest, agency = boilerplate.split_sign_off("\n".join(blocks[-1]))
        if rest == "\n".join(blocks[-1]):
            break
        if rest:
            blocks[-1] = rest.split("\n")
        else:
            blocks.pop()
        if agency:
            inferred.setdefault("publisher", agency)

    body: list[Block] = []
    for lines in blocks:
        body.extend(_to_blocks(lines))
    if not body:
        repairs.append("has a title but no body text")
    return ReadResult(blocks=tuple(body), inferred=inferred, repairs=tuple(repairs))


def _title_from_paragraph(paragraph: str, limit: int = 120) -> str:
    first = re.split(r"(?<=[.!?])\s+", paragraph, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return paragraph[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–- ") + "…"


def _raw_blocks(text: str) -> list[list[str]]:
    """Split on blank lines (any run of them); each block keeps its non-empty lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = line.replace("\t", "    ").rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _to_blocks(lines: list[str]) -> list[Block]:
    """One blank-line block of the file -> paragraphs and bullet lists."""
    if len(lines) == 1:  # the common case, as the loop below reads it
        bullet = _BULLET.match(lines[0])
        if bullet:
            return [BulletList((squash(lines[0][bullet.end() :]),))]
        return [Paragraph(squash(lines[0]))]
    out: list[Block] = []
    items: list[str] = []
    para: list[str] = []

    def flush_para() -> None:
        if para:
            out.append(Paragraph(squash(" ".join(para))))
            para.clear()

    def flush_items() -> None:
        if items:
            out.append(BulletList(tuple(squash(i) for i in items)))
            items.clear()

    long_lines = any(len(line.strip()) > _WRAPPED_LINE_MAX for line in lines)
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            flush_para()
            items.append(line[bullet.end() :])
            continue
        if items and line.startswith("   ") and not line.startswith("    " * 2):
            items[-1] += " " + line.strip()  # continuation of a wrapped list item
            continue
        flush_items()
        indented = line.startswith(("  ", "\u3000"))
        if para and (long_lines or indented):
            flush_para()
        para.append(line.strip())
        if long_lines:
            flush_para()
    flush_para()
    flush_items()
    return out


def _caption(paragraph: str) -> dict | None:
    for pattern in (_CAPTION_CREDIT, _CAPTION_CREDIT_PAREN):
        m = pattern.match(paragraph)
        if m and len(m["caption"]) <= 600:
            return {"caption": squash(m["caption"]), "credit": squash(m["credit"])}
    return None


def _split_byline(rest: str) -> tuple[str | None, str | None]:
    rest = rest.strip().rstrip(".")
    parts = [p.strip() for p in re.split(r"\s*(?:,|\||\s-\s|\s–\s|/)\s*", rest) if p.strip()]
    if not parts or len(rest.split()) > 14:
        return None, None
    author_parts = [p for p in parts if p.lower() not in _AGENCIES]
    agency = next((p for p in parts if p.lower() in _AGENCIES), None)
    if agency and agency.lower() == "reuter":
        agency = "Reuters"
    author = author_parts[0] if author_parts else None
    if author and not re.match(r"^[^\W\d_]", author):
        return None, None
    return author, agency
