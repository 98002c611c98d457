"""The links the article template adds (topic, entity and tag chips), in one place.

The template asks, for each name in an article's front matter, whether that topic,
entity or tag has a page and where. The same map gives each article page a signature
of those links, so an incremental (`--dirty`) build rebuilds an article whose chips
changed even when its Markdown did not (an entity that just got its own page).
"""

from __future__ import annotations

import functools
import hashlib
import html
from typing import Any

from markupsafe import Markup

from .enrich.topics import tag_key as _tag_key
from .model import Article, EntityType
from .pages import urls
from .site_model import Site


def link_targets(site: Site) -> dict[str, str]:
    """'person:Mark Rutte' / 'topic:politics' / 'tag:defence budget' -> the page's src_uri."""
    targets: dict[str, str] = {}
    for entry in site.entities.values():
        if entry.has_page:
            targets[entity_key(entry.type.value, entry.name)] = urls.entity_of(entry)
    for topic in site.topics.values():
        if topic.articles:
            targets[f"topic:{topic.name}"] = urls.topic_of(topic)
    for tag in site.tags.values():
        targets[f"tag:{tag.key}"] = urls.tag_of(tag)
    return targets


# Every article's tags are keyed on every build for its signature (~100,000 at 10,000
# articles), and a tag's key depends on its text alone.
tag_key = functools.lru_cache(maxsize=1 << 17)(_tag_key)


def entity_key(type_: str, name: str) -> str:
    return f"{type_}:{name}"


# entity_key's prefix per type: every article's chips are keyed on every build for its signature
# (~75,000 mentions at 10,000 articles), where an Enum's `.value` and a format cost ~20 ms.
_ENTITY_PREFIX = {t: entity_key(t.value, "") for t in EntityType}


def chip_keys(article: Article) -> list[str]:
    prefix = _ENTITY_PREFIX
    keys = [prefix[m.type] + m.name for m in article.entities]  # entity_key(m.type.value, m.name)
    keys += ["topic:" + t.name for t in article.topics]
    keys += ["tag:" + tag_key(t) for t in article.tags]
    return keys


def article_signatures(site: Site, theme: str, known: tuple | None = None,
                       changed: set[str] | frozenset[str] = frozenset()) -> tuple[dict[str, str], dict[str, str]]:
    """Every article's signature (`article_signature`) by source, and the link targets they were
    made with. `known` is (theme, targets, signatures by source) of an earlier build, and
    `changed` the sources of the articles whose chips may differ from that build's (new ones,
    changed ones: pages.memo's `changed_articles`): an article whose chips are that build's and
    whose chips' targets are too has that build's signature. An article listings do not show
    (a story's other version) is in no entry of the site model, and is signed again."""
    targets = link_targets(site)
    if known is None or known[0] != theme:
        return {a.source: article_signature(a, targets, theme) for a in site.articles}, targets
    _, targets_before, signatures_before = known
    moved = {key for key in targets.keys() | targets_before.keys() if targets.get(key) != targets_before.get(key)}
    redo = set(changed)
    tags = set()
    for key in moved:
        kind, _, name = key.partition(":")
        if kind == "topic":
            entry = site.topics.get(name)
            redo.update([a.source for a in entry.articles] if entry is not None else ())
        elif kind == "tag":
            tags.add(name)
        else:
            entity = site.entities.get((EntityType(kind), name))
            redo.update([a.source for a in entity.articles] if entity is not None else ())
    if tags:
        redo.update([a.source for a in site.listed if any(tag_key(t) in tags for t in a.tags)])
    listed = {a.source for a in site.listed}
    signatures = {}
    for article in site.articles:
        source = article.source
        known_signature = signatures_before.get(source)
        if known_signature is None or source in redo or source not in listed:
            known_signature = article_signature(article, targets, theme)
        signatures[source] = known_signature
    return signatures, targets


def article_signature(article: Article, targets: dict[str, str], theme: str) -> str:
    """What an article's HTML depends on besides its Markdown: its chips' targets and the theme."""
    get = targets.get
    linked = [key + "\0" + target for key in chip_keys(article) if (target := get(key)) is not None]
    # NUL and newline never occur in a name or a path: joined, two lists cannot give one text.
    return hashlib.sha256("\n".join([theme, *linked]).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class ChipLinks:
    """Jinja filters for the article template: a chip's URL, or '' when it has no page."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.urls = urls

    def install(self, env: Any) -> None:
        env.filters["digest_entity_url"] = lambda name, type_: self.urls.get(entity_key(type_, _plain(name)), "")
        env.filters["digest_topic_url"] = lambda name: self.urls.get(f"topic:{_plain(name)}", "")
        env.filters["digest_tag_url"] = lambda name: self.urls.get(f"tag:{tag_key(_plain(name))}", "")
        env.globals["digest_entity_types"] = [t.value for t in EntityType]


def _plain(value: Any) -> str:
    # Page metadata reaches templates as escaped Markup (see plugin.on_page_markdown).
    return html.unescape(str(value)) if isinstance(value, Markup) else str(value)
