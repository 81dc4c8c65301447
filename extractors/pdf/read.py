"""The parser's entry point: a PDF file in, a Document out, one page at a time."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils import get_bbox_overlap, obj_to_bbox
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import Reason, UnreadableReport
from extractors.identity import identify
from extractors.model import BBox, Block, BlockRole, Document, Page
from extractors.pdf.brokennumbers import join_broken_numbers
from extractors.pdf.furniture import mark_furniture
from extractors.pdf.keyvalues import find_key_values
from extractors.pdf.layout import lines_to_blocks, words_to_lines
from extractors.pdf.letterspacing import mend_letter_spacing
from extractors.pdf.objects import load_objects
from extractors.pdf.open import open_pdf
from extractors.pdf.order import reading_order
from extractors.pdf.tables import find_tables, stitch_tables
from extractors.pdf.tables.graphics import fill_color, is_white
from extractors.pdf.tiles import EMPHASIS, find_tiles
from extractors.segment import body_font_size, build_sections, mark_headings
from extractors.settings import Settings

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(word: dict[str, float], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def read_page(plumber_page: PlumberPage, number: int, settings: Settings) -> Page:
    """Blocks (not yet ordered) and ruled tables of one page."""
    page = Page(
        number=number,
        width=float(plumber_page.width),
        height=float(plumber_page.height),
        rotation=int(getattr(plumber_page, "rotation", 0) or 0),
    )
    load_objects(plumber_page)  # pdfplumber's page objects, converted faster (see objects.py)
    if not plumber_page.chars:
        page.has_text_layer = False
        if plumber_page.images:
            page.warnings.append(f"page {number} has no text layer (image only; needs OCR)")
        return page
    words = mend_letter_spacing(plumber_page.extract_words(extra_attrs=["fontname", "size"]))
    page.tables = find_tables(plumber_page, number, words, settings)
    page.images = pictures(plumber_page)
    boxes = [(t.bbox.x0, t.bbox.top, t.bbox.x1, t.bbox.bottom) for t in page.tables]
    body_words = [w for w in words if not _inside(w, boxes)]
    page.blocks = lines_to_blocks(
        words_to_lines(body_words, settings, text_boxes(plumber_page)), number
    )
    return page


def text_boxes(plumber_page: PlumberPage) -> list[tuple[float, float, float, float]]:
    """Drawn boxes that may hold text: filled (not white) or outlined rectangles, smaller than
    half the page and large enough for a line (tiles, cards, sidebars)."""
    area = float(plumber_page.width) * float(plumber_page.height)
    out = []
    for rect in plumber_page.rects:
        x0, top, x1, bottom = rect["x0"], rect["top"], rect["x1"], rect["bottom"]
        if (x1 - x0) < 20 or (bottom - top) < 10 or (x1 - x0) * (bottom - top) > 0.5 * area:
            continue
        filled = bool(rect.get("fill")) and not is_white(fill_color(rect))
        if filled or rect.get("stroke"):
            out.append((x0, top, x1, bottom))
    return out


def pictures(plumber_page: PlumberPage) -> list[BBox]:
    """Images and large filled shapes without text on them (photo placeholders, logos)."""
    boxes = [BBox(i["x0"], i["top"], i["x1"], i["bottom"]) for i in plumber_page.images]
    for rect in plumber_page.rects:
        if rect.get("fill") and rect["width"] >= 40 and rect["height"] >= 30:
            box = BBox(rect["x0"], rect["top"], rect["x1"], rect["bottom"])
            if not _has_char_within(plumber_page, (box.x0, box.top, box.x1, box.bottom)):
                boxes.append(box)
    return [b.rounded() for b in boxes]


def _has_char_within(plumber_page: PlumberPage, bbox: tuple[float, float, float, float]) -> bool:
    """Is any character wholly inside `bbox`? The test of `page.within_bbox(bbox).chars` (that is,
    `pdfplumber.utils.within_bbox`) without cropping every other kind of object too."""
    for char in plumber_page.chars:
        box = obj_to_bbox(char)
        if get_bbox_overlap(box, bbox) == box:
            return True
    return False


def _cause(exc: BaseException) -> BaseException:
    """The pdfminer error that pdfplumber wrapped, else the error itself."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    return inner if isinstance(inner, BaseException) else exc


def _failure(exc: Exception) -> str:
    cause = _cause(exc)
    return f"{type(cause).__name__}: {cause}"


_TABLE_MARK = "\x00table"


def _order_page(page: Page) -> None:
    furniture = [b for b in page.blocks if b.role is not BlockRole.BODY]
    top = sorted((b for b in furniture if b.role is BlockRole.HEADER), key=lambda b: b.bbox.x0)
    bottom = sorted(
        (b for b in furniture if b.role is not BlockRole.HEADER),
        key=lambda b: (b.bbox.top, b.bbox.x0),
    )
    # each table takes part in the cut as one block of its size, so that no column is cut
    # through it (a full-width table under a passage set in two columns)
    tables = [
        Block(_TABLE_MARK, t.bbox, page.number, 0.0, False) for t in page.tables if t.bbox.width
    ]
    ordered = reading_order([*page.body_blocks, *tables])
    page.blocks = [*top, *(b for b in ordered if b.text != _TABLE_MARK), *bottom]


def find_structures(pages: Sequence[Page]) -> None:
    """Tiles and key/value structures of every page, in place (after headings are marked: the
    body size and the blocks' roles are known)."""
    body = body_font_size(pages)
    for page in pages:
        join_broken_numbers(page, EMPHASIS * body)
        page.tiles = find_tiles(page, body)
        page.key_values = find_key_values(page)


def read_document(
    path: Path | str, settings: Settings | None = None, progress: Progress | None = None
) -> Document:
    """Parse a PDF into the document model. Raises UnreadableReport for files it cannot read."""
    settings = settings or Settings.from_env()
    path = Path(path)
    with open_pdf(path, settings) as pdf:
        sha256 = file_sha256(path)
        metadata = dict(pdf.metadata or {})
        pages: list[Page] = []
        failed: list[tuple[int, str]] = []
        total = len(pdf.pages)
        for number, plumber_page in enumerate(pdf.pages, start=1):
            try:
                page = read_page(plumber_page, number, settings)
            except MemoryError:  # running out of memory sinks the document, not one page
                raise
            except Exception as exc:  # one bad page must not sink the document
                if isinstance(_cause(exc), MemoryError):
                    raise _cause(exc) from exc
                failed.append((number, _failure(exc)))
                page = Page(number, float(plumber_page.width), float(plumber_page.height))
                page.has_text_layer = False
                page.warnings.append(f"text extraction failed on page {number}: {failed[-1][1]}")
            finally:
                plumber_page.close()
            pages.append(page)
            if progress:
                progress(number, total)
    if failed and len(failed) == len(pages):
        number, message = failed[0]
        raise UnreadableReport(
            Reason.EXTRACTION_FAILED,
            f"text extraction failed on page {number}: {message}",
            path=str(path),
        )
    mark_furniture(pages, settings)
    for page in pages:
        _order_page(page)
    stitch_tables(pages)
    mark_headings(pages)
    find_structures(pages)
    identity = identify(pages, metadata, path.stem, sha256)
    document = Document(
        report_id=identity.report_id,
        source_file=path.name,
        sha256=sha256,
        page_count=len(pages),
        pages=pages,
        sections=build_sections(pages),
        title=identity.title,
        organization=identity.organization,
        year=identity.year,
        acronym=identity.short_name,
        publisher_id=identity.publisher_id,
    )
    document.warnings = [w for p in pages for w in p.warnings]
    if document.warnings:
        log.warning(
            "%s: %d page warnings, e.g. %s", path.name, len(document.warnings), document.warnings[0]
        )
    return document
