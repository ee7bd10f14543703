"""The analyzer: passages and questions must be analysed alike to meet."""

from __future__ import annotations

import pytest

from retrieval.analysis import Analyzer, plain_terms
from retrieval.analysis.acronyms import learn_acronyms
from retrieval.analysis.spelling import americanize
from retrieval.analysis.synonyms import parse_synonyms
from retrieval.analysis.terms import (
    content_tokens,
    content_words,
    surface_tokens,
    text_terms,
    tokens_to_terms,
)


def test_curly_and_straight_apostrophes_give_the_same_terms() -> None:
    assert plain_terms("Russia’s neighbours") == plain_terms("Russia's neighbours")


def test_no_break_spaces_and_dashes_separate_words() -> None:
    assert plain_terms("the world\u2014an assertion\u00a0rejected") == plain_terms(
        "the world - an assertion rejected"
    )


def test_case_is_folded() -> None:
    assert plain_terms("TALIBAN Taliban taliban")[1:] == plain_terms("Taliban taliban")


def test_british_and_american_spellings_meet() -> None:
    for british, american in [
        ("recognise", "recognize"),
        ("organisation", "organization"),
        ("defence", "defense"),
        ("centre", "center"),
        ("colour", "color"),
        ("analysed", "analyzed"),
        ("catalogue", "catalog"),
    ]:
        assert plain_terms(british) == plain_terms(american), british


def test_words_that_only_look_british_are_left_alone() -> None:
    for word in ["exercise", "surprise", "hour", "four", "acre", "massacre", "promise"]:
        assert americanize(word) == word


def test_numbers_keep_their_grouping_and_match_without_it() -> None:
    assert plain_terms("over 23,000 militants")[0] == "23000"
    assert plain_terms("23000") == ["23000"]
    assert "3.5" in plain_terms("rose 3.5 percent")


def test_hyphenated_names_are_kept_whole_and_by_parts() -> None:
    terms = plain_terms("Nur-Sultan")
    assert terms[0] == "nur-sultan"
    assert set(plain_terms("Nur Sultan")) <= set(terms)


def test_stopwords_are_dropped_but_an_acronym_spelt_like_one_is_kept() -> None:
    assert plain_terms("what is the") == []
    assert plain_terms("US") == ["us"]


def test_irregular_verb_forms_meet_their_base_form() -> None:
    assert plain_terms("met") == plain_terms("meet")


def test_acronyms_are_learnt_from_their_definition_in_the_text() -> None:
    text = "Russia recognised the Islamic Emirate of Afghanistan (IEA) in July."
    assert learn_acronyms([text]) == [("IEA", "Islamic Emirate of Afghanistan")]


def test_a_parenthesis_that_does_not_spell_the_words_before_it_is_no_acronym() -> None:
    assert learn_acronyms(["He spoke to the press (AP) on Monday."]) == []


def test_a_question_with_an_acronym_meets_a_passage_with_the_long_form() -> None:
    analyzer = Analyzer.for_corpus(["The Valmora Port Authority (VPA) was founded in 1952."], [])
    question = analyzer.question_terms("When was the VPA founded?")
    passage = analyzer.passage_terms("The Valmora Port Authority opened a terminal.")
    assert set(question) - {"found"} <= set(passage)


def test_synonym_groups_make_every_name_find_the_others() -> None:
    analyzer = Analyzer([["Daesh", "ISIS", "Islamic State"]])
    concept = analyzer.question_terms("ISIS")
    assert concept == analyzer.question_terms("Daesh") == analyzer.question_terms("Islamic State")
    assert set(concept) <= set(analyzer.passage_terms("attacks claimed by the Islamic State"))


def test_synonyms_file_lines_are_groups_and_comments_are_ignored() -> None:
    lines = ["# names of one group", "Daesh = ISIS = Islamic State", "", "lonely # no group"]
    assert parse_synonyms(lines) == [["Daesh", "ISIS", "Islamic State"]]


def test_a_named_thing_brings_the_terms_of_its_equivalent_names() -> None:
    analyzer = Analyzer([["SCO", "Shanghai Cooperation Organization"]])
    found = analyzer.equivalent_terms("Where did the SCO defence ministers meet?")
    assert set(plain_terms("Shanghai Cooperation Organization SCO")) <= found
    assert not analyzer.equivalent_terms("Where did the defence ministers meet?")


@pytest.mark.parametrize(
    "text",
    [
        "Russia's envoy met the SCO (Shanghai Cooperation Organisation), 23,000 km away.",
        "1990\u20132000: U.S.-led talks \u00abin Nur\u2011Sultan\u00bb\u2026 co\u00adoperation",
        "a\u00a0b x\u200by \u2018quoted\u2019 \u2014 Beyonc\u00e9's 3.5% rise in 2025.",
        "",
    ],
)
def test_text_is_analysed_chunk_by_chunk_as_it_is_whole(text: str) -> None:
    """Terms and content words are remembered per whitespace chunk; no token spans
    whitespace, so the result is the whole text's, however it is punctuated."""
    tokens = surface_tokens(text)
    assert text_terms(text) == tokens_to_terms(tokens)
    assert content_words(text) == [token.casefold() for token in content_tokens(tokens)]
