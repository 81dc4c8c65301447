"""The module Dagster loads: `dagster dev -m pipelines.definitions` (see `make ui`).

Every path a report takes runs the same named jobs: the sensor, `make run` / `annual-reports
ingest` and a launch or backfill from the UI run `ingest_report` (parse, extract, check, load one
report partition), and `refresh_analyst_views` refreshes and publishes the views afterwards (the
automation-condition sensor, running by default, requests it in the UI; `ingest` runs it once at
the end)."""

from __future__ import annotations

from typing import Any

import dagster as dg

from pipelines.assets import analyst_views, parsed_report, report_records, warehouse_tables
from pipelines.checks import CHECKS
from pipelines.resources import default_resources
from pipelines.sensors import INGEST_JOB, raw_reports_sensor

REPORT_ASSETS = [parsed_report, report_records, warehouse_tables]
VIEWS_JOB = "refresh_analyst_views"

ingest_report = dg.define_asset_job(
    INGEST_JOB,
    selection=dg.AssetSelection.assets(*REPORT_ASSETS),
    description="Parse, extract, check and load one report.",
)
refresh_views = dg.define_asset_job(
    VIEWS_JOB,
    selection=dg.AssetSelection.assets(analyst_views),
    description="Refresh and publish the analysts' views over all reports.",
)
automation = dg.AutomationConditionSensorDefinition(
    "default_automation_condition_sensor",
    target=dg.AssetSelection.assets(analyst_views),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Refreshes analyst_views after a report is loaded (its eager condition).",
)


def build_definitions(resources: dict[str, Any] | None = None) -> dg.Definitions:
    """The project's definitions, bound to `resources` (default: from the environment)."""
    return dg.Definitions(
        assets=[*REPORT_ASSETS, analyst_views],
        asset_checks=CHECKS,
        jobs=[ingest_report, refresh_views],
        sensors=[raw_reports_sensor, automation],
        resources=resources if resources is not None else default_resources(),
    )


defs = build_definitions()
