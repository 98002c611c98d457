"""The MkDocs plugin: runs the generator inside every `mkdocs build`, `serve` and `gh-deploy`.

It stays thin. `on_files` hands MkDocs the generated pages in memory (nothing is
written into a folder `serve` watches), `on_page_markdown` makes page metadata
safe for Material's templates, `on_env` gives the theme the links it needs, and
`on_serve` watches the content folder.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import shutil
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import DigestConfig, SiteInfo, resolve_dir
from .enrich.topics import tag_key
from .fast_page import FastPage
from .model import EntityType
from .pages.article import ARTICLE_TEMPLATE
from .pages.listing import long_date
from .pipeline import Generation, generate
from .sanitize import clean_html
from .search import configure_search_languages

log = get_plugin_logger("digest")


class DigestPlugin(BasePlugin[DigestConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.content_dir = Path("content")
        self.generation: Generation | None = None
        self._generated: set[str] = set()
        self._urls: dict[str, str] = {}
        self._command: str | None = None
        self._dirty = False
        self._final_site_dir: Path | None = None
        self._warnings = _WarningCounter()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command, self._dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = resolve_dir(root, self.config.content_dir)
        # Reset per build: `serve` keeps this object alive across rebuilds.
        self.generation = None
        self._generated = set()
        self._urls = {}
        self._final_site_dir = None
        if self._command in ("build", "gh-deploy") and not self._dirty:
            # Build into a staging folder and swap it in at the end, so that a failed or
            # interrupted build leaves the previous site as it was.
            final = Path(config.site_dir)
            staging = _staging_dir(final)
            shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed
            self._final_site_dir = final
            config.site_dir = str(staging)
            self._warnings.reset()
            logging.getLogger("mkdocs").addHandler(self._warnings)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        site_info = SiteInfo(config.site_name, config.site_url or None, config.use_directory_urls)
        root = Path(config.config_file_path or ".").resolve().parent
        generation = generate(self.content_dir, self.config, site_info, cache_dir=resolve_dir(root, self.config.cache_dir))
        content = str(self.content_dir)
        for file in list(files):
            # The articles are inputs, not pages: when docs_dir is the content folder,
            # MkDocs lists them too, and they must not be copied into the site.
            if file.abs_src_path and _inside(file.abs_src_path, content):
                files.remove(file)
        for page in generation.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"digest: '{page.src_uri}' is both a file in docs_dir ({existing.abs_src_path}) "
                    f"and a page digest generates ({page.origin}); rename one of them"
                )
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.text(), inclusion=inclusion)
            if not page.in_nav:  # nav pages keep MkDocs' Page, which takes its title from the nav
                FastPage(None, file, config)
            files.append(file)
            self._generated.add(page.src_uri)
        # Material's search plugin fixed its `lang` list in its on_config, before the articles were
        # read, and writes it into the index at on_post_build: add the articles' languages now.
        configure_search_languages(config.plugins, (a.language for a in generation.site.articles))
        # Warnings make `mkdocs build --strict` fail, as a problem with any article should in CI.
        for line in generation.report.lines():
            log.warning(line)
        for line in generation.report.note_lines():
            log.info(line)
        log.info(generation.report.summary())
        self.generation = generation
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self._generated:
            return markdown
        # MkDocs' Jinja environment does not autoescape, and Material prints page.meta.title
        # as it is. Article titles are data ("<DD>"), so every string becomes escaped Markup.
        page.meta = _escape(page.meta)
        if page.file.src_uri.startswith("articles/"):
            page.meta["template"] = ARTICLE_TEMPLATE
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri.startswith("articles/") and page.file.src_uri in self._generated and not self.config.trusted_html:
            return clean_html(html)
        return html

    @event_priority(-100)  # last, after search and every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        final = self._final_site_dir
        if final is None:
            return
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        staging = Path(config.site_dir)
        if config.strict and self._warnings.count:
            # MkDocs aborts a strict build with warnings right after this event: keep the old site.
            shutil.rmtree(staging, ignore_errors=True)
            config.site_dir = str(final)
            self._final_site_dir = None
            return
        old = final.with_name(f".{final.name}.digest-old")
        shutil.rmtree(old, ignore_errors=True)
        if final.exists():
            final.rename(old)
        staging.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        config.site_dir = str(final)  # gh-deploy publishes config.site_dir after the build
        self._final_site_dir = None

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if self._final_site_dir is not None:
            shutil.rmtree(_staging_dir(self._final_site_dir), ignore_errors=True)
            self._final_site_dir = None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        site = self.generation.site if self.generation else None
        urls: dict[str, str] = {}
        if site is not None:
            for entry in site.entities.values():
                if entry.has_page and (f := files.get_file_from_path(entry.src_uri)):
                    urls[f"{entry.type.value}:{entry.name}"] = f.url
            for topic in site.topics.values():
                if topic.articles and (f := files.get_file_from_path(topic.src_uri)):
                    urls[f"topic:{topic.name}"] = f.url
            for tag in site.tags.values():
                if f := files.get_file_from_path(tag.src_uri):
                    urls[f"tag:{tag.key}"] = f.url
        self._urls = urls
        env.filters["digest_entity_url"] = self._entity_url
        env.filters["digest_topic_url"] = self._topic_url
        env.filters["digest_tag_url"] = self._tag_url
        env.filters["digest_date"] = _format_date
        env.globals["digest_entity_types"] = [t.value for t in EntityType]
        return env

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if not _inside(str(self.content_dir), str(Path(config.docs_dir).resolve())):
            server.watch(str(self.content_dir))
        return server

    def _entity_url(self, name: Any, type_: str) -> str:
        return self._urls.get(f"{type_}:{_plain(name)}", "")

    def _topic_url(self, name: Any) -> str:
        return self._urls.get(f"topic:{_plain(name)}", "")

    def _tag_url(self, name: Any) -> str:
        return self._urls.get(f"tag:{tag_key(_plain(name))}", "")


class _WarningCounter(logging.Handler):
    """Counts warnings during a build, as MkDocs' strict mode does, to know it will abort."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def reset(self) -> None:
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _staging_dir(final: Path) -> Path:
    return final.with_name(f".{final.name}.digest-staging")


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


def _plain(value: Any) -> str:
    return html.unescape(str(value)) if isinstance(value, Markup) else str(value)


def _format_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return long_date(value) if isinstance(value, dt.date) else ""


def _inside(path: str, folder: str) -> bool:
    path, folder = str(Path(path).resolve()), str(Path(folder).resolve())
    return path == folder or path.startswith(folder.rstrip("/") + "/")
