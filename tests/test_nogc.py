import gc
import os
import subprocess
import sys
from pathlib import Path

from generator.nogc import FrozenHeap, no_cycle_collection
from generator.plugin import DigestPlugin

REPO = Path(__file__).resolve().parent.parent


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


def test_a_build_process_freezes_its_heap_on_the_way_out(tmp_path):
    # Python's shutdown walks every object still alive with the cycle collector: 2-3 s at the
    # end of `mkdocs build` at 10,000 articles. The plugin has the heap frozen first, once.
    script = """
import atexit, gc
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs last
from generator.plugin import DigestPlugin
before = atexit._ncallbacks()
for command in ("build", "serve"):
    DigestPlugin().on_startup(command=command, dirty=False)
print("exit hooks added:", atexit._ncallbacks() - before)
print("frozen during the build:", gc.get_freeze_count() > 0)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split("\n")[:3] == ["exit hooks added: 1", "frozen during the build: False",
                                            "frozen at exit: True"]


def test_under_serve_the_heap_stays_frozen_between_builds_and_is_released_now_and_then():
    # Released after every build, the server's millions of kept objects were walked again by
    # the next full collection; frozen for good, cycles among them would never be freed.
    heap = FrozenHeap()
    released = []
    for build in range(1, 13):
        heap.freeze()
        heap.carry_over()
        released.append(gc.get_freeze_count() == 0)
    heap.release()
    assert [build for build, free in enumerate(released, start=1) if free] == [1, 1 + FrozenHeap.RELEASE_EVERY]


WATCH_PAGES = """
import gc, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from generator.fast_page import FastPage
from generator.plugin import DigestPlugin

command = sys.argv[1]
seen = []
on_nav = DigestPlugin.on_nav
def watching(self, nav, *, config, files):
    seen.append(sum(isinstance(o, FastPage) for o in gc.get_objects()))
    return on_nav(self, nav, config=config, files=files)
DigestPlugin.on_nav = watching
config = load_config("mkdocs.yml")
config.plugins.on_startup(command=command, dirty=command == "serve")
try:
    build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
finally:
    config.plugins.on_shutdown()
print(seen[0])
"""


def test_a_builds_pages_are_out_of_the_collectors_walks_while_mkdocs_renders(tmp_path):
    # The File and Page of every page (19,000 at 10,000 articles) live to the end of the build:
    # walked again by each collection while MkDocs renders, they cost ~0.05 s of a `--dirty`
    # build. A build freezes them with the rest of the heap; `serve`, whose next build drops
    # them, leaves them to the collector (FrozenHeap.collect_young).
    from support import make_project
    from test_incremental import story

    project = make_project(tmp_path / "p", {f"s{i}.txt": story(i) for i in range(4)})
    watched = {}
    for command in ("build", "serve"):
        done = subprocess.run([sys.executable, "-c", WATCH_PAGES, command], capture_output=True, text=True,
                              cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        watched[command] = int(done.stdout.split()[-1])
    assert watched == {"build": 0, "serve": watched["serve"]} and watched["serve"] > 4
