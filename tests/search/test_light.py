"""The process that builds the search index imports the index alone: not the site model, its
numerical libraries or MkDocs, which would cost it about a second on every build."""

import subprocess
import sys


def test_the_index_process_imports_only_the_index():
    code = ("import sys; from generator.search.index import build_from_handover; "
            "print(*(name in sys.modules for name in ('numpy', 'mkdocs', 'generator.site_model', 'generator.pages')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"] * 4
