"""Running a question set through the answer path and scoring the replies.

Two formats: ``../shared/README.md``'s JSON lines (``id``, ``question``,
``answers``: a reply is right when one appears in it, none when the corpus
cannot answer; ``doc``), asked of a corpus directory; and SQuAD files, whose
articles are the corpus (see ``squad``). Every run reports, beside Citebot's
figures, the naive rank-bm25 baseline on the same passages.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError

from retrieval.answering.kinds import asked_for
from retrieval.baseline import NaiveBm25
from retrieval.library import Library
from retrieval.models import EvalQuestion
from retrieval.scoring import contains_any, exact_match, token_f1


class QuestionResult(BaseModel):
    id: str
    question: str
    kind: str
    expected: list[str]
    found: bool
    top1: bool
    """An expected answer is in the first quoted passage."""
    in_reply: bool
    """An expected answer is anywhere in the reply text."""
    answer: str | None
    """The first quote's marked answer."""
    exact_match: float
    f1: float
    quoted_chars: int
    confidence: float | None
    """The model's probability that the reply answers (``Answer.confidence``)."""
    baseline_top1: bool
    baseline_in_reply: bool

    @property
    def answerable(self) -> bool:
        return bool(self.expected)

    @property
    def passed(self) -> bool:
        return self.top1 if self.answerable else not self.found


class KindFigures(BaseModel):
    answerable: int
    top1: float
    in_reply: float
    f1: float


class EvalSummary(BaseModel):
    answerable: int
    top1: int
    in_reply: int
    exact_match: float
    """SQuAD exact match of the marked answer, in percent of the answerable questions."""
    f1: float
    """SQuAD token F1 of the marked answer, in percent."""
    unanswerable: int
    declined: int
    """Unanswerable questions that got no answer: right."""
    wrongly_declined: int
    """Answerable questions that got no answer."""
    mean_quoted_chars: float
    """Mean characters of quoted text over the replies that quote."""
    baseline_top1: int
    baseline_in_reply: int
    by_kind: dict[str, KindFigures]
    declined_at_cost: dict[str, float]
    """For each share of the answerable questions that a decline threshold would lose
    (``DECLINING_COSTS``), the percentage of the unanswerable questions it declines; empty
    unless the set has both."""


DECLINING_COSTS = (0.01, 0.02, 0.03, 0.05)
"""Shares of the answerable questions lost at which declining is reported beside the
threshold in use: one threshold says little of how well the model tells the unanswerable
questions apart, a trade-off curve does."""


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


def evaluate(library: Library, questions: Sequence[EvalQuestion]) -> list[QuestionResult]:
    baseline = NaiveBm25(library.index.passages.texts)
    return [_judge(library, baseline, question) for question in questions]


def summarize(results: list[QuestionResult]) -> EvalSummary:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    quoting = [r.quoted_chars for r in results if r.found]
    return EvalSummary(
        answerable=len(answerable),
        top1=sum(r.top1 for r in answerable),
        in_reply=sum(r.in_reply for r in answerable),
        exact_match=_percent(sum(r.exact_match for r in answerable), len(answerable)),
        f1=_percent(sum(r.f1 for r in answerable), len(answerable)),
        unanswerable=len(unanswerable),
        declined=sum(not r.found for r in unanswerable),
        wrongly_declined=sum(not r.found for r in answerable),
        mean_quoted_chars=round(sum(quoting) / len(quoting), 1) if quoting else 0.0,
        baseline_top1=sum(r.baseline_top1 for r in answerable),
        baseline_in_reply=sum(r.baseline_in_reply for r in answerable),
        by_kind=_by_kind(answerable),
        declined_at_cost=_declined_at_cost(answerable, unanswerable),
    )


def _declined_at_cost(
    answerable: list[QuestionResult], unanswerable: list[QuestionResult]
) -> dict[str, float]:
    """The unanswerable questions declined (in percent) by the threshold that declines each
    of ``DECLINING_COSTS`` of the answerable ones; a question no model was asked about
    counts as declined at any threshold."""
    if not answerable or not unanswerable:
        return {}
    fair = sorted(r.confidence or 0.0 for r in answerable)
    unfair = [r.confidence or 0.0 for r in unanswerable]
    curve = {}
    for cost in DECLINING_COSTS:
        threshold = fair[int(cost * len(fair))]
        declined = sum(confidence < threshold for confidence in unfair)
        curve[f"{cost:.0%}"] = _percent(declined, len(unfair))
    return curve


def _by_kind(answerable: list[QuestionResult]) -> dict[str, KindFigures]:
    groups: dict[str, list[QuestionResult]] = defaultdict(list)
    for result in answerable:
        groups[result.kind].append(result)
    return {
        kind: KindFigures(
            answerable=len(group),
            top1=_percent(sum(r.top1 for r in group), len(group)),
            in_reply=_percent(sum(r.in_reply for r in group), len(group)),
            f1=_percent(sum(r.f1 for r in group), len(group)),
        )
        for kind, group in sorted(groups.items())
    }


def _percent(part: float, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _judge(library: Library, baseline: NaiveBm25, question: EvalQuestion) -> QuestionResult:
    answer = library.answer(question.question)
    first = answer.quotes[0] if answer.quotes else None
    marked = first.answer if first else None
    expected = question.answers
    baseline_top1, baseline_in_reply = (
        baseline.judge(question.question, expected) if expected else (False, False)
    )
    return QuestionResult(
        id=question.id,
        question=question.question,
        kind=str(asked_for(question.question).kind),
        expected=expected,
        found=answer.found,
        top1=first is not None and contains_any(first.text, expected),
        in_reply=any(contains_any(quote.text, expected) for quote in answer.quotes),
        answer=marked,
        exact_match=exact_match(marked, expected) if marked else 0.0,
        f1=token_f1(marked, expected) if marked else 0.0,
        quoted_chars=sum(len(quote.text) for quote in answer.quotes),
        confidence=answer.confidence,
        baseline_top1=baseline_top1,
        baseline_in_reply=baseline_in_reply,
    )


def summary_lines(summary: EvalSummary) -> list[str]:
    n = summary.answerable

    def share(count: int) -> str:
        return f"{count}/{n} ({_percent(count, n)}%)"

    lines = [
        f"answerable {n}: top1 {share(summary.top1)}, in_reply {share(summary.in_reply)}",
        f"  naive rank-bm25: top1 {share(summary.baseline_top1)}, "
        f"in_reply (top 3) {share(summary.baseline_in_reply)}",
        f"  marked answer: exact match {summary.exact_match}, F1 {summary.f1}",
        f"  wrongly_declined {summary.wrongly_declined}/{n}; "
        f"mean quoted characters {summary.mean_quoted_chars}",
        f"unanswerable {summary.unanswerable}: declined {summary.declined}/{summary.unanswerable}",
    ]
    if summary.declined_at_cost:
        costs, declined = zip(*summary.declined_at_cost.items(), strict=True)
        lines.append(
            f"  declining at a cost of {' / '.join(costs)} of the answerable: "
            f"{' / '.join(f'{share}%' for share in declined)} of the unanswerable declined"
        )
    for kind, figures in summary.by_kind.items():
        lines.append(
            f"  {kind:<10} {figures.answerable:>5}: top1 {figures.top1}%, "
            f"in_reply {figures.in_reply}%, F1 {figures.f1}"
        )
    return lines


def result_line(result: QuestionResult) -> str:
    verdict = "PASS" if result.passed else "FAIL"
    if result.answerable:
        top1, in_reply = ("yes" if hit else "no" for hit in (result.top1, result.in_reply))
        detail = f"top1={top1} in_reply={in_reply} answer={result.answer!r}"
    else:
        detail = "declined" if not result.found else "answered (should decline)"
    return f"{verdict} {result.id}: {result.question} [{detail}]"


def summary_json(summary: EvalSummary, results: list[QuestionResult]) -> str:
    payload = summary.model_dump() | {"results": [r.model_dump() for r in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2)
