"""Reading what kind of answer a question asks for."""

from __future__ import annotations

import pytest

from retrieval.answering.kinds import AnswerKind, Measure, asked_for


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the SCO founded?", AnswerKind.DATE),
        ("In what century did the Normans arrive?", AnswerKind.DATE),
        ("How many people died?", AnswerKind.NUMBER),
        ("Who is Putin's special representative for Afghanistan?", AnswerKind.NAME),
        ("Where did the ministers meet?", AnswerKind.PLACE),
        ("Which countries founded the SCO?", AnswerKind.PLACE),
        ("What is the SCO?", AnswerKind.DEFINITION),
        ("Who is Sergei Lavrov?", AnswerKind.DEFINITION),
        ("What was the Norman religion?", AnswerKind.THING),
        ("What was Normandy's religion?", AnswerKind.THING),
        ("Why did the talks fail?", AnswerKind.ANY),
    ],
)
def test_the_question_words_name_the_kind_of_answer(question: str, kind: AnswerKind) -> None:
    assert asked_for(question).kind is kind


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("How long is the railway extension?", Measure.SIZE),
        ("How long did the siege last?", Measure.SIZE),
        ("How much did the terminal cost?", Measure.AMOUNT),
        ("How many jobs will it create?", Measure.COUNT),
        ("How old was the king?", Measure.AGE),
        ("What was the population of Kenya in 2014?", Measure.COUNT),
        ("What percent of the loans were sold?", Measure.COUNT),
        ("What was the value of the collection when it was left?", Measure.AMOUNT),
        ("What is the capacity of the new terminal?", Measure.SIZE),
        ("At what age did he leave Poland?", Measure.AGE),
    ],
)
def test_a_number_is_asked_for_by_how_or_by_its_measure_noun(
    question: str, measure: Measure
) -> None:
    asked = asked_for(question)
    assert asked.kind is AnswerKind.NUMBER
    assert asked.measure is measure


@pytest.mark.parametrize(
    "question",
    ["In what area did the film premiere?", "What was the name of the company's value fund?"],
)
def test_a_measure_s_noun_that_names_something_else_asks_for_no_number(question: str) -> None:
    assert asked_for(question).kind is not AnswerKind.NUMBER


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("What years did the khan rule?", Measure.NONE),
        ("What year was the port authority set up?", Measure.YEAR),
        ("In which year did the siege end?", Measure.YEAR),
        ("When did the siege end?", Measure.NONE),
        ("In what month did the council vote?", Measure.NONE),
    ],
)
def test_a_date_question_may_ask_for_the_year_itself(question: str, measure: Measure) -> None:
    asked = asked_for(question)
    assert (asked.kind, asked.measure) == (AnswerKind.DATE, measure)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who replaced the coach when he resigned?", AnswerKind.NAME),
        ("Where were the ministers staying when the talks began?", AnswerKind.PLACE),
        ("What did the council decide when the plant closed?", AnswerKind.THING),
        ("When the talks failed, who left the room first?", AnswerKind.NAME),
        ("After the war ended, which city became the capital?", AnswerKind.PLACE),
        ("In the end, when did the siege end?", AnswerKind.DATE),
        ("How did the army react when the king died?", AnswerKind.ANY),
    ],
)
def test_the_question_word_that_asks_is_the_first_past_a_scene_setting_clause(
    question: str, kind: AnswerKind
) -> None:
    assert asked_for(question).kind is kind


def test_a_question_word_inside_a_name_does_not_outrank_the_one_that_asks() -> None:
    assert asked_for("What planet does the Doctor Who hero come from?").kind is AnswerKind.THING
