"""The module Dagster loads: `dagster dev -m pipelines.definitions` (see `make ui`)."""

from __future__ import annotations

import dagster as dg

from pipelines.assets import analyst_views, parsed_report, report_records, warehouse_tables
from pipelines.checks import CHECKS
from pipelines.resources import default_resources
from pipelines.sensors import INGEST_JOB, raw_reports_sensor

REPORT_ASSETS = [parsed_report, report_records, warehouse_tables]

ingest_report = dg.define_asset_job(
    INGEST_JOB,
    selection=dg.AssetSelection.assets(*REPORT_ASSETS),
    description="Parse, extract, check and load one report.",
)

defs = dg.Definitions(
    assets=[*REPORT_ASSETS, analyst_views],
    asset_checks=CHECKS,
    jobs=[ingest_report],
    sensors=[raw_reports_sensor],
    resources=default_resources(),
)
