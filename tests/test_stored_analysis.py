"""An article's analysis read back from the cache part by part (`stored_analysis.StoredAnalysis`): each
part is the value the file's analysis gave, decoded only when a stage reads it; a damaged part
is never trusted; and a `--dirty` build decodes the analyses of unchanged articles only where a
corpus stage must look at them."""

import marshal
import pickle
import sqlite3
import struct
import zlib

import pytest
from support import make_project, run_mkdocs
from test_extract import as_unpickled, results, shape
from test_incremental import LONE, SETTLES, entity_names, story, tree

from generator.config import SiteInfo, config_from_dict
from generator.enrich import ENTITY_FIELDS, PARTS
from generator.extract import _MARSHALLED, _without_text, decode_result_lazily, encode_result
from generator.stored_analysis import StoredAnalysis
from generator.pipeline import generate


def stored_results():
    """(result as extracted, as the cache gives it back lazily) for the sample and fixture files."""
    found = []
    for result in results():
        blob = encode_result(_without_text(result))
        if blob.startswith(_MARSHALLED) and result.analysis is not None:
            found.append((result, decode_result_lazily(blob)))
    return found


def test_each_stored_part_is_decoded_on_its_first_read_as_the_value_unpickling_gave():
    found = stored_results()
    assert len(found) >= 12
    for result, back in found:
        stored = back.analysis
        assert isinstance(stored, StoredAnalysis) and stored.decoded == ()
        slow = as_unpickled(result.analysis)
        assert shape(stored.topics) == shape(slow.topics)
        assert stored.decoded == ("topics",)  # that part alone
        if slow.entities is not None:
            assert shape(stored.entities.quotes) == shape(slow.entities.quotes)
            assert stored.decoded == ("topics", "entities.quotes")
            for name in ENTITY_FIELDS:  # sets iterated in the same order, tuples as tuples
                assert shape(getattr(stored.entities, name)) == shape(getattr(slow.entities, name)), name
            assert stored.entities == slow.entities and shape(stored.entities.whole()) == shape(slow.entities)
        assert shape(stored.text) == shape(slow.text) and shape(stored.story_words) == shape(slow.story_words)
        assert stored == slow == result.analysis and shape(stored.whole()) == shape(slow)
        again = pickle.loads(pickle.dumps(back))  # a copy leaving the process is the plain analysis
        assert type(again.analysis) is type(slow) and again.analysis == slow


def damaged(blob: bytes, part: int) -> bytes:
    """The record with one byte of stored part `part` changed (its checksum as it was): the
    record itself still reads."""
    record = list(marshal.loads(blob[len(_MARSHALLED):]))
    joined, index = record[4]  # the parts one after the other; where each ends and its CRC-32
    ends = [end for end, _ in struct.iter_unpack("<II", index)]
    start = ends[part - 1] if part else 0
    broken = bytearray(joined)
    broken[(start + ends[part]) // 2] ^= 0x20
    record[4] = (bytes(broken), index)
    return _MARSHALLED + marshal.dumps(tuple(record), 4)


def test_a_damaged_part_is_never_trusted():
    result, _ = next((r, b) for r, b in stored_results() if r.analysis.entities is not None)
    blob = encode_result(_without_text(result))
    names = len(PARTS) - 1 + ENTITY_FIELDS.index("names")  # (its place in the record: see extract._WHOLE)
    stored = decode_result_lazily(damaged(blob, names)).analysis
    assert stored.topics == result.analysis.topics  # the others read
    with pytest.raises(ValueError):
        stored.entities.names
    calls = []
    again = decode_result_lazily(damaged(blob, names)).analysis.reading_again(
        lambda: calls.append(1) or result.analysis)
    assert again.entities.names == result.analysis.entities.names and calls == [1]  # analysed again, once
    assert again == result.analysis and calls == [1]


def decoded_parts(kept: dict) -> dict[str, tuple[str, ...]]:
    """Source -> the parts of its stored analysis a build read (results read back from the cache)."""
    return {r.article.source: r.analysis.decoded for r in kept.values()
            if r.article is not None and isinstance(r.analysis, StoredAnalysis)}


def test_a_dirty_build_decodes_only_the_analyses_its_stages_read(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for i in range(40):
        (content / f"s{i:02d}.txt").write_text(story(i), encoding="utf-8")
    config, cache = config_from_dict({}), tmp_path / "cache"

    def build(kept=None):
        return generate(content, config, SiteInfo(), cache_dir=cache, workers=1, kept=kept)

    build()
    kept: dict = {}  # (each build a process of its own: results come from the cache, not memory)
    build(kept)  # nothing changed: the corpus stages go on from the last build's state
    unchanged = decoded_parts(kept)
    assert len(unchanged) == 40
    # The duplicate prints (an exact duplicate is found by its print) and the quotations (which
    # make each article's mentions): nothing else of any analysis.
    assert {part for parts in unchanged.values() for part in parts} <= {"text", "entities.quotes"}

    (content / "s40.txt").write_text(story(40), encoding="utf-8")  # a new article, names shared with many
    kept = {}
    dropped = build(kept)
    decoded = decoded_parts(kept)
    assert len(decoded) == 40  # (the new article was analysed, not read back)
    for part in ("topics", "story_words", "entities.names"):  # read only where a change reaches
        assert sum(part in parts for parts in decoded.values()) < len(decoded) / 2, part
    clean = generate(content, config, SiteInfo(), cache_dir=tmp_path / "clean", workers=1)
    assert [(a.source, a.entities, a.topics, a.tags, a.related, a.story) for a in dropped.site.articles] == \
        [(a.source, a.entities, a.topics, a.tags, a.related, a.story) for a in clean.site.articles]


@pytest.mark.slow
def test_an_analysis_read_late_from_a_damaged_record_is_made_again_from_its_file(tmp_path, monkeypatch):
    # A new article settles a bare surname and a one-word name in an older one: the older
    # article's names are read again in that build, long after the cache was read. Its record
    # there is damaged: the build analyses its file again, and the site is a clean build's.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)} | {"lone.txt": LONE}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    db = sqlite3.connect(project / ".cache" / "digest" / "extract.sqlite3")
    with db:
        (key, blob), = db.execute("SELECT key, value FROM extracted WHERE key LIKE '%:lone.txt'").fetchall()
        names = len(PARTS) - 1 + ENTITY_FIELDS.index("names")
        db.execute("UPDATE extracted SET value = ? WHERE key = ?", (damaged(blob, names), key))
    db.close()

    (project / "content" / "settles.txt").write_text(SETTLES, encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    assert "Willy Brandt" in entity_names(project / "site", "articles/shipyard-talks-in-gdansk")
    clean = make_project(tmp_path / "clean", articles | {"settles.txt": SETTLES})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")
