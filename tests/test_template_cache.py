"""The theme's templates are compiled once and kept under the cache folder (template_cache):
a later build compiles none of them, a damaged kept template is compiled again, and the site
is the same either way."""

from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import SEED, file_hashes, make_project

pytestmark = pytest.mark.slow


def built_compiling(project: Path, monkeypatch) -> list[str]:
    """One in-process `mkdocs build` of `project`: the names of the templates Jinja compiled."""
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def spy(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    monkeypatch.undo()
    return compiled


def test_a_second_build_compiles_no_template_and_a_damaged_one_is_compiled_again(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", {"a.txt": SEED.read_text(encoding="utf-8")})
    first = built_compiling(project, monkeypatch)
    assert "main.html" in first and "partials/language.html" in first
    site = file_hashes(project / "site")
    kept = sorted((project / ".cache" / "digest" / "templates").iterdir())
    assert kept

    # No template compiled twice: the page templates, and the language templates that Material's
    # search plugin compiles in its on_config, before any environment reaches on_env, come from
    # the cache. (The second build is the first to copy unchanged pages' HTML, and compiles the
    # empty template those get.)
    second = built_compiling(project, monkeypatch)
    assert not set(second) & set(first)
    assert file_hashes(project / "site") == site
    assert built_compiling(project, monkeypatch) == []
    kept = sorted((project / ".cache" / "digest" / "templates").iterdir())

    # Every kept template damaged: each the next build loads is compiled once (the language
    # templates are loaded in every build), none is trusted, and each is kept again.
    for path in kept:
        path.write_bytes(b"not a compiled template")
    again = built_compiling(project, monkeypatch)
    assert "partials/language.html" in again and len(again) == len(set(again))
    assert file_hashes(project / "site") == site
    assert built_compiling(project, monkeypatch) == []
