"""Generated pages rendered by one Markdown converter, reused from page to page.

MkDocs builds a new `markdown.Markdown` for every page, loading every extension each
time; for a digest of thousands of generated pages that costs more than converting
them (about 2.6 ms against 1.2 ms for an article here). `FastPage.render` does exactly
what `mkdocs.structure.pages.Page.render` does, with the same per-page processors,
on a converter that is reset between pages. tests/test_fast_page.py checks that the
HTML is identical to MkDocs' own.
"""

from __future__ import annotations

import logging

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


class FastPage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
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

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors
