"""The search index in a MkDocs build: built beside the pages, copied into the site, Material's index emptied.

Material's search plugin stays in mkdocs.yml: the header shows its search box only when
the plugin is enabled. Its index is kept empty (its configuration is still written to
search/search_index.json, which Material's `search.highlight` reads to mark a query's
words on the page a result opens), and its lunr worker and language files, which nothing
starts, are not copied into the site.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..paths import is_within
from ..site_model import Site
from .docs import search_handover
from .index import PREFIX, MissingPages, build_from_handover, known_pages, update_search_index
from .searchdoc import Handover

log = get_plugin_logger("digest")

UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class SearchIndexJob:
    """The index, built in a process of its own while MkDocs renders the pages on this one
    (about 4 s of a 10,000-article build, on the core that would otherwise wait), and
    copied into the site when the pages are done. Where no process can start, or it dies,
    the index is built here.

    The process gets what changed: `make_handover(known)` gives every page by key and digest,
    and the pages whose digest is not the one in `known`, the pages the index holds (read
    from its state here, where that costs ~10 ms, not the ~0.5 s of making and pickling
    every page). They reach the process through a file: handed over as arguments, they would
    stay in this process's memory until the index is done, through the build's peak."""

    def __init__(self, make_handover: Callable[[Mapping[str, str]], Handover], state_dir: Path) -> None:
        self._make_handover, self._state_dir = make_handover, state_dir
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self._starting: threading.Thread | None = None
        self.site_files: Files | list = []  # the site's files, none of which may land where the index goes
        self._handover = handover = state_dir / "pages.pickle"
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            pages = make_handover(known_pages(state_dir))
            self._counts = (len(pages.docs), len(pages.pages))
            handover.write_bytes(pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))
            # forkserver: safe under `mkdocs serve`, whose server threads a plain fork could copy mid-lock.
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
            self._submitted = time.time()
            # The first process a build starts waits for the fork server to start (0.1-0.3 s):
            # submitted from a thread, so that this one goes on with the pages meanwhile.
            self._starting = threading.Thread(target=self._submit, name="digest search index", daemon=True)
            self._starting.start()
        except (BrokenProcessPool, OSError):
            self.cancel()

    def _submit(self) -> None:
        try:
            self._future = self._pool.submit(build_from_handover, self._handover, self._state_dir)
        except Exception:  # the process could not start: result() builds the index here
            self._future = None

    def _started(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    def result(self) -> dict[str, Path]:
        self._started()
        try:
            if self._future is not None:
                files, (started, ended, cpu) = self._future.result()
                log.debug("digest: stage times: search index process started %.2f s, updated the index %.2f s "
                          "(CPU %.2f s; %d of %d pages handed over), finished %.2f s before it was published",
                          started - self._submitted, ended - started, cpu, *self._counts, time.time() - ended)
                return files
        except (BrokenProcessPool, OSError):  # the process could not start or died
            pass
        except MissingPages:  # the index's state changed or broke since it was read: every page, here
            pass
        finally:
            self.cancel()
        self._handover.unlink(missing_ok=True)
        return update_search_index(self._make_handover({}), self._state_dir)

    def cancel(self) -> None:
        self._started()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def start_search_index(files: Files, config: MkDocsConfig, site: Site, cache_dir: Path) -> SearchIndexJob:
    """Start building or updating the index in `<cache_dir>/search/`; `publish_search_index` puts it in the site."""
    state_dir = cache_dir / "search"

    def url_for(src_uri: str) -> str:
        # The site model's src_uris (pages.urls) are in MkDocs' form: found at once, without PurePath.
        file = files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"digest search: no page '{src_uri}' among the site's files")
        return file.url

    if _empty_material_index(config.plugins):
        for file in list(files):
            if file.src_uri.startswith(UNUSED_THEME_FILES) and not (file.abs_src_path and is_within(file.abs_src_path, config.docs_dir)):
                files.remove(file)
    job = SearchIndexJob(lambda known: search_handover(site, url_for, known, config.use_directory_urls), state_dir)
    job.site_files = files
    return job


def publish_search_index(job: SearchIndexJob, site_dir: Path) -> dict[str, Path]:
    """Put the index files into the site (in a `--dirty` build, only those that changed) and
    delete the ones no longer in it.

    A file goes in as a hard link to the index's own copy where the file system allows it,
    else as a copy. Linking is safe because the index never writes a file in place: a
    changed file is written beside it and renamed over it (index._write_if_changed), so the
    site keeps the old bytes until the new file is linked in. Dropping one article into a
    digest of 10,000 changes ~900 index files, and linking them costs a fraction of
    copying them."""
    # Checked here, not when the job starts: MkDocs has worked out every file's destination by
    # now, which asked for first there cost the hand-over 0.1 s at 10,000 articles.
    for file in job.site_files:
        if file.dest_uri.startswith(PREFIX):
            job.cancel()
            raise PluginError(f"digest search: '{file.src_uri}' would land in {PREFIX}, where the search index is published")
    index = job.result()
    _remove_stale(site_dir, index)
    # Plain strings: a Path per file cost more than its two stat calls (~1,300 files at 10,000 articles).
    root = os.path.join(site_dir, "")
    made: set[str] = set()
    for dest, source in index.items():
        target = root + dest
        src = os.stat(source)
        try:
            st = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None and (os.path.samestat(st, src) or st.st_mtime >= src.st_mtime):
            continue  # the same file, or a copy made after it was last written
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        _link_or_copy(source, target)
    return index


def _link_or_copy(source: Path | str, target: str) -> None:
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.tmp")
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    try:
        os.link(source, tmp)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _remove_stale(site_dir: Path, index: dict[str, Path]) -> None:
    """A `--dirty` build copies changed files but deletes none: take out index files that are gone."""
    for dest, path in _files_under(os.path.join(site_dir, PREFIX), PREFIX):
        if dest not in index:
            os.unlink(path)


def _files_under(folder: str, prefix: str) -> list[tuple[str, str]]:
    """(path in the site, path) of every file in `folder` and its subfolders, found from the
    folders' listings alone (a stat of each cost more than the rest of publishing)."""
    found: list[tuple[str, str]] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        if entry.is_dir():
            found += _files_under(entry.path, f"{prefix}{entry.name}/")
        elif entry.is_file():
            found.append((prefix + entry.name, entry.path))
    return found


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
