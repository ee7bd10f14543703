"""The question, read once: its concepts and their weights, the kind of answer it asks
for, its own words (an answer must add something to them) and its language."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from retrieval.analysis import Analyzer, plain_terms
from retrieval.analysis.terms import surface_tokens, token_terms
from retrieval.answering.evidence import QuestionEvidence, weigh_question
from retrieval.answering.expansion import alternatives
from retrieval.answering.initialisms import spelled_out
from retrieval.answering.kinds import AskedFor, asked_for, without_year_asked
from retrieval.answering.language import is_english
from retrieval.answering.wh_context import WhContext, wh_context
from retrieval.index import SearchIndex


@dataclass(frozen=True)
class Question:
    text: str
    asked: AskedFor
    evidence: QuestionEvidence
    words: frozenset[str]
    """The question's plain terms, those of the names equivalent to its names and the
    alternatives of its unseen words: a candidate answer made only of them says nothing
    new ("Shanghai Cooperation Organization" does not answer a question about the SCO),
    and an answer stands near them."""
    english: bool
    concept_words: dict[str, str]
    """A word of the question for each concept it was written with, for paraphrase."""
    head_word: str
    """The noun the question asks about ("religion" in "What religion were the Normans?"),
    casefolded, or "" when it names none: an answer often stands next to it ("the Catholic
    religion") or is a word of its sort ("Catholic")."""
    head: frozenset[str]
    """The terms of ``head_word``."""
    wh: WhContext
    """The words around its wh-word, which an answer's neighbours often repeat."""
    term_weights: dict[str, float]
    """What each term of ``words`` weighs where a sentence writes it (see ``term_weights``)."""


def read_question(index: SearchIndex, text: str) -> Question:
    evidence = weigh_question(without_year_asked(text), index.analyzer, index.ranker)
    concept_words = _concept_words(text, evidence.weights)
    english = is_english(text)
    if english:
        evidence = _with_stand_ins(index, text, evidence, concept_words)
    return Question(
        text=text,
        asked=asked_for(text),
        evidence=evidence,
        words=frozenset(plain_terms(text))
        | index.analyzer.equivalent_terms(text)
        | {term for close in evidence.alternatives.values() for term in close},
        english=english,
        concept_words=concept_words,
        head_word=(head := head_noun(text)),
        head=frozenset(plain_terms(head)),
        wh=wh_context(text),
        term_weights=term_weights(index.analyzer, evidence),
    )


_HEAD = re.compile(r"\b(?:what|which|whose)\s+(?:kind\s+of\s+|type\s+of\s+)?([a-z][\w-]*)", re.I)
_NOT_HEADS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
    ]
)


def _with_stand_ins(
    index: SearchIndex, text: str, evidence: QuestionEvidence, concept_words: dict[str, str]
) -> QuestionEvidence:
    """``evidence`` with what stands in for the question's unseen words (a misspelt name's
    spelling is found when weighing): the words an initialism abbreviates, then the nearest
    words in meaning of ordinary ones, unless a name stays unknown and the question is
    declined unread."""
    spelled = spelled_out(index, text, evidence)
    if spelled:
        evidence = replace(
            evidence,
            unknown_names=evidence.unknown_names - spelled.keys(),
            alternatives=evidence.alternatives | spelled,
        )
    if evidence.unseen and not evidence.unknown_names:
        nearest = alternatives(evidence, concept_words, index.ranker)
        evidence = replace(evidence, alternatives=evidence.alternatives | nearest)
    return evidence


def term_weights(analyzer: Analyzer, evidence: QuestionEvidence) -> dict[str, float]:
    """A concept's own weight, also for each term of the names it stands for: a sentence's
    "Shanghai Cooperation Organization" is the question's "SCO"; a word that stands in for
    an unseen one weighs that one's weight as far as it is close."""
    weights = dict(evidence.weights)
    for concept, weight in evidence.weights.items():
        for term in analyzer.concept_members(concept):
            weights.setdefault(term, weight)
    for concept, close in evidence.alternatives.items():
        for term, closeness in close.items():
            weights.setdefault(term, evidence.weights.get(concept, 0.0) * closeness)
    return weights


def head_noun(text: str) -> str:
    """The word after "what", "which" or "whose" (past "kind of"), unless it is a verb or
    an article: the noun naming the sort of answer wanted."""
    match = _HEAD.search(text)
    if not match or match.group(1).casefold() in _NOT_HEADS:
        return ""
    return match.group(1).casefold()


def _concept_words(text: str, concepts: dict[str, float]) -> dict[str, str]:
    words: dict[str, str] = {}
    for token in surface_tokens(text):
        for term in token_terms(token):
            if term in concepts:
                words.setdefault(term, token.casefold())
    return words
