"""The MkDocs plugin: runs the generator inside every `mkdocs build`, `serve` and `gh-deploy`.

It stays thin:
- `on_pre_build` keeps MkDocs from listing the articles when docs_dir is the content folder
  (docs_dir is given back as `on_files` starts);
- `on_files` runs the generator and hands MkDocs its pages from a page store under
  `cache_dir` (never a folder `serve` watches), rewritten only where a page changed,
  so `--dirty` builds rebuild only what changed;
- `on_nav` makes the navigation's pages FastPages too (fast_page), and in a full build finds
  the pages whose HTML the last full build kept is as they are now (see html_reuse), and
  those are copied rather than rendered;
- `on_page_markdown` makes page metadata safe for Material's templates, and
  `on_page_content` sanitizes the owner's HTML in articles;
- `on_env` gives the theme the links it needs, and keeps its compiled templates (template_cache);
- `on_post_build` copies in the search index, built meanwhile in a process of its own;
- `on_config`/`on_post_build` build into a staging folder swapped in at the end;
- `on_serve` watches the content folder (natively where it can: see serve_watch).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import re
import stat
import threading
import time
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from jinja2 import DictLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import is_markdown_file

from . import staging, template_cache
from .serve_watch import ContentWatch
from .compact import compact_html
from .config import DigestConfig, SiteInfo
from .corpus_state import StateHeld
from .fast_page import FastPage, build_date, page_settings
from .html_reuse import HtmlRecord, site_key
from .kept_pages import KeptPages
from .nogc import FrozenHeap, freeze_at_exit, no_cycle_collection
from .pages.article import ARTICLE_TEMPLATE
from .pages.listing import long_date
from .pages import PageMemo, PageSet, StoredPage, urls
from .paths import FolderTest, is_within
from .pipeline import Generation, code_version, generate, page_salt
from .readers import ReadError
from .progress import reading_progress
from .sanitize import clean_html
from .search.publish import SearchIndexJob, publish_search_index, start_search_index
from .site_files import SiteFiles, TrackedFile
from .theme_links import ChipLinks, article_signatures, link_targets
from .theme_loader import ThemeLoader, quick_environments
from .writer import StoredPages, load_article_records, remembered_pages, save_article_records, write_pages

log = get_plugin_logger("digest")

# The template of a page whose HTML is copied from the last full build: it renders nothing, and
# on_post_page gives the copied HTML instead.
REUSED_TEMPLATE = "digest/.reused.html"


class DigestPlugin(BasePlugin[DigestConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.content_dir = Path("content")
        self.cache_dir = Path(".cache/digest")
        self.generation: Generation | None = None
        self._generated: set[str] = set()
        self._owner_markdown: set[str] = set()
        self._command: str | None = None
        self._dirty = False
        self._final_site_dir: Path | None = None
        self._warnings = _WarningCounter()
        self._store_writer: threading.Thread | None = None
        self._search: SearchIndexJob | None = None
        self._laps: list[tuple[str, float]] = []  # seconds per build step, logged with -v
        self._files_done = time.perf_counter()
        self._heap = FrozenHeap()
        self._record: HtmlRecord | None = None  # a full build's record of its pages' HTML
        self._entries: dict[str, tuple[str, str]] = {}  # src_uri -> (fingerprint, signature)
        self._reused: dict[str, Path] = {}  # src_uri -> its kept HTML (see html_reuse)
        self._site_key: str | None = None
        self._dest_of: dict[str, str] = {}
        self._theme = ""
        # Under `serve`, the per-file results of the last build (see pipeline.generate's `kept`).
        self._kept: dict | None = None
        self._held_state: StateHeld | None = None  # the corpus state the last build saved (see on_startup)
        self._kept_pages: KeptPages | None = None  # under `serve --dirty`, the last build's Files and Pages
        self._memo: PageMemo | None = None  # under `serve` without --dirty, the last build's pages
        self._watch: ContentWatch | None = None  # under `serve`: the content folder's native watch
        # (config, its docs_dir) while MkDocs lists a folder that does not exist (see _skip_docs_listing)
        self._docs_dir: tuple[MkDocsConfig, str] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command, self._dirty = command, dirty
        self._kept = {} if command == "serve" else None
        # (serve: written once the rebuilt site is on disk; build: written beside the later stages)
        self._held_state = StateHeld(save_later=True) if command == "serve" else StateHeld(write_behind=True)
        self._kept_pages = KeptPages() if command == "serve" and dirty else None
        self._heap.serving = command == "serve"
        freeze_at_exit()

    @event_priority(10_000)  # before other plugins' on_config: Material's search makes environments there
    def _quick_environments(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs lists the theme's files before on_env (see theme_loader).
        quick_environments(config.theme, Path(self.config.cache_dir))
        return config

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content_dir = Path(self.config.content_dir)  # absolute: config_options.Dir resolved it
        self.cache_dir = Path(self.config.cache_dir)
        # Reset per build: `serve` keeps this object alive across rebuilds.
        if self._search is not None:
            self._search.cancel()
            self._search = None
        self._heap.before_build()
        self.generation = None
        self._generated = set()
        self._owner_markdown = set()
        self._final_site_dir = None
        self._record, self._entries, self._reused, self._site_key, self._dest_of = None, {}, {}, None, {}
        if self._command in ("build", "gh-deploy") and not self._dirty:
            final = Path(config.site_dir)
            self._final_site_dir = final
            config.site_dir = str(staging.prepare(final))
            self._warnings.reset()
            logging.getLogger("mkdocs").addHandler(self._warnings)
        return config

    on_config = CombinedEvent(_quick_environments, _on_config)

    @event_priority(-10_000)  # after every other plugin's on_pre_build: none sees the other folder
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._skip_docs_listing(config)

    def _skip_docs_listing(self, config: MkDocsConfig) -> None:
        """When docs_dir is the content folder (a digest project's layout), MkDocs would list
        every article as a File right after this event, and on_files would take them all out
        again (the articles are inputs, not pages): ~0.2 s at 10,000 articles. MkDocs lists a
        folder that does not exist instead, and docs_dir is given back before any plugin's
        on_files runs (_restore_docs_dir)."""
        if Path(config.docs_dir).resolve() != self.content_dir.resolve():
            return
        nowhere = self.cache_dir / "no-docs"
        if os.path.lexists(nowhere):  # not ours to reason about: MkDocs lists docs_dir as usual
            return
        self._docs_dir, config.docs_dir = (config, config.docs_dir), str(nowhere)

    @event_priority(10_000)  # before every other plugin's on_files: all see docs_dir as configured
    def _restore_docs_dir(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._give_back_docs_dir()
        return files

    def _give_back_docs_dir(self) -> None:
        if self._docs_dir is not None:
            (config, docs_dir), self._docs_dir = self._docs_dir, None
            config.docs_dir = docs_dir

    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            # What on_files makes (a File and a Page for each of ~19,000 pages at 10,000 articles)
            # lives to the end of the build: the cycle collector walked it again and again while
            # it was made and after (~0.05 s of a `--dirty` build). Outside `serve`, it is frozen
            # with the rest of the heap; `serve` collects it before its next build (collect_young).
            with no_cycle_collection():
                files = self._add_pages(files, config)
                if not self._heap.serving:
                    self._heap.freeze()
                return files
        except ReadError as exc:  # an article changed while this build read it (extract._text_again)
            raise PluginError(f"digest: {exc}") from exc

    on_files = CombinedEvent(_restore_docs_dir, _on_files)

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        site_info = SiteInfo(config.site_name, config.site_url or None, config.use_directory_urls)
        memo = self._page_memo(page_salt(self.config, site_info))
        # (called with the cycle collector paused: see _on_files)
        generation = generate(self.content_dir, self.config, site_info, cache_dir=self.cache_dir,
                              progress=reading_progress, kept=self._kept, page_memo=memo,
                              held_state=self._held_state)
        self._heap.freeze()  # see FrozenHeap: released in on_post_build (serve: carried over) / on_build_error
        if self._command == "serve" and not self._dirty:
            self._memo = memo
        in_content = FolderTest(self.content_dir)
        for file in list(files):
            # The articles are inputs, not pages: when docs_dir is the content folder,
            # MkDocs lists them too, and they must not be copied into the site.
            if file.abs_src_path and in_content(file.abs_src_path):
                files.remove(file)
            # The theme's source maps (Material's bundle.*.js.map, 1 MB) serve only a developer's
            # debugger, and would be most of a small digest's assets.
            elif file.src_uri.endswith(".js.map") and file.src_uri.startswith("assets/"):
                files.remove(file)

        self._laps = [("generator", time.perf_counter() - started)]
        lap = time.perf_counter()
        signatures = self._signatures(generation, config, memo)
        if self._dirty:
            # Incremental: MkDocs compares each page's source file time with its HTML's.
            stored = memo.previous if isinstance(memo.previous, StoredPages) else None
            store = write_pages(generation.pages, self.cache_dir / "pages", signatures, digests=memo.digests(), stored=stored,
                                keep_times=True)
            _remove_from_site(store.removed, config)
            # A page whose file this build wrote or touched is rendered; for the others, MkDocs
            # compares their HTML's time with the time write_pages found (see _PageFile.is_modified).
            paths, times, texts = store.paths, store.times, None
        else:
            # A full build reads the pages from memory, and the store a later `--dirty` build
            # needs is written beside it, dated to before any page is rendered. Only MkDocs' own
            # Pages (the navigation's) read their file: a FastPage is handed its body and front
            # matter, so the others' texts (front matter written as YAML: ~0.4 s at 1,000 articles)
            # are made only where something asks for them, the store for a changed page.
            texts = {page.src_uri: page.text() for page in generation.pages if not _is_fast(page)}
            paths = times = None
            fingerprints = {page.src_uri: page.fingerprint() for page in generation.pages}
            if self._final_site_dir is not None:
                self._record = HtmlRecord(self.cache_dir)
                self._record.load()
                self._entries = {page.src_uri: (fingerprints[page.src_uri], signatures.get(page.src_uri, ""))
                                 for page in generation.pages if _is_fast(page) and not page.owner_markdown}
            self._store_writer = threading.Thread(
                target=_write_store, name="digest-page-store", daemon=True,
                args=(generation.pages, self.cache_dir / "pages", signatures),
                kwargs={"texts": texts, "mtime": time.time() - 1, "fingerprints": fingerprints,
                        "digests": memo.digests(), "keep_times": True},
            )
            self._store_writer.start()
        save_article_records(self.cache_dir, memo)
        self._laps.append(("signatures and page store", time.perf_counter() - lap))
        lap = time.perf_counter()
        made_by = config.plugins._current_plugin or "<unknown>"  # as File.generated names it
        # Per page (19,000 at 10,000 articles), only what differs: the rest is looked up once.
        known, site_dir, directory_urls = files.src_uris, config.site_dir, config.use_directory_urls
        kept = self._kept_pages
        if kept is not None:
            kept.start()
            settings, date = page_settings(config), build_date()
            if settings is None:
                kept = None
        for page in generation.pages:
            uri = page.src_uri
            plain = _is_plain_uri(uri)
            existing = known.get(uri) if plain else files.get_file_from_path(uri)
            if existing is not None:
                raise PluginError(
                    f"digest: '{uri}' is both a file in docs_dir ({existing.abs_src_path}) "
                    f"and a page digest generates ({page.origin}); rename one of them"
                )
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            site = (site_dir, directory_urls)
            if page.in_nav:  # nav pages keep MkDocs' Page, which takes its title from the nav
                file = _page_file(config, page, made_by, inclusion, plain, site, paths, texts)
            else:
                made = (config, page, made_by, inclusion, plain, site, paths, texts)
                if kept is not None and plain:  # (what File and FastPage are made from: see kept_pages)
                    key = (paths[uri], inclusion, made_by, site_dir, directory_urls, settings, date, page.owner_markdown)
                    file, fast = kept.made(uri, key, functools.partial(_page_objects, *made))
                else:
                    file, fast = _page_objects(*made)
                # A page taken from the page store unchanged (see pages.memo) is read from its file.
                if not isinstance(page, StoredPage) and page.meta:
                    # Without front matter, MkDocs also reads "key: value" lines at the top.
                    fast.source = (page.body, page.meta)
            if self._dirty:
                file.source_time = times.get(uri, _CHANGED)
            files.append(file)
            self._generated.add(page.src_uri)
            if page.owner_markdown:
                # Only the owner's own Markdown can hold HTML digest did not write (and escape)
                # itself: those pages are sanitized. Sanitizing every article cost 4 s at 10,000.
                self._owner_markdown.add(page.src_uri)
        # digest's search index (generator/search), built while MkDocs renders the pages and
        # copied into the site after them; Material's index stays empty.
        self._laps.append(("files for MkDocs", time.perf_counter() - lap))
        lap = time.perf_counter()
        self._search = start_search_index(files, config, generation.site, self.cache_dir)
        self._laps.append(("search index handed over", time.perf_counter() - lap))
        self._files_done = time.perf_counter()
        # Warnings make `mkdocs build --strict` fail, as a problem with any article should in CI.
        for line in generation.report.lines():
            log.warning(line)
        for line in generation.report.note_lines():
            log.info(line)
        log.info(generation.report.summary())
        # Keep the site model (on_env needs its links), not the page texts: they are on disk now.
        self.generation = replace(generation, pages=PageSet())
        return SiteFiles.adopt(files)  # (see site_files)

    def _page_memo(self, salt: str) -> PageMemo:
        """Where this build finds the last build's pages (pages.memo): the page store in a
        `--dirty` build, this process's memory in a full rebuild under `serve`, nowhere in a
        full build (which records its pages' inputs for the next)."""
        if self._dirty:
            previous, note = remembered_pages(self.cache_dir / "pages")
            if note:
                log.info(note)
            memo = PageMemo(salt, previous, store_files=previous.files)  # (one listing of the store's folders)
            load_article_records(self.cache_dir, memo)
            return memo
        if self._memo is not None:
            return self._memo.next_build(salt)
        return PageMemo(salt)

    def _signatures(self, generation: Generation, config: MkDocsConfig, memo: PageMemo) -> dict[str, str]:
        """Per article page, what its HTML depends on besides its Markdown (see theme_links):
        made again only for articles whose chips or their targets changed since the build that
        recorded `memo.chips_before` (kept with the article records)."""
        theme = self._theme = _theme_fingerprint(config)
        known = memo.chips_before if memo.articles_before else None
        by_source, targets = article_signatures(generation.site, theme, known, memo.changed_articles)
        memo.chips = (theme, targets, by_source)
        return {urls.article(a.slug): by_source[a.source] for a in generation.site.articles}

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """The navigation's pages digest made are rendered as FastPages too; in a full build,
        the pages whose HTML the last full build kept is as this build would render it: their
        FastPage skips rendering, and on_post_page hands MkDocs that HTML."""
        self._render_nav_pages_fast(nav)
        if self._record is None or self._final_site_dir is None:
            return nav
        lap = time.perf_counter()
        self._site_key = site_key(self._theme, config, nav.items)
        self._dest_of = {uri: files.src_uris[uri].dest_uri for uri in self._entries}
        reusable = self._record.reusable(self._site_key, self._entries, self._dest_of)
        for uri, (path, anchors) in reusable.items():
            page = files.src_uris[uri].page
            if isinstance(page, FastPage):
                page.reused_anchors = frozenset(anchors)
                self._reused[uri] = path
        self._laps.append((f"HTML of {len(self._reused):,} unchanged pages found", time.perf_counter() - lap))
        return nav

    def _render_nav_pages_fast(self, nav) -> None:
        """The navigation's pages digest made become FastPages: MkDocs made them as Pages, with
        the navigation's titles and links to each other, and a FastPage differs from its Page
        only in how it renders. The home page and the index pages were most of what a dropped
        article's build converted with a new Python-Markdown converter per page."""
        for page in nav.pages:
            if type(page) is Page and page.file.src_uri in self._generated:
                page.__class__ = FastPage
                page.splice_html = page.file.src_uri not in self._owner_markdown

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self._generated:
            return markdown
        if page.file.src_uri in self._reused:
            page.meta["template"] = REUSED_TEMPLATE
            return markdown
        # MkDocs' Jinja environment does not autoescape, and Material prints page.meta.title
        # as it is. Article titles are data ("<DD>"), so every string becomes escaped Markup.
        page.meta = _escape(page.meta)
        if urls.is_article(page.file.src_uri):
            page.meta["template"] = ARTICLE_TEMPLATE
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self._generated:
            return html
        # The Markdown is converted and nothing reads it again: at 10,000 articles, holding
        # every page's Markdown (twice, in the file and the page) until the end cost ~600 MB.
        page.markdown = None
        if not self._dirty:  # a --dirty build reads from the page store, and keeps file times
            page.file.content_string = ""
        if page.file.src_uri in self._reused:
            return html
        if page.file.src_uri in self._owner_markdown and not self.config.trusted_html:
            return clean_html(html)
        return html

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self._generated:
            # Written right after this event and never read again: at 10,000 articles, keeping
            # every page's Markdown and HTML in memory until the end cost most of a gigabyte.
            page.content = None
            uri = page.file.src_uri
            if uri in self._reused:  # checked against the record's hash in on_nav
                if self._record is not None:
                    self._record.kept(uri)
                return self._reused[uri].read_bytes().decode("utf-8")
            output = compact_html(output)
            if self._dirty and output.strip():  # what MkDocs writes, right after this event
                _unshare(page.file.abs_dest_path)
            if self._record is not None and uri in self._entries:
                # The bytes MkDocs writes, for the next full build to recognize them.
                data = output.encode("utf-8", errors="xmlcharrefreplace")
                self._record.rendered(uri, self._entries[uri], self._dest_of[uri], data, page.present_anchor_ids or ())
            return output
        return output

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        urls: dict[str, str] = {}
        if self.generation is not None:
            for key, src_uri in link_targets(self.generation.site).items():
                if file := files.src_uris.get(src_uri) or files.get_file_from_path(src_uri):
                    urls[key] = file.url
        ChipLinks(urls).install(env)
        if env.bytecode_cache is None:  # an environment not made by the theme's get_env
            template_cache.install(env, self.cache_dir)
        env.loader = ThemeLoader([DictLoader({REUSED_TEMPLATE: ""}), env.loader])  # (see theme_loader)
        env.filters["digest_date"] = _format_date
        return env

    @event_priority(-100)  # last, after search and every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._post_build(config)
        finally:
            if self._held_state is not None:  # under `serve`, the corpus state is written now (see StateHeld)
                self._held_state.save()

    def _post_build(self, config: MkDocsConfig) -> None:
        lap = time.perf_counter()
        self._laps.append(("MkDocs renders pages", lap - self._files_done))
        if self._search is not None:
            publish_search_index(self._search, Path(config.site_dir))
            self._search = None
        self._finish_store()
        self._heap.after_build()
        self._laps.append(("search index published", time.perf_counter() - lap))
        log.debug("digest: build times: %s", ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in self._laps))
        final = self._final_site_dir
        if final is None:
            return
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        built = Path(config.site_dir)
        config.site_dir = str(final)  # gh-deploy publishes config.site_dir after the build
        self._final_site_dir = None
        if config.strict and self._warnings.count:
            # MkDocs aborts a strict build with warnings right after this event: keep the old site.
            staging.discard(built)
            return
        staging.swap_in(built, final)
        if self._record is not None:
            try:
                self._record.save(self._site_key, final)
            except OSError as exc:  # the next full build renders every page, as without a record
                log.info("the record of the pages' HTML could not be written: %s", exc)
            self._record = None

    def on_build_error(self, *, error: Exception) -> None:
        self._give_back_docs_dir()  # a build that failed before on_files: see _skip_docs_listing
        if self._kept_pages is not None:
            self._kept_pages.forget()
        if self._search is not None:
            self._search.cancel()
            self._search = None
        self._finish_store()
        if self._held_state is not None:
            self._held_state.save()
        self._heap.release()
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if self._final_site_dir is not None:
            staging.discard(staging.staging_dir(self._final_site_dir))
            self._final_site_dir = None

    def _finish_store(self) -> None:
        if self._store_writer is not None:
            self._store_writer.join()
            self._store_writer = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # MkDocs polls docs_dir (see serve_watch); the content folder is watched natively where
        # it can be, unless it is only part of docs_dir (the rest must still be polled).
        inside = is_within(self.content_dir, config.docs_dir)
        same = Path(config.docs_dir).resolve() == self.content_dir.resolve()
        if not inside or same:
            self._watch = ContentWatch(self.content_dir, self.cache_dir / "serve")
            if self._watch.start(server, config.docs_dir if same else None):
                log.info("watching %s for changes", self.content_dir)
            elif not inside:
                server.watch(str(self.content_dir))
        return server

    def on_shutdown(self) -> None:
        if self._held_state is not None:
            self._held_state.wait()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None


class _PageFile(TrackedFile):
    """A generated page's File. MkDocs normalizes every path given to a File through
    `PurePath` (~30 µs each, ~0.6 s for the pages of 10,000 articles); a src_uri digest
    computed (pages.urls) is already in the form that gives back, and is taken as it is.
    A TrackedFile: the build's listings of pages follow a change of its src_uri or inclusion."""

    @classmethod
    def made(cls, config: MkDocsConfig, src_uri: str, generated_by: str, *, inclusion: InclusionLevel,
             content: str | None = None, abs_src_path: str | None = None, plain: bool | None = None,
             site: tuple[str, bool] | None = None) -> _PageFile:
        """`File.generated(config, src_uri, ...)` as called from the plugin named `generated_by`:
        the same File, made without the call through File.__init__'s setters (~3 µs of a
        page; 19,000 pages at 10,000 articles). A caller making many may pass what it knows
        already: `plain`, `_is_plain_uri(src_uri)`; `site`, (config.site_dir, config.use_directory_urls)."""
        if (content is None) == (abs_src_path is None):
            raise TypeError("File must have exactly one of 'content' or 'abs_src_path'")
        if not (_is_plain_uri(src_uri) if plain is None else plain):
            file = cls.generated(config, src_uri, inclusion=inclusion, content=content, abs_src_path=abs_src_path)
            file.generated_by = generated_by
            return file
        file = cls.__new__(cls)
        site_dir, directory_urls = (config.site_dir, config.use_directory_urls) if site is None else site
        fields = file.__dict__  # as the setters leave them, without a call through each
        fields["src_uri"], fields["src_dir"], fields["dest_dir"] = src_uri, None, site_dir
        fields["use_directory_urls"], fields["inclusion"] = directory_urls, inclusion
        fields["generated_by"], fields["abs_src_path"], fields["_content"] = generated_by, abs_src_path, content
        return file

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        self.src_uri = value if _is_plain_uri(value) else PurePath(value).as_posix()

    def _dest_path(self) -> str:
        """MkDocs' `dest_uri`, without its path splitting for the common case: asked of every
        page by a build (~0.2 s with `url` and `abs_dest_path` for 19,000 pages)."""
        uri = self.src_uri
        if self.use_directory_urls and uri.endswith(".md") and _is_plain_uri(uri):
            stem = uri[uri.rfind("/") + 1:-3]
            if stem and stem not in ("index", "README"):
                return uri[:-3] + "/index.html"  # foo.md -> foo/index.html
        return File._get_dest_path(self)

    dest_uri = functools.cached_property(_dest_path)

    @functools.cached_property
    def url(self) -> str:
        dest = self.dest_uri
        if self.use_directory_urls and dest.endswith("/index.html") and _URL_SAFE.fullmatch(dest):
            return dest[:-10]  # as urlquote leaves it: "foo/index.html" -> "foo/"
        return File._get_url(self)

    @functools.cached_property
    def abs_dest_path(self) -> str:
        dest = self.dest_uri  # normpath would also fold a '..' part, which a plain URI may hold
        if _is_plain_uri(dest) and "/../" not in f"/{dest}/" and _is_normal_dir(self.dest_dir):
            return self.dest_dir + "/" + dest
        return os.path.normpath(os.path.join(self.dest_dir, self.dest_uri))

    _modified: bool | None = None
    # In a `--dirty` build, the time of the page-store file this page is read from, as the build
    # found it (writer.WriteStats.times), or _CHANGED when the build wrote or touched that file.
    source_time: float | None = None
    # The digest page this file is made of, when its text is written only if asked for.
    lazy_page: Any = None

    @property
    def content_bytes(self) -> bytes:
        self._make_text()
        return super().content_bytes

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.lazy_page = None
        File.content_bytes.fset(self, value)

    @property
    def content_string(self) -> str:
        self._make_text()
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.lazy_page = None
        File.content_string.fset(self, value)

    def _make_text(self) -> None:
        if self.lazy_page is not None:
            self._content, self.lazy_page = self.lazy_page.text(), None

    def is_modified(self) -> bool:
        """MkDocs' answer (the page's HTML is missing or older than its source), found with two
        stat calls once: a `--dirty` build asks twice per page, reading it and writing it, with
        four file-system calls each time, for every page of the site (~19,000 at 10,000 articles)
        when a dropped article changes a few dozen. Writing the HTML comes after both questions."""
        if self._content is not None:
            return True
        if self._modified is None:
            source = self.source_time
            if source is _CHANGED:  # its text or what else its HTML shows changed in this build
                self._modified = True
                return True
            try:
                dest = os.stat(self.abs_dest_path)
            except OSError:
                self._modified = True
            else:
                if source is None:
                    source = os.stat(self.abs_src_path).st_mtime
                self._modified = not stat.S_ISREG(dest.st_mode) or dest.st_mtime < source
        return self._modified


# A page-store file a `--dirty` build wrote or touched (see _PageFile.source_time): newer than
# the page's HTML, as MkDocs would find by asking the file system.
_CHANGED: Any = float("inf")


def _is_fast(page) -> bool:
    """Rendered as a FastPage, which is handed its body and front matter (not in the
    navigation, and a Markdown page: other files MkDocs copies from their content)."""
    return not page.in_nav and is_markdown_file(page.src_uri)


def _page_file(config: MkDocsConfig, page, made_by: str, inclusion: InclusionLevel, plain: bool, site: tuple,
               paths: dict[str, str] | None, texts: dict[str, str] | None) -> _PageFile:
    """The File of a digest page: read from the page store in a `--dirty` build (`paths`), else
    its text made when MkDocs asks (a FastPage's) or given (`texts`)."""
    uri = page.src_uri
    if paths is not None:
        return _PageFile.made(config, uri, made_by, inclusion=inclusion, abs_src_path=paths[uri], plain=plain, site=site)
    if _is_fast(page):
        file = _PageFile.made(config, uri, made_by, inclusion=inclusion, content="", plain=plain, site=site)
        file.lazy_page = page
        return file
    return _PageFile.made(config, uri, made_by, inclusion=inclusion, content=texts[uri], plain=plain, site=site)


def _page_objects(config: MkDocsConfig, page, made_by: str, inclusion: InclusionLevel, plain: bool, site: tuple,
                  paths: dict[str, str] | None, texts: dict[str, str] | None) -> tuple[_PageFile, FastPage]:
    """The File and FastPage of a digest page outside the navigation, before its source is given."""
    file = _page_file(config, page, made_by, inclusion, plain, site, paths, texts)
    fast = FastPage(None, file, config)
    fast.splice_html = not page.owner_markdown
    if paths is not None:
        file.abs_dest_path  # noqa: B018 - what a --dirty build asks of every page (is_modified): kept with it (kept_pages)
    return file, fast


# Characters `urllib.parse.quote` leaves as they are (its default safe "/" included).
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~/-]*")


@functools.lru_cache(maxsize=8)
def _is_normal_dir(path: str) -> bool:
    """An absolute folder os.path.normpath leaves as it is (the site folder, one per build)."""
    return os.sep == "/" and path.startswith("/") and path != "/" and os.path.normpath(path) == path


def _is_plain_uri(value: str) -> bool:
    """True when `PurePath(value).as_posix() == value`: '/'-separated, no empty or '.' part."""
    return (os.sep == "/" and bool(value) and not value.startswith(("/", "./")) and not value.endswith(("/", "/."))
            and "//" not in value and "/./" not in value and value != ".")


class _WarningCounter(logging.Handler):
    """Counts warnings during a build, as MkDocs' strict mode does, to know it will abort."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def reset(self) -> None:
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _theme_fingerprint(config: MkDocsConfig) -> str:
    """The configuration and templates every page's HTML depends on: when they change, a
    `--dirty` build must rebuild the articles too."""
    digest = hashlib.sha256(code_version().encode())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    for folder in config.theme.dirs:
        for path in _html_files(folder):
            with open(path, "rb") as fh:
                digest.update(fh.read())
    # Icons are templates too (theme/.icons/ overrides Material's): the custom folder's count;
    # Material's own thousands change only with Material, whose templates are hashed above.
    if config.theme.custom_dir:
        for path in sorted((Path(config.theme.custom_dir) / ".icons").rglob("*.svg")):
            digest.update(path.relative_to(config.theme.custom_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _html_files(folder: str) -> list[str]:
    """`sorted(Path(folder).rglob("*.html"))`'s files, as strings: pathlib made a Path of each
    of Material's ~14,500 files (its icons) to match the name, ~15 ms of every build."""
    found = []
    for root, _, names in os.walk(folder):  # (not into linked folders, as rglob: a link loop would never end)
        found.extend(os.path.join(root, name) for name in names if name.endswith(".html"))
    return sorted(found, key=lambda path: path.split(os.sep))


def _write_store(*args, **kwargs) -> None:
    try:
        write_pages(*args, **kwargs)
    except (OSError, ValueError) as exc:  # a read-only checkout still builds; --dirty then rebuilds all
        log.info("the page store for incremental builds could not be written: %s", exc)


def _unshare(path: str) -> None:
    """A `--dirty` build writes a changed page over its file, in place. After a full build that
    file is also the copy html_reuse keeps (a hard link): truncating it frees its blocks for
    both names, ~0.3 ms a page here and up to ~2 ms while the disk was busy, against ~0.1 ms
    for taking one name away and writing a new file. The kept copy also keeps the bytes its
    record lists (html_reuse checks them before it copies one)."""
    try:
        if os.lstat(path).st_nlink > 1:
            os.unlink(path)
    except OSError:  # no file yet, or one MkDocs will report when it writes
        pass


def _remove_from_site(src_uris: list[str], config: MkDocsConfig) -> None:
    """A `--dirty` build does not clean the site: take out the pages of deleted articles."""
    site = Path(config.site_dir)
    for src_uri in src_uris:
        target = site / File(src_uri, None, config.site_dir, config.use_directory_urls).dest_uri
        if target.is_file():
            target.unlink()
        # Its folder too, as a clean build would not make it (`articles/<slug>/` held only the page).
        # The page may never have been written here (`mkdocs serve` builds into a new folder).
        for folder in target.parents:
            if folder == site or not folder.is_relative_to(site):
                break
            try:
                folder.rmdir()  # (only an empty folder)
            except FileNotFoundError:
                continue
            except OSError:
                break


def _escape(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup.escape(value)
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape(v) for v in value]
    return value


def _format_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return long_date(value) if isinstance(value, dt.date) else ""
