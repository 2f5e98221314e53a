"""The ``policy-atlas`` command: the same core functions as the MkDocs plugin, from a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.corpus import normalise
from .core.model import PolicyAtlasError, Severity


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policy-atlas", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path("."), help="project root (default: current directory)")
    parser.add_argument("--sources", type=Path, help="raw policies (default: PROJECT/source_policies)")
    parser.add_argument("--pages", type=Path, help="generated policy pages (default: PROJECT/docs/policies)")
    commands = parser.add_subparsers(dest="command", required=True)
    norm = commands.add_parser("normalise", help="write docs/policies/<slug>.md for every new or changed source")
    norm.add_argument("slugs", nargs="*", help="only these schools (default: all)")
    norm.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    norm.add_argument("--quiet", action="store_true", help="print only problems")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources = args.sources or args.project / "source_policies"
    pages = args.pages or args.project / "docs" / "policies"
    try:
        return _normalise(sources, pages, args.force, tuple(args.slugs), args.quiet)
    except PolicyAtlasError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _normalise(sources: Path, pages: Path, force: bool, only: tuple[str, ...], quiet: bool) -> int:
    results, problems = normalise(sources, pages, force=force, only=only)
    status = 0
    for problem in problems:
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
        if problem.severity is Severity.ERROR:
            status = 1
    for result in results:
        if result.action == "refused":
            print(f"refused: {result.page}: {result.reason}", file=sys.stderr)
            status = 1
        elif not quiet:
            print(f"{result.action}: {result.page} ({result.reason})")
            for note in result.notes:
                print(f"  note: {note}")
    return status


if __name__ == "__main__":
    sys.exit(main())
