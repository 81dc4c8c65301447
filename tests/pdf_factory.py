"""Build small PDFs (and deliberately broken "PDFs") on the fly for the parser tests.

Coordinates given to the helpers here are PDF points measured from the TOP-left corner of the
page, like the parser's own model, with `y` the baseline of a text string. They are converted to
reportlab's bottom-left origin when drawing.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, TableStyle
from reportlab.platypus import Table as RLTable

PAGE_W, PAGE_H = A4  # 595.27 x 841.89 points


# --------------------------------------------------------------------------- page items


@dataclass(frozen=True)
class Text:
    """One string drawn at (x, y): x from the left edge, y = baseline measured from the top."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = 10.0


@dataclass(frozen=True)
class Rect:
    """A filled rectangle (vector graphics, no text)."""

    x: float
    y: float  # top edge, from the top of the page
    w: float
    h: float
    fill: colors.Color = colors.lightblue


@dataclass(frozen=True)
class Image:
    """A raster image (PNG bytes) placed with its top-left corner at (x, y)."""

    x: float
    y: float
    w: float
    h: float
    png: bytes = b""


@dataclass(frozen=True)
class Grid:
    """A ruled table (platypus Table with GRID) with its top-left corner at (x, y).

    The first row is set in Helvetica-Bold when `bold_header` is true.
    """

    x: float
    y: float
    rows: Sequence[Sequence[str]]
    col_width: float = 90.0
    bold_header: bool = True
    font_size: float = 9.0


Item = Text | Rect | Image | Grid


@dataclass
class PageSpec:
    items: list[Item] = field(default_factory=list)
    width: float = PAGE_W
    height: float = PAGE_H


# --------------------------------------------------------------------------- writers


def _grid_table(
    rows: Sequence[Sequence[str]],
    col_width: float,
    bold_header: bool,
    size: float,
    repeat_rows: int = 0,
) -> RLTable:
    table = RLTable(
        [list(r) for r in rows],
        colWidths=[col_width] * max(len(r) for r in rows),
        repeatRows=repeat_rows,
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
        ("FONT", (0, 0), (-1, -1), "Helvetica", size),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if bold_header:
        style.append(("FONT", (0, 0), (-1, 0), "Helvetica-Bold", size))
    table.setStyle(TableStyle(style))
    return table


def draw(c: canvas.Canvas, item: Item, page_h: float) -> None:
    """Draw one item on a reportlab canvas whose page is `page_h` points high."""
    if isinstance(item, Text):
        c.setFont(item.font, item.size)
        c.drawString(item.x, page_h - item.y, item.text)
    elif isinstance(item, Rect):
        c.setFillColor(item.fill)
        c.rect(item.x, page_h - item.y - item.h, item.w, item.h, stroke=0, fill=1)
        c.setFillColor(colors.black)
    elif isinstance(item, Image):
        reader = ImageReader(io.BytesIO(item.png or png_bytes()))
        c.drawImage(reader, item.x, page_h - item.y - item.h, width=item.w, height=item.h)
    elif isinstance(item, Grid):
        table = _grid_table(item.rows, item.col_width, item.bold_header, item.font_size)
        _, h = table.wrapOn(c, PAGE_W, PAGE_H)
        table.drawOn(c, item.x, page_h - item.y - h)
    else:  # pragma: no cover - a programming error in a test
        raise TypeError(f"unknown item {item!r}")


def make_pdf(
    path: Path,
    pages: Sequence[PageSpec | Sequence[Item]],
    *,
    encrypt: StandardEncryption | None = None,
    title: str | None = None,
    author: str | None = None,
) -> Path:
    """Write a PDF with one page per entry of `pages`, each drawing its items. Returns `path`."""
    path = Path(path)
    first = pages[0] if pages else PageSpec()
    size = (first.width, first.height) if isinstance(first, PageSpec) else A4
    c = canvas.Canvas(str(path), pagesize=size, encrypt=encrypt, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for spec in pages:
        page = spec if isinstance(spec, PageSpec) else PageSpec(list(spec))
        c.setPageSize((page.width, page.height))
        for item in page.items:
            draw(c, item, page.height)
        c.showPage()
    c.save()
    return path


def png_bytes(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A minimal valid RGB PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def simple_text_page(lines: Sequence[str], *, top: float = 120, size: float = 11) -> list[Item]:
    """A page of left-aligned body lines."""
    return [Text(72, top + i * size * 1.4, line, size=size) for i, line in enumerate(lines)]


def make_good_pdf(path: Path, pages: int = 1) -> Path:
    """A small, valid, text-bearing report."""
    specs: list[list[Item]] = []
    for n in range(1, pages + 1):
        items: list[Item] = [
            Text(72, 90, "Acme Widgets Association", font="Helvetica-Bold", size=20),
            Text(72, 120, "2019 Annual Report", font="Helvetica-Bold", size=20),
        ]
        items += simple_text_page(
            [
                "The Acme Widgets Association (AWA) makes widgets for everyone.",
                f"This is page {n} of the report; it has a few lines of body text.",
                "Widgets were sold in many countries during the year.",
            ],
            top=170,
        )
        specs.append(items)
    return make_pdf(path, specs, title="Acme 2019")


def small_report_page(organization: str, year: int, lines: Sequence[str]) -> list[Item]:
    """One page of a tiny annual report: the publisher and year, `lines` of body text, a member
    overview and two headline figures (what `extractors.recognize` asks of a report)."""
    items: list[Item] = [
        Text(72, 90, organization, font="Helvetica-Bold", size=20),
        Text(72, 120, f"{year} Annual Report", font="Helvetica-Bold", size=20),
        *[Text(72, 170 + 14 * i, line) for i, line in enumerate(lines)],
        Text(72, 240, "Members", font="Helvetica-Bold", size=14),
    ]
    members = ["The network has 3 members in 2 countries.", "Kenya: Mombasa, Kisumu", "Ghana: Tema"]
    items += [Text(72, 262 + 15 * i, line) for i, line in enumerate(members)]
    items.append(Text(72, 330, "Highlights", font="Helvetica-Bold", size=14))
    for x, number, label in ((72, "12", "port visits"), (250, "4", "workshops held")):
        items += [
            Text(x, 360, number, font="Helvetica-Bold", size=26),
            Text(x, 392, label, size=10),
        ]
    return items


def make_n_page_pdf(path: Path, n: int) -> Path:
    return make_pdf(path, [[Text(72, 100, f"Page body {i}")] for i in range(1, n + 1)])


def make_encrypted_pdf(path: Path, *, user_password: str, owner_password: str) -> Path:
    """Encrypted PDF; with an empty user password anyone may open it (owner-password only)."""
    enc = StandardEncryption(user_password, ownerPassword=owner_password, canPrint=0, canModify=0)
    items = simple_text_page(["Confidential annual report text.", "Second line of the body."])
    return make_pdf(path, [items], encrypt=enc)


def make_image_only_pdf(path: Path) -> Path:
    """A scanned-looking page: one raster image and no text layer at all."""
    return make_pdf(path, [[Image(72, 72, 400, 500, png_bytes(16, 16))]])


def make_shapes_only_pdf(path: Path) -> Path:
    """Vector shapes only: no text layer and no images either."""
    return make_pdf(path, [[Rect(72, 72, 300, 200), Rect(100, 400, 200, 100, colors.salmon)]])


# --------------------------------------------------------------------------- hostile files


def write_empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def write_truncated(path: Path, source: Path) -> Path:
    """The first half of a valid PDF's bytes (no xref, no trailer, objects cut mid-stream)."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def write_png_as_pdf(path: Path) -> Path:
    path.write_bytes(png_bytes())
    return path


def write_html_as_pdf(path: Path) -> Path:
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        "<body><h1>Not Found</h1></body></html>\n",
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------------- flowing documents


def make_flowing_pdf(
    path: Path,
    story: list,
    *,
    on_page: Callable[[canvas.Canvas, SimpleDocTemplate], None] | None = None,
) -> Path:
    """Lay out platypus flowables with SimpleDocTemplate, calling `on_page` on every page."""
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        topMargin=90,
        bottomMargin=90,
        leftMargin=72,
        rightMargin=72,
        invariant=1,
    )
    callback = on_page or (lambda c, d: None)
    doc.build(story, onFirstPage=callback, onLaterPages=callback)
    return path


def long_table(rows: int, cols: int = 3, *, col_width: float = 130.0) -> RLTable:
    """A ruled table with a bold header row repeated on every page it spans."""
    data = [[f"Column {c + 1}" for c in range(cols)]]
    data += [[f"r{r}c{c + 1}" for c in range(cols)] for r in range(1, rows + 1)]
    return _grid_table(data, col_width, True, 9.0, repeat_rows=1)


# --------------------------------------------------------------------------- a two-column report

LEFT_X, RIGHT_X, COLUMN_W = 72.0, 295.0, 211.0  # a 12 pt gutter: narrower than a word-gap split
HEADER_TEXT = "Acme Widgets Association | Annual Report 2019"
FOOTER_TEXT = "www.acme-widgets.example"


def wrap(text: str, width: float, font: str = "Helvetica", size: float = 10.0) -> list[str]:
    """Greedy line breaking with reportlab's font metrics."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def column_paragraphs(
    x: float,
    top: float,
    paragraphs: Sequence[str],
    *,
    size: float = 10.0,
    leading: float = 13.0,
    para_gap: float = 13.0,
) -> tuple[list[Item], float]:
    """Text items for paragraphs set in a column starting at baseline `top`; returns the next y."""
    items: list[Item] = []
    y = top
    for para in paragraphs:
        for line in wrap(para, COLUMN_W, size=size):
            items.append(Text(x, y, line, size=size))
            y += leading
        y += para_gap
    return items, y


def furniture(page_number: int) -> list[Item]:
    """Running header, running footer and a centred page number."""
    return [
        Text(72, 40, HEADER_TEXT, size=8),
        Text(72, 800, FOOTER_TEXT, size=8),
        Text(PAGE_W / 2 - 10, 822, f"Page {page_number}", size=8),
    ]
