"""RETRIEVAL_ENGINE picks the engine; ``auto`` switches to bm25s above the threshold."""

from __future__ import annotations

import pytest

from retrieval.ranking import TermIds, build_ranker, chosen_engine
from retrieval.settings import RetrievalSettings


@pytest.mark.parametrize(
    ("engine", "passages", "expected"),
    [
        ("rank-bm25", 5, "rank-bm25"),
        ("bm25s", 5, "bm25s"),
        ("auto", 3, "rank-bm25"),
        ("auto", 4, "bm25s"),
    ],
)
def test_engine_follows_the_setting(engine: str, passages: int, expected: str) -> None:
    settings = RetrievalSettings(retrieval_engine=engine, auto_engine_threshold=3)  # type: ignore[arg-type]
    corpus = [["word", f"term{i}"] for i in range(passages)]
    assert chosen_engine(passages, settings) == expected
    assert build_ranker(TermIds.of(corpus), settings).engine == expected
