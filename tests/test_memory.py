"""Pages are released as they are read: parsing four times the pages must not need anywhere near
four times the memory (pdfplumber keeps every page's objects unless each page is closed)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from extractors.pdf.read import read_document
from tests.pdf_factory import Text, make_pdf


def _dense_pdf(path: Path, pages: int) -> Path:
    line = "Widgets were sold in many countries and regions during the year under review."
    specs = [
        [Text(50, 60 + 14 * i, f"{n}.{i} {line}", size=10) for i in range(40)]
        for n in range(1, pages + 1)
    ]
    return make_pdf(path, specs)


def _peak_bytes(path: Path) -> int:
    tracemalloc.start()
    try:
        read_document(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_does_not_grow_with_page_count(tmp_path: Path) -> None:
    small = _peak_bytes(_dense_pdf(tmp_path / "small.pdf", 8))
    large = _peak_bytes(_dense_pdf(tmp_path / "large.pdf", 32))
    assert large < 2.5 * small, (small, large)
