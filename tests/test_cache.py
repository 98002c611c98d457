"""The per-file cache never serves a result the owner's edits have made stale."""

import shutil

import pytest

from mkdocs.config import config_options as opt
from support import REPO, SEED

from generator import pipeline
from generator.config import AFTER_PER_FILE, DigestConfig, SiteInfo, config_from_dict
from generator.corpus_state import StateHeld
from generator.pipeline import _namespace, generate

OWN_TOPIC = """
topics:
  - name: Baltic air policing
    parent: conflict, war and peace
    words: [{airspace: 3}, {interceptor: 3}, {shootdown: 3}]
"""


def topics_of_the_seed(content, cache):
    generation = generate(content, config_from_dict({}), SiteInfo(), cache_dir=cache, workers=1)
    (article,) = generation.site.articles
    return [t.name for t in article.topics]


def test_editing_topics_yml_takes_effect_with_a_warm_cache(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SEED, content / SEED.name)
    shutil.copy(REPO / "content" / "topics.yml", content / "topics.yml")
    cache = tmp_path / "cache"
    before = topics_of_the_seed(content, cache)
    assert "Baltic air policing" not in before
    assert topics_of_the_seed(content, cache) == before  # the warm cache gives the same answer
    with open(content / "topics.yml", "a", encoding="utf-8") as topics_file:
        topics_file.write(OWN_TOPIC.replace("topics:\n", "", 1))
    assert "Baltic air policing" in topics_of_the_seed(content, cache)


def other_value(value):
    """A valid value different from `value`, for any option type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return value + "-other" if value != "en" else "de"


def test_every_option_per_file_work_may_read_is_part_of_the_cache_key(tmp_path):
    default = config_from_dict({})
    assert AFTER_PER_FILE <= set(default)  # the exceptions name real options
    keyed = [key for key in default if key not in AFTER_PER_FILE]
    assert {"default_language", "summary_length", "words_per_minute", "max_file_size"} <= set(keyed)
    for key in keyed:
        changed = config_from_dict({key: other_value(default[key])})
        assert _namespace(tmp_path, changed) != _namespace(tmp_path, default), key


def test_an_option_added_later_is_keyed_without_naming_it_anywhere(tmp_path):
    class WithNewOption(DigestConfig):
        headline_case = opt.Type(str, default="as written")

    def config(value):
        cfg = WithNewOption()
        cfg.load_dict({"headline_case": value})
        assert cfg.validate() == ([], [])
        return cfg

    assert _namespace(tmp_path, config("title")) != _namespace(tmp_path, config("as written"))


def test_a_shorter_summary_length_takes_effect_with_a_warm_cache(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SEED, content / SEED.name)

    def summary(length):
        generation = generate(content, config_from_dict({"summary_length": length}), SiteInfo(),
                              cache_dir=tmp_path / "cache", workers=1)
        return generation.site.articles[0].summary

    long, short = summary(300), summary(80)
    assert len(short) <= 80 < len(long)


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path, monkeypatch):
    """The corpus state spares re-reading files whose size and times are unchanged; a rewrite
    of the same length with its modification time put back (as `rsync -t` or `touch -r` do)
    changes the file's change time, so the new text is read."""
    import os

    import generator.extract as extract

    monkeypatch.setattr(extract, "_SETTLED_NS", 0)  # trust hashes of files written a moment ago
    content = tmp_path / "content"
    content.mkdir()
    path = content / "note.txt"
    path.write_text("Harbour report\n\nThe ferry to Gdansk left at noon with grain on board.\n", encoding="utf-8")
    cache = tmp_path / "cache"

    def body():
        generation = generate(content, config_from_dict({}), SiteInfo(), cache_dir=cache, workers=1)
        (article,) = generation.site.articles
        return " ".join(block.text for block in article.blocks)

    assert "Gdansk" in body()
    assert "Gdansk" in body()  # from the state and the cache
    times = path.stat()
    path.write_text("Harbour report\n\nThe ferry to Lisbon left at noon with grain on board.\n", encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert path.stat().st_size == times.st_size and path.stat().st_mtime_ns == times.st_mtime_ns
    assert "Lisbon" in body()


def port_story(i: int, title: str = "") -> str:
    places = ["Gothenburg", "Lisbon", "Hamburg", "Genoa"]
    return (f"{title or f'Port report {i}'}\n\n{places[i % 4].upper()}, {1 + i} March 2024 - Mayor Anna Lindqvist "
            f"opened dock {i} in {places[i % 4]}, the Port Authority said. Grain shipments grew {i + 3} percent.\n")


def page_texts(generation):
    return [(page.src_uri, page.text()) for page in generation.pages]


def test_a_process_that_builds_again_sees_every_edit_as_a_new_process_would(tmp_path):
    # `mkdocs serve` keeps the per-file results of its last build in memory (`kept`): an edited,
    # a new and a deleted article must show exactly as in a build that starts from nothing.
    content = tmp_path / "content"
    content.mkdir()
    for i in range(4):
        (content / f"s{i}.txt").write_text(port_story(i), encoding="utf-8")
    kept: dict = {}
    first = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "cache", workers=1, kept=kept)
    assert "Port report 1" in [a.title for a in first.site.articles]

    (content / "s1.txt").write_text(port_story(1, "Dock workers strike in Lisbon"), encoding="utf-8")
    (content / "s4.txt").write_text(port_story(4), encoding="utf-8")
    (content / "s2.txt").unlink()
    again = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "cache", workers=1, kept=kept)
    fresh = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "fresh", workers=1)
    titles = sorted(a.title for a in again.site.articles)
    assert titles == ["Dock workers strike in Lisbon", "Port report 0", "Port report 3", "Port report 4"]
    assert page_texts(again) == page_texts(fresh)


@pytest.mark.parametrize("save_later", [False, True], ids=["saved in the build", "saved after it (serve)"])
def test_a_process_that_keeps_its_corpus_state_builds_as_a_new_process_would(tmp_path, monkeypatch, save_later):
    # `mkdocs serve` also keeps the corpus state its last build saved (`held_state`) instead of
    # loading the file again. Through edits, a new and a removed article, a build that failed
    # midway (which may leave the state half updated) and an edited topics.yml, every build shows
    # what a build from nothing shows, and the file is loaded only when memory holds nothing sure.
    # Under serve the file is written after each build, as the plugin's on_post_build does (`save`).
    content = tmp_path / "content"
    content.mkdir()
    for i in range(6):
        (content / f"s{i}.txt").write_text(port_story(i), encoding="utf-8")
    kept, held, loads = {}, StateHeld(save_later=save_later), []
    load_state = pipeline.load_state
    monkeypatch.setattr(pipeline, "load_state", lambda *args: loads.append(1) or load_state(*args))

    def build():
        try:
            return generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "cache", workers=1,
                            kept=kept, held_state=held)
        finally:
            held.save()

    def as_new(step):
        fresh = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / f"fresh{step}", workers=1)
        return page_texts(fresh)

    build()
    (content / "s1.txt").write_text(port_story(1, "Dock workers strike in Lisbon"), encoding="utf-8")
    (content / "s6.txt").write_text(port_story(6).replace("Mayor Anna Lindqvist", "Minister Anna Lindqvist"),
                                    encoding="utf-8")
    assert page_texts(build()) == as_new(1)
    (content / "s2.txt").unlink()
    assert page_texts(build()) == as_new(2)
    assert len(loads) == 3  # (the fresh builds load theirs; the kept state was taken from memory)

    (content / "s3.txt").write_text(port_story(3, "Grain quay opens in Hamburg"), encoding="utf-8")
    with monkeypatch.context() as broken:
        broken.setattr("generator.enrich.topics.finish_corpus", lambda *args, **kwargs: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            build()
    loads.clear()
    assert page_texts(build()) == as_new(3)
    assert len(loads) == 2  # after the failed build, the file, as a new process would

    (content / "topics.yml").write_text(OWN_TOPIC, encoding="utf-8")
    (content / "s4.txt").write_text(port_story(4) + "\nAn interceptor patrolled the airspace after a shootdown.\n",
                                    encoding="utf-8")
    again = build()
    assert page_texts(again) == as_new(4)
    assert "Baltic air policing" in [t.name for a in again.site.articles for t in a.topics]

    # The file holds the last build's state, where a new process takes up from there.
    held.wait()
    key = _namespace(content, config_from_dict({}))
    saved, note = load_state(tmp_path / "cache", key)
    kept_state = held.take(key)
    assert note is None and (saved.stats, saved.memo) == (kept_state.stats, kept_state.memo)


def test_a_corpus_state_written_behind_the_build_is_the_file_a_build_saving_it_in_line_leaves(tmp_path, monkeypatch):
    # `mkdocs build` has a thread write the state file while the build goes on (write_behind).
    # Through a new, an edited and a removed article, each build loads the file the last one
    # wrote behind it (nothing is kept in memory), builds what a build saving in line builds,
    # and leaves the same state on disk.
    content = tmp_path / "content"
    content.mkdir()
    for i in range(6):
        (content / f"s{i}.txt").write_text(port_story(i), encoding="utf-8")
    held, loads = StateHeld(write_behind=True), []
    load_state = pipeline.load_state
    monkeypatch.setattr(pipeline, "load_state", lambda *args: loads.append(args[0]) or load_state(*args))
    key = _namespace(content, config_from_dict({}))
    changes = [lambda: None,
               lambda: (content / "s6.txt").write_text(port_story(6), encoding="utf-8"),
               lambda: (content / "s1.txt").write_text(port_story(1, "Dock workers strike in Lisbon"), encoding="utf-8"),
               lambda: (content / "s2.txt").unlink()]
    for step, change in enumerate(changes):
        change()
        behind = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "behind", workers=1,
                          held_state=held)
        in_line = generate(content, config_from_dict({}), SiteInfo(), cache_dir=tmp_path / "in-line", workers=1)
        assert page_texts(behind) == page_texts(in_line), f"step {step}"
        held.wait()
        assert held.take(key) is None
        written, note = load_state(tmp_path / "behind", key)
        saved, _ = load_state(tmp_path / "in-line", key)
        assert note is None and (written.stats, written.memo) == (saved.stats, saved.memo), f"step {step}"
    assert loads.count(tmp_path / "behind") == len(changes)


def test_an_articles_text_left_in_the_cache_reads_as_its_blocks(tmp_path):
    # A --dirty build leaves unchanged articles' texts in the cache (cache.StoredBlocks):
    # whatever looks at them gets the blocks the file gave, once read, and a copy that
    # leaves the process (a pickle) is the plain tuple.
    import pickle

    from generator.cache import ExtractionCache, StoredBlocks
    from generator.model import Paragraph

    blocks = (Paragraph("First paragraph."), Paragraph("Second one."))
    cache = ExtractionCache(tmp_path, "space")
    cache.put_many({"k": "result"}, {"k": (blocks, "<p>body</p>")})
    reader = cache.text_reader()
    cache.close()
    reads = []
    stored = StoredBlocks(reader, "k", False, lambda: reads.append("file") or ((), None))
    assert stored == blocks and list(stored) == list(blocks) and len(stored) == 2 and stored[1] == blocks[1]
    assert stored.body == "<p>body</p>" and hash(stored) == hash(blocks)
    assert pickle.loads(pickle.dumps(stored)) == blocks and type(pickle.loads(pickle.dumps(stored))) is tuple
    assert reads == []  # the cache had it: the file was not read
    gone = StoredBlocks(reader, "missing", False, lambda: reads.append("file") or (blocks, None))
    assert tuple(gone) == blocks and reads == ["file"]


def test_the_cache_forgets_the_files_no_build_reads_any_more(tmp_path):
    # An edited or removed article's old entry (its result and its text) leaves the cache at the
    # end of the build; the entries of the others stay, and a build that uses every entry changes nothing.
    import sqlite3

    content = tmp_path / "content"
    content.mkdir()
    for i in range(3):
        (content / f"s{i}.txt").write_text(f"Story {i}\n\nParagraph {i} about the harbour of Ostend.\n",
                                           encoding="utf-8")
    cache = tmp_path / "cache"

    def stored():
        db = sqlite3.connect(cache / "extract.sqlite3")
        try:
            return {table: sorted(key.rpartition(":")[2] for key, in db.execute(f"SELECT key FROM {table}"))
                    for table in ("extracted", "texts")}
        finally:
            db.close()

    def build():
        generate(content, config_from_dict({}), SiteInfo(), cache_dir=cache, workers=1)

    build()
    assert stored() == {"extracted": ["s0.txt", "s1.txt", "s2.txt"], "texts": ["s0.txt", "s1.txt", "s2.txt"]}
    (content / "s1.txt").unlink()
    (content / "s2.txt").write_text("Story two, edited\n\nAnother paragraph.\n", encoding="utf-8")
    build()
    db = sqlite3.connect(cache / "extract.sqlite3")
    keys = sorted(key for key, in db.execute("SELECT key FROM extracted"))
    db.close()
    assert stored() == {"extracted": ["s0.txt", "s2.txt"], "texts": ["s0.txt", "s2.txt"]}
    build()
    db = sqlite3.connect(cache / "extract.sqlite3")
    assert sorted(key for key, in db.execute("SELECT key FROM extracted")) == keys  # the edited file's new entry kept
    db.close()


def test_many_entries_read_in_one_pass_are_the_entries_looked_up_by_key(tmp_path, monkeypatch):
    # At and above `_SCAN_FROM` keys the cache reads its table in one pass and keeps the rows asked
    # for: the same entries as looking each key up, rows of other keys left out, missing keys missing.
    from generator import cache as cache_module
    from generator.cache import ExtractionCache

    cache = ExtractionCache(tmp_path, "space")
    cache.put_many({f"k{i}": ("result", i) for i in range(30)}, {f"k{i}": ("text", i) for i in range(30)})
    wanted = [f"k{i}" for i in range(0, 40, 3)]  # (k30 and above were never stored)
    by_key = cache.get_many(wanted), cache.get_many(wanted, "texts")
    monkeypatch.setattr(cache_module, "_SCAN_FROM", 1)
    in_one_pass = cache.get_many(wanted), cache.get_many(wanted, "texts")
    cache.close()
    assert in_one_pass == by_key
    assert by_key[0] == {f"k{i}": ("result", i) for i in range(0, 30, 3)}
    assert by_key[1] == {f"k{i}": ("text", i) for i in range(0, 30, 3)}
