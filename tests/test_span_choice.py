"""The marked span is the candidate likeliest to overlap the answer, among plausible ones."""

from __future__ import annotations

from retrieval.answering.span import _likeliest_overlap
from retrieval.answering.span_candidates import SpanCandidate, SpanType


def candidate(first: int, last: int) -> SpanCandidate:
    return SpanCandidate(first * 10, last * 10 + 5, SpanType.PHRASE, first, last)


def test_the_likeliest_wins_when_the_others_do_not_overlap_it() -> None:
    spans = [candidate(0, 1), candidate(4, 4), candidate(7, 8)]
    assert _likeliest_overlap(spans, [2.0, 1.9, 1.8]) == spans[0]


def test_overlapping_candidates_together_outweigh_a_slightly_likelier_one() -> None:
    """ "Rome" (word 0) is likeliest alone, but "the Catholic religion" (words 3-5) and
    "Catholic religion" (4-5) mostly agree: one of them is the better bet."""
    rome, religion, catholic = candidate(0, 0), candidate(3, 5), candidate(4, 5)
    assert _likeliest_overlap([rome, religion, catholic], [1.0, 0.95, 0.9]) == religion


def test_an_unlikely_span_is_never_marked_for_covering_many() -> None:
    """A list of every name overlaps each name, but the model gave it little weight."""
    first, second, everything = candidate(0, 1), candidate(3, 4), candidate(0, 4)
    assert _likeliest_overlap([first, second, everything], [2.0, 1.9, 0.5]) == first
