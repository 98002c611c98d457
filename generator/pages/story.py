"""Story pages, the stories index and the "Part of" line on article pages.

A story page shows its span ("10–14 September 2025, 7 articles, 4 sources"), a "developing"
mark when it grew in the last DEVELOPING_DAYS days of the digest (counted back from the newest
article, never from the build's clock), a timeline of its articles oldest first with their
publishers, the people, organizations and places in the most of its articles, and its topics.
The index ranks stories by size, then by their latest article.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..model import Article, EntityType
from . import urls
from .escape import html_text, md_link, md_text
from .listing import MONTH_NAMES, html_list, long_date, plural
from .page import Page
from ..site_model import Site, StoryEntry
from .topic import display_name

DEVELOPING_DAYS = 2  # a story with an article this close to the digest's newest one is developing
ENTITIES_SHOWN = 5  # of each type


def span_text(entry: StoryEntry) -> str:
    """'10–14 September 2025, 7 articles, 4 sources' (dates left out when none is known)."""
    dates = entry.dates
    parts = [_date_range(min(dates), max(dates))] if dates else []
    parts.append(plural(len(entry.articles), "article"))
    parts.append(plural(len(sources(entry)), "source"))
    return ", ".join(parts)


def _date_range(first: dt.date, last: dt.date) -> str:
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"


def sources(entry: StoryEntry) -> list[str]:
    """Who published the story's articles: their publishers, else their authors, else their files' folders."""
    return sorted({_publisher(a) for a in entry.articles})


def _publisher(article: Article) -> str:
    return article.publisher or article.author or article.source.rpartition("/")[0] or article.source


def is_developing(entry: StoryEntry, site: Site) -> bool:
    newest = site.newest_date
    return bool(entry.dates and newest and (newest - max(entry.dates)).days < DEVELOPING_DAYS)


def part_of_line(article: Article, site: Site) -> str:
    """'Part of: <story> (7 articles since 10 September)', linked, for the article's page ('' when none)."""
    entry = site.stories.get(article.story.key) if article.story else None
    if entry is None:
        return ""
    dates = entry.dates
    since = f" since {dates[0].day} {MONTH_NAMES[dates[0].month - 1]}" if dates else ""
    link = f'<a href="{urls.link(urls.story_of(entry))}">{html_text(entry.title)}</a>'
    return (f'<p class="digest-story-link">Part of: {link} '
            f'<small>({plural(len(entry.articles), "article")}{since})</small></p>\n')


def story_page(entry: StoryEntry, site: Site) -> Page:
    uri = urls.story_of(entry)
    developing = is_developing(entry, site)
    lines = [f"# {md_text(entry.title)}", ""]
    lines += [(" **Developing** · " if developing else "") + md_text(span_text(entry)), "{ .digest-story-span }", ""]
    lines += ["## Timeline", "", _timeline(entry), ""]
    for type_ in EntityType:
        present = _entities(entry, site, type_)
        if present:
            lines += [f"## {type_.label}", "", html_list(present, "digest-chips"), ""]
    topics = Counter(a.topic_names[0] for a in entry.articles if a.topics)
    if topics:
        links = urls.topic_links(site)
        items = [f"{md_link(display_name(name), urls.relative(uri, links[name])) if name in links else md_text(name)}"
                 f" <small>{plural(n, 'article')}</small>" for name, n in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines += ["## Topics", "", " · ".join(items), ""]
    meta = {"title": entry.title, "story": entry.slug, "articles": len(entry.articles), "developing": developing}
    return Page(uri, "\n".join(lines), meta=meta, kind="story", origin=f"story {entry.key!r}")


def _timeline(entry: StoryEntry) -> str:
    items = []
    for article in entry.articles:
        when = (f'<time datetime="{article.date.isoformat()}">{html_text(long_date(article.date))}</time>'
                if article.date else "<span>undated</span>")
        publisher = f' <small>{html_text(_publisher(article))}</small>'
        items.append(f'<li>{when} <a href="{urls.link(urls.article(article.slug))}">{html_text(article.title)}</a>'
                     f'{publisher}</li>')
    return html_list(items, "digest-timeline")


def _entities(entry: StoryEntry, site: Site, type_: EntityType) -> list[str]:
    counts = Counter(m.name for a in entry.articles for m in {m.name: m for m in a.entities if m.type is type_}.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))[:ENTITIES_SHOWN]
    items = []
    for name, n in ranked:
        page = site.entity_page(type_, name)
        label = html_text(name)
        named = f'<a href="{urls.link(urls.entity_of(page))}">{label}</a>' if page else label
        items.append(f"<li>{named} <small>{plural(n, 'article')}</small></li>")
    return items


def story_list(site: Site) -> list[StoryEntry]:
    """Stories ranked by size, then by their latest article (undated last), then title."""
    return sorted(site.stories.values(), key=lambda e: (-len(e.articles), -(max(e.dates).toordinal() if e.dates else 0),
                                                         e.title.casefold(), e.key))


def stories_index(site: Site) -> Page:
    uri = urls.STORIES_INDEX
    lines = ["# Stories", ""]
    entries = story_list(site)
    if not entries:
        lines += ["No stories yet: a story is two or more articles on one event.", ""]
    else:
        lines += ["Events followed across several articles, the largest and most recent first.", ""]
        items = []
        for entry in entries:
            mark = " <strong>Developing</strong>" if is_developing(entry, site) else ""
            items.append(f'<li><a href="{urls.link(urls.story_of(entry))}">{html_text(entry.title)}</a>{mark} '
                         f'<small>{html_text(span_text(entry))}</small></li>')
        lines += [html_list(items, "digest-list"), ""]
    return Page(uri, "\n".join(lines), meta={"title": "Stories"}, kind="index", in_nav=bool(entries))
