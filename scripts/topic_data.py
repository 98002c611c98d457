"""The labelled topic data, as the training and evaluation scripts read it (see scripts/train_topics.py).

Records become `Article`s the way the pipeline would see them (title plus paragraphs), so features are
computed by the same code at training, evaluation and build time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WIKINEWS = SHARED / "eval" / "topics" / "wikinews.jsonl"
CURRENT_EVENTS = SHARED / "eval" / "topics" / "current_events.jsonl"
IPTC = SHARED / "data" / "iptc" / "iptc_mapping.json"
HELDOUT = ROOT / "scripts" / "data" / "topics_heldout.txt"
SEEDS = ROOT / "scripts" / "data" / "topic_seeds.yml"


@dataclass(frozen=True)
class Labelled:
    id: str
    title: str
    text: str
    language: str
    labels: tuple[str, ...]  # IPTC top-level names, the source's main one first
    source_labels: tuple[str, ...] = ()  # the source's own categories


CONFLICT = "conflict, war and peace"
POLITICS_AND_CONFLICTS = "Politics and conflicts"


def with_conflict(record: Labelled) -> tuple[str, ...]:
    """The labels, plus conflict, war and peace where Wikinews' category says "Politics and conflicts"
    (the shared set maps that category to politics alone: see its README's caveats)."""
    if POLITICS_AND_CONFLICTS in record.source_labels and CONFLICT not in record.labels:
        return record.labels + (CONFLICT,)
    return record.labels


def read_jsonl(path: Path) -> list[Labelled]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        labels = tuple(dict.fromkeys([r["iptc"], *r.get("iptc_all", ())]))
        source = r.get("label_source")
        source_labels = tuple(source) if isinstance(source, list) else (source,) if source else ()
        out.append(Labelled(r["id"], r.get("title") or "", r["text"], r.get("language", "en"), labels, source_labels))
    return out


def heldout_ids() -> frozenset[str]:
    return frozenset(HELDOUT.read_text(encoding="utf-8").split())


def wikinews() -> tuple[list[Labelled], list[Labelled]]:
    """(training part, held-out part) of the Wikinews set."""
    held = heldout_ids()
    records = read_jsonl(WIKINEWS)
    return [r for r in records if r.id not in held], [r for r in records if r.id in held]


def to_article(record: Labelled):
    from generator.model import Article, Paragraph

    paragraphs = tuple(Paragraph(p.strip()) for p in record.text.split("\n") if p.strip())
    words = sum(len(p.text.split()) for p in paragraphs)
    return Article(source=f"{record.id}.txt", source_sha256=hashlib.sha256(record.text.encode()).hexdigest(),
                   title=record.title, blocks=paragraphs, language=record.language, word_count=words)
