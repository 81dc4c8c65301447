"""Open a PDF safely: cheap checks first, then pdfplumber; every failure becomes a typed error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import Reason, UnreadableReport
from extractors.settings import Settings

_PDF_MAGIC = b"%PDF-"
_SNIFF_BYTES = 1024
# What a file that is not a PDF usually is, for a clearer message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or Excel file)"),
    (b"<!doctype html", "an HTML page"),
    (b"<html", "an HTML page"),
    (b"{", "a JSON file"),
)


def check_file(path: Path, settings: Settings) -> None:
    """Reject what can be rejected without parsing: missing, empty, oversized or non-PDF files."""
    if not path.is_file():
        raise UnreadableReport(Reason.NOT_PDF, "no such file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableReport(Reason.EMPTY, "empty file (0 bytes)", path=str(path))
    if size > settings.max_file_mb * 1024 * 1024:
        raise UnreadableReport(
            Reason.TOO_LARGE,
            f"file is {size / 1024 / 1024:.1f} MB, over the limit of {settings.max_file_mb:g} MB",
            path=str(path),
        )
    with path.open("rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if _PDF_MAGIC not in head:
        raise UnreadableReport(Reason.NOT_PDF, f"not a PDF: {_describe(head)}", path=str(path))


def _describe(head: bytes) -> str:
    probe = head.lstrip().lower()
    for signature, what in _SIGNATURES:
        if probe.startswith(signature.lower()):
            return f"the file is {what}"
    return "no %PDF- header in the first 1 KB"


def _open_error(exc: BaseException, path: Path, password_given: bool) -> UnreadableReport:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        hint = (
            "the configured password is wrong"
            if password_given
            else "set a password (ANNUAL_REPORTS_PDF_PASSWORD or --password) to open it"
        )
        return UnreadableReport(
            Reason.ENCRYPTED, f"password required: the PDF is encrypted; {hint}", path=str(path)
        )
    if isinstance(cause, PDFSyntaxError):
        return UnreadableReport(Reason.CORRUPT, f"corrupt PDF: {cause}", path=str(path))
    name = type(cause).__name__
    return UnreadableReport(Reason.CORRUPT, f"cannot open PDF ({name}: {cause})", path=str(path))


@contextmanager
def open_pdf(path: Path, settings: Settings) -> Iterator[pdfplumber.PDF]:
    """Yield an open pdfplumber document with at least one and at most `max_pages` pages."""
    check_file(path, settings)
    try:
        pdf = pdfplumber.open(path, password=settings.pdf_password or "", unicode_norm="NFC")
    except MemoryError:  # a resource limit, not a corrupt file: let the caller say so
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise _open_error(exc, path, bool(settings.pdf_password)) from exc
    try:
        try:
            count = len(pdf.pages)
        except MemoryError:
            raise
        except Exception as exc:
            raise _open_error(exc, path, bool(settings.pdf_password)) from exc
        if count == 0:
            raise UnreadableReport(Reason.NO_PAGES, "document has no pages", path=str(path))
        if count > settings.max_pages:
            raise UnreadableReport(
                Reason.TOO_LARGE,
                f"document has {count} pages, over the limit of {settings.max_pages}",
                path=str(path),
            )
        yield pdf
    finally:
        pdf.close()
