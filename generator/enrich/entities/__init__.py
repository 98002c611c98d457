"""People, organizations and places named in articles.

Interface used by the pipeline:
- `load_rules(path)` reads the owner's `content/entities.yml` into `EntityRules`.
- `analyse_article(article)` is pass one: what one article says about its names, as a
  compact, picklable `EntityAnalysis` that depends only on the article's text and on
  this package (code and gazetteer), never on other articles nor on the owner's rules.
  The pipeline caches it per input file (under a key covering the code and gazetteer) and
  runs it in parallel.
- `resolve_corpus(articles, analyses, rules, memo)` is passes two and three, over the whole
  corpus: the owner's rules, surnames, types learnt from other articles, roles, quotes, then
  evidence, junk and spellings across articles. With the last build's memo it goes on from
  that build's corpus-wide sums (`resolve._Resumed`, `unify.Resumed`): new, changed and removed
  articles add or take back what they teach, and an article is made again only when its file
  changed or a corpus fact about one of its names did, so a dropped article costs what it
  changes rather than what the corpus holds.
- `extract_corpus(articles, rules)` does both and returns the articles with `entities`
  filled in. Articles whose owner gave `entities` in front matter keep them.

How it works, module by module:
- `tokens`: sentences and runs of capitalized words, and the tokens around them on demand;
- `candidates`: runs cut into names, roles and context cues;
- `gazetteer`: known places, organizations, first names and ordinary words (shipped data);
- `classify`: each candidate's type and how sure we are;
- `analyse`: pass one; `resolve`: pass two, within the article and across the corpus;
  `unify`: pass three, the corpus as a whole (evidence for surnames, junk, one spelling per
  entity, with `variants`, the table of common short forms and other-language names);
  `records`: what pass one hands to pass two; `quotes`: quotations attributed to people;
  `sports`: results tables and scorecards; `rules`: the owner's file.
Pure Python, deterministic, and no I/O apart from reading the gazetteer once per process.

Names in capitals (wire headlines, datelines, results tables) get one spelling per entity:
a name the gazetteer knows takes its usual spelling ("LONDON" -> London); a name the article
or the corpus writes in ordinary case takes that spelling ("ROTOR" -> Rotor, "MILLER" -> Nate
Miller); a name only ever seen in capitals is kept as written ("ESCHEN", "COMELF"), because
title case would be a guess, and a wrong one for an acronym ("NATO" is not "Nato"). A dateline
("ESCHEN 1996-08-30", "BRUSSELS, March 4 (Reuters) -") is a place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Article, EntityMention
from ...nogc import no_cycle_collection
from ..memo import CorpusMemo
from .analyse import analyse
from .gazetteer import gazetteer
from .records import EntityAnalysis
from .resolve import Analysed, resolve_all, resolve_records
from .rules import EntityRules, load_rules
from .unify import Resumed, unify

__all__ = ["EntityAnalysis", "EntityRules", "analyse_article", "extract_corpus", "load_rules",
           "resolve_corpus"]

def analyse_article(article: Article, rules: EntityRules | None = None) -> EntityAnalysis:
    """Pass one for one article. Pure and deterministic; the result is a few kilobytes of
    plain tuples. The owner's rules are applied in `resolve_corpus`, so an analysis stays
    valid when `entities.yml` changes (`rules` is accepted and not used)."""
    gaz = gazetteer()
    with no_cycle_collection():
        return analyse(article, gaz)


def resolve_corpus(articles: Sequence[Article], analyses: Sequence[EntityAnalysis | None],
                   rules: EntityRules, memo: CorpusMemo | None = None) -> list[tuple[EntityMention, ...]]:
    """Pass two: the entities of each article, in the order given, using what the whole
    corpus teaches. `analyses[i]` belongs to `articles[i]`; an article whose owner gave
    `entities` keeps them and teaches nothing (its analysis may be None). `memo` holds
    per-article results of the last build (see enrich.memo): the result is the same without it."""
    if len(articles) != len(analyses):
        raise ValueError(f"{len(articles)} articles but {len(analyses)} analyses")
    # (read lazily: the passes that go on from the last build read few analyses, see `Analysed`)
    todo = Analysed(analyses, ["entities" in a.given_keys for a in articles], [a.source for a in articles])
    languages = [(a.language or "en").lower().split("-")[0] for a in articles]
    protected = frozenset((*rules.aliases, *rules.aliases.values(), *rules.types))
    with no_cycle_collection():
        if memo is None:
            found = resolve_all(todo, rules, gazetteer, languages)
            found = unify(found, todo, languages, gazetteer(), protected)
        else:  # both passes from the last build's (see resolve._Resumed, unify.Resumed)
            keys = [(a.source, a.source_sha256) for a in articles]
            records, last, warm = resolve_records(todo, rules, gazetteer, languages, memo, keys)
            found = Resumed(records, todo, languages, keys, gazetteer(), protected, memo, last, rules.aliases,
                            warm).run()
    return [article.entities if mentions is None else mentions for article, mentions in zip(articles, found)]


def extract_corpus(articles: Sequence[Article], rules: EntityRules) -> list[Article]:
    """The articles with `entities` filled in, using what the whole corpus teaches."""
    todo = [a for a in articles if "entities" not in a.given_keys]
    if not todo:
        return list(articles)
    analyses = [None if "entities" in a.given_keys else analyse_article(a) for a in articles]
    found = resolve_corpus(articles, analyses, rules)
    return [a if "entities" in a.given_keys else replace(a, entities=mentions) for a, mentions in zip(articles, found)]
