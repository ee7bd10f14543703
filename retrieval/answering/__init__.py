"""Answering: question → candidates → features → model → span → quote (``builder`` runs
the stages; ``model.json`` is the fitted model they share)."""

from retrieval.answering.builder import answer_question

__all__ = ["answer_question"]
