"""Fix the held-out part of the Wikinews topic set once: `scripts/data/topics_heldout.txt`.

    .venv/bin/python scripts/topic_split.py   # writes the file; it is committed, so the split never moves

Data: `../shared/eval/topics/wikinews.jsonl` (Wikinews English and Italian, CC BY 2.5; see that folder's
README for source, commit and licence). A third of each language's articles, drawn by article id with a
fixed seed, is held out: `scripts/train_topics.py` never trains on them and nothing is tuned on them;
`scripts/eval_topics.py` reports on them. Only the ids are written.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "eval" / "topics" / "wikinews.jsonl"
HELDOUT = ROOT / "scripts" / "data" / "topics_heldout.txt"
SEED = 20261204
SHARE = 1 / 3


def main() -> None:
    by_language: dict[str, list[str]] = {}
    for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_language.setdefault(record["language"], []).append(record["id"])
    held: list[str] = []
    for language in sorted(by_language):
        ids = sorted(by_language[language])
        random.Random(f"{SEED}-{language}").shuffle(ids)
        held += ids[: round(len(ids) * SHARE)]
    HELDOUT.write_text("".join(f"{i}\n" for i in sorted(held)), encoding="utf-8")
    print(f"{len(held)} held-out article ids -> {HELDOUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
