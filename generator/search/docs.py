"""What search indexes: one `SearchDoc` per article, entity, topic and tag page.

Articles are indexed by title, summary, body, photo caption and author; entity pages by
name, roles, other spellings and the owner's description; topic pages by name and
description; tag pages by name; story pages by title, span and the names of their people,
organizations and places. Listings of articles on those pages are not indexed:
they would repeat every article title and change with every new article.

A build hands the index only the pages it does not already hold (`search_handover`). An
article is known by a hash of what its page is made from, taken without making the page:
its fields and its file's hash (its body is a function of its file and of digest's code and
options, which are in the hash too, as the article page memo takes it: pages/article.py,
`article_key`). Making 10,000 articles' pages for search costs ~0.25 s; hashing them a tenth.
The other pages are small: each is made, and known by the hash of its content. A page's URL
is in neither hash: it is a function of its key and of the site's URL style, which is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Callable, Iterator, Mapping

from ..code_version import code_version
from ..model import Article
from ..pages import urls
from ..pages.story import span_text
from ..site_model import Site
from ..text.markdown_text import plain_text
from .searchdoc import Handover, SearchDoc, doc_digest

_MIN = dt.date.min

ROLES_SHOWN = 3  # as on the entity page
# A story is titled by its first article: that article comes first for its own title, the story next.
STORY_WEIGHT = 0.9


def search_docs(site: Site, url_for: Callable[[str], str]) -> list[SearchDoc]:
    """Every searchable page of the site, articles first; `url_for(src_uri)` is the page's URL."""
    return search_handover(site, url_for).docs


def search_handover(site: Site, url_for: Callable[[str], str], known: Mapping[str, str] | None = None,
                    directory_urls: bool = True) -> Handover:
    """Every searchable page by key and digest, and those whose digest is not the one in `known` (key -> digest).

    A page's URL is a function of its key and `directory_urls` (as for every link digest writes:
    pages.urls.page_url): asked of `url_for` only for the pages handed over, as MkDocs works it
    out on first use (0.15 s for every page at 10,000 articles)."""
    known = known or {}
    options = sorted((key, site.config[key]) for key in site.config)
    salt = hashlib.blake2b(repr((code_version(), options, directory_urls)).encode(), digest_size=32).digest()
    pages: list[tuple[str, str]] = []
    docs: list[SearchDoc] = []
    for article in site.listed:  # one version of a story, as in listings
        uri = urls.article(article.slug)
        digest = _article_digest(article, uri, salt)
        pages.append((uri, digest))
        if known.get(uri) != digest:
            docs.append(_article_doc(article, uri, url_for(uri)))
    for doc in _other_docs(site):
        digest = doc_digest(doc, salt)
        pages.append((doc.key, digest))
        if known.get(doc.key) != digest:
            docs.append(dataclasses.replace(doc, url=url_for(doc.key)))
    return Handover(pages, docs)


def _article_doc(article: Article, uri: str, url: str) -> SearchDoc:
    date = article.date.isoformat() if article.date else None
    extra = [article.image.caption if article.image and article.image.caption else "", article.author or ""]
    text = "\n\n".join([plain_text(article.blocks), *(x for x in extra if x)])
    return SearchDoc(uri, url, article.title, "article", date, article.summary, text,
                     language=article.language, since=date)


def _article_digest(article: Article, uri: str, salt: bytes) -> str:
    """What `_article_doc` makes the page from, hashed: every field it reads, its body by its file's hash."""
    fields = (uri, article.title, article.date.isoformat() if article.date else "", article.summary,
              (article.image.caption or "") if article.image else "", article.author or "", article.language,
              article.source_sha256)
    return hashlib.blake2b("\x1f".join(fields).encode("utf-8", "surrogatepass"), digest_size=12, key=salt[:64]).hexdigest()


def _other_docs(site: Site) -> Iterator[SearchDoc]:
    """Entity, topic, story and tag pages, without their URLs."""
    default_language = site.config.default_language
    for entry in site.entities.values():
        if not entry.has_page:
            continue
        roles = [role for role, _ in sorted(entry.roles.items(), key=lambda kv: (-kv[1], kv[0]))][:ROLES_SHOWN]
        summary = " ".join(part for part in ["; ".join(roles) + ("." if roles else ""), entry.description or ""] if part)
        aliases = sorted(entry.aliases)
        latest, first = _latest_and_first(entry.articles)
        yield SearchDoc(urls.entity_of(entry), "", entry.name, entry.type.value, latest, summary,
                        "\n".join(aliases), weight=_page_weight(len(entry.articles)),
                        language=default_language, since=first)
    for topic in site.topics.values():
        if not topic.articles:
            continue
        latest, first = _latest_and_first(topic.articles)
        yield SearchDoc(urls.topic_of(topic), "", topic.name, "topic", latest,
                        topic.topic.description, "", weight=_page_weight(len(topic.articles)),
                        language=default_language, since=first)
    for story in sorted(site.stories.values(), key=lambda s: s.slug):
        newest_first = list(reversed(story.articles))
        latest, first = _latest_and_first(sorted(newest_first, key=lambda a: (a.date is None, -(a.date or _MIN).toordinal())))
        names = dict.fromkeys(m.name for a in story.articles for m in a.entities)
        yield SearchDoc(urls.story_of(story), "", story.title, "story", latest, span_text(story),
                        "\n".join(names), weight=STORY_WEIGHT,
                        language=default_language, since=first)
    for tag in site.tags.values():
        latest, first = _latest_and_first(tag.articles)
        yield SearchDoc(urls.tag_of(tag), "", tag.name, "tag", latest, "", "",
                        weight=_page_weight(len(tag.articles)) * 0.75, language=default_language, since=first)


def _latest_and_first(articles) -> tuple[str | None, str | None]:
    """Dates of the newest and oldest dated article, from a list sorted newest first (undated last)."""
    latest = articles[0].date if articles and articles[0].date else None
    first = next((a.date for a in reversed(articles) if a.date), None)
    return (latest.isoformat() if latest else None, first.isoformat() if first else None)


def _page_weight(articles: int) -> float:
    """Entity, topic and tag pages outrank articles for their names, the more so the more articles they have.

    From 2 (one article) to 6 (65,536), in steps at each power of the square root of two, so that one
    more article rarely changes the scores of the page's words.
    """
    return 2.0 + 0.125 * min(32, int(2 * math.log2(max(1, articles))))
