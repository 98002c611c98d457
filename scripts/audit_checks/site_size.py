"""How large the site is in pages, and which entities get a page (issue 15: a site that stays small).

Counts the generated pages by kind and the entities with and without a page; the bytes themselves
come from a real build (`scripts/bench.py --size-only --corpus DIR`, with the corpus `--keep` wrote).
"""

from __future__ import annotations

from collections import Counter

from generator.site_model import entity_page_threshold


def report(generation) -> list[str]:
    site = generation.site
    kinds = Counter(page.kind for page in generation.pages)
    entities = list(site.entities.values())
    with_page = sum(e.has_page for e in entities)
    once = sum(len(e.articles) == 1 for e in entities)
    threshold = entity_page_threshold(len(site.listed), site.config)
    return [
        f"-- {len(generation.pages):,} pages for {len(site.articles):,} articles: "
        + ", ".join(f"{kind} {n:,}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        f"-- entities: {len(entities):,}, named in one article only {once:,}; with a page {with_page:,} "
        f"(from {threshold} article{'s' if threshold > 1 else ''}, at {len(site.listed):,} listed articles)",
    ]
