"""The performance shortcuts compute exactly what the slow ways did (docs/performance.md).

- the parser's page objects (extractors/pdf/objects.py) and its char-in-box test are what
  pdfplumber computes: same dicts, same keys in the same order, same objects;
- `record_dict` without `dataclasses.asdict` gives the same JSON;
- people in prose: the spaCy PERSON names are looked up only for the blocks whose parse asks,
  with the same roles as when every block goes through the model.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from extractors.extract import _jsonable, _source, extract_document, record_dict
from extractors.model import Block
from extractors.nlp import load_nlp
from extractors.pdf.objects import load_objects, parse_objects
from extractors.pdf.read import _has_char_within, read_document
from extractors.records import Mention
from extractors.roles import TEXT_ROLES, TITLE, prose_roles
from extractors.sections.base import Context
from extractors.sections.people import _person_names, _prose_roles
from tests import pdf_factory as pf
from tests.corpus import ROOT, corpus_dir, manifest

SAMPLES = [
    ROOT / "raw_reports" / "wego_2021_annual_report.pdf",
    ROOT / "tests" / "fixtures" / "reports" / "wego_2023_annual_review.pdf",
]
# real-world files with what the fast path must get right: a mediabox not at the origin, rotated
# pages, Type3 and CID fonts, a colour space that is not a plain name, vertical CJK text
CORPUS_FILES = [
    "env-report-apple-2022-negative-coords.pdf",
    "gov-us-nics-firearm-checks-2015-11-rotated.pdf",
    "arabic-habibi-rotated-pages.pdf",
    "bank-statement-type3-fonts.pdf",
    "financial-cz-cid-font-non-unicode-cmap.pdf",
    "japanese-vertical-text-cid.pdf",
    "quarterly-report-zh-2018q1-22p.pdf",
    "annual-report-reliance-2021-22-p1-3.pdf",
    "gov-us-irs-form-1040nr-2007.pdf",
]


def _corpus_params() -> list[object]:
    folder = corpus_dir()
    known = {e["file"] for e in manifest()}
    return [
        pytest.param(folder / name, id=name)
        for name in CORPUS_FILES
        if folder is not None and name in known
    ]


def _same(mine: dict[str, list[dict]], theirs: dict[str, list[dict]]) -> None:
    assert list(mine) == list(theirs)  # kinds in the same order
    for kind, objects in theirs.items():
        assert len(mine[kind]) == len(objects), kind
        for a, b in zip(mine[kind], objects, strict=True):
            assert list(a) == list(b), kind  # keys in the same order
            assert a == b, kind


def _check_file(path: Path) -> int:
    pages = 0
    with pdfplumber.open(path, unicode_norm="NFC") as pdf:
        for page in pdf.pages:
            try:
                theirs = page.parse_objects()
            except Exception:  # a page pdfminer cannot read fails the same way in both
                with pytest.raises(Exception):  # noqa: B017
                    parse_objects(page)
                continue
            _same(parse_objects(page), theirs)
            pages += 1
            page.close()
    return pages


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_objects_equal_pdfplumbers_on_the_sample_reports(path: Path) -> None:
    assert _check_file(path) > 10


@pytest.mark.parametrize("path", _corpus_params())
def test_objects_equal_pdfplumbers_on_real_world_files(path: Path) -> None:
    _check_file(path)


def test_objects_equal_pdfplumbers_without_unicode_normalization(tmp_path: Path) -> None:
    pdf_path = pf.make_good_pdf(tmp_path / "good.pdf", pages=2)
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            _same(parse_objects(page), page.parse_objects())


def test_load_objects_is_cached_on_the_page_and_flushed_by_close() -> None:
    with pdfplumber.open(SAMPLES[0], unicode_norm="NFC") as pdf:
        page = pdf.pages[2]
        objects = load_objects(page)
        assert page.objects is objects
        assert page.chars is objects["char"]
        assert load_objects(page) is objects
        words = page.extract_words(extra_attrs=["fontname", "size"])
        page.close()
        assert not hasattr(page, "_objects")
        assert page.extract_words(extra_attrs=["fontname", "size"]) == words


def test_char_within_matches_pdfplumbers_within_bbox() -> None:
    checked = 0
    with pdfplumber.open(SAMPLES[0], unicode_norm="NFC") as pdf:
        for page in pdf.pages:
            load_objects(page)
            boxes = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects]
            boxes += [
                (c["x0"] - 5, c["top"] - 5, c["x1"] + 5, c["bottom"] + 5) for c in page.chars[:3]
            ]
            for box in boxes:
                expected = bool(page.within_bbox(box, relative=False, strict=False).chars)
                assert _has_char_within(page, box) is expected
                checked += 1
            page.close()
    assert checked > 20


@pytest.fixture(scope="module")
def sample_context() -> Context:
    return Context(read_document(SAMPLES[0]), nlp=load_nlp())


def _slow_record_dict(record: Any) -> dict[str, Any]:
    """`record_dict` as it was: every field through `dataclasses.asdict`."""
    values = {k: _jsonable(v) for k, v in asdict(record).items() if k != "source"}
    if isinstance(record, Mention):
        return values | {"page": record.source.page, "bbox": _jsonable(record.source.bbox)}
    return values | _source(record.source)


@pytest.mark.model
def test_record_dict_equals_the_asdict_way(sample_context: Context) -> None:
    extraction = extract_document(sample_context.document, nlp=sample_context.nlp)
    records = [r for rs in extraction.record_lists().values() for r in rs]
    assert len(records) > 300
    for record in records:
        fast = record_dict(record)
        assert fast == _slow_record_dict(record)
        assert list(fast) == list(_slow_record_dict(record))


@pytest.mark.model
def test_prose_roles_only_ask_the_model_where_it_matters(sample_context: Context) -> None:
    ctx = sample_context
    blocks = [p.item for p in ctx.blocks() if isinstance(p.item, Block)
              and p.item.role in TEXT_ROLES and TITLE.search(p.item.text)]  # fmt: skip
    every = [
        prose_roles(b.text, names)
        for b, names in zip(blocks, _person_names(ctx, blocks), strict=True)
    ]
    assert any(every)
    assert _prose_roles(ctx, blocks) == every
