"""Data-quality checks on a report's records, run before the warehouse load.

The blocking ones stop the load when they fail, so the warehouse keeps the report's previous
good rows: member totals and region totals that do not reconcile with the listed members,
records missing required fields, duplicate members, records without provenance. Headline
figures that disagree with the records they count ("7 new members" but 8 cards) only warn: a
report's own figures are often rounded or counted differently."""

import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import dagster as dg
import pandas as pd

from extractors.extract import Extraction
from pipelines.assets import report_records
from pipelines.partitions import reports_partitions

REQUIRED: dict[str, tuple[str, ...]] = {
    "members": ("name", "member_type"),
    "new_members": ("name", "kind"),
    "mous": ("partner",),
    "organized_events": ("name", "start_date", "end_date"),
    "partner_events": ("name",),
    "awards": ("category", "level", "city"),
    "people": ("name",),
    "figures": ("label", "value"),
}
_SHOWN = 20
# partitioned asset checks are a Dagster preview feature; the checks follow the report partitions
warnings.filterwarnings("ignore", category=dg.PreviewWarning, module=__name__)
warnings.filterwarnings("ignore", "Specifying a partitions_def on an AssetCheckSpec")


def _table(rows: list[dict[str, Any]]) -> dg.MetadataValue:
    frame = pd.DataFrame(rows[:_SHOWN])
    return dg.MetadataValue.md(frame.to_markdown(index=False) if len(frame) else "_none_")


def _result(failures: list[dict[str, Any]], checked: int, **kw: Any) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not failures,
        metadata={
            "checked": checked,
            "failures": len(failures),
            "offending rows": _table(failures),
        },
        **kw,
    )


def _reconciliation(extraction: Extraction, members_only: bool) -> list[dict[str, Any]]:
    return [
        {"scope": r.scope, "stated": r.stated, "extracted": r.extracted, "page": r.source.page}
        for r in extraction.reconciliation
        if r.ok is False and r.scope.startswith("members.") == members_only
    ]


def member_totals_reconcile(report_records: Extraction) -> dg.AssetCheckResult:
    """Stated member totals (by type and by region) equal the members listed. A report that
    states no member total at all is not passed unchecked: the check warns that nothing could be
    reconciled (the load goes on)."""
    checked = [r for r in report_records.reconciliation if r.scope.startswith("members.")]
    if not checked:
        return dg.AssetCheckResult(
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            description="no stated member total found: the members listed were not reconciled",
            metadata={"checked": 0, "failures": 0, "members": len(report_records.members)},
        )
    return _result(_reconciliation(report_records, True), len(checked))


def headline_figures_reconcile(report_records: Extraction) -> dg.AssetCheckResult:
    """Headline figures that count records ("3 MOU signatures") match the records found."""
    checked = [r for r in report_records.reconciliation if not r.scope.startswith("members.")]
    return _result(
        _reconciliation(report_records, False), len(checked), severity=dg.AssetCheckSeverity.WARN
    )


def required_fields_present(report_records: Extraction) -> dg.AssetCheckResult:
    """Every record has the fields the warehouse needs."""
    data = report_records.to_dict()
    failures = [
        {"key": key, "missing": field, "record": str({k: v for k, v in rec.items() if k != "bbox"})}
        for key, fields in REQUIRED.items()
        for rec in data[key]
        for field in fields
        if rec.get(field) in (None, "")
    ]
    return _result(failures, sum(len(data[k]) for k in REQUIRED))


def no_duplicate_members(report_records: Extraction) -> dg.AssetCheckResult:
    """No member is listed twice (same name, country and type)."""
    keys = Counter(
        (m.name.casefold(), m.country_iso3, m.member_type) for m in report_records.members
    )
    failures = [
        {"name": name, "country_iso3": iso3, "member_type": kind, "times": n}
        for (name, iso3, kind), n in keys.items()
        if n > 1
    ]
    return _result(failures, len(report_records.members))


def records_have_provenance(report_records: Extraction) -> dg.AssetCheckResult:
    """Every record points at a page of the report and at the text it was read from."""
    pages = report_records.document.page_count
    failures = []
    total = 0
    for key, records in report_records.record_lists().items():
        for record in records:
            total += 1
            source = record.source
            if not 1 <= source.page <= pages or not (source.source_text or "").strip():
                failures.append({"key": key, "page": source.page, "text": source.source_text})
    return _result(failures, total)


RECORDS_KEY = report_records.key
# check function -> blocking? (a failing blocking check stops the warehouse load)
RULES: dict[Callable[[Extraction], dg.AssetCheckResult], bool] = {
    member_totals_reconcile: True,
    headline_figures_reconcile: False,
    required_fields_present: True,
    no_duplicate_members: True,
    records_have_provenance: True,
}


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            rule.__name__,
            asset=report_records,
            blocking=blocking,
            description=(rule.__doc__ or "").strip(),
            partitions_def=reports_partitions,
        )
        for rule, blocking in RULES.items()
    ]
)
def report_checks(report_records: Extraction) -> Iterator[dg.AssetCheckResult]:
    """All the checks of a report's records in one step: the records are loaded once, and one
    step per check would cost a run more in Dagster's bookkeeping than the checks themselves."""
    for rule in RULES:
        result = rule(report_records)
        yield dg.AssetCheckResult(
            passed=result.passed,
            metadata=result.metadata,
            severity=result.severity,
            description=result.description,
            asset_key=RECORDS_KEY,
            check_name=rule.__name__,
        )


CHECKS = [report_checks]
