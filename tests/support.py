"""Helpers for tests: a throwaway digest project around a folder of articles, built for real."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import yaml
from mkdocs.utils import yaml_load

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO / "content" / "000_bb1d92633667609e.txt"


def make_project(root: Path, articles: dict[str, str | bytes] | None = None, *, copy_from: Path | None = None,
                 plugin: dict | None = None, site_url: str | None = None) -> Path:
    """A project folder: mkdocs.yml like the repository's, content/ with the given files.

    `articles` maps paths under content/ to text or bytes; `copy_from` copies a folder's files
    into content/. The theme and every other setting come from the repository's mkdocs.yml.
    """
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    if copy_from is not None:
        shutil.copytree(copy_from, content, dirs_exist_ok=True)
    for name, data in (articles or {}).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "theme")
    if site_url:
        config["site_url"] = site_url
    if plugin:
        config["plugins"] = [p if p != "digest" and not (isinstance(p, dict) and "digest" in p)
                             else {"digest": {**(p.get("digest", {}) if isinstance(p, dict) else {}), **plugin}}
                             for p in config["plugins"]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def run_mkdocs(project: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (or other args) in `project`, as a user would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))]
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def build_site(root: Path, articles: dict[str, str | bytes] | None = None, **kwargs) -> Path:
    """Make a project and build it with `mkdocs build --strict`; returns the site folder."""
    project = make_project(root, articles, **kwargs)
    run_mkdocs(project)
    return project / "site"


def run_digest(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "generator", *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"digest {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def site_markdown() -> markdown.Markdown:
    """Python-Markdown configured with the extensions the site's mkdocs.yml enables."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config.get("markdown_extensions", []):
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}))
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under `folder`, by its path there, with its SHA-256: two sites compared byte for byte."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
