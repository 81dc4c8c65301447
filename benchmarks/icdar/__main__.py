"""`python -m benchmarks.icdar` (`make bench-tables`): table structure recognition on the
ICDAR 2013 Table Competition set, this project against camelot and pdfplumber.

Prints one row per system (tables found, micro precision / recall / F1 of the adjacency
relations, seconds per page), F1 per document, and which a/b ground truth each system was scored
against. Progress goes to stderr. `--survey` instead describes the set (pages, tables, ruled or
not).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from benchmarks.icdar.groundtruth import Document, dataset_dir, documents, select
from benchmarks.icdar.report import as_json, render
from benchmarks.icdar.run import DocScore, Totals, run_system
from benchmarks.icdar.systems import SYSTEMS, unavailable


def _names(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.icdar", description=__doc__)
    parser.add_argument("--systems", help=f"comma-separated, of: {', '.join(SYSTEMS)} (all)")
    parser.add_argument("--docs", help="comma-separated document names, e.g. eu-001,us-002")
    parser.add_argument("--data", type=Path, help="the set's folder (default: $ANNUAL_REPORTS_"
                        "ICDAR2013, else ../shared/tables/icdar2013)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--survey", action="store_true", help="describe the set and stop")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    err = Console(stderr=True)
    folder = args.data or dataset_dir()
    found = documents(folder)
    if not found:
        err.print(f"no ICDAR 2013 documents in {folder} (set $ANNUAL_REPORTS_ICDAR2013)")
        return 2
    try:
        docs = select(found, _names(args.docs))
    except ValueError as exc:
        err.print(str(exc))
        return 2
    if args.survey:
        from benchmarks.icdar.survey import render_survey, survey

        print(render_survey(survey(docs)))
        return 0
    systems = _names(args.systems) or list(SYSTEMS)
    for name in list(systems):
        reason = unavailable(name)
        if reason:
            err.print(f"[yellow]skipping {name}[/]: {reason}")
            systems.remove(name)
    if not systems:
        return 2
    results = _run(systems, docs, err)
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(as_json(results), indent=2) + "\n")
    return 0


def _run(systems: list[str], docs: list[Document], err: Console) -> list[Totals]:
    columns = (
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    results = []
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("", total=len(systems) * len(docs))

        def step(system: str, score: DocScore) -> None:
            progress.update(task, advance=1, description=f"{system} {score.doc}")
            line = (
                f"{system:<18} {score.doc:<8} F1 {score.counts.f1:.3f}  "
                f"{score.tables:>3} tables  {score.seconds:6.2f} s"
            )
            if score.error:
                line += f"  [red]failed[/]: {escape(score.error)}"
            progress.console.print(line, highlight=False, markup=True)

        for name in systems:
            totals = run_system(name, docs, step)
            results.append(totals)
            progress.console.print(
                f"[bold]{name}[/]: F1 {totals.f1:.3f} in {totals.seconds:.0f} s", highlight=False
            )
    return results


if __name__ == "__main__":
    sys.exit(main())
