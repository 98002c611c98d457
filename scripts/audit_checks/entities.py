"""Entities a reader would distrust: junk, wrong types, one entity on several pages, tickers.

Every count comes with examples; the 50 most-mentioned entities per type and 20 random
one-article entities are printed whole, for a person to read.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

from generator.enrich.entities.gazetteer import gazetteer
from generator.enrich.entities.lexicon import DEMONYMS, FOREIGN_TITLES, NOT_NAMES, ROLE_MODIFIERS, TITLES
from generator.enrich.entities.variants import variant_key
from generator.model import EntityType, Paragraph

WIRE_ABBREVIATIONS = frozenset("DLR DLRS MLN BLN PCT QTR CTS SHR NET REVS AVG OPER LOSS PROFIT".split())
_TICKER = re.compile(r"<([A-Z][A-Z.]{0,7})>")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“«(]\s*)$")


def report(generation) -> list[str]:
    site = generation.site
    entries = list(site.entities.values())
    texts = [_text(a) for a in site.articles]
    lower_share = _lower_share(texts)
    tickers = {m for text in texts for m in _TICKER.findall(text)}
    persons = [e for e in entries if e.type is EntityType.PERSON]
    surname_of = defaultdict(list)
    for person in persons:
        parts = person.name.split()
        if len(parts) > 1:
            surname_of[parts[-1].casefold()].append(person.name)

    lines: list[str] = []
    junk = {e.key: why for e in entries if (why := _junk(e, lower_share))}
    wrong_type = {e.key: why for e in entries if (why := _person_elsewhere(e, surname_of))}
    wire = [e for e in entries if e.name in tickers or e.name.upper() in WIRE_ABBREVIATIONS and e.name.isupper()]
    lines += _counted("titles, roles, demonyms and common words as entities", entries, junk)
    lines += _counted("people typed as places or organizations", entries, wrong_type)
    lines += _listed("ticker symbols and wire abbreviations as entities", wire)
    lines += _splits(entries)
    bare = [e for e in persons if " " not in e.name and len(surname_of.get(e.name.casefold(), ())) == 1]
    lines.append(f"a surname alone on its own page beside the one person of that name: {len(bare)}")
    for e in sorted(bare, key=lambda e: (-len(e.articles), e.name))[:10]:
        lines.append(f"   {e.name} ({len(e.articles)}) / {surname_of[e.name.casefold()][0]}")
    twice = [a.source for a in site.articles if len({(m.type, m.name) for m in a.entities or ()}) < len(a.entities or ())]
    lines.append(f"articles listing one entity twice: {len(twice)}" + (f" ({', '.join(twice[:5])})" if twice else ""))
    for type_ in EntityType:
        top = sorted((e for e in entries if e.type is type_), key=lambda e: (-len(e.articles), -e.mentions, e.name))[:50]
        flagged = sum(1 for e in top if e.key in junk or e.key in wrong_type)
        lines.append(f"-- 50 most-mentioned {type_.plural} ({flagged} flagged above):")
        lines.append("   " + "; ".join(f"{e.name} ({len(e.articles)})" + (" [!]" if e.key in junk or e.key in wrong_type
                                                                             else "") for e in top))
    singles = sorted((e for e in entries if len(e.articles) == 1), key=lambda e: (e.type.value, e.name))
    sample = random.Random(12).sample(singles, min(20, len(singles)))
    lines.append(f"-- 20 random one-article entities (of {len(singles)}), with the article they come from:")
    for e in sample:
        lines.append(f"   {e.type.value:<12} {e.name!r:<32} {e.articles[0].source}: {e.articles[0].title[:60]}")
    return lines


def _text(article) -> str:
    return "\n".join([article.title] + [b.text for b in article.blocks if isinstance(b, Paragraph)])


def _lower_share(texts: list[str]) -> dict[str, float]:
    """For each word, the share of its uses written in lower case, not counting sentence starts."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if _SENTENCE_START.search(text, max(0, match.start() - 3), match.start()):
                continue
            folded = word.casefold()
            total[folded] += 1
            lower[folded] += word.islower()
    return {w: lower[w] / n for w, n in total.items() if n >= 3}


def _junk(entry, lower_share: dict[str, float]) -> str | None:
    words = entry.name.split()
    folded = entry.name.casefold()
    if len(words) == 1 and not entry.name.isupper():
        if folded in TITLES or folded in FOREIGN_TITLES:
            return "title or role"
        if folded in DEMONYMS:
            return "demonym or group word"
        if folded in NOT_NAMES:
            return "calendar or common word"
        known = gazetteer().lookup(entry.name)
        if lower_share.get(folded, 0.0) > 0.5 and not (known and known[0] is EntityType.PLACE):
            return f"written in lower case {lower_share[folded]:.0%} of the time"
        if entry.type is EntityType.PERSON and folded in gazetteer().first_names and folded not in gazetteer().surnames:
            return "first name alone"
    elif words[-1].casefold() in TITLES | FOREIGN_TITLES and all(
            w.casefold() in TITLES | FOREIGN_TITLES | ROLE_MODIFIERS for w in words):
        return "title or role"
    return None


def _person_elsewhere(entry, surname_of: dict[str, list[str]]) -> str | None:
    if entry.type is EntityType.PERSON or len(entry.name.split()) != 1:
        return None
    people = surname_of.get(entry.name.casefold())
    if people and gazetteer().lookup(entry.name) is None:
        return f"surname of {', '.join(sorted(people)[:3])}"
    return None


def _counted(label: str, entries, flagged: dict) -> list[str]:
    hits = sorted((e for e in entries if e.key in flagged), key=lambda e: (-len(e.articles), e.name))
    lines = [f"{label}: {len(hits)}"]
    lines += [f"   {e.type.value:<12} {e.name} ({len(e.articles)} articles): {flagged[e.key]}" for e in hits[:15]]
    return lines


def _listed(label: str, hits) -> list[str]:
    hits = sorted(hits, key=lambda e: (-len(e.articles), e.name))
    return [f"{label}: {len(hits)}"] + [f"   {e.type.value:<12} {e.name} ({len(e.articles)} articles)" for e in hits[:15]]


def _splits(entries) -> list[str]:
    """Entities that a reader would see as one but that have pages of their own."""
    by_spelling: dict[str, list] = defaultdict(list)
    by_variant: dict[str, list] = defaultdict(list)
    for e in entries:  # within one type: one name under two types is counted apart
        by_spelling[e.type.value + ":" + re.sub(r"[\W_]+", "", e.name.casefold())].append(e)
        by_variant[e.type.value + ":" + variant_key(e.name)].append(e)
    lines = []
    for label, groups in (("split by case or punctuation", by_spelling), ("split across the alias table", by_variant)):
        # Spellings that differ; one spelling under two types is shown apart below.
        split = sorted((g for g in groups.values() if len({e.name for e in g}) > 1),
                       key=lambda g: -sum(len(e.articles) for e in g))
        lines.append(f"one entity on several pages, {label}: {len(split)} groups")
        for group in split[:10]:
            lines.append("   " + " / ".join(f"{e.name} ({e.type.value}, {len(e.articles)})" for e in group))
    by_name: dict[str, list] = defaultdict(list)
    for e in entries:
        by_name[e.name].append(e)
    twice = sorted((g for g in by_name.values() if len(g) > 1), key=lambda g: -sum(len(e.articles) for e in g))
    lines.append(f"one name under two types (a city and its team, or a wrong type): {len(twice)}")
    for group in twice[:10]:
        lines.append("   " + " / ".join(f"{e.name} ({e.type.value}, {len(e.articles)}: "
                                        f"{e.articles[0].source})" for e in group))
    return lines
