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


_TRAILING_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<short>[A-Z][A-Za-z0-9&.-]{1,14})\s*\)$")
_EARLY_PAGES = 8


@dataclass(frozen=True, slots=True)
class Identity:
    report_id: str
    organization: str | None  # the publisher's full name, as printed (no acronym after it)
    short_name: str | None  # its acronym, when the report defines one
    year: int | None
    title: str | None
    publisher_id: str | None = None  # canonical: the acronym's slug, else the name's


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


def _flat(text: str) -> str:
    return " ".join(text.split())


def _definitions(texts: Sequence[str]) -> list[tuple[str, str]]:
    """Every "Full Name (ACRONYM)" in the texts, in order (a name never runs over from one block
    into the next: the page text has a line per block)."""
    return [
        (_strip_article(m.group(1)), m.group(2))
        for text in texts
        for m in _DEFINITION.finditer(text)
    ]


def _as_on_cover(name: str, cover: list[Block]) -> str:
    """The publisher's name as the cover prints it, when the definition in the text is the end
    of it (a line or block break cut "The World Smart Sustainable / Cities Organization
    (WeGO)" in two)."""
    for block in cover:
        printed = _strip_article(_flat(block.text))
        if (
            printed.casefold().endswith(f" {name.casefold()}")
            and _ORG_WORDS.search(printed)
            and len(printed.split()) <= 14
        ):
            return printed
    return name


def _organization(
    cover: list[Block], pages: Sequence[Page], metadata: Mapping[str, Any]
) -> tuple[str | None, str | None]:
    """(full name, acronym) of the publisher: a "Full Name (ACRONYM)" definition whose name or
    acronym the cover or the file's metadata shows; else an organization's name on the cover or
    in the author metadata (and its acronym, if defined anywhere early)."""
    shown = " ".join([*(b.text for b in cover), *(str(metadata.get(k) or "") for k in
                      ("Title", "Author", "Subject"))]).casefold()  # fmt: skip
    early = [p.text for p in pages[:_EARLY_PAGES]] + [str(metadata.get("Subject") or "")]
    definitions = _definitions(early)
    for full, short in definitions:
        if full.casefold() in shown or re.search(rf"\b{re.escape(short.casefold())}\b", shown):
            return _as_on_cover(full, cover), short
    named = [
        _flat(b.text) for b in cover if _ORG_WORDS.search(b.text) and len(b.text.split()) <= 14
    ]
    author = str(metadata.get("Author") or "").strip()
    if not _ORG_WORDS.search(author):
        author = ""  # authors are mostly people or software; only an organization's name helps
    organization = named[0] if named else (author or None)
    if organization is None:
        return None, None
    if match := _TRAILING_ACRONYM.match(organization):
        return _strip_article(match.group("name")), match.group("short")
    organization = _strip_article(organization)
    for full, short in definitions:
        if full.casefold() == organization.casefold():
            return organization, short
    return organization, None


def identify(
    pages: Sequence[Page], metadata: Mapping[str, Any], file_stem: str, sha256: str
) -> Identity:
    """Organization and year from the cover, the first pages and the metadata; the publisher's
    canonical id is its acronym (or name) as a slug, the report id `<publisher>-<year>`
    (`wego-2021`), whatever the design prints around them.

    Without both, the id falls back to the file name plus the first 8 hex digits of its sha256, so
    that two different files never share an id by accident.
    """
    cover = _cover(pages)
    title = _title(cover, metadata)
    year = _year(title, pages)
    organization, short = _organization(cover, pages, metadata)
    publisher = slugify(short or organization or "")[:40].strip("-") or None
    if publisher and year:
        report_id = f"{publisher}-{year}"
    else:
        report_id = f"{slugify(file_stem)[:40] or 'report'}-{sha256[:8]}"
    return Identity(report_id, organization, short, year, title, publisher)
