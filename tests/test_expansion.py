"""A question word no article uses is searched for by the corpus words closest in meaning."""

from __future__ import annotations

from pathlib import Path

from retrieval import Library
from retrieval.answering.evidence import QuestionEvidence
from retrieval.answering.question import read_question
from retrieval.answering.semantic import word_vectors
from tests.conftest import LibraryFactory
from tests.corpus_builders import CLUB_ARTICLE, write_corpus


def test_a_word_no_article_uses_finds_the_passage_that_says_it_otherwise(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    library = make_library(write_corpus(tmp_path / "club", {"club.txt": CLUB_ARTICLE}))
    answer = library.answer("When were the Harbour Rovers founded?")
    first = answer.quotes[0]
    assert "established in 1898" in first.text
    assert first.text[first.mark_start : first.mark_end] == "1898"


def test_the_question_is_read_with_the_alternatives_the_corpus_holds(
    tmp_path: Path, make_library: LibraryFactory
) -> None:
    library: Library = make_library(write_corpus(tmp_path / "club", {"club.txt": CLUB_ARTICLE}))
    evidence = read_question(library.index, "When were the Harbour Rovers founded?").evidence
    assert "establish" in evidence.alternatives["found"]
    stand_ins = evidence.alternatives["found"]
    assert all(library.index.ranker.document_frequency(term) for term in stand_ins)
    assert set(evidence.search_terms) == {*evidence.concepts, *stand_ins}


def test_neighbours_are_other_words_close_in_meaning_closest_first() -> None:
    neighbours = word_vectors().neighbours("founded", least=0.4, most=5)
    words = [word for word, _ in neighbours]
    assert "established" in words
    assert "founded" not in words
    closeness = [cosine for _, cosine in neighbours]
    assert closeness == sorted(closeness, reverse=True) and min(closeness) >= 0.4


def test_an_alternative_covers_its_concept_as_far_as_it_is_close() -> None:
    evidence = QuestionEvidence(
        ["club", "found"],
        {"club": 1.0, "found": 3.0},
        unseen=frozenset({"found"}),
        alternatives={"found": {"establish": 0.6, "creat": 0.5}},
    )
    assert evidence.coverage({"club", "establish"}) == (1.0 + 3.0 * 0.6) / 4.0
    assert evidence.coverage({"club"}) == 1.0 / 4.0
    assert evidence.holds("found", {"creat"}) and not evidence.holds("found", {"club"})
