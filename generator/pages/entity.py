"""Entity pages (one per person, organization or place) and the entities index."""

from __future__ import annotations

from ..model import EntityType
from . import urls
from .escape import md_link, md_text
from .listing import article_list, long_date, plural
from .page import Page
from .site import EntityEntry, Site

CO_MENTIONS_SHOWN = 12
INDEX_SHOWN_PER_TYPE = 50


def entity_page(entry: EntityEntry, site: Site) -> Page:
    uri = entry.src_uri
    lines = [f"# {md_text(entry.name)}", ""]
    kind = entry.type.value.capitalize()
    roles = [role for role, _ in entry.roles.most_common(3)]
    lines.append(f'<p class="digest-entity-kind">{md_text(kind)}' + (f" · {md_text(roles[0])}" if roles else "") + "</p>")
    lines.append("")
    if entry.description:
        lines += [md_text(entry.description), ""]
    if entry.link and entry.link.startswith(("https://", "http://")):
        lines += [f"[{md_text(entry.link)}](<{entry.link}>)", ""]

    facts = [("Articles", f"{len(entry.articles):,}"), ("Mentions", f"{entry.mentions:,}")]
    dates = entry.dates
    if dates:
        facts.append(("First seen", long_date(dates[0])))
        facts.append(("Last seen", long_date(dates[-1])))
    if roles:
        facts.append(("Roles", "; ".join(md_text(r) for r in roles)))
    aliases = [alias for alias, _ in sorted(entry.aliases.items(), key=lambda kv: (-kv[1], kv[0]))][:8]
    if aliases:
        facts.append(("Also written", "; ".join(md_text(a) for a in aliases)))
    lines += ["| | |", "| --- | --- |"] + [f"| {label} | {value} |" for label, value in facts] + [""]

    lines += [f"## Articles", "", article_list(entry.articles, uri, topic_links=_topic_links(site)), ""]

    related = [
        (site.entities[key], n)
        for key, n in sorted(entry.co_mentions.items(), key=lambda kv: (-kv[1], kv[0][1]))
        if key in site.entities and site.entities[key].has_page
    ][:CO_MENTIONS_SHOWN]
    if related:
        lines += ["## Mentioned alongside", ""]
        for other, n in related:
            link = md_link(other.name, urls.relative(uri, other.src_uri))
            lines.append(f"-   {link} <small>{md_text(other.type.value)} · {plural(n, 'article')}</small>")
        lines.append("")
    meta = {"title": entry.name, "entity_type": entry.type.value, "articles": len(entry.articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="entity", origin=f"entity {entry.name!r}")


def _topic_links(site: Site) -> dict[str, str]:
    return {t.name: t.src_uri for t in site.topics.values() if t.articles}


def _entity_line(entry: EntityEntry, from_uri: str) -> str:
    link = md_link(entry.name, urls.relative(from_uri, entry.src_uri))
    return f"-   {link} <small>{plural(len(entry.articles), 'article')}</small>"


def entity_type_index(type_: EntityType, site: Site) -> Page:
    uri = urls.entity_type_index(type_)
    entries = site.entities_of(type_)
    lines = [f"# {type_.label}", "", f"{plural(len(entries), type_.value, type_.plural)}, most mentioned first.", ""]
    lines += [_entity_line(e, uri) for e in entries]
    return Page(uri, "\n".join(lines) + "\n", meta={"title": type_.label}, kind="index")


def entities_index(site: Site) -> Page:
    uri = urls.ENTITIES_INDEX
    lines = ["# Entities", "", "People, organizations and places in the articles, most mentioned first.", ""]
    for type_ in EntityType:
        entries = site.entities_of(type_)
        lines += [f"## {type_.label}", ""]
        if not entries:
            lines += [f"No {type_.plural} yet.", ""]
            continue
        lines += [_entity_line(e, uri) for e in entries[:INDEX_SHOWN_PER_TYPE]]
        lines += ["", md_link(f"All {plural(len(entries), type_.value, type_.plural)}", urls.relative(uri, urls.entity_type_index(type_))), ""]
    return Page(uri, "\n".join(lines), meta={"title": "Entities"}, kind="index", in_nav=True)
