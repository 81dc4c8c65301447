"""Write hostile input files: every kind of bad "report" ingestion must survive.

`write_all(folder)` writes one file per entry of `HOSTILE` and returns {entry: path}. Each entry
says what must happen to its file with the default limits: it parses, or it is rejected with a
reason (`expect`), and what ingestion then does with it (`ingest`: "ingested" or the quarantine
reason). Everything is generated in a second or two; nothing is downloaded.

    .venv/bin/python -m tests.hostile /tmp/hostile     # write them all into a folder
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFString
from reportlab.pdfgen import canvas

from extractors.errors import Reason
from tests import pdf_factory as pf

JS_MARKER = "HOSTILE-JAVASCRIPT-RAN"
JAVASCRIPT = f"app.alert('{JS_MARKER}'); this.print({{bUI: false}});"
LONG_PAGES = 1500
BOMB_BYTES = 1 << 30  # what the decompression bomb's content stream inflates to (1 GiB)
# spaces, unicode (accents, CJK, an en dash, an emoji) and shell metacharacters
WEIRD_NAME = (
    "--Annual Report 2020 – Ünïcødé 年度报告 🚀 $(touch pwned); rm -rf ~ & 'q' \"dq\" `id` "
    "| > < * ? ! #.pdf"
)


@dataclass(frozen=True)
class Hostile:
    name: str  # the file name written
    write: Callable[[Path], Path]
    expect: Reason | None  # None: parses with the default settings
    ingest: str  # "ingested", or the reason it is quarantined with
    note: str = ""


def write_truncated(path: Path) -> Path:
    """A valid 3-page PDF cut in half (no xref, no trailer)."""
    pf.make_good_pdf(path, pages=3)
    return pf.write_truncated(path, path)


def write_user_password(path: Path) -> Path:
    return pf.make_encrypted_pdf(path, user_password="open-sesame", owner_password="owner-pw")


def write_long(path: Path, pages: int = LONG_PAGES) -> Path:
    """`pages` pages of one short line each, straight on a reportlab canvas (about 1 s)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, f"Page {n}: a short line of body text in a very long report.")
        c.showPage()
    c.save()
    return path


def _report_page(c: canvas.Canvas, organization: str, year: int, lines: list[str]) -> None:
    """A one-page annual report on `c` (`pdf_factory.small_report_page`)."""
    for item in pf.small_report_page(organization, year, lines):
        pf.draw(c, item, A4[1])
    c.showPage()


def write_owner_password_only(path: Path) -> Path:
    """A good report anyone may open: encrypted with an owner password only."""
    enc = StandardEncryption("", ownerPassword="owner-pw", canPrint=0, canModify=0)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=enc)
    lines = ["The Valley Towns Forum (VTF) joins river towns.", "It met in spring."]
    _report_page(c, "Valley Towns Forum", 2021, lines)
    c.save()
    return path


def write_weird_name_report(path: Path) -> Path:
    """A good one-page report (its hostility is the name it is saved under)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    lines = ["The Harbour Cities Network (HCN) links port cities.", "It met twice this year."]
    _report_page(c, "Harbour Cities Network", 2020, lines)
    c.save()
    return path


def write_javascript(path: Path) -> Path:
    """A good report whose catalog has an /OpenAction running JavaScript when a viewer opens it.

    reportlab has no public API for document actions; its catalog object accepts an OpenAction
    entry, set here through `canvas._doc` (no extra dependency such as pypdf is needed)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    action = PDFDictionary({"S": PDFName("JavaScript"), "JS": PDFString(JAVASCRIPT)})
    c._doc.Catalog.OpenAction = action
    lines = ["The Lakeside Towns Alliance (LTA) met in June.", "Members shared flood plans."]
    _report_page(c, "Lakeside Towns Alliance", 2018, lines)
    c.save()
    return path


def bomb_stream(inflated: int = BOMB_BYTES, unit: bytes = b"0 " * (1 << 19)) -> bytes:
    """A zlib stream that inflates to `inflated` bytes of "0 0 0 ..." yet is ~1/1000 of that.

    Compressing 1 GiB takes seconds; instead one unit is compressed after a full flush (which
    resets the compressor, so every later unit compresses to the same bytes) and that block is
    repeated, then the end block and the Adler-32 of the whole are appended (about 0.3 s)."""
    count = max(1, inflated // len(unit))
    compressor = zlib.compressobj(9)
    first = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()[:-4]  # the final empty block, without the checksum of two units
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(unit, checksum)
    return first + repeated * (count - 1) + end + struct.pack(">I", checksum)


def write_raw_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF from object bodies (object i + 1 is objects[i]; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def write_decompression_bomb(path: Path, inflated: int = BOMB_BYTES) -> Path:
    """One page whose content stream is ~1 MB on disk and `inflated` bytes once decoded."""
    stream = bomb_stream(inflated)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    )
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        content + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_raw_pdf(path, objects)


HOSTILE: tuple[Hostile, ...] = (
    Hostile("empty.pdf", pf.write_empty, Reason.EMPTY, "empty"),
    Hostile("truncated.pdf", write_truncated, Reason.CORRUPT, "corrupt"),
    Hostile("photo renamed.pdf", pf.write_png_as_pdf, Reason.NOT_PDF, "not_pdf"),
    Hostile("web page renamed.pdf", pf.write_html_as_pdf, Reason.NOT_PDF, "not_pdf"),
    Hostile("user-password.pdf", write_user_password, Reason.ENCRYPTED, "encrypted"),
    Hostile("owner-password-only.pdf", write_owner_password_only, None, "ingested"),
    Hostile("image-only.pdf", pf.make_image_only_pdf, None, "no_text", "parses; no text at all"),
    Hostile("1500-pages.pdf", write_long, Reason.TOO_LARGE, "too_large", "over max_pages=1000"),
    Hostile(WEIRD_NAME, write_weird_name_report, None, "ingested"),
    Hostile("javascript-open-action.pdf", write_javascript, None, "ingested", "JS never runs"),
    Hostile(
        "decompression-bomb.pdf",
        write_decompression_bomb,
        Reason.RESOURCE_LIMIT,
        "resource_limit",
        "or timeout, whichever limit it meets first",
    ),
)


def write_all(folder: Path, only: Callable[[Hostile], bool] = lambda h: True) -> dict[str, Path]:
    """Write every hostile file (those `only` accepts) into `folder`: {name: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    return {h.name: h.write(folder / h.name) for h in HOSTILE if only(h)}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for name, written in write_all(target).items():
        print(f"{written.stat().st_size:>12,}  {name}")
