"""Rebuilds under `mkdocs serve --dirty`, made in this process as serve makes them (one plugin
object, a configuration loaded again for each), leave the site a clean build makes: through a
dropped, an edited and a removed article. The suite sets DIGEST_VERIFY_PAGE_MEMO=1, so every
page, File and Page taken from the last rebuild is also made anew and compared."""

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import make_project, run_mkdocs
from test_incremental import story, tree

pytestmark = pytest.mark.slow

SERVE_URL = "http://127.0.0.1:8000/"


def config_of(project: Path, site_dir: Path):
    # `mkdocs serve` loads the configuration again for every rebuild, with its own site folder
    # and address; a plugin with on_startup is the same object each time.
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL
    return config


def clean_site(content: Path, where: Path) -> dict:
    # In a process of its own: MkDocs keeps one object per plugin with on_startup for the process.
    project = make_project(where, site_url=SERVE_URL)
    shutil.rmtree(project / "content")
    shutil.copytree(content, project / "content")
    run_mkdocs(project, "build")
    return tree(project / "site")


def test_serve_dirty_rebuilds_equal_clean_builds(tmp_path):
    project = make_project(tmp_path / "served", {f"s{i}.txt": story(i) for i in range(8)}, site_url=SERVE_URL)
    content, site = project / "content", tmp_path / "served-site"
    first = config_of(project, site)
    first.plugins.on_startup(command="serve", dirty=True)
    plugin = first.plugins["digest"]
    try:
        build(first, serve_url=SERVE_URL, dirty=True)
        steps = [
            lambda: (content / "s8.txt").write_text(story(8), encoding="utf-8"),
            lambda: (content / "s3.txt").write_text(story(3).replace("Port authority report 3", "Grain quay opens"),
                                                    encoding="utf-8"),
            lambda: (content / "s5.txt").unlink(),
        ]
        for step, change in enumerate(steps):
            change()
            build(config_of(project, site), serve_url=SERVE_URL, dirty=True)
            assert plugin._kept_pages.taken > 0  # most pages' Files and Pages came from the last rebuild
            assert tree(site) == clean_site(content, tmp_path / f"clean{step}"), f"after step {step}"
    finally:
        first.plugins.on_shutdown()
