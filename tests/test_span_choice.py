"""The marked span is the candidate likeliest to overlap the answer, among plausible ones."""

from __future__ import annotations

from retrieval.answering.features import NEAR_WORDS
from retrieval.answering.span import _likeliest_overlap
from retrieval.answering.span_candidates import (
    SentenceWords,
    SpanCandidate,
    SpanType,
    sentence_words,
)


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


def test_word_counts_around_a_span_are_clipped_to_the_sentence() -> None:
    sentence = "Helena Marsh said the port of Valdera will grow"
    words = SentenceWords.of(sentence, sentence_words(sentence, frozenset({"port"})), frozenset())
    capitals = [word.text[:1].isupper() for word in words.words]
    reach = NEAR_WORDS
    for start in range(-reach, len(capitals) + 1):
        for end in range(start, len(capitals) + reach + 1):
            inside = capitals[max(start, 0) : max(end, 0)]
            assert SentenceWords.between(words.capitals_before, start, end) == sum(inside)
