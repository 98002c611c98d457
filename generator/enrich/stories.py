"""Stories: articles that report the same event or developing story, grouped in one pass.

Each article becomes a sparse vector of two groups of features, each group normalized and
the entities scaled by ENTITY_WEIGHT: its entities (people and organizations at 1, places at PLACE_WEIGHT,
times the stepped idf of `topics.weights`) and its TERMS_PER_ARTICLE most distinctive words
(title and lead, singular forms, no stop words, no words of its own entity names; sublinear
tf x the same idf). Document frequencies are counted over the whole corpus.

Articles are then taken once, in canonical order (dated ones by date, then undated ones; ties
by source path), and each joins the story it is most similar to or starts one. A story is the
sum of its articles' vectors; the similarity is the cosine between the article and that sum,
times a factor for the days since the story's latest article (1 up to GAP_DAYS, then falling
by half every HALF_LIFE_DAYS; an undated article or story is judged by content alone). The
article joins the best story when that reaches JOIN_SIMILARITY (UNDATED_JOIN_SIMILARITY when the
article or the story has no date: content alone must then say more). Nothing is ever re-clustered:
a new article can only join a story or start one, and an article added at the end of the
canonical order changes no earlier decision (only the idf steps of its own features).

One event has the same actors: where the article or the story names people or organizations
(news agencies and desks that filed the reports do not count), the article joins only a story
that shares one of them; where both name places, they share one. Reports written to one
template about different events ("Armenia and Portugal draw 0-0 in World Cup qualifier",
"Austria draw 0-0 with Scotland ...") are alike in words only.

Stories are found through an inverted index from feature to stories, over features in at most
MAX_POSTINGS articles (commoner ones still count in the similarity, but a story is never a
candidate through them alone), and dot products are summed along the postings, skipping stories
whose latest article is further back than any similarity could make up for; so the work per
article is bounded by its features' postings, never by the number of stories.

A story is named by its first article: its key is that article's source and its title that
article's title (the report that started it), so neither changes as the story grows and the
pages of a story's articles change only when the story does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..wire import is_news_source
from ..model import Article, Block, BulletList, EntityMention, EntityType, MarkdownBody, Paragraph, StoryRef
from ..stopwords import stop_lists
from .topics.tags import NEWS_STOP_WORDS
from .topics.text import singular

ENTITY_WEIGHT = 1.0  # the entity group's weight beside the words' (1)
PLACE_WEIGHT = 0.8  # sharing a country says less than sharing a person or an organization
TERMS_PER_ARTICLE = 15
LEAD_WORDS = 150  # the words of the body read for terms, after the title
TITLE_WEIGHT = 2.0  # a word in the title counts as this many occurrences
MAX_POSTINGS = 200
JOIN_SIMILARITY = 0.5
UNDATED_JOIN_SIMILARITY = 0.65  # without dates to tell two events apart, content must say more
GAP_DAYS = 3
HALF_LIFE_DAYS = 7.0

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = {code: frozenset(words) for code, words in stop_lists().items()}
# Counting and vague quantity words: "ten firefighters" and "nine people" are not what two reports share.
_COUNTING = frozenset("""
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen several many least
    most more other others another some numerous multiple few half
""".split())
_ENGLISH_STOP = _STOP.get("en", frozenset()) | NEWS_STOP_WORDS | _COUNTING


@dataclass(frozen=True)
class StoryInput:
    """What clustering needs of one article: its date and its raw features (feature -> weight before idf)."""

    source: str
    date: dt.date | None
    entities: dict[str, float]
    terms: dict[str, float]


@dataclass
class _Story:
    first: int  # index (in canonical order) of the story's first article
    last_date: dt.date | None
    members: list[int] = field(default_factory=list)
    has_actors: bool = False  # one of its articles names a person or an organization
    has_entities: bool = False  # one of its articles names anyone or any place
    weights: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, index: int, vector: dict[str, float], date: dt.date | None) -> None:
        self.members.append(index)
        if date is not None:
            self.last_date = date if self.last_date is None else max(self.last_date, date)
        for feature, w in vector.items():
            old = self.weights.get(feature, 0.0)
            self.weights[feature] = old + w
            self.norm2 += (old + w) ** 2 - old * old


def story_words(article: Article) -> tuple[tuple[str, float], ...]:
    """The words of the title and lead that can be terms (lower case, no stop words), each with
    its occurrences weighed and summed, in order of first use. It depends on the article's text
    alone, so the per-file stage computes it once (cached); `story_input` finishes the terms."""
    stop = _STOP.get(article.language, frozenset()) | (_ENGLISH_STOP if article.language == "en" else NEWS_STOP_WORDS)
    counts: dict[str, float] = {}
    for weight, text in ((TITLE_WEIGHT, article.title), (1.0, _lead(article.blocks))):
        for word in _words(text.lower()):
            if word not in stop:
                counts[word] = counts.get(word, 0.0) + weight
    return tuple(counts.items())


# Characters around a word in a piece of text between spaces ("(said,"); none is a letter.
_EDGES = ".,;:!?\"'()[]{}“”‘’«»…—–-/*"


def _words(text: str) -> list[str]:
    """_WORD.findall(text), faster: no word spans white space, and a piece between spaces that
    is all letters (once punctuation around it is set aside) is one word if it is long enough."""
    found: list[str] = []
    append, extend, findall = found.append, found.extend, _WORD.findall
    for piece in text.split():
        if piece.isalpha():
            if len(piece) >= 3:
                append(piece)
        elif (core := piece.strip(_EDGES)).isalpha():
            if len(core) >= 3:
                append(core)
        else:
            extend(findall(piece))
    return found


def story_input(article: Article, words: Sequence[tuple[str, float]] | None = None) -> StoryInput:
    """An article's date, entities and candidate terms (raw counts; idf comes with the corpus).
    `words` is the article's `story_words`, when the per-file stage has it already."""
    entities: dict[str, float] = {}
    name_words: set[str] = set()
    for mention in article.entities:
        weight = PLACE_WEIGHT if mention.type is EntityType.PLACE else 1.0
        key = sys.intern(f"{mention.type.value}:{mention.name}")
        entities[key] = max(entities.get(key, 0.0), weight * (1 + math.log(max(1, mention.count))))
        found = _NAME_WORDS.get(mention.name)
        if found is None:
            found = _NAME_WORDS[mention.name] = frozenset(w.lower() for w in _WORD.findall(mention.name))
        name_words |= found
    # Weights are whole numbers (TITLE_WEIGHT, 1), so summing by word first changes no sum,
    # and a term's place in `counts` is still where its first word came in the text.
    counts: dict[str, float] = {}
    singulars = _SINGULARS
    for word, weight in story_words(article) if words is None else words:
        if word in name_words:
            continue
        term = singulars.get(word)
        if term is None:
            term = singulars[word] = singular(word)
        counts[term] = counts.get(term, 0.0) + weight
    if len(singulars) > 1 << 17:  # memos of pure functions, bounded (words and names repeat across articles)
        singulars.clear()
    if len(_NAME_WORDS) > 1 << 16:
        _NAME_WORDS.clear()
    return StoryInput(article.source, article.date, entities, counts)


_SINGULARS: dict[str, str] = {}  # word -> singular(word)
_NAME_WORDS: dict[str, frozenset[str]] = {}  # entity name -> its words in lower case


def _lead(blocks: Sequence[Block]) -> str:
    parts: list[str] = []
    words = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            texts: Sequence[str] = (block.text,)
        elif isinstance(block, BulletList):
            texts = block.items
        elif isinstance(block, MarkdownBody):
            texts = (block.source,)
        else:
            continue
        for text in texts:
            parts.append(text)
            words += text.count(" ") + 1
            if words >= LEAD_WORDS:
                return " ".join(parts)
    return " ".join(parts)


def relative_idf(df: int, n: int) -> float:
    """1 + ln 2 x floor(log2(n / df)): a feature in every article weighs 1, in half of them 1.7,
    in one of 1,000 7.9. Relative to the corpus, so a word every article of a small digest shares
    (a series' boilerplate) says little; in doubling steps, so one more article rarely moves it."""
    return 1.0 + math.log(2) * max(0, int(math.floor(math.log2(n / df))))


def canonical_order(inputs: Sequence[StoryInput]) -> list[int]:
    """Dated articles by date, then undated ones; ties by source path."""
    return sorted(range(len(inputs)), key=lambda i: (inputs[i].date is None, inputs[i].date or dt.date.min,
                                                      inputs[i].source))


def vectors(inputs: Sequence[StoryInput]) -> tuple[list[dict[str, float]], dict[str, int]]:
    """Each article's weighted, normalized feature vector, and each feature's document frequency
    (terms as "t:" + term)."""
    frequencies = Frequencies.count([item.entities.keys() for item in inputs], [item.terms.keys() for item in inputs])
    return [frequencies.vector(item) for item in inputs], frequencies.df()


@dataclass
class Frequencies:
    """Document frequencies over the corpus: of entities (by key) and of terms (bare); `n` articles."""

    entity_df: Counter[str]
    term_df: Counter[str]
    n: int

    @classmethod
    def count(cls, entities: Sequence[Iterable[str]], terms: Sequence[Iterable[str]]) -> Frequencies:
        """From each article's entity keys and terms (same order; keys, not mappings: a Counter adds those)."""
        entity_df: Counter[str] = Counter()
        term_df: Counter[str] = Counter()
        for keys in entities:
            entity_df.update(keys)
        for keys in terms:
            term_df.update(keys)
        return cls(entity_df, term_df, len(entities))

    def __post_init__(self) -> None:
        steps = {d: relative_idf(d, self.n) for d in {*self.entity_df.values(), *self.term_df.values()}}
        self._entity_idf = {f: steps[d] for f, d in self.entity_df.items()}
        self._term_idf = {t: steps[d] for t, d in self.term_df.items()}

    def vector(self, item: StoryInput) -> dict[str, float]:
        """The article's weighted, normalized feature vector (features interned: a kept vector
        pickles each feature's name once)."""
        entity_df, term_df, entity_idf, term_idf = self.entity_df, self.term_df, self._entity_idf, self._term_idf
        log = math.log
        entity = {f: w * entity_idf[f] for f, w in item.entities.items() if entity_df[f] >= 2}
        # Best first, ties by term: the weights negated (exactly) so that one sort of plain tuples does.
        ranked = sorted([(-((1 + log(c)) * term_idf[t]), t) for t, c in item.terms.items()])[:TERMS_PER_ARTICLE]
        term = {sys.intern("t:" + t): -w for w, t in ranked if term_df[t] >= 2}
        vector: dict[str, float] = {}
        for name, group in (("entity", entity), ("term", term)):
            norm = math.sqrt(sum(w * w for w in group.values()))
            for f, w in group.items():
                vector[f] = (ENTITY_WEIGHT if name == "entity" else 1.0) * w / norm
        norm = math.sqrt(sum(w * w for w in vector.values()))
        return {f: w / norm for f, w in sorted(vector.items())} if norm else {}

    def df(self) -> dict[str, int]:
        """Every feature's document frequency, terms as "t:" + term."""
        df = dict(self.entity_df)
        df.update((sys.intern("t:" + t), d) for t, d in self.term_df.items())
        return df


def cluster(inputs: Sequence[StoryInput]) -> list[int]:
    """The story of each input (in input order), numbered by first article in canonical order."""
    return _cluster(inputs, *vectors(inputs))


def _cluster(inputs: Sequence[StoryInput], vecs: list[dict[str, float]], df: dict[str, int]) -> list[int]:
    clustering = Clustering([item.date for item in inputs], [flags(item.entities) for item in inputs], vecs, df)
    for index in canonical_order(inputs):
        clustering.join(index, clustering.best(index))
    return clustering.story_of


class Clustering:
    """The greedy pass's state: the stories so far, and the index from feature to stories. Articles
    come in canonical order; for each, `best` finds the story it joins (or None), `join` adds it."""

    # Beyond this many days since a story's latest article, not even an identical article reaches the bar.
    horizon = GAP_DAYS + HALF_LIFE_DAYS * math.log2(1 / JOIN_SIMILARITY)

    def __init__(self, dates: Sequence[dt.date | None], flags: Sequence[tuple[bool, bool]],
                 vecs: Sequence[dict[str, float]], df: dict[str, int]) -> None:
        """Each article's date, `flags` and vector; every feature's document frequency."""
        self.dates, self.flags, self.vecs, self.df = dates, flags, vecs, df
        self.stories: list[_Story] = []
        self.postings: defaultdict[str, list[int]] = defaultdict(list)  # feature -> the stories having it, in the order they got it
        self.last_day: list[int | None] = []  # each story's latest date as an ordinal (None: undated so far)
        self.story_of = [0] * len(dates)

    def best(self, index: int) -> int | None:
        """The story article `index` joins, or None when it starts one."""
        stories, postings, last_day, horizon = self.stories, self.postings, self.last_day, self.horizon
        vector, date = self.vecs[index], self.dates[index]
        day = date.toordinal() if date is not None else None
        # Dot products with every story sharing a feature, through the postings (never all stories);
        # features too common to find candidates still count in the products of those found.
        dots: dict[int, float] = {}
        common: list[tuple[str, float]] = []
        # One event has the same actors: where the article or the story names people or organizations,
        # the article joins only a story sharing one of them ("Ireland beat Liechtenstein" and "Belarus beat Estonia" share
        # a template and a day, not an event); where both name places, they share one. Articles that name
        # no one and nowhere are judged by their words.
        has_actors, has_entities = self.flags[index]
        sharing: set[int] = set()  # stories sharing an actor
        sharing_any: set[int] = set()  # stories sharing any entity
        df = self.df
        for feature, weight in vector.items():
            if df[feature] > MAX_POSTINGS:
                common.append((feature, weight))
                continue
            actor = _is_actor(feature)
            for candidate in postings.get(feature, ()):
                seen = last_day[candidate]
                if day is not None and seen is not None and day - seen > horizon:
                    continue
                dots[candidate] = dots.get(candidate, 0.0) + weight * stories[candidate].weights[feature]
                if actor:
                    sharing.add(candidate)
                if not feature.startswith("t:"):
                    sharing_any.add(candidate)
        best, best_score = None, 0.0
        for candidate in sorted(dots):
            if (has_actors or stories[candidate].has_actors) and candidate not in sharing \
                    or has_entities and stories[candidate].has_entities and candidate not in sharing_any:
                continue
            story = stories[candidate]
            dot = dots[candidate] + sum(w * story.weights.get(f, 0.0) for f, w in common)
            score = dot / math.sqrt(story.norm2) * _time_factor(story.last_date, date)
            least = JOIN_SIMILARITY if date is not None and story.last_date is not None else UNDATED_JOIN_SIMILARITY
            if score >= least and score > best_score:
                best, best_score = candidate, score
        return best

    def join(self, index: int, best: int | None) -> int:
        """Add article `index` to story `best` (None: a new one); the story's number."""
        stories, postings = self.stories, self.postings
        vector, date = self.vecs[index], self.dates[index]
        has_actors, has_entities = self.flags[index]
        self.story_of[index] = number = len(stories) if best is None else best
        if best is None:  # (most articles start a story: the sums of `_Story.add` from nothing, in fewer steps)
            norm2 = 0.0
            for w in vector.values():
                norm2 += w ** 2  # = (0.0 + w) ** 2 - 0.0 * 0.0, as `add` would
            stories.append(_Story(first=index, last_date=date, members=[index], has_actors=has_actors,
                                  has_entities=has_entities, weights=dict(vector), norm2=norm2))
            self.last_day.append(None if date is None else date.toordinal())
            for feature in vector:
                postings[feature].append(number)
            return number
        story = stories[number]
        for feature in vector:
            if feature not in story.weights:
                postings[feature].append(number)
        story.add(index, vector, date)
        story.has_actors = story.has_actors or has_actors
        story.has_entities = story.has_entities or has_entities
        if story.last_date is not None:
            self.last_day[number] = story.last_date.toordinal()
        return number


def flags(entities: Iterable[str]) -> tuple[bool, bool]:
    """Whether an article with these entity keys names an actor (see `_is_actor`), and anyone or any
    place other than a news source."""
    return (any(_is_actor(f) for f in entities),
            any(not is_news_source(f.split(":", 1)[1]) for f in entities))


_ACTORS = (f"{EntityType.PERSON.value}:", f"{EntityType.ORGANIZATION.value}:")


def _is_actor(feature: str) -> bool:
    """A person or an organization, but not the agency or desk that filed the report."""
    return feature.startswith(_ACTORS) and not is_news_source(feature.split(":", 1)[1])


def _time_factor(last: dt.date | None, date: dt.date | None) -> float:
    if last is None or date is None:
        return 1.0
    gap = abs((date - last).days)
    if gap <= GAP_DAYS:
        return 1.0
    return 0.5 ** ((gap - GAP_DAYS) / HALF_LIFE_DAYS)


def assign_stories(articles: Sequence[Article],
                   words: Sequence[Sequence[tuple[str, float]] | None] | None = None) -> list[StoryRef | None]:
    """Each article's story (in input order), or None when its story would have it alone.
    `words[i]`, when given, is `story_words(articles[i])` from the per-file stage."""
    words = words if words is not None else [None] * len(articles)
    inputs = [story_input(a, w) for a, w in zip(articles, words)]
    vecs, df = vectors(inputs)
    story_of = _cluster(inputs, vecs, df)
    return story_refs(articles, story_of, canonical_order(inputs))


def story_refs(articles: Sequence[Article], story_of: Sequence[int], order: Sequence[int]) -> list[StoryRef | None]:
    """Each article's story (`story_of[i]`, a story number), named by its first article in
    canonical `order`; None for an article alone in its story."""
    members: dict[int, list[int]] = {}
    for index in order:
        members.setdefault(story_of[index], []).append(index)
    refs: list[StoryRef | None] = [None] * len(articles)
    for group in members.values():
        if len(group) < 2:
            continue
        ref = StoryRef(key=articles[group[0]].source, title=articles[group[0]].title)
        for i in group:
            refs[i] = ref
    return refs
