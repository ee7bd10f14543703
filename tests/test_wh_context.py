"""The words around a question's wh-word, which an answering statement keeps beside its
answer, where the question's weight stands around a candidate, and the span features that
read both."""

from __future__ import annotations

import numpy as np

from retrieval import Library
from retrieval.analysis import plain_terms
from retrieval.answering.features import (
    _after_question_end,
    _asked_weight_around,
    _wh_neighbours,
)
from retrieval.answering.question import read_question
from retrieval.answering.span_candidates import SentenceWords, sentence_words
from retrieval.answering.wh_context import WhContext, wh_context, word_keys


def test_the_words_before_the_wh_word_are_kept_nearest_last() -> None:
    context = wh_context("The three directors effectively reported to whom?")
    assert context.before == (word_keys("reported"), word_keys("to"))


def test_after_the_wh_word_how_s_own_word_and_auxiliaries_are_passed_over() -> None:
    assert wh_context("How many ships did the navy lose?").after == (
        word_keys("ships"),
        word_keys("did"),
    )
    assert wh_context("Who did Shoigu meet in Kabul?").after == (
        word_keys("Shoigu"),
        word_keys("meet"),
    )


def test_a_question_led_by_its_wh_word_keeps_its_last_words() -> None:
    context = wh_context("What did Tesla tell Brisbane he did not believe in?")
    assert context.end == (word_keys("believe"), word_keys("in"))
    assert wh_context("The directors reported to whom?").end == ()


def test_the_last_words_never_repeat_those_after_the_wh_word() -> None:
    assert wh_context("Who did Shoigu meet?").end == ()
    assert wh_context("Who did Shoigu meet in Kabul?").end == (
        word_keys("in"),
        word_keys("Kabul"),
    )


def test_a_question_without_a_wh_word_has_no_context() -> None:
    assert wh_context("Name the port that Valdera built.") == WhContext()


def test_a_function_word_matches_itself_and_a_content_word_its_term() -> None:
    assert "to" in word_keys("to")
    assert word_keys("reported") & word_keys("report")


def test_the_candidate_where_the_wh_word_stood_is_the_one_after_its_neighbours() -> None:
    """ "reported to whom?": of the sentence's names, only "Mueller" follows "reported to"."""
    sentence = "The directors Gilruth and Debus effectively reported to Mueller in 1963"
    words = sentence_words(sentence, frozenset())
    context = wh_context("The directors reported to whom?")
    position = {word.text: number for number, word in enumerate(words)}
    for name, expected in (("Mueller", [1.0, 1.0, 0.0]), ("Debus", [0.0, 0.0, 0.0])):
        at = np.array([position[name]])
        assert [float(column[0]) for column in _wh_neighbours(context, words, at, at)] == expected


def test_a_subject_answer_is_followed_by_the_words_after_the_wh_word() -> None:
    sentence = "Blackburne stated that Jortin misread the passage"
    words = sentence_words(sentence, frozenset())
    context = wh_context("Who stated that Jortin misread Luther?")
    blackburne_and_jortin = np.array([0, 3])
    previous, both, follower = _wh_neighbours(
        context, words, blackburne_and_jortin, blackburne_and_jortin
    )
    assert follower.tolist() == [True, False]
    assert not previous.any() and not both.any()


def test_the_answer_follows_the_question_s_last_words() -> None:
    """ "… did not believe in?": "telepathy" follows "believe in"; "Brisbane" follows
    neither word."""
    sentence = "Tesla told Brisbane that he did not believe in telepathy"
    words = sentence_words(sentence, frozenset())
    context = wh_context("What did Tesla tell Brisbane he did not believe in?")
    brisbane_and_telepathy = np.array([2, 9])
    last, both = _after_question_end(context, words, brisbane_and_telepathy)
    assert last.tolist() == [False, True]
    assert both.tolist() == [False, True]


def _followed_by_the_question(question: str, sentence: str, positions: list[int]) -> list[bool]:
    """Whether each one-word candidate, at ``positions``, is followed by a word the question
    has after its wh-word."""
    words = sentence_words(sentence, frozenset())
    at = np.array(positions)
    *_, follower = _wh_neighbours(wh_context(question), words, at, at)
    return [bool(flag) for flag in follower]


def test_an_article_after_a_candidate_is_passed_over() -> None:
    """The question passes over its own articles, so the sentence's may not hide the
    answer's neighbours: "Nur-Sultan, the capital of Kazakhstan" answers "What is the
    capital of Kazakhstan?"."""
    question = "What is the capital of Kazakhstan?"
    sentence = "The meeting was in Nur-Sultan, the capital of Kazakhstan"
    assert _followed_by_the_question(question, sentence, [4, 8]) == [True, False]


def test_an_article_before_a_candidate_is_passed_over() -> None:
    """ "founded by the Romans" answers "Who was the city founded by?"."""
    words = sentence_words("The city was founded by the Romans in 12 BC", frozenset())
    romans_and_bc = np.array([6, 9])
    context = wh_context("Who was the city founded by?")
    last, both = _after_question_end(context, words, romans_and_bc)
    assert last.tolist() == [True, False]
    assert both.tolist() == [True, False]


def test_a_relative_pronoun_after_a_candidate_is_passed_over() -> None:
    """ "Iran, which holds the presidency …" answers "Which country holds the presidency?"
    as "Iran holds the presidency" would."""
    question = "Which country holds the presidency of the ECO?"
    sentence = "Iran, which holds the presidency of the ECO, said"
    assert _followed_by_the_question(question, sentence, [0, 7]) == [True, False]


def test_the_question_weight_is_shared_out_left_right_and_near_a_candidate() -> None:
    """Question words "port" (weight 3) and "expand" (1): "Valdera", word 6, has the port
    two words to its left and "expand" four words to its right, past the near reach."""
    sentence = "Helena Marsh said the port of Valdera will soon greatly expand"
    (port,), (expand,) = plain_terms("port"), plain_terms("expand")
    listed = sentence_words(sentence, frozenset({port, expand}))
    weights = {port: 3.0, expand: 1.0}
    words = SentenceWords.of(
        sentence, listed, frozenset(), [0.0] * len(listed), np.zeros(len(listed)), weights
    )
    assert words.asked_weight == 4.0
    at = np.array([6])
    left, right, near, nearby = (column[0] for column in _asked_weight_around(words, at, at))
    assert (left, right) == (0.75, 0.25)
    assert near == 0.75
    assert nearby == 1.0


def test_a_name_written_out_weighs_what_the_question_s_acronym_weighs(
    seed_library: Library,
) -> None:
    """The seeds define "Shanghai Cooperation Organization (SCO)": a sentence's long form
    stands as near to the answer as the question's "SCO" would."""
    question = read_question(seed_library.index, "Where did the SCO defence ministers meet?")
    (concept,) = [term for term in question.evidence.weights if term.startswith("=")]
    weight = question.evidence.weights[concept]
    for word in ("Shanghai", "Cooperation", "Organization"):
        (term,) = plain_terms(word)
        assert question.term_weights[term] == weight


def test_a_scene_setting_clause_is_passed_over_for_the_question_word_that_asks() -> None:
    context = wh_context("When the coach resigned, who replaced him?")
    assert context.before == ()
    assert context.after == (word_keys("replaced"), word_keys("him"))
