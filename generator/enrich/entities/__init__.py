"""People, organizations and places named in articles.

Interface used by the pipeline:
- `load_rules(path)` reads the owner's `content/entities.yml` into `EntityRules`.
- `extract_corpus(articles, rules)` returns the articles with `entities` filled in.
  Articles whose owner gave `entities` in front matter keep them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ...model import Article, EntityMention, EntityType, Problem
from ..markdown_text import plain_text


@dataclass(frozen=True)
class EntityRules:
    """The owner's corrections: aliases, forced types, names to ignore, descriptions."""

    aliases: dict[str, str] = field(default_factory=dict)
    types: dict[str, EntityType] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    descriptions: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


def load_rules(path: Path | None) -> tuple[EntityRules, list[Problem]]:
    if path is None or not path.is_file():
        return EntityRules(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        return EntityRules(), [Problem(path.name, f"not valid YAML: {exc}")]
    aliases = {str(k): str(v) for k, v in (data.get("aliases") or {}).items()}
    ignore = frozenset(str(n) for n in (data.get("ignore") or []))
    return EntityRules(aliases=aliases, ignore=ignore), []


_TITLES = r"(?:President|Chancellor|Minister|Secretary General|Secretary|General|Gen\.|spokesperson|spokesman|spokeswoman|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prime Minister|King|Queen|Pope|Senator|Inspector|Commander)"
_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-Ý][\w'’-]+)+"
_PERSON_CUE = re.compile(_TITLES + r"\s+(" + _NAME + r")")
_ORG_SUFFIX = re.compile(r"\b(?:[A-Z][\w-]+\s+){0,4}(?:Ministry|Party|Council|Commission|Agency|Bank|Union|Parliament|Inc|Ltd|Corporation|Committee)\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_KNOWN_PLACES = {
    "Poland", "Russia", "Ukraine", "Germany", "France", "Britain", "Denmark", "Belarus", "Latvia",
    "Lithuania", "Slovakia", "Europe", "Moscow", "Warsaw", "Berlin", "Brussels", "Kyiv", "Alaska",
    "The Hague", "Paris", "London", "Washington", "China", "United States", "Italy", "Spain",
}
_KNOWN_ORGS = {"NATO", "Reuters", "Bundeswehr", "Kremlin", "EU", "Bundestag", "UN", "CDU", "WSWS"}
_STOP = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "This", "That", "But", "And"}


def _extract(article: Article, rules: EntityRules) -> tuple[EntityMention, ...]:
    text = article.title + "\n\n" + plain_text(article.blocks)
    if article.image and article.image.caption:
        text = article.image.caption + "\n\n" + text
    found: dict[tuple[EntityType, str], int] = Counter()
    people = {m[1] for m in _PERSON_CUE.finditer(text)}
    for name in sorted(people):
        found[(EntityType.PERSON, name)] += 1
    for place in _KNOWN_PLACES:
        n = len(re.findall(r"\b" + re.escape(place) + r"\b", text))
        if n:
            found[(EntityType.PLACE, place)] += n
    for org in set(_KNOWN_ORGS) | {m[0] for m in _ORG_SUFFIX.finditer(text)}:
        org = " ".join(w for w in org.split() if w not in _STOP)
        n = len(re.findall(r"\b" + re.escape(org) + r"\b", text)) if org else 0
        if n:
            found[(EntityType.ORGANIZATION, org)] += n
    mentions = []
    for (type_, name), count in found.items():
        name = rules.aliases.get(name, name)
        if name in rules.ignore:
            continue
        mentions.append(EntityMention(name=name, type=type_, count=count))
    mentions.sort(key=lambda m: (list(EntityType).index(m.type), -m.count, m.name))
    return tuple(mentions)


def extract_corpus(articles: Sequence[Article], rules: EntityRules) -> list[Article]:
    return [
        a if "entities" in a.given_keys else replace(a, entities=_extract(a, rules))
        for a in articles
    ]
