"""Records -> pandas DataFrames with the warehouse schema's columns and dtypes, one per fact table.

Text is pandas' nullable `string`, integers `Int64`, decimals `Float64`, flags `boolean`, dates
`date32[pyarrow]` (real dates, not timestamps). Every frame has `report_id`, a 1-based `row_no` (the
record's position in the extraction) and the provenance columns taken from each record's `source`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa

import extractors
from extractors.normalize.countries import to_iso3
from extractors.records import NewMember, Source
from warehouse.orgs import fold_name, org_id

if TYPE_CHECKING:
    from extractors.extract import Extraction

STR = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"
DATE = pd.ArrowDtype(pa.date32())

KEY = {"report_id": STR, "row_no": INT}
PROVENANCE = {
    "page_number": INT,
    "bbox_x0": FLOAT,
    "bbox_top": FLOAT,
    "bbox_x1": FLOAT,
    "bbox_bottom": FLOAT,
    "source_text": STR,
    "source": STR,  # 'rules', or 'correction': added or edited by a reviewer's corrections file
    "correction": STR,  # that correction, 'corrections/<report id>.yaml:LINE'
}
# the corrections log: what each entry of the report's corrections file did (nothing a correction
# drops goes without its row here)
CORRECTIONS_LOG = "corrections"
_LOG_COLUMNS = {
    "action": STR,
    "record_type": STR,
    "record_key": STR,
    "status": STR,
    "detail": STR,
    "reason": STR,
    "correction": STR,
    "page_number": INT,
    "source_text": STR,
}
_FIELDS: dict[str, dict[str, Any]] = {
    "members": {
        "org_id": STR,
        "name": STR,
        "country": STR,
        "country_iso3": STR,
        "region": STR,
        "member_type": STR,
    },
    "stated_totals": {"scope": STR, "value": INT},
    "region_totals": {"region": STR, "stated_count": INT},
    "new_members": {
        "org_id": STR,
        "name": STR,
        "country": STR,
        "country_iso3": STR,
        "kind": STR,
        "area_km2": FLOAT,
        "population": INT,
        "leader_title": STR,
        "leader_name": STR,
    },
    "figures": {"label": STR, "value": FLOAT, "unit": STR, "qualifier": STR},
    "events": {
        "kind": STR,
        "name": STR,
        "start_date": DATE,
        "end_date": DATE,
        "theme": STR,
        "organizer": STR,
    },
    "awards": {"category": STR, "level": STR, "city": STR, "project": STR},
    "agreements": {"partner": STR, "signed_date": DATE},
    "diplomatic_countries": {"name": STR, "country_iso3": STR},
    "people": {"name": STR, "title": STR, "organization": STR},
    "renames": {
        "org_id": STR,
        "name": STR,
        "previous_org_id": STR,
        "previous_name": STR,
        "country_iso3": STR,
    },
    "entity_mentions": {
        "text": STR,
        "label": STR,
        "sentence": STR,
        "country_iso3": STR,
    },
    "reconciliation": {"scope": STR, "stated": INT, "extracted": INT, "ok": BOOL},
}
# every fact table: column -> dtype, in the schema's column order
COLUMNS: dict[str, dict[str, Any]] = {
    table: KEY | fields | PROVENANCE for table, fields in _FIELDS.items()
} | {CORRECTIONS_LOG: KEY | _LOG_COLUMNS}
FACT_TABLES: tuple[str, ...] = tuple(COLUMNS)

Row = tuple[dict[str, Any], Source]


def _same(table: str, records: Iterable[Any], **extra: Callable[[Any], Any]) -> list[Row]:
    """Rows whose columns are the records' attributes of the same name, plus computed `extra`."""
    names = [n for n in _FIELDS[table] if n not in extra]
    return [
        ({n: getattr(r, n) for n in names} | {n: f(r) for n, f in extra.items()}, r.source)
        for r in records
    ]


def _member_iso3(m: NewMember) -> str | None:
    return to_iso3(m.country) if m.country else None


def _rename_rows(x: Extraction) -> list[Row]:
    """Renames the report states, with both names' org_ids in the country of the member listed
    under either name (no country when the report lists neither)."""
    country = {fold_name(m.name): m.country_iso3 for m in reversed(x.members)}
    rows: list[Row] = []
    for r in x.renames:
        iso3 = country.get(fold_name(r.name)) or country.get(fold_name(r.previous_name))
        values = {
            "org_id": org_id(r.name, iso3),
            "name": r.name,
            "previous_org_id": org_id(r.previous_name, iso3),
            "previous_name": r.previous_name,
            "country_iso3": iso3,
        }
        rows.append((values, r.source))
    return rows


def _rows(x: Extraction) -> dict[str, list[Row]]:
    """The values of each fact table's rows (without key and provenance), from an Extraction."""
    organized = [
        (
            {
                "kind": "organized",
                "name": e.name,
                "start_date": e.start_date,
                "end_date": e.end_date,
            },
            e.source,
        )
        for e in x.organized_events
    ]
    partner = _same(
        "events",
        x.partner_events,
        kind=lambda _: "partner",
        start_date=lambda e: e.date,
        end_date=lambda e: e.date,
    )
    return {
        "members": _same("members", x.members, org_id=lambda m: org_id(m.name, m.country_iso3)),
        "stated_totals": _same("stated_totals", x.member_totals),
        "region_totals": _same("region_totals", x.region_totals),
        "new_members": _same(
            "new_members",
            x.new_members,
            country_iso3=_member_iso3,
            org_id=lambda m: org_id(m.name, _member_iso3(m)),
        ),
        "figures": _same("figures", x.figures),
        "events": organized + partner,
        "awards": _same("awards", x.awards),
        "agreements": _same("agreements", x.mous, signed_date=lambda a: a.date),
        "diplomatic_countries": _same("diplomatic_countries", x.diplomatic_countries),
        "people": _same("people", x.people),
        "renames": _rename_rows(x),
        "entity_mentions": _same(
            "entity_mentions",
            x.mentions,
            country_iso3=lambda m: to_iso3(m.text) if m.label == "GPE" else None,
        ),
        "reconciliation": _same("reconciliation", x.reconciliation),
    }


def _provenance(source: Source) -> dict[str, Any]:
    box = source.bbox
    return {
        "page_number": source.page,
        "bbox_x0": box.x0 if box else None,
        "bbox_top": box.top if box else None,
        "bbox_x1": box.x1 if box else None,
        "bbox_bottom": box.bottom if box else None,
        "source_text": source.source_text,
        "source": "correction" if source.correction else "rules",
        "correction": source.correction,
    }


def frame(table: str, report_id: str, rows: Iterable[Row]) -> pd.DataFrame:
    """One fact table's DataFrame: key, values and provenance columns, with the schema's dtypes."""
    columns = COLUMNS[table]
    records = [
        {"report_id": report_id, "row_no": i} | values | _provenance(source)
        for i, (values, source) in enumerate(rows, start=1)
    ]
    data = {name: [r.get(name) for r in records] for name in columns}
    return pd.DataFrame(
        {name: pd.Series(data[name], dtype=dtype) for name, dtype in columns.items()}
    )


def frames(extraction: Extraction) -> dict[str, pd.DataFrame]:
    """Every fact table's rows for one `extractors.extract.Extraction`, keyed by table name."""
    report_id = extraction.document.report_id
    out = {table: frame(table, report_id, rows) for table, rows in _rows(extraction).items()}
    out[CORRECTIONS_LOG] = log_frame(extraction)
    return out


def log_frame(extraction: Extraction) -> pd.DataFrame:
    """The corrections log of one report: a row per entry of its corrections file."""
    applied = extraction.corrections
    notes = applied.notes if applied is not None else ()
    rows = [
        {
            "report_id": extraction.document.report_id,
            "row_no": i,
            "action": n.action,
            "record_type": n.record_type,
            "record_key": n.key,
            "status": n.status,
            "detail": n.detail,
            "reason": n.reason,
            "correction": n.at,
            "page_number": n.page,
            "source_text": n.source_text,
        }
        for i, n in enumerate(notes, start=1)
    ]
    columns = COLUMNS[CORRECTIONS_LOG]
    return pd.DataFrame(
        {name: pd.Series([r[name] for r in rows], dtype=dtype) for name, dtype in columns.items()}
    )


def report_row(
    extraction: Extraction,
    *,
    ingested_at: datetime | None = None,
    extractor_version: str | None = None,
) -> dict[str, Any]:
    """The `reports` row of an Extraction. `ingested_at` defaults to now (UTC, naive)."""
    info = extraction.report_info()
    info["page_count"] = info.pop("pages")
    applied = extraction.corrections
    return info | {
        "corrections_sha256": applied.sha256 if applied is not None else None,
        "ingested_at": ingested_at or datetime.now(UTC).replace(tzinfo=None),
        "extractor_version": extractor_version or extractors.__version__,
    }


def row_counts(table_frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
    """Rows per table, e.g. for run metadata."""
    return {table: len(df) for table, df in table_frames.items()}
