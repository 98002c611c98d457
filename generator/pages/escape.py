"""Article text is data: these helpers make it inert in Markdown and HTML.

`md_text` turns any string into Markdown that renders as exactly that text, as one
paragraph line: no emphasis, links, HTML, headings, lists, tables, attribute lists,
admonitions or code, whatever extensions `mkdocs.yml` enables from its list. Every
character that has a meaning in Markdown becomes a numeric character reference,
which every Markdown extension leaves alone and every browser shows as the character.
"""

from __future__ import annotations

import functools
import html
import re

# Characters with an inline meaning in Python-Markdown or the extensions in SUPPORTED_EXTENSIONS
# (emphasis, code, links, raw HTML, attr_list braces, tables, tilde/caret/mark, footnotes, abbr).
_INLINE = {ch: f"&#{ord(ch)};" for ch in "\\`*_[]{}|~^="}
_INLINE.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# At the start of a line these open a block: heading, list, quote, admonition, definition...
_LEADING = set("#+-:?!")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_WHITESPACE = re.compile(r"\s+")
# Control characters are never text; Python-Markdown also uses \x02/\x03 as internal placeholders.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The Markdown extensions whose syntax md_text neutralizes. Enabling another in mkdocs.yml
# (emoji, arithmatex, magiclink, snippets...) would need its characters added here; a test
# checks mkdocs.yml against this list.
SUPPORTED_EXTENSIONS = frozenset({
    "toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "abbr", "def_list",
    "sane_lists", "pymdownx.details", "pymdownx.superfences", "pymdownx.tilde", "pymdownx.caret",
    "pymdownx.mark", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.tabbed",
})


@functools.lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """Escape `text` for use as Markdown paragraph or inline text (one line).

    Cached: an article's title and summary are escaped again for every listing they appear in."""
    text = _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group()], text)
    if text and text[0] in _LEADING:
        text = f"&#{ord(text[0])};{text[1:]}"
    text = _ORDERED.sub(lambda m: f"{m[1]}&#{ord(m[2])};", text)
    return text


@functools.lru_cache(maxsize=1 << 16)
def html_text(text: str) -> str:
    """Escape `text` for HTML element content or a quoted attribute value (cached: names and
    titles recur on many pages)."""
    return html_block_text(text)


def html_block_text(text: str) -> str:
    """`html_text` without the cache, for text that occurs once (an article's paragraphs)."""
    # " ".join(split()) is _WHITESPACE.sub(" ", ...).strip(): both split at str.isspace characters.
    return html.escape(" ".join(_CONTROL.sub("", text).split()), quote=True)


def html_block_texts(texts: list[str]) -> list[str]:
    """[html_block_text(t) for t in texts], faster: an article's paragraphs escaped in one go."""
    if not texts:
        return []
    # Most texts are squashed already (the readers squash what they read): printable, so without
    # control characters or white space other than the ASCII space (see textutil.squash), with
    # single spaces inside and none at the ends; cleaning would give them back as they are.
    cleaned = [text if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
               else " ".join(_CONTROL.sub("", text).split()) for text in texts]
    # Cleaned, no text holds a newline: joined by newlines, the texts escape as each would alone
    # (html.escape replaces character by character), five replacements in all instead of five a text.
    return html.escape("\n".join(cleaned), quote=True).split("\n")


def md_link(text: str, target: str) -> str:
    """A Markdown link whose text is escaped. `target` is digest's own relative path."""
    return f"[{md_text(text)}]({target})"
