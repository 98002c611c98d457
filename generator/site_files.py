"""The build's Files, whose listing of pages MkDocs asks for six times, made once.

A build asks its `Files` for the documentation pages six times (the navigation, reading the
pages, writing them, the 404 page's and the sitemap's context, the sitemap's date), and copies
the other files once; each time MkDocs tests every file (~19,000 at 10,000 articles, ~20 ms
a time). `SiteFiles` is that same collection (a subclass, with every method and attribute of
`Files`), keeping its answers: one is given again only while the files are the very ones, in
the same order, with the same src_uri, type and inclusion as when it was made, which it checks
on every call (a few C-speed list comparisons). A plugin that appends, removes, renames or
re-includes a file, through the API or not, so gets MkDocs' answer, made again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter

from mkdocs.structure.files import File, Files, InclusionLevel

_src_uri, _inclusion = attrgetter("src_uri"), attrgetter("inclusion")

# The filters MkDocs passes (and the others InclusionLevel has): each a function of the level
# alone, so an answer made with one holds while the files' levels do. Any other callable gets
# MkDocs' own listing.
_FILTERS = frozenset(getattr(InclusionLevel, name) for name in
                     ("is_included", "is_in_serve", "is_excluded", "is_in_nav", "is_not_in_nav", "all"))


class _Listing:
    """The files as they were when the listing was made, split into pages and other files."""

    __slots__ = ("files", "uris", "types", "levels", "pages", "page_levels", "others", "other_levels", "answers")

    def __init__(self, files: list[File], uris: list[str], types: list[type], levels: list[InclusionLevel]) -> None:
        self.files, self.uris, self.types, self.levels = files, uris, types, levels
        is_page = [file.is_documentation_page() for file in files]
        self.pages = [file for file, page in zip(files, is_page) if page]
        self.page_levels = [level for level, page in zip(levels, is_page) if page]
        self.others = [file for file, page in zip(files, is_page) if not page]
        self.other_levels = [level for level, page in zip(levels, is_page) if not page]
        self.answers: dict[Callable, list[File]] = {}


class SiteFiles(Files):
    """`Files`, listing its documentation pages once while nothing changes (see the module)."""

    _listing: _Listing | None = None

    @classmethod
    def adopt(cls, files: Files) -> Files:
        """`files` itself, made a SiteFiles (every holder of it sees the same object), when it is
        MkDocs' own Files; another plugin's subclass is left as it is."""
        if type(files) is Files:
            files.__class__ = cls
        return files

    def _current(self) -> _Listing | None:
        """The listing of the files as they are now, or None when a file's class tells pages
        from other files in its own way (MkDocs' methods then answer)."""
        files = list(self._src_uris.values())
        uris, types, levels = list(map(_src_uri, files)), list(map(type, files)), list(map(_inclusion, files))
        listing = self._listing
        if (listing is not None and listing.files == files and listing.uris == uris and listing.types == types
                and listing.levels == levels):
            return listing
        if any(kind.is_documentation_page is not File.is_documentation_page for kind in set(types)):
            self._listing = None
            return None
        listing = self._listing = _Listing(files, uris, types, levels)
        return listing

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> Sequence[File]:
        listing = self._current() if inclusion in _FILTERS else None
        if listing is None:
            return super().documentation_pages(inclusion=inclusion)
        answer = listing.answers.get(inclusion)
        if answer is None:
            wanted = [level for level in InclusionLevel if inclusion(level)]
            answer = listing.answers[inclusion] = [
                file for file, level in zip(listing.pages, listing.page_levels) if level in wanted]
        return list(answer)  # the caller's own list, as MkDocs gives

    def copy_static_files(
        self, dirty: bool = False, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> None:
        listing = self._current() if inclusion in _FILTERS else None
        if listing is None:
            return super().copy_static_files(dirty, inclusion=inclusion)
        for file, level in zip(listing.others, listing.other_levels):
            if inclusion(level):
                file.copy_file(dirty)
