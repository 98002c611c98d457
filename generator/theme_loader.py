"""The theme's templates as MkDocs lists them, without walking hidden folders.

MkDocs lists every template of the theme (`env.list_templates`) only to copy the theme's static
files into the site, and skips each name with a part that starts with a dot (its filter's `.*`
and `*/.*`: mkdocs/structure/files.py, `add_files_from_theme`). Material keeps its ~14,000 icons
under `.icons/`: walking them, and MkDocs' filter making its list of patterns again for each of
them, took 0.1-0.25 s of every build, a dropped article's included. `ThemeLoader` lists the names
MkDocs would keep, without those (tests/test_theme_loader.py compares the files copied).

MkDocs lists the theme right after it makes the build's template environment, before any plugin
event that is handed that environment (`on_env` comes later), and Material's search plugin makes
three environments of its own in `on_config`, each compiling the language templates again:
`quick_environments` gives the theme a `get_env` whose environments have the loader and the
compiled templates (template_cache) from the start.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader

from . import template_cache


class ThemeLoader(ChoiceLoader):
    """A ChoiceLoader whose listing leaves out names with a part that starts with a dot."""

    def list_templates(self) -> list[str]:
        return sorted(set(_visible(self.loaders)))


def quick_environments(theme: Any, cache_dir: Path) -> None:
    """Make `theme.get_env()` (a MkDocs Theme's, one per loaded configuration) give environments
    whose loader is a ThemeLoader and whose compiled templates are kept under `cache_dir`; once
    per theme object."""
    if "get_env" in vars(theme):
        return
    made_by_class = theme.get_env

    def get_env() -> Environment:
        env = made_by_class()
        if not isinstance(env.loader, ThemeLoader):
            env.loader = ThemeLoader([env.loader])
        if env.bytecode_cache is None:
            template_cache.install(env, cache_dir)
        return env

    theme.get_env = get_env


def is_hidden(name: str) -> bool:
    return name.startswith(".") or "/." in name


def _visible(loaders: Iterable[BaseLoader]) -> Iterable[str]:
    for loader in loaders:
        if type(loader) in (ChoiceLoader, ThemeLoader):
            yield from _visible(loader.loaders)
        elif type(loader) is FileSystemLoader:
            yield from _walk(loader)
        else:
            yield from (name for name in loader.list_templates() if not is_hidden(name))


def _walk(loader: FileSystemLoader) -> Iterable[str]:
    """FileSystemLoader.list_templates's names, hidden folders and files not entered."""
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for filename in filenames:
                if filename.startswith("."):
                    continue
                name = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                yield name[2:] if name[:2] == "./" else name
