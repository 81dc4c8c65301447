"""Bad input must end in a typed UnreadableReport with the right reason, never a stray exception."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from extractors.errors import Reason, ReportError, UnreadableReport
from extractors.model import Document
from extractors.pdf.open import open_pdf
from extractors.pdf.read import read_document
from extractors.settings import Settings
from tests import pdf_factory as pf
from tests.conftest import OWNER_PASSWORD, USER_PASSWORD

SETTINGS = Settings()  # explicit, so that ANNUAL_REPORTS_* variables cannot leak into the tests


def _via_read(path: Path, settings: Settings) -> None:
    read_document(path, settings)


def _via_open(path: Path, settings: Settings) -> None:
    with open_pdf(path, settings) as pdf:
        assert len(pdf.pages) >= 1


ENTRY_POINTS = pytest.mark.parametrize(
    "entry", [_via_read, _via_open], ids=["read_document", "open_pdf"]
)
Entry = Callable[[Path, Settings], None]


def _fails(entry: Entry, path: Path, settings: Settings = SETTINGS) -> UnreadableReport:
    with pytest.raises(UnreadableReport) as info:
        entry(path, settings)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    return info.value


@ENTRY_POINTS
def test_empty_file(entry: Entry, empty_pdf: Path) -> None:
    error = _fails(entry, empty_pdf)
    assert error.reason is Reason.EMPTY
    assert "empty" in error.message


@ENTRY_POINTS
def test_png_renamed_pdf_is_not_pdf_and_says_png(entry: Entry, png_pdf: Path) -> None:
    error = _fails(entry, png_pdf)
    assert error.reason is Reason.NOT_PDF
    assert "PNG image" in error.message


@ENTRY_POINTS
def test_html_renamed_pdf_is_not_pdf_and_says_html(entry: Entry, html_pdf: Path) -> None:
    error = _fails(entry, html_pdf)
    assert error.reason is Reason.NOT_PDF
    assert "HTML page" in error.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "JPEG image"),
        (b"PK\x03\x04" + b"\x00" * 64, "ZIP archive"),
        (b"  \n<html><body>Access denied</body></html>", "HTML page"),
        (b"just some plain text, definitely not a PDF\n", "no %PDF- header"),
    ],
    ids=["jpeg", "zip", "html-after-whitespace", "plain-text"],
)
def test_other_non_pdfs_are_described(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "thing.pdf"
    path.write_bytes(content)
    error = _fails(_via_read, path)
    assert error.reason is Reason.NOT_PDF
    assert expected in error.message


@ENTRY_POINTS
def test_truncated_pdf_is_corrupt(entry: Entry, truncated_pdf: Path) -> None:
    error = _fails(entry, truncated_pdf)
    assert error.reason is Reason.CORRUPT


@ENTRY_POINTS
def test_user_password_pdf_without_password_is_encrypted(
    entry: Entry, user_encrypted_pdf: Path
) -> None:
    error = _fails(entry, user_encrypted_pdf)
    assert error.reason is Reason.ENCRYPTED
    assert "password" in error.message


def test_user_password_pdf_with_wrong_password_says_so(user_encrypted_pdf: Path) -> None:
    error = _fails(_via_read, user_encrypted_pdf, Settings(pdf_password="not-it"))
    assert error.reason is Reason.ENCRYPTED
    assert "wrong" in error.message


@pytest.mark.parametrize("password", [USER_PASSWORD, OWNER_PASSWORD], ids=["user", "owner"])
def test_user_password_pdf_opens_with_a_password(user_encrypted_pdf: Path, password: str) -> None:
    doc = read_document(user_encrypted_pdf, Settings(pdf_password=password))
    assert doc.page_count == 1
    assert "Confidential annual report text." in doc.pages[0].text


def test_owner_password_only_pdf_parses_without_a_password(owner_encrypted_pdf: Path) -> None:
    doc = read_document(owner_encrypted_pdf, SETTINGS)
    assert doc.page_count == 1
    assert doc.pages[0].has_text_layer
    assert "Second line of the body." in doc.pages[0].text


def test_image_only_pdf_parses_with_no_text_layer_warning(image_only_pdf: Path) -> None:
    doc = read_document(image_only_pdf, SETTINGS)
    (page,) = doc.pages
    assert page.has_text_layer is False
    assert page.blocks == []
    assert not doc.has_text
    assert any("no text layer" in w for w in page.warnings)
    assert any("no text layer" in w for w in doc.warnings)


def test_shapes_only_pdf_parses_with_no_text_layer(shapes_only_pdf: Path) -> None:
    doc = read_document(shapes_only_pdf, SETTINGS)
    (page,) = doc.pages
    assert page.has_text_layer is False
    assert page.blocks == [] and page.tables == []
    assert not doc.has_text


@ENTRY_POINTS
def test_page_count_over_limit_is_too_large(entry: Entry, five_page_pdf: Path) -> None:
    error = _fails(entry, five_page_pdf, Settings(max_pages=4))
    assert error.reason is Reason.TOO_LARGE
    assert "5 pages" in error.message


def test_page_count_at_limit_is_fine(five_page_pdf: Path) -> None:
    doc = read_document(five_page_pdf, Settings(max_pages=5))
    assert doc.page_count == 5
    assert [p.number for p in doc.pages] == [1, 2, 3, 4, 5]
    assert "Page body 5" in doc.pages[4].text


@ENTRY_POINTS
def test_file_over_size_limit_is_too_large(entry: Entry, good_pdf: Path) -> None:
    size_mb = good_pdf.stat().st_size / (1024 * 1024)
    error = _fails(entry, good_pdf, Settings(max_file_mb=size_mb / 2))
    assert error.reason is Reason.TOO_LARGE
    assert "MB" in error.message


def test_file_under_size_limit_is_fine(good_pdf: Path) -> None:
    size_mb = good_pdf.stat().st_size / (1024 * 1024)
    doc = read_document(good_pdf, Settings(max_file_mb=size_mb * 1.01))
    assert doc.page_count == 2


@ENTRY_POINTS
def test_missing_file_is_a_typed_error(entry: Entry, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "missing.pdf"
    error = _fails(entry, missing)
    assert isinstance(error, ReportError)
    assert "no such file" in error.message


def test_directory_instead_of_file_is_a_typed_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    _fails(_via_read, folder)


def test_read_document_accepts_str_paths(good_pdf: Path) -> None:
    doc = read_document(str(good_pdf), SETTINGS)
    assert doc.source_file == "good.pdf"


def _summary(doc: Document) -> dict:
    return doc.to_dict()


def test_bad_files_do_not_affect_good_ones(
    good_pdf: Path, truncated_pdf: Path, user_encrypted_pdf: Path, png_pdf: Path
) -> None:
    reference = _summary(read_document(good_pdf, SETTINGS))
    for bad in (truncated_pdf, user_encrypted_pdf, png_pdf):
        with pytest.raises(UnreadableReport):
            read_document(bad, SETTINGS)
        assert _summary(read_document(good_pdf, SETTINGS)) == reference
    with pytest.raises(UnreadableReport) as info:
        read_document(truncated_pdf, SETTINGS)
    assert info.value.reason is Reason.CORRUPT


def test_failed_opens_do_not_leak_file_handles(
    truncated_pdf: Path, user_encrypted_pdf: Path, five_page_pdf: Path
) -> None:
    psutil = pytest.importorskip("psutil")
    if not hasattr(psutil.Process(), "num_fds"):
        pytest.skip("num_fds is POSIX-only")
    process = psutil.Process(os.getpid())
    settings = Settings(max_pages=2)
    read_document(user_encrypted_pdf, Settings(pdf_password=USER_PASSWORD))  # warm up imports
    before = process.num_fds()
    for _ in range(15):
        for bad in (truncated_pdf, user_encrypted_pdf, five_page_pdf):
            with pytest.raises(UnreadableReport):
                read_document(bad, settings)
    assert process.num_fds() <= before


def test_unreadable_report_pickles_reason_and_message() -> None:
    original = UnreadableReport(Reason.CORRUPT, "corrupt PDF: bad xref")
    copy = pickle.loads(pickle.dumps(original))
    assert type(copy) is UnreadableReport
    assert copy.reason is Reason.CORRUPT
    assert copy.message == "corrupt PDF: bad xref"
    assert str(copy) == str(original)


def test_real_error_pickles_reason_and_message(png_pdf: Path) -> None:
    with pytest.raises(UnreadableReport) as info:
        read_document(png_pdf, SETTINGS)
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.reason is Reason.NOT_PDF
    assert copy.message == info.value.message


def test_unreadable_report_pickle_keeps_path(png_pdf: Path) -> None:
    with pytest.raises(UnreadableReport) as info:
        read_document(png_pdf, SETTINGS)
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.path == str(png_pdf)
    assert str(copy) == str(info.value)


def test_hostile_factory_outputs_are_what_they_claim(tmp_path: Path, good_pdf: Path) -> None:
    """Guard the fixtures themselves: the hostile files must be hostile in the intended way."""
    assert pf.png_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    truncated = pf.write_truncated(tmp_path / "t.pdf", good_pdf)
    data = truncated.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" not in data
    assert 0 < len(data) < good_pdf.stat().st_size
