"""Dates are read strictly: a wrong date is worse than none."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Thursday, November 21, 2024", date(2024, 11, 21)),
        ("Tuesday, 11/26/2024", date(2024, 11, 26)),
        ("26/11/2024", date(2024, 11, 26)),
        ("21 November 2024", date(2024, 11, 21)),
        ("Nov. 21, 2024", date(2024, 11, 21)),
        ("Sept 3, 2023 | 10:00", date(2023, 9, 3)),
        ("2024-11-21T22:30:00Z", date(2024, 11, 21)),
        ("2024/11/21", date(2024, 11, 21)),
        ("21.11.2024", date(2024, 11, 21)),
        ("21st of November, 2024", date(2024, 11, 21)),
    ],
)
def test_common_news_date_forms_are_read(phrase: str, expected: date) -> None:
    assert parse_date(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "03/04/2024",
        "31 February 2024",
        "November 2024",
        "21 Novembre 2024",
        "Shoigu said on July 3, 2025",
        "1 January 1066",
        "21/11/24",
    ],
)
def test_ambiguous_partial_or_embedded_dates_are_refused(phrase: str) -> None:
    assert parse_date(phrase) is None
