"""The generator pipeline: discover -> read -> resolve -> analyse (per file, cached, parallel)
-> deduplicate -> enrich (corpus) -> assemble -> render.

I/O happens here, in the readers' file access and in the cache; every stage in between
is a function of its inputs. The MkDocs plugin and the CLI both call `generate`.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import ExtractionCache, namespace
from .code_version import code_version
from .corpus_state import FILE_NAME, StateHeld, load_state, save_state
from .config import DigestConfig, SiteInfo, per_file_options
from .discover import InputFile, discover
from .enrich import EnrichContext, PartOf, finish_corpus
from .enrich.duplicates import NearPairs, update_duplicates
from .enrich.memo import CorpusMemo
from .enrich.entities import EntityRules, load_rules
from .enrich.entities.gazetteer import keep_prebuilt_in, prebuilt_notes
from .enrich.topics import Taxonomy, load_taxonomy
from .metadata import resolve
from .model import Article, Problem, Severity
from .nogc import no_cycle_collection
from .pages import PageMemo, PageSet, feed_note, render_site
from .site_model import Site, assemble
from .slugs import load_slug_table, save_slug_table
from .readers import ReadError, StillWriting, read_file
from .extract import Bodies, decode_result_lazily, encode_result, extract_all
from .report import Report

Progress = Callable[..., Iterable]
log = logging.getLogger("mkdocs.plugins.digest")


@dataclass
class Generation:
    pages: PageSet
    site: Site
    report: Report


def load_taxonomies(content_dir: Path) -> tuple[EntityRules, Taxonomy, list[Problem]]:
    rules, problems = load_rules(_first_existing(content_dir, "entities.yml", "entities.yaml"))
    taxonomy, more = load_taxonomy(_first_existing(content_dir, "topics.yml", "topics.yaml"))
    return rules, taxonomy, problems + more


def read_articles(files: Iterable[InputFile], config: DigestConfig) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for file in files:
        try:
            raw = read_file(file.path, file.source, max_size=config.max_file_size)
        except StillWriting as exc:
            problems.append(Problem(file.source, str(exc), Severity.INFO))
            continue
        except ReadError as exc:
            problems.append(Problem(file.source, str(exc)))
            continue
        article, repairs = resolve(raw, config)
        articles.append(article)
        problems.extend(repairs)
    return articles, problems


def generate(
    content_dir: Path,
    config: DigestConfig,
    site_info: SiteInfo | None = None,
    *,
    cache_dir: Path | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    kept: dict | None = None,
    page_memo: PageMemo | None = None,
    held_state: StateHeld | None = None,
) -> Generation:
    """Every page of the site from the articles in `content_dir`.

    With `cache_dir`, per-file work is reused from earlier runs (see generator.cache);
    files to (re)read are spread over `workers` processes (default: one per core). A process
    that builds again and again (`mkdocs serve`) passes the same `kept` dict each time: the
    per-file results of its last build, reused without unpickling (see extract_all). With a
    `page_memo` (made with `page_salt`), pages whose inputs did not change since the build it
    remembers are not rendered again (see pages.memo). Such a process also passes the same
    `held_state` each time: the corpus state its last build saved, taken from memory rather
    than loaded from the file again.
    """
    with no_cycle_collection():
        return _generate(content_dir, config, site_info or SiteInfo(), cache_dir, workers, progress, kept, page_memo,
                         held_state)


def _generate(content_dir: Path, config: DigestConfig, site_info: SiteInfo, cache_dir: Path | None,
              workers: int | None, progress: Progress | None, kept: dict | None,
              page_memo: PageMemo | None, held_state: StateHeld | None) -> Generation:
    report = Report()
    clock = _StageClock()
    files, problems = discover(content_dir)
    report.extend(problems)
    report.files = len(files)
    space = _namespace(content_dir, config)
    state = held_state.take(space) if held_state is not None else None
    note = None
    if state is None:
        state, note = load_state(cache_dir, space)
    if note:
        report.extend([Problem(str(cache_dir / FILE_NAME), note, Severity.INFO)])
    if state.taxonomies is None:
        state.taxonomies = load_taxonomies(content_dir)
    rules, taxonomy, problems = state.taxonomies
    report.extend(problems)
    context = EnrichContext(rules, taxonomy)
    clock.lap("discover")

    keep_prebuilt_in(cache_dir)  # (the gazetteer's tables, as built, for the next process)
    cache = ExtractionCache(cache_dir, space, encode_result, decode_result_lazily)
    try:
        # Only a build that renders the pages that changed can leave the others' texts in the cache.
        lazy_text = page_memo is not None and bool(page_memo.previous)
        extracted, used_keys = extract_all(files, config, context, cache, workers=workers, progress=progress,
                                           hashes=state.stats, kept=kept, lazy_text=lazy_text)
        cache.prune(used_keys)
    finally:
        cache.close()
    report.extend(cache.notes)
    for result in extracted:
        report.extend(result.problems)
    analyses = {r.article.source: r.analysis for r in extracted if r.article is not None}
    clock.lap("read and analyse (per file, cached)")

    read = [r.article for r in extracted if r.article is not None]
    articles, problems, state.duplicates = update_duplicates(read, PartOf([analyses[a.source] for a in read], "text"),
                                                             _near_pairs(state.duplicates))
    report.extend(problems)
    clock.lap("duplicates")
    corpus_memo = CorpusMemo(state.memo)
    articles = finish_corpus(articles, [analyses[a.source] for a in articles], context, corpus_memo, clock.lap)
    state.memo = corpus_memo.tables()
    report.extend([Problem(str(cache_dir), note, Severity.INFO) for note in prebuilt_notes()])
    if held_state is not None:
        held_state.keep(space, state, cache_dir)  # (saved now, or after the build: see StateHeld)
    else:
        save_state(cache_dir, space, state)
    clock.lap("corpus state saved")
    slugs = load_slug_table(cache_dir)
    site = assemble(articles, taxonomy, rules, config, slugs)
    save_slug_table(cache_dir, slugs)
    pages = render_site(site, site_info.name, site_info.url, site_info.directory_urls, Bodies(extracted), page_memo)
    clock.lap("pages" if page_memo is None else f"pages ({page_memo.reused:,} reused)")
    report.extend(feed_note(site_info.url))
    report.articles = len(site.articles)
    report.pages = len(pages)
    log.debug("digest: stage times: %s", clock)
    return Generation(pages, site, report)


def page_salt(config: DigestConfig, site_info: SiteInfo) -> str:
    """Everything a page's text depends on besides the inputs it is rendered from (pages.memo)."""
    options = sorted((key, config[key]) for key in config)
    return namespace("pages", code_version(), options, site_info.name, site_info.url, site_info.directory_urls)


def _near_pairs(value: object) -> NearPairs | None:
    return value if isinstance(value, NearPairs) else None


class _StageClock:
    """Seconds per pipeline stage, for `mkdocs build -v` and `make bench`."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self._last))
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in self.laps)


def _namespace(content_dir: Path, config: DigestConfig) -> str:
    """Everything per-file results depend on besides the file itself."""
    taxonomy_files = [
        hashlib.sha256(path.read_bytes()).hexdigest() if path else ""
        for path in (_first_existing(content_dir, "entities.yml", "entities.yaml"),
                     _first_existing(content_dir, "topics.yml", "topics.yaml"))
    ]
    return namespace(code_version(), taxonomy_files, per_file_options(config))


def _first_existing(folder: Path, *names: str) -> Path | None:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    return None
