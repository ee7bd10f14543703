"""What a word can be, and the span features that read it at a candidate's edges."""

from __future__ import annotations

import numpy as np

from retrieval.answering.features import _class_columns
from retrieval.answering.span_candidates import SentenceWords, sentence_words
from retrieval.answering.word_classes import WordClass, word_classes, word_flags


def test_an_inflected_form_has_the_classes_of_its_lemma() -> None:
    assert word_classes("held") == WordClass.VERB
    assert word_classes("conferences") == WordClass.NOUN
    assert word_classes("ruin") == WordClass.NOUN | WordClass.VERB
    assert word_classes("smaller") == WordClass.MODIFIER


def test_a_word_is_looked_up_whatever_its_case() -> None:
    assert word_classes("Held") == word_classes("held")


def test_a_name_the_table_lacks_counts_as_a_noun_and_a_function_word_does_not() -> None:
    flags = word_flags(["Brisbane", "the", "were"])
    assert flags.nouns.tolist() == [True, False, False]
    assert flags.verbs.tolist() == [False, False, True]


def test_a_candidate_cut_across_a_verb_or_from_its_noun_is_told_apart() -> None:
    """ "Private conferences" is a phrase; "conferences were held" holds a verb; "smaller"
    stops before its noun and "particles" starts after its modifier."""
    sentence = "Private conferences were held for smaller particles"
    listed = sentence_words(sentence, frozenset())
    words = SentenceWords.of(
        sentence, listed, frozenset(), [0.0] * len(listed), np.zeros(len(listed)), {}
    )
    first, last = np.array([0, 1, 5, 6]), np.array([1, 3, 5, 6])
    holds_verb, starts_verb, ends_noun, before_noun, after_modifier = (
        column.tolist() for column in _class_columns(words, first, last)
    )
    assert holds_verb == [False, True, False, False]
    assert starts_verb == [False, False, False, False]
    assert ends_noun == [True, False, False, True]
    assert before_noun == [False, False, True, False]
    assert after_modifier == [False, False, False, True]
