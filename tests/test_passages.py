"""Sentences and passages: the units that are quoted and ranked."""

from __future__ import annotations

from retrieval.passages import split_passages
from retrieval.sentences import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_end_at_full_stops_question_and_exclamation_marks() -> None:
    assert _sentences("It rained. Did it? Yes!") == ["It rained.", "Did it?", "Yes!"]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Gen. Smith met J. R. Brown in the U.S. Capitol. They talked."
    assert _sentences(text) == ["Gen. Smith met J. R. Brown in the U.S. Capitol.", "They talked."]


def test_decimals_and_closing_quotes_stay_inside_their_sentence() -> None:
    text = "Prices rose 3.5 percent. “We will act,” he said. Then he left."
    expected = ["Prices rose 3.5 percent.", "“We will act,” he said.", "Then he left."]
    assert _sentences(text) == expected


def test_each_paragraph_of_normal_length_is_a_passage() -> None:
    body = "\n\n".join(["A" * 300 + ".", "B" * 300 + "."])
    assert split_passages(body, min_chars=200, max_chars=1000) == ["A" * 300 + ".", "B" * 300 + "."]


def test_short_paragraphs_are_merged_with_the_next() -> None:
    body = "Short one.\n\n" + "Long " * 60
    passages = split_passages(body, min_chars=100, max_chars=1000)
    assert len(passages) == 1
    assert passages[0].startswith("Short one.\nLong")


def test_long_paragraphs_are_split_at_sentence_boundaries() -> None:
    sentence = "The council met again on Monday to discuss the budget for next year. "
    body = sentence * 30
    passages = split_passages(body, min_chars=0, max_chars=400)
    assert len(passages) > 1
    assert all(len(p) <= 400 for p in passages)
    assert all(p.endswith("year.") for p in passages)


def test_a_line_break_ends_a_sentence_even_without_a_full_stop() -> None:
    text = "Ministers meet in Vienna\nThe summit opens on Monday. It lasts two days."
    expected = ["Ministers meet in Vienna", "The summit opens on Monday.", "It lasts two days."]
    assert _sentences(text) == expected
