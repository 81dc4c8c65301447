"""`make bench` (`python -m benchmarks`): throughput and memory of the ingestion pipeline.

A corpus of reports is built in a temporary folder (`corpus`): the two sample reports typeset
again with varied content (`variants`), every `expected: parse` PDF of the shared corpus when it
is there, and a generated 1,500-page short-text PDF for the memory target. Each measurement runs
in a fresh Python process (`child`), started and watched by `runner` (wall time, peak RSS of the
process tree); `measures` holds what each process does, `table` prints the results side by side
with ratios and targets. Not part of `make test`.
"""
