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

import logging
import re

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

    # MkDocs works out a page's canonical URL as it makes the page (a urljoin and a urlsplit):
    # with a site_url (which `serve` always sets) that was ~0.5 s of every rebuild at 10,000
    # articles, for ~19,000 pages of which a --dirty build renders a few dozen. Here it is
    # worked out, by MkDocs' own method, the first time something asks for it.
    _canonical_base: str | None = None
    _canonical: tuple[str | None, str | None] | None = None

    def _set_canonical_url(self, base: str | None) -> None:
        self._canonical_base, self._canonical = base, None

    def _canonical_urls(self) -> tuple[str | None, str | None]:
        if self._canonical is None:
            page = Page.__new__(Page)
            page.file = self.file
            Page._set_canonical_url(page, self._canonical_base)
            self._canonical = (page.canonical_url, page.abs_url)
        return self._canonical

    @property
    def canonical_url(self) -> str | None:
        return self._canonical_urls()[0]

    @canonical_url.setter
    def canonical_url(self, value: str | None) -> None:
        self._canonical = (value, self._canonical_urls()[1])

    @property
    def abs_url(self) -> str | None:
        return self._canonical_urls()[1]

    @abs_url.setter
    def abs_url(self, value: str | None) -> None:
        self._canonical = (self._canonical_urls()[0], value)

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
