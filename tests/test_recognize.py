"""`extractors.recognize`: what a document must have to be taken for an annual report."""

from __future__ import annotations

import dataclasses

from extractors.extract import Extraction
from extractors.model import BBox, Document
from extractors.recognize import missing_for_a_report
from extractors.records import Figure, Member, Source, StatedTotal

SOURCE = Source(1, BBox(0, 0, 10, 10), "text")


def _doc(organization: str | None = "Harbour Cities Network", year: int | None = 2020) -> Document:
    return Document(
        report_id="hcn-2020", source_file="hcn.pdf", sha256="0" * 64, page_count=1, pages=[],
        organization=organization, year=year,
    )  # fmt: skip


def test_a_report_has_a_publisher_a_year_members_and_activities() -> None:
    doc = _doc()
    member = Member("Tema", "Ghana", "GHA", None, "local_government", SOURCE)
    figure = Figure("port visits", 12, None, None, SOURCE)
    report = Extraction(document=doc, members=[member], figures=[figure])
    assert missing_for_a_report(report) == []
    total = StatedTotal("all", 3, SOURCE)
    assert missing_for_a_report(dataclasses.replace(report, members=[], member_totals=[])) == [
        "no member overview (no member list and no stated member total)"
    ]
    assert (
        missing_for_a_report(dataclasses.replace(report, members=[], member_totals=[total])) == []
    )
    assert missing_for_a_report(dataclasses.replace(report, figures=[])) == [
        "no activities or headline figures (no event, agreement or figure)"
    ]


def test_a_document_without_publisher_or_year_is_no_report() -> None:
    missing = missing_for_a_report(Extraction(document=_doc(organization=None, year=None)))
    assert missing[:2] == ["no publishing organization", "no report year"]
    assert len(missing) == 4


def test_a_report_that_states_no_member_total_warns_that_nothing_was_reconciled() -> None:
    import dagster as dg

    from pipelines.checks import member_totals_reconcile

    member = Member("Tema", "Ghana", "GHA", None, "local_government", SOURCE)
    result = member_totals_reconcile(Extraction(document=_doc(), members=[member]))
    assert result.passed is False and result.severity == dg.AssetCheckSeverity.WARN
    assert "no stated member total" in (result.description or "")
