"""What Dagster alone costs per report: the pipeline's asset graph with empty assets.

The same shape as `pipelines.definitions` (three partitioned assets in a chain, the last in the
`warehouse` pool, one multi-asset check step with the same checks, blocking as in
`pipelines.checks.RULES`), the same instance configuration and the same filesystem IO manager,
but every asset returns a small value at once. Its seconds per run are the part of a report's run
that no change to parsing, extraction or loading can remove while every report is a Dagster run
of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import dagster as dg

from pipelines.checks import RULES
from pipelines.ingest import QUIET

PARTITIONS = dg.DynamicPartitionsDefinition(name="floor_reports")


@dg.asset(partitions_def=PARTITIONS)
def floor_parsed() -> dict[str, int]:
    return {"pages": 1}


@dg.asset(partitions_def=PARTITIONS)
def floor_records(floor_parsed: dict[str, int]) -> dict[str, int]:
    return {"records": floor_parsed["pages"]}


@dg.asset(partitions_def=PARTITIONS, pool="warehouse")
def floor_tables(floor_records: dict[str, int]) -> dg.MaterializeResult:  # type: ignore[type-arg]
    return dg.MaterializeResult(metadata={"rows": floor_records["records"]})


FLOOR_RECORDS = floor_records.key


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            rule.__name__, asset=floor_records, blocking=blocking, partitions_def=PARTITIONS
        )
        for rule, blocking in RULES.items()
    ]
)
def floor_checks(floor_records: dict[str, int]) -> Iterator[dg.AssetCheckResult]:
    for rule in RULES:
        yield dg.AssetCheckResult(
            passed=bool(floor_records), asset_key=FLOOR_RECORDS, check_name=rule.__name__
        )


def run_empty_reports(instance: dg.DagsterInstance, count: int) -> int:
    """`count` runs of the empty graph, one partition each, as `ingest` runs a report; returns
    how many succeeded."""
    keys = [f"report-{n}" for n in range(count)]
    instance.add_dynamic_partitions(PARTITIONS.name, keys)
    succeeded = 0
    for key in keys:
        result = dg.materialize(
            [floor_parsed, floor_records, floor_tables, floor_checks],
            partition_key=key,
            instance=instance,
            raise_on_error=False,
            run_config=QUIET,
        )
        succeeded += bool(result.success)
    return succeeded
