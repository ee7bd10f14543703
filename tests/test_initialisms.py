"""An initialism the question uses for words the articles spell out stands for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Library
from retrieval.answering.question import read_question
from tests.conftest import LibraryFactory
from tests.corpus_builders import write_corpus

WATER_ARTICLE = """\
Reservoir levels fall as the dry summer goes on
Posted 9 August 2024
The Northern Valley Water Board said on Friday that its reservoirs were at 41 percent.
Northern Valley Water Board engineers supply 2.1 million homes with drinking water.
Rain is not expected before the middle of September, forecasters said.
"""


@pytest.fixture
def water_library(tmp_path: Path, make_library: LibraryFactory) -> Library:
    return make_library(write_corpus(tmp_path / "water", {"water.txt": WATER_ARTICLE}))


def test_an_initialism_the_articles_spell_out_is_answered(water_library: Library) -> None:
    answer = water_library.answer("How many homes does the NVWB supply with drinking water?")
    assert answer.status == "answered"
    assert answer.quotes[0].answer == "2.1 million"


def test_the_initialism_stands_for_the_spelled_out_words(water_library: Library) -> None:
    evidence = read_question(water_library.index, "How full are the NVWB reservoirs?").evidence
    assert not evidence.unknown_names
    assert set(evidence.alternatives["nvwb"]) == {"northern", "valley", "water", "board"}


def test_an_initialism_no_passage_spells_out_is_still_declined(water_library: Library) -> None:
    answer = water_library.answer("How full are the reservoirs of the EWB?")
    assert answer.status == "declined"
