"""Shared fixtures: small PDFs (good and hostile) generated on the fly into tmp_path."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pdf_factory as pf
from tests.corpus import ROOT

USER_PASSWORD = "open-sesame"
OWNER_PASSWORD = "owner-secret"


@pytest.fixture(scope="module", autouse=True)
def _no_matrix_browser_left_running() -> Iterator[None]:
    """A module that typeset with the Chromium engine leaves no Playwright loop behind it."""
    yield
    engine = sys.modules.get("reportgen.matrix.engines.html_engine")
    if engine is not None:
        engine.close_browser()


@pytest.fixture
def good_pdf(tmp_path: Path) -> Path:
    return pf.make_good_pdf(tmp_path / "good.pdf", pages=2)


@pytest.fixture
def empty_pdf(tmp_path: Path) -> Path:
    return pf.write_empty(tmp_path / "empty.pdf")


@pytest.fixture
def truncated_pdf(tmp_path: Path) -> Path:
    source = pf.make_good_pdf(tmp_path / "source.pdf", pages=3)
    return pf.write_truncated(tmp_path / "truncated.pdf", source)


@pytest.fixture
def png_pdf(tmp_path: Path) -> Path:
    return pf.write_png_as_pdf(tmp_path / "photo.pdf")


@pytest.fixture
def html_pdf(tmp_path: Path) -> Path:
    return pf.write_html_as_pdf(tmp_path / "download.pdf")


@pytest.fixture
def user_encrypted_pdf(tmp_path: Path) -> Path:
    return pf.make_encrypted_pdf(
        tmp_path / "locked.pdf", user_password=USER_PASSWORD, owner_password=OWNER_PASSWORD
    )


@pytest.fixture
def owner_encrypted_pdf(tmp_path: Path) -> Path:
    return pf.make_encrypted_pdf(
        tmp_path / "restricted.pdf", user_password="", owner_password=OWNER_PASSWORD
    )


@pytest.fixture
def image_only_pdf(tmp_path: Path) -> Path:
    return pf.make_image_only_pdf(tmp_path / "scan.pdf")


@pytest.fixture
def shapes_only_pdf(tmp_path: Path) -> Path:
    return pf.make_shapes_only_pdf(tmp_path / "shapes.pdf")


@pytest.fixture
def five_page_pdf(tmp_path: Path) -> Path:
    return pf.make_n_page_pdf(tmp_path / "five.pdf", 5)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway DAGSTER_HOME with the project's dagster.yaml, the rules-only spaCy pipeline,
    and none of the reader's settings from the calling environment."""
    folder = tmp_path / "dagster_home"
    folder.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", folder / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(folder))
    monkeypatch.setenv("ANNUAL_REPORTS_SPACY_MODEL", "blank")
    for name in (
        "ANNUAL_REPORTS_MAX_PAGES",
        "ANNUAL_REPORTS_PDF_PASSWORD",
        "ANNUAL_REPORTS_QUARANTINE",
        "ANNUAL_REPORTS_WORKERS",
    ):
        monkeypatch.delenv(name, raising=False)
    return folder
