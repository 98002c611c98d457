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


def _checked_manifest(entries, times=None):
    """A manifest as `write_pages` writes one, holding `entries`: it passes the file's check."""
    import marshal

    from generator.paths import write_checked

    def write(out):
        write_checked(out / MANIFEST, writer._MANIFEST_MAGIC, writer._MANIFEST_FORMAT, b"",
                      marshal.dumps((entries, times or {}), 4), sync=False)
    return write


@pytest.mark.parametrize("damage", ["garbage", "cut short", "one byte changed", "an older digest's JSON", "not a mapping"])
def test_a_damaged_manifest_is_not_trusted_and_deletes_nothing_outside_the_store(tmp_path, damage):
    out = tmp_path / "pages"
    write_pages(pages("one"), out)
    (tmp_path / "outside.txt").write_text("keep me", encoding="utf-8")
    path = out / MANIFEST
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"{not json")
    elif damage == "cut short":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "one byte changed":
        path.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])
    elif damage == "an older digest's JSON":
        path.write_text('{"articles/a0.md": ["a", "b"]}', encoding="utf-8")
    else:
        _checked_manifest(["articles/a0.md"])(out)
    remembered, note = remembered_pages(out)
    assert not remembered and note and "every page is rendered again" in note
    write_pages(pages("one"), out)
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "articles" / "a0.md").exists()
    assert "articles/a0.md" in remembered_pages(out)[0].manifest  # whole again after the run


@pytest.mark.parametrize("outside", ["../outside.txt", "/etc/outside.txt", "..\\outside.txt"])
def test_a_manifest_naming_files_outside_the_store_deletes_none_of_them(tmp_path, outside):
    """Even a manifest that passes its check (written by hand) names no file outside the store that a run would remove."""
    out = tmp_path / "pages"
    write_pages(pages("one"), out)
    (tmp_path / "outside.txt").write_text("keep me", encoding="utf-8")
    _checked_manifest({outside: ["a", "b"]})(out)
    stats = write_pages(pages("one"), out)
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "keep me"
    assert outside not in stats.removed and (out / "articles" / "a0.md").exists()


def test_an_older_digests_json_manifest_is_removed_and_its_pages_compared_byte_for_byte(tmp_path):
    out = tmp_path / "pages"
    write_pages(pages("one", "two"), out)
    (out / MANIFEST).unlink()
    (out / ".digest-manifest.json").write_text('{"articles/a0.md": ["x", ""]}', encoding="utf-8")
    stats = write_pages(pages("one", "TWO"), out)
    assert (stats.unchanged, stats.written) == (1, 1)
    assert not (out / ".digest-manifest.json").exists() and (out / MANIFEST).exists()


def test_a_run_gives_the_time_of_each_file_it_left_as_it_was_and_of_no_other(tmp_path):
    """What a `--dirty` build compares each page's HTML with, without asking the file system again."""
    out = tmp_path / "pages"
    old = 1_000_000_000
    write_pages(pages("one", "two", "three"), out, {"articles/a1.md": "old"}, mtime=old, keep_times=True)
    stats = write_pages(pages("one", "two", "changed"), out, {"articles/a1.md": "new"}, stored=remembered_pages(out)[0],
                        keep_times=True)
    assert (stats.unchanged, stats.touched, stats.written) == (1, 1, 1)
    assert stats.times == {"articles/a0.md": old} and os.stat(out / "articles" / "a0.md").st_mtime == old
    assert all(os.stat(out / "articles" / name).st_mtime > old for name in ("a1.md", "a2.md"))
    # The next run knows every file's time from the manifest, without asking the file system.
    times = remembered_pages(out)[0].times
    assert times == {f"articles/a{i}.md": os.stat(out / "articles" / f"a{i}.md").st_mtime for i in range(3)}


def test_a_page_the_manifest_remembers_but_whose_file_is_gone_is_written_again(tmp_path):
    out = tmp_path / "pages"
    write_pages(pages("one", "two"), out)
    (out / "articles" / "a1.md").unlink()
    stats = write_pages(pages("one", "two"), out, stored=remembered_pages(out)[0])
    assert (stats.unchanged, stats.written) == (1, 1) and (out / "articles" / "a1.md").read_text(encoding="utf-8")


def test_a_file_time_from_the_manifest_is_the_one_the_last_run_left(tmp_path):
    """What a `--dirty` build compares the page's HTML with: the time the file had when the last
    run wrote or kept it (the manifest's), where the file is still there."""
    out = tmp_path / "pages"
    write_pages(pages("one"), out, mtime=1_000_000_000.5, keep_times=True)
    os.utime(out / "articles" / "a0.md", (1_200_000_000, 1_200_000_000))  # (a copy that did not keep times)
    stats = write_pages(pages("one"), out, stored=remembered_pages(out)[0], keep_times=True)
    assert stats.times == {"articles/a0.md": 1_000_000_000.5}


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


def test_an_output_folder_without_times_is_the_same_for_the_same_pages(tmp_path):
    """`digest generate --out` keeps no file times in the manifest: same input, same output."""
    first, second = tmp_path / "first", tmp_path / "second"
    write_pages(pages("one", "two"), first, digests={"articles/a0.md": "d0"})
    os.utime(first / "articles" / "a0.md", (1_000_000_000, 1_000_000_000))
    write_pages(pages("one", "two"), first, digests={"articles/a0.md": "d0"})
    write_pages(pages("one", "two"), second, digests={"articles/a0.md": "d0"})
    assert (first / MANIFEST).read_bytes() == (second / MANIFEST).read_bytes()
    assert remembered_pages(first)[0].times == {}
