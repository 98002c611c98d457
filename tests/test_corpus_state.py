"""The corpus state (corpus_state): saved in parts, of which a build writes again only those
whose entries changed; what the next build loads is always the state as it was saved."""

from pathlib import Path

from generator.corpus_state import FILE_NAME, CorpusState, load_state, save_state


def a_state(count: int) -> CorpusState:
    stats = {f"a{i:03d}.txt": (100 + i, 10**9 + i, 10**9 + i, i, f"{i:064x}") for i in range(count)}
    memo = {
        "entities": {f"a{i:03d}.txt": ((f"{i:064x}", ()), ((f"Person {i % 7}", "person", 1 + i % 3),)) for i in range(count)},
        "stories": {f"a{i:03d}.txt": ((i, "key"), (i // 5, [float(i)], {"words": i})) for i in range(count)},
    }
    return CorpusState(stats, ("taxonomies hash", {"rules": 1}), ("duplicates", frozenset({1, 2})), memo)


def fields(state: CorpusState) -> tuple:
    return state.stats, state.taxonomies, state.duplicates, state.memo


def test_a_saved_state_loads_as_it_was(tmp_path: Path) -> None:
    state = a_state(300)
    save_state(tmp_path, "key", state)
    loaded, note = load_state(tmp_path, "key")
    assert note is None and fields(loaded) == fields(state)
    assert load_state(tmp_path, "other key")[0] == CorpusState() and "not used" in load_state(tmp_path, "other key")[1]


def test_a_state_saved_again_after_a_few_changes_loads_as_changed(tmp_path: Path) -> None:
    save_state(tmp_path, "key", a_state(300))
    state, _ = load_state(tmp_path, "key")
    first = (tmp_path / FILE_NAME).read_bytes()
    # A drop: one file added, one removed, one entry made again equal, one changed, the rest as loaded.
    state.stats["new.txt"] = (1, 2, 3, 4, "f" * 64)
    del state.stats["a007.txt"]
    entities = dict(state.memo["entities"])
    entities["a010.txt"] = tuple(entities["a010.txt"])  # an equal copy
    entities["a011.txt"] = (("changed", ()), ())
    del entities["a012.txt"]
    state.memo = {"entities": entities, "stories": state.memo["stories"], "topics": {"new.txt": ((), ("t",))}}
    expected = fields(state)
    save_state(tmp_path, "key", state)
    again, note = load_state(tmp_path, "key")
    assert note is None and fields(again) == expected
    assert (tmp_path / FILE_NAME).read_bytes() != first
    # Saved again unchanged: the same bytes, and still the same state.
    second = (tmp_path / FILE_NAME).read_bytes()
    save_state(tmp_path, "key", again)
    assert (tmp_path / FILE_NAME).read_bytes() == second
    third, _ = load_state(tmp_path, "key")
    assert fields(third) == expected


def test_a_memo_of_another_shape_is_saved_whole(tmp_path: Path) -> None:
    for memo in (None, {"table": "not a dict of entries"}, ["a", "list"]):
        state = a_state(3)
        state.memo = memo
        save_state(tmp_path, "key", state)
        loaded, note = load_state(tmp_path, "key")
        assert note is None and fields(loaded) == fields(state)


def test_tables_stay_in_shards_beside_a_steps_corpus_wide_state(tmp_path: Path) -> None:
    # The real memo holds both (per-article tables, and steps' corpus facts kept whole): one value
    # that is not a table must not make every table be pickled again whole on each build.
    state = a_state(300)
    state.memo = {**state.memo, "entity corpus": ("fingerprint", (("brandt", 2),), {"willy brandt": 1})}
    save_state(tmp_path, "key", state)
    loaded, note = load_state(tmp_path, "key")
    assert note is None and fields(loaded) == fields(state)
    assert list(loaded.memo) == list(state.memo)
    shards = [name for name in loaded.loaded if name.startswith("memo entities ")]
    assert len(shards) > 1 and "memo state entity corpus" in loaded.loaded
    first = (tmp_path / FILE_NAME).read_bytes()
    save_state(tmp_path, "key", loaded)
    assert (tmp_path / FILE_NAME).read_bytes() == first


def test_a_state_kept_in_memory_after_its_save_saves_again_as_a_loaded_one_would(tmp_path: Path) -> None:
    # `mkdocs serve` keeps the state its last build saved (StateHeld): saved again, its unchanged
    # shards are written from the bytes saved before, and a changed entry still reaches the file.
    state = a_state(300)
    save_state(tmp_path, "key", state)
    assert "memo entities 0" in state.loaded
    first = (tmp_path / FILE_NAME).read_bytes()
    save_state(tmp_path, "key", state)
    assert (tmp_path / FILE_NAME).read_bytes() == first
    entities = dict(state.memo["entities"])
    entities["a010.txt"] = (("changed", ()), ())
    state.memo = {**state.memo, "entities": entities}
    save_state(tmp_path, "key", state)
    loaded, note = load_state(tmp_path, "key")
    assert note is None and fields(loaded) == fields(state) and loaded.memo["entities"]["a010.txt"][0][0] == "changed"


def test_a_kept_states_table_by_source_is_saved_in_shards_and_an_entry_replaced_reaches_the_file(tmp_path: Path) -> None:
    # The topic index and the entity facts keep one entry per article (StateWithTable): a drop
    # replaces a few of 10,000, and only the shards holding those are pickled again.
    from generator.enrich.memo import CorpusMemo, StateWithTable

    entries = {f"a{i:03d}.txt": (f"{i:064x}", ("Person", i % 5)) for i in range(300)}
    memo = CorpusMemo()
    memo.keep_state("index", ((1, 2), entries, {"df": 3}), table_at=1)
    state = a_state(300)
    state.memo = {**state.memo, **memo.tables()}
    save_state(tmp_path, "key", state)
    loaded, note = load_state(tmp_path, "key")
    assert note is None and fields(loaded) == fields(state)
    assert CorpusMemo(loaded.memo).state("index") == ((1, 2), entries, {"df": 3})
    assert sum(name.startswith("memo state table index ") for name in loaded.loaded) > 1

    table = loaded.memo["index"].value[1]
    table["a010.txt"] = ("changed", ())
    del table["a011.txt"]
    first = (tmp_path / FILE_NAME).read_bytes()
    save_state(tmp_path, "key", loaded)
    again, _ = load_state(tmp_path, "key")
    kept = CorpusMemo(again.memo).state("index")
    assert kept[1]["a010.txt"] == ("changed", ()) and "a011.txt" not in kept[1] and len(kept[1]) == 299
    assert isinstance(again.memo["index"], StateWithTable) and (tmp_path / FILE_NAME).read_bytes() != first
