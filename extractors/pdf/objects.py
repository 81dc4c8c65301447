"""pdfplumber's page objects (chars, rects, lines, curves, images), made faster for characters.

`pdfplumber.Page.objects` turns every pdfminer layout object into a dict with
`Page.process_object`, which resolves each attribute recursively (`resolve_all`) and decodes the
colour-space name again for every character. On text-heavy pages that conversion costs about as
much as pdfminer's interpretation of the content stream. `load_objects` builds the same dicts
(same keys, same values, same order of keys and of objects) with a fast path for `LTChar`: plain
values are taken as they are, the colour-space name is decoded once per name, and everything
else still goes through pdfplumber's own `resolve_all`; other objects use
`Page.process_object` unchanged. The result is stored where pdfplumber caches it (`_objects`,
flushed by `Page.close()`), so `chars`, `rects`, `extract_words()`, `find_tables()` and
`within_bbox()` all read it. `tests/test_pdf_objects.py` checks the equality against
pdfplumber's own conversion, so a pdfplumber upgrade that changes it fails a test.
"""

from __future__ import annotations

from typing import Any
from unicodedata import normalize

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils import resolve_all, resolve_and_decode

Obj = dict[str, Any]
_PLAIN = frozenset({float, int, str, bool, type(None)})
_decoded_names: dict[Any, Any] = {}  # colour-space name -> decoded (a pure function of the name)


def load_objects(page: PlumberPage) -> dict[str, list[Obj]]:
    """The page's objects by kind, computed once and cached on the page like
    `pdfplumber.Page.objects` does."""
    cached: dict[str, list[Obj]] | None = getattr(page, "_objects", None)
    if cached is not None:
        return cached
    if page.pdf.laparams is not None or not page.is_original:
        return page.objects  # layout analysis or a derived page: pdfplumber's own way
    objects = parse_objects(page)
    page._objects = objects
    return objects


def parse_objects(page: PlumberPage) -> dict[str, list[Obj]]:
    """`pdfplumber.Page.parse_objects` for a page opened without layout analysis."""
    convert = _CharConverter(page)
    objects: dict[str, list[Obj]] = {}
    for obj in _leaves(page.layout._objs):
        attr = convert(obj) if type(obj) is LTChar else page.process_object(obj)
        kind = attr["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(attr)
    return objects


def _leaves(objs: list[Any]) -> Any:
    """Layout objects depth first; containers (figures) are entered, not yielded, as pdfplumber
    does when there is no layout analysis."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj._objs)
        else:
            yield obj


class _CharConverter:
    """`Page.process_object` for an `LTChar`, with the page's constants computed once."""

    def __init__(self, page: PlumberPage) -> None:
        self.page_number = page.page_number
        self.unicode_norm = page.pdf.unicode_norm
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.height = page.height
        self.initial_doctop = page.initial_doctop

    def __call__(self, obj: LTChar) -> Obj:
        attr: Obj = {k: v for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        for key in [k for k, v in attr.items() if type(v) not in _PLAIN]:
            value = attr[key]
            if type(value) is not tuple or not _PLAIN.issuperset(map(type, value)):
                attr[key] = resolve_all(value)
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                name = getattr(obj, cs).name
                try:
                    decoded = _decoded_names[name]
                except (KeyError, TypeError):  # TypeError: an unhashable name, never cached
                    decoded = resolve_and_decode(name)
                    if isinstance(name, str | bytes):
                        _decoded_names[name] = decoded
                attr[cs] = decoded
        text = obj.get_text()
        attr["text"] = normalize(self.unicode_norm, text) if self.unicode_norm is not None else text
        state = obj.graphicstate
        attr["stroking_color"] = (
            state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        )
        attr["non_stroking_color"] = (
            state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        )
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0
        return attr
