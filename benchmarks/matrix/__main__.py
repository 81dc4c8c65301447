"""`python -m benchmarks.matrix` (`make matrix`): score the layout matrix and print its table.

    python -m benchmarks.matrix [--content wego_2021 ...] [--seeds held_out dev ...]
                                [--engines reportlab chromium libreoffice] [--out DIR]
                                [--jobs N] [--model NAME] [--target 0.97] [--json FILE]

Every cell (content x design seed x engine) is typeset (cached in `--out`), parsed and extracted
as a user would run it, and scored against its gold with the project's scorer. One line per cell
gives the F1 of every record type and the cell's minimum; a summary per seed group (held-out seeds
first: designs no rule was written against) gives the minimum and mean per record type and how
many cells reach the target on every type. Exit status 1 when any cell is under the target.

Held-out cells print only their scores, never what was missed: the misses of a design no rule was
written against are not for reading while writing rules (`--json` writes them for dev seeds only).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.matrix.run import KEYS, CellScore, score_cells
from reportgen.matrix.__main__ import parse_seeds
from reportgen.matrix.cells import DEFAULT_ENGINES, Cell
from reportgen.matrix.seeds import HELD_OUT_SEEDS
from reportgen.matrix.spec import content_names

SHORT = {
    "report": "rep", "member_totals": "tot", "figures": "fig", "region_totals": "reg",
    "members": "mem", "new_members": "new", "mous": "mou", "organized_events": "org",
    "partner_events": "par", "awards": "awd", "diplomatic_countries": "dip", "people": "ppl",
    "reconciliation": "rec",
}  # fmt: skip
_NAME_WIDTH = 34


def default_out() -> Path:
    env = os.environ.get("ANNUAL_REPORTS_MATRIX_DIR")
    return Path(env) if env else Path(tempfile.gettempdir()) / "annual-reports-matrix"


def header() -> str:
    return f"{'cell':{_NAME_WIDTH}s}" + "".join(f"{SHORT[k]:>5s}" for k in KEYS) + "   min"


def cell_line(score: CellScore) -> str:
    values = "".join(f"{score.f1.get(k, 0.0):5.2f}" for k in KEYS)
    note = f"  {score.error.splitlines()[0][:60]}" if score.error else ""
    return f"{score.cell.name:{_NAME_WIDTH}s}{values}  {score.worst:4.2f}{note}"


def summary(title: str, scores: Sequence[CellScore], target: float) -> list[str]:
    """Min and mean per record type over the cells, and how many cells reach the target."""
    if not scores:
        return []
    mins = {k: min(s.f1.get(k, 0.0) for s in scores) for k in KEYS}
    means = {k: sum(s.f1.get(k, 0.0) for s in scores) / len(scores) for k in KEYS}
    passing = sum(1 for s in scores if s.worst >= target)
    return [
        f"{title}: {len(scores)} cells, {passing} with every record type >= {target:.2f}",
        f"{'  min':{_NAME_WIDTH}s}" + "".join(f"{mins[k]:5.2f}" for k in KEYS),
        f"{'  mean':{_NAME_WIDTH}s}" + "".join(f"{means[k]:5.2f}" for k in KEYS),
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.matrix",
        description="Score the layout matrix: F1 per record type for every cell.",
    )
    parser.add_argument("--content", nargs="+", default=list(content_names()))
    parser.add_argument(
        "--seeds", nargs="+", default=["held_out", "dev"], help="numbers, ranges, dev, held_out"
    )
    parser.add_argument("--engines", nargs="+", default=list(DEFAULT_ENGINES))
    parser.add_argument("--out", type=Path, default=None, help="cell cache (PDFs and gold)")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the project's)")
    parser.add_argument("--target", type=float, default=0.97)
    parser.add_argument("--json", type=Path, default=None, help="write every score here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    unknown = set(args.content) - set(content_names())
    if unknown:
        print(f"unknown content: {sorted(unknown)}; have {list(content_names())}", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("--jobs must be at least 1", file=sys.stderr)
        return 2
    seeds = parse_seeds(args.seeds)
    cells = [Cell(c, s, e) for s in seeds for c in args.content for e in args.engines]
    out = args.out or default_out()
    print(f"{len(cells)} cells, typeset into {out} (cached)", flush=True)
    print(header(), flush=True)
    started = time.monotonic()
    scores: list[CellScore] = []
    for score in score_cells(cells, out, jobs=args.jobs, model=args.model):
        scores.append(score)
        print(cell_line(score), flush=True)
    held = [s for s in scores if s.cell.seed in HELD_OUT_SEEDS]
    dev = [s for s in scores if s.cell.seed not in HELD_OUT_SEEDS]
    print()
    lines = [*summary("held-out seeds", held, args.target), *summary("dev seeds", dev, args.target)]
    print("\n".join(lines))
    print(f"{time.monotonic() - started:.0f} s")
    if args.json:
        rows = [
            {
                "cell": s.cell.name,
                "held_out": s.cell.seed in HELD_OUT_SEEDS,
                "f1": s.f1,
                "counts": s.counts,
                "error": s.error,
                "misses": {} if s.cell.seed in HELD_OUT_SEEDS else s.misses,
            }
            for s in scores
        ]
        args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return 0 if all(s.worst >= args.target for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
