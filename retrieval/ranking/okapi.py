"""rank-bm25 as a ranker: the reference engine for small corpora.

rank-bm25's ``BM25Okapi`` computes IDF as ``log((N - df + 0.5) / (df + 0.5))``,
which is negative for a term in more than half of the passages and zero at
exactly half; it then floors negatives at ``epsilon * mean IDF`` (rank_bm25
issues #26, #39, #43). On a small corpus that makes a common-but-relevant term
count for less than an absent one, and on 1 or 2 passages every term goes
negative. We replace the IDF with Lucene's ``log(1 + (N - df + 0.5) / (df + 0.5))``:
always positive, monotone in ``df``, and the same formula bm25s uses with
``method="lucene"``, so both engines agree on scores.
"""

from __future__ import annotations

import math

import numpy as np
from rank_bm25 import BM25Okapi


def lucene_idf(passages: int, frequency: int) -> float:
    """Lucene's BM25 IDF: positive for any document frequency."""
    return math.log(1.0 + (passages - frequency + 0.5) / (frequency + 0.5))


class _LuceneIdfOkapi(BM25Okapi):  # type: ignore[misc]
    """BM25Okapi whose IDF is Lucene's instead of the floored Robertson IDF."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {term: lucene_idf(self.corpus_size, df) for term, df in nd.items()}
        self.document_frequencies = nd


class OkapiRanker:
    """Scores every passage for every query term, in Python: exact, slow past ~10k."""

    engine = "rank-bm25"

    def __init__(self, passages: list[list[str]], k1: float, b: float) -> None:
        if not passages:
            raise ValueError("a ranker needs at least one passage")
        self._bm25 = _LuceneIdfOkapi(passages, k1=k1, b=b)

    @property
    def size(self) -> int:
        return int(self._bm25.corpus_size)

    def search(self, query: list[str], k: int) -> list[tuple[int, float]]:
        known = [term for term in query if term in self._bm25.idf]
        if not known or k <= 0:
            return []
        scores = np.asarray(self._bm25.get_scores(known), dtype=np.float64)
        # Stable sort on the negated score: best first, ties in passage order.
        order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    def terms_in(self, passages: list[int], terms: list[str]) -> list[set[str]]:
        bags = self._bm25.doc_freqs
        return [{term for term in terms if term in bags[passage]} for passage in passages]

    def term_counts(self) -> list[dict[str, int]]:
        """Each passage's terms with their counts: what the engine was built from."""
        counts: list[dict[str, int]] = self._bm25.doc_freqs
        return counts

    @property
    def parameters(self) -> dict[str, float]:
        return {"k1": float(self._bm25.k1), "b": float(self._bm25.b)}

    def document_frequency(self, term: str) -> int:
        return int(self._bm25.document_frequencies.get(term, 0))
