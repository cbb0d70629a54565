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


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?P<month>(?:" + "|".join(_MONTHS) + r")[a-z]*)\.?"
_TEXT_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
               re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD}\s+(?P<year>\d{{4}})\b",
               re.IGNORECASE),
)
# A dateline sits at the top of a story; a full date further down is usually another event.
TEXT_DATE_WINDOW = 300


def date_from_text(text: str) -> str | None:
    """A full date (with its year) in the story's opening, as YYYY-MM-DD, or None.

    Reads datelines such as "WASHINGTON, March 26, 2024 (AFP) -" or "2024-03-26".
    """
    head = text[:TEXT_DATE_WINDOW]
    found = [(m.start(), m) for pattern in _TEXT_DATES for m in pattern.finditer(head)]
    for _, match in sorted(found, key=lambda item: item[0]):
        month = match.groupdict().get("mnum") or ""
        if not month:
            word = match["month"].lower()[:3]
            if word not in _MONTHS:
                continue
            month = str(_MONTHS.index(word) + 1)
        try:
            return dt.date(int(match["year"]), int(month), int(match["day"])).isoformat()
        except ValueError:
            continue
    return None
