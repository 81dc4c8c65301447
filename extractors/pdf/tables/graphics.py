"""The page's graphics that tables are drawn with: horizontal and vertical rules, and fills.

pdfplumber reports strokes as `lines`, thin filled rectangles and boxes as `rects`, and paths as
`curves`. Rules are thin lines or rectangles (at most `RULE_THICKNESS` points across); fills are
coloured rectangles larger than that (zebra stripes, a header's background, a cell's shading).
White and page-sized fills are background, not structure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page as PlumberPage

RULE_THICKNESS = 2.5  # points
MIN_RULE_LENGTH = 8.0
_JOIN = 2.0  # collinear rules this close together are one rule


@dataclass(frozen=True, slots=True)
class HRule:
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class VRule:
    x: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """A picture or a drawn shape that is not a rectangle (an icon, a logo, a chart)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Graphics:
    hrules: tuple[HRule, ...]
    vrules: tuple[VRule, ...]
    fills: tuple[Fill, ...]
    marks: tuple[Mark, ...] = ()

    def within(self, x0: float, top: float, x1: float, bottom: float, pad: float = 2.0) -> Graphics:
        """The rules and fills that lie inside a box (rules may overhang it a little)."""
        return Graphics(
            tuple(
                r
                for r in self.hrules
                if top - pad <= r.y <= bottom + pad and r.x1 > x0 + pad and r.x0 < x1 - pad
            ),
            tuple(
                r
                for r in self.vrules
                if x0 - pad <= r.x <= x1 + pad and r.bottom > top + pad and r.top < bottom - pad
            ),
            tuple(  # fills behind the box: a row's fill runs past its text by the cell padding;
                f  # a cell's fill lies within it
                for f in self.fills
                if (
                    (min(f.x1, x1) - max(f.x0, x0) >= 0.5 * (x1 - x0))
                    or (f.x0 >= x0 - 4 * pad and f.x1 <= x1 + 4 * pad)
                )
                and f.x1 - f.x0 <= 1.5 * (x1 - x0) + 4 * pad
                and f.top >= top - 4 * pad
                and f.bottom <= bottom + 4 * pad
            ),
            tuple(
                m
                for m in self.marks
                if m.x1 > x0 and m.x0 < x1 and m.bottom > top and m.top < bottom
            ),
        )


def fill_color(obj: dict[str, Any]) -> tuple[float, ...]:
    value = obj.get("non_stroking_color")
    if value is None:
        return ()
    if isinstance(value, int | float):
        return (float(value),)
    try:
        return tuple(float(v) for v in value)
    except (TypeError, ValueError):  # a pattern or a named colour: a fill, colour unknown
        return (0.5,)


def is_white(color: tuple[float, ...]) -> bool:
    """Paper colour in gray, RGB or CMYK."""
    if not color:
        return False
    if len(color) == 4:
        return all(c <= 0.02 for c in color)
    return all(c >= 0.98 for c in color)


def _merge_h(rules: Iterable[HRule]) -> list[HRule]:
    out: list[HRule] = []
    for rule in sorted(rules, key=lambda r: (round(r.y), r.x0)):
        last = out[-1] if out else None
        if last and abs(last.y - rule.y) <= 1.0 and rule.x0 <= last.x1 + _JOIN:
            out[-1] = HRule(last.x0, max(last.x1, rule.x1), last.y)
        else:
            out.append(rule)
    return [r for r in out if r.length >= MIN_RULE_LENGTH]


def _merge_v(rules: Iterable[VRule]) -> list[VRule]:
    out: list[VRule] = []
    for rule in sorted(rules, key=lambda r: (round(r.x), r.top)):
        last = out[-1] if out else None
        if last and abs(last.x - rule.x) <= 1.0 and rule.top <= last.bottom + _JOIN:
            out[-1] = VRule(last.x, last.top, max(last.bottom, rule.bottom))
        else:
            out.append(rule)
    return [r for r in out if r.bottom - r.top >= MIN_RULE_LENGTH]


def _box_edges(x0: float, top: float, x1: float, bottom: float) -> tuple[list[HRule], list[VRule]]:
    return [HRule(x0, x1, top), HRule(x0, x1, bottom)], [
        VRule(x0, top, bottom),
        VRule(x1, top, bottom),
    ]


def page_graphics(page: PlumberPage) -> Graphics:
    """Rules and fills of a page, collinear pieces joined."""
    hrules: list[HRule] = []
    vrules: list[VRule] = []
    fills: list[Fill] = []
    area = float(page.width) * float(page.height)
    for line in page.lines:
        x0, x1, top, bottom = line["x0"], line["x1"], line["top"], line["bottom"]
        if bottom - top <= RULE_THICKNESS:
            hrules.append(HRule(x0, x1, (top + bottom) / 2))
        elif x1 - x0 <= RULE_THICKNESS:
            vrules.append(VRule((x0 + x1) / 2, top, bottom))
    for rect in _rect_like(page.rects, page.curves):
        x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
        width, height = x1 - x0, bottom - top
        filled, stroked = bool(rect.get("fill")), bool(rect.get("stroke"))
        color = fill_color(rect)
        if filled and is_white(color) and not stroked:
            continue
        if height <= RULE_THICKNESS and width > height:
            hrules.append(HRule(x0, x1, (top + bottom) / 2))
        elif width <= RULE_THICKNESS and height > width:
            vrules.append(VRule((x0 + x1) / 2, top, bottom))
        else:
            if stroked:
                h, v = _box_edges(x0, top, x1, bottom)
                hrules += h
                vrules += v
            if filled and not is_white(color) and width * height < 0.5 * area:
                fills.append(Fill(x0, top, x1, bottom, color))
    marks = [Mark(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    boxes = {id(c) for c in _rect_like((), page.curves)}
    marks += [
        Mark(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.curves if id(c) not in boxes
    ]
    return Graphics(tuple(_merge_h(hrules)), tuple(_merge_v(vrules)), tuple(fills), tuple(marks))


def _rect_like(
    rects: Sequence[dict[str, Any]], curves: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rectangles, and closed paths whose points all sit on their bounding box (a rectangle
    drawn as a path; rounded corners allowed)."""
    out = list(rects)
    for curve in curves:
        points = curve.get("pts") or []
        if len(points) < 4:
            continue
        x0, x1, top, bottom = curve["x0"], curve["x1"], curve["top"], curve["bottom"]
        tol = max(2.0, 0.15 * min(x1 - x0, bottom - top))
        on_box = all(
            min(abs(x - x0), abs(x - x1)) <= tol or min(abs(y - top), abs(y - bottom)) <= tol
            for x, y in points
        )
        if on_box:
            out.append(curve)
    return out
