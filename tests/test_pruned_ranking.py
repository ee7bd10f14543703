"""Pruned top-k must be exactly exhaustive scoring: same passages, same scores, same ties."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from retrieval.ranking import sparse
from retrieval.ranking.pruning import CHAMPIONS, guess_kth_best, open_blocks
from retrieval.ranking.sparse import SparseRanker

K1, B = 1.5, 0.75


def zipf_corpus(passages: int, seed: int) -> list[list[str]]:
    """Passages whose words follow a Zipf law: a few words occur in most passages,
    most words in a handful, and short passages repeat their words (exact ties)."""
    rng = np.random.default_rng(seed)
    vocabulary = 3_000
    weights = 1.0 / np.arange(1, vocabulary + 1) ** 1.1
    weights /= weights.sum()
    corpus = []
    for _ in range(passages):
        length = int(rng.integers(1, 40))
        corpus.append([f"w{w}" for w in rng.choice(vocabulary, length, p=weights)])
    return corpus


def exhaustive(ranker: SparseRanker, query: list[str], k: int) -> list[tuple[int, float]]:
    """Every posting of every query term added into a dense array: the reference."""
    totals = np.zeros(ranker.size, dtype=np.float64)
    for term, repeats in Counter(t for t in query if t in ranker._vocabulary).items():
        term_id = ranker._vocabulary[term]
        start, end = int(ranker._starts[term_id]), int(ranker._starts[term_id + 1])
        totals[ranker._rows[start:end]] += ranker._data[start:end] * repeats
    touched = np.flatnonzero(totals > 0)
    order = np.lexsort((touched, -totals[touched]))[:k]
    return [(int(touched[i]), float(totals[touched[i]]) * (K1 + 1)) for i in order]


def random_queries(rng: np.random.Generator, count: int) -> list[list[str]]:
    """Queries mixing the commonest words (in most passages) with rarer ones, repeats included."""
    queries = []
    for _ in range(count):
        common = [f"w{w}" for w in rng.integers(0, 12, int(rng.integers(0, 4)))]
        rare = [f"w{w}" for w in rng.integers(12, 3_200, int(rng.integers(0, 4)))]
        queries.append(common + rare or ["w0"])
    return queries


@pytest.fixture(autouse=True, params=["pruned", "added up"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every query either pruned or simply added up, whatever its columns' length: both
    plans must give the exhaustive result."""
    monkeypatch.setattr(sparse, "PRUNE_FROM", 0 if request.param == "pruned" else 10**12)


@pytest.fixture(scope="module")
def ranker() -> SparseRanker:
    return SparseRanker.build(zipf_corpus(20_000, seed=7), K1, B)


@pytest.mark.parametrize("k", [1, 10, 30, 200])
def test_pruned_top_k_equals_exhaustive_scoring(ranker: SparseRanker, k: int) -> None:
    rng = np.random.default_rng(k)
    for query in random_queries(rng, 150):
        assert ranker.search(query, k) == exhaustive(ranker, query, k), query


def test_frequent_words_alone_are_ranked_exactly(ranker: SparseRanker) -> None:
    """No rare word to seed the guess: the commonest words' own champions must."""
    for query in (["w0"], ["w0", "w1"], ["w0", "w1", "w2", "w0"], ["w3", "w5", "w8"]):
        assert ranker.search(query, 30) == exhaustive(ranker, query, 30)


def test_more_wanted_than_champions_found(ranker: SparseRanker) -> None:
    """k beyond what the champions can seed: nothing is pruned, still exact."""
    k = 3 * CHAMPIONS
    assert ranker.search(["w2999", "w2998"], k) == exhaustive(ranker, ["w2999", "w2998"], k)


def test_pruning_leaves_the_accumulator_zeroed(ranker: SparseRanker) -> None:
    ranker.search(["w0", "w1", "w77"], 30)
    assert not ranker._totals().any()


def test_pruning_skips_most_of_a_frequent_word(ranker: SparseRanker) -> None:
    """The point of pruning: asked with a rare word, the commonest word is read only in
    the blocks where the rare one can lift a passage into the top k."""
    rare = next(f"w{w}" for w in range(400, 3_000) if ranker.document_frequency(f"w{w}") >= 5)
    common = ranker._column(ranker._vocabulary["w0"], 1)
    columns = [common, ranker._column(ranker._vocabulary[rare], 1)]
    readable = open_blocks(columns, guess_kth_best(columns, 5), (ranker.size >> ranker._shift) + 1)
    read, _ = common.within(readable)
    assert common.rows.size > ranker.size / 2
    assert read.size < common.rows.size / 4
