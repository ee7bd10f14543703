"""Declining: what an unanswerable question gives away (a name the article never uses, a
year the passage does not state), measured apart from what the question shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Library
from retrieval.answering.builder import rank
from retrieval.answering.evidence import weigh_question
from retrieval.answering.features import ANSWERABLE_FEATURES
from retrieval.answering.question import read_question
from tests.conftest import LibraryFactory
from tests.corpus_builders import write_corpus


def _terms(library: Library, text: str) -> list[str]:
    return library.index.analyzer.question_terms(text)


def _passage_saying(library: Library, words: str) -> int:
    return next(n for n, text in enumerate(library.index.passages.texts) if words in text)


def test_a_question_keeps_its_names_and_numbers_apart(news_library: Library) -> None:
    index = news_library.index
    evidence = weigh_question(
        "How many jobs did Helena Marsh promise in 2019?", index.analyzer, index.ranker
    )
    assert evidence.numbers == set(_terms(news_library, "2019"))
    assert evidence.names == set(_terms(news_library, "Helena Marsh"))


def test_a_qualifier_no_article_uses_weighs_less_than_a_thing_none_names(
    news_library: Library,
) -> None:
    """A qualifier ("the glamorous terminal") leaves the terminal the articles describe;
    a thing ("the aquarium terminal") may be another one."""
    index = news_library.index
    qualified = weigh_question("Who built the glamorous terminal?", index.analyzer, index.ranker)
    other = weigh_question("Who built the aquarium terminal?", index.analyzer, index.ranker)
    [qualifier] = qualified.unseen
    [thing] = other.unseen
    assert 0 < qualified.weights[qualifier] < other.weights[thing] / 3


def test_a_name_the_article_gives_in_another_paragraph_is_held_by_it(
    news_library: Library,
) -> None:
    cost = _passage_saying(news_library, "The terminal cost 480 million euros")
    (director,) = _terms(news_library, "Marsh")
    (mayor,) = _terms(news_library, "Brandl")
    assert director not in news_library.index.passages.texts[cost].casefold()
    assert news_library.index.document_holds(cost, [director, mayor]) == {director}


def test_a_place_only_in_the_headline_is_held_by_the_article(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    article = (
        "Flood wall finished in Darnholm\n"
        "Posted 3 June 2024\n"
        "Engineers finished the new flood wall on Friday, two years after the river burst "
        "its banks and flooded four hundred homes.\n"
        "The wall cost 22 million euros and is four metres high along the old quay.\n"
    )
    library = make_library(write_corpus(tmp_path / "corpus", {"wall.txt": article}))
    cost = _passage_saying(library, "22 million euros")
    (town,) = _terms(library, "Darnholm")
    assert library.index.document_holds(cost, [town]) == {town}


def _answerable_feature(library: Library, question: str, name: str) -> float:
    ranked = rank(library.index, read_question(library.index, question), library.model, 3)
    return ranked.answerable_row[ANSWERABLE_FEATURES.index(name)]


def test_a_name_the_answering_article_never_uses_counts_against_answering(
    news_library: Library,
) -> None:
    swapped = "How many signatures did Helena Marsh collect against the closure?"
    assert _answerable_feature(news_library, swapped, "names_missing") > 0
    held = "How many signatures did the shop owners collect against the closure of Linden Street?"
    assert _answerable_feature(news_library, held, "names_missing") == 0


def test_a_year_the_answering_passage_does_not_state_counts_against_answering(
    news_library: Library,
) -> None:
    swapped = "How much did the Valmora terminal cost in 1952?"
    assert _answerable_feature(news_library, swapped, "number_missing") == 1
    stated = "Who built the terminal that cost 480 million euros?"
    assert _answerable_feature(news_library, stated, "number_missing") == 0


@pytest.mark.parametrize(
    "question",
    [
        "Who won the football match in Valmora?",
        "Which film won the prize at the Valmora festival?",
        "How many goals did the Valmora team score last season?",
    ],
)
def test_a_question_about_what_no_article_covers_is_declined_though_it_names_their_places(
    news_library: Library, question: str
) -> None:
    """The archive holds the place but not the story: most of what is asked is nowhere."""
    assert news_library.answer(question).status == "declined"


def test_a_reply_says_how_likely_its_first_quote_is_to_answer(seed_library: Library) -> None:
    answer = seed_library.answer("when did Russia recognise the IEA")
    assert answer.confidence is not None
    assert seed_library.model.answer_threshold <= answer.confidence <= 1


def test_a_question_naming_what_no_article_mentions_has_no_chance_of_an_answer(
    seed_library: Library,
) -> None:
    answer = seed_library.answer("What is the capital of Australia?")
    assert (answer.status, answer.confidence) == ("declined", 0.0)


def test_a_question_no_model_was_asked_about_has_no_confidence(seed_library: Library) -> None:
    assert seed_library.answer("   ").confidence is None
