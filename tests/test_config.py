"""Plugin options are checked once, when the config is read: a bad value fails naming the option."""

import os
from pathlib import Path

import pytest

from generator.config import config_from_dict, load_for_cli


@pytest.mark.parametrize("key", ["archive_page_size", "home_articles", "summary_length", "words_per_minute",
                                 "entity_page_min_articles", "tag_page_min_articles", "max_file_size"])
@pytest.mark.parametrize("value", [0, -3, True, "10"])
def test_counts_below_one_or_not_whole_numbers_are_refused_naming_the_option(key, value):
    with pytest.raises(ValueError, match=f"digest option '{key}'"):
        config_from_dict({key: value})


def test_folders_are_resolved_once_against_mkdocs_yml(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - digest:\n      content_dir: articles\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config, _site = load_for_cli(Path("project/mkdocs.yml"))
    assert config.content_dir == os.path.join(project.resolve(), "articles")
    assert config.cache_dir == os.path.join(project.resolve(), ".cache", "digest")
