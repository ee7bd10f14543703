"""The answer inside the answering sentence, chosen from the span model's candidates.

The span model scores each candidate as the answer on its own; the marked span
is the one with the highest *expected* overlap with the answer under those
scores (minimum Bayes risk decoding, as Kumar and Byrne, 2004, do for machine
translation). When the model hesitates between "the Catholic religion",
"Catholic" and "Catholic Church", the span they share stands for all of them
instead of the single likeliest, which is more often partly right and less
often wholly wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from retrieval.answering.candidates import SentenceCandidate
from retrieval.answering.features import span_features
from retrieval.answering.kinds import AnswerKind
from retrieval.answering.model import AnswerModel
from retrieval.answering.question import Question
from retrieval.answering.semantic import word_vectors
from retrieval.answering.span_candidates import (
    Floats,
    SentenceWords,
    SpanCandidate,
    Word,
    sentence_words,
    span_candidates,
)
from retrieval.answering.word_odds import Context, WordOdds, contexts

WEIGHED_CANDIDATES = 20
"""The likeliest candidates are weighed against each other; the rest carry no weight."""
PLAUSIBLE_SHARE = 0.5
"""Only a candidate at least this likely relative to the likeliest may be marked, so that a
long span is not marked for merely overlapping many unlikely ones."""


@dataclass(frozen=True)
class MarkedSpan:
    start: int
    end: int
    """Offsets into the passage."""
    logit: float


@dataclass(frozen=True)
class ScoredSpans:
    """A sentence's candidate spans with their features (a row each) and scores."""

    candidates: list[SpanCandidate]
    contexts: list[Context]
    """Each candidate's keys into the word odds (training counts them)."""
    features: Floats
    logits: Floats


def scored_spans(
    question: Question, sentence: SentenceCandidate, model: AnswerModel
) -> ScoredSpans:
    """Every candidate span of the sentence with its features and its score."""
    described = _described_spans(question, sentence, model.span.words)
    return ScoredSpans(*described, model.span.logits(described.features))


class _DescribedSpans(NamedTuple):
    candidates: list[SpanCandidate]
    contexts: list[Context]
    features: Floats


def _described_spans(
    question: Question, sentence: SentenceCandidate, odds: WordOdds
) -> _DescribedSpans:
    """Every candidate span of the sentence, its keys into the word odds and its row of
    span features."""
    text = sentence.text
    words = sentence_words(text, question.words)
    counted = SentenceWords.of(
        text,
        words,
        question.head,
        *closeness(question.head_word, list(question.concept_words.values()), words),
        question.term_weights,
    )
    candidates = span_candidates(text, words)
    keys = contexts(
        str(question.asked.kind),
        [word.text for word in words],
        (candidate.first_word for candidate in candidates),
        (candidate.last_word for candidate in candidates),
    )
    features = span_features(
        question, text, counted, candidates, sentence.logit, odds.columns(keys)
    )
    return _DescribedSpans(candidates, keys, features)


class Closeness(NamedTuple):
    """How close in meaning each of a sentence's words comes to the question."""

    to_head: list[float]
    """Each word's cosine to the question's head noun (zeros when it names none):
    "Catholic" is a word of the sort "religion" asks for, which no pattern says."""
    to_question: Floats
    """Each word's highest cosine to one of the question's words, never below zero."""


def closeness(head_word: str, question_words: list[str], words: list[Word]) -> Closeness:
    """Both closenesses, from one look-up of the sentence's and the question's vectors."""
    heads = [head_word] if head_word else []
    if not words or not heads + question_words:
        return Closeness([0.0] * len(words), np.zeros(len(words)))
    vectors = word_vectors().of([word.text.casefold() for word in words] + heads + question_words)
    own, asked = vectors[: len(words)], vectors[len(words) + len(heads) :]
    to_head: list[float] = (own @ vectors[len(words)]).tolist() if heads else [0.0] * len(words)
    to_question: Floats = (
        np.maximum((own @ asked.T).max(axis=1), 0.0).astype(np.float64)
        if question_words
        else np.zeros(len(words))
    )
    return Closeness(to_head, to_question)


def choose_spans(
    question: Question, sentences: list[SentenceCandidate], model: AnswerModel
) -> list[MarkedSpan]:
    """Each sentence's best span; the whole sentence when it offers none, or when the
    question asks what something is (the sentence that says so is the answer).

    The candidates of all the sentences are scored in one walk of the trees, whose cost
    is mostly per step, not per row: a question whose reply quotes three passages costs
    little more than one."""
    if question.asked.kind is AnswerKind.DEFINITION or not sentences:
        return [MarkedSpan(*sentence.span, float("-inf")) for sentence in sentences]
    described = [_described_spans(question, sentence, model.span.words) for sentence in sentences]
    logits = model.span.logits(np.vstack([spans.features for spans in described])).tolist()
    spans, first_row = [], 0
    for sentence, (candidates, *_) in zip(sentences, described, strict=True):
        own = logits[first_row : first_row + len(candidates)]
        first_row += len(candidates)
        spans.append(_marked(sentence, candidates, own))
    return spans


def _marked(
    sentence: SentenceCandidate, candidates: list[SpanCandidate], logits: list[float]
) -> MarkedSpan:
    """The span to mark among a sentence's scored candidates."""
    offset, end = sentence.span
    if not candidates:
        return MarkedSpan(offset, end, float("-inf"))
    order = sorted(range(len(logits)), key=lambda n: (-logits[n], candidates[n].start))
    weighed = order[:WEIGHED_CANDIDATES]
    chosen = _likeliest_overlap([candidates[n] for n in weighed], [logits[n] for n in weighed])
    # The best candidate's own score, whichever is marked: it is what the answerable
    # model learnt declining from.
    return MarkedSpan(offset + chosen.start, offset + chosen.end, logits[order[0]])


def _likeliest_overlap(candidates: list[SpanCandidate], logits: list[float]) -> SpanCandidate:
    """The candidate whose word overlap (F1) with the answer is highest in expectation, the
    answer drawn from the candidates in proportion to ``exp(logit)``; ties go to the likelier."""
    weights = np.exp(np.asarray(logits) - max(logits))
    weights /= weights.sum()
    first = np.array([candidate.first_word for candidate in candidates])
    last = np.array([candidate.last_word for candidate in candidates])
    shared = np.minimum.outer(last, last) - np.maximum.outer(first, first) + 1
    lengths = last - first + 1
    overlap = 2 * np.clip(shared, 0, None) / np.add.outer(lengths, lengths)
    expected = np.where(weights >= PLAUSIBLE_SHARE * weights[0], overlap @ weights, -1.0)
    return candidates[int(np.argmax(expected))]
