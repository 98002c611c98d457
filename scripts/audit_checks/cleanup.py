"""Dates, wire leftovers and scraper junk a reader would trip over (issue 14, items 1, 3 and 4).

Counts, each with up to five examples:
- dates taken from the body: a date from the text that is written in the body but neither in
  the photo caption nor in the opening (the first three paragraphs' first 200 characters), where
  datelines and publication lines stand;
- archive years outside the corpus: an article dated outside the years its source covers
  (CoNLL-2003 dev: Reuters wire of August-September 1996; Wikinews: November 2004 to the
  PrimerAI scrape of September 2022; other files: any year);
- wire leftovers: a sign-off ending the last paragraph, a mis-cased dotted abbreviation ("U.s.",
  "H.k."), a wire abbreviation in capitals ("MLN", "PCT") or a ticker symbol ("<SUNF>") in a title;
- scraper junk: paragraphs or summaries that are share/subscribe/form/transcript/copyright/comment
  lines (patterns written here from the issue's examples, not the reader's own rules).

The audit corpus has no wire sign-offs, tickers or scraped pages, so the same counts are also
run on the small fixtures written for those rules (tests/fixtures/wire, tests/fixtures/scraped).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from generator.config import config_from_dict
from generator.text.dates import find_dates
from generator.metadata import resolve
from generator.model import Paragraph
from generator.readers import read_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = [ROOT / "tests" / "fixtures" / "wire", ROOT / "tests" / "fixtures" / "scraped"]
YEARS_BY_SOURCE = {"conll-dev-": (1996, 1996), "wikinews-": (2004, 2022)}
_OPENING = 200
_SIGN_OFF = re.compile(r"(?:^|[.!?\"”]\s+)(?:REUTERS?|Reuters?|AP|AFP|dpa|UPI)\s*(?:\^M)?$")
_MISCASED_DOTTED = re.compile(r"\b[A-Z]\.(?:[a-z]\.)+")
_WIRE_CAPITALS = re.compile(r"\b(?:MLN|BLN|PCT|DLRS?|QTR|CTS|STG)\b")
_TICKER = re.compile(r"<[A-Z][A-Z0-9.]{0,8}>")
_JUNK = re.compile(
    r"^(?:gift\s+article|share(?:\s+this)?(?:\s+article)?|sign\s+up|subscribe|spacer|loading|advertisement)\b"
    r"|fill\s+out\s+this\s+form|return\s+to\s+transcripts|enter\s+your\s+email|already\s+a\s+subscriber"
    r"|all\s+rights\s+reserved|^©|^copyright\s+(?:©|\d{4})|^\d*\s*comments?\s*(?:\(\d+\))?$|report\s+abuse"
    r"|^(?:home|accueil|startseite)\s+(?:[A-Z]\w*\s+){2,}",
    re.IGNORECASE,
)


def report(generation) -> list[str]:
    lines = ["-- the audit corpus:"] + [f"   {line}" for line in _counts(generation.site.articles)]
    fixtures = []
    for folder in FIXTURES:
        for path in sorted(folder.iterdir()):
            fixtures.append(resolve(read_file(path, f"{folder.name}/{path.name}"), config_from_dict({}))[0])
    lines.append(f"-- the {len(fixtures)} fixtures of wire items and scraped pages (tests/fixtures/wire, scraped):")
    lines += [f"   {line}" for line in _counts(fixtures)]
    return lines


def _counts(articles) -> list[str]:
    body_dates, out_of_range, sign_offs, dotted, capitals, tickers, junk, junk_summaries = ([] for _ in range(8))
    years: Counter[int] = Counter()
    for a in articles:
        name = a.source.rsplit("/", 1)[-1]
        paragraphs = [b.text for b in a.blocks if isinstance(b, Paragraph)]
        if a.date is not None:
            years[a.date.year] += 1
            where = _where(a, paragraphs)
            if a.date_source == "text" and where and not _in_opening(a, paragraphs):
                body_dates.append(f"{name}: {a.date} ({where})")
            low, high = next((r for prefix, r in YEARS_BY_SOURCE.items() if name.startswith(prefix)), (0, 9999))
            if not low <= a.date.year <= high:
                out_of_range.append(f"{name}: {a.date}")
        if paragraphs and _SIGN_OFF.search(paragraphs[-1].strip()):
            sign_offs.append(f"{name}: …{paragraphs[-1][-40:]}")
        for pattern, found in ((_MISCASED_DOTTED, dotted), (_WIRE_CAPITALS, capitals), (_TICKER, tickers)):
            if pattern.search(a.title):
                found.append(a.title)
        junk += [f"{name}: {p[:60]}" for p in paragraphs if len(p) < 300 and _JUNK.search(p.strip())]
        if _JUNK.search(a.summary[:80]):
            junk_summaries.append(f"{name}: {a.summary[:60]}")
    archive = ", ".join(f"{y} ({n})" for y, n in sorted(years.items()))
    rows = [
        ("dates taken from the body of the text", body_dates),
        ("articles dated outside their source's years", out_of_range),
        ("wire sign-offs ending the last paragraph", sign_offs),
        ("titles with a mis-cased dotted abbreviation (U.s., H.k.)", dotted),
        ("titles with wire abbreviations in capitals (MLN, PCT)", capitals),
        ("titles with a ticker symbol (<SUNF>)", tickers),
        ("junk paragraphs (share, sign up, forms, transcripts, copyright, comments)", junk),
        ("summaries starting with junk", junk_summaries),
    ]
    lines = [f"archive years: {archive or 'none'}; {sum(1 for a in articles if a.date is None)} of {len(articles)} undated"]
    for label, found in rows:
        lines.append(f"{len(found):>4} {label}" + (": " + "; ".join(found[:5]) if found else ""))
    return lines


def _in_opening(article, paragraphs: list[str]) -> bool:
    opening = [p[:_OPENING] for p in paragraphs[:3]]
    if article.image and article.image.caption:
        opening.append(article.image.caption)
    return any(article.date in find_dates(text, article.language) for text in opening)


def _where(article, paragraphs: list[str]) -> str | None:
    for i, text in enumerate(paragraphs):
        if article.date in find_dates(text, article.language):
            return f"paragraph {i + 1}"
    return None  # from the page's metadata or a publication line the reader set apart
