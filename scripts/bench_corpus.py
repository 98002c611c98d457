"""The corpus stage (`enrich.finish_corpus`) alone: cold, and with the last build's memo after one
article is added, removed or changed; each memoised result checked against a memo-less run.

`python scripts/bench_corpus.py [--n 10000] [--runs 3] [--fresh] [--profile SCENARIO]`

The N synthetic articles of scripts/corpus.py (the corpus `make bench` drops into) are read and
analysed once (the per-file stage) and kept in a pickle in /tmp, keyed by N (`--fresh` redoes
it, e.g. after the per-file code changed). Then, in CPU seconds of this process (medians of
`--runs`), with the stage clock `finish_corpus` reports:
- cold: no memo (the first build, or one after the code or the options changed);
- add: the N articles and one new one (the article `make bench --drop-only` drops), given the
  cold run's memo as the corpus state keeps it (pickled, loaded again each run);
- remove: the N articles less one; change: one of them rewritten under the same file name.
Each memoised result must equal a memo-less run on the same articles (it is checked); the
memo's pickled size and the CPU seconds to load and save it are printed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import random
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from corpus import _people, article, write_corpus  # noqa: E402

from generator.config import config_from_dict  # noqa: E402
from generator.enrich import EnrichContext, analyse_article, finish_corpus  # noqa: E402
from generator.enrich.memo import CorpusMemo  # noqa: E402
from generator.metadata import resolve  # noqa: E402
from generator.nogc import no_cycle_collection  # noqa: E402
from generator.pipeline import load_taxonomies  # noqa: E402
from generator.readers import read_bytes  # noqa: E402

WORK = Path("/tmp/digest-bench-corpus")
CLOCK = time.process_time  # CPU seconds: other processes on the machine do not count


def _context() -> EnrichContext:
    rules, taxonomy, _ = load_taxonomies(REPO / "content")
    return EnrichContext(rules, taxonomy)


_CONTEXT: EnrichContext | None = None


def _prepare_one(item: tuple[str, bytes]):
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = _context()
    article_, _ = resolve(read_bytes(*item), config_from_dict({}))
    return article_, analyse_article(article_, _CONTEXT)


def prepare(items: list[tuple[str, bytes]], workers: int = 2) -> list:
    with Pool(workers) as pool:
        return pool.map(_prepare_one, items, chunksize=64)


def inputs(n: int, fresh: bool) -> tuple[list, list, tuple, tuple]:
    """(articles, analyses) of the corpus; the article to add; a rewritten version of one of them."""
    cached = WORK / f"prepared-{n}.pkl"
    if cached.exists() and not fresh:
        return pickle.loads(cached.read_bytes())
    folder = WORK / f"corpus-{n}"
    if not folder.exists():
        write_corpus(n, folder)
    items = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt"))[:n]]
    start = time.perf_counter()
    done = prepare(items)
    print(f"(per-file stage on {n:,} articles: {time.perf_counter() - start:.0f} s, kept in {cached})", flush=True)
    # The article `make bench --drop-only` drops first, and article 37 rewritten under its own name.
    added = (f"dropped-0.txt", article(n, ["Mark Rutte", "Friedrich Merz"], random.Random(0),
                                        dt.date(2030, 1, 1)).encode())
    people = _people(random.Random(7), 600)
    changed = (items[37][0], article(37, people, random.Random(99), dt.date(2023, 1, 13)).encode())
    extra = prepare([added, changed], 1)
    out = ([a for a, _ in done], [x for _, x in done], extra[0], extra[1])
    WORK.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def run(articles, analyses, context, known: bytes | None):
    """One corpus stage: CPU seconds in all, per stage, the articles, the memo's pickle and its load and save CPU."""
    laps: list[tuple[str, float]] = []
    with no_cycle_collection():  # as the pipeline loads the corpus state and runs the stage
        t0 = CLOCK()
        memo = CorpusMemo(pickle.loads(known) if known is not None else None)
        t1 = CLOCK()
        out, t2 = _finish(articles, analyses, context, memo, laps, t1)
        kept = pickle.dumps(memo.tables(), protocol=pickle.HIGHEST_PROTOCOL)
        t3 = CLOCK()
    return {"total": t2 - t1, "laps": laps, "articles": out, "kept": kept, "load": t1 - t0, "save": t3 - t2}


def _finish(articles, analyses, context, memo, laps, start):
    last = [start]

    def lap(stage: str) -> None:
        now = CLOCK()
        laps.append((stage, now - last[0]))
        last[0] = now

    out = finish_corpus(articles, analyses, context, memo, lap)
    return out, CLOCK()


def scenario(name: str, articles, analyses, context, known: bytes | None, runs: int, check: bool = True) -> dict:
    results = [run(articles, analyses, context, known) for _ in range(runs)]
    if check:
        with no_cycle_collection():
            clean = finish_corpus(articles, analyses, context)
        same = results[0]["articles"] == clean
    else:
        same = True
    stages = {}
    for stage, _ in results[0]["laps"]:
        stages[stage] = statistics.median(dict(r["laps"])[stage] for r in results)
    total = statistics.median(r["total"] for r in results)
    load = statistics.median(r["load"] for r in results)
    save = statistics.median(r["save"] for r in results)
    print(f"  {name:7s} {total:6.2f} s  (" + ", ".join(f"{s} {t:.3f}" for s, t in stages.items()) + ")"
          + (f"; memo load {load:.3f} s, save {save:.3f} s" if known is not None else "")
          + ("" if same else "   *** DIFFERS FROM A CLEAN RUN ***"), flush=True)
    if not same:
        raise SystemExit(f"{name}: the memoised result differs from a clean run")
    return results[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--profile", choices=("cold", "add", "remove", "change"))
    args = parser.parse_args()
    articles, analyses, (new, new_analysis), (edited, edited_analysis) = inputs(args.n, args.fresh)
    context = _context()
    with no_cycle_collection():
        finish_corpus(articles[:50], analyses[:50], context)  # models and tables loaded once, before the clock
    cases = {
        "add": (articles + [new], analyses + [new_analysis]),
        "remove": (articles[:500] + articles[501:], analyses[:500] + analyses[501:]),
        "change": ([edited if a.source == edited.source else a for a in articles],
                   [edited_analysis if a.source == edited.source else x for a, x in zip(articles, analyses)]),
    }
    print(f"{args.n:,} articles, CPU seconds, medians of {args.runs}:")
    cold = scenario("cold", articles, analyses, context, None, args.runs, check=False)
    known = cold["kept"]
    if args.profile:
        import cProfile
        import pstats
        subject = (articles, analyses) if args.profile == "cold" else cases[args.profile]
        profiler = cProfile.Profile()
        profiler.enable()
        run(*subject, context, None if args.profile == "cold" else known)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    for name, (arts, ans) in cases.items():
        scenario(name, arts, ans, context, known, args.runs)
    with no_cycle_collection():  # as the pipeline loads the corpus state
        t0 = CLOCK()
        for _ in range(args.runs):
            pickle.loads(known)
        load = (CLOCK() - t0) / args.runs
    tables = pickle.loads(known)
    sizes = ", ".join(f"{name} {len(pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6:.2f} MB"
                      for name, t in tables.items())
    print(f"  memo: {len(known) / 1e6:.2f} MB pickled ({sizes}); load {load:.3f} s CPU")


if __name__ == "__main__":
    main()
