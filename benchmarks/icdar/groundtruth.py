"""The ICDAR 2013 Table Competition set: where it is, its documents, their ground truth.

The set is read in place (never copied into the project): `$ANNUAL_REPORTS_ICDAR2013`, else
`../shared/tables/icdar2013` next to the project root. Each document `NAME.pdf` has its structure
in `NAME-str.xml`; a document with two interpretations has `NAMEa.pdf` and `NAMEa-str.xml` plus
`NAMEb-str.xml` (no PDF of its own), and is named `NAME` here with alternatives "a" and "b".

Regions. A `<table>` has one `<region>` per part (a page it crosses, or a block of columns printed
beside another); a region's cells are numbered in the region, and its `row-increment` and
`col-increment` map them into the table: table row = region row + row-increment (likewise
columns). In this set that puts every table's first row and column at 0 (e.g. `row-increment="-1"`
with rows numbered from 1; us-035's three side-by-side regions with column increments 0, 2, 4 make
one six-column table). A region that would land on a position an earlier region of the same table
already holds (a continuation page numbered from 0 again with increment 0) is stacked below the
rows seen so far instead, which is what a table continued on the next page means; no table in the
2013 set needs that. So every `<table>` is one grid, however many regions it has.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from benchmarks.icdar.measure import Cell, Grid

ENV = "ANNUAL_REPORTS_ICDAR2013"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def dataset_dir() -> Path:
    """The folder holding the set (it may not exist)."""
    env = os.environ.get(ENV)
    return Path(env) if env else (PROJECT_ROOT / ".." / "shared" / "tables" / "icdar2013").resolve()


@dataclass(frozen=True)
class Document:
    name: str  # "eu-001", or "eu-009" for eu-009a.pdf with alternatives a and b
    pdf: Path
    # (label, its -str.xml): one with label "", or ("a", ...), ("b", ...)
    alternatives: tuple[tuple[str, Path], ...] = ()

    def ground_truth(self) -> dict[str, list[Grid]]:
        return {label: parse_structure(path) for label, path in self.alternatives}


def documents(folder: Path | None = None) -> list[Document]:
    """Every document of the set with its structure files, by name."""
    folder = folder or dataset_dir()
    out: list[Document] = []
    for pdf in sorted(folder.glob("*.pdf")):
        stem, base = pdf.stem, pdf.stem[:-1]
        alts = tuple(
            (p.name[len(base)], p)
            for p in sorted(folder.glob(f"{base}?-str.xml"))
            if stem[-1].isalpha() and p.name[len(base)].isalpha()
        )
        single = folder / f"{stem}-str.xml"
        if len(alts) > 1:
            out.append(Document(base, pdf, alts))
        elif single.exists():
            out.append(Document(stem, pdf, (("", single),)))
    return out


def select(docs: list[Document], names: list[str] | None) -> list[Document]:
    """The documents named (either "eu-009" or "eu-009a" picks eu-009), in the set's order."""
    if not names:
        return docs
    wanted = {n.strip() for n in names if n.strip()}
    picked = [d for d in docs if d.name in wanted or d.pdf.stem in wanted]
    known = {d.name for d in picked} | {d.pdf.stem for d in picked}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(f"not in the set: {', '.join(unknown)}")
    return picked


def _int(element: ET.Element, *names: str, default: int = 0) -> int:
    for name in names:
        value = element.get(name)
        if value is not None:
            return int(value)
    return default


def _region_cells(region: ET.Element) -> list[Cell]:
    row_inc = _int(region, "row-increment")
    col_inc = _int(region, "col-increment")
    cells = []
    for cell in region.iter("cell"):
        row = _int(cell, "start-row") + row_inc
        col = _int(cell, "start-col") + col_inc
        # us-002 spells one end column "col-end"
        end_row = _int(cell, "end-row", "row-end", default=row - row_inc) + row_inc
        end_col = _int(cell, "end-col", "col-end", default=col - col_inc) + col_inc
        text = cell.findtext("content") or ""
        cells.append(Cell(row, col, text, end_row - row + 1, end_col - col + 1))
    return cells


def table_grid(table: ET.Element) -> Grid:
    """One `<table>` element as one grid (see the module's note on regions)."""
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    pages: list[int] = []
    for region in table.iter("region"):
        page = _int(region, "page")
        if page not in pages:
            pages.append(page)
        part = _region_cells(region)
        if any((c.row, c.col) in taken for c in part):
            shift = max(r for r, _ in taken) + 1 - min(c.row for c in part)
            part = [Cell(c.row + shift, c.col, c.text, c.row_span, c.col_span) for c in part]
        cells.extend(part)
        taken.update((c.row, c.col) for c in part)
    return Grid(tuple(cells), tuple(pages))


def parse_structure(path: Path) -> list[Grid]:
    """The tables of a `-str.xml` file, in file order."""
    root = ET.parse(path).getroot()
    return [table_grid(table) for table in root.iter("table")]


def table_regions(structure: Path) -> list[tuple[int, int, tuple[float, float, float, float]]]:
    """(table number, page, (x1, y1, x2, y2)) of every region in the `-reg.xml` that goes with
    a `-str.xml`: PDF points, origin at the bottom left of the page."""
    root = ET.parse(structure.with_name(structure.name.replace("-str.xml", "-reg.xml"))).getroot()
    out = []
    for number, table in enumerate(root.iter("table"), start=1):
        for region in table.iter("region"):
            box = region.find("bounding-box")
            if box is None:
                continue
            x1, y1, x2, y2 = (float(box.get(k, 0)) for k in ("x1", "y1", "x2", "y2"))
            out.append((number, _int(region, "page"), (x1, y1, x2, y2)))
    return out
