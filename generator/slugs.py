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
import marshal
from collections.abc import Callable, Iterable
from pathlib import Path

from slugify import slugify

from .code_version import code_version
from .paths import read_checked, write_checked

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
    or a table of what it made before (`SlugTable`).
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


class SlugTable:
    """`slugs.make_slug` with the slugs an earlier build made, by the text they were made from.

    Every build slugs every article's title and every entity's, tag's and story's name
    (some 15,000 at 10,000 articles, a third of assembling the site); a build after a drop
    finds all but the new article's here. `used` is what this build asked for: what the next
    build is handed (`save_slug_table`), so the table holds only the site's own texts."""

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.known = known or {}
        self.used: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        slug = self.used.get(text)
        if slug is None:
            slug = self.known.get(text)
            if slug is None:
                slug = make_slug(text)
            self.used[text] = slug
        return slug

    @property
    def changed(self) -> bool:
        """Whether the next build needs another table than the one this build was handed."""
        return self.used.keys() != self.known.keys()


SLUG_TABLE = "slugs.table"
_SLUG_MAGIC, _SLUG_FORMAT = b"digest slug table\n", b"1"


def _slug_key() -> bytes:
    """What the slugs depend on: digest's code (slugs.py) and python-slugify's."""
    import slugify

    return f"{code_version()} {slugify.__version__}".encode("ascii")


def load_slug_table(folder: Path | None) -> SlugTable:
    """The slugs the last build in `folder` made, or none when it is missing, damaged or not
    made by this code (then every text is slugged again: nothing in it is ever trusted)."""
    if folder is None:
        return SlugTable()
    try:
        data = (folder / SLUG_TABLE).read_bytes()
    except OSError:
        return SlugTable()
    payload, _ = read_checked(data, _SLUG_MAGIC, _SLUG_FORMAT, _slug_key())
    try:
        known = marshal.loads(payload) if payload is not None else None
    except (EOFError, ValueError, TypeError):
        known = None
    if not isinstance(known, dict) or not all(type(k) is str and type(v) is str for k, v in known.items()):
        return SlugTable()
    return SlugTable(known)


def save_slug_table(folder: Path | None, table: SlugTable) -> None:
    """Keep what `table` was asked for this build, for the next (a cache: a failed write only
    costs the next build the slugging; never synced, a torn file fails its check)."""
    if folder is None or not table.changed:
        return
    try:
        write_checked(folder / SLUG_TABLE, _SLUG_MAGIC, _SLUG_FORMAT, _slug_key(), marshal.dumps(table.used, 4),
                      sync=False)
    except OSError:
        pass
