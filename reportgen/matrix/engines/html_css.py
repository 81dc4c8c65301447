"""The stylesheet of the Chromium engine, made from a `Look`.

Page furniture uses CSS page-margin boxes (Chromium >= 131). The running head of each page is a
custom counter style over the page counter: `counter(page, heads)` prints the n-th symbol of
`@counter-style heads` on page n, and those symbols are the heads `locate.page_heads` found for
each page in the previous pass. Unlike a named page per section, this needs no page break where
a section flowing on from another takes over the head. Covers are the named page `cover`, with
no margin boxes.

Headings are sized per level for the whole document (`metrics.heading_sizes`).
"""

from __future__ import annotations

from reportgen.fonts import font_dir
from reportgen.matrix.doc import Look
from reportgen.matrix.engines.metrics import (
    FAMILIES,
    GREY_BOX,
    MUTED,
    PAGE_SIZES,
    RULE,
    TEXT,
    heading_size,
    metrics,
    tile_min_width,
    tint,
)
from reportgen.matrix.engines.text import TRACKING_EM, css_string

MARGINS = "62pt 54pt 58pt 54pt"  # top right bottom left
GUTTER = 18  # points between body columns
_FACES = {  # family -> (weight, style, file)
    "DejaVu Sans": (
        ("normal", "normal", "DejaVuSans.ttf"),
        ("bold", "normal", "DejaVuSans-Bold.ttf"),
        ("normal", "italic", "DejaVuSans-Oblique.ttf"),
        ("bold", "italic", "DejaVuSans-BoldOblique.ttf"),
    ),
    "DejaVu Serif": (
        ("normal", "normal", "DejaVuSerif.ttf"),
        ("bold", "normal", "DejaVuSerif-Bold.ttf"),
        ("normal", "italic", "DejaVuSerif-Italic.ttf"),
        ("bold", "italic", "DejaVuSerif-BoldItalic.ttf"),
    ),
}


def font_faces() -> str:
    """@font-face rules loading the DejaVu files bundled with matplotlib (no network), as
    families "RG DejaVu Sans" and "RG DejaVu Serif". Page-margin boxes do not see web fonts
    (they fall back to Liberation), so the furniture names the system-installed DejaVu Sans."""
    rules = []
    for family, faces in _FACES.items():
        for weight, style, name in faces:
            url = (font_dir() / name).as_uri()
            rules.append(
                f'@font-face {{ font-family: "RG {family}"; src: url("{url}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


def page_rules(look: Look, running_title: str, heads: list[str | None] | None) -> str:
    m = metrics(look)
    width, height = PAGE_SIZES[look.page]
    furniture = f'font: {m.furniture}pt "DejaVu Sans"; color: {MUTED};'
    symbols = " ".join(css_string(h or "") for h in heads) if heads else '""'
    tail = css_string((heads[-1] or "") if heads else "")
    boxes = []
    if look.running_header:
        boxes += [
            f"@top-left {{ content: {css_string(running_title)}; {furniture} "
            f"vertical-align: bottom; padding-bottom: 10pt; }}",
            f"@top-right {{ content: counter(page, heads); {furniture} color: {look.accent}; "
            f"vertical-align: bottom; padding-bottom: 10pt; }}",
        ]
    if look.page_numbers:
        boxes.append(f"@bottom-center {{ content: counter(page); {furniture} }}")
    system = "fixed" if heads else "cyclic"
    return f"""
@counter-style heads {{ system: {system}; symbols: {symbols}; fallback: heads-tail; }}
@counter-style heads-tail {{ system: cyclic; symbols: {tail}; }}
@page {{ size: {width}pt {height}pt; margin: {MARGINS}; {" ".join(boxes)} }}
@page cover {{ @top-left {{ content: none; }} @top-right {{ content: none; }}
  @bottom-center {{ content: none; }} }}
"""


def stylesheet(
    look: Look,
    running_title: str,
    heads: list[str | None] | None,
    heading_sizes: dict[int, float] | None = None,
) -> str:
    """The stylesheet; `heading_sizes` per level (default: the nominal sizes of the look)."""
    m = metrics(look)
    h1, h2, h3 = ((heading_sizes or {}).get(n, heading_size(m, n)) for n in (1, 2, 3))
    body, head = (f'"RG {FAMILIES[f]}", "{FAMILIES[f]}"' for f in (look.font, look.heading_font))
    accent, light, lighter = look.accent, tint(look.accent, 0.16), tint(look.accent, 0.1)
    ligatures = "common-ligatures" if look.ligatures else "none"
    tile_min = tile_min_width(m)
    return f"""{font_faces()}
{page_rules(look, running_title, heads)}
html {{ font-family: {body}; font-size: {m.body}pt; line-height: {m.leading / m.body:.3f};
  color: {TEXT}; font-variant-ligatures: {ligatures}; }}
body {{ margin: 0; }}
section.newpage {{ break-before: page; }}
section.cover {{ page: cover; }}
h1, h2, h3 {{ font-family: {head}; font-weight: bold; break-after: avoid; break-inside: avoid;
  line-height: 1.2; }}
h1 {{ font-size: {h1}pt; color: {accent}; margin: 0 0 {m.body}pt; }}
section.spans:not(.newpage) > h1:first-child {{ margin-top: {m.body}pt; }}
section.cover h1 {{ font-size: {m.cover_title}pt; margin-top: 120pt; }}
h2 {{ font-size: {h2}pt; color: {accent}; margin: {m.body}pt 0 {m.body * 0.5}pt; }}
h3 {{ font-size: {h3}pt; margin: {m.body * 0.8}pt 0 {m.body * 0.3}pt; }}
.spaced {{ letter-spacing: {TRACKING_EM}em; }}
p {{ margin: 0 0 0.6em; orphans: 2; widows: 2; }}
.cols p {{ text-align: justify; }}
p.lead {{ font-size: {m.lead}pt; }}
p.small {{ font-size: {m.small}pt; }}
p.italic {{ font-style: italic; }}
.lines {{ margin: 0 0 0.6em; }}
ul.bullets {{ margin: 0 0 0.6em; padding-left: 1.3em; }}
.cols {{ column-gap: {GUTTER}pt; }}
.cols2 {{ column-count: 2; }}
.cols3 {{ column-count: 3; }}
.wide {{ column-span: all; }}
.pb {{ break-after: page; height: 0; }}
table.t {{ border-collapse: collapse; width: 100%; table-layout: fixed; font-size: {m.table}pt;
  line-height: 1.3; margin: 0.3em 0 1em; }}
table.t th, table.t td {{ padding: 2.5pt 4pt; vertical-align: top; text-align: left;
  font-weight: normal; overflow-wrap: anywhere; }}
table.t tr {{ break-inside: avoid; }}
table.t .b {{ font-weight: bold; }}
table.t.boldhead th {{ font-weight: bold; }}
table.grid th, table.grid td {{ border: 0.5pt solid {RULE}; }}
table.grid thead th {{ background: {light}; }}
table.hrules thead tr:first-child th {{ border-top: 1pt solid {accent}; }}
table.hrules thead tr:last-child th {{ border-bottom: 2pt solid {accent}; }}
table.hrules th.group {{ border-bottom: 0.6pt solid {accent}; }}
table.hrules tbody td {{ border-bottom: 0.4pt solid {RULE}; }}
table.zebra thead th {{ background: {accent}; color: white; }}
table.zebra tbody tr:nth-child(even) td {{ background: {lighter}; }}
table.whitespace th, table.whitespace td {{ padding: 2pt 12pt 2pt 0; }}
.boxes {{ display: grid; gap: 10pt; margin: 0.3em 1pt 1em 0;
  grid-template-columns: repeat(auto-fill, minmax(max(var(--min), calc((100% - (var(--n) - 1)
  * 10pt) / var(--n))), 1fr)); }}
.tiles {{ --min: {tile_min}pt; }}
.cards {{ --min: 120pt; }}
.tile, .card {{ padding: 6pt 8pt; break-inside: avoid; }}
.tile.boxed {{ background: {light}; }}
.num {{ font-family: {head}; font-size: {m.tile_number}pt; font-weight: bold; color: {accent};
  line-height: 1.1; }}
.label {{ font-size: {m.small}pt; }}
.inside {{ line-height: 1.3; }}
.card.boxed {{ border: 0.8pt solid {accent}; }}
.card .title {{ font-family: {head}; font-size: {m.h3}pt; font-weight: bold; }}
.card .fact {{ font-size: {m.small}pt; }}
.card .text {{ font-size: {m.small}pt; margin-top: 3pt; }}
.timeline {{ border-left: 1.5pt solid {accent}; margin: 0.3em 0 1em 4pt; padding: 2pt 0 2pt 14pt; }}
.tl {{ margin-bottom: 7pt; break-inside: avoid; }}
.tl::before {{ content: ""; float: left; margin: 3pt 0 0 -18.5pt; width: 8pt; height: 8pt;
  border-radius: 50%; background: {accent}; }}
.tl .date {{ font-weight: bold; color: {accent}; }}
.photo {{ margin: 0.3em 0 1em; break-inside: avoid; }}
.photo .box {{ background: {GREY_BOX}; }}
.photo .caption {{ font-size: {m.small}pt; font-style: italic; color: {MUTED}; margin-top: 3pt; }}
table.toc {{ width: 100%; border-collapse: collapse; margin-top: 6pt; }}
table.toc td {{ padding: 4pt 0; border-bottom: 0.4pt dotted {RULE}; }}
table.toc td.n {{ text-align: right; width: 4em; }}
table.toc a {{ color: inherit; text-decoration: none; }}
"""
