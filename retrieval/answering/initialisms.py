"""Initialisms the articles spell out: "NYC" in a question, "New York City" in the article.

Articles define the acronyms they use ("the Islamic Emirate of Afghanistan
(IEA)", learnt at indexing), but people asking abbreviate what the articles
never do. Such an initialism is a name no article mentions, and the question
would be declined unread. Before that, the passages the rest of the question
finds are searched for capitalised words whose initials spell it, in order
(small connectors such as "of" may stand between); if one holds them, the
initialism stands for those words.
"""

from __future__ import annotations

import re

from retrieval.analysis.terms import surface_tokens, tokens_to_terms
from retrieval.answering.evidence import QuestionEvidence
from retrieval.index import SearchIndex

LOOKED_AT = 10
"""Passages, found by the question's other words, searched for the spelled-out form."""
_CONNECTORS = r"(?:(?:of|the|and|for|de)\s+)?"
_SHAPE = re.compile(r"[A-Z]{2,5}")


def spelled_out(
    index: SearchIndex, question: str, evidence: QuestionEvidence
) -> dict[str, dict[str, float]]:
    """For each unknown name the question writes as an initialism that the passages found by
    its other words spell out, the terms of those words, sharing its weight."""
    initialisms = {
        term: token
        for token in surface_tokens(question)
        if _SHAPE.fullmatch(token)
        for term in tokens_to_terms([token])
        if term in evidence.unknown_names
    }
    known = [concept for concept in evidence.concepts if concept not in evidence.unseen]
    if not initialisms or not known:
        return {}
    texts = [index.passages.texts[passage] for passage, _ in index.ranker.search(known, LOOKED_AT)]
    found: dict[str, dict[str, float]] = {}
    for term, token in initialisms.items():
        words = _spelling(token, texts)
        if words:
            terms = tokens_to_terms(words)
            found[term] = dict.fromkeys(terms, 1 / len(terms))
    return found


def _spelling(initialism: str, texts: list[str]) -> list[str]:
    """The capitalised words spelling ``initialism`` in the first text that holds them."""
    pattern = re.compile(
        r"\b" + (r"\s+" + _CONNECTORS).join(rf"({letter}[\w'’-]*)" for letter in initialism) + r"\b"
    )
    for text in texts:
        match = pattern.search(text)
        if match:
            return list(match.groups())
    return []
