"""The answer inside the answering sentence: the candidate span the span model likes best."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.answering.candidates import SentenceCandidate
from retrieval.answering.features import span_features
from retrieval.answering.kinds import AnswerKind
from retrieval.answering.model import AnswerModel
from retrieval.answering.question import Question
from retrieval.answering.span_candidates import (
    SentenceWords,
    SpanCandidate,
    sentence_words,
    span_candidates,
)


@dataclass(frozen=True)
class MarkedSpan:
    start: int
    end: int
    """Offsets into the passage."""
    logit: float


def scored_spans(
    question: Question, sentence: SentenceCandidate, model: AnswerModel
) -> list[tuple[SpanCandidate, list[float], float]]:
    """Every candidate span of the sentence with its features and its score."""
    text = sentence.text
    words = sentence_words(text, question.words)
    counted = SentenceWords.of(words, question.head)
    stage = model.span_for(question.asked.kind)
    scored = []
    for candidate in span_candidates(text, words, question.words):
        row = span_features(question, text, counted, candidate, sentence.logit)
        scored.append((candidate, row, stage.logit(row)))
    return scored


def choose_span(question: Question, sentence: SentenceCandidate, model: AnswerModel) -> MarkedSpan:
    """The best span; the whole sentence when it offers none, or when the question asks what
    something is (the sentence that says so is the answer)."""
    offset, end = sentence.span
    if question.asked.kind is AnswerKind.DEFINITION:
        return MarkedSpan(offset, end, float("-inf"))
    scored = scored_spans(question, sentence, model)
    if not scored:
        return MarkedSpan(offset, end, float("-inf"))
    best, _, logit = max(scored, key=lambda item: (item[2], -item[0].start))
    return MarkedSpan(offset + best.start, offset + best.end, logit)
