"""End to end: generated multi-page PDFs through read_document."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from extractors.model import BlockRole, Document
from extractors.pdf.read import read_document
from extractors.settings import Settings
from tests import pdf_factory as pf

PAGES = 3
LEFT = [
    "Left paragraph {n}.{i} says that alpha widgets were shipped to many members across "
    "the region in good time and at a fair price."
    for i in (1, 2, 3)
]
RIGHT = [
    "Right paragraph {n}.{i} explains that beta gadgets were repaired by volunteers in "
    "every branch office during the spring."
    for i in (1, 2, 3)
]
TABLE = [["Region", "Members", "Growth"], ["North", "1,200", "4%"], ["South", "980", "7%"]]


def _paragraphs(template: list[str], n: int) -> list[str]:
    return [t.format(n=n, i=i) for i, t in enumerate(template, start=1)]


@pytest.fixture(scope="module")
def two_column(tmp_path_factory: pytest.TempPathFactory) -> Document:
    pages = []
    for n in range(1, PAGES + 1):
        items: list[pf.Item] = pf.furniture(n)
        items.append(pf.Text(72, 100, f"Chapter {n} Overview", font="Helvetica-Bold", size=16))
        left, _ = pf.column_paragraphs(pf.LEFT_X, 140, _paragraphs(LEFT, n))
        right, _ = pf.column_paragraphs(pf.RIGHT_X, 140, _paragraphs(RIGHT, n))
        items += left + right
        if n == 2:
            items.append(pf.Grid(72, 450, TABLE, col_width=120))
        pages.append(items)
    path = pf.make_pdf(tmp_path_factory.mktemp("two") / "two-column.pdf", pages)
    return read_document(path, Settings())


def test_every_paragraph_is_one_block_with_its_exact_text(two_column: Document) -> None:
    for page in two_column.pages:
        texts = [b.text for b in page.body_blocks]
        for para in _paragraphs(LEFT, page.number) + _paragraphs(RIGHT, page.number):
            assert texts.count(para) == 1, (para, texts)


def test_left_column_is_read_before_right_column(two_column: Document) -> None:
    for page in two_column.pages:
        expected = [
            f"Chapter {page.number} Overview",
            *_paragraphs(LEFT, page.number),
            *_paragraphs(RIGHT, page.number),
        ]
        assert [b.text for b in page.body_blocks] == expected
        left_cols = {b.column for b in page.body_blocks if b.text.startswith("Left")}
        right_cols = {b.column for b in page.body_blocks if b.text.startswith("Right")}
        assert len(left_cols) == len(right_cols) == 1
        assert left_cols != right_cols


def test_running_header_footer_and_page_number_are_furniture(two_column: Document) -> None:
    for page in two_column.pages:
        roles = {b.text: b.role for b in page.blocks}
        assert roles[pf.HEADER_TEXT] is BlockRole.HEADER
        assert roles[pf.FOOTER_TEXT] is BlockRole.FOOTER
        assert roles[f"Page {page.number}"] is BlockRole.PAGE_NUMBER
        assert pf.HEADER_TEXT not in page.text
        assert pf.FOOTER_TEXT not in page.text
        assert f"Page {page.number}" not in page.text
        assert page.text.startswith(f"Chapter {page.number} Overview")


def test_heading_role_and_sections(two_column: Document) -> None:
    headings = [b.text for p in two_column.pages for b in p.blocks if b.role is BlockRole.HEADING]
    assert headings == [f"Chapter {n} Overview" for n in range(1, PAGES + 1)]
    titles = [(s.title, s.first_page, s.last_page) for s in two_column.sections]
    assert titles == [(f"Chapter {n} Overview", n, n) for n in range(1, PAGES + 1)]
    (chapter2,) = [s for s in two_column.sections if s.title == "Chapter 2 Overview"]
    assert len(chapter2.tables) == 1


def test_ruled_table_is_found_with_its_header_row(two_column: Document) -> None:
    assert two_column.pages[0].tables == [] and two_column.pages[2].tables == []
    (table,) = two_column.pages[1].tables
    assert table.pages == (2,)
    assert table.header == tuple(TABLE[0])
    assert table.rows == tuple(tuple(r) for r in TABLE[1:])
    # The table's words are not repeated as loose text blocks.
    assert "North" not in two_column.pages[1].text
    assert "1,200" not in two_column.pages[1].text


ROWS = 45


@pytest.fixture(scope="module")
def long_table(tmp_path_factory: pytest.TempPathFactory) -> Document:
    styles = getSampleStyleSheet()

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, pf.PAGE_H - 40, pf.HEADER_TEXT)
        canvas.drawString(72, pf.PAGE_H - 800, pf.FOOTER_TEXT)
        canvas.drawString(pf.PAGE_W / 2 - 10, pf.PAGE_H - 822, f"Page {canvas.getPageNumber()}")

    story = [
        Paragraph("Membership by branch", styles["Heading2"]),
        Paragraph("The table below lists every branch.", styles["BodyText"]),
        pf.long_table(ROWS),
    ]
    path = tmp_path_factory.mktemp("long") / "long-table.pdf"
    pf.make_flowing_pdf(path, story, on_page=on_page)
    return read_document(path, Settings())


def test_table_over_two_pages_is_stitched_with_header_once(long_table: Document) -> None:
    assert long_table.page_count == 2
    (table,) = long_table.pages[0].tables
    assert long_table.pages[1].tables == []
    assert table.pages == (1, 2)
    assert table.header == ("Column 1", "Column 2", "Column 3")
    assert table.header not in table.rows
    assert list(table.rows) == [(f"r{r}c1", f"r{r}c2", f"r{r}c3") for r in range(1, ROWS + 1)]
    assert len(table.page_bboxes) == 2


def test_stitched_table_belongs_to_its_section(long_table: Document) -> None:
    (section,) = [s for s in long_table.sections if s.title == "Membership by branch"]
    assert [t.pages for t in section.tables] == [(1, 2)]
    assert (section.first_page, section.last_page) == (1, 2)


def test_furniture_on_table_pages_is_excluded(long_table: Document) -> None:
    assert long_table.pages[1].text == ""
    for page in long_table.pages:
        assert pf.FOOTER_TEXT not in page.text
        assert {b.role for b in page.blocks if b.text == f"Page {page.number}"} == {
            BlockRole.PAGE_NUMBER
        }
