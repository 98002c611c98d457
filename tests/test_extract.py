"""The per-file cache's format: a result comes back from it as the same value it was stored as."""

import pickle
from pathlib import Path

import numpy as np
from support import REPO

from generator.cache import ExtractionCache
from generator.config import config_from_dict
from generator.enrich import EnrichContext, analysis_from_values, analysis_values
from generator.enrich.entities import EntityRules
from generator.enrich.topics import load_taxonomy
from generator.extract import _MARSHALLED, _PICKLED, Extracted, _without_text, decode_result, encode_result, extract_one



def results():
    config = config_from_dict({})
    taxonomy, _ = load_taxonomy(REPO / "content" / "topics.yml")
    context = EnrichContext(EntityRules(), taxonomy)
    paths = sorted((REPO / "content").glob("*.txt"))[:12] + sorted((REPO / "tests" / "fixtures").rglob("*.*"))[:40]
    return [extract_one(path.name, path.read_bytes(), config, context) for path in paths if path.is_file()]


def as_unpickled(value):
    """What the cache gave back when it pickled results (the slow path this format replaces)."""
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_cached_result_is_the_value_unpickling_gave_field_for_field():
    found = results()
    assert sum(r.article is not None for r in found) >= 12 and any(r.article is None for r in found)
    for result in found:
        stored = _without_text(result)
        blob = encode_result(stored)
        assert blob.startswith(_MARSHALLED)
        back, slow = decode_result(blob), as_unpickled(stored)
        assert back == slow == stored
        # The same types all the way down, and sets iterated in the same order: pickled alike.
        assert pickle.dumps(back, protocol=5) == pickle.dumps(slow, protocol=5)
        if result.analysis is not None:
            assert analysis_from_values(analysis_values(result.analysis)) == result.analysis


def test_an_analysis_holding_other_types_than_marshals_is_pickled_whole():
    result = next(r for r in results() if r.analysis is not None)
    odd = result.analysis.topics._replace(logits=tuple(np.float64(x) for x in result.analysis.topics.logits) or
                                          (np.float64(0.5),))
    changed = Extracted(result.article, result.problems, type(result.analysis)(result.analysis.text,
                        result.analysis.entities, odd, result.analysis.story_words))
    blob = encode_result(changed)
    assert blob.startswith(_PICKLED)
    back = decode_result(blob)
    assert back == changed and type(back.analysis.topics.logits[0]) is np.float64


def test_an_entry_of_another_format_or_damaged_is_read_again(tmp_path):
    result = _without_text(next(r for r in results() if r.article is not None))
    cache = ExtractionCache(tmp_path, "space", encode_result, decode_result)
    cache.put_many({"good": result, "cut": result, "old": result})
    cache._db.execute("UPDATE extracted SET value = substr(value, 1, 60) WHERE key = 'cut'")
    cache._db.execute("UPDATE extracted SET value = ? WHERE key = 'old'", (pickle.dumps(result),))
    cache._db.commit()
    assert cache.get_many(["good", "cut", "old"]) == {"good": result}
    cache.close()
