"""Article pages: the front matter contract and the escaped body."""

from __future__ import annotations

from typing import Any

from ..model import Article, BulletList, EntityType, MarkdownBody, Paragraph
from . import urls
from .escape import html_block_text, html_text
from .listing import html_list, link_item, long_date
from .page import Page

ARTICLE_TEMPLATE = "digest/article.html"


def front_matter(article: Article) -> dict[str, Any]:
    """The data contract of an article page (documented in the README), in a fixed key order."""
    meta: dict[str, Any] = {"title": article.title, "slug": article.slug}
    if article.date:
        meta["date"] = article.date
        meta["date_source"] = article.date_source
    meta["language"] = article.language
    if article.author:
        meta["author"] = article.author
    if article.publisher:
        meta["publisher"] = article.publisher
    if article.tickers:
        meta["tickers"] = list(article.tickers)
    meta["source"] = article.source
    meta["source_sha256"] = article.source_sha256
    meta["summary"] = article.summary
    meta["word_count"] = article.word_count
    meta["reading_time"] = article.reading_time
    if article.image:
        meta["image"] = {k: v for k, v in (("caption", article.image.caption), ("credit", article.image.credit)) if v}
    meta["topics"] = article.topic_names
    if article.tags:
        meta["tags"] = list(article.tags)
    meta["entities"] = {t.value: article.entity_names(t) for t in EntityType}
    if article.story:
        meta["story"] = {"slug": article.story.slug, "title": article.story.title}
    for key, value in article.extra.items():
        meta.setdefault(key, value)
    return meta


def body(article: Article) -> str:
    parts: list[str] = []
    if article.image and (article.image.caption or article.image.credit):
        caption = html_text(article.image.caption or "")
        credit = f' <span class="digest-credit">{html_text(article.image.credit)}</span>' if article.image.credit else ""
        parts.append(f'<p class="digest-caption">{caption}{credit}</p>')
    # Paragraphs and lists of plain-text articles are escaped HTML blocks: Markdown passes them
    # through as they are, and much faster than it would parse the same text as Markdown.
    for block in article.blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{html_block_text(block.text)}</p>")
        elif isinstance(block, BulletList):
            parts.append("<ul>\n" + "\n".join(f"<li>{html_block_text(item)}</li>" for item in block.items) + "\n</ul>")
        elif isinstance(block, MarkdownBody):
            parts.append(block.source.strip("\n"))
    return "\n\n".join(parts) + "\n"


def related_section(article: Article, slugs: dict[str, Article], listed_as: dict[str, str] | None = None) -> str:
    """Up to five related articles, linked; `slugs` maps source paths to assembled articles and
    `listed_as` another version of a story to the one listings show (a story is related once)."""
    listed_as = listed_as or {}
    own = {article.source, *article.versions}
    sources = list(dict.fromkeys(listed_as.get(s, s) for s in article.related))
    items = [slugs[s] for s in sources if s in slugs and s not in own][:5]
    if not items:
        return ""
    entries = (link_item(other.title, urls.article(other.slug), long_date(other.date) if other.date else "") for other in items)
    return "## Related articles\n\n" + html_list(entries, "digest-related") + "\n"


def versions_section(article: Article, slugs: dict[str, Article]) -> str:
    """Links to the other versions of the story (near-duplicates), with their dates and files."""
    others = [slugs[s] for s in article.versions if s in slugs]
    if not others:
        return ""
    label = "Another version of this story" if len(others) == 1 else "Other versions of this story"
    entries = (link_item(o.title, urls.article(o.slug), " · ".join(([long_date(o.date)] if o.date else []) + [o.source]))
               for o in others)
    return (f'<aside class="digest-versions" aria-label="{label}">\n<p class="digest-versions__label">{label}</p>\n'
            + html_list(entries, "digest-versions__list") + "\n</aside>\n")


def article_page(article: Article, by_source: dict[str, Article] | None = None, body_md: str | None = None,
                 listed_as: dict[str, str] | None = None, part_of: str = "") -> Page:
    """`body_md`, when given, is `body(article)` computed earlier (it depends on the file alone);
    `listed_as` maps a story's other versions to the one listings show; `part_of` links the
    article's story (see story.part_of_line)."""
    related = related_section(article, by_source or {}, listed_as)
    versions = versions_section(article, by_source or {})
    return Page(
        src_uri=urls.article(article.slug),
        body=(part_of + "\n" if part_of else "") + (versions + "\n" if versions else "") + (body_md if body_md is not None else body(article))
        + ("\n" + related if related else ""),
        meta=front_matter(article),
        kind="article",
        origin=article.source,
        owner_markdown=any(isinstance(block, MarkdownBody) for block in article.blocks),
    )
