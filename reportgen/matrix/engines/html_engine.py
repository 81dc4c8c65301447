"""The Chromium engine: the document as one HTML file with CSS, printed to PDF by headless
Chromium through Playwright, in one print job per pass.

Columns are CSS multi-column containers (`column-count`), with `column-span: all` for
full-width tables; a `PageBreak` closes the column container, breaks the page and opens a new
one. The title of a multi-column section (`metrics.title_spans`) is set across the text width
just before the section's column container, not as a `column-span: all` heading inside it:
Chromium ignores `break-after: avoid` on a spanner and would leave a title alone at the foot of
a page, whereas a title before the container keeps lines of the columns with it. Chromium cannot
say where its pages break, so the engine prints a measuring copy with an outline, reads from it
on which page each section's title landed (`locate`), and lays the document out again with the
running head of every page (`html_css.page_rules`) and the table of contents filled in, until
those pages stop changing (at most three passes); the PDF written is printed without the
outline. The browser is launched once per process and reused.

Metadata: Chromium writes the `<title>` as the PDF Title but drops author and subject (and
pypdf, which could add them afterwards, is not installed), so those two are absent.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from reportgen.matrix import doc
from reportgen.matrix.engines.html_blocks import Html
from reportgen.matrix.engines.html_css import GUTTER, MARGINS, stylesheet
from reportgen.matrix.engines.locate import Frame, page_heads, section_pages
from reportgen.matrix.engines.metrics import (
    PAGE_SIZES,
    heading_sizes,
    section_columns,
    title_spans,
)
from reportgen.matrix.engines.text import escape

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAX_PASSES = 3
PDF_FORMATS = {"A4": "A4", "Letter": "Letter"}


def column_width(look: doc.Look, columns: int) -> float:
    """The width of one body column, in points, from the page's margins and gutters."""
    margins = [float(v.removesuffix("pt")) for v in MARGINS.split()]
    text = PAGE_SIZES[look.page][0] - margins[1] - margins[3]
    return (text - GUTTER * (columns - 1)) / columns


def _section(h: Html, document: doc.Document, index: int, toc: dict[int, int]) -> str:
    section = document.sections[index]
    previous = document.sections[index - 1] if index else None
    columns = section_columns(section, document.look)
    classes = ["sec", section.kind]
    if previous is not None and (section.new_page or previous.kind == "cover"):
        classes.append("newpage")
    title, blocks = "", section.blocks
    if title_spans(section, document.look):  # set before the columns, across them
        title, blocks = h.block(blocks[0]), blocks[1:]
        classes.append("spans")
    chunks: list[list[str]] = [[]]
    for block in blocks:
        if isinstance(block, doc.PageBreak):
            chunks.append([])
        else:
            chunks[-1].append(h.block(block))
    if section.kind == "contents" and document.contents:
        entries = [(e.title, e.section_index, toc.get(e.section_index)) for e in document.contents]
        chunks[-1].append(h.contents(entries))
    if columns > 1:
        parts = [f'<div class="cols cols{columns}">{"".join(c)}</div>' for c in chunks]
    else:
        parts = ["".join(c) for c in chunks]
    body = title + '<div class="pb"></div>'.join(parts)
    return f'<section id="sec-{index}" class="{" ".join(classes)}">{body}</section>'


def document_html(
    document: doc.Document, heads: list[str | None] | None, toc: dict[int, int]
) -> str:
    """The whole document; `heads` per page and `toc` (section index -> page) from a pass."""
    h = Html(document.look)
    sections = "\n".join(_section(h, document, i, toc) for i in range(len(document.sections)))
    sizes = heading_sizes(document, lambda n: column_width(document.look, n))
    css = stylesheet(document.look, document.running_title, heads, sizes)
    return f"""<!doctype html>
<html lang="{escape(document.lang)}"><head><meta charset="utf-8">
<title>{escape(document.title)}</title>
<meta name="author" content="{escape(document.author)}">
<meta name="subject" content="{escape(document.subject)}">
<style>{css}</style></head>
<body>
{sections}
</body></html>
"""


class _Browser:
    """One headless Chromium per process, launched on first use, closed at exit."""

    def __init__(self) -> None:
        self._owner = 0
        self._playwright: Any = None
        self._browser: Any = None

    def new_page(self) -> Any:
        if self._owner != os.getpid() or not self._browser or not self._browser.is_connected():
            from playwright.sync_api import sync_playwright

            if self._owner == os.getpid():
                self.close()
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=CHROMIUM, args=LAUNCH_ARGS
            )
            if not self._owner:
                atexit.register(self.close)
            self._owner = os.getpid()
        return self._browser.new_page()

    def close(self) -> None:
        if self._owner != os.getpid():
            return
        for thing, method in ((self._browser, "close"), (self._playwright, "stop")):
            if thing is not None:
                with contextlib.suppress(Exception):  # at exit the browser may be gone already
                    getattr(thing, method)()
        self._browser = self._playwright = None


_BROWSER = _Browser()


def close_browser() -> None:
    """Stop this process's Chromium and Playwright now, not at exit: Playwright's sync API runs
    an event loop while it is started, and a second `sync_playwright()` in the same process
    (a browser test, say) refuses to start inside it."""
    _BROWSER.close()


def _frame(document: doc.Document) -> Frame:
    top, _, _, left = (float(v.removesuffix("pt")) for v in MARGINS.split())
    height = PAGE_SIZES[document.look.page][1]
    return Frame(top=height - top, left=left, slack=0.8 * document.look.body_size)


def _print(page: Any, document: doc.Document, path: Path, outline: bool) -> None:
    page.pdf(
        path=str(path),
        format=PDF_FORMATS[document.look.page],
        print_background=True,
        prefer_css_page_size=True,
        display_header_footer=False,
        outline=outline,
        tagged=outline,
    )


def render(document: doc.Document, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    needs_pages = bool(document.contents) or document.look.running_header
    heads: list[str | None] | None = None
    toc: dict[int, int] = {}
    page = _BROWSER.new_page()
    try:
        with tempfile.TemporaryDirectory(prefix="reportgen-html-") as folder:
            html_path, measured = Path(folder) / "report.html", Path(folder) / "measured.pdf"
            for _ in range(MAX_PASSES):
                html_path.write_text(document_html(document, heads, toc), encoding="utf-8")
                page.goto(html_path.as_uri(), wait_until="load")
                if not needs_pages:
                    break
                _print(page, document, measured, outline=True)
                placed, page_count = section_pages(measured, document, _frame(document))
                new_heads = page_heads(document, placed, page_count)
                new_toc = {e.section_index: placed[e.section_index].page for e in document.contents}
                if (new_heads, new_toc) == (heads, toc):
                    break
                heads, toc = new_heads, new_toc
            _print(page, document, out, outline=False)  # no bookmarks: no hint for extractors
    finally:
        page.close()
    return out
