"""Pieces shared by the pages that list articles: dates, article entries, headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..model import Article
from . import urls
from .escape import md_link, md_text

T = TypeVar("T")

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(date: dt.date) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def day_heading(date: dt.date) -> str:
    return f"{DAY_NAMES[date.weekday()]}, {long_date(date)}"


def month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


# An article's entry reads the same on every listing page in one folder (its links are relative
# to the folder), and an article appears on a dozen listings: entries are made once per folder.
# render_site clears this at the start of each build.
_entries: dict[tuple, str] = {}


def clear_entry_cache() -> None:
    _entries.clear()


def article_entry(article: Article, from_uri: str, *, show_date: bool = True, topic_links: dict[str, str] | None = None) -> str:
    """One article in a list: linked title, date and topics, then its summary."""
    key = (article.source, from_uri.rpartition("/")[0], show_date)
    entry = _entries.get(key)
    if entry is None:
        entry = _entries[key] = _article_entry(article, from_uri, show_date, topic_links)
    return entry


def _article_entry(article: Article, from_uri: str, show_date: bool, topic_links: dict[str, str] | None) -> str:
    link = md_link(article.title, urls.relative(from_uri, urls.article(article.slug)))
    facts = []
    if show_date and article.date:
        facts.append(long_date(article.date))
    for score in article.topics[:3]:
        target = (topic_links or {}).get(score.name)
        label = score.name[:1].upper() + score.name[1:]
        facts.append(md_link(label, urls.relative(from_uri, target)) if target else md_text(label))
    # Python-Markdown needs four spaces to continue a list item.
    entry = f"-   **{link}**"
    if facts:
        entry += "  \n    <small>" + " · ".join(facts) + "</small>"
    if article.summary:
        entry += f"\n\n    {md_text(article.summary)}"
    return entry


def article_list(articles: Iterable[Article], from_uri: str, **kwargs) -> str:
    return "\n\n".join(article_entry(a, from_uri, **kwargs) for a in articles)


def by_day(articles: Iterable[Article]) -> list[tuple[dt.date | None, list[Article]]]:
    """Consecutive runs of articles sharing a date (articles come newest first)."""
    groups: list[tuple[dt.date | None, list[Article]]] = []
    for article in articles:
        if groups and groups[-1][0] == article.date:
            groups[-1][1].append(article)
        else:
            groups.append((article.date, [article]))
    return groups


def page_slices(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into pages of `size` (at least one page, possibly empty)."""
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def pager(first_uri: str, number: int, count: int) -> str:
    """'Pages: 1 · **2** · 3', linked from page `number` of a listing; '' for a single page."""
    if count <= 1:
        return ""
    here = urls.paged(first_uri, number)
    links = [f"**{n}**" if n == number else md_link(str(n), urls.relative(here, urls.paged(first_uri, n)))
             for n in range(1, count + 1)]
    return "Pages: " + " · ".join(links)
