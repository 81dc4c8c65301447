"""The parser against the sample report in raw_reports/.

Expectations are written from the report's text (the awards and partner-events tables, the
letters' paragraphs), not from the parser's output."""

from __future__ import annotations

import re

import pytest

from extractors.model import BlockRole, Document, Table
from extractors.pdf.read import read_document
from tests.corpus import ROOT

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(SAMPLE)


def test_identity(doc: Document) -> None:
    assert doc.report_id == "wego-2021"
    assert doc.organization == "World Smart Sustainable Cities Organization"
    assert doc.year == 2021
    assert doc.page_count == 24
    assert len(doc.sha256) == 64


def test_top_level_sections_and_page_ranges(doc: Document) -> None:
    top = [(s.title.casefold(), s.first_page, s.last_page) for s in doc.sections if s.level == 1]
    expected = [
        ("2021 annual report", 1, 1),
        ("table of contents", 2, 2),
        ("about wego", 3, 3),
        ("greetings", 4, 4),
        ("greetings", 5, 6),
        ("2021 highlights", 7, 7),
        ("5th wego general assembly", 8, 8),
        ("4th wego awards ceremony", 9, 9),
        ("regional expansion: africa", 10, 10),
        ("regional expansion: latin america", 11, 11),
        ("virtual networking", 12, 12),
        ("meetings with diplomatic corps", 13, 13),
        ("2021 activities", 14, 14),
        ("2021 activities", 15, 19),
        ("new members and partners", 20, 21),
    ]
    assert top[: len(expected)] == expected
    assert top[len(expected)][:2] == ("member overview", 22)


def test_table_of_contents_agrees_with_the_sections(doc: Document) -> None:
    """Every contents entry names a section that starts on the page the entry gives."""
    page = doc.pages[1]
    entries = [b for b in page.blocks if b.role is BlockRole.CONTENTS]
    numbers = {round(b.bbox.top): int(b.text) for b in entries if b.text.isdigit()}
    titles = [b for b in entries if not b.text.isdigit()]
    assert len(titles) == 9
    starts = {(s.title.casefold(), s.first_page) for s in doc.sections}
    for entry in titles:
        number = next(n for top, n in numbers.items() if abs(top - entry.bbox.top) < 8)
        title = entry.text.casefold()
        assert any(t.startswith(title.split(" & ")[0]) and p == number for t, p in starts), title


def test_sub_sections_nest_under_their_section(doc: Document) -> None:
    titles = {s.title: s for s in doc.sections}
    overview = titles["Member Overview"]
    region_headings = [b.text for b in overview.blocks if b.role is BlockRole.HEADING]
    assert {"AFRICA | 47", "EUROPE | 17", "ASIA-PACIFIC | 74"} <= set(region_headings)
    assert len(overview.tables) == 6  # five regions and the institutions
    africa = titles["AFRICA | 47"]
    assert africa.level > overview.level
    assert [t.rows[0][0] for t in africa.tables] == ["Cameroon"]


def _paragraph_positions(doc: Document, page_numbers: range, starts: list[str]) -> list[int]:
    blocks = [b.text for n in page_numbers for b in doc.pages[n - 1].body_blocks]
    return [next(i for i, text in enumerate(blocks) if text.startswith(s)) for s in starts]


def test_two_column_letter_reads_left_column_then_right(doc: Document) -> None:
    starts = [
        "On behalf of the WeGO Secretariat",
        "The COVID-19 pandemic has shown us",
        "Taking advantage of WeGO's wide network",
        "In response to the specific regional needs",
        "WeGO has received three ministerial delegations",
        "I would like to extend our gratitude",
        "It has been fantastic working with you",
    ]
    positions = _paragraph_positions(doc, range(5, 7), starts)
    assert positions == sorted(positions)
    page = doc.pages[4]
    columns = {b.column for b in page.body_blocks if b.text.startswith(tuple(starts))}
    assert len(columns) == 2, "the letter is set in two columns"
    # the paragraph that breaks across the gutter continues in the right column
    text = re.sub(r"\s+", " ", page.text)
    assert "signature of 3 MOUs and welcoming of 7 new members" in text


def test_running_headers_footers_and_page_numbers_stay_out_of_body_text(doc: Document) -> None:
    for page in doc.pages[1:-1]:
        roles = {b.role for b in page.blocks}
        assert BlockRole.HEADER in roles, page.number
        assert BlockRole.PAGE_NUMBER in roles, page.number
        assert "WeGO 2021 Annual Report" not in page.text
        number = next(b for b in page.blocks if b.role is BlockRole.PAGE_NUMBER)
        assert number.text == str(page.number)
        assert page.text.strip().splitlines()[-1:] != [str(page.number)]


def _table(doc: Document, first_header_cell: str) -> Table:
    return next(
        t
        for p in doc.pages
        for t in p.tables
        if t.header[:2] == ("", first_header_cell) or t.header[:1] == (first_header_cell,)
    )


def test_awards_table_cell_by_cell(doc: Document) -> None:
    table = _table(doc, "GOLD")
    assert table.header == ("", "GOLD", "SILVER", "SPECIAL MENTION")
    expected = [
        ("Efficient Government", "Goyang", "Moscow", "Makati"),
        ("Emerging Technology", "Seongnam", "Jeju", "Lima"),
        ("Mobility", "George Town", "Belo Horizonte", "Tehran"),
        ("Open and Inclusive City", "São Paulo", "Jakarta", "Sejong"),
        ("Safe City", "Mexico City", "Belo Horizonte", "Goyang"),
        ("Sustainable City", "Istanbul", "Mashhad", "Iskandar Malaysia"),
    ]
    assert [row[0] for row in table.rows] == [e[0] for e in expected]
    cities = [
        tuple(" ".join(line.text for line in cell if line.bold) for cell in row[1:])
        for row in table.cell_lines
    ]
    assert cities == [e[1:] for e in expected]
    assert table.rows[0][1] == "Goyang Goyang Smart City"
    assert table.rows[1][3] == (
        "Lima Visualization and Measurement of the Air Quality using Low-cost Sensors and "
        "Interactive Totems"
    )
    assert table.rows[2][2] == "Belo Horizonte SIU Mobile - Belo Horizonte’s Mobility App"
    assert table.rows[3][1] == "São Paulo Free Fab Lab, SP Network"
    assert table.rows[3][3] == "Sejong Sejong& Project"
    assert table.rows[5][3] == "Iskandar Malaysia Sungai Segget Rejuvenation Project"


PARTNER_EVENTS = [
    (
        "April 29",
        "Sejong International Smart City Forum",
        "Global cooperation and global development",
        "Sejong (South Korea)",
    ),
    (
        "May 23",
        "Daxing District Investment Promotion Intermediary Incentive Policy Announcement Meeting",
        "Prospective Partners",
        "Daxing District (China)",
    ),
    (
        "May 25",
        "Moscow Smart Cities Forum",
        "Sustainable, smart, resilient: ideas and concepts for urban development",
        "Moscow (Russia)",
    ),
    (
        "May 26",
        "RISE Africa 2021 Festival",
        "How our cities are pushing the boundaries of planning, governance, finance and technology",
        "ICLEI Africa",
    ),
    (
        "June 3",
        "Two-day Hybrid Seminar on Resilient Sustainable & Smart Cities",
        "Smart Sustainable Cities Feasibility Studies",
        "UCLG Africa & Morocco",
    ),
    (
        "Jun 25",
        "Seoul Smart City Best Practices IT Webinar",
        "Introducing Korea's smart city experiences and initiatives",
        "Korea Trade-Investment Promotion Agency (KOTRA) / SRPOST",
    ),
    (
        "July 29",
        "WCS Smart Cities Workshop",
        "Building Secure Cities and Social Cohesion in the Digital Age",
        "Centre for Liveable Cities (CLC)",
    ),
    (
        "Aug 3",
        "Global Perspectives on Smart Cities",
        "WeGO and Feasibility studies",
        "Smart City institute Japan (SCI-Japan)",
    ),
    (
        "Aug 20",
        "8th WFUNA College Leaders at the UN (South Korea 2021)",
        "Evaluating policy recommendations on how to achieve the UN SDGs",
        "World Federation of United Nations Associations (WFUNA)",
    ),
    (
        "Sep 8",
        "Digital Living Lab Days",
        "Change the future together: co-creating global collaborations",
        "European Network of Living Labs (ENoLL)",
    ),
    (
        "Oct 27",
        "2nd International Summit on Smart Cities",
        "Digital Government",
        "Friedrich Naumann Foundation for Freedom (FNF)",
    ),
    (
        "Nov 11",
        "Korea's digitalization and smart city development",
        "Introduction of WeGO and best practice cases in Korea's smart city policy",
        "Council of Local Authorities for International Relations (CLAIR)",
    ),
]


def test_partner_events_table_is_stitched_across_the_page_break(doc: Document) -> None:
    table = _table(doc, "Date")
    assert len(table.pages) == 2 and table.pages[1] == table.pages[0] + 1
    assert table.header == ("Date", "Event Name", "Theme", "Event Organizer")
    assert ("Date", "Event Name", "Theme", "Event Organizer") not in table.rows
    assert [tuple(r) for r in table.rows] == [tuple(e) for e in PARTNER_EVENTS]
    # the continuation no longer stands alone on its page
    continuation = doc.pages[table.pages[1] - 1]
    assert all(t is table or t.pages[0] != continuation.number for t in continuation.tables)


def test_institutions_table_keeps_two_pairs_per_row(doc: Document) -> None:
    table = next(
        t for p in doc.pages for t in p.tables if t.header == ("Country", "Institutions") * 2
    )
    assert table.rows[1][2] == "Nigeria"
    assert table.rows[1][3].startswith("African Smart Cities Innovation Foundation (ASCIF), ")
    assert len(table.rows) == 6


def test_text_is_nfc_and_keeps_accents(doc: Document) -> None:
    import unicodedata

    text = "\n".join(p.text for p in doc.pages) + "".join(
        c for p in doc.pages for t in p.tables for r in t.rows for c in r
    )
    assert unicodedata.is_normalized("NFC", text)
    for word in ("São Paulo", "Beyoğlu", "Muğla", "Núñez", "km²"):
        assert word in text, word
