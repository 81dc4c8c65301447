"""The ICDAR 2013 structure measure: adjacency relations, matched as multisets.

Each table (a `Grid`) becomes a multiset of relations: for every non-empty cell, (its text, the
text of the nearest non-empty cell to its right in the same row, "right") and (its text, the text
of the nearest non-empty cell below it in the same column, "below"). A spanning cell sits at its
start row and column only (the positions it covers are empty). Texts are compared after Unicode
NFKC, case-folding and removing all whitespace; a cell whose text is then empty is an empty cell.
The relations of all tables of a document are pooled; matched = the size of the multiset
intersection of the system's and the ground truth's relations.

Everything here is pure: no files, no PDFs.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

Relation = tuple[str, str, str]  # (text, neighbour's text, "right" | "below")


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a grid at its start row and column (0-based)."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """One table as a system (or the ground truth) sees it."""

    cells: tuple[Cell, ...]
    pages: tuple[int, ...] = ()

    @property
    def has_text(self) -> bool:
        return any(normalize(c.text) for c in self.cells)


@dataclass(frozen=True, slots=True)
class Counts:
    """Relations matched, found by the system, and in the ground truth."""

    matched: int = 0
    system: int = 0
    gt: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.system + other.system, self.gt + other.gt)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gt if self.gt else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalize(text: str) -> str:
    """NFKC, case-folded, every whitespace character removed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace())


def relations(grid: Grid) -> Counter[Relation]:
    """The adjacency relations of one table. Two cells at the same start position (which a
    system may produce) are one cell whose text is theirs joined in order."""
    at: dict[tuple[int, int], str] = {}
    for cell in grid.cells:
        text = normalize(cell.text)
        if text:
            key = (cell.row, cell.col)
            at[key] = at.get(key, "") + text
    rows: dict[int, list[int]] = {}
    cols: dict[int, list[int]] = {}
    for r, c in at:
        rows.setdefault(r, []).append(c)
        cols.setdefault(c, []).append(r)
    out: Counter[Relation] = Counter()
    for r, in_row in rows.items():
        in_row.sort()
        for left, right in pairwise(in_row):
            out[(at[(r, left)], at[(r, right)], "right")] += 1
    for c, in_col in cols.items():
        in_col.sort()
        for top, below in pairwise(in_col):
            out[(at[(top, c)], at[(below, c)], "below")] += 1
    return out


def pooled(grids: Iterable[Grid]) -> Counter[Relation]:
    """The relations of all tables of a document, as one multiset."""
    out: Counter[Relation] = Counter()
    for grid in grids:
        out.update(relations(grid))
    return out


def score(system: Iterable[Grid], gt: Iterable[Grid]) -> Counts:
    """The counts of one document: the system's tables against the ground truth's."""
    found, truth = pooled(system), pooled(gt)
    matched = sum((found & truth).values())
    return Counts(matched, sum(found.values()), sum(truth.values()))


def best_alternative(
    system: Iterable[Grid], alternatives: Mapping[str, Iterable[Grid]]
) -> tuple[str, Counts]:
    """Score against every alternative ground truth of a document and keep the one with the
    higher F1 (the 2013 competition's rule); ties go to the alternative that comes first, then
    to more matched relations."""
    grids = list(system)
    best: tuple[str, Counts] | None = None
    for label, gt in alternatives.items():
        counts = score(grids, gt)
        if best is None or (counts.f1, counts.matched) > (best[1].f1, best[1].matched):
            best = (label, counts)
    if best is None:
        raise ValueError("a document needs at least one ground truth")
    return best


def micro(counts: Iterable[Counts]) -> Counts:
    """The counts of several documents pooled."""
    return sum(counts, Counts())
