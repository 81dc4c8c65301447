"""A self-contained HTML review of one report: why it was blocked, and what the parser saw.

    annual-reports review raw_reports/report.pdf --out reviews/

The page needs no server: every page of the PDF is embedded as an image (rendered with
pypdfium2) with the extracted records drawn over it as boxes, one colour per record type, each
linked to its row; then the checks, each with its offending rows; the stated totals beside what
was extracted; for every record type the pages it was found on (or that none was found); the
records as tables; and the document model's sections and tables. The data flows one way: the
PDF is read and extracted as ingestion does it, and the page only shows the result.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import dagster as dg
import pypdfium2 as pdfium

from extractors.corrections import RECORD_TYPES, correct, record_keys
from extractors.extract import MEMBER_TOTAL_KEYS, Extraction, extract_document
from extractors.model import Document
from extractors.nlp import load_nlp
from extractors.pdf.read import read_document
from pipelines.checks import RULES
from pipelines.metadata import table_text

SCALE = 1.25  # page images at 90 dpi: readable, a few hundred kB a page
# one colour per record type (the boxes, the legend and the record tables share them)
COLOURS = {
    "members": "#1f77b4",
    "new_members": "#17becf",
    "member_totals": "#d62728",
    "region_totals": "#ff7f0e",
    "figures": "#2ca02c",
    "mous": "#9467bd",
    "organized_events": "#8c564b",
    "partner_events": "#e377c2",
    "awards": "#bcbd22",
    "diplomatic_countries": "#7f7f7f",
    "people": "#393b79",
    "renames": "#637939",
}
_SKIPPED_FIELDS = {"bbox", "page", "source_text", "correction"}

_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 2em 4em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
td, th { border: 1px solid #ddd; padding: 2px 6px; vertical-align: top; text-align: left; }
table.rows { margin: 0; font-size: 90%; }
.failed { color: #b00020; font-weight: bold; } .warned { color: #a15c00; font-weight: bold; }
.passed { color: #2e7d32; } pre { white-space: pre-wrap; margin: 0; }
.page { position: relative; margin: 1em 0; border: 1px solid #999; display: inline-block; }
.page img { display: block; }
.box { position: absolute; border: 2px solid; box-sizing: border-box; opacity: 0.8; }
.box:hover { opacity: 1; background: rgba(255, 255, 0, 0.25); }
.legend span { display: inline-block; margin-right: 1em; padding-left: .4em;
  border-left: 12px solid; }
"""


def review_page(extraction: Extraction, pdf: Path) -> str:
    """The review of `extraction` (read from `pdf`) as one HTML document."""
    doc = extraction.document
    data = extraction.to_dict()
    records = {k: v for k, v in data.items() if isinstance(v, list) and k in COLOURS}
    records["member_totals"] = _stated_totals(data["member_totals"])
    parts = [
        f"<h1>Review of {_e(doc.report_id)}</h1>",
        f"<p>{_e(doc.source_file)}: {doc.page_count} pages; publisher "
        f"{_e(doc.organization or 'not found')}; year {doc.year or 'not found'}; "
        f"sha256 {_e(doc.sha256[:16])}…</p>",
        "<h2 id='checks'>Checks</h2>",
        _checks(extraction),
        "<h2 id='corrections'>Corrections</h2>",
        _corrections(extraction),
        "<h2 id='totals'>Stated totals against what was extracted</h2>",
        _reconciliation(data["reconciliation"]),
        "<h2 id='found'>Where each record type was found</h2>",
        _found(records),
        "<h2 id='pages'>Pages</h2>",
        _legend(),
        *_pages(pdf, doc, records),
        "<h2 id='records'>Records</h2>",
        *(_records(key, rows, _keys(extraction, key)) for key, rows in records.items()),
        "<h2 id='model'>What the parser saw: sections and tables</h2>",
        _model(doc),
    ]
    body = "\n".join(parts)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Review: {_e(doc.report_id)}</title><style>{_CSS}</style></head>"
        f"<body>{body}</body></html>"
    )


def review_extraction(pdf: Path, corrections: Path, model: str | None = None) -> Extraction:
    """`pdf` parsed and extracted as ingestion does, with its corrections file in `corrections`
    applied (`CorrectionsError` when that file is bad)."""
    document = read_document(pdf)
    return correct(extract_document(document, nlp=load_nlp(model)), corrections)


def write_review(
    pdf: Path, out_dir: Path, model: str | None = None, corrections: Path | None = None
) -> Path:
    """Parse and extract `pdf` as ingestion does (with its corrections, from `corrections` or
    the `corrections` folder beside the PDF's), write `<out_dir>/<report id>.html`, return it."""
    folder = corrections if corrections is not None else pdf.parent.parent / "corrections"
    return write_review_of(review_extraction(pdf, folder, model), pdf, out_dir)


def write_review_of(extraction: Extraction, pdf: Path, out_dir: Path) -> Path:
    """Write the review of `extraction` (read from `pdf`) as `<out_dir>/<report id>.html`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{extraction.document.report_id}.html"
    target.write_text(review_page(extraction, pdf), encoding="utf-8")
    return target


def _keys(extraction: Extraction, key: str) -> list[str]:
    """What the review shows as each record's key: the key a correction names it by, or, for a
    record a correction added or edited, that correction's file and line."""
    if key not in RECORD_TYPES:
        return []
    records = getattr(extraction, key)
    if key == "member_totals":  # the page shows the first stated total of each kind
        seen: set[str] = set()
        shown = []
        for total in records:
            if total.scope in MEMBER_TOTAL_KEYS and total.scope not in seen:
                seen.add(total.scope)
                shown.append(total)
        records = shown
    keys = record_keys(key, records)
    return [r.source.correction or k for r, k in zip(records, keys, strict=True)]


def _corrections(extraction: Extraction) -> str:
    applied = extraction.corrections
    if applied is None:
        return (
            "<p>No corrections file. To correct this report, write "
            f"<code>corrections/{_e(extraction.document.report_id)}.yaml</code>: add the records "
            "the rules missed, drop or edit records by the key in the first column of the "
            "records below, accept a stated total that differs, with a reason (docs/review.md)."
            "</p>"
        )
    rows = "".join(
        f"<tr><td>{_e(n.at)}</td><td>{_e(n.action)}</td><td>{_e(n.key or n.record_type)}</td>"
        f"<td class='{'passed' if n.status == 'applied' else 'warned'}'>{_e(n.status)}</td>"
        f"<td>{_e(n.detail)}</td><td>{_e(n.reason)}</td><td>{_page_link(n.page)}</td></tr>"
        for n in applied.notes
    )
    stale = len(applied.stale)
    said = f"; <span class='warned'>{stale} stale: they changed nothing</span>" if stale else ""
    return (
        f"<p>{_e(applied.file)} (sha256 {_e(applied.sha256[:16])}…): {len(applied.notes)} "
        f"entries{said}.</p><table><tr><th>line</th><th>action</th><th>record</th>"
        f"<th>status</th><th>what</th><th>reason</th><th>page</th></tr>{rows}</table>"
    )


def _stated_totals(totals: dict[str, Any]) -> list[dict[str, Any]]:
    """The contract's member_totals object as one record per stated total."""
    sources = totals.get("sources") or {}
    return [
        {"scope": scope, "stated": totals.get(scope), **where} for scope, where in sources.items()
    ]


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _offending(value: dg.MetadataValue) -> str:
    """A check's offending rows as an HTML table (other values as text)."""
    if not isinstance(value, dg.TableMetadataValue):
        return f"<pre>{_e(table_text(value))}</pre>"
    names = [c.name for c in value.schema.columns]
    head = "".join(f"<th>{_e(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(r.data.get(n))}</td>" for n in names) + "</tr>"
        for r in value.records
    )
    return f"<table class='rows'><tr>{head}</tr>{body}</table>"


def _checks(extraction: Extraction) -> str:
    rows = []
    for rule, blocking in RULES.items():
        result = rule(extraction)
        if result.passed:
            verdict = "passed"
        elif result.severity == dg.AssetCheckSeverity.WARN:
            verdict = "warned"
        else:
            verdict = "failed"
        offending = result.metadata.get("offending rows")
        shown = _offending(offending) if offending is not None and result.passed is False else ""
        description = result.description or " ".join((rule.__doc__ or "").split())
        rows.append(
            f"<tr id='check-{rule.__name__}'><td>{_e(rule.__name__)}</td>"
            f"<td class='{verdict}'>{verdict}</td><td>{'blocking' if blocking else 'warns'}</td>"
            f"<td>{_e(description)}</td><td>{shown}</td></tr>"
        )
    head = "<tr><th>check</th><th>result</th><th>kind</th><th>what</th><th>offending rows</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _page_link(page: Any) -> str:
    return f"<a href='#page-{page}'>p. {page}</a>" if page else ""


def _reconciliation(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p>The report states no totals that could be compared.</p>"
    body = "".join(
        f"<tr><td>{_e(r['scope'])}</td><td>{_e(r['stated'])}</td><td>{_e(r['extracted'])}</td>"
        f"<td class='{'passed' if r['ok'] else 'failed' if r['ok'] is False else ''}'>"
        f"{'matches' if r['ok'] else 'differs' if r['ok'] is False else 'nothing listed'}</td>"
        f"<td>{_page_link(r.get('page'))}</td></tr>"
        for r in rows
    )
    return (
        "<table><tr><th>scope</th><th>stated</th><th>extracted</th><th></th><th>stated on</th>"
        f"</tr>{body}</table>"
    )


def _found(records: dict[str, list[dict[str, Any]]]) -> str:
    rows = []
    for key, found in records.items():
        pages = sorted({r["page"] for r in found if r.get("page")})
        where = ", ".join(_page_link(p) for p in pages) if pages else "no records found"
        rows.append(f"<tr><td><a href='#rec-{key}'>{key}</a></td><td>{len(found)}</td>"
                    f"<td>{where}</td></tr>")  # fmt: skip
    return (
        f"<table><tr><th>record type</th><th>found</th><th>pages</th></tr>{''.join(rows)}</table>"
    )


def _legend() -> str:
    spans = "".join(f"<span style='border-color:{c}'>{k}</span>" for k, c in COLOURS.items())
    return f"<p class='legend'>{spans}</p>"


def _label(key: str, record: dict[str, Any]) -> str:
    fields = [str(v) for k, v in record.items() if k not in _SKIPPED_FIELDS and v not in (None, "")]
    return f"{key}: " + ", ".join(fields[:3])


def _pages(pdf: Path, doc: Document, records: dict[str, list[dict[str, Any]]]) -> Iterable[str]:
    boxes: dict[int, list[str]] = {}
    for key, rows in records.items():
        for i, record in enumerate(rows):
            bbox, page = record.get("bbox"), record.get("page")
            if not bbox or not page:
                continue
            x0, top, x1, bottom = (v * SCALE for v in bbox)
            boxes.setdefault(page, []).append(
                f"<a class='box' href='#rec-{key}-{i}' title='{_e(_label(key, record))}' "
                f"data-type='{key}' style='left:{x0:.1f}px;top:{top:.1f}px;"
                f"width:{max(x1 - x0, 4):.1f}px;height:{max(bottom - top, 4):.1f}px;"
                f"border-color:{COLOURS[key]}'></a>"
            )
    pdfium_doc = pdfium.PdfDocument(str(pdf), password=None)
    try:
        for number, page in enumerate(doc.pages, 1):
            rendered = pdfium_doc[number - 1].render(scale=SCALE).to_pil()
            buffer = io.BytesIO()
            rendered.save(buffer, format="PNG", optimize=True)
            image = base64.b64encode(buffer.getvalue()).decode("ascii")
            yield (
                f"<h3>Page {number}</h3><div class='page' id='page-{number}' "
                f"style='width:{page.width * SCALE:.0f}px;height:{page.height * SCALE:.0f}px'>"
                f"<img alt='page {number}' src='data:image/png;base64,{image}' "
                f"width='{page.width * SCALE:.0f}' height='{page.height * SCALE:.0f}'>"
                f"{''.join(boxes.get(number, []))}</div>"
            )
    finally:
        pdfium_doc.close()


def _records(key: str, rows: list[dict[str, Any]], keys: list[str]) -> str:
    if not rows:
        return f"<h3 id='rec-{key}'>{key}: none found</h3>"
    columns = [c for c in rows[0] if c not in _SKIPPED_FIELDS]
    shown = keys if len(keys) == len(rows) else [""] * len(rows)
    head = "".join(f"<th>{_e(c)}</th>" for c in ["key", *columns, "page", "source text"])
    body = "".join(
        f"<tr id='rec-{key}-{i}'><td><code>{_e(shown[i])}</code></td>"
        + "".join(f"<td>{_e(r.get(c))}</td>" for c in columns)
        + f"<td>{_page_link(r.get('page'))}</td><td>{_e(r.get('source_text'))}</td></tr>"
        for i, r in enumerate(rows)
    )
    return (
        f"<h3 id='rec-{key}' style='border-left:12px solid {COLOURS[key]};padding-left:.4em'>"
        f"{key} ({len(rows)})</h3><table><tr>{head}</tr>{body}</table>"
    )


def _model(doc: Document) -> str:
    sections = "".join(
        f"<tr><td>{_e(s.title)}</td><td>{s.level}</td><td>{_page_link(s.first_page)}"
        f"{'–' + str(s.last_page) if s.last_page != s.first_page else ''}</td></tr>"
        for s in doc.sections
    )
    tables = []
    for page in doc.pages:
        for table in page.tables:
            rows = "".join(
                "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                for row in table.rows[:8]
            )
            header = "".join(f"<th>{_e(c)}</th>" for c in table.header)
            more = f"<p>… {len(table.rows) - 8} more rows</p>" if len(table.rows) > 8 else ""
            tables.append(f"<h4>Table on {_page_link(page.number)}</h4>"
                          f"<table><tr>{header}</tr>{rows}</table>{more}")  # fmt: skip
    return (
        "<table><tr><th>section</th><th>level</th><th>pages</th></tr>"
        f"{sections}</table>{''.join(tables) or '<p>No tables.</p>'}"
    )
