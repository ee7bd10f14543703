"""How much of a question a piece of text holds: the coverage features of the answer model.

Each concept of the question weighs its IDF, so "Australia" counts for more than
"Russia" in a corpus about Russia. A concept the corpus has never seen still
weighs: half as much again as the rarest word it knows when it is a name (the
question is about something the articles do not know), a third as much when it
is an ordinary word (the articles may just say it differently), and a tenth when
it can only be an adjective or adverb (a qualifier: "the *new* terminal" is
still the terminal the articles describe). Coverage is the
share of that weight a text holds. A concept the corpus never uses may have
alternatives (see ``expansion``): corpus words close in meaning, which cover
it as far as they are close.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from retrieval.analysis import Analyzer
from retrieval.analysis.terms import surface_tokens, tokens_to_terms
from retrieval.answering.misspelt import written_otherwise
from retrieval.answering.word_classes import WordClass, word_classes
from retrieval.gazetteer import is_place_name
from retrieval.ranking import Ranker
from retrieval.ranking.okapi import lucene_idf

UNSEEN_WORD_SHARE = 1 / 3
UNSEEN_NAME_SHARE = 1.5
UNSEEN_MODIFIER_SHARE = 1 / 10


@dataclass(frozen=True)
class QuestionEvidence:
    concepts: list[str]
    """The question's distinct concept terms, in order."""
    weights: dict[str, float]
    unseen: frozenset[str] = frozenset()
    """Concepts no passage holds: what the articles do not know."""
    unknown_names: frozenset[str] = frozenset()
    """Unseen concepts that the question writes as names and no corpus term stands for
    (see ``misspelt``): a subject the articles never mention, so they cannot answer."""
    names: frozenset[str] = frozenset()
    """Concepts the question writes as names (capitalised, or places)."""
    numbers: frozenset[str] = frozenset()
    """Concepts the question writes with digits (years, amounts)."""
    alternatives: dict[str, dict[str, float]] = field(default_factory=dict)
    """For unseen concepts, the corpus terms that stand for them and how far: a misspelt
    name's spelling, a compound's parts, an ordinary word's nearest in meaning."""
    total: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(self.weights.values()))

    @property
    def search_terms(self) -> list[str]:
        """The concepts and their alternatives: what retrieval looks for."""
        return self.concepts + [term for close in self.alternatives.values() for term in close]

    def coverage(self, terms: Collection[str]) -> float:
        """Share of the question's weight found in ``terms``, alternatives in part."""
        if self.total <= 0:
            return 0.0
        weights = self.weights
        # Summed in the question's order: the order of a set changes from one process to the
        # next, and with it the last bits of a float sum, which can tip a tree's threshold.
        found = sum(weight for term, weight in weights.items() if term in terms)
        for concept, close in self.alternatives.items():
            found += weights[concept] * max(
                (closeness for term, closeness in close.items() if term in terms), default=0.0
            )
        return found / self.total

    def holds(self, concept: str, terms: Collection[str]) -> bool:
        """Whether ``terms`` hold ``concept`` or one of its alternatives."""
        return concept in terms or any(term in terms for term in self.alternatives.get(concept, ()))

    @property
    def name_terms(self) -> list[str]:
        """The question's names and the corpus terms that stand for them."""
        return sorted(
            {*self.names, *(t for name in self.names for t in self.alternatives.get(name, ()))}
        )

    def missing_share(self, concepts: Collection[str], terms: Collection[str]) -> float:
        """Share of the question's weight in those of ``concepts`` that ``terms`` lack."""
        missing = sum(
            weight
            for concept, weight in self.weights.items()
            if concept in concepts and not self.holds(concept, terms)
        )
        return missing / self.total if self.total > 0 else 0.0


def weigh_question(question: str, analyzer: Analyzer, ranker: Ranker) -> QuestionEvidence:
    concepts = list(dict.fromkeys(analyzer.question_terms(question)))
    capitalised, places = _name_terms(question)
    names = capitalised | places
    numbers = set(
        tokens_to_terms([t for t in surface_tokens(question) if any(c.isdigit() for c in t)])
    )
    modifiers = _modifier_terms(question)
    size = ranker.size
    unseen_weight = lucene_idf(size, 0)
    weights: dict[str, float] = {}
    unseen: set[str] = set()
    for concept in concepts:
        frequency = ranker.document_frequency(concept)
        if frequency:
            weights[concept] = lucene_idf(size, frequency)
        else:
            unseen.add(concept)
            share = (
                UNSEEN_NAME_SHARE
                if concept in names
                else UNSEEN_MODIFIER_SHARE
                if concept in modifiers
                else UNSEEN_WORD_SHARE
            )
            weights[concept] = unseen_weight * share
    # Only a written name may be a slip for another: "coast" is not a misspelt "cost".
    respelt = {
        concept: spelt
        for concept in unseen & capitalised
        if (spelt := written_otherwise(concept, ranker))
    }
    return QuestionEvidence(
        concepts,
        weights,
        frozenset(unseen),
        frozenset(unseen & names - respelt.keys()),
        names=frozenset(names & weights.keys()),
        numbers=frozenset(numbers & weights.keys()),
        alternatives=respelt,
    )


def _name_terms(question: str) -> tuple[set[str], set[str]]:
    """Terms of the question's name-like tokens: those capitalised past the first word, and
    places however written."""
    capitalised: set[str] = set()
    places: set[str] = set()
    for index, token in enumerate(surface_tokens(question)):
        if token[:1].isupper() and (index > 0 or token.isupper()):
            capitalised.update(tokens_to_terms([token]))
        elif is_place_name(token):
            places.update(tokens_to_terms([token]))
    return capitalised, places


def _modifier_terms(question: str) -> set[str]:
    """Terms of the question's words that can only be an adjective or adverb ("new")."""
    return set(
        tokens_to_terms(
            [t for t in surface_tokens(question) if word_classes(t) is WordClass.MODIFIER]
        )
    )
