"""Member-list rules on layouts the parser reads imperfectly: a "Country | Members" table printed
without rules (loose blocks), a table whose header took in the heading printed above it, and a
page of "Country: names" columns read as one table without header.

All content is invented: a fictional "Association of Lakeside Towns" and its towns."""

from __future__ import annotations

from extractors.model import BBox, Table
from extractors.sections import members
from extractors.sections.base import Context
from tests.doc_factory import DocBuilder, PageBuilder


def new_doc() -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=2024)
    return doc, doc.page()


def _members(doc: DocBuilder) -> list[tuple[str, str, str | None, str]]:
    found = members.extract(Context(doc.build())).members
    return sorted((m.name, m.country, m.region, m.member_type) for m in found)


def _regions(doc: DocBuilder) -> list[tuple[str, int]]:
    return sorted((r.region, r.stated_count) for r in members.extract(Context(doc.build())).regions)


def test_a_country_members_table_printed_without_rules_is_read_from_its_blocks() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("12 members in Europe", level=2)
    top = page.cursor
    for x0, text in ((72.0, "Country"), (150.0, "Members"), (300.0, "Country"), (380.0, "Members")):
        page.body(text, top=top, x0=x0)
    rows = [("Norway", "Lakeside, Fjordby", "Sweden", "Shoreham"), ("Finland", "Pinetown", "", "")]
    for i, row in enumerate(rows):
        for x0, text in zip((72.0, 150.0, 300.0, 380.0), row, strict=True):
            if text:
                page.body(text, top=top + 20 * (i + 1), x0=x0)
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Pinetown", "Finland", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]


def test_loose_blocks_under_labels_that_name_no_members_are_not_read() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.body("Country", top=top, x0=72.0)
    page.body("Capital", top=top, x0=150.0)
    page.body("Norway", top=top + 20, x0=72.0)
    page.body("Oslo", top=top + 20, x0=150.0)
    assert _members(doc) == []


def test_a_heading_read_into_a_table_header_gives_its_region_and_total() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    above = "12 MEMBERS IN EUROPE"
    page.table(
        [f"{above} Country", f"{above} Members"],
        [["Norway", "Lakeside, Fjordby"], ["Sweden", "Shoreham"]],
    )
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]
    assert _regions(doc) == [("Europe", 12)]


def test_split_header_keeps_labels_that_share_one_word() -> None:
    assert members.split_header(["Member city", "Member country"]) == [
        ("", "Member city"),
        ("", "Member country"),
    ]


def _columns_table(page: PageBuilder, columns: list[list[str]]) -> Table:
    height = max(len(c) for c in columns)
    rows = [tuple(c[i] if i < len(c) else "" for c in columns) for i in range(height)]
    table = Table(
        pages=(page.number,),
        bbox=BBox(72.0, page.cursor, 523.0, page.cursor + 16.0 * height),
        header=(),
        rows=tuple(rows),
    )
    page.page.tables.append(table)
    return table


def test_country_lines_in_columns_read_as_one_table_are_read_under_their_headings() -> None:
    doc, page = new_doc()
    page.heading("Member overview", level=1)
    _columns_table(
        page,
        [
            ["The lists show the members", "at the end of the year.", "EUROPE (3)"],
            ["Norway: Lakeside,", "Fjordby", "Sweden: Shoreham", "AFRICA (1)", "Kenya: Rivertown"],
        ],
    )
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]
    assert _regions(doc) == [("Africa", 1), ("Europe", 3)]


def test_a_table_of_prose_columns_with_one_country_line_gives_no_members() -> None:
    doc, page = new_doc()
    page.heading("Member overview", level=1)
    _columns_table(page, [["Our towns met in", "Norway: a fine summer", "for the lakes."], []])
    assert _members(doc) == []
