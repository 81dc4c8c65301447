"""`make bench-tables` (`python -m benchmarks.icdar`): table structure recognition on the ICDAR
2013 Table Competition set (born-digital EU and US government PDFs, read in place from
`../shared/tables/icdar2013` or `$ANNUAL_REPORTS_ICDAR2013`), scored with the competition's
adjacency-relation measure.

`groundtruth` reads the set and its `-str.xml` files into grids, `measure` turns grids into
relations and counts (pure), `systems` runs this project, camelot (the `bench` extra) and
pdfplumber, `run` times and scores them per document, `report` prints the tables, `survey`
describes the set. `score_ours()` runs this project's parser alone, for a gate test. Not part of
`make test`.
"""

from benchmarks.icdar.run import DocScore, Totals, score_ours

__all__ = ["DocScore", "Totals", "score_ours"]
