"""What a reader would trip over, on a digest built from a mixed real corpus (`make audit`).

A tool, not a test: it prints counts with examples for a person to read. The corpus is
everything openly licensed at hand, written into a temporary content folder as the files a
user would drop there, and built by the real generator (`generator.pipeline.generate`):
- Wikinews articles in English and Italian (../shared/eval/topics/wikinews.jsonl, CC BY 2.5),
  each a .txt file: title line, then the text in paragraphs of a few sentences;
- the CoNLL-2003 English development documents (../shared/eval/conll2003/eng.testa, Reuters
  1996 wire text), each a .txt file as scripts/eval_entities.py writes them;
- the sample article shipped in content/.

Each module in scripts/audit_checks/ defines `report(generation) -> list[str]` and is run in
name order; its lines are printed under the module's name.

    .venv/bin/python scripts/audit.py [--keep DIR] [--only NAME]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_entities import DATA as CONLL_DEV, article_text, read_conll  # noqa: E402
from generator.config import config_from_dict  # noqa: E402
from generator.pipeline import generate  # noqa: E402

WIKINEWS = ROOT.parent / "shared" / "eval" / "topics" / "wikinews.jsonl"
CHECKS = ROOT / "scripts" / "audit_checks"
# (not after an initial: "George W. Bush" must not end a paragraph)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[\"”»]?\s+(?=[\"“«]?[A-ZÀ-Ý])")


def wikinews_text(record: dict) -> str:
    """A Wikinews record as a scraped .txt article: title, blank line, paragraphs of three sentences."""
    sentences = _SENTENCE_END.split(record["text"].strip())
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return record["title"].strip() + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(content: Path) -> dict[str, int]:
    """The audit corpus as files in `content`; returns how many files came from each source."""
    counts = {"wikinews": 0, "conll-dev": 0, "sample": 0}
    if WIKINEWS.is_file():
        for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            name = re.sub(r"[^A-Za-z0-9-]+", "-", record["id"])
            (content / f"{name}.txt").write_text(wikinews_text(record), encoding="utf-8")
            counts["wikinews"] += 1
    if CONLL_DEV.is_file():
        for i, doc in enumerate(read_conll(CONLL_DEV)):
            (content / f"conll-dev-{i:04d}.txt").write_text(article_text(doc), encoding="utf-8")
            counts["conll-dev"] += 1
    for sample in sorted((ROOT / "content").glob("*.txt")):
        shutil.copy(sample, content / f"sample-{sample.name}")
        counts["sample"] += 1
    return counts


def load_checks(only: str | None) -> list[tuple[str, object]]:
    checks = []
    for path in sorted(CHECKS.glob("*.py")):
        if path.name.startswith("_") or (only and path.stem != only):
            continue
        spec = importlib.util.spec_from_file_location(f"audit_checks.{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        checks.append((path.stem, module))
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write the corpus into DIR and keep it (for mkdocs serve)")
    parser.add_argument("--only", help="run only this check module (e.g. entities)")
    args = parser.parse_args()
    checks = load_checks(args.only)
    with tempfile.TemporaryDirectory() as tmp:
        content = args.keep or Path(tmp) / "content"
        content.mkdir(parents=True, exist_ok=True)
        counts = write_corpus(content)
        started = time.perf_counter()
        generation = generate(content, config_from_dict({}))
        seconds = time.perf_counter() - started
    sources = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"Audit corpus: {len(generation.site.articles)} articles ({sources}); built in {seconds:.1f} s; "
          f"{len(generation.report.problems)} problems reported")
    for name, module in checks:
        print(f"\n== {name}")
        for line in module.report(generation):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
