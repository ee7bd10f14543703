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

import numpy as np
import numpy.typing as npt

from retrieval.analysis import plain_terms
from retrieval.analysis.stopwords import STOPWORDS
from retrieval.answering.entities import find_dates, find_names, is_place, join_lists, numbers

MAX_PHRASE_WORDS = 5
WORD_MARGIN = 8
"""How many words beyond either end of a sentence a counted range may reach (features look
a few words to each side of a span)."""

_WORD = re.compile(r"[^\W_][\w'’.$£€%-]*")
_UNIT_SIGNS = frozenset("%$£€")
_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s|\.\s")


Floats = npt.NDArray[np.float64]
Positions = int | npt.NDArray[np.intp]


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
    head_closeness: Floats
    """Each word's cosine to the noun the question asks about (zeros when it names none)."""
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
        weights: dict[str, float],
    ) -> SentenceWords:
        return cls(
            words,
            np.asarray([number for number, word in enumerate(words) if word.asked], np.intp),
            _padded_running([word.asked for word in words]),
            _padded_running([word.text[:1].isupper() for word in words]),
            _padded_running([bool(word.terms & head) for word in words]),
            _running(map(str.isdigit, sentence), len(sentence)),
            _running((char.isalpha() or char in _UNIT_SIGNS for char in sentence), len(sentence)),
            np.asarray(head_closeness, np.float64),
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
    return sum(weights.get(term, 0.0) for term in word.terms) if word.asked else 0.0


def written_words(text: str) -> list[str]:
    """The words of ``text`` split as a sentence's are, so that a question's words and a
    sentence's can be compared one for one."""
    return [match.group().rstrip(".") for match in _WORD.finditer(text)]


def sentence_words(sentence: str, question_words: frozenset[str]) -> list[Word]:
    words = []
    for match in _WORD.finditer(sentence):
        text = match.group().rstrip(".")
        terms = plain_terms(text)
        asked = bool(terms) and all(term in question_words for term in terms)
        words.append(Word(match.start(), match.start() + len(text), text, asked, frozenset(terms)))
    return words


def span_candidates(
    sentence: str, words: list[Word], question_words: frozenset[str]
) -> list[SpanCandidate]:
    """Every candidate of the sentence, typed ones first, none made only of the question."""
    typed: dict[tuple[int, int], SpanType] = {}
    for start, end in find_dates(sentence):
        typed.setdefault((start, end), SpanType.DATE)
    for start, end in numbers(sentence):
        typed.setdefault((start, end), SpanType.NUMBER)
    names = find_names(sentence)
    places = [span for span in names if is_place(sentence, span)]
    for span in names:
        typed.setdefault(span, SpanType.PLACE if span in places else SpanType.NAME)
    for span in join_lists(sentence, names):
        typed.setdefault(span, SpanType.LIST)
    for span in _phrases(sentence, words):
        typed.setdefault(span, SpanType.PHRASE)
    starts = {word.start: number for number, word in enumerate(words)}
    ends = {word.end: number for number, word in enumerate(words)}
    candidates = []
    for (start, end), kind in typed.items():
        first, last = _word_range(start, end, starts, ends, words)
        if first > last or all(word.asked for word in words[first : last + 1]):
            continue
        candidates.append(SpanCandidate(start, end, kind, first, last))
    return candidates


def _phrases(sentence: str, words: list[Word]) -> list[tuple[int, int]]:
    """Runs of up to ``MAX_PHRASE_WORDS`` words within one clause, edged by content words."""
    spans = []
    for first in range(len(words)):
        if _is_function_word(words[first].text):
            continue
        for last in range(first, min(first + MAX_PHRASE_WORDS, len(words))):
            if last > first and _BREAK.search(sentence, words[last - 1].end, words[last].start):
                break
            if not _is_function_word(words[last].text):
                spans.append((words[first].start, words[last].end))
    return spans


def _is_function_word(word: str) -> bool:
    return word.casefold() in STOPWORDS


def _word_range(
    start: int, end: int, starts: dict[int, int], ends: dict[int, int], words: list[Word]
) -> tuple[int, int]:
    first = starts.get(start)
    if first is None:
        first = next((n for n, w in enumerate(words) if w.end > start), len(words))
    last = ends.get(end)
    if last is None:
        last = max((n for n, w in enumerate(words) if w.start < end), default=-1)
    return first, last
