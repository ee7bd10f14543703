"""Finding answer expressions in a sentence: dates, numbers, names, places.

Patterns over the sentence as written (capitals matter for names), returning
character spans so the answer builder can bold exactly the expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from retrieval.analysis.stopwords import STOPWORDS
from retrieval.answering.kinds import Measure
from retrieval.gazetteer import is_place_name

Span = tuple[int, int]
EXPRESSIONS_KEPT = 2048

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d\d\d|20\d\d)"
_ERA = r"(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)"
_CURRENCY = r"(?:US\$|\$|£|€|¥|₹|USD|EUR|GBP)"
# Units that make a number a measure: "75 kilometres", "12 million inhabitants", "3 years".
_SIZE_UNITS = (
    r"kilomet(?:er|re)s?|km|met(?:er|re)s?|m|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm"
    r"|miles?|feet|foot|ft|inch(?:es)?|yards?|acres?|hectares?|kilograms?|kg|grams?|g|tons?|tonnes?"
    r"|pounds?|lbs?|litres?|liters?|gallons?|degrees?|°[CF]?|mph|km/h"
)
_TIME_UNITS = r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries"
_MONEY_UNITS = r"dollars?|euros?|pounds sterling|rubles?|roubles?|yuan|yen|rupees?|francs?|marks?"
_COUNTED = (
    r"people|persons|inhabitants|residents|students|members|soldiers|troops|employees|workers"
    r"|times|votes|seats|copies|species|languages|episodes|games|points|goals"
)
_UNITS = "|".join((_SIZE_UNITS, _TIME_UNITS, _MONEY_UNITS, _COUNTED))
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|fifteenth|twentieth|thirtieth|last)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The leading look-ahead lets the engine skip, at one test, the many positions
# where no date can start (inside words, at lower-case words other than these).
_DATE = re.compile(
    r"\b(?=[\dA-Zoltnyemfs])(?:"
    + "|".join(
        [
            rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
            rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
            rf"\b{_MONTH},?\s+{_YEAR}\b",
            rf"\b{_WEEKDAY},?\s+(?:\(\s*)?{_MONTH}\s+{_DAY}\b\)?",
            rf"\b{_MONTH}\s+{_DAY}\b",
            rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b",
            rf"\b(?:the\s+)?{_ORDINAL}\s+of\s+{_MONTH}\b",
            r"\b\d{4}-\d{2}-\d{2}\b",
            r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
            rf"(?<![\d,.$£€])\b{_YEAR}s?\b(?![,.]?\d)(?!\s*(?:%|percent|{_UNITS})\b)",
            rf"\b{_ERA}\s+\d{{1,4}}\b|\b\d{{1,4}}\s+{_ERA}\b",
            r"(?<=\bin )\d{3}\b(?![,.]?\d)",
            r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third"
            r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
            r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
            r"|twenty-first)[\s-]+century\b",
            r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?\d{2,4}['’]?s\b",
            rf"(?<=\bin )(?:early |late |mid-)?{_MONTH}\b",
            rf"\b(?:on |last |next )?{_WEEKDAY}\b",
            r"\b(?:last|next|this) (?:year|month|week)\b|\b(?:yesterday|today)\b",
        ]
    )
    + ")"
)
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|million|millions|billion)"
)
_NUMBER = re.compile(
    r"(?:\b(?:over|about|around|nearly|almost|some|roughly|at least|more than|less than|fewer than"
    r"|up to|approximately|only)\s+)?"
    rf"(?:{_CURRENCY}\s?)?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b{_NUMBER_WORDS}\b)"
    rf"(?:\s*(?:%|percent|per cent)|\s+(?:{_NUMBER_WORDS})\b)?"
    rf"(?:[\s-]+(?:square\s+|cubic\s+)?(?:{_UNITS})\b)?"
    # "54 of the 101 seats": the part and the whole answer "how many" together.
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*(?:\.\d+)?)?",
    re.IGNORECASE,
)
_MEASURES_BY_UNIT: list[tuple[re.Pattern[str], frozenset[Measure]]] = [
    (
        re.compile(rf"{_CURRENCY}|\b(?:{_MONEY_UNITS})\b", re.IGNORECASE),
        frozenset({Measure.AMOUNT}),
    ),
    (re.compile(r"%|\bper ?cent\b", re.IGNORECASE), frozenset({Measure.COUNT})),
    (
        re.compile(rf"\b(?:{_SIZE_UNITS}|square|cubic)\b|°", re.IGNORECASE),
        frozenset({Measure.SIZE}),
    ),
    (re.compile(rf"\b(?:{_TIME_UNITS})\b", re.IGNORECASE), frozenset({Measure.SIZE, Measure.AGE})),
]
"""What a number's unit makes it answer: money "how much", a length "how long", and so
does a duration, which also answers "how old"."""
_UNITLESS = frozenset({Measure.COUNT, Measure.AGE})
# A name: capitalised words, with the particles that occur inside names.
_NAME_WORD = r"[A-Z][\w.-]*(?:['’][A-Z]\w*)?"
_LEADING_ARTICLE = re.compile(r"(?:The|A|An)\s")
_NAME = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:(?:al|bin|ibn|de|da|van|von|der|la|le|of|the)\s+)?{_NAME_WORD})*"
)
_LIST_JOIN = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?)$")
# Head nouns that make a name an institution rather than a person.
_INSTITUTION_WORDS = frozenset(
    [
        "council",
        "ministry",
        "organization",
        "organisation",
        "committee",
        "commission",
        "agency",
        "party",
        "group",
        "army",
        "forces",
        "force",
        "government",
        "parliament",
        "assembly",
        "court",
        "office",
        "department",
        "institute",
        "service",
        "services",
        "union",
        "federation",
        "association",
        "alliance",
        "bank",
        "company",
        "corporation",
        "university",
        "school",
        "hospital",
        "police",
        "authority",
        "board",
        "league",
        "network",
        "news",
        "times",
    ]
)
# A sentence that says what something is: "…, established in 2001, is a regional forum".
_DEFINES = re.compile(r"\b(?:is|are|was|were)\s+(?:not\s+)?(?:a|an|the)\b")
# A place follows "in", "near"… or a place noun: "the eastern province of Dolmar".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|from|into|across|outside|inside)\s+(?:the\s+)?$"
    r"|\b(?:city|town|village|province|region|district|county|state|capital|port|island)"
    r"\s+of\s+$"
)
_NOT_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


@dataclass(frozen=True)
class Expressions:
    """A sentence's answer expressions of every kind, left to right in each."""

    dates: tuple[Span, ...]
    numbers: tuple[Span, ...]
    names: tuple[Span, ...]
    places: tuple[Span, ...]
    """The names that are places."""


@lru_cache(maxsize=EXPRESSIONS_KEPT)
def expressions(sentence: str) -> Expressions:
    """The sentence's expressions, kept for the last ``EXPRESSIONS_KEPT`` sentences: both
    the sentence model (does it hold what is asked?) and the span model (which is it?) read
    them, for every question that reads the sentence."""
    dates = find_dates(sentence)
    names = find_names(sentence)
    return Expressions(
        tuple(dates),
        tuple(_numbers_outside(sentence, dates)),
        tuple(names),
        tuple(span for span in names if is_place(sentence, span)),
    )


def number_measures(number: str) -> frozenset[Measure]:
    """What a number as ``expressions`` finds it (with its unit) can answer: "480 million
    euros" how much something cost, "1.2 million containers" how many."""
    for pattern, measures in _MEASURES_BY_UNIT:
        if pattern.search(number):
            return measures
    return _UNITLESS


def _numbers_outside(sentence: str, dates: list[Span]) -> list[Span]:
    """Numbers with their unit or currency that are not part of a date."""
    return [span for span in _spans(_NUMBER, sentence) if not _inside_any(span, dates)]


def defines(sentence: str) -> bool:
    """Whether a sentence says what something is ("…, established in 2001, is a forum")."""
    return bool(_DEFINES.search(sentence))


def is_institution(name: str) -> bool:
    """A name headed by a word such as "Council" or "Ministry": a body, not a person."""
    words = name.split()
    return bool(words) and words[-1].casefold() in _INSTITUTION_WORDS


def find_dates(sentence: str) -> list[Span]:
    """Date expressions, left to right."""
    return _spans(_DATE, sentence)


def find_names(sentence: str) -> list[Span]:
    """Capitalised names, without a sentence-opening word that is capitalised only by position."""
    spans: list[Span] = []
    for match in _NAME.finditer(sentence):
        start, end = match.span()
        text = match.group()
        if text.endswith(("'s", "’s")):
            end -= 2
        text = sentence[start:end].rstrip(".")
        end = start + len(text)
        if start == _first_word_start(sentence) or _LEADING_ARTICLE.match(sentence, start):
            start = _skip_opening_word(sentence, start, end)
        if start < end and sentence[start:end].casefold() not in _NOT_NAMES:
            spans.append((start, end))
    return spans


def _first_word_start(sentence: str) -> int:
    return len(sentence) - len(sentence.lstrip("\"'“‘( "))


def _skip_opening_word(sentence: str, start: int, end: int) -> int:
    """Drop the first word of a sentence-initial name when it is an ordinary word.

    A sentence's first word is capitalised whatever it is: alone it counts as a
    name only when no English dictionary knows it ("Shoigu said", not "However");
    before other capitalised words, unless it is a stopword ("The Kremlin").
    """
    words = sentence[start:end].split()
    first = words[0].casefold()
    ordinary = first in STOPWORDS or (len(words) == 1 and is_ordinary_word(first))
    if not ordinary:
        return start
    rest = sentence.find(" ", start, end)
    return end if rest < 0 else rest + 1


def is_ordinary_word(word: str) -> bool:
    """Whether an English dictionary knows ``word`` (so it is no name by itself)."""
    return bool(simplemma.is_known(word.casefold(), lang="en"))


def is_place(sentence: str, span: Span) -> bool:
    return is_place_name(sentence[span[0] : span[1]]) or bool(
        _LOCATIVE.search(sentence, 0, span[0])
    )


def join_lists(sentence: str, spans: list[Span]) -> list[Span]:
    """Merge names separated only by commas/"and" into one span ("China, Russia, and Iran")."""
    joined: list[Span] = []
    for span in spans:
        if joined and _LIST_JOIN.match(sentence[joined[-1][1] : span[0]]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [match.span() for match in pattern.finditer(text) if match.group().strip()]


def _inside_any(span: Span, others: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in others)
