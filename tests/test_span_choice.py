"""The marked span is the candidate likeliest to overlap the answer, among plausible ones."""

from __future__ import annotations

import gc

import numpy as np

from retrieval import Library
from retrieval.answering.candidates import read_sentences, retrieve
from retrieval.answering.features import NEAR_WORDS, SPAN_FEATURES, _closeness_around
from retrieval.answering.question import head_noun, read_question
from retrieval.answering.span import (
    _likeliest_overlap,
    choose_spans,
    closeness,
    scored_spans,
)
from retrieval.answering.span_candidates import (
    SentenceWords,
    SpanCandidate,
    SpanType,
    parse_sentence,
    sentence_words,
)


def candidate(first: int, last: int) -> SpanCandidate:
    return SpanCandidate(first * 10, last * 10 + 5, SpanType.PHRASE, first, last)


def test_the_likeliest_wins_when_the_others_do_not_overlap_it() -> None:
    spans = [candidate(0, 1), candidate(4, 4), candidate(7, 8)]
    assert _likeliest_overlap(spans, [2.0, 1.9, 1.8]) == spans[0]


def test_overlapping_candidates_together_outweigh_a_slightly_likelier_one() -> None:
    """ "Rome" (word 0) is likeliest alone, but "the Catholic religion" (words 3-5) and
    "Catholic religion" (4-5) mostly agree: one of them is the better bet."""
    rome, religion, catholic = candidate(0, 0), candidate(3, 5), candidate(4, 5)
    assert _likeliest_overlap([rome, religion, catholic], [1.0, 0.95, 0.9]) == religion


def test_an_unlikely_span_is_never_marked_for_covering_many() -> None:
    """A list of every name overlaps each name, but the model gave it little weight."""
    first, second, everything = candidate(0, 1), candidate(3, 4), candidate(0, 4)
    assert _likeliest_overlap([first, second, everything], [2.0, 1.9, 0.5]) == first


def test_word_counts_around_a_span_are_clipped_to_the_sentence() -> None:
    sentence = "Helena Marsh said the port of Valdera will grow"
    listed = sentence_words(sentence, frozenset({"port"}))
    words = SentenceWords.of(
        sentence, listed, frozenset(), [0.0] * len(listed), np.zeros(len(listed)), {}
    )
    capitals = [word.text[:1].isupper() for word in words.words]
    reach = NEAR_WORDS
    for start in range(-reach, len(capitals) + 1):
        for end in range(start, len(capitals) + reach + 1):
            inside = capitals[max(start, 0) : max(end, 0)]
            assert SentenceWords.between(words.capitals_before, start, end) == sum(inside)


def test_the_word_of_the_sort_the_question_asks_for_is_closest_to_its_head_noun() -> None:
    """ "What religion …?" is answered by a religion: no pattern finds "Catholic", but its
    vector stands nearer to "religion" than the sentence's other words do."""
    question = "What religion were the Normans?"
    sentence = "The Normans were devout Catholic farmers who spoke French in Normandy"
    words = sentence_words(sentence, frozenset())
    to_head = closeness(head_noun(question), [], words).to_head
    closest = max(zip(to_head, (word.text for word in words), strict=True))
    assert closest[1] == "Catholic"


def test_a_candidate_beside_the_question_put_in_other_words_is_told_from_one_far_from_it() -> None:
    """ "When was the company founded?": "established" says "founded" in other words, and
    "1998" stands next to it; "two engineers" is further off."""
    sentence = "The firm was established in 1998 by two engineers"
    listed = sentence_words(sentence, frozenset())
    close = closeness("", ["company", "founded"], listed)
    words = SentenceWords.of(sentence, listed, frozenset(), *close, {})
    year, engineers = np.array([5, 7]), np.array([5, 8])
    before, _, within = _closeness_around(words.question_closeness, year, engineers)
    assert before[0] > 0.5 > before[1]
    assert within.tolist() == [close.to_question[5], max(close.to_question[7:9])]


def test_a_question_without_a_head_noun_gives_no_closeness_to_one() -> None:
    words = sentence_words("The Normans were Catholic", frozenset())
    assert closeness(head_noun("Who were the Normans?"), ["catholic"], words).to_head == [0.0] * 4


def _span_column(
    library: Library, asked: str, sentence_holds: str, column: str
) -> dict[str, tuple[SpanType, float]]:
    """Each candidate of the sentence holding ``sentence_holds`` among those read for the
    question: its type and its value in one span column."""
    index, model = library.index, library.model
    question = read_question(index, asked)
    sentences = read_sentences(index, question, retrieve(index, question, model), model)
    sentence = next(s for s in sentences if sentence_holds in s.text)
    scored = scored_spans(question, sentence, model)
    at = SPAN_FEATURES.index(column)
    return {
        sentence.text[candidate.start : candidate.end]: (candidate.type, row[at])
        for candidate, row in zip(scored.candidates, scored.features.tolist(), strict=True)
    }


def test_a_number_in_a_unit_of_the_measure_asked_is_told_from_other_numbers(
    news_library: Library,
) -> None:
    """ "The terminal cost 480 million euros and was built … over four years": of its two
    numbers, only the money answers "how much"."""
    spans = _span_column(
        news_library, "How much did the terminal cost?", "480 million euros", "in_unit_asked"
    )
    numbers = {text: value for text, (kind, value) in spans.items() if kind is SpanType.NUMBER}
    assert numbers == {"480 million euros": 1.0, "over four years": 0.0}


def test_a_name_cut_before_its_last_word_is_not_a_full_name(seed_library: Library) -> None:
    """ "Zamir Kabulov, President Vladimir Putin's special representative …": "President
    Vladimir" is capitalised throughout, but Putin's name goes on after it."""
    question = "Who is Putin's special representative for Afghanistan?"
    spans = _span_column(seed_library, question, "Zamir Kabulov,", "full_name_for_person")
    assert spans["Zamir Kabulov"][1] == 1.0
    assert spans["President Vladimir"][1] == 0.0


def test_span_columns_hold_what_their_names_say(seed_library: Library) -> None:
    """ "In an article for Rossiyskaya Gazeta, Shoigu wrote that …": of the question's four
    equally weighted words, three stand before "Shoigu" and one after it, and "Shoigu" is a
    noun, not a verb. Columns are read by name (by training, tests and analyses), and ten
    of them were once named in another order than they were computed."""
    question = "Who wrote an article for Rossiyskaya Gazeta?"
    expected = {
        "asked_weight_left": 0.75,
        "asked_weight_right": 0.25,
        "holds_verb": 0.0,
        "ends_noun": 1.0,
        "asks_action": 0.0,
    }
    found = {
        column: round(_span_column(seed_library, question, "Shoigu wrote", column)["Shoigu"][1], 6)
        for column in expected
    }
    assert found == expected


def test_a_plural_head_noun_asks_for_more_than_one(seed_library: Library) -> None:
    """ "Which countries …?" is answered by a list ("China and the UAE"), "Which country
    …?" by one name: the span model reads which the question asks."""
    sentence = "China and the UAE"
    plural = _span_column(
        seed_library, "Which countries have accepted Taliban ambassadors?", sentence, "asks_plural"
    )
    single = _span_column(
        seed_library, "Which country has accepted Taliban ambassadors?", sentence, "asks_plural"
    )
    assert plural["China and the UAE"][1] == 1.0
    assert single["China and the UAE"][1] == 0.0


def test_no_sentences_no_spans(news_library: Library) -> None:
    question = read_question(news_library.index, "How much did the terminal cost?")
    assert choose_spans(question, [], news_library.model) == []


def test_a_kept_sentence_parse_leaves_the_garbage_collector_nothing_to_scan() -> None:
    """Thousands of parses are kept while serving; had they been objects, every full pass of
    the collector would walk them all (40-80 ms a pass at 1M passages)."""
    parse = parse_sentence("Kept parses: Russia recognised the IEA on July 3, 2025, in Moscow.")
    for _ in range(2):  # a tuple is let go once its items are, which can take two passes
        gc.collect()
    assert parse.words and parse.spans
    assert [part for part in (*parse.words, *parse.spans) if gc.is_tracked(part)] == []
