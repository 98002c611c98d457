"""The per-file cache never serves a result the owner's edits have made stale."""

import shutil

from support import REPO, SEED

from generator.config import SiteInfo, config_from_dict
from generator.pipeline import generate

OWN_TOPIC = """
topics:
  - name: Baltic air policing
    parent: conflict, war and peace
    words: [{airspace: 3}, {interceptor: 3}, {shootdown: 3}]
"""


def topics_of_the_seed(content, cache):
    generation = generate(content, config_from_dict({}), SiteInfo(), cache_dir=cache, workers=1)
    (article,) = generation.site.articles
    return [t.name for t in article.topics]


def test_editing_topics_yml_takes_effect_with_a_warm_cache(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SEED, content / SEED.name)
    shutil.copy(REPO / "content" / "topics.yml", content / "topics.yml")
    cache = tmp_path / "cache"
    before = topics_of_the_seed(content, cache)
    assert "Baltic air policing" not in before
    assert topics_of_the_seed(content, cache) == before  # the warm cache gives the same answer
    with open(content / "topics.yml", "a", encoding="utf-8") as topics_file:
        topics_file.write(OWN_TOPIC.replace("topics:\n", "", 1))
    assert "Baltic air policing" in topics_of_the_seed(content, cache)
