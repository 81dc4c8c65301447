"""Tables as designers lay them out: ruled grids, rule-only, zebra and white-space tables, with
multi-line cells, spanning header cells, and continuations stitched across pages."""

from extractors.pdf.tables.detect import find_tables
from extractors.pdf.tables.stitch import stitch_tables, table_to_dict

__all__ = ["find_tables", "stitch_tables", "table_to_dict"]
