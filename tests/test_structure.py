"""Page furniture, table stitching, heading/section segmentation, report identity and settings,
on synthetic pages (no PDF involved)."""

from __future__ import annotations

import re

import pytest

from extractors.identity import identify, slugify
from extractors.model import BBox, Block, BlockRole, Page, Table
from extractors.pdf.furniture import mark_furniture
from extractors.pdf.tables import stitch_tables
from extractors.segment import (
    body_font_size,
    build_sections,
    contents_rows,
    heading_levels,
    is_heading_candidate,
    mark_headings,
)
from extractors.settings import Settings

PAGE_W, PAGE_H = 595.0, 842.0
SHA = "0123456789abcdef" * 4


def blk(
    text: str,
    top: float,
    *,
    page: int = 1,
    size: float = 10.0,
    bold: bool = False,
    x0: float = 72.0,
    x1: float | None = None,
    lines: int = 1,
    role: BlockRole = BlockRole.BODY,
) -> Block:
    bottom = top + size * 1.2 * lines
    return Block(
        text=text,
        bbox=BBox(x0, top, x1 if x1 is not None else min(x0 + 5 * len(text), 523), bottom),
        page_number=page,
        font_size=size,
        bold=bold,
        role=role,
        lines=tuple([text] * lines) if lines > 1 else (text,),
    )


def page(number: int, *blocks: Block, tables: list[Table] | None = None) -> Page:
    return Page(number, PAGE_W, PAGE_H, blocks=list(blocks), tables=list(tables or []))


def roles(p: Page) -> dict[str, BlockRole]:
    return {b.text: b.role for b in p.blocks}


# --------------------------------------------------------------------------- furniture


def _report_pages(count: int = 4) -> list[Page]:
    return [
        page(
            n,
            blk("Acme Widgets Association Annual Report 2019", 30, page=n, size=8),
            blk(f"Body paragraph number {n} of the report.", 300, page=n, lines=4),
            blk("www.acme.example", 790, page=n, size=8),
            blk(f"Page {n + 2}", 815, page=n, size=8, x0=280),
        )
        for n in range(1, count + 1)
    ]


def test_repeated_header_footer_and_page_numbers_get_their_roles() -> None:
    pages = _report_pages()
    mark_furniture(pages, Settings())
    for p in pages:
        r = roles(p)
        assert r["Acme Widgets Association Annual Report 2019"] is BlockRole.HEADER
        assert r["www.acme.example"] is BlockRole.FOOTER
        assert r[f"Page {p.number + 2}"] is BlockRole.PAGE_NUMBER
        assert r[f"Body paragraph number {p.number} of the report."] is BlockRole.BODY
        assert p.text == f"Body paragraph number {p.number} of the report."


@pytest.mark.parametrize("label", ["{n}", "- {n} -", "p. {n}", "{n} / 40", "Page {n} of 40"])
def test_bare_and_decorated_page_numbers_at_the_bottom(label: str) -> None:
    pages = [
        page(n, blk("Body text of the page.", 300, page=n), blk(label.format(n=n), 815, page=n))
        for n in range(1, 4)
    ]
    mark_furniture(pages, Settings())
    for n, p in enumerate(pages, start=1):
        assert roles(p)[label.format(n=n)] is BlockRole.PAGE_NUMBER


def test_non_repeating_block_in_the_header_zone_stays_body() -> None:
    pages = _report_pages()
    pages[1].blocks.append(blk("A one-off note near the top", 50, page=2, size=9))
    mark_furniture(pages, Settings())
    assert roles(pages[1])["A one-off note near the top"] is BlockRole.BODY


def test_number_in_the_middle_of_the_page_stays_body() -> None:
    pages = _report_pages()
    pages[2].blocks.append(blk("42", 420, page=3, size=28))
    pages[3].blocks.append(blk("7", 430, page=4, size=28))
    mark_furniture(pages, Settings())
    assert roles(pages[2])["42"] is BlockRole.BODY
    assert roles(pages[3])["7"] is BlockRole.BODY


def test_single_page_header_is_not_furniture() -> None:
    pages = [page(1, blk("Chairman's letter", 30, size=8), blk("Body text.", 300))]
    mark_furniture(pages, Settings())
    assert roles(pages[0])["Chairman's letter"] is BlockRole.BODY


def test_page_number_beside_footer_text_on_the_same_baseline() -> None:
    pages = [
        page(
            n,
            blk("Body paragraph.", 300, page=n),
            blk("Acme Annual Report 2019", 800, page=n, size=8),
            blk(str(n + 2), 800, page=n, size=8, x0=510),
        )
        for n in range(1, 5)
    ]
    mark_furniture(pages, Settings())
    for n, p in enumerate(pages, start=1):
        assert roles(p)["Acme Annual Report 2019"] is BlockRole.FOOTER
        assert roles(p)[str(n + 2)] is BlockRole.PAGE_NUMBER


# --------------------------------------------------------------------------- table stitching

HEADER = ("Region", "Members", "Growth")


def tbl(page_number: int, top: float, bottom: float, rows, header=HEADER, x0=72.0, x1=523.0):
    bbox = BBox(x0, top, x1, bottom)
    return Table((page_number,), bbox, tuple(header), tuple(map(tuple, rows)), (bbox,))


def _rows(start: int, stop: int) -> list[tuple[str, str, str]]:
    return [(f"Region {i}", str(100 * i), f"{i}%") for i in range(start, stop)]


def _table_pages(second_above: list[Block] | None = None, second_header=HEADER, width=3):
    first = page(
        1,
        blk("Membership", 80, size=16, bold=True),
        blk("Members by region are listed below.", 110),
        blk("www.acme.example", 800, size=8, role=BlockRole.FOOTER),
        tables=[tbl(1, 480, 780, _rows(1, 11))],
    )
    rows2 = [r[:width] + ("x",) * (width - 3) for r in _rows(11, 16)]
    header2 = tuple(second_header[:width]) + ("Extra",) * (width - 3)
    second = page(
        2,
        blk("Acme Annual Report", 30, size=8, role=BlockRole.HEADER),
        *(second_above or []),
        blk("A paragraph after the table.", 300, page=2),
        tables=[tbl(2, 80, 260, rows2, header=header2)],
    )
    return [first, second]


def test_table_continued_on_the_next_page_is_stitched() -> None:
    pages = _table_pages()
    stitch_tables(pages)
    (table,) = pages[0].tables
    assert pages[1].tables == []
    assert table.pages == (1, 2)
    assert table.header == HEADER
    assert HEADER not in table.rows
    assert list(table.rows) == _rows(1, 16)
    assert len(table.page_bboxes) == 2 and table.page_bboxes[1].top == 80


def test_continued_label_above_the_second_part_still_stitches() -> None:
    pages = _table_pages([blk("Membership (continued)", 60, page=2, size=9)])
    stitch_tables(pages)
    assert pages[0].tables[0].pages == (1, 2)
    assert pages[1].tables == []


def test_heading_above_the_second_table_prevents_stitching() -> None:
    pages = _table_pages([blk("Expenses by region", 60, page=2, size=14, bold=True)])
    stitch_tables(pages)
    assert pages[0].tables[0].pages == (1,)
    assert pages[1].tables[0].pages == (2,)
    assert len(pages[0].tables[0].rows) == 10


def test_different_column_count_prevents_stitching() -> None:
    pages = _table_pages(width=4)
    stitch_tables(pages)
    assert pages[0].tables[0].pages == (1,)
    assert len(pages[1].tables) == 1


def test_text_below_the_first_table_prevents_stitching() -> None:
    pages = _table_pages()
    pages[0].blocks.append(blk("Source: membership database.", 790, size=8))
    stitch_tables(pages)
    assert pages[0].tables[0].pages == (1,)
    assert len(pages[1].tables) == 1


def test_changed_header_row_on_the_next_page_is_kept_as_data() -> None:
    pages = _table_pages(second_header=("North", "10", "1%"))
    stitch_tables(pages)
    (table,) = pages[0].tables
    assert table.pages == (1, 2)
    assert table.header == HEADER
    assert table.rows[10] == ("North", "10", "1%")


def test_three_page_table_stitches_into_one() -> None:
    pages = [
        page(1, blk("Membership", 80, size=16, bold=True), tables=[tbl(1, 400, 780, _rows(1, 11))]),
        page(2, tables=[tbl(2, 80, 780, _rows(11, 31))]),
        page(3, blk("After the table.", 300, page=3), tables=[tbl(3, 80, 200, _rows(31, 36))]),
    ]
    stitch_tables(pages)
    (table,) = pages[0].tables
    assert table.pages == (1, 2, 3)
    assert list(table.rows) == _rows(1, 36)
    assert table.header == HEADER
    assert pages[1].tables == [] and pages[2].tables == []


# --------------------------------------------------------------------------- segmentation


def test_body_font_size_is_the_size_of_most_text() -> None:
    pages = [
        page(1, blk("Big Title", 80, size=28), blk("x" * 400, 200, size=10.2, lines=5)),
        page(2, blk("y" * 300, 100, page=2, size=9.9, lines=4), blk("Note", 500, page=2, size=8)),
    ]
    assert body_font_size(pages) == 10.0


@pytest.mark.parametrize(
    ("text", "size", "bold", "expected"),
    [
        ("Our Strategy", 16, True, True),
        ("Our Strategy", 14, False, True),
        ("Governance", 10, True, True),  # bold at body size
        ("Governance", 10, False, False),  # plain body-size text
        ("114,034", 28, True, False),  # a big number is a statistic, not a heading
        ("2019", 28, False, False),
        (
            "This sentence is set at heading size but it is far too long to be a heading at all.",
            16,
            True,
            False,
        ),
        ("We grew in every region this year.", 16, True, False),  # a sentence, not a title
        ("Members, partners,", 16, True, False),
        ("AFRICA (47)", 8.5, True, True),  # bold small capitals: a label heading
        ("Africa (47)", 8.5, True, False),  # small bold text in mixed case: emphasis
        ("AFRICA (47)", 8.5, False, False),
        ("AFRICA (47)", 7.0, True, False),  # too small: a footnote or a label
        ("United Arab Emirates:", 10, True, False),  # a lead-in over its line
        ("Over 300", 28, True, False),  # a figure, words and all
        ("USD 3.4 million", 28, True, False),
        ("More than", 28, True, True),
    ],
)
def test_heading_candidates(text: str, size: float, bold: bool, expected: bool) -> None:
    assert is_heading_candidate(blk(text, 100, size=size, bold=bold), 10.0) is expected


def test_small_capitals_one_after_another_are_labels_not_headings() -> None:
    """Names under a grid of photos; a label with text under it stays a heading."""
    body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 3
    pages = [
        page(
            n,
            blk("ANGOLA", 100, page=n, size=8.5, bold=True),
            blk("CHILE", 130, page=n, size=8.5, bold=True),
            blk("PERU", 160, page=n, size=8.5, bold=True),
            blk(body, 200, page=n, lines=3),
            blk("NORTH (9)", 300, page=n, size=8.5, bold=True),
            blk(body, 320, page=n, lines=3),
        )
        for n in (1, 2)
    ]
    mark_headings(pages)
    roles = [b.role for b in pages[0].blocks]
    assert roles[:3] == [BlockRole.BODY] * 3 and roles[4] is BlockRole.HEADING


def test_a_lone_number_beside_text_is_no_contents_page() -> None:
    """A headline number on the row of three columns' lines; contents need three page numbers."""
    p = page(
        1,
        blk("210", 100, size=28, x0=72, x1=120),
        blk("Ghana: Accra", 100, x0=200, x1=280),
        blk("Kenya: Nairobi", 100, x0=330, x1=420),
        blk("Chile: Valle Alto", 104, x0=450, x1=540),
    )
    assert contents_rows(p) == set()


def test_many_line_block_is_not_a_heading() -> None:
    assert not is_heading_candidate(blk("Short words here", 100, size=16, lines=4), 10.0)


def _segmented_pages() -> list[Page]:
    body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 3
    return [
        page(
            1,
            blk("Welcome to our report.", 80),
            blk("Introduction", 120, size=20, bold=True),
            blk(body, 160, lines=3),
            blk("Background", 240, size=14, bold=True),
            blk(body, 270, lines=3),
        ),
        page(
            2,
            blk(body, 80, page=2, lines=3),
            blk("Method", 200, page=2, size=14, bold=True),
            blk(body, 230, page=2, lines=3),
        ),
        page(
            3,
            blk("Finance", 80, page=3, size=20, bold=True),
            blk(body, 120, page=3, lines=3),
            blk("Outlook", 300, page=3, size=24, bold=True),
            blk(body, 340, page=3, lines=3),
        ),
    ]


def test_recurring_heading_styles_get_levels_by_size() -> None:
    pages = _segmented_pages()
    levels = heading_levels(pages, 10.0)
    assert levels[(20.0, True)] == 1
    assert levels[(14.0, True)] == 2
    assert levels[(24.0, True)] == 1  # one-off style larger than every recurring style


def test_mark_headings_sets_roles_and_levels() -> None:
    pages = _segmented_pages()
    mark_headings(pages)
    headings = {
        b.text: b.heading_level for p in pages for b in p.blocks if b.role is BlockRole.HEADING
    }
    assert headings == {
        "Introduction": 1,
        "Background": 2,
        "Method": 2,
        "Finance": 1,
        "Outlook": 1,
    }


def test_sections_hold_their_subsections_and_page_ranges() -> None:
    pages = _segmented_pages()
    mark_headings(pages)
    sections = {s.title: s for s in build_sections(pages)}
    assert list(sections) == ["", "Introduction", "Background", "Method", "Finance", "Outlook"]
    preamble, intro = sections[""], sections["Introduction"]
    assert preamble.level == 0 and preamble.text == "Welcome to our report."
    assert intro.level == 1
    assert (intro.first_page, intro.last_page) == (1, 2)
    intro_texts = [b.text for b in intro.blocks]
    assert "Background" in intro_texts and "Method" in intro_texts
    assert "Introduction" not in intro_texts and intro.heading is not None
    assert len(intro.blocks) == 6  # its 4 paragraphs and the 2 sub-headings
    background = sections["Background"]
    assert (background.level, background.first_page, background.last_page) == (2, 1, 2)
    assert len(background.blocks) == 2
    assert "Method" not in [b.text for b in background.blocks]
    assert (sections["Finance"].first_page, sections["Finance"].last_page) == (3, 3)
    assert "Outlook" not in sections["Finance"].text


def test_tables_belong_to_the_section_they_sit_in_and_its_parents() -> None:
    pages = _segmented_pages()
    pages[1].tables.append(tbl(2, 400, 500, _rows(1, 3)))
    mark_headings(pages)
    sections = {s.title: s for s in build_sections(pages)}
    assert len(sections["Method"].tables) == 1
    assert len(sections["Introduction"].tables) == 1
    assert sections["Background"].tables == []
    assert sections["Finance"].tables == []


# --------------------------------------------------------------------------- identity

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _cover(*blocks: Block) -> list[Page]:
    return [page(1, *blocks)]


def test_identity_from_cover_and_acronym_definition() -> None:
    pages = _cover(
        blk("Acme Widgets Association", 100, size=24, bold=True),
        blk("2019 Annual Report", 140, size=24, bold=True),
        blk("The Acme Widgets Association (AWA) was founded in 1950 to serve the trade.", 300),
    )
    identity = identify(pages, {}, "scan_0042", SHA)
    assert identity.report_id == "awa-2019"
    assert identity.year == 2019
    assert identity.short_name == "AWA"
    assert identity.title == "Acme Widgets Association 2019 Annual Report"


def test_organization_name_does_not_swallow_the_previous_block() -> None:
    pages = _cover(
        blk("Acme Widgets Association", 100, size=24, bold=True),
        blk("2019 Annual Report", 140, size=24, bold=True),
        blk("The Acme Widgets Association (AWA) was founded in 1950 to serve the trade.", 300),
    )
    organization = identify(pages, {}, "scan_0042", SHA).organization
    assert organization in {"Acme Widgets Association", "The Acme Widgets Association"}


def test_acronym_defined_at_the_top_of_page_two() -> None:
    pages = [
        page(1, blk("Acme Widgets Association", 100, size=24), blk("Annual Report", 140, size=24)),
        page(
            2,
            blk("The Acme Widgets Association (AWA) serves the widget trade.", 100, page=2),
            blk("In 2019 our members met twice.", 200, page=2),
        ),
    ]
    identity = identify(pages, {}, "x", SHA)
    assert identity.organization == "Acme Widgets Association"
    assert identity.short_name == "AWA"
    assert identity.report_id == "awa-2019"


def test_definition_cut_by_a_block_break_takes_the_name_the_cover_prints() -> None:
    """Justified prose broke the name over two blocks: the definition's name is only the end of
    the name the cover prints, and the cover's name is the publisher's."""
    pages = [
        page(1, blk("Lakeside Towns Network", 100, size=14), blk("Review 2024", 140, size=30)),
        page(
            2,
            blk("The Lakeside", 100, page=2),
            blk("Towns Network (LTN) links 40 towns around the lake.", 114, page=2),
        ),
    ]
    identity = identify(pages, {}, "x", SHA)
    assert (identity.organization, identity.short_name) == ("Lakeside Towns Network", "LTN")
    assert identity.report_id == "ltn-2024"


def test_acronym_after_the_name_on_the_cover() -> None:
    pages = _cover(
        blk("Lakeside Towns Network (LTN)", 100, size=24, bold=True),
        blk("Annual Review 2024", 140, size=24, bold=True),
    )
    identity = identify(pages, {}, "x", SHA)
    assert (identity.organization, identity.short_name) == ("Lakeside Towns Network", "LTN")
    assert (identity.publisher_id, identity.report_id) == ("ltn", "ltn-2024")


def test_acronym_defined_late_in_the_front_matter_shown_only_by_the_metadata() -> None:
    """A cover that prints neither name: the metadata's author says who; the definition sits on
    page six, after a contents page and a foreword."""
    filler = [page(n, blk(f"Page {n} of the foreword, written in 2024.", 100, page=n)) for n in
              range(2, 6)]  # fmt: skip
    pages = [
        page(1, blk("Annual Review 2024", 100, size=30, bold=True)),
        *filler,
        page(6, blk("The Lakeside Towns Network (LTN) links 40 towns.", 100, page=6)),
    ]
    identity = identify(pages, {"Author": "LTN Secretariat"}, "x", SHA)
    assert (identity.organization, identity.short_name) == ("Lakeside Towns Network", "LTN")
    assert identity.report_id == "ltn-2024"


def test_two_designs_that_print_the_name_differently_share_the_publisher_id() -> None:
    """One design prints the full name on the cover, the other the name with its acronym."""
    plain_cover = [
        page(1, blk("Lakeside Towns Network", 100, size=24), blk("Report 2023", 140, size=24)),
        page(2, blk("The Lakeside Towns Network (LTN) links 40 towns.", 100, page=2)),
    ]
    with_acronym = _cover(
        blk("Lakeside Towns Network (LTN)", 100, size=24), blk("Report 2025", 140, size=24)
    )
    first, second = identify(plain_cover, {}, "a", SHA), identify(with_acronym, {}, "b", SHA)
    assert first.publisher_id == second.publisher_id == "ltn"
    assert (first.report_id, second.report_id) == ("ltn-2023", "ltn-2025")


def test_identity_from_named_organization_without_acronym() -> None:
    pages = _cover(
        blk("Northern Rivers Trust", 100, size=26, bold=True),
        blk("Annual Review 2021", 140, size=26, bold=True),
        blk("A year of restoring rivers and wetlands with our volunteers.", 300),
    )
    identity = identify(pages, {}, "nrt", SHA)
    assert identity.organization == "Northern Rivers Trust"
    assert identity.year == 2021
    assert identity.report_id == "northern-rivers-trust-2021"
    assert identity.publisher_id == "northern-rivers-trust"


def test_identity_year_from_early_pages_when_title_has_none() -> None:
    pages = [
        page(1, blk("Acme Widgets Association", 100, size=24), blk("Annual Report", 140, size=24)),
        page(2, blk("In 2018 and again in 2018 our members met; 2017 was quieter.", 100, page=2)),
    ]
    assert identify(pages, {}, "x", SHA).report_id == "acme-widgets-association-2018"


def test_identity_falls_back_to_file_stem_and_hash_without_organization() -> None:
    pages = _cover(blk("Our Year in Review", 100, size=24), blk("2020 was a good year.", 200))
    identity = identify(pages, {"Author": "Jane Smith"}, "My Report (Final) v2", SHA)
    assert identity.organization is None
    assert identity.report_id == "my-report-final-v2-01234567"


def test_identity_falls_back_without_year() -> None:
    pages = _cover(
        blk("Acme Widgets Association", 100, size=24), blk("Annual Report", 140, size=24)
    )
    identity = identify(pages, {}, "acme", SHA)
    assert identity.year is None
    assert identity.report_id == "acme-01234567"


def test_identity_of_an_empty_document() -> None:
    identity = identify([page(1)], {"Title": "Microsoft Word - draft.docx"}, "日本語", SHA)
    assert identity.report_id == "report-01234567"


@pytest.mark.parametrize(
    ("cover", "stem"),
    [
        (["Société Générale Foundation", "Rapport annuel 2022"], "rapport"),
        (["Ärzte ohne Grenzen Verein", "2021 Jahresbericht"], "x"),
        (["Untitled", "no year here"], "Report—Final (v3) ✓"),
        (["O'Brien & Sons Company Ltd.", "2015 Annual Report"], "y"),
    ],
)
def test_report_id_only_contains_safe_characters(cover: list[str], stem: str) -> None:
    pages = _cover(*(blk(text, 100 + 40 * i, size=24) for i, text in enumerate(cover)))
    report_id = identify(pages, {}, stem, SHA).report_id
    assert _ID.match(report_id), report_id
    assert len(report_id) <= 60


def test_slugify_folds_accents_and_punctuation() -> None:
    assert slugify("  Société Générale — Rapport 2022! ") == "societe-generale-rapport-2022"


# --------------------------------------------------------------------------- settings


def test_settings_from_env_overrides_and_types() -> None:
    settings = Settings.from_env(
        {
            "ANNUAL_REPORTS_MAX_PAGES": "50",
            "ANNUAL_REPORTS_MAX_FILE_MB": "1.5",
            "ANNUAL_REPORTS_PDF_PASSWORD": "1234",
            "ANNUAL_REPORTS_COLUMN_GAP": "20",
            "ANNUAL_REPORTS_SPACY_MODEL": "en_core_web_sm",
            "UNRELATED": "ignored",
            "MAX_PAGES": "3",  # no prefix: ignored
        }
    )
    assert settings.max_pages == 50 and isinstance(settings.max_pages, int)
    assert settings.max_file_mb == 1.5
    assert settings.pdf_password == "1234" and isinstance(settings.pdf_password, str)
    assert settings.column_gap == 20.0 and isinstance(settings.column_gap, float)
    assert settings.spacy_model == "en_core_web_sm"
    assert settings.line_tolerance == Settings().line_tolerance


def test_settings_from_empty_env_are_the_defaults() -> None:
    assert Settings.from_env({}) == Settings()


def test_settings_from_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNUAL_REPORTS_MAX_PAGES", "7")
    assert Settings.from_env().max_pages == 7


@pytest.mark.parametrize(
    "env",
    [
        {"ANNUAL_REPORTS_MAX_PAGES": "0"},
        {"ANNUAL_REPORTS_MAX_PAGES": "-3"},
        {"ANNUAL_REPORTS_MAX_PAGES": "many"},
        {"ANNUAL_REPORTS_MAX_FILE_MB": "0"},
        {"ANNUAL_REPORTS_HEADER_ZONE": "0.6"},
        {"ANNUAL_REPORTS_FOOTER_ZONE": "0"},
    ],
)
def test_invalid_settings_are_rejected(env: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        Settings.from_env(env)


def test_settings_are_frozen_and_overrides_skip_none() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.max_pages = 5  # type: ignore[misc]
    changed = settings.with_overrides(max_pages=3, pdf_password=None)
    assert changed.max_pages == 3 and changed.pdf_password is None
    with pytest.raises(ValueError):
        settings.with_overrides(max_pages=0)
