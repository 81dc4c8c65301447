"""Cells of the layout matrix: (content name, design seed, engine) -> a PDF and its gold.

`reportgen.matrix.seeds` says which designs are for developing (`DEV_SEEDS`) and which for judging
(`HELD_OUT_SEEDS`: never look at these designs, their PDFs or per-cell scores while writing
extraction rules, or the held-out score stops measuring designs the extractor has never seen).

`make_cell` composes the content in the seed's design, renders it with
`reportgen.matrix.engines.render(engine, document, out_path)` and writes `gold.json` next to the
PDF. A cell is cached: when the hash of its inputs (the content file's bytes, the seed, the engine
and the source of `reportgen/matrix/**` outside `content/` and `seeds.py`) equals the one stored
with an existing output, it is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.matrix.compose import compose
from reportgen.matrix.design import draw_design
from reportgen.matrix.gold import gold
from reportgen.matrix.spec import content_path, load_content

MATRIX_DIR = Path(__file__).resolve().parent
DEFAULT_ENGINES: tuple[str, ...] = ("reportlab", "chromium", "libreoffice")
# the content files are hashed per cell; the seed lists change no typesetting
UNHASHED = ("content", "seeds.py")
PDF_NAME, GOLD_NAME, STAMP_NAME = "report.pdf", "gold.json", "inputs.sha256"


@dataclass(frozen=True)
class Cell:
    content: str  # a content name: "wego_2023"
    seed: int
    engine: str

    @property
    def name(self) -> str:
        return f"{self.content}-s{self.seed:04d}-{self.engine}"


@dataclass(frozen=True)
class Built:
    cell: Cell
    pdf: Path
    gold: dict[str, Any]
    cached: bool
    seconds: float


def engine_names() -> tuple[str, ...]:
    """The engines `reportgen.matrix.engines` offers (its `ENGINES`), else the planned three."""
    try:
        from reportgen.matrix import engines
    except ImportError:
        return DEFAULT_ENGINES
    return tuple(getattr(engines, "ENGINES", DEFAULT_ENGINES))


def source_digest() -> str:
    """The hash of the files under reportgen/matrix/ but the content files, seed lists, caches."""
    digest = hashlib.sha256()
    for path in sorted(MATRIX_DIR.rglob("*")):
        rel = path.relative_to(MATRIX_DIR)
        if not path.is_file() or rel.parts[0] in UNHASHED or "__pycache__" in rel.parts:
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_hash(cell: Cell, source: str | None = None) -> str:
    digest = hashlib.sha256(content_path(cell.content).read_bytes())
    digest.update(f"\0{cell.seed}\0{cell.engine}\0".encode())
    digest.update((source or source_digest()).encode())
    return digest.hexdigest()


def cell_dir(cell: Cell, out_dir: Path) -> Path:
    return Path(out_dir) / cell.name


def build_cell(cell: Cell, out_dir: Path) -> Built:
    """Make one cell (or find it cached) and say which it was."""
    started = time.perf_counter()
    folder = cell_dir(cell, out_dir)
    pdf, gold_path, stamp = folder / PDF_NAME, folder / GOLD_NAME, folder / STAMP_NAME
    key = input_hash(cell)
    if pdf.is_file() and gold_path.is_file() and stamp.is_file() and stamp.read_text() == key:
        records = json.loads(gold_path.read_text(encoding="utf-8"))
        return Built(cell, pdf, records, True, time.perf_counter() - started)
    from reportgen.matrix.engines import render  # the engines are optional for composing

    content = load_content(cell.content)
    design = draw_design(cell.seed)
    document = compose(content, design)
    records = gold(content, design, prose_people=True)
    folder.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    partial = folder / f"partial-{os.getpid()}.pdf"
    render(cell.engine, document, partial)
    os.replace(partial, pdf)
    gold_path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    stamp.write_text(key)
    return Built(cell, pdf, records, False, time.perf_counter() - started)


def make_cell(cell: Cell, out_dir: Path) -> tuple[Path, dict[str, Any]]:
    """(the cell's PDF, its gold records), built unless cached."""
    built = build_cell(cell, out_dir)
    return built.pdf, built.gold
