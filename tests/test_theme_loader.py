"""The theme files MkDocs copies into the site are the same with digest's listing of the theme
(theme_loader.ThemeLoader), which does not walk hidden folders such as Material's .icons/."""

from pathlib import Path

import pytest
import yaml
from jinja2 import ChoiceLoader, DictLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from support import SEED, make_project

from generator.theme_loader import ThemeLoader, is_hidden


def theme_files(project: Path, wrap) -> list[tuple[str, str]]:
    config = load_config(str(project / "mkdocs.yml"))
    env = config.theme.get_env()
    env.loader = wrap([DictLoader({"digest/.reused.html": ""}), env.loader])
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted((f.src_uri, f.abs_src_path) for f in files)


def test_the_theme_files_mkdocs_copies_are_the_same_as_with_jinjas_own_listing(tmp_path):
    project = make_project(tmp_path / "project", {"a.txt": "Title\n\nText.\n"})
    theme = tmp_path / "theme"
    # An owner's theme folder: a static file at the top, one nested, one in a hidden folder, a
    # dot file, a template, and a file overriding one of Material's (the owner's copy wins).
    for name in ("extra.css", "assets/more/x.js", ".hidden/y.js", "assets/.z.js", "main.html",
                 "assets/images/favicon.png", "notes.md"):
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text("x", encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(theme)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    ours, jinjas = theme_files(project, ThemeLoader), theme_files(project, ChoiceLoader)
    assert ours == jinjas
    uris = dict(ours)
    assert uris["extra.css"] == str(theme / "extra.css") and uris["assets/more/x.js"] == str(theme / "assets/more/x.js")
    assert uris["assets/images/favicon.png"] == str(theme / "assets/images/favicon.png")
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in uris)  # Material's own
    assert not any(".hidden" in uri or ".z.js" in uri or ".icons" in uri for uri in uris)
    assert len(ThemeLoader([DictLoader({})]).list_templates()) == 0


@pytest.mark.slow
def test_a_real_build_lists_the_theme_without_walking_hidden_folders(tmp_path, monkeypatch):
    """MkDocs lists the theme before any plugin sees the build's template environment (on_env
    comes later): the listing a build makes must already skip Material's ~14,000 icons."""
    import mkdocs.commands.build as mkdocs_build

    listed: list[list[str]] = []
    add_files_from_theme = Files.add_files_from_theme

    def spy(self, env, config):
        listed.append(env.list_templates())
        return add_files_from_theme(self, env, config)

    monkeypatch.setattr(Files, "add_files_from_theme", spy)
    project = make_project(tmp_path / "project", {"a.txt": SEED.read_text(encoding="utf-8")})
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    config.plugins.on_shutdown()
    assert len(listed) == 1
    assert any(name.startswith("assets/javascripts/bundle.") for name in listed[0])  # Material's own files
    assert not any(is_hidden(name) for name in listed[0])  # no .icons/…
    assert (project / "site" / "assets" / "javascripts").is_dir() and (project / "site" / "articles").is_dir()
