"""Candidates for the answer: retrieved passages, then the sentences of the likeliest.

BM25 retrieves ``RETRIEVE_DEPTH`` passages; the passage model reorders them
from what the index alone says (no reading). Only the best ``READ_DEPTH`` are
read closely, and each of their sentences is scored by the sentence model,
which sees the passage's score, how much of the question the sentence and its
neighbours cover, whether it holds an answer of the kind asked, and how far it
falls below the best sentence read on each of these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retrieval.answering.features import (
    compared_sentence_features,
    passage_features,
    sentence_features,
)
from retrieval.answering.model import AnswerModel
from retrieval.answering.question import Question
from retrieval.answering.reading import Reading, read_passages
from retrieval.answering.semantic import (
    closeness_around,
    closest_by_sentence,
    meaning_by_sentence,
    word_vectors,
)
from retrieval.index import SearchIndex

RETRIEVE_DEPTH = 30
READ_DEPTH = 6


@dataclass(frozen=True)
class PassageCandidate:
    passage: int
    bm25_share: float
    features: list[float]
    logit: float


@dataclass(frozen=True)
class SentenceCandidate:
    passage: int
    number: int
    """The sentence's place in its passage."""
    reading: Reading
    features: list[float]
    logit: float

    @property
    def span(self) -> tuple[int, int]:
        return self.reading.sentences[self.number]

    @property
    def text(self) -> str:
        start, end = self.span
        return self.reading.text[start:end]


def retrieve(index: SearchIndex, question: Question, model: AnswerModel) -> list[PassageCandidate]:
    """The retrieved passages, likeliest first by the passage model."""
    terms = question.evidence.search_terms
    hits = index.ranker.search(terms, RETRIEVE_DEPTH)
    if not hits:
        return []
    top = hits[0][1]
    held = index.ranker.terms_in([passage for passage, _ in hits], terms)
    candidates = []
    for (passage, score), found in zip(hits, held, strict=True):
        row = passage_features(
            question,
            score,
            top,
            found,
            index.title_terms(index.passages.documents[passage]),
            len(index.passages.texts[passage]),
        )
        share = score / top if top > 0 else 0.0
        candidates.append(PassageCandidate(passage, share, row, model.passage.logit(row)))
    return sorted(candidates, key=lambda c: (-c.logit, c.passage))


def read_sentences(
    index: SearchIndex,
    question: Question,
    passages: list[PassageCandidate],
    model: AnswerModel,
) -> list[SentenceCandidate]:
    """Every sentence of the ``READ_DEPTH`` likeliest passages, likeliest first."""
    concepts = list(question.concept_words)
    concept_vectors = word_vectors().of([question.concept_words[c] for c in concepts])
    weights = np.array([question.evidence.weights.get(c, 0.0) for c in concepts], np.float32)
    question_meaning = weights @ concept_vectors
    total = question.evidence.total
    shares = weights / total if total > 0 else np.zeros_like(weights)
    read = passages[:READ_DEPTH]
    readings = read_passages(index, [candidate.passage for candidate in read])
    own_rows = []
    for candidate, reading in zip(read, readings, strict=True):
        closeness = closest_by_sentence(concept_vectors, reading.words, reading.word_ends)
        similar = [dict(zip(concepts, closest, strict=True)) for closest in closeness.tolist()]
        meaning = list(
            zip(
                closeness_around(closeness, shares),
                meaning_by_sentence(question_meaning, reading.words, reading.word_ends),
                strict=True,
            )
        )
        own_rows.append(
            sentence_features(
                question, reading, candidate.logit, candidate.bm25_share, similar, meaning
            )
        )
    placed = [
        (candidate.passage, number, reading, row)
        for candidate, reading, rows in zip(
            read, readings, compared_sentence_features(own_rows), strict=True
        )
        for number, row in enumerate(rows)
    ]
    logits = model.sentence.logits([row for *_, row in placed]).tolist()
    sentences = [
        SentenceCandidate(passage, number, reading, row, logit)
        for (passage, number, reading, row), logit in zip(placed, logits, strict=True)
    ]
    return sorted(sentences, key=lambda s: (-s.logit, s.passage, s.number))
