"""Choosing the answering sentence: each sentence is scored beside its rivals, not alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from retrieval import Library
from retrieval.answering.candidates import SentenceCandidate, read_sentences, retrieve
from retrieval.answering.features import SENTENCE_FEATURES, SENTENCE_RISING
from retrieval.answering.question import read_question
from tests.conftest import LibraryFactory
from tests.corpus_builders import (
    FESTIVAL_ARTICLE,
    FESTIVAL_CROWDS,
    FESTIVAL_OPENING,
    write_corpus,
)


def _read(library: Library, question: str) -> list[SentenceCandidate]:
    index, read = library.index, read_question(library.index, question)
    return read_sentences(index, read, retrieve(index, read, library.model), library.model)


def _column(sentence: SentenceCandidate, name: str) -> float:
    return sentence.features[SENTENCE_FEATURES.index(name)]


def test_a_sentence_knows_how_far_it_falls_below_the_best_sentence_read(
    news_library: Library,
) -> None:
    sentences = _read(news_library, "How much did the Valmora container terminal cost?")
    best = max(_column(sentence, "coverage") for sentence in sentences)
    assert len({sentence.passage for sentence in sentences}) > 1
    for sentence in sentences:
        below = _column(sentence, "coverage_below_best")
        assert below == _column(sentence, "coverage") - best


def test_a_sentence_knows_how_far_it_falls_below_the_best_of_its_own_passage(
    news_library: Library,
) -> None:
    sentences = _read(news_library, "How much did the Valmora container terminal cost?")
    for passage in {sentence.passage for sentence in sentences}:
        own = [sentence for sentence in sentences if sentence.passage == passage]
        best = max(_column(sentence, "coverage") for sentence in own)
        for sentence in own:
            below = _column(sentence, "coverage_below_passage_best")
            assert below == _column(sentence, "coverage") - best
    assert any(_column(sentence, "coverage_below_passage_best") < 0 for sentence in sentences)


def test_the_sentence_holding_the_amount_asked_is_scored_above_its_neighbours(
    news_library: Library,
) -> None:
    (first, *_) = _read(news_library, "How much did the terminal cost?")
    assert "480 million euros" in first.text


def test_only_a_number_in_a_unit_of_the_measure_asked_holds_it(news_library: Library) -> None:
    sentences = _read(news_library, "How much did the terminal cost?")
    cost = next(s for s in sentences if "480 million euros" in s.text)
    capacity = next(s for s in sentences if "1.2 million containers" in s.text)
    assert _column(cost, "holds_measure") == 1.0
    assert _column(capacity, "holds_measure") == 0.0
    assert _column(capacity, "holds_number") == 1.0


@pytest.mark.parametrize("column", SENTENCE_RISING)
def test_the_packaged_model_never_scores_a_sentence_lower_for_meeting_the_question_better(
    news_library: Library, column: str
) -> None:
    sentences = _read(news_library, "Where did the port director say jobs would be created?")
    rows = np.array([sentence.features for sentence in sentences])
    better = rows.copy()
    better[:, SENTENCE_FEATURES.index(column)] += 0.5
    model = news_library.model.sentence
    assert np.all(model.logits(better) >= model.logits(rows))


@pytest.mark.parametrize(
    ("span_weight", "answering"),
    [(0.0, "The harbour festival in Valdera"), (1.0, "The mayor, Ingrid Solberg, opened it")],
)
def test_the_first_quote_answers_from_the_sentence_naming_the_answer_more_clearly(
    make_library: LibraryFactory, tmp_path: Path, span_weight: float, answering: str
) -> None:
    """The first sentence repeats the question's words and names no one; the next names who
    opened the festival. By the sentence model alone the first answers; weighed with how
    clearly each names an answer, the second does."""
    library = make_library(write_corpus(tmp_path / "corpus", {"festival.txt": FESTIVAL_ARTICLE}))
    library.model = replace(library.model, span_weight=span_weight)
    quote = library.answer("Who opened the festival?").quotes[0]
    assert quote.highlight.startswith(answering)


def test_the_sentence_that_names_who_opened_the_festival_has_the_name_marked(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    """Weighed with how clearly each names an answer, the second sentence answers, and what
    it marks is the mayor's name."""
    library = make_library(write_corpus(tmp_path / "corpus", {"festival.txt": FESTIVAL_ARTICLE}))
    library.model = replace(library.model, span_weight=1.0)
    quote = library.answer("Who opened the festival?").quotes[0]
    assert quote.text[quote.mark_start : quote.mark_end] == "Ingrid Solberg"


@pytest.mark.parametrize(
    ("passage_span_weight", "first_article"),
    [(0.0, "crowds.txt"), (1.0, "opening.txt")],
)
def test_the_first_quote_comes_from_the_passage_naming_the_answer_more_clearly(
    make_library: LibraryFactory, tmp_path: Path, passage_span_weight: float, first_article: str
) -> None:
    """One article repeats the question's words and names no one; the other names who opened
    the festival in fewer of them. By the sentence model alone the first gives the first
    quote; weighed with how clearly each names an answer, the second does."""
    corpus = write_corpus(
        tmp_path / "corpus", {"crowds.txt": FESTIVAL_CROWDS, "opening.txt": FESTIVAL_OPENING}
    )
    library = make_library(corpus)
    library.model = replace(library.model, passage_span_weight=passage_span_weight)
    quotes = library.answer("Who opened the festival?").quotes
    assert [quote.document.doc_id for quote in quotes] == [
        first_article,
        *({"crowds.txt", "opening.txt"} - {first_article}),
    ]
