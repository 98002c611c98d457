"""Paths and links between generated pages."""

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.pages import urls

SEGMENT = st.sampled_from(["articles", "topics", "entities", "people", "x", "page-2", "a-b", "index"])
PATH = st.lists(SEGMENT, min_size=0, max_size=3).map(lambda parts: "/".join(parts + ["p.md"]))


@given(PATH, PATH)
def test_relative_links_match_posixpath(a, b):
    assert urls.relative(a, b) == posixpath.relpath(b, posixpath.dirname(a) or ".")


def test_paged_listings():
    assert urls.paged("topics/x.md", 1) == "topics/x/page-1.md"  # the front page is the listing's own
    assert urls.paged("topics/x.md", 2) == "topics/x/page-2.md"
    assert urls.paged("entities/people/index.md", 3) == "entities/people/page-3.md"
