"""`python -m reportgen.matrix build|show`: build layout-matrix cells, or print a design.

    python -m reportgen.matrix build --out DIR [--content wego_2023 ...] [--seeds dev 1-4 ...]
                                     [--engines reportlab html ...] [--jobs N]
    python -m reportgen.matrix show SEED

Seeds: numbers, ranges ("1-12"), `dev` (DEV_SEEDS) or `held_out` (HELD_OUT_SEEDS). `show`
refuses a held-out seed unless given `--held-out`: those designs are not to be looked at while
writing extraction rules.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from reportgen.matrix.cells import Cell, build_cell, engine_names
from reportgen.matrix.design import draw_design
from reportgen.matrix.seeds import DEV_SEEDS, HELD_OUT_SEEDS
from reportgen.matrix.spec import content_names


def parse_seeds(tokens: list[str]) -> list[int]:
    seeds: list[int] = []
    for token in tokens:
        if token == "dev":
            seeds += DEV_SEEDS
        elif token in ("held_out", "held-out"):
            seeds += HELD_OUT_SEEDS
        elif "-" in token:
            low, high = (int(part) for part in token.split("-", 1))
            seeds += range(low, high + 1)
        else:
            seeds.append(int(token))
    return list(dict.fromkeys(seeds))


def _build(args: argparse.Namespace) -> int:
    unknown = set(args.content) - set(content_names())
    if unknown:
        print(f"unknown content: {sorted(unknown)}; have {content_names()}", file=sys.stderr)
        return 2
    cells = [
        Cell(c, s, e)
        for c, s, e in itertools.product(args.content, parse_seeds(args.seeds), args.engines)
    ]
    failed = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(build_cell, cell, args.out): cell for cell in cells}
        for done, future in enumerate(as_completed(futures), 1):
            cell = futures[future]
            try:
                built = future.result()
            except Exception as error:  # report every failed cell, build the others
                failed += 1
                print(f"[{done}/{len(cells)}] {cell.name}: FAILED {error!r}", flush=True)
                continue
            status = "cached" if built.cached else f"built in {built.seconds:.1f}s"
            print(f"[{done}/{len(cells)}] {cell.name}: {status}", flush=True)
    print(f"{len(cells) - failed} of {len(cells)} cells in {args.out}")
    return 1 if failed else 0


def _show(args: argparse.Namespace) -> int:
    if args.seed in HELD_OUT_SEEDS and not args.held_out:
        print(f"seed {args.seed} is held out; pass --held-out to print it", file=sys.stderr)
        return 2
    print(draw_design(args.seed).describe())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reportgen.matrix", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build cells (content x seed x engine)")
    build.add_argument("--content", nargs="+", default=content_names())
    build.add_argument("--seeds", nargs="+", default=["dev"])
    build.add_argument("--engines", nargs="+", default=None)
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    show = commands.add_parser("show", help="print the design of a seed")
    show.add_argument("seed", type=int)
    show.add_argument("--held-out", action="store_true", help="allow a held-out seed")
    args = parser.parse_args(argv)
    if args.command == "show":
        return _show(args)
    args.engines = args.engines or list(engine_names())
    return _build(args)


if __name__ == "__main__":
    sys.exit(main())
