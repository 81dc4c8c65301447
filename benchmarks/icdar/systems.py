"""The systems compared: each is `run(pdf) -> list[Grid]`, one grid per table it finds.

- `ours`: this project's parser (`read_document`), every page's `tables`, through `Table.grid()`
  only; a table stitched over pages is scored as one grid per page it is printed on (its repeated
  header included), as the ground truth's tables are.
- `camelot-<flavor>` (lattice, stream, network, hybrid; `pip install -e ".[bench]"`), all pages;
  a table's `df` is its grid (camelot has no spans: every non-empty cell sits at its row and
  column). Page images for lattice and hybrid are rendered with pypdfium2 (camelot's "pdfium"
  backend, no fallback), so no Ghostscript or Poppler is needed.
- `pdfplumber-lines` / `pdfplumber-text`: `page.extract_tables()` with the default settings, and
  with both strategies "text". Cells that are None or "" are empty.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import warnings
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.icdar.measure import Cell, Grid

System = Callable[[Path], list[Grid]]

CAMELOT_FLAVORS = ("lattice", "stream", "network", "hybrid")
_RENDERING = ("lattice", "hybrid")  # the flavors that render the page


def rows_grid(rows: Iterable[Sequence[Any]], pages: tuple[int, ...] = ()) -> Grid:
    """A grid from rows of cell values (None, "" and NaN-like non-strings are empty)."""
    cells = tuple(
        Cell(r, c, value)
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if isinstance(value, str) and value.strip()
    )
    return Grid(cells, pages)


def run_ours(pdf: Path) -> list[Grid]:
    from extractors.pdf.read import read_document

    out = []
    for page in read_document(pdf).pages:
        for table in page.tables:
            for number in table.pages:  # one grid per printed part, as the ground truth's regions
                cells = tuple(
                    Cell(c.row, c.col, c.text, c.row_span, c.col_span)
                    for c in table.grid()
                    if c.page == number
                )
                out.append(Grid(cells, (number,)))
    return out


def run_camelot(pdf: Path, flavor: str) -> list[Grid]:
    import camelot

    options: dict[str, Any] = {}
    if flavor in _RENDERING:
        options = {"backend": "pdfium", "use_fallback": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "No tables found on page-N" and the like
        tables = camelot.read_pdf(
            str(pdf), pages="all", flavor=flavor, suppress_stdout=True, **options
        )
    out = []
    for table in tables:
        rows = table.df.astype(object).values.tolist()
        out.append(rows_grid(rows, (int(table.page),)))
    return out


PLUMBER_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def run_pdfplumber(pdf: Path, settings: dict[str, Any] | None = None) -> list[Grid]:
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for rows in page.extract_tables(settings or {}):
                out.append(rows_grid(rows, (number,)))
            page.close()
    return out


SYSTEMS: dict[str, System] = {
    "ours": run_ours,
    **{f"camelot-{f}": partial(run_camelot, flavor=f) for f in CAMELOT_FLAVORS},
    "pdfplumber-lines": run_pdfplumber,
    "pdfplumber-text": partial(run_pdfplumber, settings=PLUMBER_TEXT),
}


def unavailable(name: str) -> str | None:
    """Why a system cannot run here (None when it can)."""
    if name not in SYSTEMS:
        return f"unknown system (known: {', '.join(SYSTEMS)})"
    if name.startswith("camelot-") and importlib.util.find_spec("camelot") is None:
        return 'camelot is not installed: pip install -e ".[bench]"'
    return None


def prepare(name: str) -> None:
    """Import what a system needs before it is timed (the first document should not pay for
    the imports)."""
    if name == "ours":
        importlib.import_module("extractors.pdf.read")
    elif name.startswith("camelot-"):
        importlib.import_module("camelot")
    else:
        importlib.import_module("pdfplumber")


def quiet_libraries() -> None:
    """The PDF libraries log a warning for every odd object; a benchmark run needs none."""
    for name in ("pdfminer", "playa", "camelot", "pypdfium2"):
        logging.getLogger(name).setLevel(logging.ERROR)
