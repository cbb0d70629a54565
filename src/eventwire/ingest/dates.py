"""Publication dates: the few spellings news feeds use, normalised to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)

EXPECTED = "expected YYYY-MM-DD, YYYYMMDD or an ISO datetime"


def normalize_date(value: str) -> str:
    """Return `value` as YYYY-MM-DD, or raise ValueError saying what was expected.

    A datetime keeps the calendar date it was written with: converting to UTC
    would move late-evening stories to a day their source never printed.
    """
    text = value.strip()
    for pattern in (_ISO_DATE, _COMPACT_DATE, _ISO_DATETIME):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = [int(group) for group in match.groups() if group is not None]
        try:
            stamp = dt.datetime(*parts)
        except ValueError:
            break
        return stamp.date().isoformat()
    raise ValueError(f'bad date "{value}": {EXPECTED}')
