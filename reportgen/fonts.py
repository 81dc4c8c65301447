"""Register the DejaVu TrueType fonts bundled with matplotlib for reportlab.

TrueType fonts are always embedded (as subsets) by reportlab, and DejaVu covers the
Latin Extended characters that occur in the reports (São Paulo, Beyoğlu, Muğla, Núñez, km²),
which the standard Type 1 fonts (Helvetica, Times) cannot show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True)
class FontFamily:
    """The four faces of one registered family, by reportlab font name."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


# family name -> (regular, bold, italic, bold-italic) file names in matplotlib's font dir
_FAMILY_FILES: dict[str, tuple[str, str, str, str]] = {
    "DejaVuSans": (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    "DejaVuSerif": (
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
}

# Characters that must be covered by every registered face.
REQUIRED_GLYPHS = "São Paulo Beyoğlu Muğla Núñez km² – — ’ “ ” José Víctor Asunción Térraba"


def font_dir() -> Path:
    """Directory holding matplotlib's bundled TrueType fonts."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _face_names(family: str) -> tuple[str, str, str, str]:
    return (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")


def register_family(family: str) -> FontFamily:
    """Register one family (idempotent) and map it for <b>/<i> markup in paragraphs."""
    names = _face_names(family)
    files = _FAMILY_FILES[family]
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in zip(names, files, strict=True):
        if name not in registered:
            font = TTFont(name, str(font_dir() / file_name))
            missing = [ch for ch in set(REQUIRED_GLYPHS) if ord(ch) not in font.face.charToGlyph]
            if missing:
                raise RuntimeError(f"font {file_name} lacks glyphs {''.join(sorted(missing))}")
            pdfmetrics.registerFont(font)
    regular, bold, italic, bold_italic = names
    addMapping(family, 0, 0, regular)
    addMapping(family, 1, 0, bold)
    addMapping(family, 0, 1, italic)
    addMapping(family, 1, 1, bold_italic)
    return FontFamily(regular=regular, bold=bold, italic=italic, bold_italic=bold_italic)


def register_fonts() -> dict[str, FontFamily]:
    """Register every known family; returns them by family name."""
    return {family: register_family(family) for family in _FAMILY_FILES}
