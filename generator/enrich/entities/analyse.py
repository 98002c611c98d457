"""Pass one, per article: its text as sentences, and every candidate classified on its own.

Nothing here looks at other articles; `resolve` does that.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Article, EntityType
from ..markdown_text import plain_text
from . import lexicon as lx
from . import sports
from .candidates import Candidate, find
from .classify import classify
from .gazetteer import Gazetteer
from .rules import EntityRules
from .tokens import Sentence, is_headline_case, sentences


@dataclass
class Analysis:
    article: Article
    paragraphs: list[str]  # title, caption, body paragraphs: what the offsets refer to
    sentences: list[Sentence]
    paragraph_of: list[int]  # sentence index -> paragraph index
    candidates: list[Candidate]


def analyse(article: Article, gaz: Gazetteer, rules: EntityRules) -> Analysis:
    language = (article.language or "en").lower().split("-")[0]
    english = language == "en"
    paragraphs: list[str] = []
    all_sentences: list[Sentence] = []
    paragraph_of: list[int] = []

    def add(text: str, zone: str, weak: bool = False) -> None:
        text = " ".join(text.split())
        if not text:
            return
        paragraphs.append(text)
        for s in sentences(text, zone, weak):
            all_sentences.append(s)
            paragraph_of.append(len(paragraphs) - 1)

    # A headline's capitals (or a wire headline re-cased word by word) say little about names.
    add(article.title, "title", weak=is_headline_case(article.title))
    if article.image and article.image.caption:
        add(article.image.caption, "caption")
    for paragraph in plain_text(article.blocks).split("\n\n"):
        add(paragraph, "body")

    candidates: list[Candidate] = []
    for index, sentence in enumerate(all_sentences):
        for cand in find(sentence, index, gaz, language):
            if rules.ignored(cand.surface):
                continue
            classify(cand, gaz, english, language)
            _apply_rules(cand, rules, gaz)
            if not rules.ignored(cand.canonical):
                candidates.append(cand)
    _paren_acronyms(candidates, all_sentences)
    sports.apply(sports.sport_kind(article.title), candidates, all_sentences, gaz)
    return Analysis(article, paragraphs, all_sentences, paragraph_of, candidates)


def _apply_rules(cand: Candidate, rules: EntityRules, gaz: Gazetteer) -> None:
    target = rules.aliases.get(cand.surface) or rules.aliases.get(cand.canonical)
    if target:
        cand.canonical = target
        if cand.type is None:
            hit = gaz.lookup(target)
            if hit:
                cand.type, cand.strength = hit[0], 3
        cand.strength = max(cand.strength, 2) if cand.type else cand.strength
    forced = rules.types.get(cand.canonical)
    if forced is not None:
        cand.type, cand.strength = forced, 4


def _paren_acronyms(candidates: list[Candidate], all_sentences: list[Sentence]) -> None:
    """'(SACEUR)' after a title is an abbreviated title, not an organization."""
    for cand in candidates:
        if not cand.paren_acronym or cand.strength >= 3:
            continue
        words = all_sentences[cand.sentence].words
        k = cand.start - 2
        while k >= 0 and words[k][:1].isupper():
            if words[k].casefold() in lx.TITLES:
                cand.type, cand.strength = None, 0
                break
            k -= 1


def is_person(cand: Candidate) -> bool:
    return cand.type is EntityType.PERSON
