"""Candidate answer spans inside a sentence, each typed.

Typed spans come from the expression finders (dates, numbers with their unit,
names, places, lists of places); every other short phrase of the sentence that
does not start or end with a function word is a candidate too, because "what"
questions are answered by noun phrases that no pattern names. The answer model
chooses among them; nothing here decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from retrieval.analysis import plain_terms
from retrieval.analysis.stopwords import STOPWORDS
from retrieval.answering.entities import expressions, join_lists
from retrieval.answering.word_classes import WordFlags, word_flags

MAX_PHRASE_WORDS = 5
PARSES_KEPT = 2048
WORD_MARGIN = 8
"""How many words beyond either end of a sentence a counted range may reach (features look
a few words to each side of a span)."""

_WORD = re.compile(r"[^\W_][\w'’.$£€%-]*")
_UNIT_SIGNS = frozenset("%$£€")
_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s|\.\s")


Floats = npt.NDArray[np.float64]
Positions = int | npt.NDArray[np.intp]
ParsedWord = tuple[int, int, str, tuple[str, ...]]
"""A word's start and end in its sentence, its text and its terms."""
ParsedSpan = tuple[int, int, str, int, int]
"""A ``SpanCandidate``'s fields, its type as its value."""


class SpanType(StrEnum):
    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    PLACE = "place"
    LIST = "list"
    PHRASE = "phrase"


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    asked: bool
    """The word is one of the question's own."""
    terms: frozenset[str]


@dataclass(frozen=True)
class SpanCandidate:
    start: int
    end: int
    """Offsets into the sentence."""
    type: SpanType
    first_word: int
    last_word: int
    """Indices into the sentence's words (inclusive)."""


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's words with running counts as arrays, so that the share of question words
    or capitals in every candidate of the sentence is two look-ups for all of them at once (a
    sentence has dozens of candidates)."""

    words: list[Word]
    asked_positions: npt.NDArray[np.intp]
    """The positions of the words that are the question's, in order."""
    asked_before: Floats
    """Running counts of words that are the question's; see ``between``."""
    capitals_before: Floats
    heads_before: Floats
    """Counts of words that are the noun the question asks about."""
    digits_before: npt.NDArray[np.intp]
    """``digits_before[i]``: how many of the sentence's first ``i`` characters are digits."""
    unit_marks_before: npt.NDArray[np.intp]
    """The same for letters and currency or percent signs (what makes a number a measure)."""
    classes: WordFlags
    """What each word can be: only a verb, a noun, only a modifier."""
    name_goes_on: npt.NDArray[np.bool_]
    """For each word, whether a capitalised word follows it with nothing but a space
    between: a span ending there stops inside a name ("President Vladimir" of "President
    Vladimir Putin's envoy")."""
    verbs_before: Floats
    """Running counts of the words that can only be verbs."""
    head_closeness: Floats
    """Each word's cosine to the noun the question asks about (zeros when it names none)."""
    question_closeness: Floats
    """Each word's highest cosine to a word of the question, zero for the question's own
    words: where the question stands in other words ("defeated" for "play")."""
    asked_weight_before: Floats
    """Running sums of the question's weight (IDF) that the words carry: where the heavy
    question words stand, left or right of a candidate, near or far."""

    @classmethod
    def of(
        cls,
        sentence: str,
        words: list[Word],
        head: frozenset[str],
        head_closeness: list[float],
        question_closeness: Floats,
        weights: dict[str, float],
    ) -> SentenceWords:
        parse = parse_sentence(sentence)
        return cls(
            words,
            np.asarray([number for number, word in enumerate(words) if word.asked], np.intp),
            _padded_running([word.asked for word in words]),
            _padded_running([word.text[:1].isupper() for word in words]),
            _padded_running([bool(word.terms & head) for word in words]),
            parse.digits_before,
            parse.unit_marks_before,
            parse.classes,
            parse.name_goes_on,
            _padded_running(parse.classes.verbs.tolist()),
            np.asarray(head_closeness, np.float64),
            np.where([word.asked for word in words], 0.0, question_closeness),
            _padded_running([_asked_weight(word, weights) for word in words]),
        )

    @property
    def asked_weight(self) -> float:
        """The question's weight the whole sentence carries."""
        return float(self.asked_weight_before[-1])

    @staticmethod
    def between(counts: Floats, start: Positions, end: Positions) -> Floats:
        """How many counted words (or how much of a running sum) stand in
        ``words[start:end]``, the range clipped to the sentence; ``start`` and ``end``
        may reach ``WORD_MARGIN`` words beyond its ends. Either may be an array of
        positions, one per candidate.

        The counts are padded by that margin on both sides, so clipping costs nothing."""
        result: Floats = counts[end + WORD_MARGIN] - counts[start + WORD_MARGIN]
        return result


def _running(flags: Iterable[bool], length: int) -> npt.NDArray[np.intp]:
    counts = np.zeros(length + 1, np.intp)
    np.cumsum(np.fromiter(flags, np.intp, length), out=counts[1:])
    return counts


def _padded_running(values: list[float]) -> Floats:
    """Running sums (added left to right, as Python's ``accumulate`` does), padded by
    ``WORD_MARGIN`` on both sides."""
    counts = np.cumsum(np.asarray(values, np.float64))
    total = counts[-1] if len(counts) else 0.0
    return np.concatenate(
        [np.zeros(WORD_MARGIN + 1), counts, np.full(WORD_MARGIN, total, np.float64)]
    )


def _asked_weight(word: Word, weights: dict[str, float]) -> float:
    return sum(weights.get(term, 0.0) for term in sorted(word.terms)) if word.asked else 0.0


def written_words(text: str) -> list[str]:
    """The words of ``text`` split as a sentence's are, so that a question's words and a
    sentence's can be compared one for one."""
    return [match.group().rstrip(".") for match in _WORD.finditer(text)]


@dataclass(frozen=True)
class SentenceParse:
    """What a sentence offers as an answer, whatever the question: its words and its
    candidate spans, typed."""

    words: tuple[ParsedWord, ...]
    spans: tuple[ParsedSpan, ...]
    """Every candidate, those made only of a question's words too (``span_candidates``
    leaves them out for each question).

    Words and spans are kept as tuples of numbers and strings, which the garbage collector
    stops tracking, rather than objects: thousands of kept parses made each of its full
    passes take 40-80 ms at 1M passages, once every few dozen questions."""
    digits_before: npt.NDArray[np.intp]
    unit_marks_before: npt.NDArray[np.intp]
    classes: WordFlags
    name_goes_on: npt.NDArray[np.bool_]


@lru_cache(maxsize=PARSES_KEPT)
def parse_sentence(sentence: str) -> SentenceParse:
    """The sentence's parse, kept for the last ``PARSES_KEPT`` sentences: the same passages
    come back for related questions, and finding names and dates is most of the work."""
    words = []
    for match in _WORD.finditer(sentence):
        text = match.group().rstrip(".")
        end = match.start() + len(text)
        words.append((match.start(), end, text, tuple(sorted(set(plain_terms(text))))))
    counts = (
        _running(map(str.isdigit, sentence), len(sentence)),
        _running((char.isalpha() or char in _UNIT_SIGNS for char in sentence), len(sentence)),
    )
    for array in counts:
        array.setflags(write=False)
    classes = word_flags([text for _, _, text, _ in words])
    return SentenceParse(
        tuple(words),
        tuple(_typed_spans(sentence, words)),
        *counts,
        classes,
        _name_goes_on(sentence, words),
    )


def _name_goes_on(sentence: str, words: list[ParsedWord]) -> npt.NDArray[np.bool_]:
    goes_on = [
        following[2][:1].isupper() and not sentence[word[1] : following[0]].strip()
        for word, following in pairwise(words)
    ]
    flags = np.asarray([*goes_on, False], bool)
    flags.setflags(write=False)
    return flags


def sentence_words(sentence: str, question_words: frozenset[str]) -> list[Word]:
    words = []
    for start, end, text, parsed_terms in parse_sentence(sentence).words:
        terms = frozenset(parsed_terms)
        words.append(Word(start, end, text, bool(terms) and terms <= question_words, terms))
    return words


def span_candidates(sentence: str, words: list[Word]) -> list[SpanCandidate]:
    """Every candidate of the sentence, typed ones first, none made only of the question."""
    return [
        SpanCandidate(start, end, SpanType(kind), first, last)
        for start, end, kind, first, last in parse_sentence(sentence).spans
        if not all(word.asked for word in words[first : last + 1])
    ]


def _typed_spans(sentence: str, words: list[ParsedWord]) -> list[ParsedSpan]:
    typed: dict[tuple[int, int], SpanType] = {}
    found = expressions(sentence)
    for span in found.dates:
        typed.setdefault(span, SpanType.DATE)
    for span in found.numbers:
        typed.setdefault(span, SpanType.NUMBER)
    for span in found.names:
        typed.setdefault(span, SpanType.PLACE if span in found.places else SpanType.NAME)
    for span in join_lists(sentence, list(found.names)):
        typed.setdefault(span, SpanType.LIST)
    for span in _phrases(sentence, words):
        typed.setdefault(span, SpanType.PHRASE)
    starts = {word[0]: number for number, word in enumerate(words)}
    ends = {word[1]: number for number, word in enumerate(words)}
    spans = []
    for (start, end), kind in typed.items():
        first, last = _word_range(start, end, starts, ends, words)
        if first <= last:
            spans.append((start, end, kind.value, first, last))
    return spans


def _phrases(sentence: str, words: list[ParsedWord]) -> list[tuple[int, int]]:
    """Runs of up to ``MAX_PHRASE_WORDS`` words within one clause, edged by content words."""
    function_word = [text.casefold() in STOPWORDS for _, _, text, _ in words]
    spans = []
    for first in range(len(words)):
        if function_word[first]:
            continue
        for last in range(first, min(first + MAX_PHRASE_WORDS, len(words))):
            if last > first and _BREAK.search(sentence, words[last - 1][1], words[last][0]):
                break
            if not function_word[last]:
                spans.append((words[first][0], words[last][1]))
    return spans


def _word_range(
    start: int,
    end: int,
    starts: dict[int, int],
    ends: dict[int, int],
    words: list[ParsedWord],
) -> tuple[int, int]:
    first = starts.get(start)
    if first is None:
        first = next((n for n, w in enumerate(words) if w[1] > start), len(words))
    last = ends.get(end)
    if last is None:
        last = max((n for n, w in enumerate(words) if w[0] < end), default=-1)
    return first, last
