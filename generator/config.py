"""The one configuration schema of digest, shared by the MkDocs plugin and the CLI.

In `mkdocs.yml`:

    plugins:
      - digest:
          content_dir: content
          default_language: en

The CLI reads the same block from `mkdocs.yml` (when there is one), so both
routes build the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.utils import yaml_load


class Count(opt.Type):
    """A whole number of at least `minimum`: anything else fails when the config is read, naming the option."""

    def __init__(self, default: int, minimum: int = 1) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise opt.ValidationError(f"Expected a whole number but received: {value!r}")
        value = super().run_validation(value)
        if value < self.minimum:
            raise opt.ValidationError(f"must be at least {self.minimum}, not {value}")
        return value


class DigestConfig(base.Config):
    content_dir = opt.Dir(default="content")
    """The folder of articles and taxonomy files, relative to mkdocs.yml. Read, never written.
    Validated to an absolute path, as is `cache_dir`."""

    default_language = opt.Type(str, default="en")
    """ISO 639-1 code for articles that state no language."""

    home_articles = Count(30)
    """How many of the latest articles the home page lists."""

    words_per_minute = Count(220)
    """Reading speed behind `reading_time`."""

    summary_length = Count(300)
    """The longest summary, in characters; it is cut at a sentence end."""

    entity_page_min_articles = Count(1)
    """An entity gets its own page when it appears in at least this many articles."""

    all_entity_pages_up_to = Count(300, minimum=0)
    """Up to this many (listed) articles every entity gets a page; in a larger digest an entity named in
    one article only does not (it stays on its article and in the entity index, unlinked): most of
    those pages would repeat the one article, and they were most of a large site."""

    tag_page_min_articles = Count(3)
    """A tag (key phrase) gets its own page when at least this many articles share it."""

    archive_page_size = Count(100)
    """Articles per archive or listing page before it is split into pages."""

    max_file_size = Count(5_000_000)
    """Input files larger than this many bytes are rejected with a message."""

    cache_dir = opt.Dir(default=".cache/digest")
    """Where digest keeps what it can reuse between builds (per-file extraction, search index), relative
    to mkdocs.yml. Safe to delete; never inside the content folder."""

    trusted_html = opt.Type(bool, default=False)
    """Keep raw HTML in the owner's Markdown articles as it is, instead of sanitizing it."""


@dataclass(frozen=True)
class SiteInfo:
    """The MkDocs settings pages need: the site's name, its address (for feeds), and URL style."""

    name: str = "Briefing"
    url: str | None = None
    directory_urls: bool = True


# Options read only once the per-file stage is over (assembling and rendering the site), or
# that say where rather than what. Every other option is part of the per-file cache's key
# (`per_file_options`), so an option added later is keyed unless it is named here.
AFTER_PER_FILE = frozenset({
    "content_dir", "cache_dir", "home_articles", "entity_page_min_articles", "all_entity_pages_up_to", "tag_page_min_articles",
    "archive_page_size", "trusted_html",
})


def per_file_options(config: DigestConfig) -> list[tuple[str, Any]]:
    """The options per-file results (reading, metadata, analysis) may depend on, sorted by name."""
    return sorted((key, config[key]) for key in config if key not in AFTER_PER_FILE)


def config_from_dict(values: dict[str, Any] | None = None, config_file_path: str | None = None) -> DigestConfig:
    """Validate a plain dict against the schema (raises ValueError naming the key). Folders are
    relative to the folder of `config_file_path` (mkdocs.yml), or else to the current folder."""
    cfg = DigestConfig(config_file_path=config_file_path)
    cfg.load_dict(dict(values or {}))
    failed, warnings = cfg.validate()
    if failed:
        raise ValueError("; ".join(f"digest option '{key}': {err}" for key, err in failed))
    return cfg


def plugin_options(mkdocs_yml: Path) -> dict[str, Any]:
    """The `digest` plugin's options as written in mkdocs.yml ({} when absent)."""
    with open(mkdocs_yml, encoding="utf-8") as fh:
        data = yaml_load(fh) or {}
    for entry in data.get("plugins") or []:
        if entry == "digest":
            return {}
        if isinstance(entry, dict) and "digest" in entry:
            return dict(entry["digest"] or {})
    if isinstance(data.get("plugins"), dict) and "digest" in data["plugins"]:
        return dict(data["plugins"]["digest"] or {})
    return {}


def load_for_cli(mkdocs_yml: Path | None, **overrides: Any) -> tuple[DigestConfig, SiteInfo]:
    """The config the CLI uses (folders resolved against mkdocs.yml's folder) and the site's settings."""
    options: dict[str, Any] = {}
    config_file = None
    site = SiteInfo()
    if mkdocs_yml is not None and mkdocs_yml.is_file():
        options = plugin_options(mkdocs_yml)
        config_file = str(mkdocs_yml.resolve())
        with open(mkdocs_yml, encoding="utf-8") as fh:
            data = yaml_load(fh) or {}
        site = SiteInfo(str(data.get("site_name") or site.name), data.get("site_url") or None,
                        bool(data.get("use_directory_urls", True)))
    options.update({k: v for k, v in overrides.items() if v is not None})
    return config_from_dict(options, config_file), site
