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
6. An article of `learned.MIN_WORDS` words or more is also read by the learned model (`learned`): its
   shares (softmax of the logits / `SHARE_TEMPERATURE`), times `MODEL_POINTS`, replace the lexicon's
   points of the IPTC top-level topics (the lexicon's points enter the model's logits); its first topic is
   the main topic whatever its points; a further topic needs the share step 4 asks for, or lexicon
   points that step 4 alone would have accepted. The owner's own topics keep their lexicon points.

Topic evidence is weighted by the taxonomy, not by the collection, so a digest about one war
does not demote the word "war", and the same article gets the same topics in any collection.

Steps 1 (`Scorer.text_evidence`, from the article's own words) and 2-5 (`Scorer.rank`, once its
entities are known) are separate, so the first can be computed per file and cached.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from ...model import Article, EntityMention, EntityType, TopicScore
from .learned import TopicModel, load_model, softmax
from .taxonomy import Taxonomy, Term
from .text import ArticleText, is_word, tokenize, variants

# Evidence from an article's words: (topic code, points, number of different terms), by code.
TextEvidence = tuple[tuple[str, float, int], ...]

MODEL_POINTS = 20.0
"""A top-level topic's points from the learned model: its share (0-1) times this, so a topic the model
gives a fifth of the article reaches the default `min_evidence` of 4."""
SHARE_TEMPERATURE = 2.0
"""Shares are the softmax of logits / this: the same main topic, but a second topic the article is
also about keeps a share worth showing (the model is trained to pick one topic, so it is sure of it)."""


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
    shares: dict[str, float]  # top-level code -> the learned model's share, when the model decided
    words: dict[str, list[tuple[str, float]]]  # top-level code -> (word, weight) the model weighed most


class Scorer:
    """The taxonomy compiled into lookup tables; built once per run, used for every article."""

    def __init__(self, taxonomy: Taxonomy, model: TopicModel | None | str = "packaged") -> None:
        """`model`: the learned model to combine with the lexicon (the packaged one by default; the
        training script passes the ones it cross-validates, None for the lexicon alone)."""
        self.taxonomy = taxonomy
        self.settings = taxonomy.settings
        self.topics = {t.code: t for t in taxonomy.topics}
        words: dict[str, list[int]] = defaultdict(list)  # form -> term ids
        phrases: dict[int, dict[tuple[str, ...], list[int]]] = defaultdict(lambda: defaultdict(list))
        prefixes: dict[str, list[int]] = defaultdict(list)
        self.entity_names: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self.entity_words: dict[tuple[str, ...], list[tuple[str, Term]]] = defaultdict(list)
        self.terms: list[Term] = []  # counted by position: hashing a dataclass per hit is slow
        self.term_topic: list[str] = []  # topic code of each term
        self.term_kind: list[str] = []  # "word" or "phrase"
        for topic in taxonomy.topics:
            for term in topic.words + topic.phrases:
                term_id = len(self.terms)
                self.terms.append(term)
                self.term_topic.append(topic.code)
                if term.text.endswith("*") and " " not in term.text:
                    self.term_kind.append("word")
                    prefixes[term.text[:-1]].append(term_id)
                    continue
                tokens = [t for t in tokenize(term.text) if is_word(t)]
                self.term_kind.append("word" if len(tokens) == 1 else "phrase")
                if len(tokens) == 1:
                    for form in variants(tokens[0]):
                        words[form].append(term_id)
                elif tokens:  # a phrase, or a "word" written with a hyphen
                    for last in variants(tokens[-1]):
                        phrases[len(tokens)][tuple(tokens[:-1]) + (last,)].append(term_id)
            for term in topic.entities:
                self.entity_names[term.text.casefold()].append((topic.code, term))
            for term in topic.entity_words:
                tokens = tuple(t for t in tokenize(term.text) if is_word(t))
                for form in variants(tokens[-1]) if tokens else ():
                    self.entity_words[tokens[:-1] + (form,)].append((topic.code, term))
        self.words = dict(words)
        self.word_keys = frozenset(words)
        self.phrases = {n: dict(table) for n, table in sorted(phrases.items(), reverse=True)}  # longest first
        self.phrase_keys = {n: frozenset(table) for n, table in self.phrases.items()}
        # 2- and 3-word phrases as numbers, their words' ids (from 1) as digits: counted with numpy.
        phrase_words = sorted({w for n in (2, 3) for key in self.phrases.get(n, ()) for w in key})
        self.phrase_word_ids = {w: i + 1 for i, w in enumerate(phrase_words)}
        self.phrase_base = len(phrase_words) + 1
        # Trigrams are numbers below base³, bigrams from base³ up: all looked up at once.
        coded = sorted((self._phrase_code(k) + (self.phrase_base ** 3 if n == 2 else 0), n, k)
                       for n in (2, 3) for k in self.phrases.get(n, ()))
        self.phrase_codes = np.array([c for c, _, _ in coded], np.int64)
        self.phrase_keys_coded = [(n, k) for _, n, k in coded]
        self.prefixes = {p: prefixes[p] for p in sorted(prefixes, key=lambda p: (-len(p), p))}  # longest first
        self.prefix_tuple = tuple(self.prefixes)
        # Words already seen, and those among them that start with a prefix: most words recur.
        self._seen_words: set[str] = set()
        self._prefix_words: dict[str, str] = {}
        self.entity_word_lengths = sorted({len(k) for k in self.entity_words})
        self.ancestors = {code: self._ancestors(code) for code in self.topics}
        self.nested = any(self.ancestors.values())
        self.roots = frozenset(t.code for t in taxonomy.topics if not t.parent)
        if model == "packaged":
            model = load_model()
        # The learned model ranks the IPTC top-level topics the taxonomy has (none with `default: none`).
        self.model: TopicModel | None = model if model and self.roots.intersection(model.codes) else None
        self.model_columns = np.array([i for i, c in enumerate(model.codes) if c in self.roots], np.int64) if model else None
        self._entity_cache: dict[tuple[str, EntityType], list[tuple[str, str, Term]]] = {}

    def _phrase_code(self, key: tuple[str, ...]) -> int:
        code = 0
        for word in key:
            code = code * self.phrase_base + self.phrase_word_ids[word]
        return code

    def _ancestors(self, code: str) -> list[str]:
        out, seen = [], {code}
        parent = self.topics[code].parent
        while parent and parent in self.topics and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.topics[parent].parent
        return out

    # --- step 1: the article's words ---------------------------------------------

    def term_counts(self, text: ArticleText) -> dict[int, float]:
        """Occurrences of each evidence term found in the article (title ones multiplied), by term id."""
        title_weight = self.settings.title_weight
        counts: dict[int, float] = defaultdict(float)
        consumed: dict[str, float] = defaultdict(float)  # word -> occurrences inside matched phrases
        body_grams = self._body_phrase_grams(text)
        for n, table in self.phrases.items():
            keys = self.phrase_keys[n]
            for title, factor in ((False, 1.0), (True, title_weight)):
                if title:
                    source = text.ngrams(n, title=True) if len(text.title_tokens) >= n else {}
                    found = [(gram, source[gram]) for gram in keys.intersection(source)]
                elif n in body_grams:
                    found = list(body_grams[n].items())
                else:  # long phrases are rare: count those whose words all occur in the joined text
                    found = [(gram, c) for gram in keys if all(w in text.index for w in gram)
                             and (c := text.padded_lower.count(" " + " ".join(gram) + " "))]
                for gram, c in found:
                    c *= factor
                    for term_id in table[gram]:
                        counts[term_id] += c
                    for token in set(gram):
                        consumed[token] += c
        for title, factor in ((False, 1.0), (True, title_weight)):
            source = text.title_counts if title else text.counts
            for word in self.word_keys.intersection(source):
                c = source[word] * factor - consumed.get(word, 0.0)
                if c > 0:
                    for term_id in self.words[word]:
                        counts[term_id] += c
        if self.prefixes:
            for title, factor in ((False, 1.0), (True, title_weight)):
                source = text.title_counts if title else text.counts
                for word, prefix in self._prefixed(source):
                    exact = {self.term_topic[t] for t in self.words.get(word, ())}
                    for term_id in self.prefixes[prefix]:
                        if self.term_topic[term_id] not in exact:  # "military" is already counted where it is a word
                            counts[term_id] += factor * source[word]
        return counts

    def _body_phrase_grams(self, text: ArticleText) -> dict[int, dict[tuple[str, ...], int]]:
        """How often each 2- and 3-word phrase of the taxonomy occurs in the body."""
        out: dict[int, dict[tuple[str, ...], int]] = {2: {}, 3: {}}
        if len(text.ids) < 2 or not self.phrase_codes.size:
            return out
        base = self.phrase_base
        words = np.fromiter(map(self.phrase_word_ids.get, text.vocabulary, repeat(0)), np.int64, len(text.vocabulary))
        at = words[text.ids]  # each body token's phrase word id, 0 for other words (no phrase has a 0 digit)
        inside = at != 0
        two = (inside[:-1] & inside[1:]).nonzero()[0]  # where two phrase words follow each other
        pairs = at[two] * base + at[two + 1]
        three = two[:-1][(two[1:] == two[:-1] + 1)]  # ... and three
        codes = np.concatenate(((at[three] * base + at[three + 1]) * base + at[three + 2], pairs + base ** 3))
        where = np.minimum(self.phrase_codes.searchsorted(codes), self.phrase_codes.size - 1)
        found = np.bincount(where[self.phrase_codes[where] == codes], minlength=self.phrase_codes.size)
        for i in found.nonzero()[0].tolist():
            n, key = self.phrase_keys_coded[i]
            out[n][key] = int(found[i])
        return out

    def _prefixed(self, counts: dict[str, int]) -> list[tuple[str, str]]:
        """(word, its longest matching prefix) for the words in `counts` that start with a prefix."""
        words = set(counts)
        new = words.difference(self._seen_words)  # set.difference iterates over the smaller set
        if new:
            for word in new:
                if word.startswith(self.prefix_tuple):
                    self._prefix_words[word] = next(p for p in self.prefixes if word.startswith(p))
            if len(self._seen_words) > 1_000_000:
                self._seen_words.clear()
            self._seen_words.update(new)
        return sorted((w, self._prefix_words[w]) for w in self._prefix_words.keys() & words)  # the smaller side

    def text_evidence(self, text: ArticleText) -> TextEvidence:
        """Evidence from the article's words alone: (topic code, points, terms), sorted by code."""
        own: dict[str, float] = {}
        n_terms: dict[str, int] = {}
        topic, terms, log = self.term_topic, self.terms, math.log
        for term_id, c in sorted(self.term_counts(text).items()):
            code = topic[term_id]
            weight = terms[term_id].weight
            own[code] = own.get(code, 0.0) + (weight * (1 + log(c)) if c >= 1 else weight * c)
            n_terms[code] = n_terms.get(code, 0) + 1
        return tuple((code, own[code], n_terms[code]) for code in sorted(own))

    def text_logits(self, text: ArticleText) -> tuple[float, ...]:
        """The learned model's evidence from the article's words (empty for short articles)."""
        return self.model.text_logits(text) if self.model else ()

    def _points(self, term_id: int, c: float) -> float:
        weight = self.terms[term_id].weight
        return weight * (1 + math.log(c)) if c >= 1 else weight * c

    # --- steps 2 to 5: entities and the ranking ------------------------------------

    def rank(self, evidence: TextEvidence, entities: Iterable[EntityMention],
             logits: tuple[float, ...] = ()) -> tuple[TopicScore, ...]:
        """The article's topics from its text evidence, its entities and the model's `text_logits`."""
        own, n_terms = self.lexicon_points(evidence, entities)
        shares = self._shares(logits, own)
        return self._rank(own, n_terms, shares)

    def lexicon_points(self, evidence: TextEvidence, entities: Iterable[EntityMention]
                       ) -> tuple[dict[str, float], dict[str, int]]:
        """The lexicon's points and number of terms per topic, from words and entities (steps 1-3): what
        the learned model's logits take in, at build time and at training time (scripts/train_topics.py)."""
        own = {code: points for code, points, _ in evidence}
        n_terms = {code: terms for code, _, terms in evidence}
        if entities:
            self._add_entities(own, n_terms, entities)
        if self.nested:
            own, n_terms = self._lift(own, n_terms)
        return own, n_terms

    def _shares(self, logits: tuple[float, ...], lexicon: dict[str, float]) -> dict[str, float]:
        """Each top-level topic's share by the learned model, given the lexicon's (lifted) points."""
        if not logits or self.model is None:
            return {}
        model = self.model
        columns = self.model_columns
        p = softmax(model.logits(logits, lexicon)[columns] / SHARE_TEMPERATURE)
        return {model.codes[c]: float(v) for c, v in zip(columns.tolist(), p.tolist())}

    def assess(self, article: Article, text: ArticleText, *, explain: bool = False) -> Assessment:
        """The article's topics; with `explain`, also every hit that led to them."""
        evidence = self.text_evidence(text)
        own = {code: points for code, points, _ in evidence}
        n_terms = {code: terms for code, _, terms in evidence}
        hits: list[Hit] = []
        if explain:
            for term_id, c in self.term_counts(text).items():
                hits.append(Hit(self.term_topic[term_id], self.term_kind[term_id], self.terms[term_id].text,
                                round(c, 3), self._points(term_id, c)))
        self._add_entities(own, n_terms, article.entities, hits if explain else None)
        lifted, terms = self._lift(own, n_terms)
        hits.sort(key=lambda h: (h.topic, -h.points, h.kind, h.term, h.matched))
        shares = self._shares(self.text_logits(text), lifted)
        words = {code: self.model.contributions(text, code) for code in shares} if explain and self.model else {}
        ranked = self._rank(lifted, terms, shares)
        if shares:
            lifted = self._model_evidence(lifted, shares)
        return Assessment(ranked, lifted, own, tuple(hits), shares, words)

    @staticmethod
    def _model_evidence(evidence: dict[str, float], shares: dict[str, float]) -> dict[str, float]:
        out = dict(evidence)
        out.update((code, share * MODEL_POINTS) for code, share in shares.items())
        return out

    def _add_entities(self, own: dict[str, float], n_terms: dict[str, int], entities: Iterable[EntityMention],
                      hits: list[Hit] | None = None) -> None:
        cache = self._entity_cache
        for mention in entities:
            matches = cache.get((mention.name, mention.type))
            if matches is None:
                matches = self._entity_matches(mention.name, mention.type)
            if not matches:
                continue
            mentions = max(1, mention.count)
            factor = 1 + math.log(mentions)
            for code, kind, term in matches:
                own[code] = own.get(code, 0.0) + term.weight * factor
                n_terms[code] = n_terms.get(code, 0) + 1
                if hits is not None:
                    hits.append(Hit(code, kind, term.text, mentions, term.weight * factor, mention.name))

    def _lift(self, own: dict[str, float], n_terms: dict[str, int]) -> tuple[dict[str, float], dict[str, int]]:
        """A topic is at least as likely as its likeliest sub-topic (not the sum: adding sub-topics
        must not push the article's other top-level topics below the secondary ratio)."""
        evidence: dict[str, float] = dict(own)
        terms = dict(n_terms)
        if self.nested:
            for code in sorted(own, key=lambda c: (-len(self.ancestors[c]), c)):  # deepest first
                for target in self.ancestors[code]:
                    evidence[target] = max(evidence.get(target, 0.0), evidence[code])
                    terms[target] = terms.get(target, 0) + n_terms[code]
        return evidence, terms

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

    def _rank(self, evidence: dict[str, float], terms: dict[str, int],
              shares: dict[str, float] | None = None) -> tuple[TopicScore, ...]:
        """With the model's `shares`, they replace the lexicon's points of the IPTC top-level topics, and
        the main topic needs no minimum: an article long enough for the model always gets a topic. A
        further topic needs the share the rule asks for, or lexicon points that would have made it a
        further topic without the model (the model is trained to pick one topic, and is sure of it).
        The owner's topics keep their lexicon points."""
        s = self.settings
        lexicon_roots = [code for code, points in evidence.items() if code in self.roots and points > 0]
        if shares:
            terms = {**terms, **dict.fromkeys(shares, s.min_terms)}
            lexicon_main = max((evidence[c] for c in lexicon_roots), default=0.0)
            lexicon_floor = max(s.min_evidence, s.secondary_ratio * lexicon_main)
            backed = {c for c in lexicon_roots if evidence[c] >= lexicon_floor and terms.get(c, 0) >= s.min_terms}
            evidence = self._model_evidence(evidence, shares)
        roots = sorted((-points, code) for code, points in evidence.items() if points > 0 and code in self.roots)
        if not roots:
            return ()
        total = sum(-points for points, _ in roots)
        main = -roots[0][0]
        if not shares and (main < s.min_evidence or terms[roots[0][1]] < s.min_terms):
            return ()
        floor = max(s.min_evidence, s.secondary_ratio * main)
        chosen = [(points, code) for i, (points, code) in enumerate(roots)
                  if (i == 0 and shares) or (-points >= floor and terms[code] >= s.min_terms)
                  or (shares and code in backed)][: max(1, s.max_topics)]
        if self.nested:
            chosen_codes = {code for _, code in chosen}
            chosen += sorted((-evidence[t.code], t.code) for t in self.taxonomy.topics
                             if t.parent and self.ancestors[t.code] and self.ancestors[t.code][-1] in chosen_codes
                             and evidence.get(t.code, 0) >= s.min_evidence and terms.get(t.code, 0) >= s.min_terms)
        return tuple(TopicScore(self.topics[code].name, round(-points / total, 3)) for points, code in chosen)
