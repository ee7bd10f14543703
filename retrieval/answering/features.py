"""What the answer model sees: a row of numbers per passage, sentence, span and question.

Each ``*_FEATURES`` tuple names the columns its function returns, in order; the
fitted model (``model.json``) stores the same names and refuses to load if they
differ, so the code and the data file cannot drift apart silently. The values
are plain floats computed from the question's weighted concepts (IDF), BM25,
where the question's words stand, and whether a candidate is of the kind asked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from itertools import pairwise

from retrieval.analysis import plain_terms
from retrieval.answering.entities import (
    defines,
    find_dates,
    find_names,
    is_institution,
    is_place,
    numbers,
)
from retrieval.answering.kinds import AnswerKind, Measure
from retrieval.answering.question import Question
from retrieval.answering.reading import Reading
from retrieval.answering.span_candidates import (
    SentenceWords,
    SpanCandidate,
    SpanType,
    Word,
)
from retrieval.answering.wh_context import WhContext

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
SENTENCE_FEATURES = (
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
)

_ALL_KINDS = tuple(AnswerKind)
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
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "from", "of", "for", "with", "to", "into", "as", "than", "after"}
)
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "called", "named", "known"})
_KIND_COLUMNS = {
    (kind, kind_of_span): number
    for number, (kind, kind_of_span) in enumerate(
        (kind, kind_of_span) for kind in _ALL_KINDS for kind_of_span in _SPAN_TYPES
    )
}
_WORD_COUNT_COLUMNS = {n: tuple(float(n == k) for k in (1, 2, 3, 4, 5)) for n in (1, 2, 3, 4, 5)}
SPAN_FEATURES = (
    "sentence_logit",
    *(f"{kind}_asks_{kind_of_span}" for kind, kind_of_span in _KIND_COLUMNS),
    *(f"{measure}_with_unit" for measure in _MEASURES),
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
    "asked_weight_left",
    "asked_weight_right",
    "asked_weight_near",
    "asked_weight_nearby",
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
    number: int,
    passage_logit: float,
    bm25_share: float,
    similar: dict[str, float],
) -> list[float]:
    """``similar``: for each question concept, how close in meaning the sentence's nearest
    word is (cosine), which stands in for the concepts the sentence words differently."""
    evidence = question.evidence
    sets = reading.term_sets
    here = sets[number]
    previous = sets[number - 1] if number > 0 else frozenset()
    following = sets[number + 1] if number + 1 < len(sets) else frozenset()
    whole = reading.title_terms.union(*sets)
    terms = reading.terms[number]
    concepts = evidence.weights
    asked_terms = sum(term in concepts for term in terms)
    start, end = reading.sentences[number]
    sentence = reading.text[start:end]
    return [
        passage_logit,
        bm25_share,
        evidence.coverage(here),
        evidence.coverage(here | previous | following),
        evidence.coverage(previous),
        evidence.coverage(following),
        evidence.coverage(whole),
        len(concepts.keys() & here) / max(1, len(concepts)),
        _bigram_share(evidence.concepts, terms),
        _compactness(terms, concepts),
        *_holds_kind(question, sentence),
        float(question.asked.kind is AnswerKind.DEFINITION and defines(sentence)),
        float(number == 0),
        math.log1p(len(terms)) / 4,
        asked_terms / max(1, len(terms)),
        math.log1p(len(terms) - asked_terms) / 4,
        _paraphrase_coverage(evidence.weights, evidence.total, here, similar),
    ]


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
    if kind is AnswerKind.DATE:
        found = find_dates(sentence)
        if question.asked.measure is Measure.YEAR:
            found = [(a, b) for a, b in found if _YEAR.search(sentence, a, b)]
    elif kind is AnswerKind.NUMBER:
        found = numbers(sentence)
    elif kind is AnswerKind.PLACE:
        found = [span for span in find_names(sentence) if is_place(sentence, span)]
    else:
        found = find_names(sentence)
    new = any(not _only_question_words(sentence[a:b], question.words) for a, b in found)
    row[_TYPED_KINDS.index(kind)] = float(new)
    return row


def _only_question_words(text: str, words: frozenset[str]) -> bool:
    terms = plain_terms(text)
    return not terms or all(term in words for term in terms)


def span_features(
    question: Question,
    sentence: str,
    words: SentenceWords,
    candidate: SpanCandidate,
    sentence_logit: float,
) -> list[float]:
    asked = question.asked
    kind_row = [0.0] * len(_KIND_COLUMNS)
    kind_row[_KIND_COLUMNS[asked.kind, candidate.type]] = 1.0
    start, end = candidate.start, candidate.end
    has_unit = (
        candidate.type is SpanType.NUMBER
        and words.unit_marks_before[end] > words.unit_marks_before[start]
    )
    measure_row = [float(asked.measure is m and has_unit) for m in _MEASURES]
    first, last = candidate.first_word, candidate.last_word
    count = last - first + 1
    listed = words.words
    distance, before = _distance_to_asked(candidate, words.asked_positions)
    previous = listed[first - 1] if first > 0 else None
    following = listed[last + 1] if last + 1 < len(listed) else None
    previous_text = previous.text.casefold() if previous else ""
    last_word = listed[last].text.casefold()
    capitals = SentenceWords.between(words.capitals_before, first, last + 1)
    institution = asked.kind is AnswerKind.NAME and is_institution(sentence[start:end])
    return [
        sentence_logit,
        *kind_row,
        *measure_row,
        *_WORD_COUNT_COLUMNS[min(count, 5)],
        SentenceWords.between(words.asked_before, first, last + 1) / count,
        math.log1p(distance) if words.asked_positions else 0.0,
        float(not words.asked_positions),
        float(before),
        float(previous_text in _BEFORE_ARTICLES),
        float(previous_text in _PREPOSITIONS),
        float(previous_text in _COPULAS),
        float(previous is not None and previous.asked),
        float(following is not None and following.asked),
        float(following is not None and following.text.casefold() == "of"),
        float(_ends_clause(sentence, end)),
        capitals / count,
        float(words.digits_before[end] > words.digits_before[start]),
        float(last_word.endswith("ing")),
        float(last_word.endswith("ed")),
        float(last_word.endswith("ly")),
        float(institution),
        float(
            asked.kind is AnswerKind.NAME and count >= 2 and capitals == count and not institution
        ),
        SentenceWords.between(words.asked_before, first - NEAR_WORDS, first) / NEAR_WORDS,
        SentenceWords.between(words.asked_before, last + 1, last + 1 + NEAR_WORDS) / NEAR_WORDS,
        float(SentenceWords.between(words.heads_before, first - 1, last + 2) > 0),
        float(_in_parentheses(sentence, start, end)),
        float(bool(question.head_word)),
        max(words.head_closeness[first : last + 1]),
        *_wh_neighbours(question.wh, listed, first, last),
        *_asked_weight_around(words, first, last),
    ]


def _wh_neighbours(wh: WhContext, words: list[Word], first: int, last: int) -> list[float]:
    """Whether the candidate follows the word before the question's wh-word ("reported
    to [Mueller]"), the two words before it, and is followed by a word after it."""
    before, after = wh.before, wh.after
    previous = first > 0 and bool(before) and _keyed(words[first - 1], before[-1])
    both = previous and len(before) == 2 and first > 1 and _keyed(words[first - 2], before[0])
    follower = last + 1 < len(words) and any(_keyed(words[last + 1], keys) for keys in after)
    return [float(previous), float(both), float(follower)]


def _keyed(word: Word, keys: frozenset[str]) -> bool:
    return bool(word.terms & keys) or word.text.casefold() in keys


def _asked_weight_around(words: SentenceWords, first: int, last: int) -> list[float]:
    """Shares of the sentence's question weight left and right of the candidate, and
    within ``NEAR_WORDS`` and ``NEARBY_WORDS`` of it."""
    total = words.asked_weight or 1.0
    weight = words.asked_weight_before
    around = [
        SentenceWords.between(weight, first - reach, first)
        + SentenceWords.between(weight, last + 1, last + 1 + reach)
        for reach in (NEAR_WORDS, NEARBY_WORDS)
    ]
    left = SentenceWords.between(weight, 0, first)
    right = SentenceWords.between(weight, last + 1, len(words.words))
    return [left / total, right / total, around[0] / total, around[1] / total]


def _distance_to_asked(candidate: SpanCandidate, asked: list[int]) -> tuple[int, bool]:
    """Words between the candidate and the nearest question word, and whether it comes first."""
    best, before = 10_000, False
    for position in asked:
        if position < candidate.first_word:
            gap = candidate.first_word - position - 1
        elif position > candidate.last_word:
            gap = position - candidate.last_word - 1
        else:
            continue
        if gap < best:
            best, before = gap, position > candidate.last_word
    return best, before


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
    unseen = sum(evidence.weights[c] for c in evidence.unseen) / (evidence.total or 1.0)
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
