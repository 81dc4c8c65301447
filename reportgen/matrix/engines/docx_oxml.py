"""Raw WordprocessingML for what python-docx has no API for: fonts without theme references,
letter spacing, borders, shading, columns, fields, bookmarks, repeated header rows, exact row
heights and section breaks that do not add an empty paragraph."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Element = Any  # an lxml element of python-docx's oxml classes
SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def child(parent: Element, tag: str, first: bool = False) -> Element:
    """The `tag` child of `parent`, made (at the end, or first) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_attrs(element: Element, **attrs: str | int | float) -> Element:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def rpr_font(
    rpr: Element,
    family: str | None = None,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: str | None = None,
    tracking: float = 0.0,
) -> None:
    """Run properties: a font without theme references, size (pt), weight, colour, tracking (pt)."""
    if family is not None:
        fonts = child(rpr, "w:rFonts", first=True)
        for name in list(fonts.attrib):
            del fonts.attrib[name]
        set_attrs(fonts, ascii=family, hAnsi=family, eastAsia=family, cs=family)
    for tag, on in (("w:b", bold), ("w:bCs", bold), ("w:i", italic), ("w:iCs", italic)):
        if on is not None:
            set_attrs(child(rpr, tag), val=int(on))
    if colour is not None:
        col = child(rpr, "w:color")
        for name in list(col.attrib):
            del col.attrib[name]
        set_attrs(col, val=colour.lstrip("#").upper())
    if tracking:
        set_attrs(child(rpr, "w:spacing"), val=round(tracking * 20))
    if size is not None:
        set_attrs(child(rpr, "w:sz"), val=round(size * 2))
        set_attrs(child(rpr, "w:szCs"), val=round(size * 2))


def border(parent: Element, side: str, size_pt: float, colour: str) -> None:
    """One border of a `w:tblBorders`, `w:tcBorders` or `w:pBdr`; size 0 means none."""
    element = child(parent, f"w:{side}")
    for name in list(element.attrib):
        del element.attrib[name]
    if size_pt <= 0:
        set_attrs(element, val="nil")
        return
    set_attrs(
        element,
        val="single",
        sz=max(2, round(size_pt * 8)),
        space=0,
        color=colour.lstrip("#").upper(),
    )


def table_borders(table: Any, sizes: dict[str, float], colour: str) -> None:
    """`w:tblBorders` with the given side sizes (points), every other side nil."""
    borders = child(table._tbl.tblPr, "w:tblBorders")
    for side in SIDES:
        border(borders, side, sizes.get(side, 0), colour)


def cell_borders(cell: Any, sizes: dict[str, float], colour: str) -> None:
    borders = child(cell._tc.get_or_add_tcPr(), "w:tcBorders")
    for side, size in sizes.items():
        border(borders, side, size, colour)


def shade(cell: Any, fill: str) -> None:
    set_attrs(
        child(cell._tc.get_or_add_tcPr(), "w:shd"),
        val="clear",
        color="auto",
        fill=fill.lstrip("#").upper(),
    )


def cell_margins(table: Any, left_pt: float, right_pt: float, top_pt: float = 1.5) -> None:
    margins = child(table._tbl.tblPr, "w:tblCellMar")
    for side, value in (
        ("top", top_pt),
        ("left", left_pt),
        ("bottom", top_pt),
        ("right", right_pt),
    ):
        set_attrs(child(margins, f"w:{side}"), w=round(value * 20), type="dxa")


def fixed_widths(table: Any, widths_twips: list[int]) -> None:
    """A fixed-layout table of these column widths."""
    tbl_pr = table._tbl.tblPr
    set_attrs(child(tbl_pr, "w:tblW"), w=sum(widths_twips), type="dxa")
    set_attrs(child(tbl_pr, "w:tblLayout"), type="fixed")
    set_attrs(child(tbl_pr, "w:tblInd"), w=0, type="dxa")
    grid = table._tbl.tblGrid
    for index, col in enumerate(grid.findall(qn("w:gridCol"))):
        set_attrs(col, w=widths_twips[index])
    for row in table.rows:
        col = 0
        for tc in row._tr.tc_lst:
            width = sum(widths_twips[col : col + tc.grid_span])
            set_attrs(child(tc.get_or_add_tcPr(), "w:tcW", first=True), w=width, type="dxa")
            col += tc.grid_span


def row_flags(
    row: Any, header: bool = False, cant_split: bool = False, exact_height_pt: float = 0
) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split:
        child(tr_pr, "w:cantSplit")
    if header:
        child(tr_pr, "w:tblHeader")
    if exact_height_pt:
        set_attrs(child(tr_pr, "w:trHeight"), val=round(exact_height_pt * 20), hRule="exact")


def paragraph_border(paragraph: Any, side: str, size_pt: float, colour: str, space: int) -> None:
    borders = child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    border(borders, side, size_pt, colour)
    set_attrs(borders.find(qn(f"w:{side}")), space=space)


def field(paragraph: Any, instruction: str, shown: str, rpr: Element | None = None) -> None:
    """A complex field (PAGE, PAGEREF ...) showing `shown` until the reader updates it."""
    import copy

    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = set_attrs(OxmlElement("w:fldChar"), fldCharType=kind)
        run.append(element)
        paragraph._p.append(run)


def bookmark(p: Element, ident: int, name: str) -> None:
    """Wrap the content of the `w:p` element `p` in a bookmark."""
    start = set_attrs(OxmlElement("w:bookmarkStart"), id=ident, name=name)
    end = set_attrs(OxmlElement("w:bookmarkEnd"), id=ident)
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(end)


def columns(sect_pr: Element, count: int, space_pt: float) -> None:
    set_attrs(child(sect_pr, "w:cols"), num=count, space=round(space_pt * 20))


def tab_stop(paragraph: Any, position_twips: int, align: str, leader: str = "none") -> None:
    tabs = child(paragraph._p.get_or_add_pPr(), "w:tabs")
    tabs.append(set_attrs(OxmlElement("w:tab"), val=align, leader=leader, pos=position_twips))
