"""The theme's templates compiled once, kept in the cache folder for the next build.

MkDocs makes a new Jinja environment for every build and compiles Material's templates
again each time: about 0.6 s of every build, `--dirty` or not, and of every rebuild under
`mkdocs serve`, however few pages change. Jinja can keep the compiled code (its bytecode
cache): a template is taken from it only when its source is the same text (Jinja checks a
hash of it) and the code was compiled by the same Jinja for the same Python.

What Jinja does not check is the environment the code was compiled for (its extensions and
options change the code): the file names here include a hash of those, so a template
compiled under other settings is never used. A file that cannot be read (damaged, cut
short) is compiled again and rewritten; one that cannot be written leaves the build as it
would be without this cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

FOLDER = "templates"


class TemplateCache(FileSystemBytecodeCache):
    def __init__(self, directory: Path, environment: Any) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory), f"{environment_key(environment)}-%s.cache")

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - any damage to the file: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a read-only or full cache folder: the template was compiled all the same
            pass


def environment_key(environment: Any) -> str:
    """What Jinja's compiled code depends on besides the template's text and Jinja's version."""
    import jinja2

    settings = [
        jinja2.__version__,
        sorted(environment.extensions),
        _name(environment.autoescape),
        environment.optimized,
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks,
        environment.newline_sequence, environment.keep_trailing_newline,
        _name(environment.finalize),
        environment.is_async,
    ]
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]


def install(environment: Any, cache_dir: Path) -> None:
    """Give `environment` the compiled templates under `cache_dir`, where it can be made."""
    try:
        environment.bytecode_cache = TemplateCache(cache_dir / FOLDER, environment)
    except OSError:  # no cache folder: the templates are compiled, as without this cache
        return


def _name(value: Any) -> str:
    """A setting that may be a function, by name (its repr holds an address that changes every run)."""
    return repr(value) if value is None or isinstance(value, bool) else f"{type(value).__module__}.{getattr(value, '__qualname__', type(value).__qualname__)}"
