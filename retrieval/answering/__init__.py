"""Answer building: what a question asks for, which sentence answers it, the excerpt."""

from retrieval.answering.builder import answer_question

__all__ = ["answer_question"]
