"""Entity pages (one per person, organization or place) and the entities index.

An entity page shows the entity's name and type, the owner's description and link (from
`content/entities.yml`), the roles and other spellings seen in the articles, how many
articles name it and when it was first and last seen, a small chart of articles over
time (an SVG drawn here, no JavaScript), quotations attributed to a person, the entities
most often named alongside it, and its articles newest first with date and summary.
Only entities in at least `entity_page_min_articles` articles get a page, and in a digest of more than
`all_entity_pages_up_to` articles, only those in two or more; the indexes list every entity.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Sequence

from ..model import Article, EntityType
from ..site_model import EntityEntry, Site
from . import urls
from .escape import html_text, md_link, md_text
from .listing import MONTH_NAMES, Paging, brief_article_list, day_number, html_list, link_item, long_date, paginate, plural
from .page import Page, Tokens, Unit

CO_MENTIONS_SHOWN = 12
INDEX_SHOWN_PER_TYPE = 50
INDEX_PAGE_SIZE = 200
ROLES_SHOWN = 5
ALIASES_SHOWN = 8
QUOTES_SHOWN = 10

# The chart: one bar per day, month or year, whichever gives at most MAX_BARS bars.
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM = 640, 100, 4, 1
MAX_BARS = 60


def entity_page(entry: EntityEntry, site: Site) -> Page:
    uri = urls.entity_of(entry)
    lines = [f"# {md_text(entry.name)}", ""]
    roles = [role for role, _ in sorted(entry.roles.items(), key=lambda kv: (-kv[1], kv[0]))][:ROLES_SHOWN]
    kind = entry.type.value.capitalize() + (f" · {roles[0]}" if roles else "")
    lines += [f'<p class="digest-entity-kind">{html_text(kind)}</p>', ""]
    if entry.description:
        lines += [md_text(entry.description), ""]
    if entry.link and entry.link.startswith(("https://", "http://")):
        lines += [f"[{md_text(entry.link)}](<{entry.link}>)", ""]

    facts = [("Type", entry.type.value), ("Articles", f"{len(entry.articles):,}"), ("Mentions", f"{entry.mentions:,}")]
    dates = entry.dates
    if dates:
        facts += [("First seen", long_date(dates[0])), ("Last seen", long_date(dates[-1]))]
    if roles:
        facts.append(("Roles", "; ".join(roles)))
    aliases = [alias for alias, _ in sorted(entry.aliases.items(), key=lambda kv: (-kv[1], kv[0]))][:ALIASES_SHOWN]
    if aliases:
        facts.append(("Also written", "; ".join(aliases)))
    rows = "".join(f"<tr><th>{label}</th><td>{html_text(value)}</td></tr>" for label, value in facts)
    lines += [f"<table><tbody>{rows}</tbody></table>", ""]  # no class: Material styles plain tables

    if dates:
        lines += ["## In the news", "", mentions_chart(dates, entry.name), ""]

    quotes = _quotes(entry)
    if quotes:
        items = []
        for quote, article in quotes:
            when = f", {long_date(article.date)}" if article.date else ""
            link = f'<a href="{urls.link(urls.article(article.slug))}">{html_text(article.title)}</a>'
            items.append(f"<li><p>“{html_text(quote)}”<br>\n<small>{link}{when}</small></p></li>")
        lines += ["## Quotes", "", html_list(items, "digest-quotes"), ""]

    related = co_mentioned(entry, site)
    if related:
        items = (link_item(name, uri, f"{type_} · {plural(n, 'article')}") for name, type_, uri, n in related)
        lines += ["## Mentioned alongside", "", html_list(items, "digest-names"), ""]

    lines += ["## Articles", ""] + _articles_section(entry, site, *_article_pages(entry, site)[0])
    meta = {"title": entry.name, "entity_type": entry.type.value, "articles": len(entry.articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="entity", origin=f"entity {entry.name!r}")


def co_mentioned(entry: EntityEntry, site: Site) -> list[tuple[str, str, str, int]]:
    """The entities most often named alongside `entry` that have a page: (name, type, page, articles)."""
    entities = site.entities
    items = entry.co_mentions.items()
    if len(items) > CO_MENTIONS_SHOWN:
        # A much-named entity has hundreds of co-mentions: only those named alongside it at least
        # as often as the CO_MENTIONS_SHOWN-th most can be shown, and when enough of them have a
        # page, they are ranked alone (every other has a lower count, and ranks after them).
        least = sorted(entry.co_mentions.values(), reverse=True)[CO_MENTIONS_SHOWN - 1]
        top = [(key, n) for key, n in items if n >= least and key in entities and entities[key].has_page]
        if len(top) >= CO_MENTIONS_SHOWN:
            items = top
    # Those with a page first, then the few shown. EntityType is a str enum: members order as their values.
    shown = heapq.nsmallest(CO_MENTIONS_SHOWN, ((key, n) for key, n in items if key in entities and entities[key].has_page),
                            key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))
    return [(entities[key].name, key[0].value, urls.entity_of(entities[key]), n) for key, n in shown]


def entity_inputs(entry: EntityEntry, site: Site, tokens: bytes) -> tuple:
    """Everything an entity's page is rendered from besides its articles as listings show them,
    which `tokens` stand for (pages.memo): all of them, not only those its list shows, as the
    chart shows the dates of all (the tokens hold the dates: turning 100,000 dates at 10,000
    articles into numbers cost ten times joining the tokens); what comes from elsewhere
    (content/entities.yml, the entities named alongside, the quotations and the articles they
    link) is in as it is shown."""
    # Dates as numbers: plain data (memo.serialized).
    quotes = [(quote, a.slug, a.title, day_number(a.date)) for quote, a in _quotes(entry)]
    return ("entity", urls.entity_of(entry), entry.name, entry.type.value, entry.description, entry.link,
            entry.mentions, sorted(entry.roles.items()), sorted(entry.aliases.items()), co_mentioned(entry, site),
            quotes, site.config.archive_page_size, len(entry.articles), tokens)


def entity_units(entry: EntityEntry, site: Site, tokens: Tokens) -> list[Unit]:
    """The entity's page, then one unit (page.Unit) per page behind it: those hold fixed runs of
    its older articles, and a new article changes none of them until the front page is full."""
    pages = _article_pages(entry, site)
    front = Unit("entity", [urls.entity_of(entry)], lambda: entity_inputs(entry, site, tokens(entry.articles)),
                 lambda: [entity_page(entry, site)])

    def more(paging: Paging, shown: Sequence[Article]) -> Unit:
        def inputs() -> tuple:
            return ("entity-more", paging.key(), entry.name, entry.type.value, urls.entity_of(entry), tokens(shown))

        return Unit("entity", [paging.uri], inputs, lambda: [_more_page(entry, site, paging, shown)])

    return [front] + [more(paging, shown) for paging, shown in pages[1:]]


def entity_more_pages(entry: EntityEntry, site: Site) -> list[Page]:
    """The pages behind the entity's page, its older articles, so no page grows with the corpus
    (numbered from the oldest: see listing.paginate)."""
    return [_more_page(entry, site, paging, shown) for paging, shown in _article_pages(entry, site)[1:]]


def _more_page(entry: EntityEntry, site: Site, paging: Paging, shown: Sequence[Article]) -> Page:
    title = paging.title(entry.name)
    back = md_link(entry.name, urls.relative(paging.uri, urls.entity_of(entry)))
    lines = [f"# {md_text(title)}", "", f"Back to {back}.", ""] + _articles_section(entry, site, paging, shown)
    meta = {"title": title, "entity_type": entry.type.value}  # no count: it would change this page with every article
    return Page(paging.uri, "\n".join(lines), meta=meta, kind="entity", origin=f"entity {entry.name!r} page {paging.number}")


def _article_pages(entry: EntityEntry, site: Site) -> list[tuple[Paging, Sequence[Article]]]:
    return paginate(urls.entity_of(entry), entry.articles, site.config.archive_page_size, from_oldest=True)


def _articles_section(entry: EntityEntry, site: Site, paging: Paging, shown: Sequence[Article]) -> list[str]:
    return paging.section(plural(len(entry.articles), "article") + ", newest first", brief_article_list(shown, site))


def _quotes(entry: EntityEntry) -> list:
    """A person's quotations, newest article first, each once."""
    if entry.type is not EntityType.PERSON:
        return []
    seen: set[str] = set()
    out = []
    for quote, article in entry.quotes:  # entry.articles, and so quotes, come newest first
        if quote not in seen:
            seen.add(quote)
            out.append((quote, article))
            if len(out) == QUOTES_SHOWN:  # a much-quoted person has thousands
                break
    return out


# --- the chart ---------------------------------------------------------------------


def _buckets(dates: list[dt.date]) -> tuple[list[tuple[str, int]], str]:
    """(label, articles) per day, month or year from the first date to the last, and the unit."""
    first, last = dates[0], dates[-1]
    counts: Counter = Counter()
    if (last - first).days < MAX_BARS:
        for d in dates:
            counts[d] += 1
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return [(long_date(d), counts[d]) for d in days], "day"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_BARS:
        for d in dates:
            counts[(d.year, d.month)] += 1
        keys = [((first.year * 12 + first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1) for i in range(months)]
        return [(f"{MONTH_NAMES[m - 1]} {y}", counts[(y, m)]) for y, m in keys], "month"
    for d in dates:
        counts[d.year] += 1
    return [(str(y), counts[y]) for y in range(first.year, last.year + 1)], "year"


def mentions_chart(dates: list[dt.date], name: str) -> str:
    """An inline SVG bar chart of articles per day, month or year. `dates` are sorted."""
    buckets, unit = _buckets(dates)
    peak = max(n for _, n in buckets)
    plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = CHART_WIDTH / len(buckets)
    bar = min(max(1.0, step * 0.8), 24.0)
    summary = f"Articles naming {name} per {unit}, {buckets[0][0]} to {buckets[-1][0]}; at most {peak} in one {unit}."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="digest-chart" role="img" width="100%" '
        f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" style="max-width:{CHART_WIDTH}px;height:auto" '
        f'aria-label="{html_text(summary)}">',
        f"<title>{html_text(summary)}</title>",
        f'<line x1="0" y1="{CHART_HEIGHT - CHART_BOTTOM}" x2="{CHART_WIDTH}" y2="{CHART_HEIGHT - CHART_BOTTOM}" '
        f'stroke="currentColor" stroke-opacity="0.3"/>',
    ]
    for i, (label, n) in enumerate(buckets):
        if not n:
            continue
        height = max(1.0, plot * n / peak)
        x = i * step + (step - bar) / 2
        y = CHART_HEIGHT - CHART_BOTTOM - height
        tip = html_text(f"{label}: " + plural(n, "article"))
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="currentColor" fill-opacity="0.6">'
            f"<title>{tip}</title></rect>"
        )
    parts.append("</svg>")
    # The labels are HTML around the drawing, not SVG text: text inside the SVG shrinks with it
    # (to about 6 px on a phone), HTML text keeps the page's size at every width.
    peak_note = f'<span class="digest-entity-chart__peak">{html_text(plural(peak, "article"))} per {unit} at most</span>'
    axis = [f"<span>{html_text(buckets[0][0])}</span>"]
    if len(buckets) > 1:
        axis.append(f"<span>{html_text(buckets[-1][0])}</span>")
    parts = [peak_note, *parts, f'<span class="digest-entity-chart__axis" aria-hidden="true">{"".join(axis)}</span>']
    # One raw HTML block on one line: Markdown passes it through untouched.
    return f'<div class="digest-entity-chart">{"".join(parts)}</div>'


# --- indexes -----------------------------------------------------------------------


def _entity_item(entry: EntityEntry) -> str:
    """An entity in an index: linked when it has a page, its name as plain text when not."""
    note = f"{plural(len(entry.articles), 'article')} · {plural(entry.mentions, 'mention')}"
    return link_item(entry.name, urls.entity_of(entry) if entry.has_page else None, note)


def entity_type_index(type_: EntityType, site: Site) -> list[Page]:
    """All entities of one type, most mentioned first, INDEX_PAGE_SIZE to a page."""
    entries = site.entities_of(type_, with_page_only=False)
    pages = []
    for paging, chunk in paginate(urls.entity_type_index(type_), entries, INDEX_PAGE_SIZE):
        title = paging.title(type_.label)
        head = f"{plural(len(entries), type_.value, type_.plural)}, most mentioned first"
        lines = [f"# {title}", ""] + paging.section(head, html_list((_entity_item(e) for e in chunk), "digest-names"))
        pages.append(Page(paging.uri, "\n".join(lines), meta={"title": title}, kind="index", origin=f"{type_.plural} page {paging.number}"))
    return pages


def entities_index(site: Site) -> Page:
    uri = urls.ENTITIES_INDEX
    lines = ["# Entities", "", "People, organizations and places in the articles, most mentioned first.", ""]
    for type_ in EntityType:
        entries = site.entities_of(type_, with_page_only=False)
        lines += [f"## {type_.label}", ""]
        if not entries:
            lines += [f"No {type_.plural} yet.", ""]
            continue
        lines += [html_list((_entity_item(e) for e in entries[:INDEX_SHOWN_PER_TYPE]), "digest-names")]
        lines += ["", md_link(f"All {plural(len(entries), type_.value, type_.plural)}", urls.relative(uri, urls.entity_type_index(type_))), ""]
    return Page(uri, "\n".join(lines), meta={"title": "Entities"}, kind="index", in_nav=True)
