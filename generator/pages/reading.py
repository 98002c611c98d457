"""Where a reader goes after an article: the previous (older) and next (newer) article by date.

Undated articles have no place in a sequence by date, so they get no such links,
and no dated article links to them. Ties on one day keep the site's order (title).
"""

from __future__ import annotations


from ..model import Article, evolve
from ..site_model import Site
from . import urls
from .escape import html_text
from .page import Page

Neighbours = tuple[Article | None, Article | None]  # (previous = older, next = newer)


def neighbours(site: Site) -> dict[str, Neighbours]:
    """Source path -> (previous, next) for every dated article. `site.listed` is newest first: one version of each story."""
    dated = [a for a in site.listed if a.date]
    result: dict[str, Neighbours] = {}
    for i, article in enumerate(dated):
        newer = dated[i - 1] if i > 0 else None
        older = dated[i + 1] if i + 1 < len(dated) else None
        result[article.source] = (older, newer)
    return result


def prev_next_section(article: Article, previous: Article | None, following: Article | None) -> str:
    """Two links at the foot of an article (an HTML block; urls.link makes the links relative)."""
    if previous is None and following is None:
        return ""
    links = []
    for other, label, modifier in ((previous, "Previous article", "prev"), (following, "Next article", "next")):
        if other is None:
            continue
        links.append(f'<a class="digest-prevnext__link digest-prevnext__link--{modifier}" href="{urls.link(urls.article(other.slug))}">'
                     f'<span class="digest-prevnext__label">{label}</span> {html_text(other.title)}</a>')
    return '<nav class="digest-prevnext" aria-label="Previous and next articles">' + "".join(links) + "</nav>\n"


def with_neighbours(page: Page, article: Article, pair: Neighbours | None) -> Page:
    section = prev_next_section(article, *(pair or (None, None)))
    if not section:
        return page
    return evolve(page, body=page.body.rstrip("\n") + "\n\n" + section)
