"""Subcommands that bring articles into the content folder: `digest add` and `digest import`.

    digest add FILE... [-]          check files and copy them into content/ under clean names
    digest import FEED.xml...       turn the items of saved RSS/Atom feeds into articles

Both print one line per new article on standard output: the file written and the URL
path of the page it becomes. Problems go to standard error. Neither ever changes a file
that is already in the content folder.

Exit codes: 0 when everything was added (for import: also when items were already
there), 1 when a file was refused (a duplicate, or not a readable article), 2 for
bad usage (a feed that cannot be read, a missing file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils import yaml_load

from ..config import DigestConfig
from .add import Incoming, Outcome, add_files, sniff_extension
from .corpus import Corpus, load_corpus
from .feeds import FeedError, feed_incoming, parse_feed

NAMES = ("add", "import")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser("add", help="check article files and copy them into the content folder")
    add.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md, .html); '-' reads standard input")
    add.add_argument("--name", help="file name for standard input, which sets its format (default: guessed)")
    add.add_argument("--content", help="the folder of articles (default: the plugin's content_dir)")
    add.add_argument("--dry-run", action="store_true", help="check and show what would happen; write nothing")

    imp = sub.add_parser("import", help="turn the items of saved RSS or Atom feeds into articles")
    imp.add_argument("feeds", nargs="+", metavar="FEED", help="saved feed files (RSS or Atom XML)")
    imp.add_argument("--content", help="the folder of articles (default: the plugin's content_dir)")
    imp.add_argument("--dry-run", action="store_true", help="check and show what would happen; write nothing")


def run(args: argparse.Namespace, content_dir: Path, config: DigestConfig, progress=None) -> int:
    directory_urls = _directory_urls(args.config_file)
    if args.command == "add":
        return _add(args, content_dir, config, directory_urls, progress)
    return _import(args, content_dir, config, directory_urls, progress)


def _add(args, content_dir: Path, config: DigestConfig, directory_urls: bool, progress) -> int:
    incoming: list[Incoming] = []
    for name in args.files:
        if name == "-":
            data = sys.stdin.buffer.read()
            incoming.append(Incoming(args.name or f"stdin{sniff_extension(data)}", data, label="standard input"))
            continue
        path = Path(name)
        if not path.is_file():
            print(f"digest add: {name}: no such file", file=sys.stderr)
            return 2
        incoming.append(Incoming(path.name, path.read_bytes(), label=name))
    corpus = load_corpus(content_dir, config, progress)
    outcomes = add_files(incoming, corpus, config, dry_run=args.dry_run, directory_urls=directory_urls)
    _print(outcomes, corpus, "add", args.dry_run)
    refused = sum(1 for o in outcomes if not o.added)
    added = len(outcomes) - refused
    print(f"digest add: {_count(added, 'article')} {'would be ' if args.dry_run else ''}added"
          + (f", {refused} refused" if refused else ""), file=sys.stderr)
    return 1 if refused else 0


def _import(args, content_dir: Path, config: DigestConfig, directory_urls: bool, progress) -> int:
    feeds = []
    for name in args.feeds:
        path = Path(name)
        if not path.is_file():
            print(f"digest import: {name}: no such file", file=sys.stderr)
            return 2
        try:
            feeds.append((name, *parse_feed(path.read_bytes())))
        except FeedError as exc:
            print(f"digest import: {name}: {exc}", file=sys.stderr)
            return 2
    corpus = load_corpus(content_dir, config, progress)
    added = present = failed = 0
    for name, title, items in feeds:
        incoming, skipped = feed_incoming(items)
        outcomes = add_files(incoming, corpus, config, dry_run=args.dry_run, directory_urls=directory_urls)
        _print(outcomes, corpus, "import", args.dry_run)
        for label, reason in skipped:
            print(f"digest import: {name}: skipped {label}: {reason}", file=sys.stderr)
        added += sum(1 for o in outcomes if o.added)
        present += sum(1 for o in outcomes if o.duplicate_of)
        failed += sum(1 for o in outcomes if o.refused and not o.duplicate_of)
        print(f"digest import: {name}{f' ({title})' if title else ''}: {_count(len(items), 'item')}", file=sys.stderr)
    summary = f"digest import: {_count(added, 'article')} {'would be ' if args.dry_run else ''}added"
    if present:
        summary += f", {present} already in {corpus.display('.').rstrip('/.') or '.'}"
    if failed:
        summary += f", {failed} refused"
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def _print(outcomes: list[Outcome], corpus: Corpus, command: str, dry_run: bool) -> None:
    for outcome in outcomes:
        if outcome.added:
            page = outcome.url if outcome.url is not None else "(no page)"
            print(f"{corpus.display(outcome.target)} -> {page}")
            for note in outcome.notes:
                print(f"digest {command}: {outcome.name}: {note}", file=sys.stderr)
        elif outcome.duplicate_of and command == "import":
            print(f"digest import: {outcome.name}: already there, {outcome.refused}", file=sys.stderr)
        else:
            print(f"digest {command}: {outcome.name}: refused: {outcome.refused}", file=sys.stderr)


def _directory_urls(mkdocs_yml: Path | None) -> bool:
    """`use_directory_urls` from mkdocs.yml (MkDocs' default: true)."""
    if mkdocs_yml is None or not Path(mkdocs_yml).is_file():
        return True
    with open(mkdocs_yml, encoding="utf-8") as fh:
        data = yaml_load(fh) or {}
    return bool(data.get("use_directory_urls", True))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
