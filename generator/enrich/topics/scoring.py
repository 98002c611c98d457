"""Scoring articles against the taxonomy, keeping every piece of evidence for `digest explain`.

The rule, in full:
1. Each evidence term found in the article adds `weight x (1 + ln n)`, where n is how often it
   occurs (a title occurrence counts `title_weight` times). Words inside a matched phrase count
   for the phrase only ("air strike" is not also evidence for the labour word "strike").
2. Each entity named in a topic's `entities`, or with a topic's `entity_words` in its name, adds
   `weight x (1 + ln mentions)`.
3. A sub-topic's evidence also counts for its parent (and the parent's parent).
4. Top-level topics are ranked by evidence. The first is the main topic when it has at least
   `min_evidence` from `min_terms` different terms; otherwise the article gets no topic.
   Up to `max_topics` top-level topics follow while they have `secondary_ratio` of the main
   topic's evidence. Sub-topics of the chosen topics with `min_evidence` of their own come after.
5. The score shown is the topic's share of all top-level evidence in the article.

Topic evidence is weighted by the taxonomy, not by the collection, so a digest about one war
does not demote the word "war", and the same article gets the same topics in any collection.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ...model import Article, EntityType, TopicScore
from .taxonomy import Taxonomy, Term, Topic
from .text import BREAK, ArticleText, singular, tokenize, variants


@dataclass(frozen=True)
class Hit:
    """One term's contribution to one topic in one article."""

    topic: str  # code of the topic whose evidence it is
    kind: str  # "word", "phrase", "entity", "entity word"
    term: str  # as written in the taxonomy
    count: float  # occurrences (title ones multiplied), or entity mentions
    points: float
    matched: str = ""  # the entity, for entity evidence


@dataclass(frozen=True)
class Assessment:
    """Everything the scorer found in one article: the topics it assigns and why."""

    topics: tuple[TopicScore, ...]
    evidence: dict[str, float]  # topic code -> evidence including sub-topics
    own: dict[str, float]  # topic code -> its own evidence
    hits: tuple[Hit, ...]


class Scorer:
    """The taxonomy compiled into lookup tables; built once per run, used for every article."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.settings = taxonomy.settings
        self.topics = {t.code: t for t in taxonomy.topics}
        self.words: dict[str, list[tuple[Topic, Term]]] = defaultdict(list)
        self.phrases: dict[int, dict[tuple[str, ...], list[tuple[Topic, Term]]]] = defaultdict(lambda: defaultdict(list))
        self.entity_names: dict[str, list[tuple[Topic, Term]]] = defaultdict(list)
        self.entity_words: dict[tuple[str, ...], list[tuple[Topic, Term]]] = defaultdict(list)
        prefixes: dict[str, list[tuple[Topic, Term]]] = defaultdict(list)
        for topic in taxonomy.topics:
            for term in topic.words:
                if term.text.endswith("*"):
                    prefixes[term.text[:-1]].append((topic, term))
                    continue
                tokens = [t for t in tokenize(term.text) if t != BREAK]
                if len(tokens) == 1:
                    for form in variants(tokens[0]):
                        self.words[form].append((topic, term))
                elif tokens:  # a "word" with a hyphen or space is a phrase
                    self._add_phrase(tokens, topic, term)
            for term in topic.phrases:
                tokens = [t for t in tokenize(term.text) if t != BREAK]
                if tokens:
                    self._add_phrase(tokens, topic, term)
            for term in topic.entities:
                self.entity_names[term.text.casefold()].append((topic, term))
            for term in topic.entity_words:
                tokens = tuple(t for t in tokenize(term.text) if t != BREAK)
                for form in variants(tokens[-1]) if tokens else ():
                    self.entity_words[tokens[:-1] + (form,)].append((topic, term))
        self.prefixes = dict(prefixes)
        self.prefix_re = (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True)) + r")\w*")
                          if prefixes else None)
        self.entity_word_lengths = sorted({len(k) for k in self.entity_words})
        self.ancestors = {code: self._ancestors(code) for code in self.topics}

    def _add_phrase(self, tokens: list[str], topic: Topic, term: Term) -> None:
        for last in variants(tokens[-1]):
            self.phrases[len(tokens)][tuple(tokens[:-1]) + (last,)].append((topic, term))

    def _ancestors(self, code: str) -> list[str]:
        out, seen = [], {code}
        parent = self.topics[code].parent
        while parent and parent in self.topics and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.topics[parent].parent
        return out

    # --- one article -------------------------------------------------------------

    def assess(self, article: Article, text: ArticleText) -> Assessment:
        title_weight = self.settings.title_weight
        counts: dict[tuple[str, str, Term], float] = defaultdict(float)  # (code, kind, term) -> occurrences
        consumed: dict[str, float] = defaultdict(float)  # word -> occurrences inside matched phrases

        for n in sorted(self.phrases, reverse=True):
            table = self.phrases[n]
            for source, factor in ((text.ngrams(n), 1.0), (text.ngrams(n, title=True), title_weight)):
                for gram in table.keys() & source.keys():
                    c = source[gram] * factor
                    for topic, term in table[gram]:
                        counts[(topic.code, "phrase", term)] += c
                    for token in set(gram):
                        consumed[token] += c
        for source, factor in ((text.ngrams(1), 1.0), (text.ngrams(1, title=True), title_weight)):
            for word in self.words.keys() & source.keys():
                c = source[word] * factor - consumed.get(word, 0.0)
                if c > 0:
                    for topic, term in self.words[word]:
                        counts[(topic.code, "word", term)] += c
        if self.prefix_re is not None:
            for tokens, factor in ((text.tokens, 1.0), (text.title_tokens, title_weight)):
                for match in self.prefix_re.finditer(" ".join(tokens)):
                    word = match.group()
                    for prefix in sorted(self.prefixes, key=len, reverse=True):
                        if word.startswith(prefix):
                            for topic, term in self.prefixes[prefix]:
                                if not self.words.get(word) or all(t.code != topic.code for t, _ in self.words[word]):
                                    counts[(topic.code, "word", term)] += factor
                            break

        hits: list[Hit] = []
        for (code, kind, term), c in counts.items():
            points = term.weight * (1 + math.log(c)) if c >= 1 else term.weight * c
            hits.append(Hit(code, kind, term.text, round(c, 3), points))
        for mention in article.entities:
            hits.extend(self._entity_hits(mention.name, mention.type, max(1, mention.count)))

        own: dict[str, float] = defaultdict(float)
        terms: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for hit in hits:
            for code in [hit.topic, *self.ancestors[hit.topic]]:
                terms[code].add((hit.kind, hit.term))
            own[hit.topic] += hit.points
        evidence: dict[str, float] = defaultdict(float)
        for code, points in own.items():
            for target in [code, *self.ancestors[code]]:
                evidence[target] += points
        hits.sort(key=lambda h: (h.topic, -h.points, h.kind, h.term, h.matched))
        return Assessment(self._rank(evidence, own, terms), dict(evidence), dict(own), tuple(hits))

    def _entity_hits(self, name: str, type_: EntityType, mentions: int) -> list[Hit]:
        hits: list[Hit] = []
        factor = 1 + math.log(mentions)
        seen: set[tuple[str, str]] = set()
        for topic, term in self.entity_names.get(name.casefold(), ()):
            if (term.entity_type is None or term.entity_type is type_) and (topic.code, term.text) not in seen:
                seen.add((topic.code, term.text))
                hits.append(Hit(topic.code, "entity", term.text, mentions, term.weight * factor, name))
        tokens = tuple(t for t in tokenize(name) if t != BREAK)
        for n in self.entity_word_lengths:
            for i in range(len(tokens) - n + 1):
                for topic, term in self.entity_words.get(tokens[i:i + n], ()):
                    if (term.entity_type is None or term.entity_type is type_) and (topic.code, term.text) not in seen:
                        seen.add((topic.code, term.text))
                        hits.append(Hit(topic.code, "entity word", term.text, mentions, term.weight * factor, name))
        return hits

    def _rank(self, evidence: dict[str, float], own: dict[str, float], terms: dict[str, set]) -> tuple[TopicScore, ...]:
        s = self.settings
        roots = [t for t in self.taxonomy.topics if not t.parent and evidence.get(t.code, 0) > 0]
        roots.sort(key=lambda t: (-evidence[t.code], t.code))
        total = sum(evidence[t.code] for t in roots)
        if not roots or evidence[roots[0].code] < s.min_evidence or len(terms[roots[0].code]) < s.min_terms:
            return ()
        floor = max(s.min_evidence, s.secondary_ratio * evidence[roots[0].code])
        chosen = [t for t in roots[: max(1, s.max_topics)] if evidence[t.code] >= floor and len(terms[t.code]) >= s.min_terms]
        chosen_codes = {t.code for t in chosen}
        subs = [t for t in self.taxonomy.topics
                if t.parent and self.ancestors[t.code][-1] in chosen_codes
                and evidence.get(t.code, 0) >= s.min_evidence and len(terms[t.code]) >= s.min_terms]
        subs.sort(key=lambda t: (-evidence[t.code], t.code))
        return tuple(TopicScore(t.name, round(evidence[t.code] / total, 3)) for t in chosen + subs)
