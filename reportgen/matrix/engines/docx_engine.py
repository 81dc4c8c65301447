"""The LibreOffice engine: a Word document built with python-docx, converted to PDF by headless
LibreOffice (`soffice --convert-to pdf`).

Every report section is a Word section: a new-page or continuous section break, its own body
columns (`w:cols`) and its own header (running title, tab, running head) and footer (a PAGE
field). A full-width table in a multi-column section sits between two continuous breaks that
switch to one column and back. The title of a multi-column section spans its columns: the Word
section opens with one column holding the title, and a continuous break switches to the
section's columns. LibreOffice balances the columns of every such run between continuous
breaks; in three columns it can loop for ever (see `LOOPING_COLUMNS`), so widow control is
off in documents of three columns. The table of contents prints PAGEREF fields to bookmarks on the
sections' first paragraphs, which LibreOffice computes while laying out, so one conversion is
enough.
Known limitation: LibreOffice 7.4 keeps the header of the page style in force across a
continuous section break, so the pages of a section that flows on from the previous one show
the previous section's running head.

`render_many` converts several documents in one soffice run (its start-up is most of the cost).
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Pt

from reportgen.matrix import doc
from reportgen.matrix.engines import docx_oxml as ox
from reportgen.matrix.engines.docx_blocks import Writer
from reportgen.matrix.engines.docx_tables import table
from reportgen.matrix.engines.metrics import (
    MUTED,
    PAGE_SIZES,
    RULE,
    TEXT,
    heading_sizes,
    section_columns,
    title_spans,
)

SOFFICE = "soffice"
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, GUTTER = 60.0, 66.0, 62.0, 20.0
# LibreOffice 7.4 balances the columns of a run between continuous breaks in
# `SwLayoutFrame::FormatWidthCols`, a search for the lowest column height the content fits in
# which assumes (as its own comments admit) that content fitting at one height fits at every
# greater one. Under widow control (at least two lines of a paragraph on each side of a column
# break) that is false in three columns, and the search can go on for ever: soffice hung on a
# short run opened by a three-line paragraph, and on a member list of country lines and
# headings flowing on from the previous section. Without widow control it ends; documents of
# this many columns have it switched off in every paragraph style.
LOOPING_COLUMNS = 3
_LOCK = threading.Lock()  # one LibreOffice profile per process, used by one conversion at once


def _styles(d: Any, w: Writer) -> None:
    m, look = w.m, w.look
    defaults = d.styles.element.find(qn("w:docDefaults"))
    ox.rpr_font(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), family=w.body_font)
    normal = d.styles["Normal"]
    ox.rpr_font(normal.element.get_or_add_rPr(), family=w.body_font, size=m.body, colour=TEXT)
    normal.paragraph_format.space_after = Pt(m.body * 0.6)
    normal.paragraph_format.line_spacing = 1.2
    for level, colour in ((1, look.accent), (2, look.accent), (3, TEXT)):
        style = d.styles[f"Heading {level}"]
        ox.rpr_font(style.element.get_or_add_rPr(), family=w.head_font, bold=True, colour=colour)
        style.paragraph_format.space_before = Pt((4, m.body, m.body * 0.8)[level - 1])
        style.paragraph_format.space_after = Pt((m.body, m.body * 0.5, m.body * 0.3)[level - 1])
        style.paragraph_format.keep_with_next = True
    if look.columns >= LOOPING_COLUMNS:
        for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet"):
            d.styles[name].paragraph_format.widow_control = False
    for name in ("Header", "Footer"):
        style = d.styles[name].element
        ox.rpr_font(style.get_or_add_rPr(), family="DejaVu Sans", size=m.furniture, colour=MUTED)
        for tabs in style.get_or_add_pPr().findall(qn("w:tabs")):  # centre and right stops
            tabs.getparent().remove(tabs)


def _break(d: Any, start: WD_SECTION) -> Section:
    """Close the open section in the last paragraph (an empty one after a table) and open a
    new one; python-docx's `add_section` always adds a paragraph, which can spill onto a page."""
    body = d.element.body
    sentinel = body.get_or_add_sectPr()
    last = sentinel.getprevious()
    ppr = last.find(qn("w:pPr")) if last is not None else None
    closes = ppr is not None and ppr.find(qn("w:sectPr")) is not None  # already ends one
    if last is None or last.tag != qn("w:p") or closes:
        last = body.add_p()
        ppr = last.get_or_add_pPr()
        ox.set_attrs(ox.child(ppr, "w:spacing"), before=0, after=0, line=20, lineRule="exact")
        ox.rpr_font(ox.child(ppr, "w:rPr"), size=1)
    last.set_sectPr(sentinel.clone())
    for ref in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(ref)
    section = Section(sentinel, d.part)
    section.start_type = start
    return section


def _furniture(sec: Section, document: doc.Document, section: doc.Section, width: float) -> None:
    look = document.look
    sec.header.is_linked_to_previous = False
    sec.footer.is_linked_to_previous = False
    if section.kind == "cover":
        return
    if look.running_header:
        head = sec.header.paragraphs[0]
        ox.tab_stop(head, round(width * 20), "right")
        ox.paragraph_border(head, "bottom", 0.5, RULE, space=4)
        head.add_run(f"{document.running_title}\t{section.running_head or ''}")
    if look.page_numbers:
        foot = sec.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ox.field(foot, " PAGE ", "1")


def _page_setup(sec: Section, look: doc.Look) -> None:
    width, height = PAGE_SIZES[look.page]
    sec.page_width, sec.page_height = Pt(width), Pt(height)
    sec.left_margin = sec.right_margin = Pt(MARGIN_X)
    sec.top_margin, sec.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    sec.header_distance, sec.footer_distance = Pt(30), Pt(28)


def column_width(look: doc.Look, columns: int) -> float:
    """The width of one of `columns` body columns, in points."""
    return (PAGE_SIZES[look.page][0] - 2 * MARGIN_X - GUTTER * (columns - 1)) / columns


def _first_paragraph(elements: list[Any]) -> Any:
    for element in elements:
        p = element if element.tag == qn("w:p") else element.find(".//" + qn("w:p"))
        if p is not None:
            return p
    return None


def _blocks(
    w: Writer,
    d: Any,
    section: doc.Section,
    columns: int,
    widths: tuple[float, float],
    blocks: tuple[doc.Block, ...],
) -> None:
    for block in blocks:
        if isinstance(block, doc.TableBlock) and block.full_width and columns > 1:
            ox.columns(_break(d, WD_SECTION.CONTINUOUS)._sectPr, 1, GUTTER)
            w.width = widths[0]
            table(w, block)
            ox.columns(_break(d, WD_SECTION.CONTINUOUS)._sectPr, columns, GUTTER)
            w.width = widths[1]
            continue
        if isinstance(block, doc.TableBlock):
            table(w, block)
        elif isinstance(block, doc.Heading):
            w.heading(block, section.kind == "cover")
        elif isinstance(block, doc.PageBreak):
            w.page_break()
        else:
            {
                doc.Paragraph: w.paragraph,
                doc.Lines: w.lines,
                doc.Bullets: w.bullets,
                doc.Tiles: w.tiles,
                doc.Cards: w.cards,
                doc.Timeline: w.timeline,
                doc.Photo: w.photo,
            }[type(block)](block)


def build_docx(document: doc.Document) -> Any:
    """The python-docx document of `document`."""
    look = document.look
    d = docx.Document()
    text_width = PAGE_SIZES[look.page][0] - 2 * MARGIN_X
    w = Writer(d, look, heading_sizes(document, lambda n: column_width(look, n)))
    _styles(d, w)
    props = d.core_properties
    props.title, props.author, props.subject = document.title, document.author, document.subject
    props.last_modified_by, props.revision, props.language = document.author, 1, document.lang
    props.created = props.modified = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    props.comments = props.keywords = ""
    body = d.element.body
    targets = {entry.section_index for entry in document.contents}
    for index, section in enumerate(document.sections):
        if index == 0:
            sec = d.sections[0]
            _page_setup(sec, look)
        else:
            flows = not section.new_page and document.sections[index - 1].kind != "cover"
            sec = _break(d, WD_SECTION.CONTINUOUS if flows else WD_SECTION.NEW_PAGE)
        columns = section_columns(section, look)
        spans = title_spans(section, look)
        ox.columns(sec._sectPr, 1 if spans else columns, GUTTER)
        _furniture(sec, document, section, text_width)
        start = len(body) - 1
        blocks = section.blocks
        if spans and isinstance(blocks[0], doc.Heading):  # across the text, then the columns
            w.width = text_width
            w.heading(blocks[0], False)
            ox.columns(_break(d, WD_SECTION.CONTINUOUS)._sectPr, columns, GUTTER)
            blocks = blocks[1:]
        w.width = column_width(look, columns)
        _blocks(w, d, section, columns, (text_width, w.width), blocks)
        if section.kind == "contents" and document.contents:
            w.contents([(e.title, f"sec_{e.section_index}") for e in document.contents])
        first = _first_paragraph(list(body)[start:-1])
        if index in targets and first is not None:
            ox.bookmark(first, index + 1, f"sec_{index}")
    return d


def _profile() -> Path:
    path = Path(tempfile.gettempdir()) / f"reportgen-lo-profile-{os.getpid()}"
    if not path.exists():
        atexit.register(shutil.rmtree, path, True)
    return path


def convert(paths: Sequence[Path], outdir: Path, timeout: float | None = None) -> list[Path]:
    """Convert .docx files to PDFs in `outdir` with one soffice run; raises with its output."""
    timeout = timeout or 60 + 20 * len(paths)
    command = [
        SOFFICE,
        f"-env:UserInstallation={_profile().as_uri()}",
        *("--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck"),
        *("--convert-to", "pdf", "--outdir", str(outdir)),
        *(str(p) for p in paths),
    ]
    with _LOCK:
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice and the office process it started
            stdout, stderr = proc.communicate()
            message = f"soffice timed out after {timeout:.0f}s:\n{stdout}\n{stderr}"
            raise RuntimeError(message) from None
    pdfs = [outdir / f"{p.stem}.pdf" for p in paths]
    missing = [p.name for p in pdfs if not p.is_file()]
    if proc.returncode or missing:
        raise RuntimeError(
            f"soffice failed (exit {proc.returncode}), no PDF for {missing}:\n{stdout}\n{stderr}"
        )
    return pdfs


def render_many(docs_and_outs: Sequence[tuple[doc.Document, Path]]) -> list[Path]:
    """Render several documents with one soffice start; returns the PDF paths in order."""
    outs = [Path(out) for _, out in docs_and_outs]
    with tempfile.TemporaryDirectory(prefix="reportgen-docx-") as folder:
        work = Path(folder)
        paths = []
        for index, (document, _) in enumerate(docs_and_outs):
            path = work / f"doc{index:04d}.docx"
            build_docx(document).save(str(path))
            paths.append(path)
        for pdf, out in zip(convert(paths, work), outs, strict=True):
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(pdf), out)
    return outs


def render(document: doc.Document, out: Path) -> Path:
    return render_many([(document, Path(out))])[0]
