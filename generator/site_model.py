"""Collect first: the whole site model, every collection explicitly sorted.

`assemble` gives each article its slug and groups articles by entity, topic, tag and
month. Page renderers (generator.pages) and the search index only read this model;
nothing here formats text or computes a path (that is generator.pages.urls).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, repeat
from dataclasses import dataclass, field

from .config import DigestConfig
from .enrich.entities import EntityRules
from .enrich.topics import Taxonomy, Topic, tag_key
from .model import Article, EntityType, evolve
from .slugs import assign_unique, make_slug

EntityKey = tuple[EntityType, str]


def newest_first(article: Article) -> tuple:
    """Sort key of dated articles: newest first, then by title and source for a fixed order."""
    ordinal = article.date.toordinal() if article.date else 0
    return (article.date is None, -ordinal, article.title.casefold(), article.source)


def file_order(source: str) -> tuple:
    """Sort key of a path with its numbers compared as numbers: `item-9.txt` before `item-10.txt`."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", source.casefold()) if part)


def site_order(articles: Iterable[Article]) -> list[Article]:
    """Newest first; undated articles after them, the most recently added first.

    With no date to go by, the file name stands for the order files were added: scrapers,
    feed readers and `digest add` of numbered or time-stamped files name them in increasing
    order, so the last by file name (numbers compared as numbers) comes first."""
    articles = list(articles)
    dated = sorted((a for a in articles if a.date), key=newest_first)
    undated = sorted((a for a in articles if not a.date), key=lambda a: file_order(a.source), reverse=True)
    return dated + undated


@dataclass
class EntityEntry:
    type: EntityType
    name: str
    slug: str = ""
    articles: list[Article] = field(default_factory=list)  # newest first
    mentions: int = 0
    roles: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    quotes: list[tuple[str, Article]] = field(default_factory=list)
    description: str | None = None
    link: str | None = None
    has_page: bool = False
    # Counts its co-mentions when first asked (see `co_mentions`), None for none: a build after a
    # drop asks for a few entities' of some 700 (an entity page's inputs are mostly taken as the
    # last build's, see pages._Listings).
    count_co_mentions: Callable[[], Counter[EntityKey]] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> EntityKey:
        return (self.type, self.name)

    @functools.cached_property
    def co_mentions(self) -> Counter[EntityKey]:
        """The entities with a page named in its articles too, in how many (when it has a page)."""
        return self.count_co_mentions() if self.count_co_mentions is not None else Counter()

    @property
    def dates(self) -> list[dt.date]:
        return sorted([a.date for a in self.articles if a.date])


@dataclass
class TopicEntry:
    topic: Topic
    slug: str = ""
    articles: list[Article] = field(default_factory=list)  # newest first
    entities: Counter[EntityKey] = field(default_factory=Counter)  # those with a page, in how many of its articles
    children: list[str] = field(default_factory=list)  # names of sub-topics

    @property
    def name(self) -> str:
        return self.topic.name


@dataclass
class TagEntry:
    key: str  # tag_key of the tag
    name: str
    slug: str = ""
    articles: list[Article] = field(default_factory=list)  # newest first


@dataclass
class StoryEntry:
    key: str  # the source of its first article (see enrich.stories)
    title: str
    slug: str = ""
    articles: list[Article] = field(default_factory=list)  # oldest first, undated last (a timeline)

    @property
    def dates(self) -> list[dt.date]:
        return [a.date for a in self.articles if a.date]


@dataclass
class Site:
    articles: list[Article]  # newest first, undated last (site_order)
    entities: dict[EntityKey, EntityEntry]
    topics: dict[str, TopicEntry]
    months: dict[tuple[int, int], list[Article]]  # newest month first
    undated: list[Article]
    config: DigestConfig
    tags: dict[str, TagEntry] = field(default_factory=dict)  # tags with a page, by tag_key
    # What listings show: `articles` with one version of each story (see listed_versions).
    # Every article has its page; entities, topics, tags, months and undated hold listed ones.
    listed: list[Article] = field(default_factory=list)
    stories: dict[str, StoryEntry] = field(default_factory=dict)  # by key

    @functools.cached_property
    def newest_date(self) -> dt.date | None:
        """The newest article's date: what "recent" is measured from (never the build's clock)."""
        return max((a.date for a in self.articles if a.date), default=None)

    @functools.cached_property
    def tag_list(self) -> list[TagEntry]:
        """`tag_list(self.tags)`, sorted once a build (the tags index and the tags' pages list them)."""
        return tag_list(self.tags)

    @functools.cached_property
    def listed_by_date(self) -> dict[dt.date, list[Article]]:
        """Listed articles by date, oldest day first (each day's articles in site order): the
        days of the briefings, their weeks and the home page's lead, grouped once a build."""
        by_date: dict[dt.date, list[Article]] = defaultdict(list)
        for article in self.listed:
            if article.date:
                by_date[article.date].append(article)
        return dict(sorted(by_date.items()))

    def entity_page(self, type_: EntityType, name: str) -> EntityEntry | None:
        entry = self.entities.get((type_, name))
        return entry if entry is not None and entry.has_page else None

    def entities_of(self, type_: EntityType, *, with_page_only: bool = True) -> list[EntityEntry]:
        """Entities of one type (by default those with a page), most mentioned (in most articles) first."""
        entries = [e for e in self.entities.values() if e.type is type_ and (e.has_page or not with_page_only)]
        return sorted(entries, key=lambda e: (-len(e.articles), -e.mentions, e.name.casefold(), e.name))

    def topic_list(self) -> list[TopicEntry]:
        """Topics with articles, largest first."""
        entries = [t for t in self.topics.values() if t.articles]
        return sorted(entries, key=lambda t: (-len(t.articles), t.name.casefold()))


def assemble(articles: Sequence[Article], taxonomy: Taxonomy, rules: EntityRules, config: DigestConfig,
             slug_of: Callable[[str], str] = make_slug) -> Site:
    """The site model of `articles`; `slug_of` makes slugs (a `SlugTable` to reuse a build's)."""
    # Slugs: the oldest article keeps a contested slug (see slugs.assign_unique).
    by_age = sorted(articles, key=lambda a: (a.date is None, a.date or dt.date.min, a.source))
    slugs = assign_unique(((a.source, a.slug or a.title, a.source) for a in by_age), prefix="article", slug_of=slug_of)
    story_slugs = assign_unique(((s.key, s.title, s.key) for s in dict.fromkeys(a.story for a in by_age if a.story)),
                                prefix="story", slug_of=slug_of)
    evolved = [evolve(a, slug=slugs[a.source], story=evolve(a.story, slug=story_slugs[a.story.key]) if a.story else None)
               for a in articles]
    ordered = site_order(evolved)
    assembled = dict(zip([a.source for a in articles], evolved))  # sources are unique (they are file paths)
    listed = listed_versions(ordered)

    entities: dict[EntityKey, EntityEntry] = {}
    # Roles and other spellings are counted once per entity, from all its mentions' (a Counter
    # updated per mention cost more than the rest of this loop).
    roles: dict[EntityKey, list[str]] = {}
    aliases: dict[EntityKey, list[str]] = {}
    for article in listed:
        for mention in article.entities:
            key = (mention.type, mention.name)
            entry = entities.get(key)
            if entry is None:
                entry = entities[key] = EntityEntry(mention.type, mention.name)
            entry.articles.append(article)
            entry.mentions += mention.count
            if mention.roles:
                roles.setdefault(key, []).extend(mention.roles)
            if mention.aliases:
                aliases.setdefault(key, []).extend([a for a in mention.aliases if a != mention.name])
            if mention.quotes:
                entry.quotes.extend(zip(mention.quotes, repeat(article)))
    for key, seen in roles.items():
        entities[key].roles.update(seen)
    for key, seen in aliases.items():
        entities[key].aliases.update(seen)
    min_articles = entity_page_threshold(len(listed), config)
    for entry in entities.values():
        entry.has_page = len(entry.articles) >= min_articles
        entry.description = rules.descriptions.get(entry.name)
        entry.link = rules.links.get(entry.name)
    # Co-mentions are shown on entity pages, and only those of entities with a page (linked):
    # counted for those alone, from each article's entities with a page, made once, when an entity
    # page asks (EntityEntry.co_mentions). Counted as numbers standing for the entities (half a
    # million counts at 10,000 articles: a number is counted faster than a (type, name) key), in
    # the order the keys would have been.
    with_page = [key for key, entry in entities.items() if entry.has_page]
    number = {key: i for i, key in enumerate(with_page)}
    ids_of: dict[str, tuple[int, ...]] = {}
    for a in listed:
        ids = [number.get(key) for key in [(m.type, m.name) for m in a.entities]]
        ids_of[a.source] = tuple([i for i in ids if i is not None])
    for i, key in enumerate(with_page):
        entry = entities[key]
        entry.count_co_mentions = functools.partial(_co_mentions, entry.articles, i, with_page, ids_of)
    for type_ in EntityType:
        of_type = sorted((e for e in entities.values() if e.type is type_), key=lambda e: e.name)
        for name, slug in assign_unique(((e.name, e.name, e.name) for e in of_type), prefix=type_.value,
                                        slug_of=slug_of).items():
            entities[(type_, name)].slug = slug

    topics: dict[str, TopicEntry] = {t.name: TopicEntry(t) for t in taxonomy.topics}
    present: dict[str, list[tuple[int, ...]]] = defaultdict(list)  # a topic's articles' entities with a page
    for article in listed:
        for score in article.topics:
            entry = topics.get(score.name)
            if entry is None:  # a topic the owner named in front matter but not in the taxonomy
                entry = topics[score.name] = TopicEntry(Topic(code=score.name, name=score.name))
            entry.articles.append(article)
            present[score.name].append(ids_of[article.source])
    for name, ids in present.items():
        counts = Counter(chain.from_iterable(ids))
        topics[name].entities.update({with_page[i]: n for i, n in counts.items()})
    codes = {t.topic.code: t.name for t in topics.values()}
    for entry in topics.values():
        parent = codes.get(entry.topic.parent or "")
        if parent:
            topics[parent].children.append(entry.name)
    for entry in topics.values():
        entry.children.sort(key=str.casefold)
    topic_order = sorted(topics.values(), key=lambda t: t.topic.code)
    for name, slug in assign_unique(((t.name, t.name, t.topic.code) for t in topic_order), prefix="topic",
                                    slug_of=slug_of).items():
        topics[name].slug = slug

    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    undated: list[Article] = []
    for article in listed:
        if article.date:
            months[(article.date.year, article.date.month)].append(article)
        else:
            undated.append(article)
    months = dict(sorted(months.items(), reverse=True))

    tags = collect_tags(listed, config.tag_page_min_articles, slug_of)
    stories: dict[str, StoryEntry] = {}
    for article in [assembled[a.source] for a in by_age if a.story]:  # oldest first, as slugs were given
        if article.story:
            entry = stories.setdefault(article.story.key, StoryEntry(article.story.key, article.story.title,
                                                                     article.story.slug))
            entry.articles.append(article)
    return Site(ordered, entities, topics, months, undated, config, tags, listed, stories)


def _co_mentions(articles: list[Article], i: int, with_page: list[EntityKey],
                 ids_of: dict[str, tuple[int, ...]]) -> Counter[EntityKey]:
    """The co-mentions of the entity numbered `i` (see `assemble`), named in `articles`."""
    counts = Counter(chain.from_iterable(map(ids_of.__getitem__, [a.source for a in articles])))
    return Counter({with_page[other]: n for other, n in counts.items() if other != i})


def collect_tags(articles: Sequence[Article], min_articles: int,
                 slug_of: Callable[[str], str] = make_slug) -> dict[str, TagEntry]:
    """Tags with a page, by key; `articles` come newest first and stay in that order."""
    # key -> its articles, and the form of the tag each of them uses (counted only for the tags
    # that get a page: most of some 50,000 tags at 10,000 articles are in one article).
    groups: dict[str, tuple[list[Article], list[str]]] = {}
    keys: dict[str, str] = {}  # tag -> tag_key: articles share tags, and each is keyed once
    key_of = keys.get
    group_of = groups.get
    for article in articles:
        seen = set()
        for tag in article.tags:
            key = key_of(tag)
            if key is None:
                key = keys[tag] = tag_key(tag)
            if key and key not in seen:
                seen.add(key)
                group = group_of(key)
                if group is None:
                    groups[key] = ([article], [tag])
                else:
                    group[0].append(article)
                    group[1].append(tag)
    entries = {}
    for key in sorted([key for key, (tagged, _) in groups.items() if len(tagged) >= min_articles]):
        tagged, forms = groups[key]
        counts = Counter(forms)
        name = min(counts, key=lambda f: (-counts[f], f))
        entries[key] = TagEntry(key, name, articles=tagged)
    for key, slug in assign_unique(((k, e.name, k) for k, e in entries.items()), prefix="tag", slug_of=slug_of).items():
        entries[key].slug = slug
    return entries


def tag_list(tags: dict[str, TagEntry]) -> list[TagEntry]:
    """Tags with a page, the most shared first."""
    return sorted(tags.values(), key=lambda t: (-len(t.articles), t.name.casefold(), t.key))


def entity_page_threshold(listed_articles: int, config: DigestConfig) -> int:
    """In how many articles an entity must be named to get a page (see `all_entity_pages_up_to`)."""
    if listed_articles > config.all_entity_pages_up_to:
        return max(2, config.entity_page_min_articles)
    return config.entity_page_min_articles


def listed_versions(ordered: list[Article]) -> list[Article]:
    """The articles listings show: of a story's versions (near-duplicates) only the first in
    site order, the newest; the others have their pages, linked from it, and are not listed."""
    seen: set[str] = set()
    listed = []
    for article in ordered:
        if article.source in seen:
            continue
        seen.update(article.versions)
        listed.append(article)
    return listed
