"""Topic accuracy on the labeled articles in tests/fixtures/topics, and the speed of the topics stage.

    .venv/bin/python scripts/eval_topics.py [--scale N]

Speed is given for both phases: analyse_article (per article, cached per file in a build)
and finish_corpus (once per build, over the whole collection).

The articles were written for this set: two for each of the 17 IPTC top-level topics,
borderline cases (a sports business deal, a court case about a politician, a deadly storm,
a nurses' strike, vaccine research, a climate protest) and one that should get no topic.
They go through the real pipeline (reader, metadata, entity stage, topic stage) with the
default taxonomy. Exit status 1 when accuracy falls below the target.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import config_from_dict  # noqa: E402
from generator.discover import discover  # noqa: E402
from generator.enrich import enrich_corpus  # noqa: E402
from generator.enrich.entities import load_rules  # noqa: E402
from generator.enrich.topics import analyse_article, finish_corpus, load_taxonomy  # noqa: E402
from generator.enrich.topics.explain import rule  # noqa: E402
from generator.pipeline import read_articles  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "topics"
SAMPLE = ROOT / "content"
TARGET = 0.9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=25, help="copies of the set for the speed run (default 25)")
    args = parser.parse_args()

    config = config_from_dict({})
    taxonomy, problems = load_taxonomy(None)  # the packaged default alone
    rules, _ = load_rules(None)
    labels = yaml.safe_load((FIXTURES / "labels.yml").read_text(encoding="utf-8"))
    files, _ = discover(FIXTURES / "articles")
    articles, _ = read_articles(files, config)
    articles = enrich_corpus(articles, rules, taxonomy)
    by_source = {a.source: a for a in articles}

    print("Topics: main-topic accuracy on tests/fixtures/topics (articles written for the set, default IPTC taxonomy)")
    print("Rule: " + rule(taxonomy))
    print("Counted right when the article's first topic is the labeled main topic (or it has no topic, when labeled none).")
    right, also_found, also_total, wrong = 0, 0, 0, []
    for name in sorted(labels):
        article = by_source[name]
        expected = labels[name].get("main")
        got = article.topic_names[0] if article.topics else None
        right += got == expected
        if got != expected:
            wrong.append(f"  {name}: expected {expected!r}, got {article.topic_names or 'no topic'}")
        for other in labels[name].get("also") or ():
            also_total += 1
            also_found += other in article.topic_names
    accuracy = right / len(labels)
    print(f"main topic right: {right}/{len(labels)} = {accuracy:.1%} (target {TARGET:.0%})")
    if also_total:
        print(f"second topics of borderline cases found: {also_found}/{also_total}")
    print("\n".join(wrong) if wrong else "  no mistakes")

    sample_dir_taxonomy, _ = load_taxonomy(SAMPLE / "topics.yml")
    sample_files = [f for f in discover(SAMPLE)[0] if f.source.startswith("000_")]
    sample, _ = read_articles(sample_files, config)
    sample = enrich_corpus(sample, rules, sample_dir_taxonomy)
    if sample:
        print(f"sample article {sample[0].source}: {sample[0].topic_names}")

    copies = [dataclasses.replace(a, source=f"{i}/{a.source}", topics=(), tags=(), related=(), given_keys=frozenset())
              for i in range(args.scale) for a in articles]
    start = time.perf_counter()
    analyses = [analyse_article(a, taxonomy) for a in copies]
    analysed = time.perf_counter()
    finish_corpus(copies, analyses, taxonomy)
    finished = time.perf_counter()
    words = sum(a.word_count for a in articles) / len(articles)
    print(f"speed on {len(copies):,} articles of {words:.0f} words: analyse_article {len(copies) / (analysed - start):,.0f} "
          f"articles/s, finish_corpus {finished - analysed:.2f} s (scripts/corpus.py makes longer ones for benchmarks)")
    return 0 if accuracy >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
