"""The sample reports: which content file is typeset with which layout into which PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen.content import Content, load_content
from reportgen.layouts.base import BuildResult, Layout
from reportgen.layouts.magazine import MagazineLayout

PACKAGE_DIR = Path(__file__).resolve().parent
CONTENT_DIR = PACKAGE_DIR / "content"
DEFAULT_OUT_DIR = PACKAGE_DIR.parent / "raw_reports"


@dataclass(frozen=True)
class ReportSpec:
    name: str
    content_file: Path
    layout: Callable[[], Layout]
    output_name: str

    def content(self) -> Content:
        return load_content(self.content_file)

    def build(self) -> BuildResult:
        return self.layout().build(self.content())

    def build_file(self, out_dir: Path) -> tuple[Path, BuildResult]:
        out_path = out_dir / self.output_name
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
    )
}
