"""Enrichers: pure functions from articles to articles. No I/O; settings come in as arguments.

Per-article steps run in `metadata.resolve`; the corpus-wide steps below need every
article at once (an entity typed in one article helps the others; topic weights
depend on the whole collection).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .entities import EntityRules, extract_corpus
from .topics import Taxonomy, assign_topics


def enrich_corpus(articles: Sequence[Article], rules: EntityRules, taxonomy: Taxonomy) -> list[Article]:
    articles = extract_corpus(articles, rules)
    return assign_topics(articles, taxonomy)
