"""The one place that decides which metadata wins.

Order, weakest first: site defaults, then what the reader inferred from the file's
layout or text, then what the owner wrote in front matter. Values of the wrong type
are reported and ignored, never allowed to break a page.
"""

from __future__ import annotations

from typing import Any

from .config import DigestConfig
from .text.dates import first_date, parse_date_value
from .enrich.language import detect_language
from .text.markdown_text import plain_text
from .text.published import publication_date
from .text.summary import reading_minutes, summarize, word_count
from .languages import is_language_code, language_code
from .model import Article, EntityMention, EntityType, Image, Paragraph, Problem, RawArticle, Severity, TopicScore
from .textutil import squash

# Front matter keys with a meaning in the page contract; anything else is kept in `extra`.
CONTRACT_KEYS = (
    "title", "slug", "date", "date_source", "language", "author", "tickers", "source", "source_sha256",
    "summary", "word_count", "reading_time", "image", "topics", "tags", "entities",
)
_COMPUTED = {"source", "source_sha256", "word_count", "reading_time", "date_source"}
_ENTITY_KEYS = {
    "person": EntityType.PERSON, "people": EntityType.PERSON, "persons": EntityType.PERSON,
    "organization": EntityType.ORGANIZATION, "organizations": EntityType.ORGANIZATION,
    "organisation": EntityType.ORGANIZATION, "organisations": EntityType.ORGANIZATION,
    "place": EntityType.PLACE, "places": EntityType.PLACE, "location": EntityType.PLACE,
    "locations": EntityType.PLACE,
}


def resolve(raw: RawArticle, config: DigestConfig) -> tuple[Article, list[Problem]]:
    problems = [Problem(raw.source, repair, Severity.WARNING) for repair in raw.repairs]

    def bad(key: str, reason: str) -> None:
        problems.append(Problem(raw.source, f"front matter '{key}': {reason}", Severity.WARNING))

    given = dict(raw.given)
    inferred = raw.inferred
    text = plain_text(raw.blocks)
    fields: dict[str, Any] = {}
    given_keys: set[str] = set()

    title = _text_value(given.pop("title", None), "title", bad)
    if title:
        given_keys.add("title")
    fields["title"] = squash(title or inferred.get("title") or _title_from_source(raw.source))

    slug = _text_value(given.pop("slug", None), "slug", bad)
    if slug:
        fields["slug"] = slug
        given_keys.add("slug")

    language = _text_value(given.pop("language", None) or given.pop("lang", None), "language", bad)
    if language:
        code = language.lower() if is_language_code(language) else language_code(language)
        if code:
            fields["language"] = code
            given_keys.add("language")
        else:
            bad("language", f"{language!r} is not a language code such as 'en' or 'de'")
    if "language" not in fields:
        # Neither the file nor its layout says: detect it (dates below are read in it).
        fields["language"] = (inferred.get("language") or detect_language(f"{fields['title']}\n\n{text}")
                              or config.default_language)

    if "date" in given:
        value = given.pop("date")
        date = parse_date_value(value)
        if date is None:
            bad("date", f"{value!r} is not a date (use YYYY-MM-DD); the date is taken from the text instead")
        else:
            fields["date"], fields["date_source"] = date, "front-matter"
            given_keys.add("date")
    if "date" not in fields:
        date = _date_from_text(text, inferred, fields["language"])
        if date is not None:
            fields["date"], fields["date_source"] = date, "text"

    author = given.pop("author", None)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    author = _text_value(author, "author", bad)
    fields["author"] = author or inferred.get("author")
    fields["publisher"] = inferred.get("publisher")
    if "tickers" in given:
        fields["tickers"] = tuple(_string_list(given.pop("tickers"), "tickers", bad))
        given_keys.add("tickers")
    else:
        fields["tickers"] = tuple(inferred.get("tickers") or ())

    image = _image(given.pop("image", None), bad) or _image(inferred.get("image"), bad)
    fields["image"] = image

    summary = _text_value(given.pop("summary", None) or given.pop("description", None), "summary", bad)
    if summary:
        given_keys.add("summary")
    fields["summary"] = squash(summary) if summary else summarize(raw.blocks, config.summary_length)

    count = word_count(text)
    fields["word_count"] = count
    fields["reading_time"] = reading_minutes(count, config.words_per_minute)

    if "topics" in given:
        fields["topics"] = tuple(TopicScore(name, 1.0) for name in _string_list(given.pop("topics"), "topics", bad))
        given_keys.add("topics")
    if "tags" in given:
        fields["tags"] = tuple(_string_list(given.pop("tags"), "tags", bad))
        given_keys.add("tags")
    if "entities" in given:
        fields["entities"] = _entities(given.pop("entities"), bad)
        given_keys.add("entities")

    for key in sorted(_COMPUTED & given.keys()):
        given.pop(key)
        bad(key, "is computed by digest; the value in the file was ignored")

    if "source_url" not in given and isinstance(inferred.get("source_url"), str):
        given["source_url"] = inferred["source_url"]  # a saved page's own address: keep where it came from

    article = Article(
        source=raw.source,
        source_sha256=raw.sha256,
        blocks=raw.blocks,
        extra=dict(sorted(given.items())),
        given_keys=frozenset(given_keys),
        **fields,
    )
    return article, problems


def _date_from_text(text: str, inferred: dict[str, Any], language: str):
    """A date the page's own metadata states (HTML), else one the article states as its
    publication date (`generator.text.published`), read in the article's language; never a
    date of something the story tells, never a file time."""
    if inferred.get("date") is not None:
        date = parse_date_value(inferred["date"])
        if date is not None:
            return date
    if isinstance(inferred.get("dateline"), str):
        # A web page's visible publication line, found by its markup (class "date", <time>).
        date = first_date(inferred["dateline"], language)
        if date is not None:
            return date
    image = inferred.get("image")
    caption = image.get("caption") or "" if isinstance(image, dict) else ""
    return publication_date(text.split("\n\n", 3)[:3], caption, language)


def _title_from_source(source: str) -> str:
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("_", " ").replace("-", " ").strip() or "Untitled"


def _text_value(value: Any, key: str, bad) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        bad(key, f"expected text, found {type(value).__name__}; ignored")
        return None
    return value.strip() or None


def _string_list(value: Any, key: str, bad) -> list[str]:
    if isinstance(value, str):
        bad(key, f"expected a list, found the text {value!r}; read it as a comma-separated list")
        value = value.split(",")
    if not isinstance(value, list):
        bad(key, f"expected a list, found {type(value).__name__}; ignored")
        return []
    out: list[str] = []
    for item in value:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            if squash(str(item)) not in out:
                out.append(squash(str(item)))
        else:
            bad(key, f"ignored an entry that is not text: {item!r}")
    return out


def _image(value: Any, bad) -> Image | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Image(caption=squash(value) or None)
    if isinstance(value, Image):
        return value
    if isinstance(value, dict):
        caption = value.get("caption")
        credit = value.get("credit")
        caption = squash(str(caption)) if isinstance(caption, (str, int, float)) and str(caption).strip() else None
        credit = squash(str(credit)) if isinstance(credit, (str, int, float)) and str(credit).strip() else None
        if caption or credit:
            return Image(caption=caption, credit=credit)
        return None
    bad("image", f"expected a mapping with caption and credit, found {type(value).__name__}; ignored")
    return None


def _entities(value: Any, bad) -> tuple[EntityMention, ...]:
    if not isinstance(value, dict):
        bad("entities", "expected a mapping of person/organization/place to lists of names; ignored")
        return ()
    mentions: list[EntityMention] = []
    for key, names in value.items():
        type_ = _ENTITY_KEYS.get(str(key).lower())
        if type_ is None:
            bad("entities", f"unknown entity type {key!r} (use person, organization or place)")
            continue
        for name in _string_list(names if names is not None else [], f"entities.{key}", bad):
            mentions.append(EntityMention(name=name, type=type_))
    return tuple(mentions)
