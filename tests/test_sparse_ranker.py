"""The bm25s engine must rank as rank-bm25 does: same scores, same order, same ties."""

from __future__ import annotations

import mmap
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
import pytest

from retrieval.ranking.okapi import OkapiRanker
from retrieval.ranking.sparse import SparseRanker

K1, B = 1.5, 0.75

SMALL = [
    text.split()
    for text in (
        "shoigu sco afghanistan relation resum",
        "russia recogn islam emir afghanistan 2025",
        "kabul investor safeti econom growth kabul",
        "sco contact group afghanistan relaunch",
        "russia recogn islam emir afghanistan 2025",  # a duplicate: an exact tie
        "weather sunni",
    )
]

QUERIES = [
    ["afghanistan"],
    ["russia", "recogn"],
    ["kabul", "kabul", "growth"],  # a repeated term counts twice in both engines
    ["sco", "afghanistan", "unknown"],
    ["unknown"],
    [],
    ["weather", "sco", "kabul", "emir", "2025", "investor"],
]


def both(passages: list[list[str]]) -> tuple[OkapiRanker, SparseRanker]:
    return OkapiRanker(passages, K1, B), SparseRanker.build(passages, K1, B)


def assert_same(expected: list[tuple[int, float]], actual: list[tuple[int, float]]) -> None:
    assert [number for number, _ in actual] == [number for number, _ in expected]
    for (_, want), (_, got) in zip(expected, actual, strict=True):
        assert got == pytest.approx(want, rel=1e-6)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("k", [1, 3, 10])
def test_same_results_as_rank_bm25(query: list[str], k: int) -> None:
    okapi, sparse = both(SMALL)
    assert_same(okapi.search(query, k), sparse.search(query, k))


def test_ties_come_in_passage_order() -> None:
    _, sparse = both(SMALL)
    assert [number for number, _ in sparse.search(["emir"], 5)] == [1, 4]


@pytest.mark.parametrize(
    "passages", [[["alone", "word"]], [["alpha", "beta"], ["beta", "gamma", "gamma"]]]
)
def test_tiny_corpora_still_score_positively(passages: list[list[str]]) -> None:
    okapi, sparse = both(passages)
    for term in {term for tokens in passages for term in tokens}:
        result = sparse.search([term], 5)
        assert result and all(score > 0 for _, score in result)
        assert_same(okapi.search([term], 5), result)
        assert sparse.document_frequency(term) == okapi.document_frequency(term)


def test_k_beyond_corpus_and_unknown_terms() -> None:
    _, sparse = both(SMALL)
    assert len(sparse.search(["afghanistan"], 100)) == 4
    assert sparse.search(["nowhere"], 3) == []
    assert sparse.search(["afghanistan"], 0) == []
    assert sparse.document_frequency("nowhere") == 0
    assert sparse.size == len(SMALL)


def test_empty_passages_are_counted_but_never_found() -> None:
    passages = [[], ["news"], []]
    okapi, sparse = both(passages)
    assert sparse.size == 3
    assert_same(okapi.search(["news"], 3), sparse.search(["news"], 3))


def test_no_passages_is_refused() -> None:
    with pytest.raises(ValueError):
        SparseRanker.build([], K1, B)


def test_matrix_is_bm25s_own() -> None:
    """Our vectorised build gives the matrix ``bm25s.BM25.index`` gives."""
    ours = SparseRanker.build(SMALL, K1, B)
    vocabulary = ours._vocabulary
    reference = bm25s.BM25(k1=K1, b=B, method="lucene")
    ids = [[vocabulary[term] for term in tokens] for tokens in SMALL]
    reference.index((ids, dict(vocabulary)), create_empty_token=False, show_progress=False)
    for name in ("indices", "indptr"):
        assert np.array_equal(ours._model.scores[name], reference.scores[name])
    assert np.allclose(ours._model.scores["data"], reference.scores["data"], rtol=1e-6)


def test_save_and_load_memory_mapped(tmp_path: Path) -> None:
    built = SparseRanker.build(SMALL, K1, B)
    built.save(tmp_path)
    loaded = SparseRanker.load(tmp_path, mmap=True)
    assert _mapped(loaded._data)
    assert loaded.parameters == {"k1": K1, "b": B}
    for query in QUERIES:
        assert loaded.search(query, 5) == built.search(query, 5)


def _mapped(array: np.ndarray[Any, Any]) -> bool:
    """Whether ``array`` is a view of a memory-mapped file rather than a copy in memory."""
    base: object = array
    while base is not None:
        if isinstance(base, mmap.mmap):
            return True
        base = getattr(base, "base", None)
    return False


def zipf_corpus(passages: int, seed: int) -> list[list[str]]:
    """News-sized passages whose word counts follow Zipf's law, as real text does."""
    rng = np.random.default_rng(seed)
    vocabulary = 20_000
    weights = 1.0 / np.arange(1, vocabulary + 1)
    cumulative = np.cumsum(weights / weights.sum())
    lengths = rng.integers(15, 60, passages)
    words = np.searchsorted(cumulative, rng.random(int(lengths.sum())))
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    return [[f"w{w}" for w in words[bounds[i] : bounds[i + 1]]] for i in range(passages)]


def test_top10_overlap_on_10k_passages() -> None:
    passages = zipf_corpus(10_000, seed=7)
    okapi, sparse = both(passages)
    rng = np.random.default_rng(8)
    overlaps, same_first = [], 0
    for number in rng.choice(len(passages), 60, replace=False):
        tokens = passages[int(number)]
        query = [tokens[int(i)] for i in rng.choice(len(tokens), 5, replace=False)]
        expected, actual = okapi.search(query, 10), sparse.search(query, 10)
        overlaps.append(len({n for n, _ in expected} & {n for n, _ in actual}) / 10)
        same_first += expected[0][0] == actual[0][0]
    assert float(np.mean(overlaps)) >= 0.9
    assert same_first == 60
