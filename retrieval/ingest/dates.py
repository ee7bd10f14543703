"""Strict reading of publication dates as news sites print them.

A phrase counts only if the whole of it is a date (optionally with a weekday and
a time of day); ambiguous numeric forms such as 03/04/2024 yield nothing, since
a wrong date is worse than none.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2100
_MAX_PHRASE_CHARS = 80
_DIGIT = re.compile(r"\d")

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?"
)
_TIME = (
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[a-z]{2,5}|[+-]\d{1,2}(?::?\d{2})?)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
)
_BEFORE = rf"(?:{_WEEKDAY}\s*,?\s*)?(?:{_TIME}\s*[,|]?\s*)?"
_AFTER = rf"(?:\s*(?:,|\bat\b|[|@/–-])?\s*{_TIME})?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_ISO_CLOCK = r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"

_FORMS = tuple(
    re.compile(rf"{_BEFORE}{form}{_AFTER}", re.IGNORECASE)
    for form in (
        rf"(?P<month>[a-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}}){_ORDINAL}\s*,?\s+(?P<year>\d{{4}})",
        rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<month>[a-z]{{3,9}})\.?\s*,?\s+(?P<year>\d{{4}})",
        rf"(?P<year>\d{{4}})(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}}){_ISO_CLOCK}",
        r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})",
        r"(?P<first>\d{1,2})(?P<sep>[-/])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})",
    )
)


def parse_date(phrase: str) -> date | None:
    """The date a short phrase consists of, or None if it is anything else."""
    phrase = phrase.strip()
    if len(phrase) > _MAX_PHRASE_CHARS or _DIGIT.search(phrase) is None:
        return None
    for form in _FORMS:
        match = form.fullmatch(phrase)
        if match is not None:
            return _date_from(match.groupdict())
    return None


def _date_from(parts: dict[str, str | None]) -> date | None:
    year = int(parts["year"] or 0)
    month_text = parts.get("month")
    if month_text is None:
        month_day = _unambiguous_month_day(int(parts["first"] or 0), int(parts["second"] or 0))
        if month_day is None:
            return None
        month, day = month_day
    else:
        month_number = _month_number(month_text)
        if month_number is None:
            return None
        month, day = month_number, int(parts["day"] or 0)
    return _valid_date(year, month, day)


def _month_number(text: str) -> int | None:
    return int(text) if text.isdigit() else _MONTHS.get(text.lower())


def _unambiguous_month_day(first: int, second: int) -> tuple[int, int] | None:
    """Slashed dates are month-first in the US and day-first elsewhere: only
    a part above 12 (or two equal parts) tells them apart."""
    if first == second or second > 12:
        return first, second
    if first > 12:
        return second, first
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
