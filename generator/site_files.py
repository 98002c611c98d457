"""The build's Files, whose listing of pages MkDocs asks for six times, made once.

A build asks its `Files` for the documentation pages six times (the navigation, reading the
pages, writing them, the 404 page's and the sitemap's context, the sitemap's date), and copies
the other files once; each time MkDocs tests every file, ~20-40 ms at 10,000 articles (19,000
files, most of it reading each file's attributes from memory). `SiteFiles` is that same
collection (a subclass, with every method and attribute of `Files`) and keeps its answers; one
is given again only while nothing it was made from changed:
- the files, their order included: its mapping (`src_uris`) counts its changes, through `append`
  and `remove` or on the mapping itself;
- a `TrackedFile`'s src_uri and inclusion (digest's pages): their changes are counted too;
- any other file's src_uri, inclusion and class (the theme's few hundred): compared on every call.
A plugin that appends, removes, renames or re-includes a file so gets MkDocs' answer, made again.
Not followed: a TrackedFile given another class after it was listed (`file.__class__ = ...`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter

from mkdocs.structure.files import File, Files, InclusionLevel

# The filters MkDocs passes (and the others InclusionLevel has): each a function of the level
# alone, so an answer made with one holds while the files' levels do. Any other callable gets
# MkDocs' own listing.
_FILTERS = frozenset(getattr(InclusionLevel, name) for name in
                     ("is_included", "is_in_serve", "is_excluded", "is_in_nav", "is_not_in_nav", "all"))


class _Count:
    """A number only ever compared with itself: a listing holds while it is what it was."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0


class TrackedFile(File):
    """A File whose src_uri and inclusion, when set, count as a change of every listing
    (`changes`: an object's count, as setting a class's attribute would slow every look-up
    on its instances). Both stay in the instance's `__dict__`, where a File keeps them."""

    changes = _Count()

    @property
    def src_uri(self) -> str:
        return self.__dict__["src_uri"]

    @src_uri.setter
    def src_uri(self, value: str) -> None:
        self.__dict__["src_uri"] = value
        TrackedFile.changes.value += 1

    @property
    def inclusion(self) -> InclusionLevel:
        return self.__dict__.get("inclusion", InclusionLevel.UNDEFINED)

    @inclusion.setter
    def inclusion(self, value: InclusionLevel) -> None:
        self.__dict__["inclusion"] = value
        TrackedFile.changes.value += 1


class _CountedDict(dict):
    """A dict that counts its changes (`version`); reading it is dict's own."""

    version = 0

    def __setitem__(self, key, value):
        self.version += 1
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.version += 1
        super().__delitem__(key)

    def __ior__(self, other):
        self.version += 1
        return super().__ior__(other)

    def clear(self):
        self.version += 1
        super().clear()

    def pop(self, *args):
        self.version += 1
        return super().pop(*args)

    def popitem(self):
        self.version += 1
        return super().popitem()

    def setdefault(self, key, default=None):
        self.version += 1
        return super().setdefault(key, default)

    def update(self, *args, **kwargs):
        self.version += 1
        super().update(*args, **kwargs)


_untracked_state = attrgetter("src_uri", "inclusion", "__class__")


class _Listing:
    """The files as they were when the listing was made, split into pages and other files."""

    __slots__ = ("mapping", "version", "changes", "untracked", "untracked_state", "pages", "page_levels",
                 "others", "other_levels", "answers")

    def __init__(self, mapping: _CountedDict) -> None:
        self.mapping, self.version, self.changes = mapping, mapping.version, TrackedFile.changes.value
        self.untracked: list[File] = []
        self.pages: list[File] = []
        self.page_levels: list[InclusionLevel] = []
        self.others: list[File] = []
        self.other_levels: list[InclusionLevel] = []
        for file in mapping.values():  # one pass: each file is read once (most of the cost)
            if file.is_documentation_page():
                self.pages.append(file)
                self.page_levels.append(file.inclusion)
            else:
                self.others.append(file)
                self.other_levels.append(file.inclusion)
            if not isinstance(file, TrackedFile):
                self.untracked.append(file)
        self.untracked_state = list(map(_untracked_state, self.untracked))
        self.answers: dict[Callable, list[File]] = {}

    def holds(self, mapping: dict) -> bool:
        return (mapping is self.mapping and mapping.version == self.version and TrackedFile.changes.value == self.changes
                and list(map(_untracked_state, self.untracked)) == self.untracked_state)


class SiteFiles(Files):
    """`Files`, listing its documentation pages once while nothing changes (see the module)."""

    _listing: _Listing | None = None

    def __init__(self, files) -> None:
        super().__init__(files)
        self._src_uris = _CountedDict(self._src_uris)

    @classmethod
    def adopt(cls, files: Files) -> Files:
        """`files` itself, made a SiteFiles (every holder of it sees the same object), when it is
        MkDocs' own Files; another plugin's subclass is left as it is."""
        if type(files) is Files:
            files.__class__ = cls
            files._src_uris = _CountedDict(files._src_uris)
        return files

    def _current(self) -> _Listing | None:
        """The listing of the files as they are now, or None when a file's class tells pages
        from other files in its own way (MkDocs' methods then answer)."""
        mapping = self._src_uris
        listing = self._listing
        if listing is not None and listing.holds(mapping):
            return listing
        if type(mapping) is not _CountedDict:  # replaced (Files._files' setter)
            mapping = self._src_uris = _CountedDict(mapping)
        if any(kind.is_documentation_page is not File.is_documentation_page for kind in set(map(type, mapping.values()))):
            self._listing = None
            return None
        listing = self._listing = _Listing(mapping)
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
