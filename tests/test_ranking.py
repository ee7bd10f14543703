"""The rank-bm25 engine and the IDF decision (rank_bm25 issues #26, #39, #43)."""

from __future__ import annotations

import pytest

from retrieval.ranking import OkapiRanker
from retrieval.ranking.okapi import lucene_idf


def test_a_single_passage_corpus_finds_its_passage() -> None:
    ranker = OkapiRanker([["shoigu", "kabul"]], k1=1.5, b=0.75)
    assert [number for number, _ in ranker.search(["kabul"], 5)] == [0]


def test_a_term_in_exactly_half_of_the_passages_still_counts() -> None:
    ranker = OkapiRanker([["kabul", "visit"], ["moscow", "talk"]], k1=1.5, b=0.75)
    results = ranker.search(["kabul"], 5)
    assert results[0][0] == 0
    assert results[0][1] > 0


def test_a_term_in_every_passage_has_a_small_positive_weight() -> None:
    passages = [["russia", "kabul"], ["russia", "moscow"], ["russia", "beijing"]]
    ranker = OkapiRanker(passages, k1=1.5, b=0.75)
    assert all(score > 0 for _, score in ranker.search(["russia"], 5))
    assert 0 < lucene_idf(3, 3) < lucene_idf(3, 1)


def test_a_common_term_does_not_outweigh_a_rare_one() -> None:
    passages = [["russia", "sco"], ["russia", "iea"], ["russia"], ["taliban"]]
    ranker = OkapiRanker(passages, k1=1.5, b=0.75)
    assert ranker.search(["russia", "iea"], 1)[0][0] == 1


def test_equal_scores_are_returned_in_passage_order() -> None:
    ranker = OkapiRanker([["a", "x"], ["b", "x"], ["c", "x"]], k1=1.5, b=0.75)
    assert [number for number, _ in ranker.search(["x"], 3)] == [0, 1, 2]


def test_unknown_terms_find_nothing() -> None:
    ranker = OkapiRanker([["kabul"]], k1=1.5, b=0.75)
    assert ranker.search(["wimbledon"], 3) == []


def test_document_frequency_counts_passages_not_occurrences() -> None:
    ranker = OkapiRanker([["sco", "sco"], ["sco"], ["iea"]], k1=1.5, b=0.75)
    assert ranker.document_frequency("sco") == 2
    assert ranker.document_frequency("nothing") == 0


def test_an_empty_corpus_is_refused() -> None:
    with pytest.raises(ValueError):
        OkapiRanker([], k1=1.5, b=0.75)
