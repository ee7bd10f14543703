"""bm25s's eager score matrix as a ranker: the engine for large corpora.

rank-bm25 scores every passage for every query term at query time. bm25s
instead computes every term-passage BM25 contribution once, at index time, into
a sparse matrix (one column per term), so a query only adds up the columns of
its own terms. We keep bm25s' matrix exactly (``method="lucene"``: Lucene's IDF
times ``tf / (tf + k1 * (1 - b + b * dl / avgdl))``) and its on-disk format,
which bm25s saves as plain ``.npy`` arrays plus JSON and loads memory-mapped.

Two things we do ourselves, for speed at a million passages:

* Building: ``bm25s.BM25.index`` walks the corpus passage by passage in Python
  (a set intersection and a ``Counter`` each), about 26 s at 1M passages on this
  machine. The same matrix comes out of a handful of vectorised NumPy/SciPy calls
  in a few seconds; a test checks it equals bm25s' own to float32 precision.
* Scoring: bm25s' ``get_scores`` adds every query term's whole column into a
  dense array and partitions all passages; at a million passages a frequent
  word alone is hundreds of thousands of additions. ``pruning.top_k`` reads only
  the blocks of passages that can still reach the top k, with the same result.

bm25s leaves out rank-bm25's constant factor ``k1 + 1``; we multiply it back so
both engines report the same scores and the answer thresholds mean the same.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.ranking.pruning import (
    BlockProfile,
    Column,
    add_up,
    block_profile,
    block_shift,
    top_k,
)
from retrieval.ranking.term_ids import TermIds

PRUNE_FROM = 50_000
"""Queries whose columns hold more postings than this are pruned; shorter ones are simply
added up, which costs less than bounding them."""
PROFILE_KEPT_FROM = 4096
"""Columns at least this long keep their block profile; shorter ones profile per query."""
PROFILES_KEPT = 8192

_SCORE_DTYPE = "float32"
_INDEX_DTYPE = "int32"


class SparseRanker:
    """Adds up precomputed term columns: milliseconds at a million passages."""

    engine = "bm25s"

    def __init__(self, model: Any, k1: float) -> None:
        """Wrap a built or loaded ``bm25s.BM25``; use :meth:`build` or :meth:`load`."""
        self._model = model
        self._scale = k1 + 1.0
        scores = model.scores
        # Plain ndarray views of the (possibly memory-mapped) arrays: still backed
        # by the mapped file, but slicing them skips np.memmap's per-slice
        # bookkeeping, which showed as an eighth of the time spent answering.
        self._data: npt.NDArray[np.float32] = np.asarray(scores["data"]).view(np.ndarray)
        self._rows: npt.NDArray[np.int32] = np.asarray(scores["indices"]).view(np.ndarray)
        self._starts: npt.NDArray[np.int64] = np.asarray(scores["indptr"]).view(np.ndarray)
        self._size = int(scores["num_docs"])
        self._vocabulary: dict[str, int] = model.vocab_dict
        self._scratch = threading.local()
        self._shift = block_shift(self._size)
        self._profiles: dict[int, BlockProfile] = {}
        """Block profiles of long columns, kept: one costs a pass over its column."""

    @classmethod
    def build(cls, passages: list[list[str]], k1: float, b: float) -> SparseRanker:
        """Index analysed passages; the tokens are used as they are (no re-tokenising)."""
        return cls.from_term_ids(TermIds.of(passages), k1, b)

    @classmethod
    def from_term_ids(cls, passages: TermIds, k1: float, b: float) -> SparseRanker:
        """Index passages given as term ids (what the index build produces)."""
        if not len(passages):
            raise ValueError("a ranker needs at least one passage")
        import bm25s  # only large corpora need it: a quarter of a second to import

        model = bm25s.BM25(k1=k1, b=b, method="lucene", dtype=_SCORE_DTYPE, int_dtype=_INDEX_DTYPE)
        model.scores = _score_matrix(
            passages.ids, passages.lengths, len(passages.vocabulary), k1, b
        )
        model.vocab_dict = {term: number for number, term in enumerate(passages.vocabulary)}
        model.nonoccurrence_array = None  # only bm25l and bm25+ have one
        return cls(model, k1)

    @classmethod
    def load(cls, directory: Path, *, mmap: bool = True) -> SparseRanker:
        """Open a saved index; with ``mmap`` the score arrays stay on disk until read."""
        import bm25s

        model = bm25s.BM25.load(directory, mmap=mmap, load_corpus=False, allow_pickle=False)
        return cls(model, float(model.k1))

    def save(self, directory: Path) -> None:
        """Write bm25s' own format: ``.npy`` arrays (no pickle) and JSON."""
        self._model.save(directory, corpus=None, allow_pickle=False)

    @property
    def size(self) -> int:
        return self._size

    @property
    def parameters(self) -> dict[str, float]:
        """k1 and b as saved, so a loaded index can be checked against the settings."""
        return {"k1": float(self._model.k1), "b": float(self._model.b)}

    def search(self, query: list[str], k: int) -> list[tuple[int, float]]:
        repeats = Counter(term for term in query if term in self._vocabulary)
        if not repeats or k <= 0:
            return []
        terms = [(self._vocabulary[term], times) for term, times in repeats.items()]
        postings = sum(int(self._starts[term + 1] - self._starts[term]) for term, _ in terms)
        if postings <= PRUNE_FROM:
            best = add_up([self._postings(term, times) for term, times in terms], k, self._totals())
        else:
            columns = [self._column(term, times) for term, times in terms]
            best = top_k(columns, k, self._shift, self._totals())
        return [(passage, score * self._scale) for passage, score in best]

    def _postings(
        self, term_id: int, repeats: int
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32], int]:
        start, end = int(self._starts[term_id]), int(self._starts[term_id + 1])
        return self._rows[start:end], self._data[start:end], repeats

    def _column(self, term_id: int, repeats: int) -> Column:
        rows, scores, _ = self._postings(term_id, repeats)
        profile = self._profiles.get(term_id)
        if profile is None:
            profile = block_profile(rows, scores, self._shift)
            if rows.size >= PROFILE_KEPT_FROM:
                if len(self._profiles) >= PROFILES_KEPT:
                    self._profiles.clear()
                self._profiles[term_id] = profile
        return Column(rows, scores, repeats, profile)

    def _totals(self) -> npt.NDArray[np.float64]:
        """A zeroed per-thread accumulator, reused across queries.

        A fresh ``np.zeros`` for a million passages costs a page fault for every
        page a common term touches (a few ms); each query zeroes only the rows it
        touched instead. Per thread, because the bot may answer from several.
        """
        totals: npt.NDArray[np.float64] | None = getattr(self._scratch, "totals", None)
        if totals is None:
            totals = np.zeros(self._size, dtype=np.float64)
            self._scratch.totals = totals
        return totals

    def terms_in(self, passages: list[int], terms: list[str]) -> list[set[str]]:
        wanted = np.asarray(passages, dtype=np.int64)
        present: list[set[str]] = [set() for _ in passages]
        for term in dict.fromkeys(terms):
            term_id = self._vocabulary.get(term)
            if term_id is None:
                continue
            column = self._rows[int(self._starts[term_id]) : int(self._starts[term_id + 1])]
            # A column's rows are sorted (``sort_indices``): binary search, no scan.
            places = np.searchsorted(column, wanted).clip(max=max(column.size - 1, 0))
            for number in np.flatnonzero(column[places] == wanted):
                present[number].add(term)
        return present

    def document_frequency(self, term: str) -> int:
        term_id = self._vocabulary.get(term)
        if term_id is None:
            return 0
        return int(self._starts[term_id + 1] - self._starts[term_id])


def _score_matrix(
    term_ids: npt.NDArray[np.int32], lengths: npt.NDArray[np.int64], terms: int, k1: float, b: float
) -> dict[str, Any]:
    """bm25s' eager Lucene score matrix (passages x terms, CSC) from flat term ids."""
    import scipy.sparse as sp

    passages = lengths.size
    rows = np.repeat(np.arange(passages, dtype=np.int64), lengths)
    counts = sp.csr_matrix(
        (np.ones(term_ids.size, dtype=np.float64), (rows, term_ids)), shape=(passages, terms)
    )
    counts.sum_duplicates()  # one entry per (passage, term), holding its frequency
    frequency = np.bincount(counts.indices, minlength=terms)
    idf = np.log1p((passages - frequency + 0.5) / (frequency + 0.5))
    mean_length = float(lengths.mean()) or 1.0
    length_norm = np.repeat(k1 * (1.0 - b + b * lengths / mean_length), np.diff(counts.indptr))
    tf = counts.data
    counts.data = idf[counts.indices] * tf / (tf + length_norm)
    by_term = counts.tocsc()
    by_term.sort_indices()
    return {
        "data": by_term.data.astype(_SCORE_DTYPE),
        "indices": by_term.indices.astype(_INDEX_DTYPE),
        "indptr": by_term.indptr.astype(np.int64),
        "num_docs": passages,
    }
