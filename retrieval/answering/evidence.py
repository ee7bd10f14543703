"""How much of a question a piece of text covers: the basis of choosing and declining.

Each concept of the question weighs its IDF, so "Australia" counts for more than
"Russia" in a corpus about Russia. A concept the corpus has never seen still
weighs: fully when it is a name (the question is about something the articles
do not know: half as much again as the rarest word it knows), a third when it
is an ordinary word (the articles may just say it
differently). Coverage is the share of that weight a text holds; the answer is
declined when no passage reaches ``MIN_COVERAGE``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from retrieval.analysis import Analyzer
from retrieval.analysis.terms import surface_tokens, token_offsets, tokens_to_terms
from retrieval.gazetteer import is_place_name
from retrieval.ranking import Ranker
from retrieval.ranking.okapi import lucene_idf

UNSEEN_WORD_SHARE = 1 / 3
UNSEEN_NAME_SHARE = 1.5


@dataclass(frozen=True)
class QuestionEvidence:
    concepts: list[str]
    """The question's distinct concept terms, in order."""
    weights: dict[str, float]
    target: str | None
    """The concept naming the answer's type ("countri"), covered by an answer of that type."""
    total: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(self.weights.values()))

    def touches(self, terms: Collection[str]) -> bool:
        """Whether ``terms`` hold any of the question's concepts."""
        return any(concept in terms for concept in self.weights)

    def positions(self, text: str, start: int, end: int) -> list[int]:
        """Offsets of the words of ``text[start:end]`` that are question concepts."""
        return [
            offset
            for offset, token in token_offsets(text, start, end)
            if any(term in self.weights for term in tokens_to_terms([token]))
        ]

    def coverage(self, terms: Collection[str], has_answer: bool = False) -> float:
        """Share of the question's weight found in ``terms`` (the target counts if answered)."""
        if self.total <= 0:
            return 0.0
        weights = self.weights
        found = sum(weights[term] for term in weights.keys() & terms)
        if has_answer and self.target is not None and self.target not in terms:
            found += weights[self.target]
        return found / self.total


def weigh_question(
    question: str, analyzer: Analyzer, ranker: Ranker, target: str | None
) -> QuestionEvidence:
    concepts = list(dict.fromkeys(analyzer.question_terms(question)))
    names = _name_terms(question)
    size = ranker.size
    unseen = lucene_idf(size, 0)
    weights: dict[str, float] = {}
    for concept in concepts:
        frequency = ranker.document_frequency(concept)
        if frequency:
            weights[concept] = lucene_idf(size, frequency)
        else:
            share = UNSEEN_NAME_SHARE if concept in names else UNSEEN_WORD_SHARE
            weights[concept] = unseen * share
    target_terms = [term for term in analyzer.question_terms(target or "") if term in weights]
    return QuestionEvidence(concepts, weights, target_terms[0] if target_terms else None)


def _name_terms(question: str) -> set[str]:
    """Terms of the question's name-like tokens: capitalised past the first word, or places."""
    names: set[str] = set()
    for index, token in enumerate(surface_tokens(question)):
        capitalised = token[:1].isupper() and (index > 0 or token.isupper())
        if capitalised or is_place_name(token):
            names.update(tokens_to_terms([token]))
    return names
