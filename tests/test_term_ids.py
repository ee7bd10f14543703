"""Passages as term ids: numbering in order of first use, and chunks joined as one."""

from __future__ import annotations

import numpy as np

from retrieval.ranking.term_ids import TermIds, TermIdsJoiner

PASSAGES = [["kabul", "sco", "kabul"], [], ["sco", "russia"], ["tashkent"]]


def test_terms_are_numbered_in_order_of_first_use() -> None:
    numbered = TermIds.of(PASSAGES)
    assert numbered.vocabulary == ["kabul", "sco", "russia", "tashkent"]
    assert numbered.ids.tolist() == [0, 1, 0, 1, 2, 3]
    assert numbered.lengths.tolist() == [3, 0, 2, 1]
    assert numbered.passages() == PASSAGES


def test_chunks_numbered_apart_join_as_if_numbered_together() -> None:
    joiner = TermIdsJoiner()
    joiner.add(TermIds.of(PASSAGES[:2]))
    joiner.add(TermIds.of(PASSAGES[2:]))
    joined, whole = joiner.joined(), TermIds.of(PASSAGES)
    assert joined.vocabulary == whole.vocabulary
    assert np.array_equal(joined.ids, whole.ids)
    assert np.array_equal(joined.lengths, whole.lengths)


def test_nothing_joined_is_no_passages() -> None:
    assert len(TermIdsJoiner().joined()) == 0
