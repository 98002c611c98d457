"""The home page, written like a briefing: the latest articles by day, and what they are about."""

from __future__ import annotations

from . import urls
from .escape import md_link
from .listing import article_list, by_day, day_heading, plural
from .page import Page
from .site import Site
from .topic import display_name


def home_page(site: Site, site_name: str = "Briefing") -> Page:
    uri = urls.HOME
    topic_links = {t.name: t.src_uri for t in site.topics.values() if t.articles}
    latest = site.articles[: site.config.home_articles]
    lines = ["# Latest", ""]
    if not latest:
        lines += ["No articles yet: drop a `.txt` or `.md` file into the content folder.", ""]
    for date, group in by_day(latest):
        lines += [f"## {day_heading(date) if date else 'Undated'}", ""]
        lines += [article_list(group, uri, show_date=False, topic_links=topic_links), ""]
    if len(site.articles) > len(latest):
        lines += [md_link(f"All {plural(len(site.articles), 'article')} in the archive", urls.relative(uri, urls.ARCHIVE_INDEX)), ""]
    topics = site.topic_list()
    if topics:
        lines += ["## Topics", ""]
        lines.append(" · ".join(f"{md_link(display_name(t.name), urls.relative(uri, t.src_uri))} ({len(t.articles)})" for t in topics))
        lines.append("")
    return Page(uri, "\n".join(lines), meta={"title": site_name}, kind="home", in_nav=True)
