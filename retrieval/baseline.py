"""The naive baseline every evaluation reports beside Citebot: plain rank-bm25 paragraphs.

What a reader would get from BM25 alone with no analysis beyond lower-cased
words: the top passage (its "top1") and the top three (its "in_reply"). If the
answer model cannot beat this, it is not earning its keep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rank_bm25 import BM25Okapi

from retrieval.scoring import contains_any

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class NaiveBm25:
    def __init__(self, passages: Sequence[str]) -> None:
        self.passages = passages
        self.engine = BM25Okapi([_words(p) for p in passages])

    def top(self, question: str, k: int) -> list[str]:
        scores = self.engine.get_scores(_words(question))
        best = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
        return [self.passages[i] for i in best]

    def judge(self, question: str, answers: list[str]) -> tuple[bool, bool]:
        """Whether the top passage holds an answer, and whether any of the top three does."""
        top = self.top(question, 3)
        return contains_any(top[0], answers), any(contains_any(p, answers) for p in top)
