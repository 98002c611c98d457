"""Daily and weekly briefings (`days/YYYY-MM-DD/`, `weeks/YYYY-Www/`) and the home page's lead.

A briefing ranks the stories of its day or week by coverage there (articles, then sources),
lists its articles, the entities new that day (first named in the digest then) and its topics,
and links the previous and next briefing. Days and weeks are those of the articles' dates
(ISO weeks), never the build's clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..model import Article, EntityType
from ..site_model import EntityEntry, Site, StoryEntry
from . import urls
from .escape import html_text, md_link, md_text
from .listing import MONTH_NAMES, article_list, day_heading, day_number, html_list, long_date, plural, topic_links
from .page import Page, Tokens, Unit
from .topic import display_name

STORIES_SHOWN = 10
NEW_SHOWN = 10  # entities new that day
HOME_STORIES = 3  # stories named in the home page's lead


def days(site: Site) -> dict[dt.date, list[Article]]:
    """Listed articles by date, oldest day first (each day's articles in site order)."""
    return site.listed_by_date


def week_of(date: dt.date) -> tuple[int, int]:
    year, week, _ = date.isocalendar()
    return year, week


def ranked_stories(site: Site, articles: Sequence[Article]) -> list[tuple[StoryEntry, int, int]]:
    """(story, its articles among `articles`, their sources), most covered first."""
    here: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.story and article.story.key in site.stories:
            here[article.story.key].append(article)
    ranked = [(site.stories[key], len(group), _outlets(group)) for key, group in here.items()]
    return sorted(ranked, key=lambda r: (-r[1], -r[2], -len(r[0].articles), r[0].title.casefold(), r[0].key))


def _outlets(articles: Sequence[Article]) -> int:
    """How many known outlets published `articles` (see `Article.outlet`)."""
    return len({a.outlet for a in articles if a.outlet})


def _from(sources: int) -> str:
    return f" from {plural(sources, 'source')}" if sources else ""


def new_entities(site: Site) -> dict[dt.date, list[EntityEntry]]:
    """Per day, the entities (with a page) first named in a dated listed article that day, the
    most named that day (in the most of its articles) first, NEW_SHOWN of them. Found from each
    entity's articles, which are all the listed articles naming it: counting the names in every
    day's articles to find the few new ones cost ten times as much."""
    found: dict[dt.date, list[tuple[EntityEntry, int]]] = defaultdict(list)
    for entry in site.entities.values():
        if entry.has_page:
            first = min([a.date for a in entry.articles if a.date], default=None)
            if first:
                articles = {id(a) for a in entry.articles if a.date == first}  # an article once
                found[first].append((entry, len(articles)))
    order = {type_: i for i, type_ in enumerate(EntityType)}
    return {date: [entry for entry, _ in sorted(entries, key=lambda en: (-en[1], order[en[0].type], en[0].name.casefold(),
                                                                         en[0].name))][:NEW_SHOWN]
            for date, entries in found.items()}


def _stories_section(site: Site, articles: Sequence[Article], uri: str, period: str) -> list[str]:
    ranked = ranked_stories(site, articles)[:STORIES_SHOWN]
    if not ranked:
        return []
    items = []
    for story, n, sources in ranked:
        note = f"{plural(n, 'article')} {period}{_from(sources)} · {plural(len(story.articles), 'article')} in all"
        items.append(f'<li><a href="{urls.link(urls.story_of(story))}">{html_text(story.title)}</a> '
                     f'<small>{html_text(note)}</small></li>')
    return ["## Stories", "", html_list(items, "digest-list"), ""]


def _topics_section(site: Site, articles: Sequence[Article], uri: str) -> list[str]:
    counts = Counter(a.topic_names[0] for a in articles if a.topics)
    if not counts:
        return []
    links = topic_links(site)
    items = [(md_link(display_name(name), urls.relative(uri, links[name])) if name in links else md_text(display_name(name)))
             + f" <small>{n}</small>" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ["## Topics", "", " · ".join(items), ""]


def _new_section(entries: list) -> list[str]:
    items = [f'<li><a href="{urls.link(urls.entity_of(entry))}">{html_text(entry.name)}</a> '
             f'<small>{html_text(entry.type.value)}</small></li>' for entry in entries]
    return ["## New today", "", html_list(items, "digest-list"), ""] if items else []


def _stories_shown(site: Site, articles: Sequence[Article]) -> tuple:
    """What a briefing's stories section shows of each story, for its memo inputs."""
    return tuple((urls.story_of(story), story.title, n, sources, len(story.articles))
                 for story, n, sources in ranked_stories(site, articles)[:STORIES_SHOWN])


def _pager(uri: str, previous: tuple[str, str] | None, following: tuple[str, str] | None) -> list[str]:
    parts = []
    if previous:
        parts.append("← " + md_link(previous[1], urls.relative(uri, previous[0])))
    if following:
        parts.append(md_link(following[1], urls.relative(uri, following[0])) + " →")
    return [" · ".join(parts), "{ .digest-briefing-pager }", ""] if parts else []


def week_label(year: int, week: int) -> str:
    monday = dt.date.fromisocalendar(year, week, 1)
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        span = f"{monday.day}–{sunday.day} {MONTH_NAMES[sunday.month - 1]} {sunday.year}"
    else:
        span = f"{monday.day} {MONTH_NAMES[monday.month - 1]} – {long_date(sunday)}"
    return f"Week {week}, {year} ({span})"


def day_pages(site: Site) -> list[Page]:
    return [page for unit in day_units(site) for page in unit.make()]


def day_units(site: Site, tokens: Tokens | None = None, links: tuple = ()) -> list[Unit]:
    """One unit per day (see page.Unit); `links`, the site's topic links, are in each one's inputs
    as its listing links its articles' topics."""
    by_date = days(site)
    dates = list(by_date)
    new_on = new_entities(site)

    def unit(i: int, date: dt.date) -> Unit:
        articles = by_date[date]
        previous = dates[i - 1] if i else None
        following = dates[i + 1] if i + 1 < len(dates) else None

        def inputs() -> tuple:
            new = tuple((e.name, e.type.value, urls.entity_of(e)) for e in new_on.get(date, ()))
            return ("day", day_number(date), day_number(previous), day_number(following),
                    _stories_shown(site, articles), new, links, tokens(articles))

        return Unit("day", [urls.day(date)], inputs, lambda: [_day_page(site, date, articles, previous, following, new_on)])

    return [unit(i, date) for i, date in enumerate(dates)]


def _day_page(site: Site, date: dt.date, articles: list[Article], previous: dt.date | None, following: dt.date | None,
              new_on: dict[dt.date, list[EntityEntry]]) -> Page:
    uri = urls.day(date)
    sources = _outlets(articles)
    year, week = week_of(date)
    lines = [f"# {md_text(day_heading(date))}", "",
             f"{plural(len(articles), 'article')}{_from(sources)}. "
             + md_link(week_label(year, week), urls.relative(uri, urls.week(year, week))) + ".", ""]
    lines += _pager(uri, (urls.day(previous), day_heading(previous)) if previous else None,
                    (urls.day(following), day_heading(following)) if following else None)
    lines += _stories_section(site, articles, uri, "that day")
    lines += _new_section(new_on.get(date, []))
    lines += _topics_section(site, articles, uri)
    lines += ["## Articles", "", article_list(articles, site, show_date=False), ""]
    meta = {"title": f"Briefing: {day_heading(date)}", "date": date, "articles": len(articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="day", origin=f"day {date.isoformat()}")


def week_pages(site: Site) -> list[Page]:
    return [page for unit in week_units(site) for page in unit.make()]


def week_units(site: Site, tokens: Tokens | None = None, links: tuple = ()) -> list[Unit]:
    """One unit per ISO week (see page.Unit and `day_units`)."""
    by_week: dict[tuple[int, int], dict[dt.date, list[Article]]] = defaultdict(dict)
    for date, articles in days(site).items():
        by_week[week_of(date)][date] = articles
    weeks = sorted(by_week)

    def unit(i: int, year: int, week: int) -> Unit:
        in_week = by_week[(year, week)]
        articles = [a for group in in_week.values() for a in group]
        previous = weeks[i - 1] if i else None
        following = weeks[i + 1] if i + 1 < len(weeks) else None

        def inputs() -> tuple:
            return ("week", year, week, previous, following, _stories_shown(site, articles), links, tokens(articles))

        return Unit("week", [urls.week(year, week)], inputs,
                    lambda: [_week_page(site, year, week, in_week, articles, previous, following)])

    return [unit(i, year, week) for i, (year, week) in enumerate(weeks)]


def _week_page(site: Site, year: int, week: int, in_week: dict[dt.date, list[Article]], articles: list[Article],
               previous: tuple[int, int] | None, following: tuple[int, int] | None) -> Page:
    uri = urls.week(year, week)
    label = week_label(year, week)
    lines = [f"# {md_text(label)}", "", f"{plural(len(articles), 'article')} on {plural(len(in_week), 'day')}.", ""]
    lines += _pager(uri, (urls.week(*previous), week_label(*previous)) if previous else None,
                    (urls.week(*following), week_label(*following)) if following else None)
    lines += _stories_section(site, articles, uri, "that week")
    lines += _topics_section(site, articles, uri)
    items = [f'<li><a href="{urls.link(urls.day(d))}">{html_text(day_heading(d))}</a> '
             f'<small>{html_text(plural(len(group), "article"))}</small></li>' for d, group in in_week.items()]
    lines += ["## Days", "", html_list(items, "digest-list"), ""]
    meta = {"title": label, "articles": len(articles)}
    return Page(uri, "\n".join(lines), meta=meta, kind="week", origin=f"week {year}-W{week:02d}")


def home_lead(site: Site, uri: str) -> list[str]:
    """The newest day's briefing in a few lines, for the top of the home page."""
    by_date = days(site)
    if not by_date:
        return []
    date = max(by_date)
    articles = by_date[date]
    ranked = ranked_stories(site, articles)[:HOME_STORIES]
    text = f"**{md_link('Briefing for ' + day_heading(date), urls.relative(uri, urls.day(date)))}**: " \
           f"{plural(len(articles), 'article')}"
    if ranked:
        named = [md_link(s.title, urls.relative(uri, urls.story_of(s))) + f" ({plural(len(s.articles), 'article')})"
                 for s, _, _ in ranked]
        text += "; leading stories: " + "; ".join(named)
    return [text + ".", "{ .digest-briefing-lead }", ""]
