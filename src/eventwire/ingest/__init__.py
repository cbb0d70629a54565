"""Ingest: turning input files and streams into `Article` records.

    for item in read_inputs(["news/", "extra.jsonl.gz", "-"], default_date="2024-05-01"):
        if isinstance(item, ReadError):
            print(item)        # news/bad.jsonl:3: not valid JSON (Expecting ',' delimiter)
        else:
            code(item)
"""

from eventwire.ingest.dates import normalize_date
from eventwire.ingest.readers import DEFAULT_MAX_CHARS, ReadError, read_inputs

__all__ = ["DEFAULT_MAX_CHARS", "ReadError", "normalize_date", "read_inputs"]
