"""Named-entity mentions in the report's prose, found by the spaCy pipeline (see extractors.nlp).

Prose is running text: body blocks that read as sentences. Not prose: headings, tables, captions,
contents entries, running headers and footers, short labels (a lone country name in a grid, a
number's caption), "Key: value" fact lines, and list items that are not sentences ("• Mayor of X").
All prose blocks go through one `nlp.pipe`; each entity keeps its sentence and its block's box.
"""

from __future__ import annotations

import re

from extractors.model import Block, BlockRole
from extractors.nlp import iter_docs
from extractors.records import Mention, Source
from extractors.sections.base import Context

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE"})

_MIN_WORDS = 6  # fewer words than this is a label, not a sentence
_LONG_WORDS = 12  # a block this long is prose even without a full stop (a paragraph cut by a page)
# titles, event names and name lists are mostly capitalized words; a sentence that ends with a
# full stop may be dense with names ("based in Lyon, France, with offices in East Asia (...)")
_MIN_LOWER_SHARE = 0.3
_MIN_LOWER_SHARE_SENTENCE = 0.15
_CODE = re.compile(r"^[A-Z]{2}$")
_BULLET = re.compile(r"^\s*(?:[•▪◦●■–—*-]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_FACT_LINE = re.compile(r"^\s*[A-Z][\w .'/&-]{0,30}:\s+\S")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['’]s$")


def is_prose(block: Block) -> bool:
    """Does the block read as running text (one or more sentences)?"""
    if block.role is not BlockRole.BODY:
        return False
    text = " ".join(block.text.split())
    words = _WORD.findall(text)
    if len(words) < _MIN_WORDS:
        return False
    lines = block.lines or (text,)
    if sum(bool(_FACT_LINE.match(line)) for line in lines) * 2 >= len(lines):
        return False
    lower = sum(w[0].islower() for w in words) / len(words)
    ends = bool(_SENTENCE_END.search(text))
    if _BULLET.match(text):  # a list item counts only when it is a sentence
        return ends and lower >= _MIN_LOWER_SHARE
    if ends:
        return lower >= _MIN_LOWER_SHARE_SENTENCE
    return len(words) >= _LONG_WORDS and lower >= _MIN_LOWER_SHARE


def clean_entity(text: str) -> str:
    """Entity text without a leading "the" or a trailing possessive ("the UK's" -> "UK")."""
    return _POSSESSIVE.sub("", _LEADING.sub("", " ".join(text.split()))).strip(" ,;:")


def extract(ctx: Context) -> list[Mention]:
    if ctx.nlp is None:
        return []
    blocks = [p.item for p in ctx.blocks() if isinstance(p.item, Block) and is_prose(p.item)]
    mentions: list[Mention] = []
    for block, doc in zip(blocks, iter_docs(ctx.nlp, (b.text for b in blocks)), strict=True):
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            if ent.text.count("(") > ent.text.count(")") and doc[ent.end : ent.end + 1].text == ")":
                ent = doc[ent.start : ent.end + 1]  # "Organization (ORG" -> "Organization (ORG)"
            text = clean_entity(ent.text)
            if not text or (ent.label_ == "GPE" and not ent.ent_id_ and _CODE.match(text)):
                continue  # a model's two-capital "GPE" is an acronym ("AI"), not a country code
            sentence = " ".join(ent.sent.text.split()) if doc.has_annotation("SENT_START") else ""
            source = Source(block.page_number, block.bbox, text)
            mentions.append(Mention(text, ent.label_, sentence or block.text, source))
    return mentions
