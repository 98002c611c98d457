"""`mkdocs serve` picks up an article dropped into content/ without a restart."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver
from support import SEED, make_project, run_mkdocs

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@contextlib.contextmanager
def serving(project, *flags: str):
    """`mkdocs serve` with `flags` running in `project`: (its address, the process), stopped after."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.mark.parametrize("flags", [[], ["--dirty"]], ids=["serve", "serve --dirty (make serve)"])
def test_dropped_article_appears_while_serving(tmp_path, flags):
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes()})
    with serving(project, *flags) as (base, server):
        wait_for(lambda: fetch(base + "/")[0] == 200, 90, "the first build")
        assert fetch(base + "/articles/harbour-reopens-after-storm/")[0] == 404

        (project / "content" / "harbour.txt").write_text(
            "Harbour reopens after storm\n\nROTTERDAM, Monday, 6 October 2025 - The harbour reopened on Monday, officials said.\n",
            encoding="utf-8",
        )
        status, html = wait_for(
            lambda: (r := fetch(base + "/articles/harbour-reopens-after-storm/"))[0] == 200 and r, 90,
            "the dropped article's page",
        )
        assert "The harbour reopened on Monday" in html
        home = fetch(base + "/")[1]
        assert "harbour-reopens-after-storm" in home
    # Where the platform can report changes, content/ is watched that way, not polled (serve_watch).
    if not issubclass(Observer, PollingObserver):
        assert "digest: watching" in server.stdout.read()


def test_serve_starts_after_an_article_was_removed_since_the_last_build(tmp_path):
    # `make serve` after a `make build` and a deleted file: its first build (--dirty, into a new
    # folder) takes out a page that was never written there, and must not stop on it.
    harbour = "Harbour reopens after storm\n\nROTTERDAM, Monday, 6 October 2025 - The harbour reopened on Monday.\n"
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes(), "harbour.txt": harbour})
    run_mkdocs(project, "build")
    (project / "content" / "harbour.txt").unlink()
    with serving(project, "--dirty") as (base, server):
        wait_for(lambda: fetch(base + "/")[0] == 200 or server.poll() is not None, 90, "the first build")
        assert server.poll() is None, server.stdout.read()[-2000:]
        assert fetch(base + "/articles/harbour-reopens-after-storm/")[0] == 404
        assert "harbour-reopens-after-storm" not in fetch(base + "/")[1]
