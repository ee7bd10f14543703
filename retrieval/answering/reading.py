"""Candidate passages read closely: their sentences and the terms of each.

Splitting and analysing a passage is the costly step of answering, and the
same passages come back for related questions, so each reading is kept (up to
``READINGS_KEPT`` per index) instead of being done again. The passages of one
question are read together, so that their new words get vectors in one batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from retrieval.analysis.terms import content_words
from retrieval.answering.semantic import Vectors, word_vectors
from retrieval.index import SearchIndex
from retrieval.sentences import sentence_spans

READINGS_KEPT = 1024
"""A reading holds its words' vectors (about 40 KB a passage): at 4,096 the kept readings
grew a serving process by about 150 MB over a few thousand questions."""


@dataclass(frozen=True)
class Reading:
    text: str
    sentences: list[tuple[int, int]]
    """Sentence spans, as offsets into ``text``."""
    terms: list[list[str]]
    """Each sentence's terms in order (concepts of equivalent names included)."""
    term_sets: list[frozenset[str]]
    title_terms: frozenset[str]
    words: Vectors
    """The passage's content words as unit word vectors (for paraphrase), sentence after
    sentence."""
    word_ends: list[int]
    """Where each sentence's rows of ``words`` end."""

    all_terms: frozenset[str]
    """The terms of the whole passage and of its article's title."""


def read_passages(index: SearchIndex, passages: list[int]) -> list[Reading]:
    """The readings of ``passages``, in order; those not kept yet are read in one batch."""
    cache = index.readings
    found = {p: kept for p in passages if isinstance(kept := cache.get(p), Reading)}
    unread = [p for p in dict.fromkeys(passages) if p not in found]
    if unread:
        if len(cache) + len(unread) > READINGS_KEPT:
            cache.clear()
        fresh = dict(zip(unread, _read(index, unread), strict=True))
        cache.update(fresh)
        found.update(fresh)
    return [found[passage] for passage in passages]


def _read(index: SearchIndex, passages: list[int]) -> list[Reading]:
    texts = [index.passages.texts[passage] for passage in passages]
    spans = [sentence_spans(text) or [(0, len(text))] for text in texts]
    words = [
        [content_words(text[start:end]) for start, end in sentences]
        for text, sentences in zip(texts, spans, strict=True)
    ]
    vectors = word_vectors().of(
        [word for passage in words for sentence in passage for word in sentence]
    )
    readings, row = [], 0
    for passage, text, sentences, passage_words in zip(passages, texts, spans, words, strict=True):
        terms = [index.analyzer.passage_terms(text[start:end]) for start, end in sentences]
        ends = list(accumulate(len(sentence) for sentence in passage_words))
        term_sets = [frozenset(sentence) for sentence in terms]
        title_terms = index.title_terms(index.passages.documents[passage])
        readings.append(
            Reading(
                text=text,
                sentences=sentences,
                terms=terms,
                term_sets=term_sets,
                title_terms=title_terms,
                all_terms=title_terms.union(*term_sets),
                words=vectors[row : row + ends[-1]],
                word_ends=ends,
            )
        )
        row += ends[-1]
    return readings
