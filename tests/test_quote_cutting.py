"""Cutting a quote to its room: which of the passage's sentences it keeps."""

from __future__ import annotations

from retrieval.answering.quote import cut_quote

PASSAGE = (
    "The committee met on Monday. It chose Anna Varga as chair. "
    "She had led the finance office since 2019."
)
SENTENCES = [(0, 28), (29, 58), (59, 101)]
CHAIR = (29, 58)
ROOM = 75


def test_a_trimmed_quote_keeps_the_neighbour_likelier_to_answer() -> None:
    after = cut_quote(PASSAGE, SENTENCES, 1, CHAIR, ROOM, likelihoods=[-3.0, 0.0, -1.0])
    before = cut_quote(PASSAGE, SENTENCES, 1, CHAIR, ROOM, likelihoods=[-1.0, 0.0, -3.0])
    assert after.text == "…It chose Anna Varga as chair. She had led the finance office since 2019."
    assert before.text == "The committee met on Monday. It chose Anna Varga as chair.…"
