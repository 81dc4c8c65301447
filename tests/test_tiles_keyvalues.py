"""Tiles (headline figures) and key/value structures in the document model, on invented pages:
number above or below its label, beside it, inside it; "Key: value" cards; a two-column grid of
labels and values."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.model import Document
from extractors.pdf.read import read_document
from tests import pdf_factory as pf
from tests import table_pages as tp
from tests.doc_factory import DocBuilder

BODY = [
    pf.Text(72, 700 + 14 * i, f"Body text line {i} of the page, set at the body size.")
    for i in range(8)
]


def _tiles(top_labels: bool) -> list[pf.Item]:
    items: list[pf.Item] = list(BODY)
    values = ["1.2 million", "Over 300", "45+", "92%", "USD 3.4 million", "2.7"]
    for row, y in enumerate((250, 330, 410)):
        for col, x in enumerate((72, 320)):
            value = values[row * 2 + col]
            label = f"label {row}{col}"
            if top_labels:
                items += [pf.Text(x, y, label, size=9), pf.Text(x, y + 34, value, size=26)]
            else:
                items += [pf.Text(x, y, value, size=26), pf.Text(x, y + 16, label, size=9)]
    return items


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    out = tmp_path_factory.mktemp("tiles")
    pages: dict[str, list[pf.Item]] = {
        "below": _tiles(top_labels=False),
        "above": _tiles(top_labels=True),
        "beside": [
            *BODY,
            pf.Text(72, 350, "1,250", size=30),
            pf.Text(160, 346, "visits a day", size=9),
        ],
        "inside": [
            *BODY,
            pf.Text(72, 350, "Organized", size=10),
            pf.Text(125, 350, "18", size=26),
            pf.Text(162, 350, "activities", size=10),
        ],
        "broken_inside": [
            *BODY,
            pf.Text(72, 300, "Total views of online", size=9),
            pf.Text(72, 330, "content", size=9),
            pf.Text(110, 330, "114", size=26),
            pf.Text(72, 356, ",034", size=26),
        ],
        "broken_above": [
            *BODY,
            pf.Text(72, 330, "1", size=26),
            pf.Text(72, 356, "14 03", size=26),
            pf.Text(72, 382, "4", size=26),
            pf.Text(72, 398, "page views", size=9),
        ],
        "broken_tail": [
            *BODY,
            pf.Text(72, 302, "The year in figures.", size=9),
            pf.Text(72, 330, "1,200,0", size=26),
            pf.Text(72, 356, "00", size=26),
            pf.Text(110, 356, "visits to our", size=9),
            pf.Text(72, 370, "lake pages", size=9),
            pf.Text(260, 330, "Trips on", size=9),
            pf.Text(300, 330, "12", size=26),
            pf.Text(336, 330, "boats", size=9),
        ],
        "card": [
            *BODY,
            pf.Text(72, 150, "Lakeside (Norway)", font="Helvetica-Bold", size=11),
            pf.Text(72, 165, "Area: 412 km²", size=10),
            pf.Text(72, 178, "Population: 1.9 million", size=10),
            pf.Text(72, 191, "Mayor: Kari Nordmann", size=10),
            pf.Text(72, 215, "A lakeside city that joined the network this year.", size=10),
        ],
    }
    built = {name: pf.make_pdf(out / f"{name}.pdf", [items]) for name, items in pages.items()}
    built["grid"] = tp.build(
        out / "grid.pdf",
        [
            tp.heading("Valle Alto (Chile)"),
            tp.table([], [["Area", "96 km²"], ["Population", "54,300"], ["Mayor", "Ana Soto"]],
                     "whitespace", widths=[0.3, 0.7]),
            *[tp.para("Body text of the page that goes on for a while.") for _ in range(6)],
        ],
    )  # fmt: skip
    return {name: read_document(path) for name, path in built.items()}


def _pairs(doc: Document) -> list[tuple[str, str, str]]:
    return [(t.value_text, t.label, t.arrangement) for p in doc.pages for t in p.tiles]


@pytest.mark.parametrize(
    ("name", "arrangement"), [("below", "number_above"), ("above", "label_above")]
)
def test_tiles_pair_each_number_with_its_own_label(
    docs: dict[str, Document], name: str, arrangement: str
) -> None:
    tiles = _pairs(docs[name])
    values = ["1.2 million", "Over 300", "45+", "92%", "USD 3.4 million", "2.7"]
    labels = [f"label {r}{c}" for r in range(3) for c in range(2)]
    assert sorted(tiles) == sorted(zip(values, labels, [arrangement] * 6, strict=True))


def test_tile_with_its_label_beside_it(docs: dict[str, Document]) -> None:
    assert _pairs(docs["beside"]) == [("1,250", "visits a day", "number_beside")]


def test_tile_inside_its_label(docs: dict[str, Document]) -> None:
    assert _pairs(docs["inside"]) == [("18", "Organized 18 activities", "number_inside")]


def test_number_broken_over_lines_is_read_whole(docs: dict[str, Document]) -> None:
    # a long number in a narrow tile wraps inside itself: the pieces are one number
    assert _pairs(docs["broken_inside"]) == [
        ("114,034", "Total views of online content 114,034", "number_inside")
    ]
    assert _pairs(docs["broken_above"]) == [("114 034", "page views", "number_above")]
    # a label beside the number's last line: the paragraph over the number is no label of it
    [broken] = [t for t in _pairs(docs["broken_tail"]) if t[0] == "1,200,000"]
    assert "The year" not in broken[1]


def test_no_tiles_without_large_numbers(docs: dict[str, Document]) -> None:
    assert _pairs(docs["card"]) == []


def test_card_lines_are_key_values_under_their_title(docs: dict[str, Document]) -> None:
    [kv] = [kv for p in docs["card"].pages for kv in p.key_values]
    assert kv.kind == "lines" and kv.title == "Lakeside (Norway)"
    assert kv.pairs == (
        ("Area", "412 km²"),
        ("Population", "1.9 million"),
        ("Mayor", "Kari Nordmann"),
    )
    assert kv.get(r"popul") == "1.9 million" and kv.get(r"leader") is None


def test_two_column_grid_of_labels_and_values(docs: dict[str, Document]) -> None:
    [kv] = [kv for p in docs["grid"].pages for kv in p.key_values]
    assert kv.kind == "grid" and kv.title == "Valle Alto (Chile)"
    assert kv.pairs == (("Area", "96 km²"), ("Population", "54,300"), ("Mayor", "Ana Soto"))


def test_figures_rule_reads_typed_values_from_tiles(docs: dict[str, Document]) -> None:
    from extractors.extract import extract_document

    figures = {(f.value, f.unit, f.qualifier) for f in extract_document(docs["below"]).figures}
    assert figures == {
        (1200000, None, None), (300, None, "over"), (45, None, "+"),
        (92, "%", None), (3400000, "USD", None), (2.7, None, None),
    }  # fmt: skip


def test_key_values_are_placed_in_the_rules_flow(docs: dict[str, Document], tmp_path: Path) -> None:
    from extractors.flow import flow
    from extractors.model import KeyValues

    kinds = [type(p.item).__name__ for p in flow(docs["card"]) if isinstance(p.item, KeyValues)]
    assert kinds == ["KeyValues"]


def test_card_value_wrapped_onto_a_line_of_its_own_is_whole() -> None:
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.block("Lakeside (Norway)", bold=True)
    page.block("Area: 412 km²\nPopulation: 1.9 million\nMayor: Kari Anne\nNordmann Berg")
    page.block("A lakeside city that joined the network this year.")
    page.block("Area: 96 km²\nPopulation: 54,300\nThe town joined the network in spring.")
    cards = [kv for p in doc.build().pages for kv in p.key_values]
    assert [(kv.title, kv.pairs) for kv in cards] == [
        (
            "Lakeside (Norway)",
            (
                ("Area", "412 km²"),
                ("Population", "1.9 million"),
                ("Mayor", "Kari Anne Nordmann Berg"),
            ),
        )
    ]
