"""Typed errors for reports the pipeline cannot read. Each carries a machine-readable reason."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    NOT_PDF = "not_pdf"
    EMPTY = "empty"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    NO_PAGES = "no_pages"
    NO_TEXT = "no_text"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"  # parsing took longer than Settings.max_seconds
    RESOURCE_LIMIT = "resource_limit"  # parsing needed more memory than Settings.max_memory_mb
    EXTRACTION_FAILED = "extraction_failed"
    NOT_A_REPORT = "not_a_report"  # read fine, but no annual report (extractors.recognize)


class ReportError(Exception):
    """Base class of every error the pipeline raises on purpose about a report."""


class UnreadableReport(ReportError):
    """The file cannot be turned into a document; `reason` says why, `message` tells people."""

    def __init__(self, reason: Reason, message: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[type[UnreadableReport], tuple[Reason, str, str | None]]:
        return (type(self), (self.reason, self.message, self.path))
