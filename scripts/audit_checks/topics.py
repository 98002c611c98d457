"""Topics a reader would miss: articles without any topic, per language, and what the main topics are.

The no-topic rate is counted for all articles and for those over 150 words (issue 13 asks for at most
3% there in every language); examples of long articles without a topic follow.
"""

from __future__ import annotations

from collections import Counter, defaultdict

LONG = 150


def report(generation) -> list[str]:
    by_language = defaultdict(list)
    for article in generation.site.articles:
        by_language[article.language].append(article)
    lines = [f"-- no-topic rate per language (all articles; over {LONG} words):"]
    for language in sorted(by_language):
        articles = by_language[language]
        long = [a for a in articles if a.word_count > LONG]
        none = sum(not a.topics for a in articles)
        none_long = [a for a in long if not a.topics]
        lines.append(f"   {language}: {none}/{len(articles)} = {none / len(articles):.1%}; "
                     f"over {LONG} words {len(none_long)}/{len(long)} = {len(none_long) / max(1, len(long)):.1%}")
        for a in none_long[:5]:
            lines.append(f"      no topic: {a.source} ({a.word_count} words): {a.title[:70]}")
    mains = Counter(a.topics[0].name for a in generation.site.articles if a.topics)
    lines.append("-- main topics: " + "; ".join(f"{name} {n}" for name, n in sorted(mains.items(), key=lambda x: (-x[1], x[0]))))
    return lines
