"""The one data model that flows through the pipeline: read -> enrich -> render.

Readers produce a `RawArticle` (what the file says and what its layout implies);
`generator.metadata.resolve` turns it into an `Article`; enrichers return new
`Article`s with more fields filled in; `generator.pages` groups them into a site.
Everything here is plain data: no I/O, no behaviour beyond derived properties.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar, Union


class EntityType(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"

    @property
    def plural(self) -> str:
        """The word used in URLs and headings: people, organizations, places."""
        return {"person": "people", "organization": "organizations", "place": "places"}[self.value]

    @property
    def label(self) -> str:
        return self.plural.capitalize()


# --- article body -----------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text. Rendered escaped: its characters are never markup."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """Lines that started with ` - ` (or a bullet) in a plain-text article."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class MarkdownBody:
    """The owner's own Markdown (from a .md article), rendered as Markdown."""

    source: str


Block = Union[Paragraph, BulletList, MarkdownBody]


@dataclass(frozen=True)
class Image:
    caption: str | None = None
    credit: str | None = None


# --- reading ----------------------------------------------------------------------


@dataclass(frozen=True)
class RawArticle:
    """What a reader returns for one input file.

    `given` holds metadata the file states explicitly (front matter): it wins.
    `inferred` holds metadata the reader deduced from the layout (language line,
    caption, byline): it is used when nothing is given.
    """

    source: str  # path relative to the content folder, with forward slashes
    sha256: str
    format: str  # reader name: "text", "markdown", ...
    blocks: tuple[Block, ...]
    inferred: dict[str, Any] = field(default_factory=dict)
    given: dict[str, Any] = field(default_factory=dict)
    repairs: tuple[str, ...] = ()  # what the reader had to fix, reported to the owner


# --- enriched article -------------------------------------------------------------


@dataclass(frozen=True)
class EntityMention:
    """One entity as it appears in one article."""

    name: str  # canonical name
    type: EntityType
    count: int = 1
    roles: tuple[str, ...] = ()  # "NATO Secretary General"
    aliases: tuple[str, ...] = ()  # surface forms seen in this article other than the name
    quotes: tuple[str, ...] = ()  # quotations attributed to a person


@dataclass(frozen=True)
class TopicScore:
    name: str
    score: float


@dataclass(frozen=True)
class StoryRef:
    """The story an article belongs to (see enrich.stories); only stories of two articles or more."""

    key: str  # the source of the story's first article: it never changes as the story grows
    title: str
    slug: str = ""  # assigned when the site is assembled


@dataclass(frozen=True)
class Article:
    source: str
    source_sha256: str
    title: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    date_source: str | None = None  # "front-matter" | "text" (page metadata or a publication line)
    language: str = "en"
    author: str | None = None
    publisher: str | None = None  # wire agency from a byline ("Reuters")
    tickers: tuple[str, ...] = ()  # exchange symbols a wire headline carried ("SUNF")
    image: Image | None = None
    summary: str = ""
    word_count: int = 0
    reading_time: int = 0  # minutes
    topics: tuple[TopicScore, ...] = ()  # ranked, the first is the main topic
    tags: tuple[str, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    related: tuple[str, ...] = ()  # sources of related articles, most related first
    story: StoryRef | None = None
    versions: tuple[str, ...] = ()  # sources of other versions of the same story (near-duplicates), sorted
    extra: dict[str, Any] = field(default_factory=dict)  # the owner's other front matter keys
    given_keys: frozenset[str] = frozenset()  # which fields the owner set explicitly
    slug: str = ""  # assigned when the site is assembled

    def entity_names(self, type_: EntityType) -> list[str]:
        return [m.name for m in self.entities if m.type is type_]

    @property
    def topic_names(self) -> list[str]:
        return [t.name for t in self.topics]

    @property
    def outlet(self) -> str | None:
        """Who published it, as far as digest knows: the publisher, else the author, else the
        sub-folder of content/ it was filed in ("reuters/…"); None when nothing says."""
        return self.publisher or self.author or self.source.rpartition("/")[0] or None


# --- problems ---------------------------------------------------------------------


class Severity(str, enum.Enum):
    ERROR = "error"  # the file was rejected: no page
    WARNING = "warning"  # the file was published, but something was repaired or ignored
    INFO = "info"  # worth knowing, not a problem (a near-duplicate): never fails a strict build


@dataclass(frozen=True, order=True)
class Problem:
    source: str  # the file, relative to the content folder (or the taxonomy file)
    reason: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


_T = TypeVar("_T")
_FIELD_NAMES: dict[type, frozenset[str]] = {}


def evolve(obj: _T, **changes: Any) -> _T:
    """`dataclasses.replace` for the frozen dataclasses of this package (Article, StoryRef,
    pages.Page), none of which checks or derives anything when made: the copy takes the
    instance's fields as they are, with `changes` over them, without running `__init__`
    again (about a tenth of the cost; a build at 10,000 articles makes some 70,000 such
    copies). As with `replace`, a name that is not a field is an error."""
    kind = type(obj)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = frozenset(f.name for f in fields(kind))  # type: ignore[arg-type]
    if not names.issuperset(changes):
        raise TypeError(f"{kind.__name__} has no field {', '.join(sorted(set(changes) - names))}")
    new = object.__new__(kind)
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new
