"""Small in-memory sites for page tests: articles made directly, assembled as the pipeline would."""

from __future__ import annotations

import datetime as dt

from generator.config import config_from_dict
from generator.enrich.entities.rules import EntityRules
from generator.enrich.topics.taxonomy import Taxonomy
from generator.model import Article, EntityMention, EntityType, Paragraph, TopicScore
from generator.site_model import assemble

PERSON, ORG, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE


def article(title: str, date: dt.date | None, *, topics=(), entities=(), summary: str | None = None, **fields) -> Article:
    """entities: (name, type, count) triples."""
    return Article(
        source=fields.pop("source", f"{title.lower().replace(' ', '_')}.txt"),
        source_sha256="0" * 64,
        title=title,
        blocks=(Paragraph(summary or f"{title}."),),
        date=date,
        date_source="text" if date else None,
        summary=summary if summary is not None else f"{title}.",
        topics=tuple(TopicScore(t, 1.0) for t in topics),
        entities=tuple(EntityMention(name, type_, count) for name, type_, count in entities),
        **fields,
    )


def make_site(*articles: Article, **options):
    return assemble(list(articles), Taxonomy(()), EntityRules(), config_from_dict(options))
