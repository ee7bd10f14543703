"""BM25 engines behind one interface (``Ranker``), chosen by a setting."""

from __future__ import annotations

from retrieval.ranking.base import Ranker
from retrieval.ranking.okapi import OkapiRanker
from retrieval.ranking.sparse import SparseRanker
from retrieval.ranking.term_ids import TermIds
from retrieval.settings import RetrievalSettings


def build_ranker(passages: TermIds, settings: RetrievalSettings) -> Ranker:
    """The engine the settings ask for, over passages already analysed into terms."""
    if chosen_engine(len(passages), settings) == SparseRanker.engine:
        return SparseRanker.from_term_ids(passages, k1=settings.bm25_k1, b=settings.bm25_b)
    return OkapiRanker(passages.passages(), k1=settings.bm25_k1, b=settings.bm25_b)


def chosen_engine(passages: int, settings: RetrievalSettings) -> str:
    """``auto`` keeps exact rank-bm25 while it is fast enough, bm25s above the threshold."""
    if settings.retrieval_engine != "auto":
        return settings.retrieval_engine
    above = passages > settings.auto_engine_threshold
    return SparseRanker.engine if above else OkapiRanker.engine


__all__ = ["OkapiRanker", "Ranker", "SparseRanker", "TermIds", "build_ranker", "chosen_engine"]
