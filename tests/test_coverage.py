"""Coverage, the share of the question's weight a text holds: the same in every process."""

from __future__ import annotations

import os
import subprocess
import sys

_SUMS = """
from retrieval.answering.evidence import QuestionEvidence
evidence = QuestionEvidence(
    concepts=["port", "cost", "terminal"],
    weights={"port": 0.1, "cost": 0.2, "terminal": 0.3},
    names=frozenset({"port", "cost", "terminal"}),
)
terms = frozenset({"terminal", "cost", "port", "quay"})
print(repr(evidence.coverage(terms)), repr(evidence.missing_share(evidence.names, set())))
"""


def _sums_with_hash_seed(seed: int) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
    return subprocess.run(
        [sys.executable, "-c", _SUMS], capture_output=True, text=True, check=True, env=environment
    ).stdout


def test_coverage_is_summed_in_the_questions_order_whatever_the_hash_seed() -> None:
    """0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in floating point, and a set's order changes
    with the process's hash seed: summed in a set's order, a sentence's features (and so,
    rarely, an answer) would differ from one run of the bot to the next."""
    in_question_order = repr((0.1 + 0.2 + 0.3) / (0.1 + 0.2 + 0.3))
    assert {_sums_with_hash_seed(seed) for seed in range(6)} == {
        f"{in_question_order} {in_question_order}\n"
    }
