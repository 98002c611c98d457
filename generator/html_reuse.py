"""A full build with a warm cache copies the HTML of unchanged pages from the last full build.

Rendering a page through Material's templates is most of a full `mkdocs build` once the
per-file cache is warm (at 1,000 articles, about three quarters of it). So a full build (not
`--dirty`) keeps the HTML of the pages digest makes in the cache folder (`html/`, hard links
to the site's files where the file system allows it, so they take no room there), and the
next full build copies a page made exactly as before from there instead of rendering it.
The cache folder is what the Pages workflow keeps between runs: a push with one new article
renders the pages that article changes.

A page is copied only when all of these hold, else it is rendered:
- the record of the last successful full build (`html.json` in the cache folder) names it
  with the same text (the page's fingerprint), the same signature (the links the theme adds
  to an article, see theme_links), and the hash of the HTML that build wrote;
- the kept file has exactly that hash (one changed since, as a `--dirty` build writes the
  site's files in place, or left half-written by a build that was killed, is not used);
- the site around the pages is the same: digest's code, the theme's templates, the versions
  of MkDocs, Material, Python-Markdown and Jinja, the configuration as resolved (site name
  and URL, extra, navigation...), and no plugin other
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
import shutil
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

RECORD = "html.json"
FOLDER = "html"
FORMAT = 1
PLUGINS_KNOWN = frozenset({"digest", "search", "material/search"})
# The packages that turn a page into HTML besides the theme's templates (hashed with digest's code).
RENDERERS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe")

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
    resolved["versions"] = [_version(name) for name in RENDERERS]
    # default=str for a value with no plain form: an object whose text shows its address
    # makes the key differ from build to build, and then nothing is copied.
    text = json.dumps([theme, resolved], default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _nav(items: Iterable[Any]) -> list:
    return [[type(item).__name__, str(item.title), getattr(item, "url", None), _nav(getattr(item, "children", None) or ())]
            for item in items]


class HtmlRecord:
    """The record of the last build's pages (see the module's docstring)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / RECORD
        self.folder = cache_dir / FOLDER
        self.previous: dict[str, list] = {}
        self.previous_key: str | None = None
        self.current: dict[str, list] = {}
        self._fresh: list[str] = []  # the pages this build rendered

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("pages"), dict):
            self.previous_key = data.get("site")
            self.previous = data["pages"]

    def reusable(self, key: str | None, entries: dict[str, Entry], dest_of: dict[str, str]) -> dict[str, tuple[Path, list[str]]]:
        """src_uri -> (the kept HTML, its anchors), for the pages whose HTML can be copied."""
        if key is None or key != self.previous_key:
            return {}
        found: dict[str, tuple[Path, list[str]]] = {}
        for uri, entry in entries.items():
            old = self.previous.get(uri)
            if not _valid(old) or (old[0], old[1]) != entry or old[4] != dest_of[uri]:
                continue
            path = self.folder / old[4]
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if html_hash(data) == old[2]:
                found[uri] = (path, old[3])
        return found

    def rendered(self, uri: str, entry: Entry, dest: str, data: bytes, anchors: Iterable[str]) -> None:
        self.current[uri] = [entry[0], entry[1], html_hash(data), sorted(anchors), dest]
        self._fresh.append(uri)

    def kept(self, uri: str) -> None:
        """A page copied from its kept HTML, which stays as it is."""
        self.current[uri] = self.previous[uri]

    def save(self, key: str | None, site_dir: Path) -> None:
        """After a full build that succeeded: keep the HTML of the pages it rendered (from
        `site_dir`), drop the kept files of pages that are gone, and write the record."""
        if key is None:  # nothing can be copied next time either
            self.path.unlink(missing_ok=True)
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        # The record goes first: a build killed while the files are replaced leaves files
        # that match no record (never used), not a record naming files half replaced.
        self.path.unlink(missing_ok=True)
        for uri in self._fresh:
            dest = self.current[uri][4]
            _link_or_copy(site_dir / dest, self.folder / dest)
        wanted = {entry[4] for entry in self.current.values()}
        for uri, old in self.previous.items():
            if _valid(old) and old[4] not in wanted:
                (self.folder / old[4]).unlink(missing_ok=True)
        data = {"format": FORMAT, "site": key, "pages": self.current}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-html-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"), sort_keys=True)
        os.replace(tmp, self.path)


def _valid(entry: Any) -> bool:
    return isinstance(entry, list) and len(entry) == 5 and isinstance(entry[4], str)


def _link_or_copy(source: Path, target: Path) -> None:
    """`target` becomes `source`'s bytes: a hard link where the file system allows it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)
