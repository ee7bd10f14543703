"""How often a span with these words at and around its edges answers a question of this
kind, learnt from the training data.

Which words stand beside an answer says much that no rule lists: a date after "in" or
"since", a name after "by" or before "said", a number before "percent", a place after
"born in". Each candidate is looked up by four words (the one before it, the one after,
its first and its last), each paired with the kind of answer asked. A number stands as
``<number>`` and a capitalised word as ``<capital>``: which figures and names answered
the training questions says nothing about other texts, that a figure or a name stands
there does (offline, span F1 in the answering sentence on dev 63.0 -> 63.7, and
cross-validated by article on the training pieces 60.8 -> 61.0). The table holds the
log-odds, against all candidates, that a span so placed is the answer, smoothed toward
no evidence for words seldom seen. A word the table lacks says nothing (zero). This is
the lexical part of the classic feature-based readers of SQuAD (Rajpurkar et al., 2016)
folded into four numbers the span trees can split on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Context = tuple[str, str, str, str]
"""A candidate's look-up keys: the word before it, after it, its first and its last."""

PLACES = ("before", "after", "first", "last")
SENTENCE_START = "<start>"
SENTENCE_END = "<end>"
NUMBER = "<number>"
CAPITAL = "<capital>"
LEAST_SEEN = 10
"""A key seen fewer times in training is left out of the table: chosen on SQuAD dev
(offline, span F1 in the answering sentence: 62.6 keeping every key, 62.5 at ten, 62.1
at thirty), for a table a third the size."""
SMOOTHING = 20.0
"""Candidates' worth of the overall rate added to each key's counts."""
DIGITS = 3


def contexts(
    kind: str, written: Sequence[str], first: Iterable[int], last: Iterable[int]
) -> list[Context]:
    """Each candidate's keys; ``written`` are the sentence's words as written, and
    ``first``/``last`` each candidate's first and last word (inclusive)."""
    words = [_key_word(word) for word in written]
    keys = []
    for start, end in zip(first, last, strict=True):
        before = words[start - 1] if start > 0 else SENTENCE_START
        after = words[end + 1] if end + 1 < len(words) else SENTENCE_END
        keys.append(
            (
                f"{kind} before {before}",
                f"{kind} after {after}",
                f"{kind} first {words[start]}",
                f"{kind} last {words[end]}",
            )
        )
    return keys


def _key_word(word: str) -> str:
    if any(char.isdigit() for char in word):
        return NUMBER
    return CAPITAL if word[:1].isupper() else word.casefold()


@dataclass(frozen=True)
class WordOdds:
    odds: dict[str, float] = field(default_factory=dict)

    def columns(self, keys: list[Context]) -> Floats:
        """One row per candidate, a column per place (``PLACES``)."""
        get = self.odds.get
        table = np.zeros((len(keys), len(PLACES)))
        for row, context in enumerate(keys):
            table[row] = [get(key, 0.0) for key in context]
        return table

    def to_json(self) -> dict[str, float]:
        return dict(sorted(self.odds.items()))


def fit_word_odds(keys: Sequence[Context], labels: Sequence[int]) -> WordOdds:
    """Each key's smoothed log-odds ratio against the overall rate of right candidates."""
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for context, label in zip(keys, labels, strict=True):
        seen.update(context)
        if label:
            right.update(context)
    rate = sum(labels) / max(1, len(labels))
    if not 0 < rate < 1:
        return WordOdds()
    odds = {
        key: round(math.log((right[key] + SMOOTHING * rate) / (count + SMOOTHING) / rate), DIGITS)
        for key, count in seen.items()
        if count >= LEAST_SEEN
    }
    return WordOdds(odds)
