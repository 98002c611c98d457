"""People, organizations and places named in articles.

Interface used by the pipeline:
- `load_rules(path)` reads the owner's `content/entities.yml` into `EntityRules`.
- `extract_corpus(articles, rules)` returns the articles with `entities` filled in.
  Articles whose owner gave `entities` in front matter keep them.

How it works, module by module:
- `tokens`: the text as sentences of tokens with their shapes;
- `candidates`: runs of capitalized words cut into names, roles and context cues;
- `gazetteer`: known places, organizations, first names and ordinary words (shipped data);
- `classify`: each candidate's type and how sure we are;
- `analyse`: pass one over each article; `resolve`: pass two, within the article and
  across the corpus; `quotes`: quotations attributed to people; `rules`: the owner's file.
Pure Python, deterministic, and no I/O apart from reading the gazetteer once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Article
from .analyse import analyse
from .gazetteer import gazetteer
from .resolve import learn_all, resolve_article
from .rules import EntityRules, load_rules

__all__ = ["EntityRules", "extract_corpus", "load_rules"]


def extract_corpus(articles: Sequence[Article], rules: EntityRules) -> list[Article]:
    """The articles with `entities` filled in, using what the whole corpus teaches."""
    todo = [a for a in articles if "entities" not in a.given_keys]
    if not todo:
        return list(articles)
    gaz = gazetteer()
    analyses = {a.source: analyse(a, gaz, rules) for a in todo}
    corpus = learn_all(analyses[a.source] for a in sorted(todo, key=lambda a: a.source))
    out: list[Article] = []
    for article in articles:
        analysis = analyses.get(article.source)
        if analysis is None or "entities" in article.given_keys:
            out.append(article)
        else:
            out.append(replace(article, entities=resolve_article(analysis, corpus, gaz, rules)))
    return out
