"""A candidate passage read closely: its sentences and the terms of each.

Splitting and analysing a passage is the costly step of answering, and the
same passages come back for related questions, so each reading is kept (up to
``READINGS_KEPT`` per index) instead of being done again.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.analysis.terms import content_words
from retrieval.answering.semantic import Vectors, word_vectors
from retrieval.index import SearchIndex
from retrieval.sentences import sentence_spans

READINGS_KEPT = 4096


@dataclass(frozen=True)
class Reading:
    text: str
    sentences: list[tuple[int, int]]
    """Sentence spans, as offsets into ``text``."""
    terms: list[list[str]]
    """Each sentence's terms in order (concepts of equivalent names included)."""
    term_sets: list[frozenset[str]]
    title_terms: frozenset[str]
    vectors: list[Vectors]
    """Each sentence's content words as unit word vectors (for paraphrase)."""


def read_passage(index: SearchIndex, passage: int) -> Reading:
    cache = index.readings
    reading = cache.get(passage)
    if isinstance(reading, Reading):
        return reading
    if len(cache) >= READINGS_KEPT:
        cache.clear()
    fresh = cache[passage] = _read(index, passage)
    return fresh


def _read(index: SearchIndex, passage: int) -> Reading:
    text = index.passages.texts[passage]
    spans = sentence_spans(text) or [(0, len(text))]
    terms = [index.analyzer.passage_terms(text[start:end]) for start, end in spans]
    words = [content_words(text[start:end]) for start, end in spans]
    vectors = word_vectors()
    vectors.learn([word for sentence in words for word in sentence])
    return Reading(
        text=text,
        sentences=spans,
        terms=terms,
        term_sets=[frozenset(sentence) for sentence in terms],
        title_terms=index.title_terms(index.passages.documents[passage]),
        vectors=[vectors.of(sentence) for sentence in words],
    )
