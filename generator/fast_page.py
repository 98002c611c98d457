"""Generated pages rendered by one Markdown converter, reused from page to page.

MkDocs builds a new `markdown.Markdown` for every page, loading every extension each
time; for a digest of thousands of generated pages that costs more than converting
them (about 2.6 ms against 1.2 ms for an article here). `FastPage.render` does exactly
what `mkdocs.structure.pages.Page.render` does, with the same per-page processors,
on a converter that is reset between pages.

Pages digest writes itself also carry most of their content as HTML blocks (listings,
article paragraphs), which Python-Markdown only passes through, after parsing each of
them twice with Python's HTMLParser. For those pages (`splice_html`), each such block
is set aside, the rest of the page (headings, short paragraphs) is converted, and the
blocks are put back where Markdown left their placeholder paragraphs.

tests/test_fast_page.py checks that the HTML, table of contents, title and anchors are
identical to MkDocs' own rendering.
"""

from __future__ import annotations

import functools
import logging
import re
from urllib.parse import urljoin, urlsplit

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

log = logging.getLogger("mkdocs.structure.pages")

_converters: dict[int, tuple[MkDocsConfig, markdown.Markdown]] = {}

# A relative URL of path characters only (no scheme, query or fragment; percent-escapes as they
# are), and what urljoin would rewrite in one: a "." or ".." segment, an empty segment.
_PLAIN_URL = re.compile(r"(?![/])[A-Za-z0-9\-._~%!$&'()*+,;=@/]*")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)|//")


@functools.lru_cache(maxsize=8)
def _site_bases(site_url: str) -> tuple[str, str] | None:
    """(canonical, absolute) prefixes that a plain relative URL is appended to, as MkDocs'
    Page._set_canonical_url would join it to `site_url`; None if that site URL joins otherwise
    (a query or fragment, dot segments: then MkDocs' own method is used)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    parts = urlsplit(base)
    probe = "a/b.html"
    if parts.query or parts.fragment or urljoin(base, probe) != base + probe:
        return None
    return base, parts.path


def _converter(config: MkDocsConfig) -> markdown.Markdown:
    # One converter per configuration object (a new build under `serve` gets a new one).
    cached = _converters.get(id(config))
    if cached is None or cached[0] is not config:
        _converters.clear()
        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        cached = _converters[id(config)] = (config, md)
    return cached[1]


# The HTML blocks digest writes (pages/listing.py, article.py, entity.py, reading.py): a block
# that starts with one of these tags at the start of a Markdown block, and holds no blank line.
_OUR_BLOCK = re.compile(r"<(?:p|ul|nav|table|div)[ >]")
_SEPARATOR = re.compile(r"(\n{2,})")


def set_aside_html(markdown_text: str) -> tuple[str, list[str]]:
    """The page with each HTML block replaced by a placeholder paragraph, and the blocks."""
    blocks: list[str] = []
    parts = _SEPARATOR.split(markdown_text)
    for i in range(0, len(parts), 2):
        if _OUR_BLOCK.match(parts[i]):
            block = parts[i].rstrip()
            blocks.append(block)
            parts[i] = f"DIGESTBLOCK{len(blocks) - 1:06d}" + parts[i][len(block):]
    return "".join(parts), blocks


def put_back_html(html_text: str, blocks: list[str]) -> str:
    if not blocks:
        return html_text
    # Python-Markdown ends a raw HTML block with a blank line, and strips the whole output.
    return re.sub(r"<p>DIGESTBLOCK(\d{6})</p>", lambda m: blocks[int(m[1])] + "\n", html_text).strip()


class FastPage(Page):
    splice_html = False  # set for pages whose HTML blocks are all digest's own
    # (body, front matter) of a page digest made: its file holds exactly these, written as
    # YAML, and reading them back costs more than writing them (2.7 s at 10,000 articles).
    source: tuple[str, dict] | None = None
    # A page whose HTML a full build copies from the last full build (see html_reuse): not
    # rendered; these are the anchors that HTML has, for links into it to be checked.
    reused_anchors: frozenset[str] | None = None

    def _set_canonical_url(self, base: str | None) -> None:
        # MkDocs joins every page's URL to the site's with urljoin and splits it again (~25 µs):
        # with a site_url (which `serve` always sets), ~0.5 s of every rebuild at 10,000 articles.
        # For a plain relative URL (digest's pages have nothing else) that join is a concatenation.
        if base and _PLAIN_URL.fullmatch(self.url) and not _DOT_SEGMENT.search(self.url):
            joined = _site_bases(base)
            if joined is not None:
                self.canonical_url, self.abs_url = joined[0] + self.url, joined[1] + self.url
                return
        super()._set_canonical_url(base)

    def read_source(self, config: MkDocsConfig) -> None:
        if self.source is None:
            return super().read_source(config)
        body, front_matter = self.source
        self.source = None
        text = config.plugins.on_page_read_source(page=self, config=config)
        if text is not None:  # another plugin supplies the page: read it as MkDocs would
            self.markdown, self.meta = meta.get_data(text)
        else:  # what meta.get_data gives for the page's file
            self.markdown, self.meta = body.lstrip("\n"), dict(front_matter)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.reused_anchors is not None:
            self.content, self.toc = "", get_toc([])
            self.present_anchor_ids = set(self.reused_anchors)
            return
        md = _converter(config)
        md.reset()
        # Registering under the same names replaces the previous page's processors.
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        if self.splice_html:
            skeleton, blocks = set_aside_html(self.markdown)
            self.content = put_back_html(md.convert(skeleton), blocks)
        else:
            self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors
