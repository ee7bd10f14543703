"""Running a question set through the answer path and scoring the replies.

The question set format is ``../shared/README.md``'s: one JSON object a line
with ``id``, ``question``, ``answers`` (a reply is right when one appears in
it; empty when the corpus cannot answer) and ``doc``. Replies are matched
case-insensitively after the analyzer's Unicode normalisation.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from retrieval.analysis import fold_for_matching
from retrieval.library import Library
from retrieval.render import render_plain


class EvalQuestion(BaseModel):
    id: str
    question: str
    answers: list[str]
    doc: str | None = None


class QuestionResult(BaseModel):
    id: str
    question: str
    expected: list[str]
    found: bool
    top1: bool
    """An expected answer is in the first quoted passage."""
    in_reply: bool
    """An expected answer is anywhere in the reply text."""

    @property
    def answerable(self) -> bool:
        return bool(self.expected)

    @property
    def passed(self) -> bool:
        return self.top1 if self.answerable else not self.found


class EvalSummary(BaseModel):
    answerable: int
    top1: int
    in_reply: int
    unanswerable: int
    declined: int
    """Unanswerable questions that got no answer: right."""
    wrongly_declined: int
    """Answerable questions that got no answer."""


class QuestionSetError(ValueError):
    """A question set line is not a valid question; the message names the line."""


def read_questions(path: Path) -> list[EvalQuestion]:
    questions: list[EvalQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate_json(line))
        except ValidationError as error:
            problem = error.errors()[0]["msg"]
            raise QuestionSetError(f"{path}:{number}: not a question ({problem})") from error
    return questions


def evaluate(library: Library, questions: list[EvalQuestion]) -> list[QuestionResult]:
    return [_judge(library, question) for question in questions]


def summarize(results: list[QuestionResult]) -> EvalSummary:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    return EvalSummary(
        answerable=len(answerable),
        top1=sum(r.top1 for r in answerable),
        in_reply=sum(r.in_reply for r in answerable),
        unanswerable=len(unanswerable),
        declined=sum(not r.found for r in unanswerable),
        wrongly_declined=sum(not r.found for r in answerable),
    )


def _judge(library: Library, question: EvalQuestion) -> QuestionResult:
    answer = library.answer(question.question)
    first = answer.quotes[0].text if answer.quotes else ""
    reply = render_plain(answer)
    return QuestionResult(
        id=question.id,
        question=question.question,
        expected=question.answers,
        found=answer.found,
        top1=_contains_any(first, question.answers),
        in_reply=_contains_any(reply, question.answers),
    )


def _contains_any(text: str, expected: list[str]) -> bool:
    folded = fold_for_matching(text)
    return any(fold_for_matching(answer) in folded for answer in expected)


def summary_lines(summary: EvalSummary) -> list[str]:
    return [
        f"answerable {summary.answerable}: top1 {summary.top1}/{summary.answerable}, "
        f"in_reply {summary.in_reply}/{summary.answerable}",
        f"unanswerable {summary.unanswerable}: declined {summary.declined}/{summary.unanswerable}",
        f"wrongly_declined {summary.wrongly_declined}",
    ]


def result_line(result: QuestionResult) -> str:
    verdict = "PASS" if result.passed else "FAIL"
    if result.answerable:
        top1, in_reply = ("yes" if hit else "no" for hit in (result.top1, result.in_reply))
        detail = f"top1={top1} in_reply={in_reply}"
    else:
        detail = "declined" if not result.found else "answered (should decline)"
    return f"{verdict} {result.id}: {result.question} [{detail}]"


def summary_json(summary: EvalSummary, results: list[QuestionResult]) -> str:
    payload = summary.model_dump() | {"results": [r.model_dump() for r in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2)
