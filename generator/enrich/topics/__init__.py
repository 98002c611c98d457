"""Topics of articles, from the owner's taxonomy (`content/topics.yml`) or the IPTC default.

Interface used by the pipeline:
- `load_taxonomy(path)` reads the owner's taxonomy (the default when there is none).
- `assign_topics(articles, taxonomy)` returns the articles with ranked `topics` and `tags`.
  Articles whose owner gave `topics` keep them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ...model import Article, Problem, TopicScore
from ..markdown_text import plain_text


@dataclass(frozen=True)
class Topic:
    code: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    parent: str | None = None  # code of the parent topic


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]

    def by_name(self) -> dict[str, Topic]:
        return {t.name: t for t in self.topics}


_DEFAULT = (
    Topic("medtop:16000000", "conflict, war and peace", "Acts of socially or politically motivated protest or violence, military activities, and peace efforts.",
          ("war", "military", "troops", "drone", "drones", "missile", "army", "invasion", "attack", "defense", "defence", "nato", "ceasefire", "soldiers")),
    Topic("medtop:11000000", "politics", "Local, regional, national and international exercise of power, including elections, governments and diplomacy.",
          ("government", "minister", "president", "chancellor", "parliament", "election", "party", "policy", "sanctions", "diplomatic", "summit")),
    Topic("medtop:04000000", "economy, business and finance", "All matters concerning the planning, production and exchange of wealth.",
          ("budget", "billion", "economy", "spending", "debt", "gdp", "market", "prices", "company", "finance", "trade")),
)


def load_taxonomy(path: Path | None) -> tuple[Taxonomy, list[Problem]]:
    if path is None or not path.is_file():
        return Taxonomy(_DEFAULT), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        return Taxonomy(_DEFAULT), [Problem(path.name, f"not valid YAML: {exc}")]
    topics = []
    for entry in data.get("topics") or []:
        topics.append(Topic(str(entry["code"]), str(entry["name"]), str(entry.get("description", "")),
                            tuple(str(k) for k in entry.get("keywords") or ())))
    return Taxonomy(tuple(topics) or _DEFAULT), []


def _score(article: Article, taxonomy: Taxonomy) -> tuple[TopicScore, ...]:
    words = re.findall(r"[a-z]+", (article.title + " " + plain_text(article.blocks)).lower())
    total = max(1, len(words))
    scores = []
    for topic in taxonomy.topics:
        hits = sum(words.count(k) for k in topic.keywords)
        if hits >= 3:
            scores.append(TopicScore(topic.name, round(1000 * hits / total, 2)))
    scores.sort(key=lambda s: (-s.score, s.name))
    return tuple(scores[:3])


def assign_topics(articles: Sequence[Article], taxonomy: Taxonomy) -> list[Article]:
    return [a if "topics" in a.given_keys else replace(a, topics=_score(a, taxonomy)) for a in articles]
