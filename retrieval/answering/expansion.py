"""Paraphrase at retrieval: a question word no article uses is searched for by the corpus
words closest to it in meaning.

"When was the SCO founded?" asks of articles that say "established". BM25
cannot score a word no passage holds, so the passage that answers ranks no
higher than any other that names the SCO. wordllama's vocabulary holds about
ten thousand whole English words; the few nearest the unseen one ("established",
"created", "started") that the corpus uses stand in for it, in retrieval and
in coverage, counted as far as they are close. Only ordinary words are
expanded: an unseen name means the articles are about something else.
"""

from __future__ import annotations

from retrieval.analysis import plain_terms
from retrieval.answering.evidence import QuestionEvidence
from retrieval.answering.semantic import word_vectors
from retrieval.ranking import Ranker

NEIGHBOURS = 3
"""Words of close meaning that stand in for one unseen word."""
LEAST_CLOSENESS = 0.4
"""Cosine below which a word is too far in meaning to stand in. SQuAD dev measured 0.4 to
0.55 alike (its questions rarely lack a word of their article); 0.4 keeps "established"
(0.60 from "founded") with room, and the corpus must hold a stand-in for it to count."""
_LOOKED_AT = 12


def alternatives(
    evidence: QuestionEvidence, concept_words: dict[str, str], ranker: Ranker
) -> dict[str, dict[str, float]]:
    """For each unseen concept that has no alternatives yet (a misspelt name has its
    spelling), the corpus terms of its nearest words, with how close each is."""
    found: dict[str, dict[str, float]] = {}
    for concept in evidence.concepts:
        word = concept_words.get(concept)
        if (
            concept not in evidence.unseen
            or concept in evidence.unknown_names
            or concept in evidence.alternatives
            or not word
        ):
            continue
        close: dict[str, float] = {}
        used = 0
        for neighbour, closeness in word_vectors().neighbours(word, LEAST_CLOSENESS, _LOOKED_AT):
            terms = [
                term
                for term in plain_terms(neighbour)
                if term not in evidence.weights and ranker.document_frequency(term)
            ]
            for term in terms:
                close.setdefault(term, closeness)
            used += bool(terms)
            if used == NEIGHBOURS:
                break
        if close:
            found[concept] = close
    return found
