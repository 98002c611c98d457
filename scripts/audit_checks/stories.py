"""Stories to read: the twenty largest (the issue asks for 20 read by a person), each with its span and its articles' titles.

A person reads them to judge whether a story mixes unrelated events (the worst error: a reader
following one story is shown another) or merely splits one (which costs less).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

SHOWN = 20


def report(generation) -> list[str]:
    members = defaultdict(list)
    for article in generation.site.articles:
        if article.story:
            members[article.story.key].append(article)
    alone = sum(1 for a in generation.site.articles if not a.story)
    sizes = sorted((len(m) for m in members.values()), reverse=True)
    lines = [f"{len(members):,} stories of 2+ articles holding {sum(sizes):,} articles; {alone:,} articles in none; "
             f"sizes {sizes[:20]}"]
    largest = sorted(members.values(), key=lambda m: (-len(m), m[0].story.key))[:SHOWN]
    for group in largest:
        group = sorted(group, key=lambda a: (a.date is None, a.date or dt.date.min, a.source))
        dates = [a.date for a in group if a.date]
        span = f"{min(dates)} to {max(dates)}" if dates else "undated"
        lines.append(f"[{len(group)}] {group[0].story.title[:90]}  ({span})")
        lines += [f"     {a.date or 'undated'}  {a.title[:90]}  ({a.source})" for a in group]
    return lines
