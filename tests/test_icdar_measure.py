"""The ICDAR 2013 structure measure (`benchmarks.icdar.measure`) on tiny hand-made grids, the
ground-truth parser on synthetic and real files, and a failing system counted as no tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.icdar.groundtruth import Document, dataset_dir, documents, parse_structure
from benchmarks.icdar.measure import (
    Cell,
    Counts,
    Grid,
    best_alternative,
    micro,
    normalize,
    relations,
    score,
)
from benchmarks.icdar.run import score_document
from benchmarks.icdar.systems import rows_grid


def grid(*rows: str) -> Grid:
    """A grid from rows of space-separated cell texts ("." is an empty cell)."""
    return rows_grid([["" if t == "." else t for t in row.split()] for row in rows])


ABC = grid("a b c", "d e f", "g h i")


def test_relations_of_a_full_grid() -> None:
    assert relations(grid("a b", "c d")) == {
        ("a", "b", "right"): 1,
        ("c", "d", "right"): 1,
        ("a", "c", "below"): 1,
        ("b", "d", "below"): 1,
    }


def test_a_perfect_match_scores_one() -> None:
    counts = score([ABC], [ABC])
    assert counts == Counts(12, 12, 12)
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


def test_swapping_two_cells_loses_exactly_their_relations() -> None:
    swapped = grid("a b c", "d f e", "g h i")
    counts = score([swapped], [ABC])
    # lost: d-e, e-f (right); b-e, e-h, c-f, f-i (below): the 6 relations touching e or f
    assert counts == Counts(6, 12, 12)
    lost = relations(ABC) - relations(swapped)
    assert set(lost) == {
        ("d", "e", "right"),
        ("e", "f", "right"),
        ("b", "e", "below"),
        ("e", "h", "below"),
        ("c", "f", "below"),
        ("f", "i", "below"),
    }
    assert counts.f1 == pytest.approx(0.5)


def test_a_spanning_cell_sits_at_its_start() -> None:
    gt = Grid((Cell(0, 0, "Head", col_span=2), Cell(1, 0, "x"), Cell(1, 1, "y")))
    assert relations(gt) == {("head", "x", "below"): 1, ("x", "y", "right"): 1}
    # the same header put over the second column keeps only the body's relation
    shifted = Grid((Cell(0, 1, "Head"), Cell(1, 0, "x"), Cell(1, 1, "y")))
    assert score([shifted], [gt]) == Counts(1, 2, 2)


def test_empty_cells_are_skipped_to_the_nearest_non_empty_one() -> None:
    g = rows_grid([["a", None, " ", "c"], ["", "\n", "", ""], ["d", "", "", "f"]])
    assert relations(g) == {
        ("a", "c", "right"): 1,
        ("d", "f", "right"): 1,
        ("a", "d", "below"): 1,
        ("c", "f", "below"): 1,
    }
    assert relations(grid("a")) == {}
    # cells given with no text (or only white space) are empty to the measure itself
    blank = Grid((Cell(0, 0, "a"), Cell(0, 1, " \n"), Cell(0, 2, "c"), Cell(1, 0, "")))
    assert relations(blank) == {("a", "c", "right"): 1}


def test_texts_are_compared_without_whitespace_or_case() -> None:
    assert normalize(" Total\n  ASSETS\t") == "totalassets"
    assert normalize("ﬁnance １２") == "finance12"  # NFKC: ligature, full-width digits
    gt = Grid((Cell(0, 0, "T HRESHOLD for\nreleases"), Cell(0, 1, "kg/Year")))
    system = Grid((Cell(0, 0, "Threshold For Releases"), Cell(0, 1, "KG / year")))
    assert score([system], [gt]) == Counts(1, 1, 1)


def test_relations_are_matched_as_multisets_over_all_tables() -> None:
    pair = grid("1 2")
    assert score([pair], [pair, pair]) == Counts(1, 1, 2)
    assert score([pair, pair, pair], [pair, pair]) == Counts(2, 3, 2)
    # pooled over the document: which table a relation came from does not matter
    assert score([grid("1 2", "3 4")], [grid("1 2"), grid("3 4")]) == Counts(2, 4, 2)


def test_micro_pools_counts_not_scores() -> None:
    total = micro([Counts(1, 1, 1), Counts(0, 9, 9)])
    assert total == Counts(1, 10, 10)
    assert total.f1 == pytest.approx(0.1)
    assert Counts().f1 == 0.0


def test_the_better_matching_alternative_is_kept() -> None:
    a, b = [grid("x y z")], [grid("y z")]
    assert best_alternative([grid("y z")], {"a": a, "b": b}) == ("b", Counts(1, 1, 1))
    assert best_alternative([grid("x y z")], {"a": a, "b": b}) == ("a", Counts(2, 2, 2))
    # a tie goes to the first alternative
    assert best_alternative([grid("q r")], {"a": a, "b": b})[0] == "a"
    with pytest.raises(ValueError):
        best_alternative([], {})


REGIONS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<document>
  <table id="1">
    <region id="1" page="1" row-increment="-1" col-increment="0">
      <cell start-row="1" start-col="0" end-col="1"><content>Head</content></cell>
      <cell start-row="2" start-col="0"><content>a</content></cell>
      <cell start-row="2" start-col="1"><content>b</content></cell>
    </region>
    <region id="2" page="1" row-increment="0" col-increment="2">
      <cell start-row="1" start-col="0"><content>c</content></cell>
    </region>
    <region id="3" page="2" row-increment="0" col-increment="0">
      <cell start-row="0" start-col="0" col-end="1"><content>more</content></cell>
    </region>
  </table>
</document>
"""


def test_parser_applies_increments_and_stacks_colliding_regions(tmp_path: Path) -> None:
    path = tmp_path / "x-str.xml"
    path.write_text(REGIONS_XML)
    [table] = parse_structure(path)
    assert table.pages == (1, 2)
    at = {(c.row, c.col): (c.text, c.col_span) for c in table.cells}
    assert at == {
        (0, 0): ("Head", 2),
        (1, 0): ("a", 1),
        (1, 1): ("b", 1),
        (1, 2): ("c", 1),  # col-increment 2
        (2, 0): ("more", 2),  # page 2 restarts at row 0: stacked below; "col-end" read
    }


@pytest.fixture
def dataset() -> Path:
    folder = dataset_dir()
    if not (folder / "eu-009a-str.xml").exists():
        pytest.skip(f"the ICDAR 2013 set is not at {folder}")
    return folder


def test_parser_on_a_real_file_with_two_alternatives(dataset: Path) -> None:
    docs = {d.name: d for d in documents(dataset)}
    assert len(docs) == 40
    doc = docs["eu-009"]
    assert doc.pdf.name == "eu-009a.pdf"
    assert [label for label, _ in doc.alternatives] == ["a", "b"]
    truth = doc.ground_truth()
    [a], [b] = truth["a"], truth["b"]
    first = min(a.cells, key=lambda c: (c.row, c.col))
    assert (first.row, first.col, first.text, first.col_span) == (0, 0, "Assignment Categories", 4)
    # b leaves out the spanning title and numbers from 1 with row-increment -1
    assert min(c.row for c in b.cells) == 0
    assert "Assignment Categories" not in {c.text for c in b.cells}
    assert len(a.cells) == len(b.cells) + 1
    assert ("JASPERS Categories", 0, 0) in {(c.text, c.row, c.col) for c in b.cells}


def test_a_failing_system_counts_as_no_tables(dataset: Path) -> None:
    doc = next(d for d in documents(dataset) if d.name == "eu-002")

    def broken(pdf: Path) -> list[Grid]:
        raise RuntimeError("boom")

    result = score_document(broken, doc)
    assert result.error is not None and "boom" in result.error
    assert result.tables == 0 and result.counts.matched == 0 and result.counts.gt > 0
    assert result.pages == 1


def test_a_system_scored_against_its_own_truth_is_perfect(dataset: Path) -> None:
    doc: Document = next(d for d in documents(dataset) if d.name == "us-011")
    truth = doc.ground_truth()
    result = score_document(lambda pdf: truth["b"], doc)
    assert result.alternative == "b"
    assert result.counts.f1 == 1.0
