"""The registry names the HTML reader without importing it: trafilatura loads only for HTML files."""

import subprocess
import sys

from generator import readers
from generator.readers import html


def test_the_registry_names_the_html_reader_as_it_names_itself():
    assert readers.HTML_NAME == html.NAME
    assert readers.HTML_EXTENSIONS == html.EXTENSIONS


def test_a_build_without_html_files_does_not_load_trafilatura():
    code = ("import sys, generator.plugin, generator.pipeline; "
            "print('trafilatura' in sys.modules, 'generator.readers.html' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
