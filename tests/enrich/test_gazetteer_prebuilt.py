"""The gazetteer's tables kept prebuilt in the cache folder are the tables the data file builds,
and a copy that is damaged, not ours, or written for other data or code is never used."""

import importlib

import pytest

G = importlib.import_module("generator.enrich.entities.gazetteer")

TABLES = G._FIELDS + G._DERIVED


@pytest.fixture
def fresh():
    """`gazetteer()` loaded again in this test, and as before (built in memory) after it."""
    G.gazetteer.cache_clear()
    G.prebuilt_notes()
    yield
    G.keep_prebuilt_in(None)
    G.gazetteer.cache_clear()
    G.prebuilt_notes()


def loaded(folder):
    G.keep_prebuilt_in(folder)
    G.gazetteer.cache_clear()
    return G.gazetteer()


def test_the_prebuilt_tables_equal_the_built_ones(tmp_path, fresh):
    built = loaded(None)
    first = loaded(tmp_path)  # builds, and writes the copy
    assert (tmp_path / G.PREBUILT).is_file()
    again = loaded(tmp_path)  # reads the copy
    assert again is not first
    for name in TABLES:
        assert getattr(again, name) == getattr(first, name) == getattr(built, name), name
    assert again.lookup("LONDON") == built.lookup("LONDON") and again.lookup("NATO") == built.lookup("NATO")
    assert G.prebuilt_notes() == []


@pytest.mark.parametrize("damage, note", [
    (lambda data: data[:-1] + bytes([data[-1] ^ 1]), "checksum"),
    (lambda data: data[: len(data) // 2], "checksum"),
    (lambda data: data[: len(G._MAGIC) + 5], "cut short"),
    (lambda data: b"something else entirely", "not a digest gazetteer"),
])
def test_a_damaged_or_foreign_copy_is_built_again_with_a_note(tmp_path, fresh, damage, note):
    built = loaded(tmp_path)
    path = tmp_path / G.PREBUILT
    path.write_bytes(damage(path.read_bytes()))
    again = loaded(tmp_path)
    (said,) = G.prebuilt_notes()
    assert note in said and str(path) in said
    assert all(getattr(again, name) == getattr(built, name) for name in TABLES)
    loaded(tmp_path)  # the copy was written again: good this time
    assert G.prebuilt_notes() == []


def test_a_copy_written_for_other_data_or_code_is_replaced_quietly(tmp_path, fresh):
    loaded(tmp_path)
    path = tmp_path / G.PREBUILT
    data = path.read_bytes()
    head = G._MAGIC + G._FORMAT + b"\n"
    assert data.startswith(head)
    path.write_bytes(head + b"0" * 64 + b" other\n" + data[len(head):].split(b"\n", 1)[1])
    loaded(tmp_path)
    assert G.prebuilt_notes() == []
    assert path.read_bytes() == data


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    gaz = loaded(blocker / "cache")
    assert gaz.lookup("London") is not None and G.prebuilt_notes() == []
