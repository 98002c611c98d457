"""`digest import FEED.xml`: the items of a saved RSS or Atom feed as Markdown articles.

Parsing: feedparser. Feeds come in seven dialects (RSS 0.9x, 1.0, 2.0, Atom 0.3, 1.0,
with Dublin Core and content:encoded extensions) and are often not well-formed; with
the stdlib and defusedxml we would re-implement that normalization and its repair of
broken feeds. feedparser is handed the bytes in a BytesIO, so it never fetches
anything, it turns off external entities, and it sanitizes HTML in item bodies.

Each item becomes a `.md` file: YAML front matter written by python-frontmatter
(title, date, author, and the item's link as `source_url`), then the body. Item bodies
are usually HTML: their text is extracted with the HTML reader's machinery, and every
paragraph is escaped (generator.pages.escape.md_text), so nothing in a feed can become
Markdown or HTML structure in the article.

Items go through `digest add`'s checks: an item already in the content folder (the same
link, the same text, or the same file from an earlier import) is skipped, so importing
the same feed again adds only the new items.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import io
import re
from dataclasses import dataclass
from typing import Any

import feedparser
import frontmatter

from ..text.dates import parse_date_value
from ..model import Block, BulletList, Paragraph
from ..pages.escape import md_text
from ..readers.html import html_blocks
from ..textutil import squash
from .add import Incoming
from .corpus import clean_url

_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--")
_RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]+)\)\s*$")  # "jane@example.com (Jane Doe)"


class FeedError(ValueError):
    """The file is not an RSS or Atom feed; the message says why."""


@dataclass(frozen=True)
class FeedItem:
    title: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    author: str | None = None
    link: str | None = None


def parse_feed(data: bytes) -> tuple[str, list[FeedItem]]:
    """The feed's title and its items, in the feed's order."""
    parsed = feedparser.parse(io.BytesIO(data))
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    items = [_item(entry) for entry in parsed.entries]
    return _plain_title(parsed.feed.get("title_detail")) or "", items


def item_markdown(item: FeedItem) -> str:
    """The article file for one item: front matter, then the escaped body."""
    meta: dict[str, Any] = {"title": item.title}
    if item.date is not None:
        meta["date"] = item.date
    if item.author:
        meta["author"] = item.author
    if item.link:
        meta["source_url"] = item.link
    parts: list[str] = []
    for block in item.blocks:
        if isinstance(block, Paragraph):
            parts.append(md_text(block.text))
        elif isinstance(block, BulletList):
            parts.append("\n".join(f"-   {md_text(i)}" for i in block.items))
    post = frontmatter.Post("\n\n".join(parts), **meta)
    return frontmatter.dumps(post, sort_keys=False, width=100) + "\n"


def feed_incoming(items: list[FeedItem]) -> tuple[list[Incoming], list[tuple[str, str]]]:
    """Files for `add_files`, and (label, reason) for items that cannot be articles."""
    incoming: list[Incoming] = []
    skipped: list[tuple[str, str]] = []
    for number, item in enumerate(items, start=1):
        label = f"item {number} ({item.title[:60] or item.link or 'untitled'})"
        if not item.blocks:
            skipped.append((label, "has no text in the feed, only a title and a link; save the page itself "
                                   "and add it with `digest add`"))
            continue
        if not item.title:
            skipped.append((label, "has no title"))
            continue
        incoming.append(Incoming("item.md", item_markdown(item).encode("utf-8"), label=label))
    return incoming, skipped


# --- one item ---------------------------------------------------------------------


def _item(entry: Any) -> FeedItem:
    title = _plain_title(entry.get("title_detail")) or squash(entry.get("title") or "")
    link = entry.get("link")
    link = clean_url(link) if isinstance(link, str) and link.startswith(("http://", "https://")) else None
    return FeedItem(title=title, blocks=tuple(_body(entry)), date=_date(entry), author=_authors(entry), link=link)


def _plain_title(detail: Any) -> str:
    if not detail:
        return ""
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or "") and _TAG.search(value):
        return squash(" ".join(b.text if isinstance(b, Paragraph) else " ".join(b.items) for b in html_blocks(value)))
    return squash(value)


def _body(entry: Any) -> list[Block]:
    """The fullest body the item has: its content, else its summary (description)."""
    candidates = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    for detail in candidates:
        value = detail.get("value") or ""
        kind = detail.get("type") or ""
        if not value.strip():
            continue
        if ("html" in kind or "xml" in kind) and _TAG.search(value):
            blocks = html_blocks(value)
        else:
            text = html.unescape(value) if "html" in kind else value
            blocks = [Paragraph(squash(p)) for p in re.split(r"\n\s*\n", text) if squash(p)]
        if blocks:
            return blocks
    return []


def _date(entry: Any) -> dt.date | None:
    """The date the item was published, in its own time zone (feedparser's parsed dates are UTC:
    "Fri, 12 Sep 2025 01:41 +0200" would become the 11th)."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        try:
            return email.utils.parsedate_to_datetime(value).date()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()  # Atom: RFC 3339
        except ValueError:
            pass
        date = parse_date_value(value)
        if date is not None:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _authors(entry: Any) -> str | None:
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = squash(author.get("name") or "") if isinstance(author, dict) else ""
        if name:
            names.append(name)
    raw = entry.get("author")
    if isinstance(raw, str) and (match := _RSS_AUTHOR.match(raw)):
        names = [squash(match["name"])]  # feedparser mis-splits "email (Name)"
    elif isinstance(raw, str) and "@" in raw and " " not in raw.strip():
        names = []  # an e-mail address alone names no one
    names = [n for n in dict.fromkeys(names) if "@" not in n]
    return ", ".join(names) or None
