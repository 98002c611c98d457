"""The MkDocs plugin: runs the generator inside every `mkdocs build`, `serve` and `gh-deploy`.

It stays thin. `on_files` hands MkDocs the generated pages in memory (nothing is
written into a folder `serve` watches), `on_page_markdown` makes page metadata
safe for Material's templates, `on_env` gives the theme the links it needs, and
`on_serve` watches the content folder.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import DigestConfig, resolve_dir
from .model import EntityType
from .pages.article import ARTICLE_TEMPLATE
from .pages.listing import long_date
from .pipeline import Generation, generate

log = get_plugin_logger("digest")


class DigestPlugin(BasePlugin[DigestConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.content_dir = Path("content")
        self.generation: Generation | None = None
        self._generated: set[str] = set()
        self._urls: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = resolve_dir(root, self.config.content_dir)
        # Reset per build: `serve` keeps this object alive across rebuilds.
        self.generation = None
        self._generated = set()
        self._urls = {}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        generation = generate(self.content_dir, self.config, site_name=config.site_name)
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
            files.append(File.generated(config, page.src_uri, content=page.text(), inclusion=inclusion))
            self._generated.add(page.src_uri)
        for line in generation.report.lines():
            log.warning(line)
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
        self._urls = urls
        env.filters["digest_entity_url"] = self._entity_url
        env.filters["digest_topic_url"] = self._topic_url
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
