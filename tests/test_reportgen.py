"""The sample-report generator (``python -m reportgen``) and the PDF it commits.

Builds the WeGO 2021 sample into a tmp dir and checks page count, that every string of the
content file reaches the PDF (in order), embedded TrueType fonts, byte-for-byte determinism and
that ``raw_reports/`` holds exactly what the generator produces.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from reportgen.__main__ import main as reportgen_main
from reportgen.content import iter_texts
from reportgen.registry import DEFAULT_OUT_DIR, REPORTS

SPEC = REPORTS["wego_2021"]
COMMITTED = DEFAULT_OUT_DIR / SPEC.output_name
HEADER_FOOTER_BAND = 45  # points at the top and bottom of a page holding running header/footer


def flat(text: str) -> str:
    """NFC-normalized with all whitespace removed (lines and columns break text anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("reportgen")
    assert reportgen_main(["--only", SPEC.name, "--out", str(out_dir)]) == 0
    return out_dir / SPEC.output_name


@pytest.fixture(scope="module")
def pdf(built: Path) -> pdfplumber.PDF:
    with pdfplumber.open(built) as document:
        yield document


@pytest.fixture(scope="module")
def body_texts(pdf: pdfplumber.PDF) -> list[str]:
    """Per page, the text inside the body area, in drawing (content-stream) order."""
    texts = []
    for page in pdf.pages:
        body = page.crop((0, HEADER_FOOTER_BAND, page.width, page.height - HEADER_FOOTER_BAND))
        texts.append(body.extract_text(use_text_flow=True) or "")
    return texts


def test_page_count(pdf: pdfplumber.PDF) -> None:
    assert 20 <= len(pdf.pages) <= 24
    assert all(round(page.width) == 595 and round(page.height) == 842 for page in pdf.pages)


def body_text_of(document: pdfplumber.PDF) -> str:
    """All pages' body text (header/footer bands cropped off) in drawing order."""
    texts = []
    for page in document.pages:
        body = page.crop((0, HEADER_FOOTER_BAND, page.width, page.height - HEADER_FOOTER_BAND))
        texts.append(body.extract_text(use_text_flow=True) or "")
    return "".join(texts)


def unmatched_content(content: dict, pdf_text: str) -> list[str]:
    """Content strings that are absent from ``pdf_text`` or appear out of content order.

    Matching in order with a moving cursor makes short strings ("7", "Ghana") count too: a
    dropped one would match somewhere later and leave the following strings unmatched.
    """
    document = flat(pdf_text)
    problems = []
    cursor = 0
    for section, text in iter_texts(content):
        found = document.find(flat(text), cursor)
        if found < 0:
            problems.append(f"[{section}] {text[:80]}")
        else:
            cursor = found + len(flat(text))
    return problems


def test_every_content_string_is_in_the_pdf_in_order(pdf: pdfplumber.PDF) -> None:
    content = SPEC.content()
    assert len(list(iter_texts(content))) > 400  # the walker really found the content
    problems = unmatched_content(content, body_text_of(pdf))
    assert not problems, f"content missing from the PDF or out of order: {problems[:10]}"


@pytest.mark.parametrize("drop", ["figure value", "table row"])
def test_content_check_catches_a_dropped_item(drop: str) -> None:
    content = SPEC.content()
    damaged = copy.deepcopy(content)
    for section in damaged["sections"]:
        for item in section["items"]:
            if drop == "figure value" and item["type"] == "figures":
                item["groups"][1]["figures"][1]["value"] = ""  # the "7" of "7 new members"
            if drop == "table row" and item["type"] == "region_members":
                item["rows"] = [row for row in item["rows"] if row[0] != "Ghana"]
    with pdfplumber.open(io.BytesIO(SPEC.layout().build(damaged).pdf)) as document:
        assert unmatched_content(content, body_text_of(document))


def test_card_fact_lines(body_texts: list[str]) -> None:
    lines = {squash(line) for text in body_texts for line in text.splitlines()}
    cards = next(
        item
        for section in SPEC.content()["sections"]
        for item in section["items"]
        if item["type"] == "member_cards"
    )["cards"]
    assert len(cards) == 8
    for card in cards:
        for fact in card["facts"]:  # "Area: 682 km²" etc. each on a line of its own
            assert squash(fact) in lines, fact


def test_award_cells_have_city_over_project(pdf: pdfplumber.PDF) -> None:
    (awards,) = [
        table.extract()
        for page in pdf.pages
        for table in page.find_tables()
        if "SPECIAL MENTION" in (table.extract()[0] or [])
    ]
    cells: dict[str, list[str]] = {}
    for row in awards[1:]:
        for cell in row[1:]:
            city, _, project = (cell or "").partition("\n")
            cells.setdefault(city, []).append(squash(project))
    assert "Goyang Smart City" in cells["Goyang"]
    assert cells["Iskandar Malaysia"] == ["Sungai Segget Rejuvenation Project"]
    assert "SIU Mobile - Belo Horizonte’s Mobility App" in cells["Belo Horizonte"]


def test_table_of_contents_shows_real_pages(pdf: pdfplumber.PDF, body_texts: list[str]) -> None:
    result = SPEC.build()
    toc = next(
        item
        for section in SPEC.content()["sections"]
        for item in section["items"]
        if item["type"] == "toc"
    )
    toc_lines = [squash(line) for line in body_texts[1].splitlines()]
    for entry in toc["entries"]:
        page = result.section_pages[entry["target"]]
        assert f"{page:02d} {entry['title']}" in toc_lines
        heading = flat(entry["title"].split(" & ")[0]).casefold()
        assert heading in flat(body_texts[page - 1]).casefold()


def test_running_header_and_footer(pdf: pdfplumber.PDF) -> None:
    for number, page in enumerate(pdf.pages, start=1):
        header = page.crop((0, 0, page.width, HEADER_FOOTER_BAND)).extract_text() or ""
        footer = page.crop((0, page.height - HEADER_FOOTER_BAND, page.width, page.height))
        if number in (1, len(pdf.pages)):  # covers carry no furniture
            assert not header.strip() and not (footer.extract_text() or "").strip()
            continue
        assert header.startswith("WeGO 2021 Annual Report")
        assert (footer.extract_text() or "").strip() == str(number)


def test_ruled_tables_are_detected(pdf: pdfplumber.PDF) -> None:
    def tables_with_header(first_cell: str) -> list[int]:
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            for table in page.find_tables():
                rows = table.extract()
                if rows and rows[0] and squash(rows[0][0] or "") == first_cell:
                    pages.append(number)
        return pages

    awards = [
        t.extract()
        for page in pdf.pages
        for t in page.find_tables()
        if "SPECIAL MENTION" in (t.extract()[0] or [])
    ]
    assert len(awards) == 1 and len(awards[0]) == 7 and len(awards[0][0]) == 4
    event_pages = [
        number
        for number, page in enumerate(pdf.pages, start=1)
        for t in page.find_tables()
        if t.extract()[0] == ["Date", "Event Name", "Theme", "Event Organizer"]
    ]
    assert len(event_pages) == 2 and event_pages[1] == event_pages[0] + 1  # split, header repeated
    assert len(tables_with_header("Country")) >= 6  # region tables + institutions


def test_fonts_are_embedded_truetype(built: Path, pdf: pdfplumber.PDF) -> None:
    assert {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
        "DejaVuSerif",
        "DejaVuSerif-Bold",
        "DejaVuSerif-Italic",
        "DejaVuSerif-BoldItalic",
    }
    seen = 0
    for page in pdf.pages:
        fonts = resolve1(resolve1(page.page_obj.resources).get("Font", {}))
        for ref in fonts.values():
            font = resolve1(ref)
            assert font["Subtype"].name == "TrueType", font
            assert "FontFile2" in resolve1(font["FontDescriptor"])
            seen += 1
    assert seen
    text = "".join(page.extract_text() or "" for page in pdf.pages)
    for word in ("São Paulo", "Beyoğlu", "Muğla", "Núñez", "km²"):
        assert word in unicodedata.normalize("NFC", text)


def test_metadata(pdf: pdfplumber.PDF) -> None:
    assert pdf.metadata["Title"] == "2021 Annual Report"
    assert pdf.metadata["Author"] == "World Smart Sustainable Cities Organization"
    assert pdf.metadata["Subject"]


def test_build_is_deterministic(built: Path) -> None:
    first = SPEC.build().pdf
    second = SPEC.build().pdf
    assert first == second == built.read_bytes()
    with pdfplumber.open(io.BytesIO(first)) as document:
        assert len(document.pages) > 0


def test_committed_pdf_matches_generator(built: Path) -> None:
    assert COMMITTED.exists(), "run `python -m reportgen` and commit raw_reports/"
    assert COMMITTED.read_bytes() == built.read_bytes(), (
        "raw_reports PDF is stale: run `python -m reportgen`"
    )
