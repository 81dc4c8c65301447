"""What the set holds (`python -m benchmarks.icdar --survey`): per document its pages, its
ground-truth tables and how each is drawn, from pdfplumber's `page.lines` and `page.rects`
inside the table's region boxes (`-reg.xml`, PDF points with the origin at the bottom left,
widened by `MARGIN` since the boxes hug the text):

- `grid`: rules across (at least 2) and down (at least 2): a ruled table;
- `rows`: rules across only (between rows, or above and below the header);
- `shaded`: no rules, filled boxes behind rows or cells;
- `none`: white space only.

A rule is a line, or a rectangle at most `THIN` points thick, at least a quarter of the box
long once the pieces on one line are joined (many rules are drawn cell by cell); a stroked
rectangle that is not thin counts as rules both ways (drawn cell borders).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from tabulate import tabulate

from benchmarks.icdar.groundtruth import Document, table_regions
from benchmarks.icdar.run import page_count

MARGIN = 4.0
THIN = 3.0
Box = tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber's, origin top left)


@dataclass(frozen=True)
class DocSurvey:
    doc: str
    pages: int
    tables: int
    styles: tuple[str, ...]  # one per table

    @property
    def ruled(self) -> str:
        kinds = {"ruled" if s in ("grid", "rows") else "whitespace" for s in self.styles}
        return "mixed" if len(kinds) > 1 else next(iter(kinds), "-")


def _covered(spans: list[tuple[float, float]]) -> float:
    """The length a set of intervals covers."""
    total, reach = 0.0, float("-inf")
    for a, b in sorted(spans):
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


def _rules(objects: list[dict[str, Any]], box: Box) -> tuple[int, int, bool]:
    """(rules across, rules down, any filled box) of the drawn objects inside a box. Collinear
    pieces (a rule drawn cell by cell) are joined first: one rule per rounded position."""
    x0, top, x1, bottom = box
    across: dict[int, list[tuple[float, float]]] = {}
    down: dict[int, list[tuple[float, float]]] = {}
    boxes = filled = 0
    for o in objects:
        w, h = o["x1"] - o["x0"], o["bottom"] - o["top"]
        if min(o["x1"], x1) < max(o["x0"], x0) or min(o["bottom"], bottom) < max(o["top"], top):
            continue
        if h <= THIN and w >= h:
            span = (max(o["x0"], x0), min(o["x1"], x1))
            across.setdefault(round(o["top"]), []).append(span)
        elif w <= THIN:
            span = (max(o["top"], top), min(o["bottom"], bottom))
            down.setdefault(round(o["x0"]), []).append(span)
        elif o.get("object_type") == "rect" and o.get("stroke"):
            boxes += 1
        elif o.get("object_type") == "rect" and o.get("fill"):
            filled += 1
    n_across = sum(_covered(s) >= (x1 - x0) / 4 for s in across.values())
    n_down = sum(_covered(s) >= (bottom - top) / 4 for s in down.values())
    if boxes:  # drawn cell borders
        n_across, n_down = n_across + 2, n_down + 2
    return n_across, n_down, filled > 0


def style(across: int, down: int, filled: bool) -> str:
    if across >= 2 and down >= 2:
        return "grid"
    if across:
        return "rows"
    return "shaded" if filled else "none"


def survey_document(doc: Document) -> DocSurvey:
    import pdfplumber

    regions = table_regions(doc.alternatives[0][1])
    per_table: dict[int, list[int]] = {}
    with pdfplumber.open(doc.pdf) as pdf:
        for number, page_no, (bx1, by1, bx2, by2) in regions:
            page = pdf.pages[page_no - 1]
            height = float(page.mediabox[3])
            box = (bx1 - MARGIN, height - by2 - MARGIN, bx2 + MARGIN, height - by1 + MARGIN)
            found = _rules([*page.lines, *page.rects], box)
            counts = per_table.setdefault(number, [0, 0, 0])
            counts[0], counts[1] = counts[0] + found[0], counts[1] + found[1]
            counts[2] = counts[2] or int(found[2])
    styles = tuple(style(a, d, bool(f)) for a, d, f in per_table.values())
    return DocSurvey(doc.name, page_count(doc.pdf), len(per_table), styles)


def survey(docs: list[Document]) -> list[DocSurvey]:
    return [survey_document(d) for d in docs]


def render_survey(rows: list[DocSurvey]) -> str:
    table = [
        [
            r.doc,
            r.pages,
            r.tables,
            r.ruled,
            ", ".join(f"{n}x {s}" for s, n in Counter(r.styles).most_common()),
        ]
        for r in rows
    ]
    kinds = Counter(s for r in rows for s in r.styles)
    total = (
        f"{len(rows)} documents, {sum(r.pages for r in rows)} pages, "
        f"{sum(r.tables for r in rows)} tables: "
        + ", ".join(f"{n} {s}" for s, n in kinds.most_common())
    )
    headers = ["document", "pages", "gt tables", "ruled?", "tables drawn as"]
    return tabulate(table, headers=headers, tablefmt="github") + "\n\n" + total
