"""Typesetting engines of the layout matrix: each renders a `doc.Document` to a PDF.

    render("reportlab", document, Path("out.pdf"))

`ENGINES` maps an engine name to its `render(document, out) -> Path`: "reportlab" (platypus),
"chromium" (HTML + CSS printed by headless Chromium through Playwright) and "libreoffice" (a
Word document made with python-docx, converted by headless LibreOffice). The engine modules are
imported on first use, so this registry needs none of Playwright, python-docx or soffice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportgen.matrix import doc

Renderer = Callable[[doc.Document, Path], Path]


def _reportlab(document: doc.Document, out: Path) -> Path:
    from reportgen.matrix.engines import reportlab_engine

    return reportlab_engine.render(document, out)


def _chromium(document: doc.Document, out: Path) -> Path:
    from reportgen.matrix.engines import html_engine

    return html_engine.render(document, out)


def _libreoffice(document: doc.Document, out: Path) -> Path:
    from reportgen.matrix.engines import docx_engine

    return docx_engine.render(document, out)


ENGINES: dict[str, Renderer] = {
    "reportlab": _reportlab,
    "chromium": _chromium,
    "libreoffice": _libreoffice,
}
ALIASES = {"html": "chromium", "docx": "libreoffice"}  # the names cells.py first planned


def render(engine_name: str, document: doc.Document, out: Path) -> Path:
    """Typeset `document` with the named engine into the PDF `out`; returns its path."""
    name = ALIASES.get(engine_name, engine_name)
    if name not in ENGINES:
        raise KeyError(f"unknown engine {engine_name!r}; have {sorted(ENGINES)}")
    return ENGINES[name](document, Path(out))
