"""Enrichers: pure functions from articles to articles. No I/O; settings come in as arguments.

Two phases. `analyse_article` looks at one article alone (so its result can be cached per
file and computed in worker processes); `finish_corpus` then does what needs every article
at once (an entity typed in one article helps the others; tags and related articles
compare articles; stories group articles on one event, once entities and topics are final).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from ..model import Article, evolve
from . import entities
from .duplicates import TextPrint, text_print
from .memo import CorpusMemo
from .stories import story_words
from .story_memo import article_key, assign_stories
from .entities import EntityAnalysis, EntityRules
from . import topics
from .topics import Taxonomy, TopicAnalysis


@dataclass(frozen=True)
class EnrichContext:
    """The owner's taxonomies every enricher reads."""

    rules: EntityRules
    taxonomy: Taxonomy


@dataclass(frozen=True)
class ArticleAnalysis:
    """What one article alone tells each corpus stage; compact and picklable (it is cached)."""

    text: TextPrint  # for duplicate detection
    entities: EntityAnalysis | None  # None when the owner gave the entities
    topics: TopicAnalysis
    story_words: tuple[tuple[str, float], ...]  # see stories.story_words


# An analysis as plain values (tuples, strings, numbers), what `marshal` stores: the per-file
# cache keeps analyses so (see extract.py), as 10,000 of them unpickle about twice as slowly as
# they unmarshal. Frozensets go as tuples of their items in their order, and are made again from
# those, as unpickling makes them: the same sets, iterated in the same order. The order of the
# fields is part of the cache's format (whose namespace holds digest's code version).
_ENTITY_FIELDS = tuple(f.name for f in fields(EntityAnalysis))
_ENTITY_SETS = tuple(_ENTITY_FIELDS.index(name) for name in ("folded", "lower_words", "tickers"))  # its frozensets


def analysis_values(analysis: ArticleAnalysis) -> tuple:
    """`analysis` as nested plain tuples, for `analysis_from_values`."""
    text, found = analysis.text, analysis.entities
    if found is not None:
        found = [getattr(found, name) for name in _ENTITY_FIELDS]
        for i in _ENTITY_SETS:
            found[i] = tuple(found[i])
        found = tuple(found)
    return (text.words, tuple(text.sample)), found, tuple(analysis.topics), analysis.story_words


def analysis_from_values(values: tuple) -> ArticleAnalysis:
    """The analysis `analysis_values` gave those values for (equal to it, field for field)."""
    text, found, topics_, words = values
    if found is not None:
        found = list(found)
        for i in _ENTITY_SETS:
            found[i] = frozenset(found[i])
        found = EntityAnalysis(*found)
    return _made(ArticleAnalysis, text=_made(TextPrint, words=text[0], sample=frozenset(text[1])), entities=found,
                 topics=TopicAnalysis._make(topics_), story_words=words)


def _made(kind: type, **values: object):
    """A frozen dataclass (with a __dict__, checking and deriving nothing) without its __init__'s
    object.__setattr__ per field (as model.evolve)."""
    new = object.__new__(kind)
    new.__dict__.update(values)
    return new


def analyse_article(article: Article, context: EnrichContext) -> ArticleAnalysis:
    given = "entities" in article.given_keys
    return ArticleAnalysis(
        text=text_print(article),
        entities=None if given else entities.analyse_article(article),
        topics=topics.analyse_article(article, context.taxonomy),
        story_words=story_words(article),
    )


def finish_corpus(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis], context: EnrichContext,
                  memo: CorpusMemo | None = None, lap: Callable[[str], None] | None = None) -> list[Article]:
    """The corpus-wide stage, given each article's `analyse_article` result (same order). `memo`
    holds the per-article results of the last build (see `memo`): the result is the same with it
    or without, and it is updated for the next build. `lap(stage)` is called as each part ends
    (the pipeline's stage clock)."""
    memo = memo if memo is not None else CorpusMemo()
    lap = lap or (lambda stage: None)
    mentions = entities.resolve_corpus(articles, [a.entities for a in analyses], context.rules, memo)
    articles = [a if "entities" in a.given_keys else evolve(a, entities=m) for a, m in zip(articles, mentions)]
    lap("entities (corpus)")
    keys = [article_key(a) for a in articles]  # one object per article for both tables (pickled once; the
    # topics' table puts the kept object in place of an equal key, and the others find it by identity)
    results = topics.finish_corpus(articles, [a.topics for a in analyses], context.taxonomy, memo.table("topics"), keys,
                                   memo)
    lap("topics, tags, related (corpus)")
    stories = assign_stories(articles, [a.story_words for a in analyses], memo.table("stories"), keys)  # (not topics)
    # One copy of each article for both stages' results (copies of 10,000 articles cost).
    articles = [evolve(a, topics=r.topics, tags=r.tags, related=r.related, story=s)
                for a, r, s in zip(articles, results, stories)]
    lap("stories (corpus)")
    return articles


def enrich_corpus(articles: Sequence[Article], rules: EntityRules, taxonomy: Taxonomy) -> list[Article]:
    """Both phases in one call, for scripts and tests that have articles in hand."""
    context = EnrichContext(rules, taxonomy)
    return finish_corpus(articles, [analyse_article(a, context) for a in articles], context)
