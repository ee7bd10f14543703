"""Judging a reply against the answers people gave: containment, exact match, token F1.

Containment (an answer appears in the quoted text) is how the question sets
judge a reply; exact match and token F1 are SQuAD's official measures of the
marked answer itself, with SQuAD's normalisation (lower case, no punctuation,
no articles, single spaces).
"""

from __future__ import annotations

import re
import string
from collections import Counter

from retrieval.analysis import fold_for_matching

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = frozenset(string.punctuation)


def contains_any(text: str, expected: list[str]) -> bool:
    folded = fold_for_matching(text)
    return any(fold_for_matching(answer) in folded for answer in expected)


def squad_normalize(text: str) -> str:
    text = "".join(char for char in text.lower() if char not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, expected: list[str]) -> float:
    return float(any(squad_normalize(prediction) == squad_normalize(a) for a in expected))


def token_f1(prediction: str, expected: list[str]) -> float:
    """The best token-overlap F1 of ``prediction`` against any expected answer."""
    return max((_f1(prediction, answer) for answer in expected), default=0.0)


def _f1(prediction: str, answer: str) -> float:
    predicted = squad_normalize(prediction).split()
    gold = squad_normalize(answer).split()
    common = sum((Counter(predicted) & Counter(gold)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)
