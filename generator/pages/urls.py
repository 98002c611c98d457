"""Where every generated page lives: the one place that computes output paths.

Paths are MkDocs source URIs (`articles/<slug>.md`); MkDocs turns them into URLs
(`articles/<slug>/`). Links between generated pages are relative `.md` paths, so
MkDocs checks them and they keep working when the site is served from a sub-path.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import EntityType
from ..site_model import EntityEntry, Site, StoryEntry, TagEntry, TopicEntry

HOME = "index.md"
TOPICS_INDEX = "topics/index.md"
TAGS_INDEX = "tags/index.md"
ENTITIES_INDEX = "entities/index.md"
ARCHIVE_INDEX = "archive/index.md"
ARCHIVE_UNDATED = "archive/undated.md"
STORIES_INDEX = "stories/index.md"
# Files that are not pages: MkDocs copies them into the site as they are.
FEED_RSS = "feed.xml"
FEED_JSON = "feed.json"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"  # written by MkDocs itself


def article(slug: str) -> str:
    return f"articles/{slug}.md"


def is_article(src_uri: str) -> bool:
    return src_uri.startswith("articles/")


def entity(type_: EntityType, slug: str) -> str:
    return f"entities/{type_.plural}/{slug}.md"


def entity_type_index(type_: EntityType) -> str:
    return f"entities/{type_.plural}/index.md"


def topic(slug: str) -> str:
    return f"topics/{slug}.md"


def entity_of(entry: EntityEntry) -> str:
    return entity(entry.type, entry.slug)


def day(date: dt.date) -> str:
    """A day's briefing: `days/2025-09-12.md`."""
    return f"days/{date.isoformat()}.md"


def week(year: int, number: int) -> str:
    """An ISO week's briefing: `weeks/2025-W37.md`."""
    return f"weeks/{year:04d}-W{number:02d}.md"


def story_of(entry: StoryEntry) -> str:
    return story(entry.slug)


def topic_of(entry: TopicEntry) -> str:
    return topic(entry.slug)


def tag_of(entry: TagEntry) -> str:
    return tag(entry.slug)


def topic_links(site: Site) -> dict[str, str]:
    """Topic name -> its page, for every topic with articles (what listings and chips link to)."""
    return {t.name: topic(t.slug) for t in site.topics.values() if t.articles}


def paged(first: str, number: int) -> str:
    """Page `number` of a listing whose front page is `first`: `topics/x.md` -> `topics/x/page-2.md`,
    `entities/people/index.md` -> `entities/people/page-2.md`. Which number is the front page
    itself (and so `first`) the listing decides: see pages.listing.Paging."""
    stem = first[: -len(".md")]
    folder = stem[: -len("/index")] if stem.endswith("/index") else stem
    return f"{folder}/page-{number}.md"


def story(slug: str) -> str:
    return f"stories/{slug}.md"


def story_feed(slug: str, kind: str) -> str:
    """A story's feed beside its page: `stories/<slug>/feed.xml` (kind "xml") or `.json`."""
    return f"stories/{slug}/feed.{kind}"


def tag(slug: str) -> str:
    return f"tags/{slug}.md"


def archive_month(year: int, month: int) -> str:
    return f"archive/{year:04d}-{month:02d}.md"


def relative(from_uri: str, to_uri: str) -> str:
    """The Markdown link from the page at `from_uri` to the page at `to_uri`.

    Both are clean relative paths made in this module, so plain string work does what
    posixpath.relpath does (which resolves both against the working directory, and was
    the largest single cost of rendering index pages)."""
    here = from_uri.split("/")[:-1]
    there = to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def topic_feed(slug: str, kind: str) -> str:
    """A topic's feed beside its page: `topics/<slug>/feed.xml` (kind "xml") or `.json`."""
    return f"topics/{slug}/feed.{kind}"


@functools.lru_cache(maxsize=1 << 16)  # called for every link of every page: ~500,000 at 10,000 articles
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a page or file, relative to the site root ("" for the home page)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# Links inside HTML blocks of generated Markdown: MkDocs does not rewrite those, so pages write
# `link(src_uri)`, and `resolve_links` turns every such link into the URL relative to the page,
# once the page's own URL (and the site's URL style) is known. The markers are control
# characters, which escaped article text never contains.
_LINK = re.compile("\x01([^\x02]*)\x02")


def link(src_uri: str) -> str:
    """A link to the page at `src_uri`, for `href` attributes in HTML blocks."""
    return f"\x01{src_uri}\x02"


def resolve_links(body: str, src_uri: str, directory_urls: bool = True) -> str:
    if "\x01" not in body:
        return body
    prefix = root_prefix(src_uri, directory_urls)
    return _LINK.sub(lambda m: (prefix + page_url(m[1], directory_urls)) or "./", body)


def root_prefix(src_uri: str, directory_urls: bool = True) -> str:
    """'../' as many times as the page's URL is deep: from there, site-root paths are relative."""
    folder = page_url(src_uri, directory_urls).rpartition("/")[0]
    return "../" * (folder.count("/") + 1) if folder else ""
