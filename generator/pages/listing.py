"""Pieces shared by the pages that list articles: dates, article entries, headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import Article
from ..site_model import Site
from . import urls
from .escape import html_text, md_link

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


# Listings are HTML blocks inside the Markdown: Python-Markdown passes an HTML block through
# about four times faster than it parses the same list written in Markdown, and listings are
# most of a large digest's pages. Their text is HTML-escaped and their links go through
# urls.link, which render_site resolves for each page. An entry is the same wherever one site
# lists it, so during one render (`one_render`, which render_site enters) each is made once;
# outside a render nothing is kept, so no site ever shows another's dates or summaries.
@dataclass
class _Render:
    site: Site
    entries: dict[tuple[str, bool], str] = field(default_factory=dict)
    topic_links: dict[str, str] = field(default_factory=dict)


_current: ContextVar[_Render | None] = ContextVar("digest_render", default=None)


@contextmanager
def one_render(site: Site) -> Iterator[None]:
    """While rendering `site`, entries are made once and reused; they are dropped after."""
    token = _current.set(_Render(site, topic_links=urls.topic_links(site)))
    try:
        yield
    finally:
        _current.reset(token)


def article_entry(article: Article, site: Site, *, show_date: bool = True, brief: bool = False) -> str:
    """One article in a list: linked title, date and topics, then its summary (an HTML <li>);
    `brief`: the linked title and date only (see `brief_article_list`)."""
    render = _current.get()
    if render is None or render.site is not site:
        return _article_entry(article, show_date, brief, urls.topic_links(site))
    key = (article.source, show_date, brief)
    entry = render.entries.get(key)
    if entry is None:
        entry = render.entries[key] = _article_entry(article, show_date, brief, render.topic_links)
    return entry


def topic_links(site: Site) -> dict[str, str]:
    """Topic name -> its page, for the site being rendered (computed once per render)."""
    render = _current.get()
    return render.topic_links if render is not None and render.site is site else urls.topic_links(site)


def _article_entry(article: Article, show_date: bool, brief: bool, topic_links: dict[str, str]) -> str:
    title = f'<a href="{urls.link(urls.article(article.slug))}">{html_text(article.title)}</a>'
    if brief:
        date = f" <small>{long_date(article.date)}</small>" if show_date and article.date else ""
        return f"<li>{title}{date}</li>"
    facts = []
    if show_date and article.date:
        facts.append(long_date(article.date))
    for score in article.topics[:3]:
        target = topic_links.get(score.name)
        label = html_text(score.name[:1].upper() + score.name[1:])
        facts.append(f'<a href="{urls.link(target)}">{label}</a>' if target else label)
    head = f"<strong>{title}</strong>"
    if facts:
        head += "<br>\n<small>" + " · ".join(facts) + "</small>"
    summary = f"<p>{html_text(article.summary)}</p>" if article.summary else ""
    return f"<li><p>{head}</p>{summary}</li>"


def listing_key(article: Article) -> tuple:
    """All any listing shows of an article: its entry, brief or full (`_article_entry`), and what
    briefings count (its first topic, its outlet). Listings' memo inputs (pages.memo) hold the
    digest of this, not of the whole article: a new article changes the related articles and
    the entities of many others, which no listing shows, and those listings are kept. Plain data
    (memo.serialized): the date as its number."""
    return (article.slug, article.title, day_number(article.date), tuple([t.name for t in article.topics[:3]]),
            article.summary, article.outlet)


def day_number(date: dt.date | None) -> int | dt.date | None:
    """A date as a number, for memo inputs (plain data, which the memo serializes fastest);
    anything else, a datetime say, as it is."""
    return date.toordinal() if type(date) is dt.date else date


def article_list(articles: Iterable[Article], site: Site, *, show_date: bool = True) -> str:
    """An HTML list of articles: one Markdown block (no blank line inside)."""
    return html_list((article_entry(a, site, show_date=show_date) for a in articles), "digest-list")


def brief_article_list(articles: Iterable[Article], site: Site, *, show_date: bool = True) -> str:
    """Articles as linked titles with their dates, one a line: the listings of an entity's or a
    tag's pages, and the archive's months. An article is listed on the page of every entity and
    tag it has (about a dozen at 10,000 articles), so its summary and topics, which its own page,
    its day's and its topics' pages show, are left out here: they were a sixth of a large digest."""
    return html_list((article_entry(a, site, show_date=show_date, brief=True) for a in articles), "digest-list digest-list--brief")


def html_list(items: Iterable[str], css_class: str) -> str:
    """`<li>` items as one HTML block for a Markdown page."""
    return f'<ul class="{css_class}">\n' + "\n".join(items) + "\n</ul>"


def link_item(text: str, target_uri: str | None, note: str = "") -> str:
    """A name, linked when it has a page, with an optional small note (counts): an HTML <li>."""
    small = f" <small>{html_text(note)}</small>" if note else ""
    name = f'<a href="{urls.link(target_uri)}">{html_text(text)}</a>' if target_uri else html_text(text)
    return f"<li>{name}{small}</li>"


def by_day(articles: Iterable[Article]) -> list[tuple[dt.date | None, list[Article]]]:
    """Consecutive runs of articles sharing a date (articles come newest first)."""
    groups: list[tuple[dt.date | None, list[Article]]] = []
    for article in articles:
        if groups and groups[-1][0] == article.date:
            groups[-1][1].append(article)
        else:
            groups.append((article.date, [article]))
    return groups


@dataclass(frozen=True)
class Paging:
    """Where one page of a listing sits among its pages; every listing kind pages through this.

    Pages are numbered 1..count. The listing's front page (`first`, the page the site links to)
    shows the start of the listing; the others are `first`'s page-N siblings. A listing that
    grows at its front (articles, newest first: `from_oldest`) numbers its pages from the
    oldest end, so its front page is the last number and a new article changes no other page;
    a ranked index (most mentioned first) numbers from its front, page 1.

    The pager links the listing's two ends and the pages up to `WINDOW` either side of this one
    (as Material's blog and Hugo do): a digest's long topic has dozens of pages, and linking
    every one from every page made each page name the count. In a listing numbered from the
    oldest, the front is linked as "Newest", and a page more than `WINDOW` + 1 pages behind the
    front says nothing the count decides: when the front gives its oldest articles a page of
    their own, only the few pages next to it change."""

    WINDOW = 2  # pages linked on each side of this one

    first: str  # the listing's front page (src_uri)
    number: int  # 1-based
    count: int
    from_oldest: bool = False

    def key(self) -> tuple:
        """The paging as plain data, for memo inputs (memo.serialized): all the page shows of
        it, and no more (the count only where the page shows it, see `head` and `pager`)."""
        if self.is_front or not self.from_oldest:
            return (self.first, self.number, self.count, self.from_oldest, tuple(self._shown()))
        # (the front, linked as "Newest" at the listing's own address, whatever its number)
        return (self.first, self.number, None, True, tuple(-1 if n == self.count else n for n in self._shown()))

    @property
    def is_front(self) -> bool:
        return self.number == self._front

    @property
    def _front(self) -> int:
        return self.count if self.from_oldest else 1

    @property
    def uri(self) -> str:
        return self._uri(self.number)

    def _uri(self, number: int) -> str:
        return self.first if number == self._front else urls.paged(self.first, number)

    def title(self, name: str) -> str:
        """The page's title: the listing's name, with its page number on the pages after the front."""
        return name if self.is_front else f"{name} (page {self.number})"

    def head(self, sentence: str) -> str:
        """The count line that opens a listing: '7 articles, newest first (page 1 of 3).'.
        In a listing numbered from the oldest, only the front page gives `sentence` (its counts
        change with every article); the pages behind it say where they are, and nothing that a
        new article would change."""
        if self.count <= 1:
            return sentence + "."
        if not self.from_oldest:
            return sentence + f" (page {self.number} of {self.count})."
        if self.is_front:
            return sentence + f" (page {self.number} of {self.count}, numbered from the oldest)."
        return f"Page {self.number}, numbered from the oldest."

    def pager(self) -> list[str]:
        """'Pages: 1 · **2** · 3 · … · 9' linked to the other pages, in the listing's order (the
        front page first), as lines; none for a single page. See the class's docstring."""
        if self.count <= 1:
            return []
        parts = []
        for shown in self._shown():
            if shown == 0:
                parts.append("…")
                continue
            label = "Newest" if self.from_oldest and shown == self.count else str(shown)
            parts.append(f"**{label}**" if shown == self.number else md_link(label, urls.relative(self.uri, self._uri(shown))))
        return ["Pages: " + " · ".join(parts), ""]

    def _shown(self) -> list[int]:
        """The page numbers the pager names, in the listing's order, 0 where it leaves pages out."""
        if self.count <= 1:
            return []
        near = range(max(1, self.number - self.WINDOW), min(self.count, self.number + self.WINDOW) + 1)
        numbers = sorted({1, self.count, *near}, reverse=self.from_oldest)
        shown = [numbers[0]]
        for n in numbers[1:]:
            if abs(n - shown[-1]) > 1:
                shown.append(0)
            shown.append(n)
        return shown

    def section(self, sentence: str, block: str) -> list[str]:
        """The count line, the listing's block and the pager: the part every listing page shares."""
        return [self.head(sentence), "", block, ""] + self.pager()


def paginate(first: str, items: Sequence[T], size: int, *, from_oldest: bool = False) -> list[tuple[Paging, Sequence[T]]]:
    """`items` cut into pages of `size` (a validated option, at least 1), each with its Paging,
    the front page first; always at least one page, possibly empty.

    `from_oldest`, for listings whose new items come first (articles, newest first): the pages
    behind the front are fixed runs of `size` counted from the last item, and the front page
    holds the rest (from `size` to 2 * `size` - 1 items once there are several pages). A new
    item then changes only the front page, and moves no other page's URL or content, until the
    front is full and gives its oldest `size` items a page of their own."""
    if not from_oldest:
        chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
        return [(Paging(first, number, len(chunks)), chunk) for number, chunk in enumerate(chunks, start=1)]
    count = max(1, len(items) // size)
    front = len(items) - (count - 1) * size
    pages = [(Paging(first, count, count, True), items[:front])]
    for number in range(count - 1, 0, -1):  # newest first, as the listing reads
        end = len(items) - (number - 1) * size
        pages.append((Paging(first, number, count, True), items[end - size : end]))
    return pages
