"""What kind of answer a question asks for.

"When" wants a date, "how many" a number, "who" a person, "where" a place,
"what X" or "which X" a noun phrase, "what is the SCO" a description. The kind
is one of the answer model's features: it does not decide alone, it tells the
model which candidates to trust (a date for "when", a number with a unit for
"how long").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class AnswerKind(StrEnum):
    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    PLACE = "place"
    DEFINITION = "definition"
    THING = "thing"
    """"What …" / "which …": usually a noun phrase."""
    ANY = "any"


class Measure(StrEnum):
    """What a number answers with ("how long" is a length or a duration)."""

    COUNT = "count"
    AMOUNT = "amount"
    SIZE = "size"
    AGE = "age"
    YEAR = "year"
    """A date that names its year: "March" does not answer "what year"."""
    NONE = "none"


@dataclass(frozen=True)
class AskedFor:
    kind: AnswerKind
    measure: Measure = Measure.NONE


_PLACE_NOUNS = (
    "country|countries|nation|nations|state|states|city|cities|capital|capitals|place|places"
    "|region|regions|province|provinces|town|towns|village|villages|venue|location|locations"
    "|continent|continents|island|islands|area|areas|district|districts|county|counties"
)
_NAME_NOUNS = (
    "person|people|official|officials|leader|leaders|minister|ministers|president|presidents"
    "|organization|organizations|organisation|organisations|group|groups|company|companies"
    "|agency|agencies|party|parties|man|men|woman|women|envoy|envoys|spokesman|spokesperson"
    "|king|kings|queen|queens|emperor|emperors|architect|architects|author|authors|player"
    "|players|scientist|scientists|team|teams|general|generals|pope|composer|writer|writers"
)
_DATE_WORDS = (
    r"\b(when|what years?|which years?|what date|which date|since when|what day|what time"
    r"|what century|which century|what decade|which decade|what month|which month|what period)\b"
)
_MEASURES: list[tuple[re.Pattern[str], Measure]] = [
    (re.compile(r"\bhow many\b|\bwhat (number|percentage|share|proportion)\b"), Measure.COUNT),
    (re.compile(r"\bhow much\b"), Measure.AMOUNT),
    (re.compile(r"\bhow (long|far|large|big|tall|high|wide|deep|heavy)\b"), Measure.SIZE),
    (re.compile(r"\bhow old\b"), Measure.AGE),
]
_MEASURE_NOUNS = {
    Measure.COUNT: "population|number|percentage|percent|proportion|share|rate|total|tally|score",
    Measure.AMOUNT: "value|price|cost|amount|revenue|worth|budget|salary|income|sum",
    Measure.SIZE: "capacity|depth|length|size|height|distance|width|weight|speed|altitude",
    Measure.AGE: "age|lifespan",
}
_NOUN_MEASURES: list[tuple[re.Pattern[str], Measure]] = [
    (
        re.compile(
            rf"\b(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+)?(?:[\w'’]+\s+){{0,2}}?)?"
            rf"(?:{nouns})\b"
        ),
        measure,
    )
    for measure, nouns in _MEASURE_NOUNS.items()
]
""""What was the population of …", "what is the value …": a number asked for by its noun."""
_ASKS_YEAR = re.compile(r"\b(what|which)\s+year\b", re.IGNORECASE)
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:when|where|while|after|before|if|once|as)\b[^,?]*,\s*"
    r"(?=(?:who|whom|whose|what|which|where|when|how)\b)",
    re.IGNORECASE,
)
_RULES: list[tuple[re.Pattern[str], AnswerKind]] = [
    (re.compile(_DATE_WORDS), AnswerKind.DATE),
    (re.compile(rf"\b(which|what)\s+(?:\w+\s+)?({_PLACE_NOUNS})\b"), AnswerKind.PLACE),
    (re.compile(r"\bwhere\b"), AnswerKind.PLACE),
    (re.compile(rf"\b(which|what)\s+(?:\w+\s+)?({_NAME_NOUNS})\b"), AnswerKind.NAME),
    (re.compile(r"\b(who|whom|whose)\b"), AnswerKind.NAME),
    (re.compile(r"\b(what|which)\b"), AnswerKind.THING),
    (re.compile(r"\b(why|how)\b"), AnswerKind.ANY),
]

# "Who is Sergei Lavrov?" asks for a description of someone named, not for a name.
_WHO_IS_NAMED = re.compile(r"^\s*[Ww]ho\s+(?:is|was|are|were)\s+(?:[A-Z][\w.-]*\s*)+\??\s*$")
# "What is the SCO?": the subject is a name or one word, and nothing else follows.
# "What was the Norman religion?" asks for a thing (the religion), not a definition.
_WHAT_IS = re.compile(
    r"^\s*what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?(?P<subject>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)


def without_year_asked(question: str) -> str:
    """``question`` without the "year" of "what year": it names the kind of answer, not
    something the answer's sentence says ("In recent years …" does not answer it)."""
    return _ASKS_YEAR.sub(r"\1", question)


def asked_for(question: str) -> AskedFor:
    """The kind of answer ``question`` asks for, by its question words."""
    if _WHO_IS_NAMED.search(question):
        return AskedFor(AnswerKind.DEFINITION)
    if _asks_what_something_is(question):
        return AskedFor(AnswerKind.DEFINITION)
    text = asked_clause(question).casefold()
    for pattern, measure in _MEASURES:
        if pattern.search(text):
            return AskedFor(AnswerKind.NUMBER, measure)
    first = _first_question_word(text)
    if first is None:
        return AskedFor(AnswerKind.ANY)
    start, kind = first
    if kind is AnswerKind.DATE and _ASKS_YEAR.match(text, start):
        return AskedFor(AnswerKind.DATE, Measure.YEAR)
    if by_noun := _measure_by_noun(text, start if kind is AnswerKind.DATE else None):
        return AskedFor(AnswerKind.NUMBER, by_noun)
    return AskedFor(kind)


def asked_clause(question: str) -> str:
    """``question`` without a leading clause that only sets the scene: "When John Fox left,
    who replaced him?" asks who, not when."""
    return _LEADING_CLAUSE.sub("", question, count=1)


def _first_question_word(text: str) -> tuple[int, AnswerKind] | None:
    """Where the question's first question word stands, and the kind it asks for. The first
    one asks: "Who fumbled when tackled?" wants a person, and the "when" that follows only
    says which moment."""
    found = [
        (match.start(), order, kind)
        for order, (pattern, kind) in enumerate(_RULES)
        if (match := pattern.search(text))
    ]
    if not found:
        return None
    start, _, kind = min(found)
    return start, kind


def _measure_by_noun(text: str, date_start: int | None) -> Measure | None:
    """The measure a number is asked for by its noun, unless a date is asked first: "What
    was the value of the collection when it was left?" asks for a value."""
    for pattern, measure in _NOUN_MEASURES:
        found = pattern.search(text)
        if found and (date_start is None or found.start() < date_start):
            return measure
    return None


def _asks_what_something_is(question: str) -> bool:
    match = _WHAT_IS.match(question)
    if not match:
        return False
    words = match.group("subject").split()
    if " of " in f" {match.group('subject').casefold()} " or len(words) > 5:
        return False
    return len(words) == 1 or all(word[:1].isupper() or word.isupper() for word in words)
