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


def _recorded_memo(salt="salt"):
    from generator.pages import PageMemo
    from generator.pages.memo import ArticleRecord

    memo = PageMemo(salt)
    memo.articles["a.txt"] = ArticleRecord(b"o" * 16, b"l" * 16, b"f" * 16, None, None, "b.txt", "", "d" * 32)
    memo.articles["b.txt"] = ArticleRecord(b"p" * 16, b"m" * 16, b"g" * 16, b"t" * 16, "a.txt", None, "<p>Part of</p>\n", "e" * 32)
    memo.listed_as["c.txt"] = "b.txt"
    return memo


@pytest.mark.parametrize("damage", ["none", "cut short", "one byte changed", "other salt", "garbage"])
def test_article_records_are_read_back_only_whole_and_for_the_same_salt(tmp_path, damage):
    """What a build recorded of its article pages (pages.memo.ArticleRecord) lets the next skip
    making their inputs: one damaged, cut short or written for other code or options is never used."""
    from generator.pages import PageMemo

    writer.save_article_records(tmp_path, _recorded_memo())
    path = tmp_path / writer.ARTICLE_RECORDS
    data = path.read_bytes()
    if damage == "cut short":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "one byte changed":
        path.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    elif damage == "garbage":
        path.write_bytes(b"\x80\x04not digest's" * 20)
    memo = PageMemo("other salt" if damage == "other salt" else "salt")
    writer.load_article_records(tmp_path, memo)
    if damage == "none":
        assert {s: tuple(r) for s, r in _recorded_memo().articles.items()} == dict(memo.articles_before)
        assert memo.listed_as_before == {"c.txt": "b.txt"}
    else:
        assert not memo.articles_before and not memo.listed_as_before


def test_remembered_pages_answer_get_as_they_answer_lookups(tmp_path):
    """The memo asks `get` for every page: a page stored without the digest of its inputs is not
    remembered either way, and one stored with it is the same entry either way."""
    out = tmp_path / "pages"
    write_pages(pages("one", "two"), out, digests={"articles/a0.md": "d0"})
    remembered, _ = remembered_pages(out)
    assert remembered.get("articles/a0.md") == remembered["articles/a0.md"]
    assert remembered.get("articles/a0.md").digest == "d0"
    assert remembered.get("articles/a0.md").path == str(out.resolve() / "articles" / "a0.md")
    assert remembered.get("articles/a1.md") is None and remembered.get("articles/a1.md", "no") == "no"
    with pytest.raises(KeyError):
        remembered["articles/a1.md"]
    assert remembered.get("articles/none.md") is None and "articles/a1.md" not in remembered
