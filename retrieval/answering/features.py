"""What the answer model sees: a row of numbers per passage, sentence, span and question.

Each ``*_FEATURES`` tuple names the columns its function returns, in order; the
fitted model (``model.json``) stores the same names and refuses to load if they
differ, so the code and the data file cannot drift apart silently. The values
are plain floats computed from the question's weighted concepts (IDF), BM25,
where the question's words stand, whether a candidate is of the kind asked, and
what its edge words can be (a noun, a verb, a modifier).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from retrieval.analysis import plain_terms
from retrieval.analysis.terms import is_plural
from retrieval.answering.entities import (
    Span,
    defines,
    expressions,
    is_institution,
    number_measures,
)
from retrieval.answering.kinds import AnswerKind, AskedFor, Measure
from retrieval.answering.question import Question
from retrieval.answering.reading import Reading
from retrieval.answering.span_candidates import (
    Floats,
    SentenceWords,
    SpanCandidate,
    SpanType,
    Word,
)
from retrieval.answering.wh_context import WhContext
from retrieval.answering.word_odds import PLACES

PASSAGE_FEATURES = (
    "bm25_share",
    "bm25_log",
    "coverage",
    "concept_share",
    "title_coverage",
    "heaviest_missing",
    "length_log",
)

_TYPED_KINDS = (AnswerKind.DATE, AnswerKind.NUMBER, AnswerKind.NAME, AnswerKind.PLACE)
_ALL_KINDS = tuple(AnswerKind)
_OWN_SENTENCE_FEATURES = (
    "passage_logit",
    "bm25_share",
    "coverage",
    "context_coverage",
    "previous_coverage",
    "next_coverage",
    "passage_coverage",
    "concept_share",
    "bigram_share",
    "compactness",
    *(f"holds_{kind}" for kind in _TYPED_KINDS),
    "defines_for_definition",
    "first_sentence",
    "length_log",
    "question_share",
    "new_terms_log",
    "paraphrase_coverage",
    "context_closest_coverage",
    "context_meaning_cosine",
    "holds_measure",
    *(f"asks_{kind}" for kind in _ALL_KINDS),
)
_COMPARED_WITH_ALL = (
    "passage_logit",
    "coverage",
    "context_coverage",
    "passage_coverage",
    "bigram_share",
    "compactness",
    "paraphrase_coverage",
    "concept_share",
)
_COMPARED_IN_PASSAGE = ("coverage", "context_coverage", "paraphrase_coverage", "compactness")
SENTENCE_FEATURES = (
    *_OWN_SENTENCE_FEATURES,
    *(f"{name}_below_best" for name in _COMPARED_WITH_ALL),
    *(f"{name}_below_passage_best" for name in _COMPARED_IN_PASSAGE),
)
SENTENCE_RISING = (
    "passage_logit",
    "bm25_share",
    "coverage",
    "context_coverage",
    "passage_coverage",
    "concept_share",
    "bigram_share",
    "paraphrase_coverage",
    "context_closest_coverage",
    "context_meaning_cosine",
    *(f"holds_{kind}" for kind in _TYPED_KINDS),
    "holds_measure",
    "defines_for_definition",
    *SENTENCE_FEATURES[len(_OWN_SENTENCE_FEATURES) :],
)
"""The columns along which a sentence never becomes less likely to answer as they rise.
Fitted free, the trees learnt SQuAD's habits: a seed "where" question's sentence without
the place asked for outranked the one that names it, and words the question shares only in
meaning counted for little. Held to these, they answer the seed questions as the
regression did, and SQuAD dev's answering sentence is still on top more often (74.0%
against the regression's 73.2% and free trees' 74.4%)."""
_ALL_COLUMNS = tuple(_OWN_SENTENCE_FEATURES.index(name) for name in _COMPARED_WITH_ALL)
_PASSAGE_COLUMNS = tuple(_OWN_SENTENCE_FEATURES.index(name) for name in _COMPARED_IN_PASSAGE)

_SPAN_TYPES = tuple(SpanType)
_MEASURES = (Measure.COUNT, Measure.AMOUNT, Measure.SIZE, Measure.AGE)
_YEAR = re.compile(r"\d{3,4}")
"""What makes a date name its year."""
_NEGATIONS = frozenset({"not", "never", "no", "n't", "without", "didn't", "wasn't", "isn't"})
NEAR_WORDS = 3
"""How many words on each side of a span count as its neighbourhood (less than
``WORD_MARGIN``, which the counts are padded by)."""
NEARBY_WORDS = 6
_BEFORE_ARTICLES = frozenset({"the", "a", "an"})
_PASSED_AFTER = _BEFORE_ARTICLES | {"which", "who"}
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "from", "of", "for", "with", "to", "into", "as", "than", "after"}
)
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "called", "named", "known"})
_ASKS_ACTION = re.compile(r"\bdo(?:ing)?\b\W*$", re.IGNORECASE)
""""What did the merchants plot to do?": a verb phrase answers it, not a noun phrase."""
_KIND_COLUMNS = {
    (kind, kind_of_span): number
    for number, (kind, kind_of_span) in enumerate(
        (kind, kind_of_span) for kind in _ALL_KINDS for kind_of_span in _SPAN_TYPES
    )
}
SPAN_FEATURES = (
    "sentence_logit",
    *(f"{kind}_asks_{kind_of_span}" for kind, kind_of_span in _KIND_COLUMNS),
    *(f"{measure}_with_unit" for measure in _MEASURES),
    "in_unit_asked",
    *(f"words_{count}" for count in (1, 2, 3, 4, 5)),
    "asked_share",
    "distance_log",
    "no_asked_word",
    "before_asked_word",
    "after_article",
    "after_preposition",
    "after_copula",
    "after_asked_word",
    "before_asked_next",
    "before_of",
    "at_clause_end",
    "capitalised_share",
    "has_digit",
    "ends_ing",
    "ends_ed",
    "ends_ly",
    "institution_for_person",
    "full_name_for_person",
    "asked_words_before",
    "asked_words_after",
    "by_question_head",
    "in_parentheses",
    "asks_head",
    "head_closeness",
    "after_wh_neighbour",
    "after_wh_neighbours",
    "before_wh_follower",
    "after_question_end",
    "after_question_ends",
    "asked_weight_left",
    "asked_weight_right",
    "asked_weight_near",
    "asked_weight_nearby",
    "holds_verb",
    "starts_verb",
    "ends_noun",
    "before_noun",
    "after_modifier",
    "asks_action",
    "asks_plural",
    "close_before",
    "close_after",
    "close_within",
    *(f"odds_{place}" for place in PLACES),
)

ANSWERABLE_FEATURES = (
    "best_sentence_logit",
    "second_passage_logit",
    "best_passage_logit",
    "best_span_logit",
    "passage_coverage",
    "sentence_coverage",
    "unseen_share",
    "heaviest_missing",
    "names_missing",
    "number_missing",
    "negation",
    "concepts_log",
    *(f"asks_{kind}" for kind in _ALL_KINDS),
)


def passage_features(
    question: Question,
    score: float,
    top_score: float,
    held: set[str],
    title_terms: frozenset[str],
    length: int,
) -> list[float]:
    """From the index alone (no reading): cheap enough for every retrieved passage."""
    evidence = question.evidence
    found = [evidence.holds(concept, held) for concept in evidence.concepts]
    missing = [evidence.weights[c] for c, f in zip(evidence.concepts, found, strict=True) if not f]
    total = evidence.total or 1.0
    return [
        score / top_score if top_score > 0 else 0.0,
        math.log1p(score),
        evidence.coverage(held),
        sum(found) / max(1, len(evidence.concepts)),
        evidence.coverage(title_terms),
        max(missing, default=0.0) / total,
        math.log1p(length) / 8,
    ]


def sentence_features(
    question: Question,
    reading: Reading,
    passage_logit: float,
    bm25_share: float,
    similar: list[dict[str, float]],
    meaning: list[tuple[float, float]],
) -> list[list[float]]:
    """A row for each sentence of a passage: the sentence's own columns of
    ``SENTENCE_FEATURES`` (``compared_sentence_features`` adds the rest). ``similar``: for
    each sentence and question concept, how close in meaning the sentence's nearest word is
    (cosine), which stands in for the concepts the sentence words differently; ``meaning``:
    how close in meaning the sentence with its neighbours is to the question
    (``semantic.closeness_around`` and ``semantic.meaning_by_sentence``).

    A passage's sentences are described together because each row also reads its
    neighbours' coverage and the whole passage's, which are computed once."""
    evidence = question.evidence
    sets = reading.term_sets
    empty: frozenset[str] = frozenset()
    # Each sentence's coverage, between those of the (missing) sentences at the edges.
    around = [0.0, *(evidence.coverage(here) for here in sets), 0.0]
    passage_coverage = evidence.coverage(reading.all_terms)
    concepts = evidence.weights
    # The kind asked is a column of its own, so the trees weigh the others by it.
    asks = [float(question.asked.kind is kind) for kind in _ALL_KINDS]
    rows = []
    for number, here in enumerate(sets):
        previous = sets[number - 1] if number > 0 else empty
        following = sets[number + 1] if number + 1 < len(sets) else empty
        terms = reading.terms[number]
        asked_terms = sum(term in concepts for term in terms)
        start, end = reading.sentences[number]
        sentence = reading.text[start:end]
        rows.append(
            [
                passage_logit,
                bm25_share,
                around[number + 1],
                evidence.coverage(here | previous | following),
                around[number],
                around[number + 2],
                passage_coverage,
                len(concepts.keys() & here) / max(1, len(concepts)),
                _bigram_share(evidence.concepts, terms),
                _compactness(terms, concepts),
                *_holds_kind(question, sentence),
                float(question.asked.kind is AnswerKind.DEFINITION and defines(sentence)),
                float(number == 0),
                math.log1p(len(terms)) / 4,
                asked_terms / max(1, len(terms)),
                math.log1p(len(terms) - asked_terms) / 4,
                _paraphrase_coverage(evidence.weights, evidence.total, here, similar[number]),
                *meaning[number],
                _holds_measure(question, sentence),
                *asks,
            ]
        )
    return rows


def compared_sentence_features(passages: list[list[list[float]]]) -> list[list[list[float]]]:
    """Each sentence's row (from ``sentence_features``, one list per passage read) followed by
    how far it falls below the best sentence read, and below the best of its own passage, on
    the columns that say how well it meets the question.

    Whether a sentence answers depends on its rivals: covering 60% of the question wins when
    no sentence covers more and loses beside one that covers it all. A model that scores
    sentences one at a time sees that only through these gaps (on SQuAD dev, 100 trees put
    the answering sentence on top for 73.8% of questions without them, 74.2% with them)."""
    best = [max((row[c] for rows in passages for row in rows), default=0.0) for c in _ALL_COLUMNS]
    compared = []
    for rows in passages:
        best_here = [max((row[c] for row in rows), default=0.0) for c in _PASSAGE_COLUMNS]
        compared.append(
            [
                [
                    *row,
                    *(row[c] - top for c, top in zip(_ALL_COLUMNS, best, strict=True)),
                    *(row[c] - top for c, top in zip(_PASSAGE_COLUMNS, best_here, strict=True)),
                ]
                for row in rows
            ]
        )
    return compared


def _paraphrase_coverage(
    weights: dict[str, float], total: float, here: frozenset[str], similar: dict[str, float]
) -> float:
    """Share of the question's weight that the sentence says in other words."""
    found = sum(
        weights[concept] * max(0.0, closeness)
        for concept, closeness in similar.items()
        if concept not in here
    )
    return found / total if total > 0 else 0.0


def _bigram_share(concepts: list[str], terms: list[str]) -> float:
    """Share of the question's neighbouring concept pairs that stand near each other here."""
    pairs = list(pairwise(concepts))
    if not pairs:
        return 0.0
    positions: dict[str, list[int]] = {}
    for position, term in enumerate(terms):
        positions.setdefault(term, []).append(position)
    near = sum(
        any(abs(a - b) <= 3 for a in positions.get(left, ()) for b in positions.get(right, ()))
        for left, right in pairs
    )
    return near / len(pairs)


def _compactness(terms: list[str], concepts: dict[str, float]) -> float:
    """How tightly the question's concepts sit together: found ones over the window they span."""
    positions = [position for position, term in enumerate(terms) if term in concepts]
    if len(positions) < 2:
        return float(len(positions))
    return len(positions) / (positions[-1] - positions[0] + 1)


def _holds_kind(question: Question, sentence: str) -> list[float]:
    """One column per typed kind: 1 when the question asks for it and the sentence holds one
    that the question does not already say."""
    kind = question.asked.kind
    row = [0.0] * len(_TYPED_KINDS)
    if kind not in _TYPED_KINDS:
        return row
    held = expressions(sentence)
    found: tuple[Span, ...]
    if kind is AnswerKind.DATE:
        found = held.dates
        if question.asked.measure is Measure.YEAR:
            found = tuple((a, b) for a, b in found if _YEAR.search(sentence, a, b))
    elif kind is AnswerKind.NUMBER:
        found = held.numbers
    elif kind is AnswerKind.PLACE:
        found = held.places
    else:
        found = held.names
    new = any(not _only_question_words(sentence[a:b], question.words) for a, b in found)
    row[_TYPED_KINDS.index(kind)] = float(new)
    return row


def _holds_measure(question: Question, sentence: str) -> float:
    """1 when the question asks for a number of some measure and the sentence holds one in
    a unit of it: "480 million euros" answers "how much did the terminal cost?", "1.2
    million containers" does not."""
    measure = _measure_asked(question.asked)
    if measure is None:
        return 0.0
    numbers = expressions(sentence).numbers
    return float(any(measure in number_measures(sentence[a:b]) for a, b in numbers))


def _measure_asked(asked: AskedFor) -> Measure | None:
    """The measure of the number the question asks for, if it asks for a measured number."""
    if asked.kind is not AnswerKind.NUMBER or asked.measure is Measure.NONE:
        return None
    return asked.measure


def _only_question_words(text: str, words: frozenset[str]) -> bool:
    terms = plain_terms(text)
    return not terms or all(term in words for term in terms)


def span_features(
    question: Question,
    sentence: str,
    words: SentenceWords,
    candidates: list[SpanCandidate],
    sentence_logit: float,
    odds: Floats,
) -> Floats:
    """One row per candidate, the columns of ``SPAN_FEATURES``; ``odds`` holds the word
    odds' columns (``word_odds``).

    The table is filled column by column for all of a sentence's candidates at once, from
    per-word flags and running counts: a Python row per candidate was the answer path's
    largest cost after retrieval."""
    asked = question.asked
    count = len(candidates)
    first = np.fromiter((c.first_word for c in candidates), np.intp, count)
    last = np.fromiter((c.last_word for c in candidates), np.intp, count)
    starts = np.fromiter((c.start for c in candidates), np.intp, count)
    ends = np.fromiter((c.end for c in candidates), np.intp, count)
    length = last - first + 1
    listed = words.words
    folded = [word.text.casefold() for word in listed]
    between = SentenceWords.between
    distance, before = _distance_to_asked(first, last, words.asked_positions)
    capitals = between(words.capitals_before, first, last + 1)
    institution = np.fromiter(
        (
            asked.kind is AnswerKind.NAME and is_institution(sentence[c.start : c.end])
            for c in candidates
        ),
        bool,
        count,
    )
    columns = [
        np.full(count, sentence_logit),
        *_kind_columns(asked.kind, candidates),
        *_measure_columns(asked.measure, candidates, words, starts, ends),
        _in_unit_asked(asked, sentence, candidates),
        *(np.minimum(length, 5) == words_long for words_long in (1, 2, 3, 4, 5)),
        between(words.asked_before, first, last + 1) / length,
        (
            np.fromiter((math.log1p(gap) for gap in distance.tolist()), np.float64, count)
            if len(words.asked_positions)
            else np.zeros(count)
        ),
        np.full(count, float(not len(words.asked_positions))),
        before,
        _previous(first, [word in _BEFORE_ARTICLES for word in folded]),
        _previous(first, [word in _PREPOSITIONS for word in folded]),
        _previous(first, [word in _COPULAS for word in folded]),
        _previous(first, [word.asked for word in listed]),
        _following(last, [word.asked for word in listed]),
        _following(last, [word == "of" for word in folded]),
        [_ends_clause(sentence, c.end) for c in candidates],
        capitals / length,
        words.digits_before[ends] > words.digits_before[starts],
        *(
            np.asarray([word.endswith(suffix) for word in folded], bool)[last]
            for suffix in ("ing", "ed", "ly")
        ),
        institution,
        (asked.kind is AnswerKind.NAME)
        & (length >= 2)
        & (capitals == length)
        & ~institution
        & ~words.name_goes_on[last],
        between(words.asked_before, first - NEAR_WORDS, first) / NEAR_WORDS,
        between(words.asked_before, last + 1, last + 1 + NEAR_WORDS) / NEAR_WORDS,
        between(words.heads_before, first - 1, last + 2) > 0,
        [_in_parentheses(sentence, c.start, c.end) for c in candidates],
        np.full(count, float(bool(question.head_word))),
        _greatest_within(words.head_closeness, first, last),
        *_wh_neighbours(question.wh, listed, first, last),
        *_after_question_end(question.wh, listed, first),
        *_asked_weight_around(words, first, last),
        *_class_columns(words, first, last),
        np.full(count, float(bool(_ASKS_ACTION.search(question.text)))),
        np.full(count, float(is_plural(question.head_word))),
        *_closeness_around(words.question_closeness, first, last),
    ]
    table = np.empty((count, len(columns) + odds.shape[1]))
    for number, column in enumerate(columns):
        table[:, number] = column
    table[:, len(columns) :] = odds
    return table


def _closeness_around(
    closeness: Floats, first: npt.NDArray[np.intp], last: npt.NDArray[np.intp]
) -> list[Floats]:
    """The closest a word within ``NEAR_WORDS`` before each candidate, after it, and in it
    comes to a question word it does not repeat: the answer stands beside the question's
    words even when the sentence puts them otherwise ("defeated the Arizona Cardinals" for
    "Who did the Panthers play?")."""
    if not len(first):
        return [np.zeros(0)] * 3
    padded = np.pad(closeness, NEAR_WORDS)
    nearest = np.lib.stride_tricks.sliding_window_view(padded, NEAR_WORDS).max(axis=1)
    # nearest[i] is the greatest of closeness[i - NEAR_WORDS : i], clipped to the sentence.
    within = _greatest_within(closeness, first, last)
    return [nearest[first], nearest[last + 1 + NEAR_WORDS], within]


def _class_columns(
    words: SentenceWords, first: npt.NDArray[np.intp], last: npt.NDArray[np.intp]
) -> list[npt.NDArray[np.bool_]]:
    """Whether a candidate holds a verb, starts with one, ends with a noun, stops before a
    noun the question lacks (its own head cut off) or starts after a modifier of its own."""
    classes = words.classes
    asked = np.fromiter((word.asked for word in words.words), bool, len(words.words))
    return [
        SentenceWords.between(words.verbs_before, first, last + 1) > 0,
        classes.verbs[first],
        classes.nouns[last],
        _following(last, (classes.nouns & ~asked).tolist()),
        _previous(first, classes.modifiers.tolist()),
    ]


def _kind_columns(asked: AnswerKind, candidates: list[SpanCandidate]) -> Floats:
    """One-hot: which (asked kind, candidate type) pair each candidate is."""
    table = np.zeros((len(_KIND_COLUMNS), len(candidates)))
    kinds = [_KIND_COLUMNS[asked, candidate.type] for candidate in candidates]
    table[kinds, np.arange(len(candidates))] = 1.0
    return table


def _measure_columns(
    measure: Measure,
    candidates: list[SpanCandidate],
    words: SentenceWords,
    starts: npt.NDArray[np.intp],
    ends: npt.NDArray[np.intp],
) -> list[npt.NDArray[np.bool_]]:
    """Whether the question asks for this measure and the candidate is a number with a unit."""
    is_number = np.asarray([c.type is SpanType.NUMBER for c in candidates], bool)
    has_unit = is_number & (words.unit_marks_before[ends] > words.unit_marks_before[starts])
    return [has_unit & (measure is m) for m in _MEASURES]


def _in_unit_asked(
    asked: AskedFor, sentence: str, candidates: list[SpanCandidate]
) -> npt.NDArray[np.bool_]:
    """Whether the candidate is a number whose unit answers the measure asked ("480 million
    euros" for "how much", not "1.2 million containers")."""
    measure = _measure_asked(asked)
    if measure is None:
        return np.zeros(len(candidates), dtype=bool)
    return np.fromiter(
        (
            c.type is SpanType.NUMBER and measure in number_measures(sentence[c.start : c.end])
            for c in candidates
        ),
        bool,
        len(candidates),
    )


def _previous(first: npt.NDArray[np.intp], flags: list[bool]) -> npt.NDArray[np.bool_]:
    """Whether the word before each candidate is flagged."""
    return _flagged_at(first - 1, flags)


def _following(last: npt.NDArray[np.intp], flags: list[bool]) -> npt.NDArray[np.bool_]:
    """Whether the word after each candidate is flagged."""
    return _flagged_at(last + 1, flags)


def _greatest_within(
    values: Floats, first: npt.NDArray[np.intp], last: npt.NDArray[np.intp]
) -> Floats:
    """The largest of ``values[first:last + 1]`` for each candidate."""
    if not len(first):
        return np.zeros(0)
    bounds = np.column_stack([first, last + 1]).ravel()
    greatest: Floats = np.maximum.reduceat(np.append(values, 0.0), bounds)[::2]
    return greatest


def _wh_neighbours(
    wh: WhContext, words: list[Word], first: npt.NDArray[np.intp], last: npt.NDArray[np.intp]
) -> list[npt.NDArray[np.bool_]]:
    """Whether each candidate follows the word before the question's wh-word ("reported
    to [Mueller]"), the two words before it, and is followed by a word after it
    ("[Nur-Sultan], the capital of" for "What is the capital of …?")."""
    previous, in_order = _after_words(wh.before, words, first)
    both = in_order if len(wh.before) == 2 else np.zeros(len(first), bool)
    flags = [any(_keyed(word, keys) for keys in wh.after) for word in words]
    follower = _flagged_at(_word_after(last, words), flags)
    return [previous, both, follower]


def _after_question_end(
    wh: WhContext, words: list[Word], first: npt.NDArray[np.intp]
) -> list[npt.NDArray[np.bool_]]:
    """Whether each candidate follows the question's last word, and its last words in order
    ("… did not believe in [telepathy]"), when the wh-word leads the question."""
    return list(_after_words(wh.end, words, first))


def _after_words(
    keys: tuple[frozenset[str], ...], words: list[Word], first: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Whether each candidate follows the last of ``keys``, and all of them in order (none
    when there are no keys)."""
    if not keys:
        return np.zeros(len(first), bool), np.zeros(len(first), bool)
    before = _word_before(first, words)
    nearest = _flagged_at(before, [_keyed(word, keys[-1]) for word in words])
    in_order = nearest.copy()
    for back, key in enumerate(reversed(keys[:-1]), start=1):
        in_order &= _flagged_at(before - back, [_keyed(word, key) for word in words])
    return nearest, in_order


def _word_before(first: npt.NDArray[np.intp], words: list[Word]) -> npt.NDArray[np.intp]:
    """The word each candidate follows, past an article (-1 for none): a question passes
    over its articles ("What is the capital of …?" asks about "capital of"), so a
    sentence's may not hide its answer's neighbours ("founded by the [Romans]")."""
    articles = np.asarray([word.text.casefold() in _BEFORE_ARTICLES for word in words], bool)
    before = first - 1
    past = (before >= 0) & np.append(articles, False)[before]
    word: npt.NDArray[np.intp] = before - past
    return word


def _word_after(last: npt.NDArray[np.intp], words: list[Word]) -> npt.NDArray[np.intp]:
    """The word after each candidate, past an article or a relative pronoun (``len(words)``
    for none): "[Iran], which holds the presidency" answers "Which country holds the
    presidency?"."""
    passed = np.asarray([word.text.casefold() in _PASSED_AFTER for word in words], bool)
    after = last + 1
    word: npt.NDArray[np.intp] = after + np.append(passed, False)[after]
    return word


def _flagged_at(at: npt.NDArray[np.intp], flags: list[bool]) -> npt.NDArray[np.bool_]:
    """Whether the word at each position is flagged; positions before the first word or
    past the last are not."""
    padded = np.asarray([False, *flags, False], bool)
    flagged: npt.NDArray[np.bool_] = padded[np.clip(at, -1, len(flags)) + 1]
    return flagged


def _keyed(word: Word, keys: frozenset[str]) -> bool:
    return bool(word.terms & keys) or word.text.casefold() in keys


def _asked_weight_around(
    words: SentenceWords, first: npt.NDArray[np.intp], last: npt.NDArray[np.intp]
) -> list[Floats]:
    """Shares of the sentence's question weight left and right of each candidate, and
    within ``NEAR_WORDS`` and ``NEARBY_WORDS`` of it."""
    total = words.asked_weight or 1.0
    weight = words.asked_weight_before
    between = SentenceWords.between
    around = [
        between(weight, first - reach, first) + between(weight, last + 1, last + 1 + reach)
        for reach in (NEAR_WORDS, NEARBY_WORDS)
    ]
    left = between(weight, 0, first)
    right = between(weight, last + 1, len(words.words))
    return [left / total, right / total, around[0] / total, around[1] / total]


def _distance_to_asked(
    first: npt.NDArray[np.intp], last: npt.NDArray[np.intp], asked: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """Words between each candidate and the nearest question word outside it, and whether
    that word comes after it (a tie goes to the word before)."""
    none = np.full(len(first), 10_000, np.intp)
    if not len(asked):
        return none, np.zeros(len(first), bool)
    left_at = np.searchsorted(asked, first) - 1
    left_gap = np.where(left_at >= 0, first - asked[np.maximum(left_at, 0)] - 1, none)
    right_at = np.searchsorted(asked, last, side="right")
    right_gap = np.where(
        right_at < len(asked), asked[np.minimum(right_at, len(asked) - 1)] - last - 1, none
    )
    return np.minimum(left_gap, right_gap), right_gap < left_gap


def _ends_clause(sentence: str, end: int) -> bool:
    rest = sentence[end : end + 2].lstrip()
    return not rest or rest[0] in ',;:.)!?"”’'


def _in_parentheses(sentence: str, start: int, end: int) -> bool:
    return sentence[:start].rstrip().endswith("(") and sentence[end:].lstrip().startswith(")")


def answerable_features(
    question: Question,
    best_sentence_logit: float,
    second_passage_logit: float,
    best_passage_logit: float,
    best_span_logit: float,
    passage_coverage: float,
    sentence_coverage: float,
    heaviest_missing: float,
    best_passage_terms: Collection[str],
    best_document_terms: Collection[str],
) -> list[float]:
    """``heaviest_missing``: the weight share of the weightiest concept the best passage
    lacks (an unanswerable question often swaps in one thing the article does not say).

    Names and numbers count apart: an unanswerable question is often an answerable one
    with a name or a year swapped ("In February 2005, …" of a passage that says 2015).
    A name is looked for in the whole article, since news often names a place once, in
    its opening lines, and a number in the passage. Cross-validated on train-v2.0, the two
    took the unanswerable questions declined at 3% of answerable ones from 5.9% to 11.5%
    (names looked for in the passage alone: 14.4%, but a news question about where a
    meeting took place is then declined)."""
    evidence = question.evidence
    unseen = sum(
        w
        for c, w in evidence.weights.items()
        if c in evidence.unseen and c not in evidence.alternatives
    ) / (evidence.total or 1.0)
    negated = any(word in _NEGATIONS for word in question.text.casefold().split())
    return [
        best_sentence_logit,
        second_passage_logit,
        best_passage_logit,
        best_span_logit,
        passage_coverage,
        sentence_coverage,
        unseen,
        heaviest_missing,
        evidence.missing_share(evidence.names, best_document_terms),
        float(any(not evidence.holds(n, best_passage_terms) for n in evidence.numbers)),
        float(negated),
        math.log1p(len(evidence.concepts)),
        *(float(question.asked.kind is kind) for kind in _ALL_KINDS),
    ]
