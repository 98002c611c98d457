import gc

from generator.nogc import FrozenHeap, no_cycle_collection
from generator.plugin import DigestPlugin


def test_a_frozen_heap_is_handed_back_once():
    heap = FrozenHeap()
    heap.release()  # nothing frozen: nothing to do
    heap.freeze()
    assert gc.get_freeze_count() > 0
    heap.release()
    assert gc.get_freeze_count() == 0
    heap.release()
    assert gc.get_freeze_count() == 0


def test_collection_pauses_nest():
    assert gc.isenabled()
    with no_cycle_collection():
        with no_cycle_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_build_leaves_nothing_frozen():
    # Under `mkdocs serve` the plugin lives on: a build that failed after the generator
    # must not leave its site model out of the collector's reach.
    plugin = DigestPlugin()
    plugin._heap.freeze()
    plugin.on_build_error(error=RuntimeError("boom"))
    assert gc.get_freeze_count() == 0
