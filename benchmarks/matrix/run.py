"""Score the layout matrix: every cell (content x design seed x engine) built by
`reportgen.matrix`, parsed and extracted by the project as a user would run it, scored against the
cell's gold (made from the content and the design, never from the PDF) with the project's scorer
(`tests/scoring.py`), key by key.

`score_cells` works in a pool of processes (each loads the spaCy pipeline once); a cell that
fails to parse or extract scores 0 on every key and carries the error."""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.matrix.cells import Cell, build_cell

# the keys a matrix cell is judged on: every record type of the contract but spaCy's mentions
KEYS = (
    "report", "member_totals", "figures", "region_totals", "members", "new_members", "mous",
    "organized_events", "partner_events", "awards", "diplomatic_countries", "people",
    "reconciliation",
)  # fmt: skip


@dataclass(frozen=True)
class CellScore:
    cell: Cell
    f1: dict[str, float]  # key -> F1
    counts: dict[str, tuple[int, int, int]]  # key -> (gold, predicted, matched)
    misses: dict[str, tuple[list[Any], list[Any]]] = field(default_factory=dict)
    error: str | None = None
    report_id: str | None = None

    @property
    def worst(self) -> float:
        return min(self.f1.values()) if self.f1 else 0.0


def _score_one(args: tuple[Cell, Path, str | None]) -> CellScore:
    cell, out_dir, model = args
    from extractors.extract import extract_document
    from extractors.nlp import load_nlp
    from extractors.pdf.read import read_document
    from tests.scoring import misses, score

    try:
        built = build_cell(cell, out_dir)
        predicted = extract_document(read_document(built.pdf), nlp=load_nlp(model)).to_dict()
    except Exception as exc:  # a cell that breaks scores zero, and says why
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return CellScore(cell, dict.fromkeys(KEYS, 0.0), {}, error=detail)
    scores = {s.key: s for s in score(predicted, built.gold, None) if s.key in KEYS}
    wrong = {
        k: misses(k, predicted, built.gold)
        for k, s in scores.items()
        if s.f1 < 1.0 and k not in ("report", "member_totals")
    }
    return CellScore(
        cell,
        {k: s.f1 for k, s in scores.items()},
        {k: (s.gold, s.predicted, s.matched) for k, s in scores.items()},
        wrong,
        report_id=predicted["report"]["report_id"],
    )


def score_cells(
    cells: Sequence[Cell], out_dir: Path, *, jobs: int | None = None, model: str | None = None
) -> Iterable[CellScore]:
    """Every cell's scores, in the order given (built first where not cached)."""
    jobs = jobs or min(4, os.cpu_count() or 1)
    tasks = [(cell, out_dir, model) for cell in cells]
    if jobs == 1:
        yield from map(_score_one, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_score_one, tasks)
