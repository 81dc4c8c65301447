"""Run systems over documents: time each document, catch every failure, score against the
better-matching ground-truth alternative, pool the counts."""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from benchmarks.icdar.groundtruth import Document, dataset_dir, documents, select
from benchmarks.icdar.measure import Counts, Grid, best_alternative, micro
from benchmarks.icdar.systems import SYSTEMS, System, prepare, quiet_libraries


@dataclass(frozen=True)
class DocScore:
    doc: str
    counts: Counts
    alternative: str  # the ground truth scored against ("" when the document has one)
    tables: int  # tables the system found (with any text)
    gold_tables: int
    pages: int
    seconds: float
    error: str | None = None


@dataclass
class Totals:
    """One system over a set of documents: micro counts and every document's score."""

    system: str
    docs: list[DocScore] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return micro(d.counts for d in self.docs)

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1

    @property
    def tables(self) -> int:
        return sum(d.tables for d in self.docs)

    @property
    def gold_tables(self) -> int:
        return sum(d.gold_tables for d in self.docs)

    @property
    def seconds(self) -> float:
        return sum(d.seconds for d in self.docs)

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.docs)

    @property
    def seconds_per_page(self) -> float:
        return self.seconds / self.pages if self.pages else 0.0

    @property
    def errors(self) -> list[DocScore]:
        return [d for d in self.docs if d.error]

    def by_doc(self) -> dict[str, DocScore]:
        return {d.doc: d for d in self.docs}


@cache
def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


@cache
def _ground_truth(doc: Document) -> dict[str, list[Grid]]:
    return doc.ground_truth()


def _failure(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" ({Path(where[0].filename).name}:{where[0].lineno})" if where else ""
    return f"{type(exc).__name__}: {str(exc)[:160]}{at}"


def score_document(system: System, doc: Document) -> DocScore:
    """Run one system on one document. Any exception counts as no tables found."""
    alternatives = _ground_truth(doc)
    started = time.perf_counter()
    error = None
    try:
        grids = [g for g in system(doc.pdf) if g.has_text]
    except Exception as exc:
        grids, error = [], _failure(exc)
    seconds = time.perf_counter() - started
    label, counts = best_alternative(grids, alternatives)
    gold = len(alternatives[label])
    return DocScore(doc.name, counts, label, len(grids), gold, page_count(doc.pdf), seconds, error)


Progress = Callable[[str, DocScore], None]


def run_system(name: str, docs: list[Document], progress: Progress | None = None) -> Totals:
    quiet_libraries()
    system = SYSTEMS[name]
    with contextlib.suppress(ImportError):  # every document then fails with the reason
        prepare(name)
    totals = Totals(name)
    for doc in docs:
        result = score_document(system, doc)
        totals.docs.append(result)
        if progress:
            progress(name, result)
    return totals


def score_ours(docs: list[str] | None = None, folder: Path | None = None) -> Totals:
    """This project's parser over the set (or the documents named): micro precision, recall
    and F1 (`.precision`, `.recall`, `.f1`) and per-document scores (`.docs`), for a gate test.
    Raises FileNotFoundError when the set is not there."""
    folder = folder or dataset_dir()
    found = documents(folder)
    if not found:
        raise FileNotFoundError(f"no ICDAR 2013 documents in {folder}")
    return run_system("ours", select(found, docs))
