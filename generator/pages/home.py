"""The home page, written like a briefing: who is in the news, the latest articles by day, the topics.

"The past week" and "the past month" end on the newest article's date, never on
today's: the same articles always make the same home page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..model import Article, EntityType
from ..site_model import EntityEntry, EntityKey, Site
from . import urls
from .briefing import home_lead
from .escape import md_link, md_text
from .listing import by_day, day_heading, long_date, plural, topic_links
from .page import Page
from .topic import display_name

NEWS_WINDOWS = ((7, "past week"), (30, "past month"))  # days, ending on the newest article's date
NEWS_SHOWN = 6  # entities of each type in a window
KEY_ENTITIES = 5  # entities shown with each article
ARTICLE_TOPICS = 3
HOME_UNDATED = 10  # undated articles on the home page, at least


@dataclass(frozen=True)
class InTheNews:
    label: str  # "past week"
    first: dt.date
    last: dt.date
    articles: int
    entities: dict[EntityType, list[tuple[EntityEntry, int]]]  # entity, articles mentioning it


def in_the_news(site: Site, days: int, label: str = "") -> InTheNews | None:
    """The entities in the most articles dated within `days` days up to the newest article's date."""
    dated = [a for a in site.listed if a.date]
    if not dated:
        return None
    last = max(a.date for a in dated)
    first = last - dt.timedelta(days=days - 1)
    window = [a for a in dated if a.date >= first]
    in_articles: Counter[EntityKey] = Counter()
    mentions: Counter[EntityKey] = Counter()
    for article in window:
        for mention in article.entities:
            key = (mention.type, mention.name)
            in_articles[key] += 1
            mentions[key] += mention.count
    ranked: dict[EntityType, list[tuple[EntityEntry, int]]] = {}
    for type_ in EntityType:
        keys = [k for k in in_articles if k[0] is type_ and site.entity_page(*k)]
        keys.sort(key=lambda k: (-in_articles[k], -mentions[k], k[1].casefold(), k[1]))
        ranked[type_] = [(site.entities[k], in_articles[k]) for k in keys[:NEWS_SHOWN]]
    return InTheNews(label, first, last, len(window), ranked)


def news_windows(site: Site) -> list[InTheNews]:
    """The past week, and the past month when it holds more articles than the week."""
    result: list[InTheNews] = []
    for days, label in NEWS_WINDOWS:
        news = in_the_news(site, days, label)
        if news and (not result or news.articles > result[-1].articles):
            result.append(news)
    return result


def key_entities(article: Article, site: Site) -> list[EntityEntry]:
    """The article's most mentioned entities that have a page."""
    mentions = sorted(article.entities, key=lambda m: -m.count)  # stable: ties keep the article's order
    entries = [site.entity_page(m.type, m.name) for m in mentions]
    return [e for e in entries if e is not None][:KEY_ENTITIES]


def _chip(text: str, from_uri: str, to_uri: str, extra: str = "") -> str:
    return md_link(text, urls.relative(from_uri, to_uri)) + "{ .digest-chip" + extra + " }"


def briefing_entry(article: Article, site: Site, uri: str, links: dict[str, str]) -> str:
    """One article: linked title; topics and reading time; summary; key entities."""
    link = md_link(article.title, urls.relative(uri, urls.article(article.slug)))
    facts: list[str] = []
    for name in article.topic_names[:ARTICLE_TOPICS]:
        target = links.get(name)
        facts.append(md_link(display_name(name), urls.relative(uri, target)) if target else md_text(display_name(name)))
    if article.reading_time:
        facts.append(f"{article.reading_time} min read")
    # Python-Markdown needs four spaces to continue a list item.
    entry = f"-   **{link}**"
    if facts:
        entry += "  \n    <small>" + " · ".join(facts) + "</small>"
    if article.summary:
        entry += f"\n\n    {md_text(article.summary)}"
    entities = key_entities(article, site)
    if entities:
        chips = " ".join(_chip(e.name, uri, urls.entity_of(e)) for e in entities)
        entry += f"\n\n    {chips}\n    {{ .digest-entities-line }}"
    return entry


def news_section(news: list[InTheNews], uri: str) -> list[str]:
    if not news or not any(news[0].entities.values()):
        return []
    lines = ["## In the news", ""]
    for window in news:
        if len(news) > 1:
            lines += [f"### The {window.label}", ""]
        span = f"{long_date(window.first)} to {long_date(window.last)}"
        lines += [f"In the most articles from {span} ({plural(window.articles, 'article')}).", ""]
        for type_ in EntityType:
            ranked = window.entities[type_]
            if not ranked:
                continue
            chips = " ".join(_counted(_chip(e.name, uri, urls.entity_of(e)), n) for e, n in ranked)
            lines += [f'<span class="digest-news__type">{type_.label}</span> <span class="digest-news__items">{chips}</span>',
                      "{ .digest-news }", ""]
    return lines


def home_page(site: Site, site_name: str = "Briefing", feeds: bool = False) -> Page:
    """The home page; `feeds` says whether feed.xml and feed.json exist to link to."""
    uri = urls.HOME
    links = topic_links(site)
    articles = site.listed
    dated = [a for a in articles if a.date]
    latest = dated[: site.config.home_articles]
    # Undated articles have their own section, however many dated ones there are: in a digest
    # of mostly undated files they would otherwise never reach the front page.
    undated = site.undated[: max(HOME_UNDATED, site.config.home_articles - len(latest))]
    lines = [f"# {md_text(site_name)}", ""]
    if latest:
        lede = f"{plural(len(articles), 'article')}, the newest from {day_heading(latest[0].date)}."
    else:
        lede = plural(len(articles), "article") + "."
    if feeds:
        lede += " Follow: " + " · ".join([md_link("RSS", urls.relative(uri, urls.FEED_RSS)),
                                          md_link("JSON Feed", urls.relative(uri, urls.FEED_JSON))])
    lines += [lede, "{ .digest-lede }", ""]
    lines += home_lead(site, uri)
    lines += news_section(news_windows(site), uri)
    if not articles:
        lines += ["No articles yet: drop a `.txt` or `.md` file into the content folder.", ""]
    for date, group in by_day(latest):
        lines += [f"## {day_heading(date)}", ""]
        lines += ["\n\n".join(briefing_entry(a, site, uri, links) for a in group), ""]
    if len(dated) > len(latest):
        lines += [md_link(f"All {plural(len(dated), 'dated article')} in the archive", urls.relative(uri, urls.ARCHIVE_INDEX)), ""]
    if undated:
        lines += ["## Undated", "", f"{plural(len(site.undated), 'article')} without a date, the most recently added first.", ""]
        lines += ["\n\n".join(briefing_entry(a, site, uri, links) for a in undated), ""]
        if len(site.undated) > len(undated):
            lines += [md_link(f"All {plural(len(site.undated), 'undated article')}", urls.relative(uri, urls.ARCHIVE_UNDATED)), ""]
    topics = site.topic_list()
    if topics:
        lines += ["## Topics", ""]
        lines.append(" ".join(_counted(_chip(display_name(t.name), uri, urls.topic_of(t), " .digest-chip--topic"), len(t.articles))
                              for t in topics))
        lines += ["{ .digest-topics }", ""]
    return Page(uri, "\n".join(lines), meta={"title": site_name}, kind="home", in_nav=True)


def _counted(chip: str, count: int) -> str:
    """A chip and its count, kept on one line (a count alone at the start of a line reads as noise)."""
    return f'<span class="digest-counted">{chip} <small>{count}</small></span>'
