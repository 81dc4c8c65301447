"""The benchmark's Dagster floor mirrors the pipeline's asset graph and runs."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from benchmarks.dagster_floor import (
    floor_checks,
    floor_parsed,
    floor_records,
    floor_tables,
    run_empty_reports,
)
from pipelines.assets import parsed_report, report_records, warehouse_tables
from pipelines.checks import CHECKS


def _checks(definitions: list[dg.AssetChecksDefinition]) -> set[tuple[str, bool]]:
    return {(spec.name, spec.blocking) for d in definitions for spec in d.check_specs}


def test_the_floor_has_the_pipelines_shape() -> None:
    assert _checks([floor_checks]) == _checks(CHECKS)
    real = [parsed_report, report_records, warehouse_tables]
    floor = [floor_parsed, floor_records, floor_tables]
    for mine, theirs in zip(floor, real, strict=True):
        (spec,) = mine.specs
        (expected,) = theirs.specs
        assert mine.op.pool == theirs.op.pool
        assert len(spec.deps) == len(expected.deps)


def test_empty_runs_succeed(home: Path) -> None:
    instance = dg.DagsterInstance.get()
    assert run_empty_reports(instance, 2) == 2
    assert len(instance.get_runs()) == 2


def test_a_repeated_measurement_reports_its_median_run() -> None:
    from benchmarks.runner import Result, median, repeats

    runs = [Result("x", data={"seconds": s}) for s in (3.0, 1.0, 2.0, 5.0)]
    chosen = median(runs)
    assert chosen.seconds == 2.0  # the lower middle of four
    assert repeats(chosen) == [3.0, 1.0, 2.0, 5.0]
    assert repeats(Result("y", data={"seconds": 4.0})) == [4.0]
    broken = Result("z", error="boom")
    assert median([runs[0], broken]) is broken
