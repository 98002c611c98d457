"""The site the browser tests read: the sample article and four small fixture articles.

It is built with a `site_url` under a sub-path and served under that sub-path, as
GitHub Pages serves https://OWNER.github.io/REPO/, so feeds and canonical links exist.
"""

from __future__ import annotations

from pathlib import Path

from support import FIXTURES, SEED, build_site

SUB_PATH = "digest"
SITE_URL = f"https://owner.github.io/{SUB_PATH}/"
SEED_SLUG = "nato-powers-escalate-confrontation-with-russia-after-drone-shootdowns-over"
SEED_TITLE = "NATO powers escalate confrontation with Russia after drone shootdowns over Poland"
ARTICLE = f"articles/{SEED_SLUG}/"
ENTITY = "entities/people/mark-rutte/"
TOPIC = "topics/conflict-war-and-peace/"
PAGES = {"home": "", "article": ARTICLE, "entity": ENTITY, "topic": TOPIC}


_built: dict[str, Path] = {}


def site(tmp_path_factory) -> Path:
    """The built site, once per test session: every browser test module reads the same, unchanged."""
    if "site" not in _built:
        _built["site"] = build(tmp_path_factory.mktemp("browser-site"))
    return _built["site"]


def build(root: Path) -> Path:
    articles = {
        SEED.name: SEED.read_bytes(),
        "poland.txt": (FIXTURES / "text" / "poland_article_four.txt").read_bytes(),
        "sport/bayern.txt": (FIXTURES / "text" / "wire_dateline_iso.txt").read_bytes(),
        "wire/reuters.txt": (FIXTURES / "text" / "wire_reuters.txt").read_bytes(),
        "markets/angle.txt": (FIXTURES / "text" / "angle_brackets.txt").read_bytes(),  # a title with <tags>
    }
    return build_site(root, articles, site_url=SITE_URL)
