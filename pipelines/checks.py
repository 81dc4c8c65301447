"""Data-quality checks on a report's records, run before the warehouse load.

The blocking ones stop the load when they fail, so the warehouse keeps the report's previous
good rows: member totals and region totals that do not reconcile with the listed members,
records missing required fields, duplicate members, records without provenance. Headline
figures that disagree with the records they count ("7 new members" but 8 cards) only warn: a
report's own figures are often rounded or counted differently.

The records checked are those after the report's corrections file (`extractors.corrections`): a
mismatch it accepts passes, with the reviewer's reason in the metadata, and an entry of it that
matches nothing any more makes `corrections_still_match` warn."""

import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dagster as dg

from extractors.extract import Extraction
from pipelines.assets import report_records
from pipelines.metadata import rows_table
from pipelines.partitions import reports_partitions
from pipelines.resources import ReportsFolder, WarehouseResource

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
    """The first offending rows as a table, which the UI shows in place (no click)."""
    return rows_table(rows, limit=_SHOWN)


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


def _reconciled(
    extraction: Extraction, check: str, members_only: bool, checked: int, **kw: Any
) -> dg.AssetCheckResult:
    """The mismatches of stated totals against records, less those the report's corrections
    file accepts: those pass, each with its reason in the metadata."""
    accepted = extraction.corrections.accepted(check) if extraction.corrections else {}
    failures, passed = [], []
    for r in extraction.reconciliation:
        if r.ok is not False or r.scope.startswith("members.") != members_only:
            continue
        row = {
            "scope": r.scope,
            "stated": r.stated,
            "extracted": r.extracted,
            "page": r.source.page,
        }
        note = accepted.get(r.scope)
        if note is None:
            failures.append(row)
        else:
            passed.append(row | {"accepted by": note.at, "reason": note.reason})
    result = _result(failures, checked, **kw)
    if not passed:
        return result
    metadata = dict(result.metadata) | {"accepted": _table(passed)}
    scopes = ", ".join(f"{p['scope']} ({p['reason']})" for p in passed)
    description = f"accepted mismatches: {scopes}" + ("" if not failures else "; others fail")
    return dg.AssetCheckResult(
        passed=result.passed, metadata=metadata, description=description, **kw
    )


def member_totals_reconcile(report_records: Extraction) -> dg.AssetCheckResult:
    """Stated member totals (by type and by region) equal the members listed, or a reviewer's
    corrections file accepts the difference with a reason. A report that states no member total
    at all is not passed unchecked: the check warns that nothing could be reconciled (the load
    goes on)."""
    checked = [r for r in report_records.reconciliation if r.scope.startswith("members.")]
    if not checked:
        return dg.AssetCheckResult(
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            description="no stated member total found: the members listed were not reconciled",
            metadata={"checked": 0, "failures": 0, "members": len(report_records.members)},
        )
    return _reconciled(report_records, "member_totals_reconcile", True, len(checked))


def headline_figures_reconcile(report_records: Extraction) -> dg.AssetCheckResult:
    """Headline figures that count records ("3 MOU signatures") match the records found."""
    checked = [r for r in report_records.reconciliation if not r.scope.startswith("members.")]
    return _reconciled(
        report_records, "headline_figures_reconcile", False, len(checked),
        severity=dg.AssetCheckSeverity.WARN,
    )  # fmt: skip


def corrections_still_match(report_records: Extraction) -> dg.AssetCheckResult:
    """Every entry of the report's corrections file still matches something: a stale one (its
    key is gone, the rules already find the record it adds, the totals it accepts now agree)
    changed nothing and warns, so that it is taken out of the file."""
    applied = report_records.corrections
    if applied is None:
        return dg.AssetCheckResult(passed=True, metadata={"checked": 0, "failures": 0})
    stale = [
        {"line": n.at, "action": n.action, "record": n.key or n.record_type, "why": n.detail}
        for n in applied.stale
    ]
    result = _result(stale, len(applied.notes), severity=dg.AssetCheckSeverity.WARN)
    if not stale:
        return result
    return dg.AssetCheckResult(
        passed=False,
        severity=dg.AssetCheckSeverity.WARN,
        metadata=dict(result.metadata) | {"corrections": applied.file},
        description=f"{len(stale)} stale correction(s) in {applied.file}: "
        + "; ".join(f"{s['line']} ({s['why']})" for s in stale),
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
    corrections_still_match: False,
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
def report_checks(
    report_records: Extraction, reports: ReportsFolder, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    """All the checks of a report's records in one step: the records are loaded once, and one
    step per check would cost a run more in Dagster's bookkeeping than the checks themselves.
    When a blocking check fails, the report's review page is written (`reviews/<report id>.html`
    beside the warehouse) and every failed check carries its path."""
    results = {rule: rule(report_records) for rule in RULES}
    blocked = [r for r, res in results.items() if RULES[r] and not res.passed
               and res.severity == dg.AssetCheckSeverity.ERROR]  # fmt: skip
    review = None
    if blocked:
        from pipelines.review import write_review_of

        pdf = reports.folder / report_records.document.source_file
        review = write_review_of(report_records, pdf, reviews_folder(warehouse))
    for rule, result in results.items():
        metadata = dict(result.metadata)
        if review is not None and not result.passed:
            metadata["review"] = dg.MetadataValue.path(str(review))
        yield dg.AssetCheckResult(
            passed=result.passed,
            metadata=metadata,
            severity=result.severity,
            description=result.description,
            asset_key=RECORDS_KEY,
            check_name=rule.__name__,
        )


def reviews_folder(warehouse: WarehouseResource) -> Path:
    """Where the review pages of blocked reports go: `reviews/` beside the warehouse file."""
    return Path(warehouse.path).parent / "reviews"


CHECKS = [report_checks]
