"""Tables kept in buckets answer as the dict or frozenset they were packed from, decode only the
buckets asked for, and become that plain table once much used."""

import importlib
from pathlib import Path

import pytest
from support import REPO

from generator.config import config_from_dict
from generator.enrich import EnrichContext
from generator.enrich.entities import EntityRules
from generator.enrich.entities import bucketed
from generator.enrich.entities.bucketed import BucketDict, BucketSet, pack
from generator.enrich.topics import load_taxonomy
from generator.extract import extract_one

G = importlib.import_module("generator.enrich.entities.gazetteer")

KEYS = ["london", "münchen", "são paulo", "北京", "o'brien", "a\udcff", "", "x" * 300] + [f"k{i}" for i in range(200)]


def unpacked(table, on_whole=None):
    firsts, offsets, data, whole = pack(table)
    kind = BucketDict if isinstance(table, dict) else BucketSet
    return kind(firsts, offsets, data, whole, len(table), on_whole=on_whole)


def test_a_bucketed_dict_answers_as_its_dict():
    plain = {key: (i, key.upper(), key) for i, key in enumerate(KEYS)}
    table = unpacked(plain)
    for key in KEYS:
        assert table.get(key) == plain[key] and table[key] == plain[key] and key in table
    for absent in ("paris", " ", "\x00", "zzzz", "k1000"):  # (before the first key, after the last, between)
        assert table.get(absent) is None and table.get(absent, 7) == 7 and absent not in table
    assert 3 not in table and table.get(None) is None
    with pytest.raises(KeyError):
        table["paris"]
    assert len(table) == len(plain) and table == plain and plain == table and sorted(table) == sorted(plain)


def test_a_bucketed_set_answers_as_its_frozenset():
    plain = frozenset(KEYS)
    table = unpacked(plain)
    assert all(key in table for key in KEYS) and "paris" not in table and None not in table
    words = {"london", "paris", "北京"}
    assert words & table == {"london", "北京"} and table & words == {"london", "北京"}
    assert table == plain and plain == table and hash(table) == hash(plain) and len(table) == len(plain)


def test_only_the_buckets_asked_for_are_decoded_until_the_table_is_much_used():
    plain = {f"word{i}": i for i in range(bucketed.BUCKET_SIZE * 100)}
    held = []
    table = unpacked(plain, on_whole=held.append)
    assert table["word1"] == 1 and table._decoded == 1 and held == []
    for i in range(len(plain)):  # asks for every bucket in turn: made whole midway
        assert table.get(f"word{i}") == i
    assert held == [plain] and table._decoded < 100
    assert held[0] is table.whole() and type(held[0]) is dict


def test_empty_tables():
    assert unpacked({}).get("a") is None and "a" not in unpacked(frozenset()) and len(unpacked({})) == 0


@pytest.fixture
def prebuilt(tmp_path):
    G.gazetteer.cache_clear()
    G.keep_prebuilt_in(tmp_path)
    G.gazetteer()  # builds, and writes the prebuilt copy
    yield tmp_path
    G.keep_prebuilt_in(None)
    G.gazetteer.cache_clear()
    G.prebuilt_notes()


def test_articles_analysed_with_the_tables_in_buckets_find_the_same_entities(prebuilt):
    """A `build --dirty` reading one new article reads the prebuilt gazetteer in buckets; the
    article's people, places and organizations are those found with the whole tables."""
    config = config_from_dict({})
    taxonomy, _ = load_taxonomy(REPO / "content" / "topics.yml")
    context = EnrichContext(EntityRules(), taxonomy)
    paths = sorted((REPO / "content").glob("*.txt")) + sorted(p for p in (REPO / "tests" / "fixtures").rglob("*.*")
                                                               if p.is_file())[:30]

    def analyses(whole: bool):
        G.gazetteer.cache_clear()
        gaz = G.gazetteer()
        if whole:
            gaz.whole()
        found = [extract_one(p.name, p.read_bytes(), config, context) for p in paths]
        return gaz, [(r.article.entities if r.article else None, r.analysis and r.analysis.entities) for r in found]

    _, bucketed_found = analyses(whole=False)  # (so many articles make the tables whole on the way)
    _, whole_found = analyses(whole=True)
    assert bucketed_found == whole_found
    assert any(entities for _, entities in whole_found)


def test_one_article_decodes_a_few_buckets_of_each_table(prebuilt):
    G.gazetteer.cache_clear()
    gaz = G.gazetteer()
    tables = {name: table for name, table in vars(gaz).items() if isinstance(table, (BucketDict, BucketSet))}
    assert set(tables) == G._BUCKETED
    config = config_from_dict({})
    taxonomy, _ = load_taxonomy(REPO / "content" / "topics.yml")
    sample = next((REPO / "content").glob("*.txt"))
    result = extract_one(sample.name, sample.read_bytes(), config, EnrichContext(EntityRules(), taxonomy))
    assert result.article.entities or result.analysis.entities
    big = {name: table for name, table in tables.items() if len(table) > 50_000}
    assert set(big) >= {"names", "words", "one_word_names"}
    assert all(table._whole is None for table in big.values())  # none of the large ones was decoded whole
    assert 0 < sum(table._decoded for table in big.values()) < sum(len(t._parts) for t in big.values()) // 8
