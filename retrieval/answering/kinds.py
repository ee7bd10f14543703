"""What kind of answer a question asks for.

"When" wants a date, "how many" a number, "who" a name, "where" a place. The
answer builder prefers sentences holding such an expression, and bolds it.
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
    ANY = "any"


@dataclass(frozen=True)
class AskedFor:
    kind: AnswerKind
    target: str | None = None
    """The noun the question asks about ("countries" in "which countries…"), if any:
    a sentence holding an answer of the right kind covers it even without the word."""
    plural: bool = False


_PLACE_NOUNS = (
    "country|countries|nation|nations|state|states|city|cities|capital|capitals|place|places"
    "|region|regions|province|provinces|town|towns|village|villages|venue|location|locations"
)
_NAME_NOUNS = (
    "person|people|official|officials|leader|leaders|minister|ministers|president|presidents"
    "|organization|organizations|organisation|organisations|group|groups|company|companies"
    "|agency|agencies|party|parties|man|men|woman|women|envoy|envoys|spokesman|spokesperson"
)
_RULES: list[tuple[re.Pattern[str], AnswerKind]] = [
    (
        re.compile(r"\b(when|what year|which year|what date|which date|since when|what day)\b"),
        AnswerKind.DATE,
    ),
    (
        re.compile(
            r"\bhow (many|much|old|long|far|large|big)\b|\bwhat (number|percentage|share)\b"
        ),
        AnswerKind.NUMBER,
    ),
    (re.compile(rf"\b(which|what)\s+(?:\w+\s+)?({_PLACE_NOUNS})\b"), AnswerKind.PLACE),
    (re.compile(r"\bwhere\b"), AnswerKind.PLACE),
    (re.compile(rf"\b(which|what)\s+(?:\w+\s+)?({_NAME_NOUNS})\b"), AnswerKind.NAME),
    (re.compile(r"\b(who|whom|whose)\b"), AnswerKind.NAME),
]
_COUNTED = re.compile(r"\bhow (?:many|much)\s+(\w+)")


# "Who is Sergei Lavrov?" asks for a description of someone named, not for a name.
_WHO_IS_NAMED = re.compile(r"\b[Ww]ho\s+(?:is|was|are|were)\s+[A-Z]")
# "What is the SCO?": a short subject and nothing else asks what something is.
_WHAT_IS = re.compile(
    r"^\s*what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?\S+(?:\s+\S+){0,3}?\s*\??\s*$",
    re.IGNORECASE,
)


def asked_for(question: str) -> AskedFor:
    """The kind of answer ``question`` asks for, by its question words."""
    if _WHO_IS_NAMED.search(question):
        return AskedFor(AnswerKind.ANY)
    if _WHAT_IS.match(question) and " of " not in question.casefold():
        return AskedFor(AnswerKind.DEFINITION)
    text = question.casefold()
    for pattern, kind in _RULES:
        match = pattern.search(text)
        if not match:
            continue
        target = _target_noun(text, match, kind)
        return AskedFor(kind, target, plural=bool(target and target.endswith("s")))
    return AskedFor(AnswerKind.ANY)


def _target_noun(text: str, match: re.Match[str], kind: AnswerKind) -> str | None:
    if kind in (AnswerKind.PLACE, AnswerKind.NAME) and match.lastindex == 2:
        return match.group(2)
    if kind is AnswerKind.NUMBER and (counted := _COUNTED.search(text)):
        return counted.group(1)
    return None
