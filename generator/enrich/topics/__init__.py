"""Topics, tags and related articles, from the owner's taxonomy (`content/topics.yml`) and the IPTC default.

Interface used by the pipeline:
- `load_taxonomy(path)` reads the packaged IPTC Media Topics, extended by the owner's file
  (see `taxonomy` for how the two combine); mistakes come back as Problems with file and line.
- `analyse_article(article, taxonomy)` (per file, cached by the pipeline) and
  `finish_corpus(articles, analyses, taxonomy)` (once per build) give each article its ranked
  `topics` (main topic first, none when nothing matches well), `tags` (key phrases) and
  `related` (sources of up to five related articles); see `analysis`.
- `assign_topics(articles, taxonomy)` is both phases in one call. Articles whose owner gave
  `topics` or `tags` keep them.

The modules: `text` (tokens, counted once), `taxonomy` (loading and validation), `learned` (the
model trained on labelled news, which ranks the IPTC topics of articles of 60 words or more), `scoring`
(the topic rule, combining the lexicon and the model), `tags` (TF-IDF key phrases), `related` (sparse similarity), `weights`
(the stepped idf both use), `analysis` (the two phases), `index` (tags and related articles kept
from one build for the next, and brought up to date by what changed). `digest explain` (generator.commands.explain)
says in words why an article got its topics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Article
from . import related
from .analysis import (TopicAnalysis, TopicResult, analyse_article, finish_corpus,
                       scorer_for)
from .scoring import Assessment, Scorer
from .tags import tag_key
from .taxonomy import Settings, Taxonomy, Term, Topic, load_taxonomy

__all__ = [
    "Assessment", "Scorer", "Settings", "Taxonomy", "Term", "Topic", "TopicAnalysis", "TopicResult",
    "analyse_article", "assign_topics", "finish_corpus", "load_taxonomy", "related",
    "scorer_for", "tag_key",
]


def assign_topics(articles: Sequence[Article], taxonomy: Taxonomy) -> list[Article]:
    analyses = [analyse_article(a, taxonomy) for a in articles]
    results = finish_corpus(articles, analyses, taxonomy)
    return [replace(a, topics=r.topics, tags=r.tags, related=r.related) for a, r in zip(articles, results)]
