"""A digest project's docs_dir is its content folder: MkDocs does not list the articles (each a File
the plugin took out again), and every other plugin sees docs_dir as mkdocs.yml sets it."""

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from support import SEED, make_project

pytestmark = pytest.mark.slow


class Probe(BasePlugin):
    """Another plugin: what it sees of docs_dir and of the files, at each event."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.articles: list[str] = []

    @event_priority(-100)  # as late as digest's on_pre_build
    def on_pre_build(self, *, config):
        self.seen.append(("pre_build", config.docs_dir))

    @event_priority(50)  # before digest's generator, after MkDocs listed docs_dir
    def on_files(self, files, *, config):
        self.seen.append(("files", config.docs_dir))
        self.articles = [f.src_uri for f in files if f.src_uri.endswith(".txt")]
        return files

    def on_post_build(self, *, config):
        self.seen.append(("post_build", config.docs_dir))


def built(project: Path, *, dirty: bool) -> Probe:
    config = load_config(str(project / "mkdocs.yml"))
    probe = config.plugins["probe"] = Probe()
    config.plugins.on_startup(command="build", dirty=dirty)
    build(config, dirty=dirty)
    config.plugins.on_shutdown()
    assert config.docs_dir == str(project / "content")  # what `mkdocs serve` then watches
    return probe


@pytest.mark.parametrize("dirty", [False, True])
def test_the_articles_are_not_listed_and_other_plugins_see_docs_dir_as_configured(tmp_path, dirty):
    project = make_project(tmp_path / "p", {"a.txt": SEED.read_text(encoding="utf-8"), "notes/README.md": "# Notes\n"})
    probe = built(project, dirty=dirty)
    content = str(project / "content")
    assert probe.seen == [("pre_build", content), ("files", content), ("post_build", content)]
    assert probe.articles == []
    site = project / "site"
    assert (site / "index.html").is_file() and not (site / "a.txt").exists() and not (site / "notes").exists()


def test_a_build_that_fails_before_its_files_gives_docs_dir_back(tmp_path, monkeypatch):
    import mkdocs.commands.build as mkdocs_build

    project = make_project(tmp_path / "p", {"a.txt": SEED.read_text(encoding="utf-8")})
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)

    def broken(env, config):
        raise OSError("theme folder gone")

    monkeypatch.setattr(mkdocs_build.Files, "add_files_from_theme", lambda self, env, config: broken(env, config))
    with pytest.raises(OSError):
        build(config)
    assert config.docs_dir == str(project / "content")


def test_docs_dir_holding_the_content_folder_is_listed_as_before(tmp_path):
    project = make_project(tmp_path / "p", {"a.txt": SEED.read_text(encoding="utf-8")})
    (project / "content").rename(project / "docs-content")
    (project / "docs").mkdir()
    (project / "docs-content").rename(project / "docs" / "content")
    (project / "docs" / "extra.css").write_text("p { color: red }\n", encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: docs")
    (project / "mkdocs.yml").write_text(text.replace("content_dir: content", "content_dir: docs/content"), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert (project / "site" / "extra.css").is_file() and not (project / "site" / "content").exists()
    assert config.docs_dir == str(project / "docs")
