"""The topics stage in two phases, so the first can be cached per file and run in parallel.

1. `analyse_article(article, taxonomy)` reads one article's own words (body, caption, title):
   the evidence its words and phrases give each topic, and its candidate tags with their
   counts and display forms. It does not look at the article's entities (known only after
   the corpus-wide entity pass) nor at other articles, so it is a pure function of the
   article's text and the taxonomy. The result is a small `TopicAnalysis` of tuples of
   strings and numbers (1-2 KB for a 700-word article), safe to pickle.
   The pipeline caches it per file under a key that covers digest's code and data and
   the owner's topics.yml (pipeline._namespace).
2. `finish_corpus(articles, analyses, taxonomy)` adds each article's entities to its topic
   evidence and ranks its topics, drops candidate tags that name its entities, weighs the
   rest against the collection, picks tags and computes related articles. With the last
   build's index (`index`), only the articles whose inputs, or the standing of whose
   features in the collection, moved are weighed again.

`assign_topics` (in the package) is the two phases one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...model import Article, TopicScore
from ..memo import CorpusMemo, Memo, entity_key
from .index import Candidates, index_corpus
from .scoring import Scorer, TextEvidence
from .tags import candidates, entity_words, named
from .taxonomy import Taxonomy
from .text import article_text

class TopicAnalysis(NamedTuple):
    """What `analyse_article` found in one article's text (plain tuples: small, picklable)."""

    evidence: TextEvidence  # (topic code, points, number of different terms) from words and phrases
    phrases: tuple[str, ...]  # candidate tags, lower case, alphabetical
    counts: tuple[float, ...]  # their occurrences, title ones multiplied
    displays: tuple[str, ...]  # how the article writes them
    fragments: tuple[tuple[str, float, str, tuple[str, ...]], ...]  # (phrase, count, display, longer phrases):
    # found only inside those longer candidates; a candidate when each of them names an entity
    logits: tuple[float, ...] = ()  # the learned model's evidence from the words, per IPTC top-level topic


class TopicResult(NamedTuple):
    topics: tuple[TopicScore, ...]
    tags: tuple[str, ...]
    related: tuple[str, ...]  # sources


def analyse_article(article: Article, taxonomy: Taxonomy) -> TopicAnalysis:
    """Topic evidence and candidate tags from the article's own text (see the module docstring).
    Reuse one Taxonomy object for many articles: it is compiled once per object."""
    scorer = scorer_for(taxonomy)
    text = article_text(article)
    found = candidates(text, taxonomy.settings.title_weight, article.language or "en")
    return TopicAnalysis(scorer.text_evidence(text), found.phrases, found.counts, found.displays, found.fragments,
                         scorer.text_logits(text))


def finish_corpus(articles: Sequence[Article], analyses: Sequence[TopicAnalysis], taxonomy: Taxonomy,
                  memo: Memo | None = None, keys: list[object] | None = None,
                  corpus: CorpusMemo | None = None) -> list[TopicResult]:
    """Topics, tags and related articles of every article (in order), from their analyses and
    entities. Topics and tags the owner gave (in `given_keys`) are kept. With `memo`, each
    article's own part (its ranked topics, its candidate tags once entity names are dropped)
    is reused from the last build when the article and what it reads of its entities are the same
    (`keys[i]`, when given, is that key of article i: (source_sha256, entity_key(entities))).
    With `corpus`, the tags and related articles are brought up to date from the last build's
    (`index`); the result is the same."""
    if len(articles) != len(analyses):
        raise ValueError(f"{len(articles)} articles but {len(analyses)} analyses")
    if not articles:
        if corpus is not None:
            corpus.keep_state(INDEX, None)
        return []
    scorer = scorer_for(taxonomy)
    settings = taxonomy.settings
    memo = memo if memo is not None else Memo()
    keys = keys if keys is not None else [(a.source_sha256, entity_key(a.entities)) for a in articles]  # (see Memo.get_all)
    owns = memo.get_all([a.source for a in articles], keys, lambda i: _own(articles[i], analyses[i], scorer))
    topics = [own[0] for own in owns]
    found = Candidates(lambda i: _kept(analyses[i], owns[i][1]))
    tags, related, kept = index_corpus(articles, topics, found, keys, settings.max_tags, settings.related,
                                       corpus.state(INDEX) if corpus is not None else None)
    if corpus is not None:
        corpus.keep_state(INDEX, kept, table_at=1)  # (its entries by source: see index.index_corpus)
    return [TopicResult(own, article.tags if "tags" in article.given_keys else t, r)
            for article, own, t, r in zip(articles, topics, tags, related)]


INDEX = "topic index"  # the corpus memo's name for the kept `index.index_corpus`


def _own(article: Article, analysis: TopicAnalysis, scorer: Scorer) -> tuple[tuple[TopicScore, ...], Kept]:
    """The article's ranked topics, and which of its candidate tags stay once entity names are
    dropped (see `Kept`); it reads the article's entities only."""
    topics = article.topics if "topics" in article.given_keys else scorer.rank(analysis.evidence, article.entities,
                                                                                analysis.logits)
    names = entity_words(article)
    drop = named(analysis.phrases, names) if any(names) else set()
    revived = _revived(analysis, names, drop)
    return topics, (tuple(sorted(drop)), tuple(revived)) if drop or revived else None


# Which candidate tags stay once entity names are dropped: None (all of them), or the places
# of those dropped and the fragments revived (phrase, count, display); small, as it is memoized.
Kept = tuple[tuple[int, ...], tuple[tuple[str, float, str], ...]] | None


def _kept(analysis: TopicAnalysis, kept: Kept) -> tuple[Sequence[str], Sequence[float], Sequence[str]]:
    """The candidates (phrases, counts, displays) that stay, in alphabetical order."""
    if kept is None:
        return analysis.phrases, analysis.counts, analysis.displays
    drop, revived = kept
    gone = set(drop)
    stays = [(p, c, d) for i, (p, c, d) in enumerate(zip(analysis.phrases, analysis.counts, analysis.displays))
             if i not in gone]
    if revived:
        stays = sorted(stays + list(revived))
    return [p for p, _, _ in stays], [c for _, c, _ in stays], [d for _, _, d in stays]


def _revived(analysis: TopicAnalysis, names: tuple[frozenset[str], frozenset[str]],
             drop: set[int]) -> list[tuple[str, float, str]]:
    """Fragments whose longer phrases all name an entity, and which do not: (phrase, count, display)."""
    if not analysis.fragments or not any(names):
        return []
    left = {analysis.phrases[i] for i in drop}.union(f[0] for f in analysis.fragments)  # may be gone
    if not any(all(q in left for q in f[3]) for f in analysis.fragments):
        return []
    fragments = [f[0] for f in analysis.fragments]
    gone = {analysis.phrases[i] for i in drop}.union(fragments[i] for i in named(fragments, names))
    return [(p, c, d) for p, c, d, longer in analysis.fragments if p not in gone and all(q in gone for q in longer)]


_SCORERS: list[tuple[Taxonomy, Scorer]] = []


def scorer_for(taxonomy: Taxonomy) -> Scorer:
    """The compiled taxonomy; the last few are kept, found by identity first (equality is slower)."""
    for known, scorer in _SCORERS:
        if known is taxonomy:
            return scorer
    for known, scorer in _SCORERS:
        if known == taxonomy:
            _SCORERS.insert(0, (taxonomy, scorer))
            del _SCORERS[4:]
            return scorer
    scorer = Scorer(taxonomy)
    _SCORERS.insert(0, (taxonomy, scorer))
    del _SCORERS[4:]
    return scorer
