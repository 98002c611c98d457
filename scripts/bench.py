"""`make bench`: digest at 1,000, 5,000 and 10,000 articles, and plain MkDocs + Material beside it.

For each size it makes a synthetic corpus (scripts/corpus.py), then measures, as medians
of repeated runs on this machine:
- the generator alone (parse + extraction + pages, in this process, one core);
- a full `mkdocs build` with digest inside (cold cache), pages/s and the build's peak RSS;
- the same generated pages built by plain MkDocs + Material, no generator (`digest generate`
  output as docs_dir), so digest's overhead is a ratio measured in the same run;
- the site's size, the bytes a browser downloads for the home page and for a first search
  (headless Chromium, Debian's), also with a typo in the query's first letters, and the time a
  first search takes to show results (`--search-only`: these alone, for several queries);
- dropping one new article into the corpus: the time until `mkdocs build --dirty` has
  updated the site, and whether that site equals a clean build of the same content
  (`--drop-only`: this alone, after a warm build, wall and CPU seconds, and the seconds per stage
  of one more drop built with -v; `--drop-only --serve`: the same under `mkdocs serve --dirty`,
  from the file written to the rebuilt site on disk);
- the generator's per-file stages apart (read, metadata, language detection, entities, topics,
  duplicate prints, story words, page body), in ms of CPU per article on one core, on the
  synthetic articles (which state their language) and on real Wikinews articles of 500+ words
  (which do not: detected); the run of median total of --runs, each in a forked process;
- entity extraction alone (both passes, the corpus pass included) on the CoNLL-2003
  development documents (short wire articles), in articles per CPU second on one core, in a
  process of its own as a build's extraction workers are (`--entities-only`: this alone); after
  the other figures, in this process, the heap and memos they leave would be timed too.

- story clustering alone on the corpus's final articles, as a share of the cold build
  (`--stories-only`: this and one cold build).
- the site's size per article, and where it goes by folder (`--size-only`: one cold build per
  size, or of the articles in `--corpus DIR`, e.g. a real corpus kept by `scripts/audit.py --keep`).

Usage: python scripts/bench.py [--sizes 1000,5000,10000] [--runs 3] [--work DIR] [--stages-only] [--search-only]
                               [--stories-only] [--size-only [--corpus DIR]] [--drop-only [--serve]]
                               [--entities-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import http.server
import multiprocessing
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

import yaml  # noqa: E402
from corpus import article, write_corpus  # noqa: E402

from generator.config import SiteInfo, config_from_dict  # noqa: E402
from generator.pipeline import generate  # noqa: E402

# Builds run as on an owner's machine, where Python keeps digest's modules compiled between runs:
# an environment with PYTHONDONTWRITEBYTECODE (some sandboxes and CI images set it) makes every
# `mkdocs` process compile digest's ~100 modules from source again (~0.2 s of each drop's time).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def _run(cmd: list[str], cwd: Path):
    """Wall seconds and resource usage of a command (with the processes it waited for), which must succeed."""
    with tempfile.TemporaryFile() as out:  # not a pipe: a chatty build would fill it and stall
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{out.read().decode()[-4000:]}")
    return elapsed, usage


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a command, which must succeed."""
    elapsed, usage = _run(cmd, cwd)
    return elapsed, usage.ru_maxrss // 1024


def project(folder: Path, content: Path, *, plain_docs: Path | None = None) -> Path:
    """A project folder: digest's mkdocs.yml around `content`, or plain MkDocs around `plain_docs`."""

    folder.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "theme")
    if plain_docs is None:
        if not (folder / "content").exists():
            (folder / "content").symlink_to(content)
    else:
        config["docs_dir"] = str(plain_docs)
        config["plugins"] = ["search"]  # Material + its search, no generator
        config["theme"].pop("custom_dir")  # plain Material templates
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def tree_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def size_figures(site: Path, articles: int) -> dict[str, float]:
    """Site MB, KB per article, and MB per top-level folder (articles, entities, topics, ...)."""
    total = folder_size(site)
    folders: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            top = path.relative_to(site).parts[0] if len(path.relative_to(site).parts) > 1 else "(top files)"
            folders[top] = folders.get(top, 0) + path.stat().st_size
    figures = {"site_mb": total / 1e6, "kb_per_article": total / 1e3 / max(1, articles)}
    figures.update({f"{name}/": size / 1e6 for name, size in sorted(folders.items(), key=lambda kv: -kv[1])[:8]})
    return figures


def print_sizes(label: str, content: Path, work: Path) -> None:
    """One cold `mkdocs build` of `content`: the site's size, per article and by folder."""
    articles = sum(1 for p in content.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"))
    ours = project(work, content)
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    shutil.rmtree(ours / "site", ignore_errors=True)
    run([sys.executable, "-m", "mkdocs", "build"], ours)
    f = size_figures(ours / "site", articles)
    pages = sum(1 for _ in (ours / "site").rglob("index.html"))
    folders = ", ".join(f"{k} {v:.1f} MB" for k, v in f.items() if k.endswith("/"))
    print(f"  {label}: {articles:,} articles, {pages:,} pages, site {f['site_mb']:.1f} MB = "
          f"{f['kb_per_article']:.1f} KB per article ({folders})", flush=True)


def generator_rate(content: Path, runs: int) -> tuple[float, int]:
    """Articles/s of the generator alone in this process, one core, no cache; and the page count."""

    times, pages = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        generation = generate(content, config_from_dict({}), SiteInfo(), workers=1)
        times.append(time.perf_counter() - start)
        pages = len(generation.pages)
        articles = generation.report.articles
    return articles / statistics.median(times), pages


def stories_time(content: Path) -> dict[str, float]:
    """Seconds of story clustering (enrich.stories.assign_stories, inside the corpus stage) on the
    corpus's final articles, beside the generator's own seconds on one core; and the story count."""
    from generator.enrich.stories import assign_stories
    from generator.nogc import no_cycle_collection

    start = time.perf_counter()
    generation = generate(content, config_from_dict({}), SiteInfo(), workers=1)
    generator_s = time.perf_counter() - start
    articles = generation.site.articles
    del generation
    with no_cycle_collection():  # as inside the pipeline, which runs its corpus stages so
        start = time.perf_counter()
        refs = assign_stories(articles)
        seconds = time.perf_counter() - start
    return {"stories_s": seconds, "generator_s": generator_s,
            "stories": len({r.key for r in refs if r}), "in_stories": sum(1 for r in refs if r)}


def print_stories(n: int, f: dict[str, float], build_s: float | None = None) -> None:
    share = f" = {f['stories_s'] / build_s:.1%} of the cold build ({build_s:.1f} s)" if build_s else ""
    print(f"  {n:,} articles, story clustering: {f['stories_s']:.2f} s{share}, {f['stories_s'] / f['generator_s']:.1%} "
          f"of the generator on one core ({f['generator_s']:.1f} s); {f['stories']:,} stories holding "
          f"{f['in_stories']:,} articles")


# The stage split's clock: CPU time, which a busy machine's other processes do not inflate.
CLOCK = time.process_time


def stage_split(inputs: list[tuple[str, bytes]]) -> dict[str, float]:
    """Milliseconds per article of each per-file stage, on one core, over `inputs` (file name,
    bytes): the work `extract.extract_one` does for a file (every stage it runs, language
    detection included when a file states no language), split so the costly stages show.
    Timed in this process's CPU time (`CLOCK`), so other processes sharing the core do not count."""
    from generator import metadata
    from generator.enrich import entities, topics
    from generator.enrich.duplicates import text_print
    from generator.enrich.stories import story_words
    from generator.nogc import no_cycle_collection
    from generator.pages.article import body as article_body
    from generator.pipeline import load_taxonomies
    from generator.readers import read_bytes

    config = config_from_dict({})
    _, taxonomy, _ = load_taxonomies(REPO / "content")
    first = metadata.resolve(read_bytes(*inputs[0]), config)[0]
    entities.analyse_article(first)  # load the gazetteer and models once
    topics.analyse_article(first, taxonomy)  # ... and compile the taxonomy, load the topic model (once per build)
    # Lingua loads a language's model the first time a text may be in it: ~25 ms over the real
    # set, a quarter of a millisecond an article there, and once in a build of any size. Each
    # text is read once before the clock starts, so those loads are not counted as per-file
    # work (lingua keeps no answers: the timed detections do all their work again).
    for source, data in inputs:
        metadata.detect_language(data.decode("utf-8", errors="replace")[:2000])
    stages = ("read", "metadata", "language", "entities", "topics", "duplicate prints", "story words", "page body")
    totals = dict.fromkeys(stages, 0.0)
    detect = metadata.detect_language

    def timed_detect(text):  # language detection, timed apart from the rest of the metadata
        t = CLOCK()
        try:
            return detect(text)
        finally:
            totals["language"] += CLOCK() - t

    scoring = 0.0
    metadata.detect_language = timed_detect
    # As the pipeline runs the per-file stage (`generate` pauses the cycle collector): a full
    # collection walks the whole heap this process has built (models, memos; ~70 ms, 0.7 ms an
    # article over the real set, after the synthetic split) and lands on whichever stage
    # happens to allocate then, which is no cost of that stage.
    try:
        with no_cycle_collection():
            for source, data in inputs:
                t0 = CLOCK()
                raw = read_bytes(source, data)
                t1 = CLOCK()
                article, _ = metadata.resolve(raw, config)
                t2 = CLOCK()
                entities.analyse_article(article)
                t3 = CLOCK()
                topics.analyse_article(article, taxonomy)
                t4 = CLOCK()
                text_print(article)
                t5 = CLOCK()
                story_words(article)
                t6 = CLOCK()
                article_body(article)
                t7 = CLOCK()
                for stage, seconds in zip(("read", "metadata", "entities", "topics", "duplicate prints", "story words",
                                           "page body"), (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6)):
                    totals[stage] += seconds
                scoring += topic_scoring_seconds(article, taxonomy)
    finally:
        metadata.detect_language = detect
    totals["metadata"] -= totals["language"]
    split = {stage: seconds / len(inputs) * 1000 for stage, seconds in totals.items()}
    words = sum(len(data.split()) for _, data in inputs) / len(inputs)
    return split | {"topic scoring": scoring / len(inputs) * 1000, "words": words}


def median_split(inputs: list[tuple[str, bytes]], runs: int) -> dict[str, float]:
    """`stage_split(inputs)` of median total over `runs` runs, one after the other, each in a
    process of its own forked from this one, so each starts from the same memos (a run in this
    process would leave its own to the next). One run moved by 10-20 % on a busy machine, more
    than the changes it should show."""
    splits = []
    for _ in range(runs):
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            splits.append(pool.submit(stage_split, inputs).result())
    splits.sort(key=split_total)
    return splits[len(splits) // 2]


def split_total(split: dict[str, float]) -> float:
    """Milliseconds per article of all per-file stages in a `stage_split` result (topic scoring is
    part of "topics"; "words" is no time)."""
    return sum(ms for stage, ms in split.items() if stage not in ("topic scoring", "words"))


def synthetic_inputs(content: Path, limit: int = 2000) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(content.glob("*.txt"))[:limit]]


def real_inputs(min_words: int = 500) -> list[tuple[str, bytes]]:
    """Real news of about 700 words: the Wikinews articles (English and Italian) of `make audit`
    with at least `min_words` words, written as it writes them (no language line: detected)."""
    import json

    from audit import WIKINEWS, wikinews_text

    if not WIKINEWS.is_file():
        return []
    records = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    return [(f"{r['id']}.txt", wikinews_text(r).encode()) for r in records if len(r["text"].split()) >= min_words]


def topic_scoring_seconds(article, taxonomy) -> float:
    """Seconds to score one tokenized article: lexicon evidence and the learned model (part of "topics")."""
    from generator.enrich.topics import scorer_for
    from generator.enrich.topics.text import article_text

    text = article_text(article)
    _ = (text.counts, text.title_counts)  # tokenize before the clock starts: scoring alone is timed
    scorer = scorer_for(taxonomy)
    start = CLOCK()
    scorer.text_evidence(text)
    scorer.text_logits(text)
    return CLOCK() - start


def print_entity_speed(runs: int) -> None:
    """Entity extraction (`extract_corpus`: both passes) on CoNLL-sized articles, one core."""
    from eval_entities import DATA, article_text, read_conll
    from generator.enrich.entities import EntityRules, extract_corpus
    from generator.model import Article, Paragraph

    if not DATA.is_file():
        print("  entity extraction: no CoNLL data at", DATA)
        return
    articles = []
    for i, doc in enumerate(read_conll(DATA)):
        title, *paragraphs = article_text(doc).strip().split("\n\n")
        articles.append(Article(source=f"doc{i:04d}.txt", source_sha256="", title=title,
                                blocks=tuple(Paragraph(p) for p in paragraphs)))
    extract_corpus(articles, EntityRules())  # the gazetteer loads once per process
    times = []
    for _ in range(max(3, runs)):
        start = CLOCK()
        extract_corpus(articles, EntityRules())
        times.append(CLOCK() - start)
    median = statistics.median(times)
    print(f"  entity extraction, both passes, {len(articles)} CoNLL-2003 dev articles on one core: "
          f"{len(articles) / median:,.0f} art/s (median of {len(times)}; fastest {len(articles) / min(times):,.0f})")


def print_entity_speed_apart(runs: int) -> None:
    """`print_entity_speed` in a fresh process (see the module's docstring)."""
    subprocess.run([sys.executable, __file__, "--entities-only", "--runs", str(runs)], check=True)


def print_stage_split(label: str, split: dict[str, float]) -> None:
    split = dict(split)
    scoring = split.pop("topic scoring", None)
    words = split.pop("words")
    parts = ", ".join(f"{stage} {ms:.2f}" for stage, ms in split.items())
    total = split_total(split)
    print(f"  {label} ({words:.0f} words on average), per-file stages on one core (ms per article): {parts}; "
          f"topics stage {1000 / split['topics']:.0f} art/s "
          + (f"(of which topic scoring, lexicon and model: {1000 / scoring:.0f} art/s, target 2,000), " if scoring else "")
          + f"all per-file stages {1000 / total:.0f} art/s ({1000 / (total * 700 / words):.0f} per 700 words)")


def print_stage_splits(content: Path, n: int, runs: int) -> None:
    """The split on the synthetic corpus, and on real news of about 700 words: each the run of
    median total of `runs`."""
    print_stage_split(f"{n:,} synthetic articles", median_split(synthetic_inputs(content), runs))
    real = real_inputs()
    if real:
        print_stage_split(f"{len(real)} real Wikinews articles of 500+ words", median_split(real, runs))
    else:
        print("  real articles: no Wikinews data (../shared/eval/topics/wikinews.jsonl)")


def browser_figures(site: Path, query: str) -> dict[str, float]:
    """Bytes served for the home page and for a first search, and the search's time to results.

    Bytes are counted by the server (what it sent, uncompressed), so nothing a browser cache
    or a late request could hide is missed."""
    from conftest import CHROMIUM_ARGS, _SubPathHandler
    from playwright.sync_api import sync_playwright

    sent: list[int] = []

    class Counting(_SubPathHandler):
        prefix = "/bench/"

        def send_header(self, keyword, value):
            if keyword.lower() == "content-length":
                sent.append(int(value))
            super().send_header(keyword, value)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/bench/"
    figures: dict[str, float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base, wait_until="networkidle")
            figures["home_kb"] = sum(sent) / 1024
            sent.clear()
            page.locator("input.md-search__input").click()
            start = time.perf_counter()
            page.keyboard.type(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
            figures["search_s"] = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            figures["search_kb"] = sum(sent) / 1024
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return figures


# First searches: a name, and typos (after the first two letters; in them, which reads a spelling
# list and other term files; two in a long word). TYPO_QUERY, the costliest, is in the full table.
SEARCH_QUERIES = ("Merz", "inflation budget", "Fredriksen", "Rfederiksen", "Fredriksne", "inflaton budegt")
TYPO_QUERY = "Rfederiksen"


def search_figures(n: int, work: Path) -> None:
    """Only the first-search figures, on a site built once (`--search-only`)."""
    content = work / f"n{n}" / "corpus"
    if not content.exists():
        write_corpus(n, content)
    ours = project(work / f"n{n}" / "digest", content)
    if not (ours / "site" / "search" / "digest" / "meta.json").is_file():
        run([sys.executable, "-m", "mkdocs", "build"], ours)
    print(f"| query ({n:,} articles) | 1st search KB | search s |")
    print("|---|---|---|")
    for query in SEARCH_QUERIES:
        f = browser_figures(ours / "site", query)
        print(f"| {query} | {f['search_kb']:.0f} | {f['search_s']:.2f} |", flush=True)


def bench_size(n: int, runs: int, work: Path) -> dict[str, object]:
    base = work / f"n{n}"
    content = base / "corpus"
    if not content.exists():
        write_corpus(n, content)
    row: dict[str, object] = {"articles": n}

    rate, pages = generator_rate(content, runs)
    row["generator_articles_s"] = rate
    row["pages"] = pages
    row["stories"] = stories_time(content)

    ours = project(base / "digest", content)
    times, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(ours / ".cache", ignore_errors=True)  # cold: nothing reused
        shutil.rmtree(ours / "site", ignore_errors=True)
        elapsed, peak = run([sys.executable, "-m", "mkdocs", "build"], ours)
        times.append(elapsed)
        peaks.append(peak)
    row["build_s"] = statistics.median(times)
    row["build_pages_s"] = pages / row["build_s"]
    row["peak_mb"] = max(peaks)
    row.update(size_figures(ours / "site", n))

    docs = base / "plain-docs"
    shutil.rmtree(docs, ignore_errors=True)
    run([sys.executable, "-m", "generator", "-f", str(ours / "mkdocs.yml"), "generate", "--out", str(docs)], ours)
    plain = project(base / "plain", content, plain_docs=docs)
    plain_times = []
    for _ in range(runs):
        shutil.rmtree(plain / "site", ignore_errors=True)
        elapsed, _ = run([sys.executable, "-m", "mkdocs", "build"], plain)
        plain_times.append(elapsed)
    row["plain_s"] = statistics.median(plain_times)
    row["plain_pages_s"] = pages / row["plain_s"]

    row.update(browser_figures(ours / "site", "Merz"))
    row["typo_kb"] = browser_figures(ours / "site", TYPO_QUERY)["search_kb"]

    # Drop one article into the built site and time the incremental rebuild.
    settle()
    drops = []
    for i in range(runs):
        text = article(n + i, ["Mark Rutte", "Friedrich Merz"], random.Random(i), dt.date(2030, 1, 1))
        (content / f"dropped-{i}.txt").write_text(text, encoding="utf-8")
        elapsed, _ = run([sys.executable, "-m", "mkdocs", "build", "--dirty"], ours)
        drops.append(elapsed)
    row["drop_s"] = statistics.median(drops)
    clean = project(base / "clean", content)
    shutil.rmtree(clean / "site", ignore_errors=True)
    shutil.rmtree(clean / ".cache", ignore_errors=True)
    run([sys.executable, "-m", "mkdocs", "build"], clean)
    row["drop_equals_clean"] = tree_hash(ours / "site") == tree_hash(clean / "site")
    for i in range(runs):
        (content / f"dropped-{i}.txt").unlink()
    return row


def _drop_project(n: int, work: Path) -> tuple[Path, Path, Path]:
    """The N-article corpus for the drop figures (written once, kept), without earlier drops,
    and the digest project that builds it: (folder, content, project)."""
    base = work / f"n{n}"
    content = base / "corpus"
    if not content.exists():
        write_corpus(n, content)
    for stale in content.glob("dropped-*.txt"):
        stale.unlink()
    return base, content, project(base / "digest", content)


def settle() -> None:
    """Wait until the builds' files are on disk before drops are timed. A cold build at 10,000
    articles leaves gigabytes for the kernel to write back, and a drop timed meanwhile pays for it,
    in wall and CPU time alike (writeback and reclaim run in its time, and it syncs its own files):
    measured here, back to back, drops of 4.15-5.19 s right after the cold build against 3.42-4.24 s
    after settle. A user drops an article long after the last full build."""
    os.sync()
    time.sleep(1)


def drop_one(n: int, runs: int, work: Path) -> None:
    """Only the "drop one article" figures (`--drop-only`): a warm build of N articles, then
    `runs` times one new article and `mkdocs build --dirty`, timed (wall seconds, and the CPU
    seconds the build used, which a loaded machine disturbs less); the median. Then one more
    article, built with `-v` for the stage breakdown digest logs (generator stages, then
    MkDocs' own work): it is not timed with the others, as -v makes MkDocs log a line per page.
    Finally whether the site equals a clean build of the same content."""
    base, content, ours = _drop_project(n, work)
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    shutil.rmtree(ours / "site", ignore_errors=True)
    cold, _ = run([sys.executable, "-m", "mkdocs", "build"], ours)
    settle()
    drops: list[tuple[float, float]] = []
    for i in range(runs + 1):
        text = article(n + i, ["Mark Rutte", "Friedrich Merz"], random.Random(i), dt.date(2030, 1, 1))
        (content / f"dropped-{i}.txt").write_text(text, encoding="utf-8")
        if i < runs:
            drops.append(run_cpu([sys.executable, "-m", "mkdocs", "build", "--dirty"], ours))
        else:
            _, _, log = run_logged([sys.executable, "-m", "mkdocs", "build", "--dirty", "-v"], ours)
            breakdown = stage_lines(log)
    drops.sort(key=lambda d: d[0])
    median_s, median_cpu = drops[len(drops) // 2]
    clean = project(base / "clean", content)
    shutil.rmtree(clean / "site", ignore_errors=True)
    shutil.rmtree(clean / ".cache", ignore_errors=True)
    run([sys.executable, "-m", "mkdocs", "build"], clean)
    same = tree_hash(ours / "site") == tree_hash(clean / "site")
    for i in range(runs + 1):
        (content / f"dropped-{i}.txt").unlink()
    print(f"  {n:,} articles: cold build {cold:.1f} s; drop one, `mkdocs build --dirty`: median {median_s:.2f} s "
          f"(CPU {median_cpu:.2f} s) of {runs} ({', '.join(f'{d[0]:.2f}' for d in drops)}); "
          f"site equals a clean build: {'yes' if same else 'NO'}")
    print(f"    breakdown of one more drop, built with -v: {breakdown}", flush=True)


def drop_serve(n: int, runs: int, work: Path) -> None:
    """`--drop-only --serve`: the same drops under `mkdocs serve --dirty`, timed from the moment
    the file is written into content/ to the moment serve logs that the rebuilt site is on disk
    ("Reloading browsers", right after the build), so the watcher's delay is counted; the median
    of `runs`, with the CPU seconds the server process used meanwhile (not the search index's own
    process, which runs beside it)."""
    base, content, ours = _drop_project(n, work)
    port = 8800 + os.getpid() % 1000
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=ours,
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []  # (when read, line) of the server's log

    def read() -> None:
        for line in proc.stderr:
            lines.append((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, after: int, timeout: float) -> tuple[float, int]:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for i in range(after, len(lines)):
                if text in lines[i][1]:
                    return lines[i][0], i + 1
            if proc.poll() is not None:
                raise SystemExit("mkdocs serve stopped:\n" + "".join(l for _, l in lines[-40:]))
            time.sleep(0.02)
        raise SystemExit(f"mkdocs serve: no '{text}' in {timeout:.0f} s:\n" + "".join(l for _, l in lines[-40:]))

    try:
        _, seen = wait_for("Serving on", 0, 1800)
        times = []
        for i in range(runs):
            time.sleep(1.0)
            text = article(n + 100 + i, ["Mark Rutte", "Friedrich Merz"], random.Random(100 + i), dt.date(2030, 1, 1))
            cpu = process_cpu(proc.pid)
            start = time.perf_counter()
            (content / f"dropped-serve-{i}.txt").write_text(text, encoding="utf-8")
            done, seen = wait_for("Reloading browsers", seen, 600)
            times.append((done - start, process_cpu(proc.pid) - cpu))
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        for stale in content.glob("dropped-serve-*.txt"):
            stale.unlink()
    times.sort()
    median_s, median_cpu = times[len(times) // 2]
    print(f"  {n:,} articles: drop one, `mkdocs serve --dirty` (file written to rebuilt site on disk): median "
          f"{median_s:.2f} s (CPU of the server process {median_cpu:.2f} s) of {runs} "
          f"({', '.join(f'{t[0]:.2f}' for t in times)})", flush=True)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux), its own threads only."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_cpu(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, with the processes it waited for) of a command."""
    elapsed, usage = _run(cmd, cwd)
    return elapsed, usage.ru_utime + usage.ru_stime


def run_logged(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """`run`, keeping the command's output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{text[-4000:]}")
    return elapsed, usage.ru_maxrss // 1024, text


def stage_lines(log: str) -> str:
    """The stage times digest logs with -v (generator stages, then the build's own)."""
    found = re.findall(r"digest: (?:stage|build) times: (.*)", log)
    return "; ".join(found) or "(no stage times logged)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "digest-bench")
    parser.add_argument("--stages-only", action="store_true", help="only the per-file stage split")
    parser.add_argument("--search-only", action="store_true", help="only the first-search figures, several queries")
    parser.add_argument("--stories-only", action="store_true", help="only the story clustering's time (beside one cold build)")
    parser.add_argument("--size-only", action="store_true", help="only the site's size per article, one cold build")
    parser.add_argument("--drop-only", action="store_true", help="only the drop-one-article figures, with a breakdown")
    parser.add_argument("--serve", action="store_true", help="with --drop-only: the drops under `mkdocs serve --dirty`")
    parser.add_argument("--corpus", type=Path, help="with --size-only: measure this content folder instead")
    parser.add_argument("--entities-only", action="store_true", help="only entity extraction on the CoNLL dev set")
    args = parser.parse_args()
    if args.entities_only:
        print_entity_speed(args.runs)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.size_only:
        if args.corpus:
            print_sizes(args.corpus.name, args.corpus.resolve(), args.work / f"size-{args.corpus.name}")
        for n in [] if args.corpus else sizes:
            content = args.work / f"n{n}" / "corpus"
            if not content.exists():
                write_corpus(n, content)
            print_sizes(f"{n:,} synthetic", content, args.work / f"n{n}" / "size")
        return
    if args.drop_only:
        for n in sizes:
            if args.serve:
                drop_serve(n, args.runs, args.work)
            else:
                drop_one(n, args.runs, args.work)
        return
    if args.search_only:
        for n in sizes:
            search_figures(n, args.work)
        return
    if args.stories_only:
        for n in sizes:
            content = args.work / f"n{n}" / "corpus"
            if not content.exists():
                write_corpus(n, content)
            ours = project(args.work / f"n{n}" / "digest", content)
            shutil.rmtree(ours / ".cache", ignore_errors=True)
            shutil.rmtree(ours / "site", ignore_errors=True)
            build_s, _ = run([sys.executable, "-m", "mkdocs", "build"], ours)
            print_stories(n, stories_time(content), build_s)
        return
    if args.stages_only:
        for n in sizes:
            content = args.work / f"n{n}" / "corpus"
            if not content.exists():
                write_corpus(n, content)
            print_stage_splits(content, n, args.runs)
        print_entity_speed_apart(args.runs)
        return
    load = os.getloadavg()
    print(f"digest bench: {os.cpu_count()} cores, load {load[0]:.1f}; medians of {args.runs} runs; work folder {args.work}")
    rows = []
    for n in sizes:
        row = bench_size(n, args.runs, args.work)
        rows.append(row)
        print(f"  {n:,} articles done", flush=True)
    header = ("articles", "pages", "generator art/s", "build s", "build pages/s", "plain MkDocs pages/s",
              "ours/plain", "peak MB", "site MB", "KB/article", "home KB", "1st search KB", "typo search KB", "search s", "drop-to-site s", "drop = clean")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join([
            f"{r['articles']:,}", f"{r['pages']:,}", f"{r['generator_articles_s']:.0f}", f"{r['build_s']:.1f}",
            f"{r['build_pages_s']:.0f}", f"{r['plain_pages_s']:.0f}", f"{r['build_pages_s'] / r['plain_pages_s']:.2f}",
            f"{r['peak_mb']:,}", f"{r['site_mb']:.0f}", f"{r['kb_per_article']:.1f}", f"{r['home_kb']:.0f}", f"{r['search_kb']:.0f}", f"{r['typo_kb']:.0f}",
            f"{r['search_s']:.2f}", f"{r['drop_s']:.1f}", "yes" if r["drop_equals_clean"] else "NO",
        ]) + " |")
    for r in rows:
        print_stage_splits(args.work / f"n{r['articles']}" / "corpus", r["articles"], args.runs)
        print_stories(r["articles"], r["stories"], r["build_s"])
    print_entity_speed_apart(args.runs)


if __name__ == "__main__":
    main()
