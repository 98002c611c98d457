"""Article pages: the front matter contract and the escaped body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..model import Article, BulletList, EntityType, MarkdownBody, Paragraph
from . import urls
from .escape import html_block_texts, html_text
from .listing import day_number, html_list, link_item, long_date
from .page import Page
from .reading import prev_next_section

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
    texts: list[str] = []  # every paragraph's and list item's text, in order, escaped in one go
    for block in article.blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, BulletList):
            texts.extend(block.items)
    escaped = iter(html_block_texts(texts))
    for block in article.blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{next(escaped)}</p>")
        elif isinstance(block, BulletList):
            parts.append("<ul>\n" + "\n".join(f"<li>{next(escaped)}</li>" for _ in block.items) + "\n</ul>")
        elif isinstance(block, MarkdownBody):
            parts.append(block.source.strip("\n"))
    return "\n\n".join(parts) + "\n"


class Linked(NamedTuple):
    """Another article as an article page links to it (a tuple: ~70,000 are made and hashed per
    build at 10,000 articles)."""

    title: str
    slug: str
    date: dt.date | None
    source: str

    @staticmethod
    def of(article: Article) -> Linked:
        return Linked(article.title, article.slug, article.date, article.source)


@dataclass(frozen=True)
class ArticleInputs:
    """Everything an article page is rendered from: `render_article` reads nothing else, so
    equal inputs make the same page (see memo.PageMemo)."""

    article: Article
    related: tuple[Linked, ...] = ()  # up to five, most related first
    versions: tuple[Linked, ...] = ()  # other versions of the story
    part_of: str = ""  # the line linking the article's story (story.part_of_line)
    previous: Linked | None = None  # older, by date (reading.neighbours)
    following: Linked | None = None  # newer


def memo_key(article: Article, related: Sequence[str], versions: Sequence[str], part_of: str,
             previous: Article | None, following: Article | None, faces: Mapping[str, bytes]) -> tuple:
    """What the memo hashes for an article page (`ArticleInputs` as `article_inputs` would make
    them from the same sources, see `article_links`): the article as `article_key` gives it, the
    other articles as `faces` give them (the memo's 16-byte digest of `linked_key`, made once a
    build for each article, which pages link five to ten times), and the story line."""
    return (article_key(article), b"".join([faces[source] for source in related]),
            b"".join([faces[source] for source in versions]), part_of,
            None if previous is None else faces[previous.source], None if following is None else faces[following.source])


# An entity type's value by type: every article is keyed in every build (~75,000 mentions at
# 10,000 articles), and an Enum's `.value` is a property call.
_TYPE_VALUE = {t: t.value for t in EntityType}


def article_key(article: Article) -> tuple:
    """An article as the memo hashes it: what its page shows of it (`front_matter`, `body`), as
    plain data (memo.serialized). Its blocks are left out, as its body is a function of its file
    (whose hash, `source_sha256`, is in) and of digest's code and options (in the memo's salt); of
    its topics, entities and story, what the front matter shows. A field `front_matter` or `body`
    comes to show must come in here (tests/pages/test_page_memo.py changes each field in turn)."""
    return _keyed(article, tuple([(_TYPE_VALUE[m.type], m.name) for m in article.entities]))


def own_key(article: Article) -> tuple:
    """`article_key` with all of each entity mention (its count, roles, other spellings and
    quotes, which entity pages show): what pages._article_pages hashes as the article's own
    digest, each mention made into one tuple."""
    return _keyed(article, tuple([(_TYPE_VALUE[m.type], m.name, m.count, m.roles, m.aliases, m.quotes)
                                  for m in article.entities]))


def _keyed(a: Article, entities: tuple) -> tuple:
    image = a.image
    story = a.story
    return (a.source, a.source_sha256, a.title, a.slug, day_number(a.date), a.date_source, a.language, a.author, a.publisher,
            a.tickers, None if image is None else (image.caption, image.credit), a.summary, a.word_count, a.reading_time,
            tuple([t.name for t in a.topics]), a.tags, entities, None if story is None else (story.slug, story.title),
            a.extra)


def linked_key(other: Linked | Article) -> tuple:
    """Another article as an article page shows it (`Linked`), for the memo."""
    return (other.title, other.slug, day_number(other.date), other.source)


def article_links(article: Article, by_source: Mapping[str, Article], listed_as: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The sources of the articles the page of `article` links as related (up to five, a story
    once, see `article_inputs`) and as other versions of its story."""
    own = {article.source, *article.versions}
    sources = dict.fromkeys([listed_as.get(s, s) for s in article.related])
    related = [s for s in sources if s in by_source and s not in own][:5]
    return related, [s for s in article.versions if s in by_source]


def article_inputs(article: Article, by_source: Mapping[str, Article] | None = None,
                   listed_as: Mapping[str, str] | None = None, part_of: str = "",
                   pair: tuple[Article | None, Article | None] | None = None,
                   linked: Mapping[str, Linked] | None = None) -> ArticleInputs:
    """`by_source` maps source paths to assembled articles, `listed_as` another version of a
    story to the one listings show (a story is related once), `pair` is (previous, next);
    `linked`, when given, is `Linked.of` of every article in `by_source`, made once a build."""
    slugs = by_source or {}
    related, versions = article_links(article, slugs, listed_as or {})
    link = linked.__getitem__ if linked is not None else lambda source: Linked.of(slugs[source])
    previous, following = pair or (None, None)
    if linked is not None:
        return ArticleInputs(article, tuple(map(link, related)), tuple(map(link, versions)), part_of,
                             previous and linked[previous.source], following and linked[following.source])
    return ArticleInputs(article, tuple(map(link, related)), tuple(map(link, versions)), part_of,
                         previous and Linked.of(previous), following and Linked.of(following))


def related_section(items: Sequence[Linked]) -> str:
    """Up to five related articles, linked."""
    if not items:
        return ""
    entries = (link_item(other.title, urls.article(other.slug), long_date(other.date) if other.date else "") for other in items)
    return "## Related articles\n\n" + html_list(entries, "digest-related") + "\n"


def versions_section(others: Sequence[Linked]) -> str:
    """Links to the other versions of the story (near-duplicates), with their dates and files."""
    if not others:
        return ""
    label = "Another version of this story" if len(others) == 1 else "Other versions of this story"
    entries = (link_item(o.title, urls.article(o.slug), " · ".join(([long_date(o.date)] if o.date else []) + [o.source]))
               for o in others)
    return (f'<aside class="digest-versions" aria-label="{label}">\n<p class="digest-versions__label">{label}</p>\n'
            + html_list(entries, "digest-versions__list") + "\n</aside>\n")


def render_article(inputs: ArticleInputs, body_md: str | None = None) -> Page:
    """The page of `inputs.article`; `body_md`, when given, is `body(article)` computed earlier
    (it depends on the file alone)."""
    article = inputs.article
    related = related_section(inputs.related)
    versions = versions_section(inputs.versions)
    part_of = inputs.part_of
    text = ((part_of + "\n" if part_of else "") + (versions + "\n" if versions else "")
            + (body_md if body_md is not None else body(article)) + ("\n" + related if related else ""))
    section = prev_next_section(article, inputs.previous, inputs.following)
    if section:
        text = text.rstrip("\n") + "\n\n" + section
    return Page(
        src_uri=urls.article(article.slug),
        body=text,
        meta=front_matter(article),
        kind="article",
        origin=article.source,
        owner_markdown=is_owner_markdown(article),
    )


def is_owner_markdown(article: Article) -> bool:
    # Blocks still in the cache (cache.StoredBlocks) know it without being read.
    known = getattr(article.blocks, "owner_markdown", None)
    return known if known is not None else any(isinstance(block, MarkdownBody) for block in article.blocks)


def article_page(article: Article, by_source: dict[str, Article] | None = None, body_md: str | None = None,
                 listed_as: dict[str, str] | None = None, part_of: str = "",
                 pair: tuple[Article | None, Article | None] | None = None) -> Page:
    """An article's page from the assembled site's lookups (see `article_inputs`)."""
    return render_article(article_inputs(article, by_source, listed_as, part_of, pair), body_md)
