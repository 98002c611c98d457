"""Topics, tags and related articles, from the owner's taxonomy (`content/topics.yml`) and the IPTC default.

Interface used by the pipeline:
- `load_taxonomy(path)` reads the packaged IPTC Media Topics, extended by the owner's file
  (see `taxonomy` for how the two combine); mistakes come back as Problems with file and line.
- `assign_topics(articles, taxonomy)` returns the articles with ranked `topics` (main topic
  first, none when nothing matches well), `tags` (key phrases) and `related` (sources of up
  to five related articles). Articles whose owner gave `topics` or `tags` keep them.
- `explain(article, taxonomy)` says, in words, why an article got its topics and tags.

The modules: `text` (tokens, counted once), `taxonomy` (loading and validation), `scoring`
(the topic rule), `tags` (TF-IDF key phrases), `related` (sparse similarity), `explain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Article
from . import related
from .explain import explain
from .related import related_articles
from .scoring import Assessment, Scorer
from .tags import candidates, entity_words, phrase_matrix, select_tags, tag_key
from .taxonomy import Settings, Taxonomy, Term, Topic, load_taxonomy
from .text import article_text

__all__ = [
    "Assessment", "Scorer", "Settings", "Taxonomy", "Term", "Topic",
    "assign_topics", "explain", "load_taxonomy", "tag_key",
]


def assign_topics(articles: Sequence[Article], taxonomy: Taxonomy) -> list[Article]:
    if not articles:
        return []
    settings = taxonomy.settings
    scorer = Scorer(taxonomy)
    texts = [article_text(a) for a in articles]
    phrases = phrase_matrix([candidates(t, settings.title_weight, entity_words(a)) for a, t in zip(articles, texts)])
    enriched = []
    for row, (article, text) in enumerate(zip(articles, texts)):
        topics = article.topics if "topics" in article.given_keys else scorer.assess(article, text).topics
        tags = article.tags if "tags" in article.given_keys else select_tags(row, phrases, text, settings.max_tags)
        enriched.append(replace(article, topics=topics, tags=tags))
    related = related_articles(enriched, phrases, settings.related)
    return [replace(a, related=r) for a, r in zip(enriched, related)]
