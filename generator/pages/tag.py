"""Tag pages (one per tag that enough articles share) and the tags index.

A tag gets a page when at least `tag_page_min_articles` articles carry it (an option of
the plugin). Tags that differ only in case or a final plural ("Russian drone", "Russian
drones") are one tag; its name is the form most articles use (see site_model.collect_tags).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..site_model import Site, TagEntry
from . import urls
from .escape import md_link, md_text
from .listing import Paging, brief_article_list, html_list, link_item, paginate, plural
from .page import Page, Tokens, Unit

INDEX_PAGE_SIZE = 200  # tags listed on one page of the tags index


def tag_pages(entry: TagEntry, site: Site) -> list[Page]:
    """The tag's articles, newest first, `archive_page_size` to a page."""
    return [page for unit in tag_units(entry, site) for page in unit.make()]


def tag_units(entry: TagEntry, site: Site, tokens: Tokens | None = None) -> list[Unit]:
    """One unit (page.Unit) per page of the tag: the pages behind the front hold fixed runs of
    its older articles (see listing.paginate), so a new article changes only the front."""

    def unit(paging: Paging, chunk: Sequence[Article]) -> Unit:
        def inputs() -> tuple:
            total = len(entry.articles) if paging.is_front else None  # only the front page counts them
            return ("tag", paging.key(), entry.name, urls.tag_of(entry), total, tokens(chunk))

        return Unit("tag", [paging.uri], inputs, lambda: [_tag_page(entry, paging, chunk, site)])

    size = site.config.archive_page_size
    return [unit(paging, chunk) for paging, chunk in paginate(urls.tag_of(entry), entry.articles, size, from_oldest=True)]


def _tag_page(entry: TagEntry, paging: Paging, chunk: Sequence[Article], site: Site) -> Page:
    title = paging.title(entry.name)
    head = plural(len(entry.articles), "article") + " with this tag, newest first"
    lines = [f"# {md_text(title)}", ""] + paging.section(head, brief_article_list(chunk, site))
    lines += [md_link("All tags", urls.relative(paging.uri, urls.TAGS_INDEX)), ""]
    meta = {"title": title, "tag": entry.name}
    if paging.is_front:  # the count on the pages behind would change them with every article
        meta["articles"] = len(entry.articles)
    return Page(paging.uri, "\n".join(lines), meta=meta, kind="tag", origin=f"tag {entry.name!r} page {paging.number}")


def tags_index(site: Site) -> list[Page]:
    entries = site.tag_list
    if not entries:
        n = site.config.tag_page_min_articles
        body = f"# Tags\n\nNo tag is shared by {plural(n, 'article')} yet.\n"
        return [Page(urls.TAGS_INDEX, body, meta={"title": "Tags"}, kind="index")]
    pages = []
    for paging, chunk in paginate(urls.TAGS_INDEX, entries, INDEX_PAGE_SIZE):
        title = paging.title("Tags")
        lines = [f"# {title}", "", f"Key phrases shared by at least {plural(site.config.tag_page_min_articles, 'article')}, "
                 "the most shared first.", ""]
        lines += [html_list((link_item(e.name, urls.tag_of(e), plural(len(e.articles), "article")) for e in chunk), "digest-names"), ""]
        lines += paging.pager()
        pages.append(Page(paging.uri, "\n".join(lines), meta={"title": title}, kind="index", origin=f"tags page {paging.number}"))
    return pages
