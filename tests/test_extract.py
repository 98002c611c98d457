"""The per-file cache's format: a result comes back from it as the same value it was stored as."""

import enum
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
    files = [(path.name, path.read_bytes()) for path in paths if path.is_file()]
    files.append(("own.md", OWN_MARKDOWN.encode()))  # the owner's front matter: kept as it is, pickled
    return [extract_one(name, data, config, context) for name, data in files]


OWN_MARKDOWN = """---
title: Council meets in Oslo
date: 2024-03-05
section: Politics
rating: 4.5
tags: [Council, Oslo]
---

The council met in Oslo on Tuesday. Erna Solberg said the talks with Sweden went well.
"""


def as_unpickled(value):
    """What the cache gave back when it pickled results (the slow path this format replaces)."""
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def shape(value):
    """A value's type and contents, all the way down: dataclasses field by field in order, sets
    in their order of iteration, floats by repr (-0.0 is not 0.0). (Pickled bytes would differ also
    where two fields share one string object in one and not in the other: not a different value.)"""
    kind = type(value)
    if kind in (tuple, list, frozenset, set) or isinstance(value, tuple):
        return kind, tuple(map(shape, value))
    if kind is dict:
        return kind, tuple((shape(k), shape(v)) for k, v in value.items())
    if isinstance(value, enum.Enum):
        return kind, value.value
    if kind is float:
        return kind, repr(value)
    if hasattr(value, "__dict__"):
        return kind, shape(value.__dict__)
    if hasattr(kind, "__slots__"):
        return kind, tuple(shape(getattr(value, name)) for name in kind.__slots__)
    return kind, value


def test_a_cached_result_is_the_value_unpickling_gave_field_for_field():
    found = results()
    assert sum(r.article is not None for r in found) >= 12 and any(r.article is None for r in found)
    kinds = []
    for result in found:
        stored = _without_text(result)
        blob = encode_result(stored)
        kinds.append(next(kind for kind in (_MARSHALLED, _PICKLED) if blob.startswith(kind)))
        back, slow = decode_result(blob), as_unpickled(stored)
        assert back == slow == stored
        # The same types all the way down, and sets iterated in the same order.
        assert shape(back) == shape(slow)
        if result.analysis is not None:
            assert analysis_from_values(analysis_values(result.analysis)) == result.analysis
    # Most as plain values (with dates, images, problems); those with the owner's front matter pickled.
    assert kinds.count(_MARSHALLED) >= 12 and _PICKLED in kinds
    assert any(r.article and r.article.image and r.article.date for r, k in zip(found, kinds) if k == _MARSHALLED)
    assert any(r.problems for r, k in zip(found, kinds) if k == _MARSHALLED)


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
