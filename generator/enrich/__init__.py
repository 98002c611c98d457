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
# Each part goes on its own (`part_values`, `part_from_values`), and the entity analysis field by
# field (`entity_field_from_values`): the cache stores them apart, so that a build decodes only
# what its stages read (see stored_analysis.StoredAnalysis).
PARTS = tuple(f.name for f in fields(ArticleAnalysis))  # ("text", "entities", "topics", "story_words")
ENTITY_FIELDS = tuple(f.name for f in fields(EntityAnalysis))  # the entity analysis goes field by field too
_ENTITY_SETS = frozenset(ENTITY_FIELDS.index(name) for name in ("folded", "lower_words", "tickers"))  # its frozensets


def part_values(part: str, value: object) -> object:
    """The analysis's part `part` (a field, of `PARTS`) as plain values."""
    if part == "text":
        return value.words, tuple(value.sample)
    if part == "entities":
        if value is None:
            return None
        return tuple(tuple(v) if i in _ENTITY_SETS else v for i, v in enumerate(getattr(value, n) for n in ENTITY_FIELDS))
    if part == "topics":
        return tuple(value)
    return value  # story_words: plain already


def part_from_values(part: str, values: object) -> object:
    """The part `part_values` gave those values for (equal to it, field for field)."""
    if part == "text":
        return _made(TextPrint, words=values[0], sample=frozenset(values[1]))
    if part == "entities":
        return None if values is None else EntityAnalysis(*map(entity_field_from_values, range(len(values)), values))
    if part == "topics":
        return TopicAnalysis._make(values)
    return values


def entity_field_from_values(index: int, values: object) -> object:
    """Field `index` (of `ENTITY_FIELDS`) of an entity analysis, from its plain values."""
    return frozenset(values) if index in _ENTITY_SETS else values


def analysis_values(analysis: ArticleAnalysis) -> tuple:
    """`analysis` as nested plain tuples, for `analysis_from_values`."""
    return tuple(part_values(name, getattr(analysis, name)) for name in PARTS)


def analysis_from_values(values: tuple) -> ArticleAnalysis:
    """The analysis `analysis_values` gave those values for (equal to it, field for field)."""
    return _made(ArticleAnalysis, **{name: part_from_values(name, v) for name, v in zip(PARTS, values)})


class PartOf(Sequence):
    """One part (`name`, of `PARTS`) of each of `analyses`, taken from an analysis only when a
    stage reads that item: a stored analysis (stored_analysis.StoredAnalysis) decodes a part on first
    read, so a stage that reads the parts of new and changed articles only (its memo has the
    others' results) decodes no more. Iterating it reads every item."""

    __slots__ = ("_analyses", "_name")

    def __init__(self, analyses: Sequence[object], name: str) -> None:
        self._analyses, self._name = analyses, name

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [getattr(a, self._name) for a in self._analyses[i]]
        return getattr(self._analyses[i], self._name)

    def __len__(self) -> int:
        return len(self._analyses)


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
    (the pipeline's stage clock). Each stage is handed one part of the analyses (`PartOf`) and
    reads an article's only where its memo has no result or a corpus fact it read changed: the
    others may stay as the cache stored them (stored_analysis.StoredAnalysis)."""
    memo = memo if memo is not None else CorpusMemo()
    lap = lap or (lambda stage: None)
    mentions = entities.resolve_corpus(articles, PartOf(analyses, "entities"), context.rules, memo)
    articles = [a if "entities" in a.given_keys else evolve(a, entities=m) for a, m in zip(articles, mentions)]
    lap("entities (corpus)")
    keys = [article_key(a) for a in articles]  # one object per article for both tables (pickled once; the
    # topics' table puts the kept object in place of an equal key, and the others find it by identity)
    results = topics.finish_corpus(articles, PartOf(analyses, "topics"), context.taxonomy, memo.table("topics"), keys,
                                   memo)
    lap("topics, tags, related (corpus)")
    stories = assign_stories(articles, PartOf(analyses, "story_words"), memo.table("stories"), keys)  # (not topics)
    # One copy of each article for both stages' results (copies of 10,000 articles cost).
    articles = [evolve(a, topics=r.topics, tags=r.tags, related=r.related, story=s)
                for a, r, s in zip(articles, results, stories)]
    lap("stories (corpus)")
    return articles


def enrich_corpus(articles: Sequence[Article], rules: EntityRules, taxonomy: Taxonomy) -> list[Article]:
    """Both phases in one call, for scripts and tests that have articles in hand."""
    context = EnrichContext(rules, taxonomy)
    return finish_corpus(articles, [analyse_article(a, context) for a in articles], context)
