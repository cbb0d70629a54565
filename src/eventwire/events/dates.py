"""When a sentence says its event happened, resolved against the article's date.

    sentence_date("Ministers met on Tuesday.", "2024-03-28")     # -> "2024-03-26"
    sentence_date("Talks resume next Monday.", "2024-03-28")     # -> "2024-04-01"
    sentence_date("Protests spread.", "2024-03-28")              # -> None

News is written after the fact, so a bare weekday or month-day is the latest
one on or before the article date, unless the sentence speaks of the future
("will", "next", "scheduled"), when it is the earliest one after it. "Last
week" and "this week" resolve to the Monday that starts that week: the
sentence names a week, and its first day is the earliest it can mean. A
sentence with no date expression gives None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
# Nouns that say when: "on Tuesday", "in March", "at night", "that week".
TIME_WORDS = frozenset({*WEEKDAYS, *MONTHS, "day", "week", "month", "year", "weekend", "night",
                        "morning", "afternoon", "evening", "time", "today", "tonight",
                        "yesterday"})
_MONTH_NAMES = {name: number for number, name in enumerate(MONTHS, 1)}
_MONTH_NAMES.update({name[:3]: number for name, number in list(_MONTH_NAMES.items())})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

_PATTERNS = (
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}\s+{_MONTH}\b{_YEAR}", re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.IGNORECASE)),
    ("week", re.compile(r"\b(?P<which>last|this|next)\s+week\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this)\s+)?{_WEEKDAY}\b",
                           re.IGNORECASE)),
)
_FUTURE = re.compile(r"\b(will|shall|next|scheduled|due to|plans? to|is to|are to|"
                     r"to be held|expected to)\b", re.IGNORECASE)
_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# A past-tense month-day this far after the article date belongs to the year before.
_PAST_SLACK_DAYS = 7


def sentence_date(sentence_text: str, article_date: str | None) -> str | None:
    """The date (YYYY-MM-DD) the sentence's event happened, or None if it names none.

    Only the earliest date expression in the sentence is read. `article_date`
    is YYYY-MM-DD; without it, only an explicit "March 3, 2024" can be resolved.
    """
    found = _first_expression(sentence_text)
    if found is None:
        return None
    kind, match = found
    anchor = _parse(article_date)
    future = bool(_FUTURE.search(sentence_text))
    if kind in ("month_day", "day_month"):
        return _month_day(match, anchor, future)
    if anchor is None:
        return None
    if kind == "relative_day":
        return _iso(anchor + dt.timedelta(days=_DAY_OFFSETS[match["word"].lower()]))
    if kind == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        shift = {"last": -7, "this": 0, "next": 7}[match["which"].lower()]
        return _iso(monday + dt.timedelta(days=shift))
    return _weekday(match, anchor, future)


def _first_expression(text: str) -> tuple[str, re.Match[str]] | None:
    found = [(match.start(), order, kind, match)
             for order, (kind, pattern) in enumerate(_PATTERNS)
             for match in [pattern.search(text)] if match is not None
             if kind != "month_day" or _plausible_month_day(match)]
    if not found:
        return None
    _, _, kind, match = min(found, key=lambda item: (item[0], item[1]))
    return kind, match


def _plausible_month_day(match: re.Match[str]) -> bool:
    # "may 5" in "talks may 5 ..." is rare, but "May" as a verb followed by a number is not
    # a date only when written in lower case.
    return not (match["month"].lower() == "may" and match["month"] == "may")


def _month_day(match: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    month = _MONTH_NAMES[match["month"].lower()]
    day = int(match["day"])
    if match["year"]:
        return _safe_iso(int(match["year"]), month, day)
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate is None:
        return None
    if future and candidate < anchor:
        return _safe_iso(anchor.year + 1, month, day)
    if not future and candidate > anchor + dt.timedelta(days=_PAST_SLACK_DAYS):
        return _safe_iso(anchor.year - 1, month, day)
    return _iso(candidate)


def _weekday(match: re.Match[str], anchor: dt.date, future: bool) -> str:
    target = WEEKDAYS.index(match["weekday"].lower())
    which = (match["which"] or "").lower()
    if which == "next" or (future and which != "last"):
        ahead = (target - anchor.weekday()) % 7 or 7
        return _iso(anchor + dt.timedelta(days=ahead))
    back = (anchor.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return _iso(anchor - dt.timedelta(days=back))


def _parse(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _safe_iso(year: int, month: int, day: int) -> str | None:
    found = _safe_date(year, month, day)
    return _iso(found) if found else None


def _iso(value: dt.date) -> str:
    return value.isoformat()
