"""Browser tests: Debian's Chromium driven by Playwright, against a site served on 127.0.0.1.

Chromium comes from `apt-get install chromium` (the Makefile's `chromium` target); Playwright
never downloads a browser here. `base` serves the sample site; modules that need another site
build it and serve it with `serve_site`, optionally under a sub-path as GitHub Pages would.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _SubPathHandler(_QuietHandler):
    """Serves `directory` at `/<prefix>/`, like https://OWNER.github.io/REPO/; anything else is 404."""

    prefix = ""

    def translate_path(self, path):
        if self.prefix:
            if not path.startswith(self.prefix):
                return str(Path(self.directory) / "__outside_the_sub_path__")
            path = "/" + path[len(self.prefix):].lstrip("/")
        return super().translate_path(path)


@contextmanager
def serve_site(site_dir: Path, sub_path: str = "") -> Iterator[str]:
    """Serve a built site on 127.0.0.1; yields the base URL (ending in '/')."""
    prefix = f"/{sub_path.strip('/')}/" if sub_path.strip("/") else ""
    handler = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix or '/'}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base(tmp_path_factory):
    """The URL of the sample site (tests/browser/sample.py), served under its sub-path."""
    import sample

    with serve_site(sample.site(tmp_path_factory), sample.SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: run `make test` (it installs Debian's chromium package)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
