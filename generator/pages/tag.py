"""Tag pages (one per tag that enough articles share) and the tags index.

A tag gets a page when at least `tag_page_min_articles` articles carry it (an option of
the plugin). Tags that differ only in case or a final plural ("Russian drone", "Russian
drones") are one tag; its name is the form most articles use (see site_model.collect_tags).
"""

from __future__ import annotations

from ..site_model import Site, TagEntry, tag_list
from . import urls
from .escape import md_link, md_text
from .listing import brief_article_list, html_list, link_item, paginate, plural
from .page import Page

INDEX_PAGE_SIZE = 200  # tags listed on one page of the tags index


def tag_pages(entry: TagEntry, site: Site) -> list[Page]:
    """The tag's articles, newest first, `archive_page_size` to a page."""
    pages = []
    for paging, chunk in paginate(urls.tag_of(entry), entry.articles, site.config.archive_page_size, from_oldest=True):
        title = paging.title(entry.name)
        head = plural(len(entry.articles), "article") + " with this tag, newest first"
        lines = [f"# {md_text(title)}", ""] + paging.section(head, brief_article_list(chunk, site))
        lines += [md_link("All tags", urls.relative(paging.uri, urls.TAGS_INDEX)), ""]
        meta = {"title": title, "tag": entry.name}
        if paging.is_front:  # the count on the pages behind would change them with every article
            meta["articles"] = len(entry.articles)
        pages.append(Page(paging.uri, "\n".join(lines), meta=meta, kind="tag", origin=f"tag {entry.name!r} page {paging.number}"))
    return pages


def tag_inputs(entry: TagEntry, site: Site, tokens: list[str]) -> tuple:
    """Everything a tag's pages are rendered from besides its articles, which `tokens` stand for (pages.memo)."""
    return ("tag", urls.tag_of(entry), entry.name, site.config.archive_page_size, tokens)


def tag_uris(entry: TagEntry, site: Site) -> list[str]:
    return [paging.uri for paging, _ in paginate(urls.tag_of(entry), entry.articles, site.config.archive_page_size,
                                                 from_oldest=True)]


def tags_index(site: Site) -> list[Page]:
    entries = tag_list(site.tags)
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
