"""Passages as term ids: what engines are built from.

A million analysed passages are some seventy million terms. Kept as lists of
strings, every step after analysis (pickling them back from the worker
processes, splitting, looking each one up to number it) is a Python loop per
term. As one array of ids per chunk of documents, with the chunk's own small
vocabulary, those steps become a dictionary look-up per distinct term and NumPy
indexing for the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class TermIds:
    """Every passage's terms, as ids into ``vocabulary``, concatenated in passage order."""

    vocabulary: list[str]
    """Terms in order of first use."""
    ids: npt.NDArray[np.int32]
    lengths: npt.NDArray[np.int64]
    """How many terms each passage has."""

    @classmethod
    def of(cls, passages: Iterable[list[str]]) -> TermIds:
        """Number the terms of token lists in order of first use."""
        numbering: defaultdict[str, int] = defaultdict(count().__next__)
        passages = list(passages)
        lengths = np.fromiter(map(len, passages), np.int64, len(passages))
        terms = chain.from_iterable(passages)
        ids = np.fromiter(map(numbering.__getitem__, terms), np.int32, int(lengths.sum()))
        return cls(list(numbering), ids, lengths)

    def __len__(self) -> int:
        return int(self.lengths.size)

    def passages(self) -> list[list[str]]:
        """Back to token lists (for rank-bm25, which only small corpora use)."""
        terms = [self.vocabulary[i] for i in self.ids.tolist()]
        ends = np.cumsum(self.lengths).tolist()
        return [terms[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


class TermIdsJoiner:
    """Joins the term ids of consecutive chunks under one vocabulary."""

    def __init__(self) -> None:
        self._numbering: defaultdict[str, int] = defaultdict(count().__next__)
        self._ids: list[npt.NDArray[np.int32]] = []
        self._lengths: list[npt.NDArray[np.int64]] = []

    def add(self, chunk: TermIds) -> None:
        vocabulary = chunk.vocabulary
        numbers = map(self._numbering.__getitem__, vocabulary)
        renumbered = np.fromiter(numbers, np.int32, len(vocabulary))
        self._ids.append(renumbered[chunk.ids])
        self._lengths.append(chunk.lengths)

    def joined(self) -> TermIds:
        ids = np.concatenate(self._ids) if self._ids else np.zeros(0, np.int32)
        lengths = np.concatenate(self._lengths) if self._lengths else np.zeros(0, np.int64)
        return TermIds(list(self._numbering), ids, lengths)
