"""Listings a reader would trip over: undated articles out of reach, one story listed twice.

Counts from the generated pages: how many undated articles the home page shows and links,
how the undated archive is split (the largest page), articles no listing page links
(a version of a story is reached through its listed version instead), and stories
whose versions (near-duplicates) do not link each other or are listed more than once.
"""

from __future__ import annotations

import re

_ARTICLE_LINK = re.compile(r"articles/([^/\s\"')#]+?)(?:\.md\b|/)")


def report(generation) -> list[str]:
    site, pages = generation.site, generation.pages
    home = pages.get("index.md")
    undated_pages = [p for p in pages if p.src_uri == "archive/undated.md" or p.src_uri.startswith("archive/undated/")]
    listing_pages = [p for p in pages if p.kind in ("home", "archive") or p.src_uri.startswith(("archive/", "topics/"))]
    linked: dict[str, int] = {}
    for page in listing_pages:
        for slug in set(_ARTICLE_LINK.findall(page.body)):
            linked[slug] = linked.get(slug, 0) + 1
    home_slugs = set(_ARTICLE_LINK.findall(home.body)) if home else set()
    lines = [f"{len(site.articles):,} articles, {len(site.listed):,} listed (one version of each story), "
             f"{len(site.undated):,} of them undated"]
    on_home = sum(1 for a in site.undated if a.slug in home_slugs)
    lines.append(f"undated articles on the home page: {on_home:,} of {len(site.undated):,}"
                 + (" (section with its count and a link to all)" if home and "## Undated" in home.body else ""))
    if undated_pages:
        largest = max(undated_pages, key=lambda p: len(p.body))
        lines.append(f"undated archive: {len(undated_pages)} page(s), the largest {len(largest.body) / 1024:.0f} KB of Markdown")
    unlisted = [a for a in site.listed if a.date is None and a.slug not in linked]
    unlisted += [a for a in site.listed if a.date is not None and not any(
        a.slug in _ARTICLE_LINK.findall(p.body) for p in pages if p.src_uri.startswith(f"archive/{a.date:%Y-%m}"))]
    lines.append(f"listed articles no archive page links: {len(unlisted):,}"
                 + ("".join(f"\n   {a.source}: {a.title[:60]}" for a in unlisted[:5])))
    stories = [a for a in site.articles if a.versions]
    by_source = {a.source: a for a in site.articles}
    unlinked = [a for a in stories if any(
        by_source[v].slug not in _ARTICLE_LINK.findall(pages.get(f"articles/{a.slug}.md").body) for v in a.versions)]
    hidden = [a for a in stories if a not in site.listed]
    twice = [a for a in hidden if linked.get(a.slug)]
    lines.append(f"articles with other versions: {len(stories):,}; not linking them: {len(unlinked):,}; "
                 f"versions listed beside the one shown: {len(twice):,}")
    for a in stories[:5]:
        lines.append(f"   {a.source} <-> {', '.join(a.versions)}")
    return lines
