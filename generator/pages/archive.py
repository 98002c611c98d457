"""The archive: an index of months, and one page per month (split when it is long) listing
its articles by day."""

from __future__ import annotations

from ..model import Article
from ..site_model import Site
from . import urls
from .escape import md_link
from .listing import article_list, brief_article_list, by_day, day_heading, month_label, paginate, plural
from .page import Page, Tokens, Unit


def _days(articles: list[Article], site: Site) -> list[str]:
    lines: list[str] = []
    for date, group in by_day(articles):
        lines += [f"## {day_heading(date) if date else 'Undated'}", ""]
        lines += [brief_article_list(group, site, show_date=False), ""]  # summaries: on the day's page
    return lines


def _month_pages(first: str, label: str, articles: list[Article], site: Site) -> list[Page]:
    """A month's articles by day, `archive_page_size` to a page (a busy month gets more pages, numbered from its oldest articles)."""
    pages = []
    for paging, chunk in paginate(first, articles, site.config.archive_page_size, from_oldest=True):
        title = paging.title(label)
        body = [f"# {title}", "", paging.head(plural(len(articles), "article")), ""] + _days(list(chunk), site) + paging.pager()
        pages.append(Page(paging.uri, "\n".join(body), meta={"title": title}, kind="archive", origin=f"archive {label} page {paging.number}"))
    return pages


def _undated_pages(articles: list[Article], site: Site) -> list[Page]:
    """Articles without a date, the most recently added first, `archive_page_size` to a page."""
    pages = []
    for paging, chunk in paginate(urls.ARCHIVE_UNDATED, articles, site.config.archive_page_size, from_oldest=True):
        title = paging.title("Undated articles")
        head = plural(len(articles), "article") + " in which no full date was found, the most recently added first"
        body = [f"# {title}", ""] + paging.section(head, article_list(chunk, site))
        pages.append(Page(paging.uri, "\n".join(body), meta={"title": title}, kind="archive", origin=f"archive undated page {paging.number}"))
    return pages


def archive_pages(site: Site) -> list[Page]:
    return [archive_index(site)] + [page for unit in archive_units(site) for page in unit.make()]


def archive_index(site: Site) -> Page:
    index = ["# Archive", "", f"{plural(len(site.listed), 'article')} by month.", ""]
    years: dict[int, list[str]] = {}
    for (year, month), articles in site.months.items():
        uri = urls.archive_month(year, month)
        years.setdefault(year, []).append(
            f"-   {md_link(month_label(year, month), urls.relative(urls.ARCHIVE_INDEX, uri))} <small>{plural(len(articles), 'article')}</small>"
        )
    for year, entries in years.items():
        index += [f"## {year}", ""] + entries + [""]
    if site.undated:
        uri = urls.ARCHIVE_UNDATED
        index += ["## Undated", "", f"-   {md_link('Articles without a date', urls.relative(urls.ARCHIVE_INDEX, uri))} <small>{plural(len(site.undated), 'article')}</small>", ""]
    return Page(urls.ARCHIVE_INDEX, "\n".join(index), meta={"title": "Archive"}, kind="index", in_nav=True)


def archive_units(site: Site, tokens: Tokens | None = None, links: tuple = ()) -> list[Unit]:
    """A unit (page.Unit) per month, its pages rendered together, and one for the undated
    articles; `links`, the site's topic links, which the undated listing links to."""
    size = site.config.archive_page_size

    def month(year: int, month: int, articles: list[Article]) -> Unit:
        first, label = urls.archive_month(year, month), month_label(year, month)
        uris = [paging.uri for paging, _ in paginate(first, articles, size, from_oldest=True)]
        return Unit("archive", uris, lambda: ("month", first, label, size, tokens(articles)),
                    lambda: _month_pages(first, label, articles, site))

    units = [month(year, number, articles) for (year, number), articles in site.months.items()]
    if site.undated:
        undated = site.undated
        uris = [paging.uri for paging, _ in paginate(urls.ARCHIVE_UNDATED, undated, size, from_oldest=True)]
        units.append(Unit("archive", uris, lambda: ("undated", size, links, tokens(undated)),
                          lambda: _undated_pages(undated, site)))
    return units
