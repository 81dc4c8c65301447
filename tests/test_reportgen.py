"""The sample-report generator (``python -m reportgen``) and the PDFs it commits.

Builds the WeGO 2021 sample (``magazine`` design) into a tmp dir and checks page count, that every
string of the content file reaches the PDF (in order), embedded TrueType fonts, byte-for-byte
determinism and that ``raw_reports/`` holds exactly what the generator produces.  The held-out
WeGO 2023 review (``classic`` design, ``tests/fixtures/reports/``) gets the same checks plus its
own design's (ruled tables with bold headers, labels right of the figures, header and footer),
and its gold file (``tests/gold/wego_2023.json``) is checked against it.
"""

from __future__ import annotations

import copy
import io
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from reportgen.__main__ import main as reportgen_main
from reportgen.content import iter_texts
from reportgen.registry import DEFAULT_OUT_DIR, REPORTS

SPEC = REPORTS["wego_2021"]
COMMITTED = DEFAULT_OUT_DIR / SPEC.output_name
SPEC_2023 = REPORTS["wego_2023"]
GOLD_2023 = Path(__file__).resolve().parent / "gold" / "wego_2023.json"
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
    assert_embedded_dejavu(pdf)
    text = "".join(page.extract_text() or "" for page in pdf.pages)
    for word in ("São Paulo", "Beyoğlu", "Muğla", "Núñez", "km²"):
        assert word in unicodedata.normalize("NFC", text)


def assert_embedded_dejavu(pdf: pdfplumber.PDF) -> None:
    """Only DejaVu faces, every one an embedded TrueType font."""
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


# -- WeGO 2023 (classic design, held-out test report) ------------------------------------------


@pytest.fixture(scope="module")
def built_2023(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("reportgen_2023")
    assert reportgen_main(["--only", SPEC_2023.name, "--out", str(out_dir)]) == 0
    return out_dir / SPEC_2023.output_name


@pytest.fixture(scope="module")
def pdf_2023(built_2023: Path) -> pdfplumber.PDF:
    with pdfplumber.open(built_2023) as document:
        yield document


@pytest.fixture(scope="module")
def gold_2023() -> dict:
    return json.loads(GOLD_2023.read_text(encoding="utf-8"))


def items_of_type(content: dict, kind: str) -> list[dict]:
    return [
        item for section in content["sections"] for item in section["items"] if item["type"] == kind
    ]


def test_2023_page_count_and_output_path(pdf_2023: pdfplumber.PDF) -> None:
    assert 14 <= len(pdf_2023.pages) <= 18
    assert all(round(page.width) == 595 and round(page.height) == 842 for page in pdf_2023.pages)
    assert SPEC_2023.committed_path.parent.parts[-3:] == ("tests", "fixtures", "reports")


def test_2023_every_content_string_is_in_the_pdf_in_order(pdf_2023: pdfplumber.PDF) -> None:
    content = SPEC_2023.content()
    assert len(list(iter_texts(content))) > 300
    problems = unmatched_content(content, body_text_of(pdf_2023))
    assert not problems, f"content missing from the PDF or out of order: {problems[:10]}"


def test_2023_fonts_serif_body_sans_headings(pdf_2023: pdfplumber.PDF) -> None:
    assert_embedded_dejavu(pdf_2023)
    fonts = Counter(
        char["fontname"].split("+")[-1] for page in pdf_2023.pages for char in page.chars
    )
    assert fonts.most_common(1)[0][0] == "DejaVuSerif"
    first_heading = next(
        word
        for word in pdf_2023.pages[1].extract_words(extra_attrs=["fontname", "size"])
        if word["text"] == "Who"
    )
    assert first_heading["fontname"].endswith("DejaVuSans-Bold")
    assert round(first_heading["size"]) == 18


def test_2023_running_header_and_footer(pdf_2023: pdfplumber.PDF) -> None:
    pages = pdf_2023.pages
    for number, page in enumerate(pages, start=1):
        header = page.crop((0, 0, page.width, HEADER_FOOTER_BAND))
        footer = page.crop((0, page.height - HEADER_FOOTER_BAND, page.width, page.height))
        if number in (1, len(pages)):  # cover and back page carry no furniture
            assert not (header.extract_text() or "").strip()
            assert not (footer.extract_text() or "").strip()
            continue
        assert squash(header.extract_text()) == "ANNUAL REVIEW 2023 WeGO"
        words = footer.extract_words()
        assert " ".join(w["text"] for w in words) == f"Annual Review 2023 {number}"
        assert len({round(w["bottom"], 1) for w in words}) == 1  # one baseline
        assert words[-1]["x1"] > page.width * 0.85  # the number is right-aligned


def tables_by_header(document: pdfplumber.PDF) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Header row -> [(page, body rows)] of every table that pdfplumber finds, asserting that
    the header row is set in bold (the parser's cue for a header)."""
    found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for number, page in enumerate(document.pages, start=1):
        for table in page.find_tables():
            rows = table.extract()
            header_chars = page.crop(table.rows[0].bbox).chars
            assert header_chars and all("Bold" in c["fontname"] for c in header_chars), rows[0]
            key = tuple(squash(cell or "") for cell in rows[0])
            found.setdefault(key, []).append((number, len(rows) - 1))
    return found


def test_2023_ruled_tables_are_detected_with_bold_headers(pdf_2023: pdfplumber.PDF) -> None:
    found = tables_by_header(pdf_2023)
    content = SPEC_2023.content()
    regions = [item for item in items_of_type(content, "region_members")]
    cities = [item for item in regions if item["header"][1] == "Member cities"]
    assert sum(rows for _, rows in found[("Country", "Member cities")]) == sum(
        len(item["rows"]) for item in cities
    )
    assert len(cities) == 5 and len(found[("Country", "Member cities")]) > 5  # one is split
    assert [rows for _, rows in found[("Country", "Institution")]] == [17]
    assert [rows for _, rows in found[("Member", "Country", "Area", "Population", "Leader")]] == [9]
    assert [rows for _, rows in found[("Partner", "Signed", "Focus")]] == [4]
    assert [rows for _, rows in found[("When", "Event", "Topic", "Host")]] == [14]  # one page
    assert [rows for _, rows in found[("Item", "2022", "2023")]] == [6]


def test_2023_figure_labels_sit_right_of_their_numbers(pdf_2023: pdfplumber.PDF) -> None:
    (grid,) = items_of_type(SPEC_2023.content(), "figure_grid")
    page = next(p for p in pdf_2023.pages if "at a Glance" in (p.extract_text() or ""))
    words = page.extract_words(extra_attrs=["size"])
    label_lefts = []
    for figure in grid["figures"]:
        (value,) = [w for w in words if w["text"] == figure["value"].split()[-1] and w["size"] > 20]
        label = min(
            (
                w
                for w in words
                if w["text"] == figure["label"].split()[0]
                and w["size"] < 12
                and w["x0"] > value["x1"]
                and w["top"] < value["bottom"]
                and w["bottom"] > value["top"] - 14  # same row (labels are centred)
            ),
            key=lambda w: w["x0"],
        )
        label_lefts.append(round(label["x0"]))
    columns = grid["columns"]
    assert columns == 2
    assert all(len(set(label_lefts[c::columns])) == 1 for c in range(columns)), label_lefts


def test_2023_build_is_deterministic(built_2023: Path) -> None:
    assert SPEC_2023.build().pdf == SPEC_2023.build().pdf == built_2023.read_bytes()


def test_2023_committed_pdf_matches_generator(built_2023: Path) -> None:
    committed = SPEC_2023.committed_path
    assert committed.exists(), "run `python -m reportgen` and commit tests/fixtures/reports/"
    assert committed.read_bytes() == built_2023.read_bytes(), (
        "tests/fixtures/reports PDF is stale: run `python -m reportgen`"
    )


def test_2023_gold_agrees_with_the_report(gold_2023: dict, pdf_2023: pdfplumber.PDF) -> None:
    """The hand-made gold still describes the generated report (guards edits of either)."""
    text = flat(body_text_of(pdf_2023))
    members = gold_2023["members"]
    local = [m for m in members if m["member_type"] == "local_government"]
    totals = gold_2023["member_totals"]
    assert len(local) == totals["local_governments"]
    assert sum(m["member_type"] == "institution" for m in members) == totals["institutions"]
    assert (
        totals["total"]
        == totals["local_governments"] + totals["institutions"] + totals["corporations"]
    )
    for region in gold_2023["region_totals"]:
        assert sum(m["region"] == region["region"] for m in local) == region["stated_count"]
        assert flat(f"{region['region']} ({region['stated_count']})") in text
    stated = {r["scope"]: r["stated"] for r in gold_2023["reconciliation"]}
    for scope in ("new_members", "mous", "partner_events", "organized_events"):
        assert len(gold_2023[scope]) == stated[scope], scope
    names = [m["name"] for m in members] + [n["name"] for n in gold_2023["new_members"]]
    names += [p["name"] for p in gold_2023["people"]] + gold_2023["diplomatic_countries"]
    names += [f["label"] for f in gold_2023["figures"]] + [m["partner"] for m in gold_2023["mous"]]
    assert [name for name in names if flat(name) not in text] == []
    assert gold_2023["awards"] == [] and gold_2023["mentions"] == []
