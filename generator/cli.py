"""The `digest` command: the same pipeline as the MkDocs plugin, from a terminal.

    digest generate [--content DIR] [--out DIR]   write the Markdown pages only
    digest check [--content DIR]                  read everything, report problems (exit 1 if any)
    digest build [MKDOCS ARGS]                    mkdocs build, with the generator inside
    digest serve [MKDOCS ARGS]                    mkdocs serve, reloading on new articles
    digest add FILE... [-]                        check articles, copy them into the content folder
    digest import FEED.xml...                     the items of saved RSS/Atom feeds as articles
    digest explain FILE                           which words and entities gave an article its topics

Exit codes: 0 success, 1 problems found (check, or --strict), 2 bad usage or a failed build.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import __version__, commands
from .commands.explain import explain_file
from .config import load_for_cli
from .pipeline import generate
from .progress import reading_progress
from .writer import OutputFolderError, write_pages


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Briefing digests: articles in, a searchable site out.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="mkdocs.yml to read the digest plugin options from (default: ./mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gen = sub.add_parser("generate", help="write the generated Markdown pages (articles and index pages)")
    gen.add_argument("--content", help="the folder of articles (default: the plugin's content_dir)")
    gen.add_argument("--out", type=Path, default=Path("out"), help="where to write the pages (default: ./out)")
    gen.add_argument("--strict", action="store_true", help="exit 1 when any file had a problem")

    check = sub.add_parser("check", help="read every article and report problems without building")
    check.add_argument("--content", help="the folder of articles (default: the plugin's content_dir)")

    commands.add_parsers(sub)  # add, import
    explain = sub.add_parser("explain", help="show which words, phrases and entities gave an article its topics")
    explain.add_argument("file", type=Path, help="the article file")
    explain.add_argument("--content", help="the folder with topics.yml and entities.yml (default: the plugin's content_dir)")
    for name in ("build", "serve"):
        p = sub.add_parser(name, help=f"run `mkdocs {name}` with the generator inside", add_help=False)
        p.add_argument("mkdocs_args", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in ("build", "serve"):
        cmd = [sys.executable, "-m", "mkdocs", args.command, "-f", str(args.config_file), *args.mkdocs_args]
        return 0 if subprocess.call(cmd) == 0 else 2

    try:
        config, site_info = load_for_cli(args.config_file)
    except (ValueError, OSError) as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 2
    content_dir = Path(args.content).resolve() if args.content else Path(config.content_dir)
    if not content_dir.is_dir():
        print(f"digest: content folder not found: {content_dir}", file=sys.stderr)
        return 2
    if args.command in commands.NAMES:
        return commands.run(args, content_dir, config, progress=reading_progress)
    if args.command == "explain":
        text, problems = explain_file(args.file, content_dir, config)
        for problem in problems:
            print(problem, file=sys.stderr)
        if text is not None:
            print(text, end="")
        return 0 if text is not None else 2

    generation = generate(content_dir, config, site_info, cache_dir=Path(config.cache_dir), progress=reading_progress)
    report = generation.report
    for line in report.lines() + report.note_lines():
        print(line, file=sys.stderr)

    if args.command == "check":
        print(f"digest check: {report.summary()}", file=sys.stderr)
        return 1 if report.failed else 0

    try:
        stats = write_pages(generation.pages, args.out)
    except OutputFolderError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 2
    print(
        f"digest generate: {report.summary()}; wrote {stats.written}, unchanged {stats.unchanged}, "
        f"removed {len(stats.removed)} in {args.out}",
        file=sys.stderr,
    )
    return 1 if (args.strict and report.failed) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
