"""The search index in a MkDocs build: its files added as static files, Material's index emptied.

Material's search plugin stays in mkdocs.yml: the header shows its search box only when
the plugin is enabled. Its index is kept empty (its configuration is still written to
search/search_index.json, which Material's `search.highlight` reads to mark a query's
words on the page a result opens), and its lunr worker and language files, which nothing
starts, are not copied into the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..config import resolve_dir
from ..pages.site import Site
from .docs import search_docs
from .index import PREFIX, build_search_index

UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def add_search_index(files: Files, config: MkDocsConfig, site: Site, cache_dir: str) -> dict[str, Path]:
    """Build or update the index in `<cache_dir>/search/` and add its files to the site; returns them."""
    root = Path(config.config_file_path or ".").resolve().parent
    state_dir = resolve_dir(root, cache_dir) / "search"

    def url_for(src_uri: str) -> str:
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"digest search: no page '{src_uri}' among the site's files")
        return file.url

    index = build_search_index(search_docs(site, url_for), state_dir)
    _remove_stale(Path(config.site_dir), index)
    for dest in index:
        if files.get_file_from_path(dest) is not None:
            raise PluginError(f"digest search: '{dest}' is a file in docs_dir and a file of the search index")
        files.append(File(dest, str(state_dir / "site"), config.site_dir, config.use_directory_urls))
    if _empty_material_index(config.plugins):
        for file in list(files):
            if file.src_uri.startswith(UNUSED_THEME_FILES) and not _inside(file.abs_src_path, config.docs_dir):
                files.remove(file)
    return index


def _remove_stale(site_dir: Path, index: dict[str, Path]) -> None:
    """A `--dirty` build copies changed files but deletes none: take out index files that are gone."""
    published = site_dir / PREFIX
    if published.is_dir():
        for path in sorted(published.rglob("*")):
            if path.is_file() and path.relative_to(site_dir).as_posix() not in index:
                path.unlink()


def _empty_material_index(plugins: Any) -> bool:
    """Give Material's search plugin an index that takes no page. False when the plugin is not there."""
    plugin = plugins.get("material/search") or plugins.get("search")
    if plugin is None or not getattr(plugin.config, "enabled", False) or not hasattr(plugin, "search_index"):
        return False
    from material.plugins.search.plugin import SearchIndex

    class NoPages(SearchIndex):
        def add_entry_from_context(self, page) -> None:
            return None

    # Made anew by the plugin's on_config for every build, as this replacement is in on_files.
    plugin.search_index = NoPages(**plugin.config)
    return True


def _inside(path: str | None, folder: str) -> bool:
    if not path:
        return False
    path, folder = str(Path(path).resolve()), str(Path(folder).resolve())
    return path.startswith(folder.rstrip("/") + "/")
