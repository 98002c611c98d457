"""Scoring articles against the taxonomy, keeping every piece of evidence for `digest explain`.

The rule, in full:
1. Each evidence term found in the article adds `weight x (1 + ln n)`, where n is how often it
   occurs (a title occurrence counts `title_weight` times). Words inside a matched phrase count
   for the phrase only ("air strike" is not also evidence for the labour word "strike").
2. Each entity named in a topic's `entities`, or with a topic's `entity_words` in its name, adds
   `weight x (1 + ln mentions)`.
3. A parent topic has at least the evidence of its strongest sub-topic (and its sub-topics'
   terms count towards its `min_terms`).
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
from .taxonomy import Taxonomy, Term
from .text import ArticleText, is_word, tokenize, variants


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
    evidence: dict[str, float]  # topic code -> evidence, at least that of its strongest sub-topic
    own: dict[str, float]  # topic code -> its own evidence
    hits: tuple[Hit, ...]


class Scorer:
    """The taxonomy compiled into lookup tables; built once per run, used for every article."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.settings = taxonomy.settings
        self.topics = {t.code: t for t in taxonomy.topics}
        words: dict[str, list[tuple[str, int]]] = defaultdict(list)  # form -> (topic code, term id)
        phrases: dict[int, dict[tuple[str, ...], list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
        prefixes: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.entity_names: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self.entity_words: dict[tuple[str, ...], list[tuple[str, Term]]] = defaultdict(list)
        self.terms: list[Term] = []  # counted by position: hashing a dataclass per hit is slow
        for topic in taxonomy.topics:
            for term in topic.words + topic.phrases:
                self.terms.append(term)
                entry = (topic.code, len(self.terms) - 1)
                if term.text.endswith("*") and " " not in term.text:
                    prefixes[term.text[:-1]].append(entry)
                    continue
                tokens = [t for t in tokenize(term.text) if is_word(t)]
                if len(tokens) == 1:
                    for form in variants(tokens[0]):
                        words[form].append(entry)
                elif tokens:  # a phrase, or a "word" written with a hyphen
                    for last in variants(tokens[-1]):
                        phrases[len(tokens)][tuple(tokens[:-1]) + (last,)].append(entry)
            for term in topic.entities:
                self.entity_names[term.text.casefold()].append((topic.code, term))
            for term in topic.entity_words:
                tokens = tuple(t for t in tokenize(term.text) if is_word(t))
                for form in variants(tokens[-1]) if tokens else ():
                    self.entity_words[tokens[:-1] + (form,)].append((topic.code, term))
        self.words = dict(words)
        self.word_keys = frozenset(words)
        self.phrases = {n: dict(table) for n, table in phrases.items()}
        self.phrase_keys = {n: frozenset(table) for n, table in phrases.items()}
        self.prefixes = {p: prefixes[p] for p in sorted(prefixes, key=lambda p: (-len(p), p))}  # longest first
        self.prefix_re = (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in self.prefixes) + r")\w*")
                          if prefixes else None)
        self.entity_word_lengths = sorted({len(k) for k in self.entity_words})
        self.ancestors = {code: self._ancestors(code) for code in self.topics}
        self._entity_cache: dict[tuple[str, EntityType], list[tuple[str, str, Term]]] = {}

    def _ancestors(self, code: str) -> list[str]:
        out, seen = [], {code}
        parent = self.topics[code].parent
        while parent and parent in self.topics and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.topics[parent].parent
        return out

    # --- one article -------------------------------------------------------------

    def assess(self, article: Article, text: ArticleText, *, explain: bool = False) -> Assessment:
        """The article's topics; with `explain`, also every hit that led to them."""
        title_weight = self.settings.title_weight
        counts: dict[tuple[str, str, int], float] = defaultdict(float)  # (code, kind, term id) -> occurrences
        consumed: dict[str, float] = defaultdict(float)  # word -> occurrences inside matched phrases
        joined = None
        for n in sorted(self.phrases, reverse=True):
            table, keys = self.phrases[n], self.phrase_keys[n]
            for title, factor in ((False, 1.0), (True, title_weight)):
                if n <= 3:
                    source = text.ngrams(n, title=title)
                    found = [(gram, source[gram]) for gram in keys.intersection(source)]
                else:  # long phrases are rare: count them in the joined text
                    if joined is None:
                        joined = (" " + " ".join(text.tokens) + " ", " " + " ".join(text.title_tokens) + " ")
                    found = [(gram, c) for gram in keys if (c := joined[title].count(" " + " ".join(gram) + " "))]
                for gram, c in found:
                    c *= factor
                    for code, term in table[gram]:
                        counts[(code, "phrase", term)] += c
                    for token in set(gram):
                        consumed[token] += c
        for title, factor in ((False, 1.0), (True, title_weight)):
            source = text.ngrams(1, title=title)
            for word in self.word_keys.intersection(source):
                c = source[word] * factor - consumed.get(word, 0.0)
                if c > 0:
                    for code, term in self.words[word]:
                        counts[(code, "word", term)] += c
        if self.prefix_re is not None:
            for tokens, factor in ((text.tokens, 1.0), (text.title_tokens, title_weight)):
                for word in self.prefix_re.findall(" ".join(tokens)):
                    exact = {code for code, _ in self.words.get(word, ())}
                    prefix = next(p for p in self.prefixes if word.startswith(p))
                    for code, term in self.prefixes[prefix]:
                        if code not in exact:  # "military" is already counted where it is a word
                            counts[(code, "word", term)] += factor

        own: dict[str, float] = defaultdict(float)
        n_terms: dict[str, int] = defaultdict(int)
        hits: list[Hit] = []
        for (code, kind, term_id), c in counts.items():
            term = self.terms[term_id]
            points = term.weight * (1 + math.log(c)) if c >= 1 else term.weight * c
            own[code] += points
            n_terms[code] += 1
            if explain:
                hits.append(Hit(code, kind, term.text, round(c, 3), points))
        for mention in article.entities:
            mentions = max(1, mention.count)
            factor = 1 + math.log(mentions)
            for code, kind, term in self._entity_matches(mention.name, mention.type):
                own[code] += term.weight * factor
                n_terms[code] += 1
                if explain:
                    hits.append(Hit(code, kind, term.text, mentions, term.weight * factor, mention.name))

        # A topic is at least as likely as its likeliest sub-topic (not the sum: adding sub-topics
        # must not push the article's other top-level topics below the secondary ratio).
        evidence: dict[str, float] = dict(own)
        terms = dict(n_terms)
        for code in sorted(own, key=lambda c: (-len(self.ancestors[c]), c)):  # deepest first
            for target in self.ancestors[code]:
                evidence[target] = max(evidence.get(target, 0.0), evidence[code])
                terms[target] = terms.get(target, 0) + n_terms[code]
        hits.sort(key=lambda h: (h.topic, -h.points, h.kind, h.term, h.matched))
        return Assessment(self._rank(evidence, terms), evidence, dict(own), tuple(hits))

    def _entity_matches(self, name: str, type_: EntityType) -> list[tuple[str, str, Term]]:
        """(topic code, kind, term) for one entity; the same few names recur, so they are cached."""
        key = (name, type_)
        cached = self._entity_cache.get(key)
        if cached is not None:
            return cached
        matches: list[tuple[str, str, Term]] = []
        seen: set[tuple[str, str]] = set()
        for code, term in self.entity_names.get(name.casefold(), ()):
            if (term.entity_type is None or term.entity_type is type_) and (code, term.text) not in seen:
                seen.add((code, term.text))
                matches.append((code, "entity", term))
        tokens = tuple(t for t in tokenize(name) if is_word(t))
        for n in self.entity_word_lengths:
            for i in range(len(tokens) - n + 1):
                for code, term in self.entity_words.get(tokens[i:i + n], ()):
                    if (term.entity_type is None or term.entity_type is type_) and (code, term.text) not in seen:
                        seen.add((code, term.text))
                        matches.append((code, "entity word", term))
        self._entity_cache[key] = matches
        return matches

    def _rank(self, evidence: dict[str, float], terms: dict[str, int]) -> tuple[TopicScore, ...]:
        s = self.settings
        roots = [t for t in self.taxonomy.topics if not t.parent and evidence.get(t.code, 0) > 0]
        roots.sort(key=lambda t: (-evidence[t.code], t.code))
        total = sum(evidence[t.code] for t in roots)
        if not roots or evidence[roots[0].code] < s.min_evidence or terms[roots[0].code] < s.min_terms:
            return ()
        floor = max(s.min_evidence, s.secondary_ratio * evidence[roots[0].code])
        chosen = [t for t in roots[: max(1, s.max_topics)] if evidence[t.code] >= floor and terms[t.code] >= s.min_terms]
        chosen_codes = {t.code for t in chosen}
        subs = [t for t in self.taxonomy.topics
                if t.parent and self.ancestors[t.code] and self.ancestors[t.code][-1] in chosen_codes
                and evidence.get(t.code, 0) >= s.min_evidence and terms.get(t.code, 0) >= s.min_terms]
        subs.sort(key=lambda t: (-evidence[t.code], t.code))
        return tuple(TopicScore(t.name, round(evidence[t.code] / total, 3)) for t in chosen + subs)
