"""Raw HTML inside the owner's Markdown articles, cleaned with an allow-list sanitizer.

Markdown passes raw HTML through, so a saved or pasted article could carry a
`<script>`, an `onerror=` handler, a `javascript:` link or an `<iframe>`. The pages
of such articles are cleaned after Markdown has rendered them: what Markdown itself
produces (headings, lists, tables, links, images, code) and digest's own markup stay,
anything else goes. Owners who write their own HTML on purpose set `trusted_html: true`.
Pages of other articles (.txt, .html) hold only text digest escaped itself.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "nav": {"aria-label"},  # digest's previous/next links on every article page
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
