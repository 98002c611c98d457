"""The per-file stage: bytes -> article -> per-article analyses. Cached, and run in parallel.

Everything here depends on one file alone (and the options and taxonomies), which is
what makes it safe to cache by content hash and to spread over processes. Work that
needs the whole corpus happens afterwards, in `generator.enrich`.
"""

from __future__ import annotations

import datetime as dt
import logging
import marshal
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .cache import ExtractionCache, StoredBlocks, TextReader
from .config import DigestConfig, config_from_dict
from .discover import InputFile
from .enrich import ArticleAnalysis, analyse_article, analysis_values
from .metadata import resolve
from .model import Article, Image, MarkdownBody, Problem, Severity, evolve
from .nogc import no_cycle_collection
from .pages.article import body as article_body
from .readers import ReadError, StillWriting, load_file, read_bytes
from .stored_analysis import StoredAnalysis, stored_values

log = logging.getLogger("mkdocs.plugins.digest")

# Below this many files to extract, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 150
BATCH = 32


@dataclass(frozen=True)
class Extracted:
    article: Article | None  # None when the file was rejected
    problems: tuple[Problem, ...] = ()
    analysis: Any = None  # per-article analyses the corpus stage reuses (see generator.enrich; from the cache,
    # a StoredAnalysis, each part decoded when first read)
    body: str | None = None  # the article page's escaped body, which depends on the file alone
    owner_markdown: bool = False  # kept by the cache (see _without_text): a block is the owner's Markdown


def extract_one(source: str, data: bytes, config: DigestConfig, context: Any) -> Extracted:
    try:
        raw = read_bytes(source, data, max_size=config.max_file_size)
    except ReadError as exc:
        return Extracted(None, (Problem(source, str(exc)),))
    article, problems = resolve(raw, config)
    return Extracted(article, tuple(problems), analyse_article(article, context), article_body(article))


def extract_all(
    files: Sequence[InputFile],
    config: DigestConfig,
    context: Any,
    cache: ExtractionCache,
    *,
    workers: int | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    hashes: dict[str, tuple[int, int, int, int, str]] | None = None,
    kept: dict[str, Extracted] | None = None,
    lazy_text: bool = False,
) -> tuple[list[Extracted], list[str]]:
    """Every file's result, in the order of `files`, and the cache keys used.

    The cache keeps an article's text (blocks and body) apart from the rest (see cache.py).
    With `lazy_text` (a build that renders only the pages that changed) a cached article's
    blocks are read only if something looks at them (`cache.StoredBlocks`); otherwise all
    texts are read at once, as a build that renders every page needs them all.

    `hashes` (source -> size, mtime, ctime, inode and SHA-256 of a file, kept from the last
    build) spares reading and hashing files whose metadata has not changed; it is updated
    in place to describe the files as they are now. `kept` (cache key -> result, from the
    last build of this process) is looked up before the cache, and left holding this build's
    results: under `mkdocs serve` a rebuild then unpickles only new files (~1.3 s at 10,000)."""
    results: dict[int, Extracted] = {}
    todo: list[tuple[int, str, bytes | None, str]] = []
    keys: dict[int, str] = {}
    known = hashes if hashes is not None else {}
    seen: dict[str, tuple[int, int, int, int, str]] = {}
    max_size = config.max_file_size  # (an option read through MkDocs' config: once, not per file)
    for index, file in enumerate(files):
        data: bytes | None = None
        entry = _known_entry(file.path, known.get(file.source), max_size)
        if entry is not None:
            sha = entry[4]
            if time.time_ns() - max(entry[1], entry[2]) >= _SETTLED_NS:  # (as _hash_entry, without a stat again)
                seen[file.source] = entry
        else:
            try:
                data, sha = load_file(file.path, max_size=max_size)
            except StillWriting as exc:
                results[index] = Extracted(None, (Problem(file.source, str(exc), Severity.INFO),))
                continue
            except ReadError as exc:
                results[index] = Extracted(None, (Problem(file.source, str(exc)),))
                continue
            if (entry := _hash_entry(file.path, sha, len(data))) is not None:
                seen[file.source] = entry
        keys[index] = cache.key(file.source, sha)
        todo.append((index, file.source, data, keys[index]))
    if hashes is not None:
        hashes.clear()
        hashes.update(seen)

    remembered = kept if kept is not None else {}
    cached = {key: remembered[key] for key in keys.values() if key in remembered}
    cached.update(_with_texts(cache, [key for key in keys.values() if key not in cached], lazy_text,
                              {keys[index]: files[index] for index, *_ in todo}, config, context))
    misses = []
    for index, source, data, key in todo:
        if key in cached:
            results[index] = cached[key]
            continue
        if data is None:  # known by its hash alone, and the cache lost it: read it after all
            try:
                data, _ = load_file(files[index].path, max_size=config.max_file_size)
            except ReadError as exc:
                severity = Severity.INFO if isinstance(exc, StillWriting) else Severity.ERROR
                results[index] = Extracted(None, (Problem(source, str(exc), severity),))
                continue
        misses.append((index, source, data, key))

    fresh: dict[str, Extracted] = {}
    for index, key, extracted in _run(misses, config, context, workers, progress):
        results[index] = extracted
        fresh[key] = extracted
    cache.put_many({key: _without_text(result) for key, result in fresh.items()},
                   {key: (result.article.blocks, result.body) for key, result in fresh.items() if result.article})
    if kept is not None:
        kept.clear()
        kept.update(cached)  # what the cache held or was just given: never a failed read
        kept.update(fresh)
    return [results[i] for i in range(len(files))], list(keys.values())


def _without_text(result: Extracted) -> Extracted:
    """What the cache keeps of a result besides the article's text, which it keeps apart."""
    if result.article is None:
        return result
    owner_markdown = any(isinstance(block, MarkdownBody) for block in result.article.blocks)
    return Extracted(evolve(result.article, blocks=()), result.problems, result.analysis, None, owner_markdown)


# How the cache stores a result (`encode_result`): as plain values marshalled, the article's
# fields (its date as a day number, its image as caption and credit, its set of given keys as
# their items in order) and the analysis's (`enrich.analysis_values`): 10,000 results unmarshal
# in about half the time they took to unpickle. A result holding anything else (the owner's front
# matter, entities or topics given in it, values of other types) is pickled whole. The analysis's
# parts are marshalled apart inside the record, and decoded when a stage first reads them (see
# stored_analysis: a `--dirty` build reads little of the unchanged articles' analyses).
# (marshal's format may change with Python's version: a record made by another is read again)
_MARSHALLED = f"digest result 4 m {sys.implementation.cache_tag}\n".encode("ascii")
_PICKLED = b"digest result 3 p\n"
_PLAIN = frozenset({str, int, float, bool, type(None), bytes})
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_DATE, _IMAGE, _EXTRA, _GIVEN = (_ARTICLE_FIELDS.index(name) for name in ("date", "image", "extra", "given_keys"))


def encode_result(result: Extracted) -> bytes:
    """A result as the cache stores it (see `decode_result`)."""
    article = None if result.article is None else _article_values(result.article)
    problems = _problem_values(result.problems)
    analysis = None if result.analysis is None else analysis_values(result.analysis)
    record = (article, problems, result.body, result.owner_markdown, analysis)
    if (article is None) != (result.article is None) or problems is None or not _plain(record):
        return _PICKLED + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    if analysis is not None:
        record = record[:4] + (stored_values(analysis),)
    return _MARSHALLED + marshal.dumps(record, 4)


def decode_result(blob: bytes) -> Extracted:
    """The result `encode_result` stored; raises on anything else (the cache then reads the file again)."""
    result = decode_result_lazily(blob)
    if isinstance(result.analysis, StoredAnalysis):
        return Extracted(result.article, result.problems, result.analysis.whole(), result.body, result.owner_markdown)
    return result


def decode_result_lazily(blob: bytes, source: _Source | None = None) -> Extracted:
    """`decode_result`, with the analysis as stored (`StoredAnalysis`): each part decoded when
    first read, and a damaged one found then. With `source` (the article's file, and where its
    text is) the analysis is made again from the file when a part turns out damaged, and the
    article's blocks are the text in the cache, read when first looked at (`StoredBlocks`), if
    `source` has a reader for it: the result `_with_texts` hands on, made at once."""
    if blob.startswith(_MARSHALLED):
        article, problems, body, owner_markdown, analysis = marshal.loads(memoryview(blob)[len(_MARSHALLED):])
        problems = tuple(Problem(s, reason, Severity(severity)) for s, reason, severity in problems) if problems else ()
        if article is None:
            return _made_result(None, problems, None if analysis is None else StoredAnalysis.from_stored(analysis),
                                body, owner_markdown)
        article = _article_from_values(article)
        again = None
        if source is not None:
            source.sha = article.source_sha256
            again = source.analysis
            if source.reader is not None:
                article.__dict__["blocks"] = StoredBlocks(source.reader, source.key, owner_markdown, source.text)
        return _made_result(article, problems, None if analysis is None else StoredAnalysis.from_stored(analysis, again),
                            body, owner_markdown)
    if blob.startswith(_PICKLED):
        result = pickle.loads(memoryview(blob)[len(_PICKLED):])
        if isinstance(result, Extracted):
            return result
    raise ValueError("not a cached result of this version of digest")


_EXTRACTED_FIELDS = tuple(f.name for f in fields(Extracted))


def _made_result(*values: Any) -> Extracted:
    """`Extracted(*values)`, made as unpickling makes it (a frozen dataclass's __init__ sets
    each field through object.__setattr__: 10,000 of them a build)."""
    result = object.__new__(Extracted)
    result.__dict__.update(zip(_EXTRACTED_FIELDS, values))
    return result


class _Source:
    """An article's file, to read it again for what the cache lost (its text, pruned by another
    build meanwhile) or holds damaged (a part of its analysis): the same as stored, as long as
    the file still has the bytes it had (`sha`, the hash it was stored for)."""

    __slots__ = ("file", "key", "reader", "config", "context", "sha")

    def __init__(self, file: InputFile, key: str, reader: TextReader | None, config: DigestConfig,
                 context: Any) -> None:
        self.file, self.key, self.reader, self.config, self.context = file, key, reader, config, context
        self.sha = ""

    def text(self) -> tuple[tuple, str | None]:
        return _text_again(self.file, self.sha, self.config)

    def analysis(self) -> ArticleAnalysis:
        return _analysis_again(self.file, self.sha, self.config, self.context)


def _article_values(article: Article) -> tuple | None:
    """The article's fields as plain values, or None when it holds what they cannot say."""
    state = article.__dict__
    if type(article) is not Article or tuple(state) != _ARTICLE_FIELDS:
        return None
    values = list(state.values())
    date, image, extra, given = values[_DATE], values[_IMAGE], values[_EXTRA], values[_GIVEN]
    if date is not None:
        if type(date) is not dt.date:
            return None
        values[_DATE] = date.toordinal()
    if image is not None:
        if type(image) is not Image or tuple(image.__dict__) != ("caption", "credit"):
            return None
        values[_IMAGE] = (image.caption, image.credit)
    if type(extra) is not dict or extra or type(given) is not frozenset:
        return None
    values[_EXTRA] = None
    values[_GIVEN] = tuple(given)
    return tuple(values)


def _article_from_values(values: tuple) -> Article:
    """The article `_article_values` gave those values for (made as unpickling makes it: no __init__)."""
    values = list(values)
    if values[_DATE] is not None:
        values[_DATE] = dt.date.fromordinal(values[_DATE])
    if values[_IMAGE] is not None:
        values[_IMAGE] = Image(*values[_IMAGE])
    values[_EXTRA] = {}
    values[_GIVEN] = frozenset(values[_GIVEN])
    article = object.__new__(Article)
    article.__dict__.update(zip(_ARTICLE_FIELDS, values))
    return article


def _problem_values(problems: tuple[Problem, ...]) -> tuple | None:
    if type(problems) is not tuple or any(type(p) is not Problem or type(p.severity) is not Severity
                                          or tuple(p.__dict__) != ("source", "reason", "severity")
                                          for p in problems):
        return None
    return tuple((p.source, p.reason, p.severity.value) for p in problems)


def _plain(value: object) -> bool:
    """Only tuples and values of exactly marshal's own scalar types: what comes back from
    marshal is then of the same types and equal (marshal writes any object with a buffer as
    bytes, a numpy number among them, and would hand back something else; and makes sets again
    otherwise than unpickling did: sets go as tuples of their items)."""
    kind = type(value)
    if kind is tuple:
        return all(map(_plain, value))
    return kind in _PLAIN


def _with_texts(cache: ExtractionCache, keys: list[str], lazy: bool, files: dict[str, InputFile],
                config: DigestConfig, context: Any) -> dict[str, Extracted]:
    """The cached results for `keys`, each article with its text (or, `lazy`, a handle on it),
    and its analysis as stored (decoded part by part when read; analysed again from the file if
    a part turns out damaged). Results are read as `encode_result` stored them."""
    reader = cache.text_reader() if lazy else None
    found = cache.get_many(keys, decode=lambda key, blob: decode_result_lazily(
        blob, _Source(files[key], key, reader, config, context)))
    texts = {} if reader is not None else cache.get_many([k for k, r in found.items() if r.article], "texts")
    out: dict[str, Extracted] = {}
    for key, result in found.items():
        if result.article is None:
            out[key] = result
            continue
        if reader is not None and isinstance(result.article.blocks, StoredBlocks):  # as decoded: nothing to add
            out[key] = result
            continue
        analysis, file, sha = result.analysis, files[key], result.article.source_sha256
        if reader is not None:  # (a result pickled whole)
            blocks = StoredBlocks(reader, key, result.owner_markdown,
                                  lambda file=file, sha=sha: _text_again(file, sha, config))
            out[key] = Extracted(evolve(result.article, blocks=blocks), result.problems, analysis)
        elif key in texts:  # else: read the file again, as for a miss
            blocks, body = texts[key]
            out[key] = Extracted(evolve(result.article, blocks=blocks), result.problems, analysis, body)
    return out


def _text_again(file: InputFile, sha: str, config: DigestConfig) -> tuple[tuple, str | None]:
    """An article's blocks and body from its file, when the cache lost them mid-build (another
    build pruned them): the same as stored, as long as the file still has the bytes it had."""
    article = _article_again(file, sha, config)
    return article.blocks, article_body(article)


def _analysis_again(file: InputFile, sha: str, config: DigestConfig, context: Any) -> ArticleAnalysis:
    """An article's analysis from its file, when a part the cache held is damaged: the same as
    stored, as long as the file still has the bytes it had."""
    return analyse_article(_article_again(file, sha, config), context)


def _article_again(file: InputFile, sha: str, config: DigestConfig) -> Article:
    data, now = load_file(file.path, max_size=config.max_file_size)
    if now != sha:
        raise ReadError(f"{file.source}: the file changed during the build; build again")
    article, _ = resolve(read_bytes(file.source, data, max_size=config.max_file_size), config)
    return article


class Bodies(Mapping):
    """Source -> the article page's body rendered when its file was read (for render_site),
    read from the cache only for the pages asked for (see `StoredBlocks`)."""

    def __init__(self, extracted: Sequence[Extracted]) -> None:
        self._by_source = {r.article.source: r for r in extracted if r.article is not None}

    def __getitem__(self, source: str) -> str:
        result = self._by_source[source]
        body = result.body if result.body is not None else getattr(result.article.blocks, "body", None)
        if body is None:
            raise KeyError(source)
        return body

    def __iter__(self):
        return iter(self._by_source)

    def __len__(self) -> int:
        return len(self._by_source)


# A file's hash is taken from the last build only when its size, modification and change
# times and inode are the same, and it was last modified well before it was hashed: a file
# changed again within the file system's time resolution cannot pass for the old one.
_SETTLED_NS = 2_000_000_000


def _known_entry(path: Path, entry: tuple[int, int, int, int, str] | None,
                 max_size: int) -> tuple[int, int, int, int, str] | None:
    """`entry` when the file's size, times and inode are still the ones it gives (its hash is then known)."""
    if entry is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    if (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) != entry[:4] or st.st_size > max_size:
        return None
    return entry


def _hash_entry(path: Path, sha: str, size: int | None) -> tuple[int, int, int, int, str] | None:
    """What to remember of a file just hashed (None: nothing, it may still change unseen)."""
    try:
        st = path.stat()
    except OSError:
        return None
    if size is not None and st.st_size != size:
        return None
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED_NS:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha)


def _run(misses, config, context, workers, progress):
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count > 1 and len(misses) >= PARALLEL_THRESHOLD:
        try:
            yield from _run_parallel(misses, config, context, count, progress)
            return
        except (BrokenProcessPool, OSError) as exc:
            # Worker processes could not start (a script without a __main__ guard, no /dev/shm...):
            # the same work, one file after another.
            log.info("digest: extracting without worker processes (%s)", exc)
    items = progress(misses) if progress else misses
    for index, source, data, key in items:
        yield index, key, extract_one(source, data, config, context)


def _run_parallel(misses, config, context, count, progress):
    options = {name: config[name] for name in config}
    batches = [misses[i : i + BATCH] for i in range(0, len(misses), BATCH)]
    payload = [[(source, data) for _, source, data, _ in batch] for batch in batches]
    # forkserver: safe under `mkdocs serve`, whose server threads a plain fork could copy mid-lock.
    ctx = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has already imported (and loaded the data of) the stages.
    ctx.set_forkserver_preload(["generator.extract_worker"])
    with ProcessPoolExecutor(count, mp_context=ctx, initializer=_init_worker, initargs=(options, context)) as pool:
        outputs = pool.map(_extract_batch, payload)
        results = (
            (index, key, result)
            for batch, extracted in zip(batches, outputs)
            for (index, _, _, key), result in zip(batch, extracted)
        )
        # Counted in files, as the serial path does: a batch at a time.
        yield from progress(results, total=len(misses)) if progress else results


_worker_config: DigestConfig | None = None
_worker_context: Any = None


def _init_worker(options: dict, context: Any) -> None:
    global _worker_config, _worker_context
    _worker_config = config_from_dict(options)
    _worker_context = context


def _extract_batch(batch: list[tuple[str, bytes]]) -> list[Extracted]:
    assert _worker_config is not None
    with no_cycle_collection():  # as in the main process (see nogc): the stages make no cycles
        return [extract_one(source, data, _worker_config, _worker_context) for source, data in batch]


def content_fingerprint(path: Path | None) -> str:
    """A taxonomy file's bytes (or nothing), for the cache namespace."""
    try:
        return path.read_bytes().hex() if path is not None else ""
    except OSError:
        return ""
