"""Web pages saved from a browser (`.html`, `.htm`): the article, without the page around it.

trafilatura finds the article body and drops navigation, ads, share buttons, comments,
newsletter boxes and cookie banners; htmldate (inside trafilatura) reads the publication
date from the page's metadata (meta tags, JSON-LD, `<time datetime>`, a dated URL).
This module turns the result into the same blocks a `.txt` article gives: paragraphs
(sub-headings, quotes and table rows included) and bullet lists, all plain text.

What the page states goes into `inferred` metadata, below anything the owner writes:
title, author, site name (as `publisher`), date, lead image caption and credit, the
language of `<html lang>`, and the page's address (`source_url`). When the page's
metadata has no date, the visible date line (`dateline`) is kept for
`generator.metadata`, which reads it in the article's language ("22 mai 2012").

The reader takes bytes: an HTML file declares its own character set.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Any

import trafilatura
from lxml import etree, html as lxml_html
from trafilatura.utils import load_html

from ..text.dates import find_dates
from ..text.published import is_publication_line
from ..languages import is_language_code, language_code
from ..model import Block, BulletList, Paragraph
from ..textutil import squash
from . import boilerplate, text as text_reader
from .base import ReadError, ReadResult
from .decode import NotText, decode, normalize_newlines

NAME = "html"
EXTENSIONS = (".html", ".htm")

# htmldate discards dates after `max_date`, which defaults to today: a fixed bound keeps the
# output independent of the day of the build. `extensive_search` would guess from free text
# ("© 2025" as 1 January); only dates the page states are taken, the text is read later.
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31", "min_date": "1900-01-01"}

_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers' own traces of where a page came from.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE_URL = re.compile(r"<!--\s*Page saved with SingleFile\s.*?\burl:\s*(\S+)", re.IGNORECASE | re.DOTALL)
_LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|main|h1|meta|title)\b", re.IGNORECASE)

_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|attribution|byline", re.IGNORECASE)
_CREDIT_SUFFIX = re.compile(
    r"^(?P<caption>.*?\S)[\s.,;|–—-]*(?P<credit>(?:Photo(?:graph)?s?|Foto|Bild|Image|Picture|Credit|Crédit|"
    r"Crédito|Fotografía|Photo credit)\s*(?::|©|by)\s*.{2,120}|©\s*.{2,120})$",
    re.IGNORECASE | re.DOTALL,
)
_CLUTTER_ANCESTORS = {"nav", "footer", "aside", "form"}
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|meta|datum|data|fecha|datum|publi", re.IGNORECASE)
# Sub-structures of trafilatura's XML whose text forms one block each.
_TEXT_BLOCKS = {"p", "head", "code", "quote"}


def read_html(data: bytes) -> ReadResult:
    """Parse a saved web page into blocks and inferred metadata."""
    page, repairs = decode_html(data)
    if not _LOOKS_LIKE_HTML.search(page[:5000]):
        # A text file with an .html name: read it as the text it is.
        result = text_reader.read_text(page)
        return ReadResult(result.blocks, result.inferred, result.given, tuple(repairs) + result.repairs
                          + ("has no HTML markup; read as plain text",))
    try:
        tree = load_html(page)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is None:
        raise ReadError("not a web page: the HTML could not be parsed")

    url = _saved_from(page)
    byline_author = _byline_author(tree)
    _prune_clutter(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params=dict(DATE_PARAMS),
    )

    inferred: dict[str, Any] = {}
    body = getattr(document, "body", None) if document is not None else None
    title = squash(getattr(document, "title", None) or "")
    if title:
        inferred["title"] = title
    author = _author(getattr(document, "author", None)) or byline_author
    if author:
        inferred["author"] = author
    sitename = squash(getattr(document, "sitename", None) or "") or _sitename_from_title(tree, title)
    if sitename:
        inferred["publisher"] = sitename
    date = _iso_date(getattr(document, "date", None))
    if date is not None:
        inferred["date"] = date
    else:
        dateline = _dateline(tree, _html_language(tree))
        if dateline:
            inferred["dateline"] = dateline
    source_url = getattr(document, "url", None) or url
    if source_url:
        inferred["source_url"] = source_url
    language = _html_language(tree)
    if language:
        inferred["language"] = language
    image = _lead_image(tree)
    if image:
        inferred["image"] = image

    blocks = _blocks(body) if body is not None else []
    blocks, byline = _drop_leading_repeats(blocks, title)
    if byline:
        author = inferred.setdefault("author", byline[0]) if byline[0] else author
        if "date" not in inferred:
            inferred["dateline"] = byline[1]
    if not blocks:
        repairs.append("no article text found on the page")
    return ReadResult(blocks=tuple(blocks), inferred=inferred, repairs=tuple(repairs))


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """The page's text, in the character set it declares (BOM, <meta charset>, XML declaration).

    Pages that declare nothing are decoded like any text file (UTF-8, then detection).
    """
    head = data[:4096]
    declared = None
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _CHARSET_META.search(head) or _XML_DECLARATION.search(head)
        declared = match[1].decode("ascii", "replace").lower() if match else None
    if declared:
        # As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252.
        if declared in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            declared = "cp1252"
        try:
            codec = codecs.lookup(declared)
        except LookupError:
            codec = None
        if codec is not None and codec.name not in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                return normalize_newlines(data.decode(codec.name)), []
            except UnicodeDecodeError:
                text = data.decode(codec.name, errors="replace")
                return normalize_newlines(text), [f"not valid {declared} as the page declares; "
                                                  "bytes that are not text are shown as \ufffd"]
    try:
        return decode(data)
    except NotText as exc:
        raise ReadError(str(exc)) from None


def html_blocks(fragment: str) -> list[Block]:
    """Blocks from a fragment of HTML (a feed item's body), with the same extractor as pages.

    A fragment has no page around it, so trafilatura is asked for recall; when it still
    keeps nothing (very short items), the fragment's own paragraphs are used.
    """
    if not fragment.strip():
        return []
    wrapped = f"<html><body><article>{fragment}</article></body></html>"
    try:
        tree = load_html(wrapped)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is None:
        return [Paragraph(squash(fragment))] if squash(fragment) else []
    document = trafilatura.bare_extraction(tree, include_comments=False, include_tables=True, favor_recall=True,
                                           include_images=False, include_links=False, include_formatting=False)
    body = getattr(document, "body", None) if document is not None else None
    blocks = _blocks(body) if body is not None else []
    return blocks or _plain_blocks(tree)


# --- the article body -------------------------------------------------------------


def _blocks(body: etree._Element) -> list[Block]:
    """trafilatura's XML body (p, head, list/item, quote, table/row/cell, code) -> blocks."""
    out: list[Block] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            items = [t for item in element.iterfind("item") if (t := _text(item))]
            if items:
                out.append(BulletList(tuple(items)))
        elif tag == "quote" and element.find("p") is not None:
            out.extend(Paragraph(t) for p in element.iterfind("p") if (t := _text(p)))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [t for cell in row.iterfind("cell") if (t := _text(cell))]
                if cells:
                    out.append(Paragraph(" | ".join(cells)))
        elif tag in _TEXT_BLOCKS or _text(element):
            text = _text(element)
            if text:
                out.append(Paragraph(text))
    junk = boilerplate.junk_blocks([b.text if isinstance(b, Paragraph) else "\n".join(b.items) for b in out])
    out = [b for b, is_junk in zip(out, junk) if not is_junk]
    while out and isinstance(out[-1], Paragraph):
        rest, _agency = boilerplate.split_sign_off(out[-1].text)
        if rest == out[-1].text:
            break
        out = out[:-1] + ([Paragraph(rest)] if rest else [])
    return out


def _plain_blocks(tree: lxml_html.HtmlElement) -> list[Block]:
    out: list[Block] = []
    for element in tree.iter("p", "li", "h2", "h3", "h4", "blockquote"):
        if element.tag in ("p", "h2", "h3", "h4", "blockquote") and (text := _text(element)):
            if not any(a.tag in ("li", "blockquote") for a in element.iterancestors()):
                out.append(Paragraph(text))
        elif element.tag == "li" and (text := _text(element)):
            if out and isinstance(out[-1], BulletList):
                out[-1] = BulletList(out[-1].items + (text,))
            else:
                out.append(BulletList((text,)))
    if not out and (text := _text(tree)):
        out.append(Paragraph(text))
    return out


def _text(element: etree._Element) -> str:
    """An element's words, with a space wherever a line break or a block boundary was."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # comments, processing instructions
                pass
            elif child.tag in ("script", "style", "template"):
                pass
            else:
                spaced = child.tag in _SPACED
                parts.append(" " if spaced else "")
                walk(child)
                parts.append(" " if spaced else "")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return squash("".join(parts).replace("\u00ad", ""))


# Elements whose edges separate words: line breaks and blocks (HTML and trafilatura's XML).
_SPACED = frozenset({
    "br", "lb", "p", "div", "li", "item", "cell", "row", "td", "th", "tr", "head", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "quote", "figcaption", "section", "article", "ul", "ol", "list",
})


def _drop_leading_repeats(blocks: list[Block], title: str) -> tuple[list[Block], tuple[str | None, str] | None]:
    """The headline or a byline ("Von Jürgen Weiß | Berlin, 12. September 2025") at the top of
    the body is not body text. Returns the blocks and (author, byline text) when there was one."""
    byline = None
    while blocks and isinstance(blocks[0], Paragraph):
        first = blocks[0].text
        if title and first.casefold() == title.casefold():
            blocks = blocks[1:]
        elif byline is None and len(first) <= 160 and (author := _author_from_byline(first)):
            byline = (author, first)
            blocks = blocks[1:]
        elif byline is None and is_publication_line(first):
            byline = (None, first)  # "Published May 14, 2024": when, not what
            blocks = blocks[1:]
        else:
            break
    return blocks, byline


# --- clutter trafilatura's English-centred rules miss -----------------------------

# Class and id words of page furniture, in the languages of the sites people save.
_CLUTTER_WORDS = frozenset({
    # comments
    "comment", "comments", "kommentar", "kommentare", "kommentarer", "commentaire", "commentaires",
    "reactions", "réactions", "comentario", "comentarios", "comentarios", "commenti", "reacties",
    "komentarze", "komentare", "disqus",
    # advertising
    "ad", "ads", "advert", "advertisement", "advertising", "werbung", "anzeige", "anzeigen", "pub",
    "publicite", "publicité", "publicidad", "pubblicita", "reclame", "advertentie", "sponsored",
    "sponsor", "taboola", "outbrain", "dfp", "adslot",
    # consent and cookie banners
    "cookie", "cookies", "consent", "cmp", "gdpr", "rgpd", "dsgvo",
    # sharing, newsletters, related links
    "share", "sharing", "social", "teilen", "partager", "compartir", "newsletter", "related",
    "mehr-zum-thema", "lire-aussi", "a-lire-aussi", "most-read", "meistgelesen", "paywall",
})
_STRUCTURE = frozenset({"html", "body", "main", "article"})


def _prune_clutter(tree: lxml_html.HtmlElement) -> None:
    """Remove elements whose class or id names them as comments, ads, banners or share boxes."""
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _STRUCTURE:
            continue
        if _is_clutter_label(f"{element.get('class', '')} {element.get('id', '')}") \
                and not element.xpath(".//article|.//h1|.//main"):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None and not any(a in doomed for a in element.iterancestors()):
            element.drop_tree()  # keeps the text that follows the element


def _is_clutter_label(label: str) -> bool:
    """'ad-inline', 'kommentare', 'cookie-banner', 'post-comments': yes. 'article-body ad-free': no,
    a name that also says it holds the article is never furniture."""
    parts: set[str] = set()
    for name in label.lower().split():
        parts |= set(re.split(r"[-_]+", name)) | {name}
    return bool(parts & _CLUTTER_WORDS) and not parts & _ARTICLE_WORDS


_ARTICLE_WORDS = frozenset({"article", "artikel", "content", "body", "story", "main", "text", "entry", "inhalt", "tresc"})


def _byline_author(tree: lxml_html.HtmlElement) -> str | None:
    """The author named in a byline element ("Par Claire Dubois · Publié le ..."), or None."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        label = f"{element.get('class', '')} {element.get('id', '')} {element.get('rel', '')}"
        if re.search(r"byline|author|auteur|autor|signature|\bmeta\b", label, re.IGNORECASE) and not _in_clutter(element):
            text = _text(element)
            if text and len(text) <= 160 and (author := _author_from_byline(text)):
                return author
    return None


def _author_from_byline(line: str) -> str | None:
    match = text_reader._BYLINE.match(line.strip())
    if not match:
        return None
    rest = re.split(r"\s[·•|]\s|\s[–—-]\s|,", match["rest"])[0]
    author, _agency = text_reader._split_byline(rest)
    if author and len(author.split()) <= 5 and not any(ch.isdigit() for ch in author):
        return author
    return None


# --- metadata ---------------------------------------------------------------------


def _saved_from(page: str) -> str | None:
    head = page[:3000]
    match = _SAVED_FROM.search(head) or _SINGLEFILE_URL.search(head)
    url = match[1] if match else None
    return url if url and url.startswith(("http://", "https://")) else None


def _sitename_from_title(tree: lxml_html.HtmlElement, title: str) -> str | None:
    """"Headline | Site Name" in the <title> element, when the page names its site nowhere else."""
    element = tree.find(".//title")
    if element is None or not title:
        return None
    parts = re.split(r"\s+(?:\||–|—|-|::|·)\s+", _text(element))
    if len(parts) >= 2 and parts[0].casefold() == title.casefold():
        name = parts[-1]
        if 0 < len(name) <= 60 and len(name.split()) <= 6:
            return name
    return None


def _author(value: str | None) -> str | None:
    if not value:
        return None
    names = [squash(n) for n in value.split(";") if squash(n)]
    return ", ".join(dict.fromkeys(names)) or None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _html_language(tree: lxml_html.HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    value = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    if not value:
        return None
    base = value.lower().replace("_", "-").split("-")[0]
    if is_language_code(base):
        return base
    return language_code(value)


def _dateline(tree: lxml_html.HtmlElement, language: str | None) -> str | None:
    """The visible publication line ("Warszawa, 1 listopada 2024") when the page's metadata has no
    date; `generator.metadata` reads it again once the article's language is settled."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article", "script", "style"):
            continue
        label = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag == "time" or _DATE_CLASS.search(label):
            text = _text(element)
            if text and len(text) <= 200 and not _in_clutter(element) and find_dates(text, language):
                return text
    return None


def _lead_image(tree: lxml_html.HtmlElement) -> dict[str, str] | None:
    """The first captioned figure of the article (not of the navigation or a teaser)."""
    scopes = tree.xpath("//article") or tree.xpath("//main") or [tree]
    for scope in scopes[:1]:
        for figure in scope.iter("figure"):
            caption_element = figure.find(".//figcaption")
            if caption_element is None or _in_clutter(figure):
                continue
            credit = None
            for child in caption_element.iter():
                if child is not caption_element and _CREDIT_CLASS.search(f"{child.get('class', '')} {child.get('itemprop', '')}"):
                    credit = _text(child)
                    break
            caption = _text(caption_element)
            if credit and caption.endswith(credit):
                caption = caption[: -len(credit)].strip()
            elif credit is None:
                bracketed = text_reader._caption(caption)
                match = _CREDIT_SUFFIX.match(caption)
                if bracketed:
                    caption, credit = bracketed["caption"], bracketed["credit"]
                elif match:
                    caption, credit = match["caption"], squash(match["credit"])
            image = {k: v for k, v in (("caption", caption), ("credit", credit)) if v}
            if image:
                return image
    return None


def _in_clutter(element: etree._Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _CLUTTER_ANCESTORS:
            return True
        label = f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower()
        if re.search(r"\b(?:comment|related|teaser|promo|ad|ads|advert\w*|sidebar|footer|nav\w*|cookie\w*)\b", label):
            return True
    return False
