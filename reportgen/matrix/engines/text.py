"""Text handling shared by the engines: heading case, ligature code points, escaping.

Every engine sets the same characters, so the PDFs of one document carry the same text whatever
typesetter drew them: headings are upper-cased here (not by CSS `text-transform` or Word's caps
property), and with `Look.ligatures` the "ffi", "ffl", "ff", "fi", "fl" sequences become the
ligature code points U+FB03, U+FB04, U+FB00, U+FB01, U+FB02 (DejaVu has the glyphs).
"""

from __future__ import annotations

import html
import unicodedata

from reportgen.matrix.doc import Look

# longest first: "ffi" must not become "ff" + "i"
LIGATURES: tuple[tuple[str, str], ...] = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
)
TRACKING_EM = 0.18  # letter spacing of "spaced" headings, in em


def ligate(text: str) -> str:
    for plain, glyph in LIGATURES:
        text = text.replace(plain, glyph)
    return text


def body_text(text: str, look: Look) -> str:
    """Running text as printed: with ligature code points when the look asks for them."""
    return ligate(text) if look.ligatures else text


def heading_text(text: str, look: Look) -> str:
    """A heading as printed: capitals for "upper" and "spaced", else as written (ligated)."""
    if look.heading_case in ("upper", "spaced"):
        return text.upper()
    return body_text(text, look)


def spaced(look: Look) -> bool:
    return look.heading_case == "spaced"


def escape(text: str) -> str:
    """Text for XML-like markup (reportlab paragraphs, HTML)."""
    return html.escape(text, quote=True)


def css_string(text: str) -> str:
    """A CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def fold(text: str) -> str:
    """Text compared across engines: NFKC (ligatures apart), case-folded, without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def split_inside(inside: str, value: str) -> tuple[str, str, str]:
    """`inside` cut around the first occurrence of `value` (case-insensitive): (before, value,
    after). Without an occurrence the value comes first: (``""``, value, " " + inside)."""
    if not inside:
        return "", value, ""
    at = inside.lower().find(value.lower())
    if at < 0:
        return "", value, " " + inside
    return inside[:at], inside[at : at + len(value)], inside[at + len(value) :]
