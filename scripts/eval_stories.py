"""Story clustering against stories labelled by Wikipedia editors: B-cubed precision, recall and F1.

    .venv/bin/python scripts/eval_stories.py [--tune]

Data: `../shared/eval/topics/current_events.jsonl`, event summaries from Wikipedia's Portal:Current
events, 2025-01-01 to 2026-08-22 (Wikipedia contributors, CC BY-SA 4.0; via github.com/fordred/wikinews
@ 0441f5273b8763fa543a6148b97efbbbae37b371, prepared by that folder's prepare.py). Each record's
`title` is the chain of story bullets it sits under ("Middle Eastern crisis > 2026 Iran war"): records
with the same chain are one story. Records without a chain (938 of 3,253) are left out: which story
they belong to is not stated, and as 938 one-article stories they would let "every article alone"
score an F1 of 0.87. Its `date` is the portal's day. Each summary becomes an article whose title is its first sentence (at most 16 words)
and whose body is the summary; it goes through the real entity and topic stages.

The stories (not the records) are split once into two halves with a fixed seed: the clustering's
constants were tuned on the development half only (`--tune` searches them there); the held-out half
is only ever scored. Each half is clustered as a corpus of its own, and once more with every date
removed (content alone, as for undated articles).

B-cubed (Bagga and Baldwin 1998): for each article, precision is the share of its predicted story
that shares its gold story, recall the share of its gold story that shares its predicted story;
averaged over articles. Mixing two events costs precision, splitting one costs recall. Exit status
1 when the held-out half misses the targets (F1 >= 0.80, precision >= 0.90).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.enrich import enrich_corpus, stories  # noqa: E402
from generator.enrich.entities import load_rules  # noqa: E402
from generator.enrich.topics import load_taxonomy  # noqa: E402
from generator.model import Article, Paragraph  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "topics" / "current_events.jsonl"
SEED = 16
TARGET_F1, TARGET_PRECISION = 0.80, 0.90
TITLE_WORDS = 16
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclasses.dataclass(frozen=True)
class Event:
    id: str
    story: str  # the gold story: the title chain
    date: dt.date | None
    text: str


def load() -> list[Event]:
    events = []
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
            if r["title"]:
                events.append(Event(r["id"], r["title"], date, r["text"]))
    return events


def split(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """Development and held-out halves, by story, fixed by SEED."""
    names = sorted({e.story for e in events})
    random.Random(SEED).shuffle(names)
    dev = set(names[: len(names) // 2])
    return [e for e in events if e.story in dev], [e for e in events if e.story not in dev]


def to_article(event: Event) -> Article:
    first = _SENTENCE.split(event.text, maxsplit=1)[0]
    words = first.split()
    title = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return Article(source=f"{event.id}.txt", source_sha256=hashlib.sha256(event.text.encode()).hexdigest(),
                   title=title, blocks=(Paragraph(event.text),), date=event.date, language="en",
                   word_count=len(event.text.split()))


def b_cubed(gold: list[str], predicted: list[int]) -> tuple[float, float, float]:
    pairs = Counter(zip(gold, predicted))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(c * c / predicted_sizes[p] for (_, p), c in pairs.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in pairs.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def prepare(events: list[Event], rules, taxonomy) -> list[stories.StoryInput]:
    articles = enrich_corpus([to_article(e) for e in events], rules, taxonomy)
    return [stories.story_input(a) for a in articles]


def score(events: list[Event], inputs: list[stories.StoryInput]) -> tuple[float, float, float]:
    return b_cubed([e.story for e in events], stories.cluster(inputs))


def close_pairs(events: list[Event], predicted: list[int], days: int = 3) -> tuple[int, int]:
    """Pairs of one gold story at most `days` apart (one event's follow-ups, most likely): how many share a story."""
    by_story: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        by_story.setdefault(e.story, []).append(i)
    joined = total = 0
    for members in by_story.values():
        for a, b in itertools.combinations(members, 2):
            if events[a].date and events[b].date and abs((events[a].date - events[b].date).days) <= days:
                total += 1
                joined += predicted[a] == predicted[b]
    return joined, total


def describe(name: str, events: list[Event], inputs, seconds: float | None = None) -> tuple[float, float, float]:
    p, r, f = score(events, inputs)
    joined, total = close_pairs(events, stories.cluster(inputs))
    _, alone, alone_f1 = b_cubed([e.story for e in events], list(range(len(events))))
    multi = sum(1 for c in Counter(e.story for e in events).values() if c > 1)
    print(f"  {name:9} {len(events):5} articles {len(set(e.story for e in events)):5} stories ({multi} of 2+)"
          f"  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}" + (f"  ({seconds:.2f} s)" if seconds else ""))
    print(f"  {'':9} (every article alone would score recall {alone:.3f}, F1 {alone_f1:.3f}); "
          f"pairs of one story <= 3 days apart in one predicted story: {joined} of {total}")
    return p, r, f


def tune(events: list[Event], inputs) -> None:
    """A grid over the constants on the development half, best F1 among those with precision >= target."""
    grid = {
        "JOIN_SIMILARITY": [0.3, 0.4, 0.5, 0.6],
        "PLACE_WEIGHT": [0.5, 0.8],
        "ENTITY_WEIGHT": [0.6, 1.0, 1.5],
        "GAP_DAYS": [1, 3, 7],
        "HALF_LIFE_DAYS": [3.0, 7.0, 21.0, 60.0],
    }
    original = {k: getattr(stories, k) for k in grid}
    results = []
    for values in itertools.product(*grid.values()):
        for k, v in zip(grid, values):
            setattr(stories, k, v)
        # PLACE_WEIGHT enters the raw entity weights, so the inputs are rebuilt for it
        p, r, f = score(events, inputs[values[1]])
        results.append((p >= TARGET_PRECISION, f, p, r, dict(zip(grid, values))))
    for k, v in original.items():
        setattr(stories, k, v)
    results.sort(key=lambda x: (x[0], x[1]), reverse=True)
    for ok, f, p, r, params in results[:10]:
        print(f"  F1 {f:.3f} P {p:.3f} R {r:.3f} {params}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="search the constants on the development half")
    args = parser.parse_args()
    rules, _ = load_rules(None)
    taxonomy, _ = load_taxonomy(None)
    dev, held = split(load())
    print(f"Story clustering on Wikipedia Current events ({DATA.name}, CC BY-SA 4.0), halves split by story, seed {SEED}")
    if args.tune:
        by_place = {}
        for weight in (0.5, 0.8):
            stories.PLACE_WEIGHT = weight
            by_place[weight] = prepare(dev, rules, taxonomy)
        tune(dev, by_place)
        return 0
    results = {}
    for name, events in (("develop", dev), ("held-out", held)):
        inputs = prepare(events, rules, taxonomy)
        start = time.perf_counter()
        stories.cluster(inputs)
        results[name] = describe(name, events, inputs, time.perf_counter() - start)
        describe("  undated", events, [dataclasses.replace(i, date=None) for i in inputs])
    p, _, f = results["held-out"]
    met = f >= TARGET_F1 and p >= TARGET_PRECISION
    print(f"  targets (held-out): F1 >= {TARGET_F1}, precision >= {TARGET_PRECISION}: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
