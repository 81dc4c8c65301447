"""Stated totals and their reconciliation on small synthetic pages. All content is invented (a
fictional "Association of Lakeside Towns")."""

from __future__ import annotations

from extractors.model import BBox
from extractors.reconcile import reconcile
from extractors.records import Figure, Source, StatedTotal
from extractors.sections.base import Context
from extractors.sections.member_totals import heading_totals, stated_record_counts
from tests.doc_factory import DocBuilder, one_page

_SRC = Source(1, BBox(72, 100, 300, 120), "stated")


def _stated(*paragraphs: str, heading: str = "Partnerships") -> list[tuple[str, int]]:
    doc, page = one_page()
    page.heading(heading, level=1)
    for text in paragraphs:
        page.body(text)
    return [(t.scope, t.value) for t in stated_record_counts(Context(doc.build()))]


def test_sentences_state_record_counts_in_digits_and_words() -> None:
    found = _stated(
        "The association signed three agreements in 2024.",
        "Our speakers took part in 11 partner events. We welcomed Twenty-one new members.",
    )
    assert sorted(found) == [("mous", 3), ("partner_events", 11)]  # new members: no total


def test_hedged_year_and_conflicting_counts_state_no_total() -> None:
    found = _stated(
        "The towns joined over 30 partner events.",  # hedged
        "2024 Activities Kickoff Meeting",  # a year, not a count
        "We signed 4 agreements. Two agreements were signed in spring.",  # part beside whole
    )
    assert found == []


def test_record_counts_keep_the_sentence_as_provenance() -> None:
    doc, page = one_page()
    page.heading("Partnerships", level=1)
    block = page.body("The towns met often. The association signed 2 agreements this year.")
    (total,) = stated_record_counts(Context(doc.build()))
    assert total.source.page == block.page_number and total.source.bbox == block.bbox
    assert total.source.source_text == "The association signed 2 agreements this year."


def test_a_stated_record_count_reconciles_when_no_figure_states_it() -> None:
    totals = [StatedTotal("mous", 3, _SRC), StatedTotal("partner_events", 9, _SRC)]
    found = [Figure("partner events", 10, None, None, _SRC)]  # the headline figure wins
    rows = reconcile(totals, [], [], found, {"mous": 3, "partner_events": 10})
    assert [(r.scope, r.stated, r.extracted, r.ok) for r in rows] == [
        ("partner_events", 10, 10, True),
        ("mous", 3, 3, True),
    ]


def test_a_record_count_without_extracted_records_is_not_reconciled() -> None:
    rows = reconcile([StatedTotal("awards", 4, _SRC)], [], [], [], {"mous": 0})
    assert rows == []


def _heading_totals(doc: DocBuilder) -> tuple[list[tuple[str, int, str]], list[tuple[str, int]]]:
    totals, regions = heading_totals(Context(doc.build()))
    return (
        [(t.scope, t.value, t.source.source_text) for t in totals],
        [(r.region, r.stated_count) for r in regions],
    )


def test_a_count_set_apart_on_the_heading_line_joins_its_heading() -> None:
    doc, page = one_page()
    page.heading("Our Members", level=1)
    heading = page.heading("INSTITUTIONS", level=2, top=200, x1=200)
    count = page.body("| 16", top=200, x0=210, x1=240)
    page.body("Norway: Lakeside Water Institute", top=230)
    totals, _ = _heading_totals(doc)
    assert totals == [("members.institutions", 16, "INSTITUTIONS | 16")]
    assert heading_totals(Context(doc.build()))[0][0].source.bbox == heading.bbox.union(count.bbox)


def test_a_count_on_another_line_does_not_join_a_heading() -> None:
    doc, page = one_page()
    page.heading("INSTITUTIONS", level=2, top=200, x1=200)
    page.body("| 16", top=260, x0=210, x1=240)
    assert _heading_totals(doc) == ([], [])


def test_a_region_heading_with_its_words_taken_apart_is_still_a_region() -> None:
    doc, page = one_page()
    page.heading("MIDDLE MEMBERS EAST — 8", level=2)
    page.heading("AMERICAS MEMBERS — 17", level=2)
    assert _heading_totals(doc) == ([], [("Middle East", 8), ("Americas", 17)])


def test_a_bare_count_set_apart_goes_back_after_the_heading_separator() -> None:
    doc, page = one_page()
    page.heading("Our Members", level=1)
    page.heading("MIDDLE EAST — MEMBERS", level=2, top=200, x1=200)
    page.body("7", top=200, x0=210, x1=220)
    page.heading("EUROPE", level=2, top=260, x1=150)
    page.body("12", top=260, x0=160, x1=175)
    assert _heading_totals(doc) == ([], [("Middle East", 7), ("Europe", 12)])


def test_a_count_of_agreements_is_no_member_total() -> None:
    """Counts of other records reconcile, but never stand in for a member overview."""
    from extractors.extract import extract_document

    doc, page = one_page()
    page.heading("Partnerships", level=1)
    page.body("The association signed 2 agreements this year.")
    extraction = extract_document(doc.build())
    assert extraction.member_totals == []
    assert [(r.scope, r.stated) for r in extraction.reconciliation] == [("mous", 2)]
