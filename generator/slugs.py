"""ASCII slugs that are stable and unique.

Titles in any script are transliterated ("Пожар в Москве" -> "pozhar-v-moskve"); a
title with nothing to transliterate (only emoji) gets a slug from a hash of its
source path. Of several items wanting one slug, the oldest keeps it and the others
get a suffix derived from their own source path, so adding a file never renames
the pages that were already there.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable

from slugify import slugify

MAX_LENGTH = 80

# Slugs that would collide with a section's own index page (`topics/index.md`).
RESERVED_SLUGS = frozenset({"index"})


# Every build slugs every title and name again (~15,000 at 10,000 articles): under `mkdocs serve`
# a rebuild finds them here.
@functools.lru_cache(maxsize=1 << 16)
def make_slug(text: str) -> str:
    return slugify(text, max_length=MAX_LENGTH, word_boundary=True, save_order=True)


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def assign_unique(items: Iterable[tuple[str, str, str]], prefix: str = "item",
                  slug_of: Callable[[str], str] = make_slug) -> dict[str, str]:
    """Slugs for (key, wanted, seed) triples, given in priority order (first keeps its slug).

    `wanted` is the text or slug the item would like, `seed` a stable string used for
    the suffix on a collision (a source path). Returns key -> slug. `slug_of` is `make_slug`
    or a table of what it made before (site_model.SlugTable).
    """
    taken: set[str] = set(RESERVED_SLUGS)
    result: dict[str, str] = {}
    for key, wanted, seed in items:
        base = slug_of(wanted) or f"{prefix}-{short_hash(seed, 8)}"
        slug = base
        if slug in taken:
            slug = f"{base[: MAX_LENGTH - 7]}-{short_hash(seed)}"
            n = 2
            while slug in taken:  # two items with the same seed: vanishingly rare, still handled
                slug = f"{base[: MAX_LENGTH - 10]}-{short_hash(seed)}-{n}"
                n += 1
        taken.add(slug)
        result[key] = slug
    return result
