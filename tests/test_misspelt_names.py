"""A name the question misspells, or writes as a compound of known words, is not taken for
one the articles never mention."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Library
from retrieval.analysis import plain_terms
from retrieval.answering.candidates import retrieve
from retrieval.answering.misspelt import written_otherwise
from retrieval.answering.model import load_model
from retrieval.answering.question import read_question
from tests.conftest import LibraryFactory
from tests.corpus_builders import CLUB_ARTICLE, write_corpus


@pytest.fixture
def club_library(tmp_path: Path, make_library: LibraryFactory) -> Library:
    return make_library(write_corpus(tmp_path / "club", {"club.txt": CLUB_ARTICLE}))


def test_a_misspelt_name_is_searched_as_the_name_it_misspells(club_library: Library) -> None:
    index = club_library.index
    question = read_question(index, "When did Harbour Rovers last play Millbrok?")
    assert not question.evidence.unknown_names
    assert term("Millbrook") in question.evidence.search_terms
    (best, *_) = retrieve(index, question, load_model())
    assert "Millbrook" in index.passages.texts[best.passage]


def test_only_a_capitalised_name_is_taken_for_a_slip(news_library: Library) -> None:
    """ "coast" is a place word one letter from the port article's "cost", but written in
    lower case it is meant as written."""
    question = read_question(news_library.index, "Why is the coast losing its lighthouses?")
    assert "coast" not in question.evidence.alternatives


def term(word: str) -> str:
    (only,) = plain_terms(word)
    return only


def test_swapped_letters_added_or_dropped_ones_are_one_edit(club_library: Library) -> None:
    ranker = club_library.index.ranker
    for misspelt in ("Millbrok", "Milllbrook", "Milbrook", "Mlilbrook", "Millbrouk"):
        assert written_otherwise(term(misspelt), ranker) == {term("Millbrook"): 1.0}


def test_a_short_name_is_never_taken_for_another(club_library: Library) -> None:
    # "Lund" is one letter from "Lind", the manager's name, and may be another person.
    assert written_otherwise(term("Lund"), club_library.index.ranker) == {}


def test_a_compound_of_known_words_shares_its_weight_among_them(club_library: Library) -> None:
    compound = f"{term('Rovers')}-{term('Eastgate')}"
    assert written_otherwise(compound, club_library.index.ranker) == {
        term("Rovers"): 0.5,
        term("Eastgate"): 0.5,
    }


def test_a_name_far_from_every_word_of_the_articles_is_still_declined(
    club_library: Library,
) -> None:
    assert club_library.answer("When did Harbour Rovers sign Ronaldinho?").status == "declined"
