"""Speed of entity extraction's two passes on a folder of articles (a script, not a test).

    .venv/bin/python scripts/corpus.py 2000 /tmp/ent-bench/content
    .venv/bin/python scripts/bench_entities.py /tmp/ent-bench/content [content/entities.yml]

Prints, best of 3 on one core: pass one (`analyse_article`) in articles per second and the
size of a pickled analysis; pass two (`resolve_corpus`) on 10,000 analyses (the folder's,
repeated), without rules and with the given `entities.yml`. Also the load average: the
figures mean little on a busy machine.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import config_from_dict  # noqa: E402
from generator.discover import discover  # noqa: E402
from generator.enrich.entities import EntityRules, analyse_article, load_rules, resolve_corpus  # noqa: E402
from generator.enrich.entities.gazetteer import gazetteer  # noqa: E402
from generator.pipeline import read_articles  # noqa: E402

CORPUS_SIZE = 10_000


def best_of_3(run) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    folder = Path(sys.argv[1])
    rules_file = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    files, _ = discover(folder)
    articles, _ = read_articles(files, config_from_dict({}))
    if not articles:
        print(f"no articles in {folder}")
        return 1
    words = sum(a.word_count for a in articles) / len(articles)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(articles)} articles of {words:.0f} words on average; load average {load}")
    started = time.perf_counter()
    gazetteer()
    print(f"gazetteer loaded in {time.perf_counter() - started:.2f} s")

    analyses = []
    seconds = best_of_3(lambda: analyses.__setitem__(slice(None), [analyse_article(a) for a in articles]))
    sizes = [len(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for a in analyses]
    print(f"pass one: {len(articles) / seconds:,.0f} articles/s; pickled analysis {sum(sizes) / len(sizes):,.0f} B "
          f"on average, {max(sizes):,} B at most")

    repeat = CORPUS_SIZE // len(articles) + 1
    many_articles = (articles * repeat)[:CORPUS_SIZE]
    many_analyses = (analyses * repeat)[:CORPUS_SIZE]
    seconds = best_of_3(lambda: resolve_corpus(many_articles, many_analyses, EntityRules()))
    print(f"pass two: {seconds:.3f} s for {CORPUS_SIZE:,} articles")
    if rules_file is not None:
        rules, problems = load_rules(rules_file)
        seconds = best_of_3(lambda: resolve_corpus(many_articles, many_analyses, rules))
        print(f"pass two with the rules of {rules_file}: {seconds:.3f} s")
    print(f"load average now {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
