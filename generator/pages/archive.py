"""The archive: an index of months, and one page per month (split when it is long) listing
its articles by day."""

from __future__ import annotations

from ..model import Article
from ..site_model import Site
from . import urls
from .escape import md_link
from .listing import article_list, by_day, day_heading, month_label, page_slices, pager, plural
from .page import Page


def _days(articles: list[Article], site: Site) -> list[str]:
    lines: list[str] = []
    for date, group in by_day(articles):
        lines += [f"## {day_heading(date) if date else 'Undated'}", ""]
        lines += [article_list(group, site, show_date=False), ""]
    return lines


def _month_pages(first: str, label: str, articles: list[Article], site: Site) -> list[Page]:
    """A month's articles by day, `size` to a page (a busy month gets pages 2, 3, ...)."""
    chunks = page_slices(articles, site.config.archive_page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(first, number)
        title = label if number == 1 else f"{label} (page {number})"
        head = plural(len(articles), "article") + (f" (page {number} of {len(chunks)})." if len(chunks) > 1 else ".")
        body = [f"# {title}", "", head, ""] + _days(list(chunk), site)
        more = pager(first, number, len(chunks))
        body += [more, ""] if more else []
        pages.append(Page(uri, "\n".join(body), meta={"title": title}, kind="archive", origin=f"archive {label} page {number}"))
    return pages


def _undated_pages(articles: list[Article], site: Site) -> list[Page]:
    """Articles without a date, the most recently added first, `size` to a page."""
    chunks = page_slices(articles, site.config.archive_page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(urls.ARCHIVE_UNDATED, number)
        title = "Undated articles" + (f" (page {number})" if number > 1 else "")
        head = (plural(len(articles), "article") + " in which no full date was found, the most recently added first"
                + (f" (page {number} of {len(chunks)})." if len(chunks) > 1 else "."))
        body = [f"# {title}", "", head, "", article_list(chunk, site), ""]
        more = pager(urls.ARCHIVE_UNDATED, number, len(chunks))
        body += [more, ""] if more else []
        pages.append(Page(uri, "\n".join(body), meta={"title": title}, kind="archive", origin=f"archive undated page {number}"))
    return pages


def archive_pages(site: Site) -> list[Page]:
    pages: list[Page] = []
    index = ["# Archive", "", f"{plural(len(site.listed), 'article')} by month.", ""]
    years: dict[int, list[str]] = {}
    for (year, month), articles in site.months.items():
        uri = urls.archive_month(year, month)
        label = month_label(year, month)
        years.setdefault(year, []).append(
            f"-   {md_link(label, urls.relative(urls.ARCHIVE_INDEX, uri))} <small>{plural(len(articles), 'article')}</small>"
        )
        pages.extend(_month_pages(uri, label, articles, site))
    for year, entries in years.items():
        index += [f"## {year}", ""] + entries + [""]
    if site.undated:
        uri = urls.ARCHIVE_UNDATED
        index += ["## Undated", "", f"-   {md_link('Articles without a date', urls.relative(urls.ARCHIVE_INDEX, uri))} <small>{plural(len(site.undated), 'article')}</small>", ""]
        pages.extend(_undated_pages(site.undated, site))
    pages.insert(0, Page(urls.ARCHIVE_INDEX, "\n".join(index), meta={"title": "Archive"}, kind="index", in_nav=True))
    return pages
