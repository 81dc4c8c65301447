"""The benchmark corpus, built in a work folder and described by its `corpus.json`.

- `generated/`: each sample report (`reportgen.registry.REPORTS`: a magazine and a classic
  layout) typeset again with `variants.vary` content, `variants` times each, with report years
  that appear in neither content file, so every variant is a report of its own;
- `shared/`: every `expected: parse` PDF of the shared real-world corpus (`tests/corpus.py`
  finds it), skipped when it is absent;
- `big/`: one generated PDF of `big_pages` pages with a few short lines each (the memory target).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from benchmarks.variants import vary
from reportgen.registry import REPORTS
from tests.corpus import corpus_dir, manifest

# report years used by no content file, one range per sample report
YEARS = {"wego_2021": range(2001, 2010), "wego_2023": range(2012, 2020)}
BIG_NAME = "long_short_text_report.pdf"


@dataclass(frozen=True)
class CorpusFile:
    path: str
    pages: int
    origin: str  # generated | shared | big
    password: str | None = None  # only for the floor's pypdfium2, which needs it where pdfminer
    # opens the file with an empty owner password


@dataclass
class Corpus:
    files: list[CorpusFile]

    def select(self, *origins: str) -> list[CorpusFile]:
        return [f for f in self.files if f.origin in origins]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps([asdict(f) for f in self.files], indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Corpus:
        return cls([CorpusFile(**entry) for entry in json.loads(path.read_text("utf-8"))])


def build_corpus(
    work: Path, variants: int = 8, big_pages: int = 1500, shared: bool = True
) -> Corpus:
    """Typeset, copy and generate the corpus under `work`; return it (also saved as
    `work/corpus.json`)."""
    files = [*generate_variants(work / "generated", variants)]
    if shared:
        files += copy_shared(work / "shared")
    if big_pages:
        big = work / "big" / BIG_NAME
        write_long_pdf(big, big_pages)
        files.append(CorpusFile(str(big), big_pages, "big"))
    corpus = Corpus(files)
    corpus.save(work / "corpus.json")
    return corpus


def generate_variants(folder: Path, count: int) -> list[CorpusFile]:
    folder.mkdir(parents=True, exist_ok=True)
    out: list[CorpusFile] = []
    for name, spec in sorted(REPORTS.items()):
        base_year = int(name.rsplit("_", 1)[1])
        years = list(YEARS[name])
        if count > len(years):
            raise ValueError(f"at most {len(years)} variants of {name}")
        content = spec.content()
        for index, year in enumerate(years[:count]):
            varied = vary(content, f"{name}:{index}", year, base_year)
            stem = spec.output_name.removesuffix(".pdf").replace(str(base_year), str(year))
            path = folder / f"{stem}.pdf"
            result = spec.layout().build_file(varied, path)
            out.append(CorpusFile(str(path), result.page_count, "generated"))
    return out


def copy_shared(folder: Path) -> list[CorpusFile]:
    source = corpus_dir()
    if source is None:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    out: list[CorpusFile] = []
    for entry in manifest():
        if entry.get("expected") != "parse":
            continue
        target = folder / entry["file"]
        shutil.copyfile(source / entry["file"], target)
        out.append(CorpusFile(str(target), int(entry["pages"]), "shared", entry.get("password")))
    return out


def write_long_pdf(path: Path, pages: int) -> None:
    """`pages` pages of a plain report: a running header, a heading and a few short lines of
    prose per page, a page number at the foot (base-14 fonts, nothing embedded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle("Operations Log 2019")
    canvas.setAuthor("Example Ports Authority")
    width, height = A4
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, height - 40, "Example Ports Authority - Operations Log 2019")
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(56, height - 90, f"Entry {number}: harbour operations")
        canvas.setFont("Helvetica", 10)
        lines = (
            f"On day {number % 365 + 1} the harbour handled {120 + number % 37} vessel calls.",
            "The port authority met partners from Lisbon, Rotterdam and Singapore.",
            f"Maintenance crews inspected berth {number % 12 + 1} and the northern breakwater.",
        )
        for row, line in enumerate(lines):
            canvas.drawString(56, height - 120 - 14 * row, line)
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(width / 2, 30, str(number))
        canvas.showPage()
    canvas.save()
