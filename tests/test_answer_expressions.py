"""Dates and numbers as the model's typed candidates: every form people write."""

from __future__ import annotations

import pytest

from retrieval.answering.entities import expressions, number_measures
from retrieval.answering.kinds import Measure


def _dates(text: str) -> list[str]:
    return [text[a:b] for a, b in expressions(text).dates]


def _numbers(text: str) -> list[str]:
    return [text[a:b] for a, b in expressions(text).numbers]


@pytest.mark.parametrize(
    "date",
    ["February 1082", "AD 14", "250 BC", "the 10th century", "the 1990s", "June 15, 2001", "1066"],
)
def test_dates_of_every_era_and_form_are_found(date: str) -> None:
    assert _dates(f"It happened in {date}, the chronicle says.") == [date]


@pytest.mark.parametrize(
    "amount",
    ["$20 billion", "12 million inhabitants", "75 kilometres", "45%", "3 years", "2000 kilometres"],
)
def test_numbers_keep_their_unit_or_currency(amount: str) -> None:
    assert _numbers(f"The figure was {amount} by then.") == [amount]


def test_a_year_with_a_unit_is_a_number_not_a_date() -> None:
    text = "The line runs 2000 kilometres."
    assert _dates(text) == []
    assert _numbers(text) == ["2000 kilometres"]


@pytest.mark.parametrize(
    ("number", "answers"),
    [
        ("$20 billion", {Measure.AMOUNT}),
        ("480 million euros", {Measure.AMOUNT}),
        ("75 kilometres", {Measure.SIZE}),
        ("3 years", {Measure.SIZE, Measure.AGE}),
        ("45%", {Measure.COUNT}),
        ("12 million inhabitants", {Measure.COUNT, Measure.AGE}),
    ],
)
def test_a_numbers_unit_says_what_it_can_answer(number: str, answers: set[Measure]) -> None:
    (found,) = _numbers(f"The report gives {number} for the region.")
    assert number_measures(found) == answers
