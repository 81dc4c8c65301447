"""Table recognition on invented pages, one table style at a time: ruled grids, rules between rows
only, zebra fills, white space only; wrapped cells, spanning and unbolded headers, tables that run
onto the next page or the next column, pairs layouts. And pages that hold no table at all: prose in
two columns, bullets, a table of contents.

Every PDF is built once per test session (`pdfs`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.model import BlockRole, Document, Table
from extractors.pdf.read import read_document
from tests import table_pages as tp
from tests.pdf_factory import Item, Text, make_pdf

STYLES: tuple[tp.Style, ...] = ("grid", "hrules", "zebra", "whitespace")
MEMBERS = [
    ("Norway", "Bergen, Lakeside, Northport, Old Harbour, Stavern Bay, Tromsdal, Upper Vik"),
    ("Chile", "Valle Alto"),
    ("Kenya", "Eastfield, Greenhill, Kisanga, Lower Mara, Riverbend, Sunset Plains, Westgate"),
    ("Peru", "Cerro Azul, Punta Norte"),
]
EVENTS = [
    ("12 March", "Open Data Forum", "Data standards for cities", "Harbour City Council"),
    ("3 May", "Mobility Week", "Shared transport and safe streets for everyone", "Transit Lab"),
    ("19 June", "Climate Summit", "Adaptation finance", "Green Towns Alliance"),
    ("7 October", "Digital Skills Day", "Training city officials", "Civic Tech Institute"),
]
EVENT_HEADER = ["Date", "Event", "Theme", "Organizer"]
WRAPPING_EVENTS = [  # cells that go on in lower case on their next lines, like prose
    ("12 March", "Open Data Forum", "data standards, open portals and shared registers for "
     "cities and their regions", "the harbour city council and its partners"),
    ("3 May", "Mobility Week", "shared transport, safe streets and clean air for everyone in "
     "the towns of the network", "the transit lab of the northern towns"),
    ("19 June", "Climate Summit", "adaptation finance, flood defences and heat plans for the "
     "lakeside towns", "the green towns alliance and friends"),
    ("7 October", "Digital Skills Day", "training city officials in data, design and the "
     "procurement of software", "the civic tech institute of the coast"),
]  # fmt: skip
PROSE = (
    "The network grew again this year, and its members met more often than in any year before. "
    "Working groups on data, mobility and climate each held their own meetings, and the results "
    "were shared with every member city through the newsletter and the annual meeting. "
)


def _members(style: tp.Style) -> list[Any]:
    rows = [list(r) for r in MEMBERS]
    return [
        tp.heading("Member cities"),
        tp.table(["Country", "Members"], rows, style, widths=[0.25, 0.75]),
    ]


def _events_over_two_pages(style: tp.Style, repeat: bool) -> list[Any]:
    rows = [[f"{d}", f"{n} {i}", t, o] for i in range(1, 13) for d, n, t, o in EVENTS]
    intro = [tp.para(PROSE) for _ in range(9)]
    return [*intro, tp.table(EVENT_HEADER, rows, style, repeat_header=repeat)]


def _member_lines() -> list[Any]:
    """ "Country: names" lines in three columns under small-capital region labels: the lines of
    one column fall between those of the next wherever a label moved them down."""
    story: list[Any] = [tp.heading("Member cities")]
    for region in ("NORTH (9)", "SOUTH (12)", "EAST (7)", "WEST (11)", "ISLANDS (5)"):
        story.append(tp.label(region))
        story += [tp.para(f"<b>{country}:</b> {names}") for country, names in MEMBERS]
    return story


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    out = tmp_path_factory.mktemp("tables")
    built: dict[str, Path] = {}
    for style in STYLES:
        built[f"members-{style}"] = tp.build(out / f"members-{style}.pdf", _members(style))
        built[f"events-{style}"] = tp.build(
            out / f"events-{style}.pdf",
            [
                tp.heading("Partner events"),
                tp.table(EVENT_HEADER, [list(e) for e in EVENTS], style),
            ],
        )
        built[f"long-{style}"] = tp.build(
            out / f"long-{style}.pdf", _events_over_two_pages(style, True)
        )
    built["long-norepeat"] = tp.build(
        out / "long-norepeat.pdf", _events_over_two_pages("hrules", False)
    )
    built["spanning"] = tp.build(
        out / "spanning.pdf",
        [
            tp.heading("Budget"),
            tp.table(
                [["", "2023", "", "2024", ""], ["Item", "Plan", "Actual", "Plan", "Actual"]],
                [
                    ["Membership fees", "1,200", "1,150", "1,300", "1,320"],
                    ["Grants", "800", "760", "850", "905"],
                    ["Projects", "450", "470", "500", "480"],
                ],
                "hrules",
                widths=[0.32, 0.17, 0.17, 0.17, 0.17],
                spans=[(0, 1, 2), (0, 3, 4)],
            ),
        ],
    )
    built["pairs"] = tp.build(
        out / "pairs.pdf",
        [
            tp.heading("Institutions"),
            tp.table(
                ["Country", "Institutions", "Country", "Institutions"],
                [
                    ["Norway", "Fjord University", "Chile", "Andes Institute"],
                    ["Kenya", "Savanna Data Lab", "Peru", "Pacific Academy"],
                    ["Ghana", "Coastal Agency", "Japan", "Bay Research Centre"],
                ],
                "whitespace",
                widths=[0.16, 0.34, 0.16, 0.34],
            ),
        ],
    )
    built["bold-grid"] = tp.build(
        out / "bold-grid.pdf",
        [tp.table(EVENT_HEADER, [list(e) for e in EVENTS], "grid", bold_header=True)],
    )
    left_table = tp.table(
        EVENT_HEADER[:2],
        [[f"{d}", f"{n} {i}"] for i in range(1, 11) for d, n, _, _ in EVENTS],
        "hrules",
    )
    left_table._argW = [60.0, 140.0]  # fit the column of a two-column page
    built["next-column"] = tp.two_column(
        out / "next-column.pdf", [tp.para(PROSE), tp.para(PROSE), left_table]
    )
    built["prose-two-column"] = tp.two_column(
        out / "prose.pdf",
        [tp.heading("Letter from the chair")] + [tp.para(PROSE) for _ in range(12)],
    )
    built["justified-three-column"] = tp.columns(
        out / "justified.pdf",
        [tp.heading("Our activities")] + [tp.para(PROSE, justified=True) for _ in range(9)],
        3,
    )
    built["members-three-column"] = tp.columns(out / "members3.pdf", _member_lines(), 3)
    built["zebra-cell-fills"] = tp.build(
        out / "zebra-cells.pdf",
        [
            tp.heading("Partner events"),
            tp.table(
                EVENT_HEADER,
                [list(e) for e in WRAPPING_EVENTS],
                "zebra",
                widths=[0.14, 0.22, 0.4, 0.24],
                cell_fills=True,
            ),
        ],
    )
    built["intro-then-pairs"] = tp.columns_then_full_width(
        out / "intro-pairs.pdf",
        [tp.para(PROSE, justified=True) for _ in range(3)],
        [
            tp.heading("Member cities"),
            tp.table(
                ["Country", "Members", "Country", "Members"],
                [["Norway", "Bergen", "Chile", "Valle Alto"], ["Kenya", "Eastfield", "Peru",
                  "Cerro Azul"], ["Ghana", "Accra", "Japan", "Saga"]],
                "whitespace",
                widths=[0.2, 0.3, 0.2, 0.3],
            ),
            tp.gap(12),
            tp.para("Source: member survey."),
        ],
    )  # fmt: skip
    agreements = [
        ["Harbour City Council", "14 Mar 2023"],
        ["Green Towns Alliance", "2 Jun 2023"],
        ["Civic Tech Institute", "21 Aug 2023"],
        ["Transit Lab", "6 Nov 2023"],
    ]
    for style in ("zebra", "hrules"):
        zebra = style == "zebra"
        beside = tp.table(
            ["Partner", "Date signed"], agreements, style, cell_fills=zebra, fills_twice=zebra
        )
        beside._argW = [85.0, 55.0]  # fits the first of three columns
        built[f"beside-prose-{style}"] = tp.columns(  # the prose runs on into the next columns
            out / f"beside-prose-{style}.pdf",
            [tp.heading("Partnerships"), beside, *(tp.para(PROSE) for _ in range(12))],
            3,
        )
    built["table-under-columns"] = tp.columns_then_full_width(
        out / "table-under-columns.pdf",
        [tp.para(PROSE, justified=True) for _ in range(3)],
        [
            tp.table(
                ["Country", "Members", "Country", "Members"],
                [
                    ["Norway", "Bergen", "Chile", "Valle Alto"],
                    ["Kenya", "Eastfield", "Peru", "Cerro Azul"],
                    ["Ghana", "Accra", "Japan", "Saga"],
                ],
                "whitespace",
                widths=[0.2, 0.3, 0.2, 0.3],
            ),
        ],
    )
    built["paragraph-lines-over-table"] = make_pdf(
        out / "paragraph-lines-over-table.pdf", [_paragraph_lines_over_table()]
    )
    built["region-subheads"] = tp.build(
        out / "region-subheads.pdf",
        [
            tp.heading("Member cities"),
            tp.subhead("NORTH — 2 MEMBERS"),
            tp.table(["Country", "Members"], [list(r) for r in MEMBERS[:2]], "whitespace"),
            tp.subhead("SOUTH — 2 MEMBERS"),
            tp.table(["Country", "Members"], [list(r) for r in MEMBERS[2:]], "whitespace"),
        ],
    )
    built["bullets"] = tp.build(
        out / "bullets.pdf",
        [tp.heading("Highlights")]
        + [
            tp.Paragraph(text, tp.BODY, bulletText="•")
            for text in (
                "Four new member cities joined the network",
                "Two working groups were launched",
                "The annual meeting was held in a new host city",
                "A training course reached city officials in every region",
            )
        ],
    )
    built["contents"] = tp.build(
        out / "contents.pdf",
        [
            tp.heading("Contents"),
            tp.table(
                ["", ""],
                [["About us", "3"], ["Highlights", "5"], ["Our members", "8"], ["Events", "12"]],
                "whitespace",
                widths=[0.85, 0.15],
            ),
        ],
    )
    return {name: read_document(path) for name, path in built.items()}


def _paragraph_lines_over_table() -> list[Item]:
    """Three columns of a paragraph whose last lines, set as close as its own lines, end right
    over a table's header: lines that go on mid-sentence ("... from the", "... of"), no labels."""
    prose = [
        ("Speakers of the network took part in", "conferences this year, and the", "host."),
        ("many partner events this year, from", "table gives the date, the topic of", ""),
        ("city forums to international", "each contribution and the", ""),
    ]
    items: list[Item] = [Text(72, 100, "On partner stages", "Helvetica-Bold", 16)]
    for i, texts in enumerate(prose):
        for x, text in zip((72, 240, 410), texts, strict=True):
            if text:
                items.append(Text(x, 130 + 12.6 * i, text, size=9))
    rows = [("Event", "When", "Host", "Topic")] + [
        (f"Open Data Forum {n}", f"{n} May 2023", f"Harbour Council {n}", "Data standards")
        for n in range(1, 6)
    ]
    for r, row in enumerate(rows):
        for x, text in zip((72, 225, 300, 420), row, strict=True):
            items.append(Text(x, 175 + 14 * r, text, size=8.5))
    return items


def _tables(doc: Document) -> list[Table]:
    return [t for p in doc.pages for t in p.tables if t.pages[0] == p.number]


def _one(doc: Document) -> Table:
    tables = _tables(doc)
    assert len(tables) == 1, [t.rows[:2] for t in tables]
    return tables[0]


@pytest.mark.parametrize("style", STYLES)
def test_member_lists_keep_each_country_with_its_wrapped_names(
    pdfs: dict[str, Document], style: str
) -> None:
    table = _one(pdfs[f"members-{style}"])
    assert table.header == ("Country", "Members")
    assert [r[0] for r in table.rows] == [c for c, _ in MEMBERS]
    assert [r[1] for r in table.rows] == [m for _, m in MEMBERS]


@pytest.mark.parametrize("style", STYLES)
def test_header_row_is_found_without_bold(pdfs: dict[str, Document], style: str) -> None:
    table = _one(pdfs[f"events-{style}"])
    assert table.header == tuple(EVENT_HEADER)
    assert table.rows == tuple(EVENTS)
    header_cells = [c for c in table.grid() if c.header]
    assert [c.text for c in sorted(header_cells, key=lambda c: c.col)] == EVENT_HEADER


@pytest.mark.parametrize("style", STYLES)
def test_every_cell_has_provenance(pdfs: dict[str, Document], style: str) -> None:
    table = _one(pdfs[f"events-{style}"])
    cells = table.grid()
    assert len(cells) == 4 * (len(EVENTS) + 1)
    assert all(c.page == 1 and c.bbox is not None for c in cells)
    assert all(
        table.bbox.x0 - 1 <= c.bbox.x0 and c.bbox.x1 <= table.bbox.x1 + 1 for c in cells if c.bbox
    )
    assert table.row_pages == (1,) * len(EVENTS) and len(table.row_bboxes) == len(EVENTS)


@pytest.mark.parametrize("style", STYLES)
def test_table_over_two_pages_is_one_table_with_row_pages(
    pdfs: dict[str, Document], style: str
) -> None:
    table = _one(pdfs[f"long-{style}"])
    assert table.pages == (1, 2)
    assert table.header == tuple(EVENT_HEADER)
    assert len(table.rows) == 12 * len(EVENTS)  # the repeated header row is not a data row
    assert table.rows[0][1] == "Open Data Forum 1" and table.rows[-1][1] == "Digital Skills Day 12"
    assert set(table.row_pages) == {1, 2} and list(table.row_pages) == sorted(table.row_pages)
    repeated = [c for c in table.grid() if c.header and c.page == 2]
    assert [c.text for c in sorted(repeated, key=lambda c: c.col)] == EVENT_HEADER


def test_continuation_without_a_repeated_header_is_stitched(pdfs: dict[str, Document]) -> None:
    table = _one(pdfs["long-norepeat"])
    assert table.pages == (1, 2)
    assert len(table.rows) == 12 * len(EVENTS)


def test_table_continued_in_the_next_column_is_stitched(pdfs: dict[str, Document]) -> None:
    table = _one(pdfs["next-column"])
    assert table.header == ("Date", "Event")
    assert len(table.rows) == 10 * len(EVENTS)
    assert table.rows[-1][1] == "Digital Skills Day 10"


def test_spanning_group_header_spans_its_columns(pdfs: dict[str, Document]) -> None:
    table = _one(pdfs["spanning"])
    spans = {
        c.text: (c.row, c.col, c.col_span) for c in table.grid() if c.header and c.col_span > 1
    }
    assert spans == {"2023": (0, 1, 2), "2024": (0, 3, 2)}
    assert table.header == ("Item", "2023 Plan", "2023 Actual", "2024 Plan", "2024 Actual")
    assert table.rows[1] == ("Grants", "800", "760", "850", "905")


def test_pairs_layout_keeps_four_columns(pdfs: dict[str, Document]) -> None:
    table = _one(pdfs["pairs"])
    assert table.header == ("Country", "Institutions", "Country", "Institutions")
    assert table.rows[1] == ("Kenya", "Savanna Data Lab", "Peru", "Pacific Academy")


def test_bold_header_of_a_ruled_grid(pdfs: dict[str, Document]) -> None:
    table = _one(pdfs["bold-grid"])
    assert table.header == tuple(EVENT_HEADER) and len(table.rows) == len(EVENTS)


def test_a_passage_in_two_columns_over_a_heading_is_no_part_of_the_table_under_it(
    pdfs: dict[str, Document],
) -> None:
    """The passage's gutter happens to line up with the table's middle; the heading between
    them parts the two."""
    doc = pdfs["intro-then-pairs"]
    table = _one(doc)
    assert table.header == ("Country", "Members", "Country", "Members")
    assert [r[0] for r in table.rows] == ["Norway", "Kenya", "Ghana"]
    prose = [b for b in doc.pages[0].body_blocks if b.role is BlockRole.BODY]
    assert {round(b.bbox.x0) for b in prose} == {72, 308}  # read as text, column by column
    assert all("Norway" not in b.text for b in prose)
    # the table takes part in the reading order: nothing reads down the gutter through it
    texts = [b.text for b in doc.pages[0].body_blocks]
    assert texts[-1] == "Source: member survey." and texts[-2] == "Member cities"


@pytest.mark.parametrize("style", ["zebra", "hrules"])
def test_a_table_in_one_column_beside_prose_ends_where_its_fills_and_rules_end(
    pdfs: dict[str, Document], style: str
) -> None:
    """The table fills the first of three columns; the prose beside it shares its baselines now
    and then. Its row fills (each painted twice) or rules end at the column's edge, and so does
    the table."""
    table = _one(pdfs[f"beside-prose-{style}"])
    assert table.header == ("Partner", "Date signed")
    assert [r[1] for r in table.rows] == ["14 Mar 2023", "2 Jun 2023", "21 Aug 2023", "6 Nov 2023"]
    assert table.bbox.x1 < 72 + tp.WIDTH / 3


def test_a_table_right_under_paragraphs_in_columns_starts_at_its_own_columns(
    pdfs: dict[str, Document],
) -> None:
    """The passage's gutter lines up with the table's middle and no heading or rule parts them:
    the table's own columns, which the passage's lines cross, start it."""
    doc = pdfs["table-under-columns"]
    table = _one(doc)
    assert table.header == ("Country", "Members", "Country", "Members")
    assert [r[0] for r in table.rows] == ["Norway", "Kenya", "Ghana"]
    prose = [b for b in doc.pages[0].body_blocks if b.role is BlockRole.BODY]
    assert {round(b.bbox.x0) for b in prose} == {72, 308}


def test_lines_of_a_paragraph_going_on_over_a_table_are_no_header_rows(
    pdfs: dict[str, Document],
) -> None:
    table = _one(pdfs["paragraph-lines-over-table"])
    assert table.header == ("Event", "When", "Host", "Topic")
    assert [r[1] for r in table.rows] == [f"{n} May 2023" for n in range(1, 6)]


def test_a_region_heading_right_over_a_table_is_no_header_row(pdfs: dict[str, Document]) -> None:
    tables = _tables(pdfs["region-subheads"])
    assert [t.header for t in tables] == [("Country", "Members")] * 2
    assert [[r[0] for r in t.rows] for t in tables] == [["Norway", "Chile"], ["Kenya", "Peru"]]


def test_zebra_stripes_drawn_cell_by_cell_part_rows(pdfs: dict[str, Document]) -> None:
    """Each row's fill is four rectangles; wrapped cells stay in their row, though they go on in
    lower case as prose does."""
    table = _one(pdfs["zebra-cell-fills"])
    assert table.header == tuple(EVENT_HEADER)
    assert [list(r) for r in table.rows] == [list(e) for e in WRAPPING_EVENTS]


@pytest.mark.parametrize(
    "name",
    [
        "prose-two-column",
        "bullets",
        "contents",
        "justified-three-column",  # stretched word spaces in narrow columns are no gutters
        "members-three-column",  # columns typeset apart: their baselines do not line up
    ],
)
def test_no_table_is_invented(pdfs: dict[str, Document], name: str) -> None:
    assert _tables(pdfs[name]) == []


def test_text_in_columns_right_over_a_ruled_table_is_no_part_of_it(tmp_path: Path) -> None:
    """Two columns of short lines end right over a ruled table, their gutter lined up with one
    of the table's: the table starts at its top rule, the lines above stay text."""
    notes = [tp.para(f"Working group {i} met in town {i} and shared its notes") for i in range(14)]
    rows = [["Norway", "Bergen", "Chile", "Valle Alto"], ["Kenya", "Eastfield", "Peru", "Saga"]]
    rows += [["Ghana", "Accra", "Japan", "Cerro Azul"], ["Benin", "Porto", "Fiji", "Suva"]]
    header = ["Country", "Members", "Country", "Members"]
    path = tp.columns_then_full_width(
        tmp_path / "notes-over-table.pdf",
        notes,
        [tp.table(header, rows, "hrules", widths=[0.2, 0.3, 0.2, 0.3])],
    )
    doc = read_document(path)
    table = _one(doc)
    assert table.header == tuple(header)
    assert [r[0] for r in table.rows] == ["Norway", "Kenya", "Ghana", "Benin"]
    texts = " ".join(b.text for b in doc.pages[0].body_blocks)
    assert "Working group 0 met" in texts and "Working group 13 met" in texts


@pytest.mark.parametrize(
    "above", ["and all of our members in both regions,", "took part in partner events in 2025."]
)
def test_a_running_text_line_over_a_column_is_no_header(tmp_path: Path, above: str) -> None:
    """A line of running text right over the names column (it goes on: it ends with a comma; or
    a sentence ends with a year) is no label of the table under it."""
    items: list[Any] = [Text(200, 100, above), Text(72, 114, "Country"), Text(200, 114, "Members")]
    for i, (country, names) in enumerate(MEMBERS * 2):
        items += [Text(72, 128 + 13 * i, country), Text(200, 128 + 13 * i, names[:40])]
    table = _one(read_document(make_pdf(tmp_path / "over.pdf", [items])))
    assert table.header == ("Country", "Members")
    assert len(table.rows) == 2 * len(MEMBERS)


def test_a_label_cut_in_a_narrow_column_and_a_wrapped_unit_stay_in_their_cells(
    tmp_path: Path,
) -> None:
    """A header label cut mid-word ("Populatio" over "n") is one label, not a body row; a unit
    wrapped under its number ("2,672" over "km²") and a name's last word stay in their row."""
    xs = (72, 180, 270, 330, 390)
    labels = ["Member", "Country", "Area", "Populatio", "Leader"]
    items: list[Any] = [Text(x, 100, t) for x, t in zip(xs, labels, strict=True)]
    items.append(Text(330, 112, "n"))
    rows = [  # baseline, cells: the continuation line sits closer under its row
        (130, ("Harbourview", "Norway", "682 km²", "1.9 million", "Mayor Ola Berg")),
        (146, ("Lakeside", "Chile", "2,672", "8.5 million", "Mayor Ana Soto")),
        (158, ("", "", "km²", "", "Vidal")),
        (174, ("Northport", "Kenya", "1,439 km²", "79,059", "Governor Jo Obi")),
        (190, ("Eastfield", "Ghana", "617 km²", "428,000", "Mayor Kofi Asante")),
    ]
    for y, cells in rows:
        items += [Text(x, y, t) for x, t in zip(xs, cells, strict=True) if t]
    table = _one(read_document(make_pdf(tmp_path / "narrow.pdf", [items])))
    assert " ".join(table.header[3].split()) == "Populatio n"
    assert [r[0] for r in table.rows] == ["Harbourview", "Lakeside", "Northport", "Eastfield"]
    assert table.rows[1][2:] == ("2,672 km²", "8.5 million", "Mayor Ana Soto Vidal")
