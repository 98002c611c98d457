"""A full build with a warm cache takes the HTML of unchanged pages from the site it replaces.

Rendering a page through Material's templates is most of a full `mkdocs build` once the
per-file cache is warm (at 1,000 articles, about three quarters of it). A full build (not
`--dirty`) writes into a staging folder and swaps it in at the end (see staging), so the
previous site is still there while the new one is built: a page digest made exactly as
before can be copied from it instead of rendered.

A page is copied only when all of these hold, else it is rendered:
- the record of the last successful build (`html.json` in the cache folder) names it with
  the same text (the page's fingerprint), the same signature (the links the theme adds to
  an article, see theme_links), and the hash of the HTML that build wrote;
- the previous site's file for it has exactly that hash (a page edited by hand, or left
  half-written by a build that was killed, is rendered again);
- the site around the pages is the same: digest's code, the theme's templates, the
  configuration as resolved (site name and URL, extra, navigation...), and no plugin other
  than digest and search, which could change a page in ways digest cannot see;
- the page holds no Markdown of the owner (an article written in Markdown): rendering it
  is what reports its broken links.

The record holds, for each page, the anchors its HTML has, so links into a copied page are
checked as if it had been rendered. It is written only after a build that succeeded.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

RECORD = "html.json"
FORMAT = 1
PLUGINS_KNOWN = frozenset({"digest", "search", "material/search"})

Entry = tuple[str, str]  # (page fingerprint, signature)


def html_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def site_key(theme: str, config: Any, nav_items: Iterable[Any]) -> str | None:
    """What every page's HTML depends on besides its own text; None when pages cannot be
    copied at all (another plugin could change them)."""
    if not set(config.plugins) <= PLUGINS_KNOWN:
        return None
    resolved = {
        name: config.get(name)
        for name in ("site_name", "site_url", "site_description", "site_author", "use_directory_urls", "repo_url",
                     "repo_name", "edit_uri", "copyright", "extra", "extra_css", "extra_javascript",
                     "markdown_extensions", "mdx_configs", "docs_dir")
    }
    resolved["theme"] = {key: config.theme[key] for key in sorted(config.theme)}
    resolved["nav"] = _nav(nav_items)
    resolved["plugins"] = sorted(config.plugins)
    # default=str: a value with no plain form only makes the key differ from build to build
    # (nothing is copied), never makes two different sites look alike.
    text = json.dumps([theme, resolved], default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _nav(items: Iterable[Any]) -> list:
    return [[type(item).__name__, str(item.title), getattr(item, "url", None), _nav(getattr(item, "children", None) or ())]
            for item in items]


class HtmlRecord:
    """The record of the last build's pages (see the module's docstring)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / RECORD
        self.previous: dict[str, list] = {}
        self.previous_key: str | None = None
        self.current: dict[str, list] = {}

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("pages"), dict):
            self.previous_key = data.get("site")
            self.previous = data["pages"]

    def reusable(self, key: str | None, entries: dict[str, Entry], site_dir: Path,
                 dest_of: dict[str, str]) -> dict[str, list[str]]:
        """src_uri -> anchors, for the pages whose previous HTML can be copied."""
        if key is None or key != self.previous_key:
            return {}
        found: dict[str, list[str]] = {}
        for uri, entry in entries.items():
            old = self.previous.get(uri)
            if not old or len(old) != 4 or (old[0], old[1]) != entry:
                continue
            try:
                data = (site_dir / dest_of[uri]).read_bytes()
            except OSError:
                continue
            if html_hash(data) == old[2]:
                found[uri] = old[3]
        return found

    def rendered(self, uri: str, entry: Entry, data: bytes, anchors: Iterable[str]) -> None:
        self.current[uri] = [entry[0], entry[1], html_hash(data), sorted(anchors)]

    def kept(self, uri: str, entry: Entry) -> None:
        """A page whose HTML in the site is the one the previous record describes."""
        old = self.previous.get(uri)
        if old and len(old) == 4 and (old[0], old[1]) == entry:
            self.current[uri] = old

    def save(self, key: str | None, pages: Iterable[str]) -> None:
        """Write the record for the pages of the build that just succeeded."""
        if key is None:
            self.path.unlink(missing_ok=True)
            return
        data = {"format": FORMAT, "site": key, "pages": {uri: self.current[uri] for uri in pages if uri in self.current}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-html-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"), sort_keys=True)
        os.replace(tmp, self.path)
