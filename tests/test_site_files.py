"""The build's Files keeps its listings of pages, and gives MkDocs' own answer whatever a plugin changes."""

import os

import pytest
from mkdocs.structure.files import File, Files, InclusionLevel
from support import file_hashes

from generator.site_files import SiteFiles, TrackedFile

FILTERS = [InclusionLevel.is_included, InclusionLevel.is_in_serve, InclusionLevel.is_excluded,
           InclusionLevel.is_in_nav, InclusionLevel.is_not_in_nav, InclusionLevel.all]
LEVELS = [InclusionLevel.INCLUDED, InclusionLevel.NOT_IN_NAV, InclusionLevel.DRAFT, InclusionLevel.EXCLUDED]


def _files(site_dir="/site", kind=File):
    names = ["index.md", "assets/app.css", "articles/a.md", "drafts/d.md", "feed.xml", "topics/t.markdown",
             "img/x.png", "old/o.md", "js/x.js"]
    # The theme's files are Files; digest's pages TrackedFiles.
    files = [(kind if name.endswith(".md") else File)(name, "/docs", site_dir, True, inclusion=LEVELS[i % len(LEVELS)])
             for i, name in enumerate(names)]
    return files


def _both(files):
    """A plain Files and an adopted SiteFiles over the same File objects."""
    return Files(files), SiteFiles.adopt(Files(list(files)))


def _same_listings(theirs, ours):
    for keep in FILTERS:
        assert ours.documentation_pages(inclusion=keep) == theirs.documentation_pages(inclusion=keep)
    assert ours.documentation_pages() == theirs.documentation_pages()
    assert list(ours) == list(theirs)


def test_adopting_keeps_the_object_and_its_api():
    files = Files(_files())
    adopted = SiteFiles.adopt(files)
    assert adopted is files and isinstance(files, Files) and type(files) is SiteFiles
    assert files.get_file_from_path("articles/a.md").src_uri == "articles/a.md"

    class TheirFiles(Files):
        pass

    theirs = TheirFiles(_files())
    assert SiteFiles.adopt(theirs) is theirs and type(theirs) is TheirFiles


def test_listings_are_mkdocs_own():
    theirs, ours = _both(_files())
    _same_listings(theirs, ours)
    _same_listings(theirs, ours)  # asked again: the kept answer


def test_a_listing_is_the_callers_own_list():
    _, ours = _both(_files())
    first = ours.documentation_pages()
    first.clear()
    assert ours.documentation_pages() != []


@pytest.mark.parametrize("kind", [File, TrackedFile])
@pytest.mark.parametrize("change", ["append", "remove", "inclusion", "rename", "replace in mapping", "reorder", "class",
                                    "mapping methods", "files setter"])
def test_a_listing_follows_every_change_to_the_files(change, kind):
    if change == "class" and kind is TrackedFile:
        return  # not followed (see site_files): a Files' page given another class by a plugin
    theirs, ours = _both(_files(kind=kind))  # two collections of the same File objects
    _same_listings(theirs, ours)
    new = File("new/n.md", "/docs", "/site", True, inclusion=InclusionLevel.INCLUDED)
    other = File("articles/a.md", "/other", "/site", True, inclusion=InclusionLevel.DRAFT)  # as the one it replaces
    for files in (theirs, ours):
        target = files.get_file_from_path("articles/a.md")
        if change == "append":
            files.append(new)
        elif change == "remove":
            files.remove(target)
        elif change == "inclusion":  # as a plugin's on_nav may do
            files.get_file_from_path("drafts/d.md").inclusion = InclusionLevel.INCLUDED
            if files is ours:
                target.inclusion = InclusionLevel.EXCLUDED
        elif change == "rename":  # the same object (shared: changed once), now not a page
            if files is ours:
                target.src_uri = "articles/a.txt"
        elif change == "replace in mapping":  # not through the API: the mapping itself
            files.src_uris["articles/a.md"] = other
        elif change == "mapping methods":
            files.src_uris.pop("index.md")
            files.src_uris.update({"new/n.md": new})
            files.src_uris.setdefault("articles/a.md", other)
        elif change == "files setter":
            with pytest.warns(DeprecationWarning):
                files._files = [new, *files]
        elif change == "reorder":
            files.remove(target)
            files.append(target)
        elif change == "class":
            class NotAPage(File):
                def is_documentation_page(self):
                    return False

            if files is ours:
                target.__class__ = NotAPage
    _same_listings(theirs, ours)


def test_a_file_class_that_tells_pages_its_own_way_gets_mkdocs_answer():
    class Everything(File):
        def is_documentation_page(self):
            return True

    files = _files() + [Everything("data/x.json", "/docs", "/site", True, inclusion=InclusionLevel.INCLUDED)]
    theirs, ours = _both(files)
    _same_listings(theirs, ours)
    assert files[-1] in ours.documentation_pages()


def test_another_filter_gets_mkdocs_answer():
    theirs, ours = _both(_files())
    seen = []

    def keep(level):
        seen.append(level)
        return level is InclusionLevel.DRAFT

    assert ours.documentation_pages(inclusion=keep) == theirs.documentation_pages(inclusion=keep)
    assert len(seen) == 2 * len(theirs.documentation_pages(inclusion=InclusionLevel.all))


@pytest.mark.parametrize("keep", [InclusionLevel.is_included, InclusionLevel.is_in_serve])
def test_static_files_are_copied_as_mkdocs_copies_them(tmp_path, keep):
    docs = tmp_path / "docs"
    names = [f.src_uri for f in _files()]
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name, encoding="utf-8")
    copied = {}
    for kind in ("theirs", "ours"):
        site = tmp_path / kind
        files = [File(f.src_uri, str(docs), str(site), True, inclusion=f.inclusion) for f in _files()]
        collection = Files(files) if kind == "theirs" else SiteFiles.adopt(Files(files))
        collection.documentation_pages()  # a listing kept before the copy
        collection.copy_static_files(inclusion=keep)
        copied[kind] = sorted(os.path.relpath(os.path.join(d, n), site) for d, _, ns in os.walk(site) for n in ns)
    assert copied["ours"] == copied["theirs"] and copied["ours"]


def _built(project, monkeypatch, *, keep_listings: bool) -> tuple[dict[str, str], list]:
    """The site (path -> hash) of a build where another plugin's on_nav takes an article page
    out after the navigation listed the pages, and the class of the Files it was handed."""
    
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.plugin import DigestPlugin

    seen = []
    original = DigestPlugin.on_nav

    def on_nav(self, nav, *, config, files):
        nav = original(self, nav, config=config, files=files)
        seen.append(type(files))
        article = next(f for f in files.documentation_pages() if f.src_uri.startswith("articles/"))
        article.inclusion = InclusionLevel.EXCLUDED  # as another plugin may
        seen.append(article.dest_uri)
        return nav

    with monkeypatch.context() as patched:
        patched.setattr(DigestPlugin, "on_nav", on_nav)
        if not keep_listings:
            patched.setattr(SiteFiles, "adopt", classmethod(lambda cls, files: files))
        build(load_config(str(project / "mkdocs.yml")))
    return file_hashes(project / "site"), seen


def test_a_build_follows_a_plugin_that_takes_a_page_out_after_the_listing(tmp_path, monkeypatch):
    from support import SEED, make_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {SEED.name: SEED.read_bytes()}
    ours, (kind, excluded) = _built(make_project(tmp_path / "ours", articles), monkeypatch, keep_listings=True)
    theirs, (plain, _) = _built(make_project(tmp_path / "theirs", articles), monkeypatch, keep_listings=False)
    assert kind is SiteFiles and plain is Files
    assert excluded not in ours and "sitemap.xml" in ours
    assert ours == theirs
