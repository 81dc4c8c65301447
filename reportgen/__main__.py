"""CLI: ``python -m reportgen [--only NAME] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportgen.registry import REPORTS


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m reportgen", description="Typeset the sample annual-report PDFs."
    )
    parser.add_argument("--only", choices=sorted(REPORTS), help="build just this report")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output directory (default: each report's own: raw_reports/, tests/fixtures/reports/)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [args.only] if args.only else sorted(REPORTS)
    for name in names:
        out_path, result = REPORTS[name].build_file(args.out)
        pages = ", ".join(f"{key}={page}" for key, page in result.section_pages.items())
        print(f"{name}: {out_path} ({result.page_count} pages; {pages})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
