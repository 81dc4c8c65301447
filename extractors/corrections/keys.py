"""A stable key for every record a correction may name: `<type>:<8 hex digits>`.

The key is a hash of the record's type, page and field values (not its box or source text, which
move when the layout is read a little differently), so the same record gets the same key on every
run; records equal in all of these get `.2`, `.3`, ... in the order they were found."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import fields
from typing import Any


def base_key(kind: str, record: Any) -> str:
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name != "source"}
    payload = json.dumps([kind, record.source.page, values], sort_keys=True, default=str)
    return f"{kind}:{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:8]}"


def record_keys(kind: str, records: Sequence[Any]) -> list[str]:
    """The key of each record of `kind`, in order."""
    seen: dict[str, int] = {}
    out = []
    for record in records:
        key = base_key(kind, record)
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}.{seen[key]}")
    return out
