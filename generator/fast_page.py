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

The converter's link patterns find where a link's text ends without Python-Markdown's
per-character table of every bracket (`find_link_text_faster`), the same answer sooner.

tests/test_fast_page.py checks that the HTML, table of contents, title and anchors are
identical to MkDocs' own rendering.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import time
from types import MethodType
from urllib.parse import urljoin, urlsplit

import markdown
from markdown.inlinepatterns import LinkInlineProcessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date, meta

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
        find_link_text_faster(md)
        cached = _converters[id(config)] = (config, md)
    return cached[1]


# A link's text ends at the `]` that closes its `[`. Python-Markdown finds it by working out,
# for the whole text of a paragraph, where every bracket closes, in a Python loop over each
# character, and again after each link it turns into an element (the text has changed): for a
# paragraph of many links (a listing's page numbers, the home page's chips) that was ~40% of
# the CPU time rendering the pages a dropped article changes. `bracket_end` looks for the one bracket asked for, skipping to the next
# bracket by regular expression; a bracket that stays open that long (made-up text such as
# "[[[[...") is answered as Python-Markdown answers it, from its own table of every bracket.
_BRACKET = re.compile(r"[\[\]]")
_SCAN_LIMIT = 64  # brackets looked at before the whole-text table is cheaper


def bracket_end(data: str, index: int, table: list | None = None) -> int | None:
    """`LinkInlineProcessor._findBracketEnds(data)[index]`: the index just past the `]` that
    closes a bracket opened before `index`, or None when it never closes."""
    depth = 0
    for seen, match in enumerate(_BRACKET.finditer(data, index)):
        if seen == _SCAN_LIMIT:
            return None if table is None else table(data)[index]
        if data[match.start()] == "[":
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return match.end()
    return None


def _link_text(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, int, bool]:
    """LinkInlineProcessor.getText, with the closing bracket found by `bracket_end`."""
    end = bracket_end(data, index, self._bracket_table)
    if end is None:
        return data[index:], len(data), False
    return data[index:end - 1], end, True


def _bracket_table(self: LinkInlineProcessor, data: str) -> list:
    # Python-Markdown's own table, kept for the text it was made for, as getText keeps it.
    if self._bracket_data is not data:
        self._bracket_data = data
        self._bracket_ends = self._findBracketEnds(data)
    return self._bracket_ends


def find_link_text_faster(md: markdown.Markdown) -> None:
    """Give the converter's link patterns `_link_text`, where their getText is the one it
    reproduces (the Python-Markdown this was written for: tests/test_fast_page.py checks it)."""
    if not hasattr(LinkInlineProcessor, "_findBracketEnds"):
        return
    for processor in md.inlinePatterns:
        if isinstance(processor, LinkInlineProcessor) and type(processor).getText is LinkInlineProcessor.getText:
            processor._bracket_table = MethodType(_bracket_table, processor)
            processor.getText = MethodType(_link_text, processor)


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


# The build date MkDocs gives a page (get_build_date), and until when it stays that date.
_date: tuple[str | None, float, str] | None = None  # (SOURCE_DATE_EPOCH, good until, date)


def build_date() -> str:
    """`mkdocs.utils.get_build_date()`, which reads the clock and formats a date for every page
    MkDocs makes (~4 µs; a build of 10,000 articles makes 19,000): asked again only when
    SOURCE_DATE_EPOCH changes or, without it, when the UTC day the date names is over."""
    global _date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if _date is not None and _date[0] == epoch and (epoch is not None or time.time() < _date[1]):
        return _date[2]
    date = get_build_date()
    day = dt.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    _date = (epoch, (day + dt.timedelta(days=1)).timestamp(), date)
    return date


# Per configuration object: the settings Page.__init__ reads for every page, or None where
# FastPage's __init__ would not make the page MkDocs' does (see _page_settings).
_settings: dict[int, tuple[MkDocsConfig, tuple | None]] = {}


def page_settings(config: MkDocsConfig) -> tuple | None:
    cached = _settings.get(id(config))
    if cached is None or cached[0] is not config:
        _settings.clear()
        settings = (config.get("site_url", None), config.get("repo_url", None), config.get("edit_uri"),
                    config.get("edit_uri_template"))
        # Checked once per build, on a page made both ways: a MkDocs that sets more (or other)
        # attributes in Page.__init__ than FastPage's does gets its own __init__ for every page.
        # (What the probe would warn about, an edit link without a repository, every page warns.)
        site_dir, directory_urls = config.get("site_dir") or "site", config.get("use_directory_urls", True)
        quiet, log.disabled = log.disabled, True
        try:
            theirs = Page(None, File("digest-probe/page.md", None, site_dir, directory_urls), config)
            ours = FastPage.__new__(FastPage)
            ours._init_fast(None, File("digest-probe/page.md", None, site_dir, directory_urls), settings)
        finally:
            log.disabled = quiet
        same = {k: v for k, v in vars(theirs).items() if k != "file"} == {k: v for k, v in vars(ours).items() if k != "file"}
        cached = _settings[id(config)] = (config, settings if same else None)
    return cached[1]


class FastPage(Page):
    splice_html = False  # set for pages whose HTML blocks are all digest's own
    # (body, front matter) of a page digest made: its file holds exactly these, written as
    # YAML, and reading them back costs more than writing them (2.7 s at 10,000 articles).
    source: tuple[str, dict] | None = None
    # A page whose HTML a full build copies from the last full build (see html_reuse): not
    # rendered; these are the anchors that HTML has, for links into it to be checked.
    reused_anchors: frozenset[str] | None = None

    def __init__(self, title: str | None, file: File, config: MkDocsConfig) -> None:
        # Page.__init__ asks the clock for the build date and the configuration for four settings
        # for every page (~6 µs, 0.1 s of a build of 10,000 articles): here the date comes from
        # `build_date` and the settings once per build.
        settings = page_settings(config)
        if settings is None:
            super().__init__(title, file, config)
        else:
            self._init_fast(title, file, settings)

    def _init_fast(self, title: str | None, file: File, settings: tuple) -> None:
        """What Page.__init__ does (tests/test_fast_page.py compares the two)."""
        file.page = self
        self.file = file
        if title is not None:
            self.title = title
        self.children = None
        self.previous_page = None
        self.next_page = None
        self.active = False
        self.update_date = build_date()
        self._set_canonical_url(settings[0])
        self._set_edit_url(settings[1], settings[2], settings[3])
        self.markdown = None
        self._title_from_render = None
        self.content = None
        self.toc = []
        self.meta = {}

    def _set_canonical_url(self, base: str | None) -> None:
        # MkDocs joins every page's URL to the site's with urljoin and splits it again (~25 µs):
        # with a site_url (which `serve` always sets), ~0.5 s of every rebuild at 10,000 articles.
        # For a plain relative URL (digest's pages have nothing else) that join is a concatenation.
        url = self.url  # (a property of a property: asked once)
        if base and _PLAIN_URL.fullmatch(url) and not _DOT_SEGMENT.search(url):
            joined = _site_bases(base)
            if joined is not None:
                self.canonical_url, self.abs_url = joined[0] + url, joined[1] + url
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
