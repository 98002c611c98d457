"""The page store (generator/writer.py): what a later `--dirty` build may trust in it."""

import os

import pytest

from generator import writer
from generator.pages import Page, PageSet
from generator.writer import MANIFEST, remembered_pages, write_pages


def pages(*bodies):
    page_set = PageSet()
    for i, body in enumerate(bodies):
        page_set.add(Page(f"articles/a{i}.md", body, meta={"title": f"A{i}"}, kind="article"))
    return page_set


def test_without_a_manifest_a_page_with_a_signature_is_touched_even_when_its_bytes_are_the_same(tmp_path):
    """What else its HTML depends on (its chips' links) is unknown: MkDocs must render it again."""
    out = tmp_path / "pages"
    write_pages(pages("one", "two"), out, {"articles/a0.md": "sig"})
    (out / MANIFEST).unlink()
    old = 1_000_000_000
    for name in ("a0.md", "a1.md"):
        os.utime(out / "articles" / name, (old, old))
    stats = write_pages(pages("one", "two"), out, {"articles/a0.md": "sig"})
    assert (stats.touched, stats.unchanged, stats.written) == (1, 1, 0)
    assert (out / "articles" / "a0.md").stat().st_mtime > old
    assert (out / "articles" / "a1.md").stat().st_mtime == old


def test_a_run_that_fails_while_rewriting_pages_leaves_no_manifest(tmp_path, monkeypatch):
    """Pages already rewritten no longer match the old manifest's fingerprints: none is trusted."""
    out = tmp_path / "pages"
    write_pages(pages("one", "two"), out, digests={"articles/a0.md": "d0", "articles/a1.md": "d1"})
    assert remembered_pages(out)[0]["articles/a0.md"].digest == "d0"
    real = writer._write_atomic

    def fail_on_second(target, data):
        if target.name == "a1.md":
            raise OSError("disk full")
        real(target, data)

    monkeypatch.setattr(writer, "_write_atomic", fail_on_second)
    with pytest.raises(OSError):
        write_pages(pages("ONE", "TWO"), out)
    assert not (out / MANIFEST).exists()
    remembered, note = remembered_pages(out)
    assert not remembered and note is None


@pytest.mark.parametrize("manifest", [
    '{"../outside.txt": ["a", "b"]}',
    '{"/etc/outside.txt": ["a", "b"]}',
    '{"articles/a0.md": ["a", 2]}',
    '["articles/a0.md"]',
    "{not json",
])
def test_a_damaged_manifest_is_not_trusted_and_deletes_nothing_outside_the_store(tmp_path, manifest):
    out = tmp_path / "pages"
    write_pages(pages("one"), out)
    (tmp_path / "outside.txt").write_text("keep me", encoding="utf-8")
    (out / MANIFEST).write_text(manifest, encoding="utf-8")
    remembered, note = remembered_pages(out)
    assert not remembered and note and "every page is rendered again" in note
    write_pages(pages("one"), out)
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "articles" / "a0.md").exists()


def test_a_run_gives_the_time_of_each_file_it_left_as_it_was_and_of_no_other(tmp_path):
    """What a `--dirty` build compares each page's HTML with, without asking the file system again."""
    out = tmp_path / "pages"
    write_pages(pages("one", "two", "three"), out, {"articles/a1.md": "old"})
    old = 1_000_000_000
    for name in ("a0.md", "a1.md", "a2.md"):
        os.utime(out / "articles" / name, (old, old))
    stats = write_pages(pages("one", "two", "changed"), out, {"articles/a1.md": "new"}, stored=remembered_pages(out)[0])
    assert (stats.unchanged, stats.touched, stats.written) == (1, 1, 1)
    assert stats.times == {"articles/a0.md": os.stat(out / "articles" / "a0.md").st_mtime}
