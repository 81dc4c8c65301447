"""Who published a report and for which year, read from its content; the report id follows."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractors.model import Block, Page

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# "Full Organization Name (ACRONYM)": the way reports introduce their publisher.
_DEFINITION = re.compile(
    r"((?:[A-Z][\w'’&.-]*[ \t]+(?:(?:of|for|and|the|de|des|du|la|le)[ \t]+)*){1,10}[A-Z][\w'’&.-]*)"
    r"[ \t]*\([ \t]*([A-Z][A-Za-z0-9&.-]{1,14})[ \t]*\)"
)
_ORG_WORDS = re.compile(
    r"\b(organi[sz]ation|association|council|federation|foundation|institute|agency|"
    r"ministry|authority|corporation|company|group|bank|inc|ltd|limited|plc|university|"
    r"network|union|society|commission|committee|alliance|trust|fund|league|board)\b",
    re.IGNORECASE,
)
_JUNK_TITLES = re.compile(r"^(untitled|microsoft word|document\d*|\s*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Identity:
    report_id: str
    organization: str | None
    short_name: str | None
    year: int | None
    title: str | None


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _cover(pages: Sequence[Page]) -> list[Block]:
    for page in pages:
        if page.body_blocks:
            return page.body_blocks
    return []


def _title(cover: list[Block], metadata: Mapping[str, Any]) -> str | None:
    if cover:
        largest = max(b.font_size for b in cover)
        parts = [b.text for b in cover if b.font_size >= largest - 0.5]
        if parts:
            return " ".join(parts)
    meta = str(metadata.get("Title") or "").strip()
    return None if _JUNK_TITLES.match(meta) else meta


def _year(title: str | None, pages: Sequence[Page]) -> int | None:
    if title and (m := _YEAR.search(title)):
        return int(m.group(1))
    counts = Counter(int(y) for p in pages[:3] for y in _YEAR.findall(p.text))
    return counts.most_common(1)[0][0] if counts else None


def _strip_article(name: str) -> str:
    return re.sub(r"^(the|la|le|les|el|die|der|das)\s+", "", " ".join(name.split()), flags=re.I)


def _organization(
    cover: list[Block], pages: Sequence[Page], metadata: Mapping[str, Any]
) -> tuple[str | None, str | None]:
    cover_text = " ".join(b.text for b in cover).casefold()
    early_text = "\n".join(p.text for p in pages[:5])
    for match in _DEFINITION.finditer(early_text):
        full, short = _strip_article(match.group(1)), match.group(2)
        if full.casefold() in cover_text or short.casefold() in cover_text:
            return full, short
    named = [b.text for b in cover if _ORG_WORDS.search(b.text) and len(b.text.split()) <= 12]
    author = str(metadata.get("Author") or "").strip()
    if not _ORG_WORDS.search(author):
        author = ""  # authors are mostly people or software; only an organization's name helps
    organization = named[0] if named else (author or None)
    if organization is None:
        return None, None
    for match in _DEFINITION.finditer(early_text):
        if _strip_article(match.group(1)).casefold() == organization.casefold():
            return organization, match.group(2)
    return organization, None


def identify(
    pages: Sequence[Page], metadata: Mapping[str, Any], file_stem: str, sha256: str
) -> Identity:
    """Organization and year from the cover and first pages; id like `wego-2021`.

    Without both, the id falls back to the file name plus the first 8 hex digits of its sha256, so
    that two different files never share an id by accident.
    """
    cover = _cover(pages)
    title = _title(cover, metadata)
    year = _year(title, pages)
    organization, short = _organization(cover, pages, metadata)
    name = slugify(short or organization or "")[:40].strip("-")
    if name and year:
        report_id = f"{name}-{year}"
    else:
        report_id = f"{slugify(file_stem)[:40] or 'report'}-{sha256[:8]}"
    return Identity(report_id, organization, short, year, title)
