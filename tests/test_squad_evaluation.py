"""SQuAD files as a corpus and a question set, and SQuAD's own measures of an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Library, RetrievalSettings
from retrieval.evaluation import QuestionResult, evaluate, summarize
from retrieval.index import build_index
from retrieval.scoring import exact_match, token_f1
from retrieval.squad import SquadSet, read_squad
from tests.corpus_builders import write_squad


def test_each_article_is_a_document_and_each_paragraph_a_passage(tmp_path: Path) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz"))
    assert [d.title for d in squad.corpus.documents] == ["Harbour of Velmar", "Orlan Railway"]
    assert len(squad.questions) == 3
    assert squad.questions[0].answers == ["Tomas Brenn"]


def test_unanswerable_questions_expect_no_answer(tmp_path: Path) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz", "Who painted the harbour?"))
    assert [q.answers for q in squad.questions if q.id.endswith("-x")] == [[], []]


def test_some_articles_alone_keep_their_questions_unanswerable_ones_included(
    tmp_path: Path,
) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz", "Who painted the harbour?"))
    railway = squad.only(["Orlan_Railway"])
    assert [d.doc_id for d in railway.corpus.documents] == ["Orlan_Railway"]
    assert [q.id for q in railway.questions] == ["Orlan_Railway-0-0", "Orlan_Railway-x"]


def test_the_evaluation_reports_spans_kinds_and_the_naive_baseline(tmp_path: Path) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz"))
    settings = RetrievalSettings(index_cache_dir=tmp_path / "cache", synonyms_file=None)
    library = Library(settings, build_index(squad.corpus, settings))
    summary = summarize(evaluate(library, list(squad.questions)))
    assert summary.answerable == 3
    assert summary.top1 == 3
    assert summary.baseline_in_reply == 3  # two passages: the top three hold them all
    assert summary.f1 > 50
    assert set(summary.by_kind) == {"name", "date", "number"}
    assert 0 < summary.mean_quoted_chars <= settings.quote_chars


@pytest.mark.parametrize(
    ("prediction", "expected", "em", "f1"),
    [
        ("the Normans", ["Normans"], 1.0, 1.0),
        ("Normans, Vikings", ["Normans"], 0.0, 2 / 3),
        ("Rollo", ["Normans"], 0.0, 0.0),
    ],
)
def test_exact_match_and_f1_follow_squads_normalisation(
    prediction: str, expected: list[str], em: float, f1: float
) -> None:
    assert exact_match(prediction, expected) == em
    assert token_f1(prediction, expected) == pytest.approx(f1)


def test_declining_is_reported_at_each_cost_in_answerable_questions(tmp_path: Path) -> None:
    """The unanswerable question names a place no article mentions: any threshold that
    declines answerable questions declines it first."""
    path = write_squad(tmp_path / "set.json.gz", unanswerable="Who won the race in Zorbania?")
    summary = summarize(_evaluated(read_squad(path), tmp_path))
    assert summary.declined_at_cost == {"1%": 100.0, "2%": 100.0, "3%": 100.0, "5%": 100.0}


def test_each_cost_declines_the_unanswerable_questions_less_confident_than_its_threshold() -> None:
    """100 answerable questions at confidences 0.00 … 0.99: losing 3% of them means a
    threshold of 0.03, below which one of the four unanswerable questions stands."""
    answerable = [_result(f"a{n}", ["x"], n / 100) for n in range(100)]
    unanswerable = [_result(f"u{n}", [], c) for n, c in enumerate((0.025, 0.035, 0.5, 0.9))]
    curve = summarize(answerable + unanswerable).declined_at_cost
    assert curve == {"1%": 0.0, "2%": 0.0, "3%": 25.0, "5%": 50.0}


def test_a_set_without_unanswerable_questions_reports_no_declining_curve(
    tmp_path: Path,
) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz"))
    assert summarize(_evaluated(squad, tmp_path)).declined_at_cost == {}


def _evaluated(squad: SquadSet, tmp_path: Path) -> list[QuestionResult]:
    settings = RetrievalSettings(index_cache_dir=tmp_path / "cache", synonyms_file=None)
    library = Library(settings, build_index(squad.corpus, settings))
    return evaluate(library, list(squad.questions))


def _result(name: str, expected: list[str], confidence: float) -> QuestionResult:
    return QuestionResult(
        id=name,
        question="?",
        kind="thing",
        expected=expected,
        found=True,
        top1=False,
        in_reply=False,
        answer=None,
        exact_match=0.0,
        f1=0.0,
        quoted_chars=0,
        confidence=confidence,
        baseline_top1=False,
        baseline_in_reply=False,
    )
