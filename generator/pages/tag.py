"""Tag pages (one per tag that enough articles share) and the tags index.

A tag gets a page when at least `tag_page_min_articles` articles carry it (an option of
the plugin). Tags that differ only in case or a final plural ("Russian drone", "Russian
drones") are one tag; its name is the form most articles use (see site_model.collect_tags).
"""

from __future__ import annotations

from ..site_model import Site, TagEntry, tag_list
from . import urls
from .escape import md_link, md_text
from .listing import article_list, html_list, link_item, page_slices, pager, plural
from .page import Page

INDEX_PAGE_SIZE = 200  # tags listed on one page of the tags index


def tag_pages(entry: TagEntry, site: Site) -> list[Page]:
    """The tag's articles, newest first, `archive_page_size` to a page."""
    chunks = page_slices(entry.articles, site.config.archive_page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(urls.tag_of(entry), number)
        title = entry.name if number == 1 else f"{entry.name} (page {number})"
        head = plural(len(entry.articles), "article") + " with this tag, newest first"
        lines = [f"# {md_text(title)}", "", head + (f" (page {number} of {len(chunks)})." if len(chunks) > 1 else "."), ""]
        lines += [article_list(chunk, site), ""]
        more = pager(urls.tag_of(entry), number, len(chunks))
        lines += ([more, ""] if more else []) + [md_link("All tags", urls.relative(uri, urls.TAGS_INDEX)), ""]
        meta = {"title": title, "tag": entry.name, "articles": len(entry.articles)}
        pages.append(Page(uri, "\n".join(lines), meta=meta, kind="tag", origin=f"tag {entry.name!r} page {number}"))
    return pages


def tags_index(site: Site) -> list[Page]:
    entries = tag_list(site.tags)
    if not entries:
        n = site.config.tag_page_min_articles
        body = f"# Tags\n\nNo tag is shared by {plural(n, 'article')} yet.\n"
        return [Page(urls.TAGS_INDEX, body, meta={"title": "Tags"}, kind="index")]
    chunks = page_slices(entries, INDEX_PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = urls.paged(urls.TAGS_INDEX, number)
        title = "Tags" if number == 1 else f"Tags (page {number})"
        lines = [f"# {title}", "", f"Key phrases shared by at least {plural(site.config.tag_page_min_articles, 'article')}, "
                 "the most shared first.", ""]
        lines += [html_list((link_item(e.name, urls.tag_of(e), plural(len(e.articles), "article")) for e in chunk), "digest-names"), ""]
        more = pager(urls.TAGS_INDEX, number, len(chunks))
        lines += [more, ""] if more else []
        pages.append(Page(uri, "\n".join(lines), meta={"title": title}, kind="index", origin=f"tags page {number}"))
    return pages
