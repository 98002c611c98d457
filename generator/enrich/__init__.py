"""Enrichers: pure functions from articles to articles. No I/O; settings come in as arguments.

Two phases. `analyse_article` looks at one article alone (so its result can be cached per
file and computed in worker processes); `enrich_corpus` then does what needs every article
at once (an entity typed in one article helps the others; tags and related articles
compare articles).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .entities import EntityRules, extract_corpus
from .topics import Taxonomy, assign_topics


@dataclass(frozen=True)
class EnrichContext:
    """The owner's taxonomies every enricher reads."""

    rules: EntityRules
    taxonomy: Taxonomy


def analyse_article(article: Article, context: EnrichContext) -> Any:
    """Per-article analyses to cache with the article (none yet: the corpus stage does all)."""
    return None


def finish_corpus(articles: Sequence[Article], analyses: Sequence[Any], context: EnrichContext) -> list[Article]:
    """The corpus-wide stage, given each article's `analyse_article` result (same order)."""
    articles = extract_corpus(articles, context.rules)
    return assign_topics(articles, context.taxonomy)


def enrich_corpus(articles: Sequence[Article], rules: EntityRules, taxonomy: Taxonomy) -> list[Article]:
    """Both phases in one call, for scripts and tests that have articles in hand."""
    context = EnrichContext(rules, taxonomy)
    return finish_corpus(articles, [analyse_article(a, context) for a in articles], context)
