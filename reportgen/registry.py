"""The sample reports: which content file is typeset with which layout into which PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen.content import Content, load_content
from reportgen.layouts.base import BuildResult, Layout
from reportgen.layouts.classic import ClassicLayout
from reportgen.layouts.magazine import MagazineLayout

PACKAGE_DIR = Path(__file__).resolve().parent
CONTENT_DIR = PACKAGE_DIR / "content"
DEFAULT_OUT_DIR = PACKAGE_DIR.parent / "raw_reports"
# held-out reports for tests: kept out of raw_reports/ so the pipeline never ingests them
FIXTURE_OUT_DIR = PACKAGE_DIR.parent / "tests" / "fixtures" / "reports"


@dataclass(frozen=True)
class ReportSpec:
    name: str
    content_file: Path
    layout: Callable[[], Layout]
    output_name: str
    out_dir: Path = DEFAULT_OUT_DIR

    @property
    def committed_path(self) -> Path:
        """Where ``python -m reportgen`` writes (and the repository keeps) this PDF."""
        return self.out_dir / self.output_name

    def content(self) -> Content:
        return load_content(self.content_file)

    def build(self) -> BuildResult:
        return self.layout().build(self.content())

    def build_file(self, out_dir: Path | None = None) -> tuple[Path, BuildResult]:
        out_path = (out_dir or self.out_dir) / self.output_name
        return out_path, self.layout().build_file(self.content(), out_path)


REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec(
            name="wego_2021",
            content_file=CONTENT_DIR / "wego_2021.json",
            layout=MagazineLayout,
            output_name="wego_2021_annual_report.pdf",
        ),
        ReportSpec(
            name="wego_2023",
            content_file=CONTENT_DIR / "wego_2023.json",
            layout=ClassicLayout,
            output_name="wego_2023_annual_review.pdf",
            out_dir=FIXTURE_OUT_DIR,
        ),
    )
}
