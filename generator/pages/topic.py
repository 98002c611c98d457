"""Topic pages and the topics index."""

from __future__ import annotations

from . import urls
from .escape import md_link, md_text
from .listing import article_list, plural
from .page import Page
from .site import Site, TopicEntry

ENTITIES_SHOWN = 15


def display_name(name: str) -> str:
    return name[:1].upper() + name[1:]


def topic_page(entry: TopicEntry, site: Site) -> Page:
    uri = entry.src_uri
    lines = [f"# {md_text(display_name(entry.name))}", ""]
    if entry.topic.description:
        lines += [md_text(entry.topic.description), ""]
    children = [site.topics[c] for c in entry.children if site.topics[c].articles]
    if children:
        lines += ["Sub-topics: " + " · ".join(md_link(display_name(c.name), urls.relative(uri, c.src_uri)) for c in children), ""]
    topic_links = {t.name: t.src_uri for t in site.topics.values() if t.articles}
    lines += [f"## Articles", "", plural(len(entry.articles), "article") + ", newest first.", ""]
    lines += [article_list(entry.articles, uri, topic_links=topic_links), ""]
    present = [
        (site.entities[key], n)
        for key, n in sorted(entry.entities.items(), key=lambda kv: (-kv[1], kv[0][1]))
        if key in site.entities and site.entities[key].has_page
    ][:ENTITIES_SHOWN]
    if present:
        lines += ["## Most present", ""]
        for other, n in present:
            link = md_link(other.name, urls.relative(uri, other.src_uri))
            lines.append(f"-   {link} <small>{md_text(other.type.value)} · {plural(n, 'article')}</small>")
        lines.append("")
    meta = {"title": display_name(entry.name), "topic_code": entry.topic.code, "articles": len(entry.articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="topic", origin=f"topic {entry.name!r}")


def topics_index(site: Site) -> Page:
    uri = urls.TOPICS_INDEX
    lines = ["# Topics", ""]
    entries = site.topic_list()
    if not entries:
        lines.append("No topics yet.")
    for entry in entries:
        if entry.topic.parent and any(t.topic.code == entry.topic.parent for t in entries):
            continue  # listed under its parent
        lines.append(f"-   {md_link(display_name(entry.name), urls.relative(uri, entry.src_uri))} <small>{plural(len(entry.articles), 'article')}</small>")
        for child in entry.children:
            c = site.topics[child]
            if c.articles:
                lines.append(f"    -   {md_link(display_name(c.name), urls.relative(uri, c.src_uri))} <small>{plural(len(c.articles), 'article')}</small>")
    return Page(uri, "\n".join(lines) + "\n", meta={"title": "Topics"}, kind="index", in_nav=True)
