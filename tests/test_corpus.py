"""Every real-world PDF of the shared corpus either parses or is rejected with the expected typed
error; none crashes, hangs or leaks a raw exception."""

from __future__ import annotations

from typing import Any

import pytest

from extractors.errors import UnreadableReport
from extractors.pdf.read import read_document
from extractors.settings import Settings
from tests.corpus import corpus_dir, expected_reasons, manifest

ENTRIES = manifest()
pytestmark = pytest.mark.skipif(not ENTRIES, reason="shared corpus not available")


def _timeout(entry: dict[str, Any]) -> float:
    seconds = entry["measured"]["pdfplumber"].get("extract_all_text_seconds") or 0.0
    return max(30.0, 20 * seconds)


def _params() -> list[Any]:
    return [pytest.param(e, id=e["file"], marks=pytest.mark.timeout(_timeout(e))) for e in ENTRIES]


@pytest.mark.slow
@pytest.mark.parametrize("entry", _params())
def test_corpus_file_parses_or_is_rejected(entry: dict[str, Any]) -> None:
    folder = corpus_dir()
    assert folder is not None
    path = folder / entry["file"]
    if entry["expected"] == "reject":
        with pytest.raises(UnreadableReport) as caught:
            read_document(path, Settings())
        assert caught.value.reason in expected_reasons(entry), caught.value.message
        assert caught.value.message and "Traceback" not in caught.value.message
        return
    doc = read_document(path, Settings())
    assert doc.page_count == entry["pages"]
    assert len(doc.pages) == entry["pages"]
    chars = entry["measured"]["pdfplumber"]["chars"]
    text = "".join(p.text for p in doc.pages) + "".join(
        cell for p in doc.pages for t in p.tables for row in (t.header, *t.rows) for cell in row
    )
    if chars > 1000:
        assert len(text) > chars // 10, "far less text than pdfplumber sees"
    if chars == 0:
        assert not doc.has_text
        assert all(not p.has_text_layer for p in doc.pages)
        assert any("no text layer" in w for w in doc.warnings)


@pytest.mark.slow
@pytest.mark.parametrize(
    "entry",
    [e for e in ENTRIES if e["password"] and e["measured"].get("with_password")],
    ids=lambda e: e["file"],
)
def test_corpus_file_opens_with_its_password(entry: dict[str, Any]) -> None:
    folder = corpus_dir()
    assert folder is not None
    doc = read_document(folder / entry["file"], Settings(pdf_password=entry["password"]))
    assert doc.page_count == entry["measured"]["with_password"]["pdfplumber"]["pages"]
