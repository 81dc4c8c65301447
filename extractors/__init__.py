"""PDF parsing and entity extraction: PDF -> Document model -> records.

No Dagster and no DuckDB here: this layer knows nothing of orchestration or storage.
"""

__version__ = "0.1.0"
