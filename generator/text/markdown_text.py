"""Plain text from the owner's Markdown, for summaries, counts and extraction.

Rendering with Python-Markdown and dropping the tags gives exactly the words a
reader sees, which a regex over Markdown syntax would not.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

from ..model import Block, BulletList, Paragraph

_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|pre|tr|div|table|ul|ol)>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "attr_list", "md_in_html"])


# The stages that read an article (metadata, duplicate prints, entities, topics) each ask for
# its plain text one after another: a Markdown article is rendered once, not four times.
@lru_cache(maxsize=16)
def markdown_to_text(source: str) -> str:
    md = _converter()
    md.reset()
    rendered = md.convert(source)
    rendered = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", rendered, flags=re.IGNORECASE | re.DOTALL)
    rendered = _BLOCK_END.sub("\n\n", rendered)
    text = html.unescape(_TAG.sub("", rendered))
    paragraphs = [re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", " ", p).strip() for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def plain_text(blocks: tuple[Block, ...]) -> str:
    """An article body's words as plain text, paragraphs separated by blank lines."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts.extend(block.items)
        else:
            parts.append(markdown_to_text(block.source))
    return "\n\n".join(parts)
