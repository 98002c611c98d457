"""An article's signature (what its HTML depends on besides its Markdown) is the hash of its chips'
targets as the plain definition gives them, however they are computed."""

import hashlib

from support import FIXTURES, SEED, make_project

from generator.config import SiteInfo, config_from_dict
from generator.enrich.topics import tag_key
from generator.pipeline import generate
from generator.theme_links import article_signature, chip_keys, link_targets


def plain_signature(article, targets, theme):
    keys = [f"{m.type.value}:{m.name}" for m in article.entities]
    keys += [f"topic:{t.name}" for t in article.topics]
    keys += [f"tag:{tag_key(t)}" for t in article.tags]
    linked = [f"{key}\0{targets[key]}" for key in keys if key in targets]
    return hashlib.sha256("\n".join([theme, *linked]).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def test_signatures_are_the_plain_definition(tmp_path):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()}, copy_from=FIXTURES / "hostile")
    site = generate(project / "content", config_from_dict({"tag_page_min_articles": 1}), SiteInfo()).site
    targets = link_targets(site)
    articles = [a for a in site.articles if a.entities and a.topics and a.tags]
    assert articles and targets
    # Some chips with a page, some without: every key, none, and half of them.
    every = {key: f"x/{i}.md" for i, a in enumerate(site.articles) for key in chip_keys(a)}
    half = dict(list(targets.items())[::2])
    for target_map in (targets, every, {}, half):
        for article in site.articles:
            for theme in ("", "abc123"):
                assert article_signature(article, target_map, theme) == plain_signature(article, target_map, theme)
