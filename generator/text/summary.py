"""The lead of an article, and its length in words and reading minutes."""

from __future__ import annotations

from ..model import Block, MarkdownBody, Paragraph
from ..textutil import has_words, iter_sentences, squash, text_words
from .markdown_text import markdown_to_text


def lead_text(blocks: tuple[Block, ...]) -> str:
    """The paragraphs a summary is drawn from, dateline-only lines skipped."""
    paragraphs: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, MarkdownBody):
            paragraphs.extend(p for p in markdown_to_text(block.source).split("\n\n"))
        if sum(len(p) for p in paragraphs) > 1200:
            break
    # A paragraph of a few words ("LONDON 1996-08-30") is not a lead.
    substantial = [p for p in paragraphs if has_words(p, 6)]
    return " ".join(squash(p) for p in (substantial or paragraphs))


def summarize(blocks: tuple[Block, ...], limit: int = 300) -> str:
    """Whole sentences from the lead, at most `limit` characters; a first sentence that is
    itself too long is cut at a word and ends with an ellipsis."""
    text = lead_text(blocks)
    summary = ""
    for sentence in iter_sentences(text):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    if not summary and text:
        cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–- ")
        summary = cut + "…"
    return summary


def word_count(text: str) -> int:
    """The words in an article's whole text (split once for every stage: see text_words)."""
    return len(text_words(text))


def reading_minutes(count: int, words_per_minute: int = 220) -> int:
    return max(1, round(count / words_per_minute))
