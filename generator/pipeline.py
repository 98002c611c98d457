"""The generator pipeline: discover -> read -> resolve -> enrich -> assemble -> render.

I/O happens here and in the readers' file access only; every stage in between is
a function of its inputs. The MkDocs plugin and the CLI both call `generate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import DigestConfig
from .discover import InputFile, discover
from .enrich import enrich_corpus
from .enrich.duplicates import remove_duplicates
from .enrich.entities import EntityRules, load_rules
from .enrich.topics import Taxonomy, load_taxonomy
from .metadata import resolve
from .model import Article, Problem, Severity
from .pages import PageSet, Site, assemble, feed_note, render_site
from .readers import ReadError, StillWriting, read_file
from .report import Report

Progress = Callable[[Iterable[InputFile]], Iterable[InputFile]]


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


def generate(content_dir: Path, config: DigestConfig, *, site_name: str = "Briefing", progress: Progress | None = None,
             site_url: str | None = None, directory_urls: bool = True) -> Generation:
    report = Report()
    files, problems = discover(content_dir)
    report.extend(problems)
    report.files = len(files)
    rules, taxonomy, problems = load_taxonomies(content_dir)
    report.extend(problems)
    articles, problems = read_articles(progress(files) if progress else files, config)
    report.extend(problems)
    articles, problems = remove_duplicates(articles)
    report.extend(problems)
    articles = enrich_corpus(articles, rules, taxonomy)
    site = assemble(articles, taxonomy, rules, config)
    pages = render_site(site, site_name, site_url, directory_urls)
    report.extend(feed_note(site_url))
    report.articles = len(site.articles)
    report.pages = len(pages)
    return Generation(pages, site, report)


def _first_existing(folder: Path, *names: str) -> Path | None:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    return None
