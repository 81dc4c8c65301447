"""Normalizers: pure functions that turn what a report wrote into typed, comparable values.

- `numbers`: "2.4 Million" -> 2400000, "65+" -> 65 with qualifier "+", "US$ 3.2m" -> 3200000 USD.
- `dates`: single dates and ranges ("SEP 27- OCT 8", "22-24 June 2021"), with a report-year default.
- `countries`: country names, codes, aliases and demonyms -> ISO 3166 alpha-3; world-region labels.

Nothing here reads files or knows about any particular report; callers keep the source text.
"""
