"""Acronyms learnt from the corpus itself.

News text defines its acronyms on first use: "the Islamic Emirate of
Afghanistan (IEA)". Reading those definitions lets "IEA" in a question find a
passage that only spells the long form, and the reverse, for any acronym the
articles define, without a hand-kept list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# Small words a long form may contain that have no letter in the acronym.
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "to", "at", "&"})
_LOOKBACK_CHARS = 160


def learn_acronyms(texts: Iterable[str]) -> list[tuple[str, str]]:
    """Every ``(acronym, long form)`` pair defined in ``texts``, sorted, without repeats."""
    found: set[tuple[str, str]] = set()
    for text in texts:
        for match in _DEFINITION.finditer(text):
            acronym = match.group(1)
            if sum(char.isupper() for char in acronym) < 2:
                continue
            before = text[max(0, match.start() - _LOOKBACK_CHARS) : match.start()]
            long_form = _long_form(acronym, _WORD.findall(before))
            if long_form:
                found.add((acronym, long_form))
    return sorted(found)


def _long_form(acronym: str, words: list[str]) -> str | None:
    """The words ending ``words`` whose initials spell the acronym's capitals, if any.

    Walks back from the parenthesis matching one capital per content word,
    letting connectors ("of", "and") pass; a word that fits neither ends the
    attempt, so an unrelated phrase is never taken for a definition.
    """
    letters = [char.lower() for char in acronym if char.isupper()]
    taken: list[str] = []
    index = len(letters) - 1
    position = len(words) - 1
    while index >= 0 and position >= 0:
        word = words[position]
        if word.lower() in _CONNECTORS and taken:
            taken.append(word)
        elif word[0].lower() == letters[index]:
            taken.append(word)
            index -= 1
        else:
            return None
        position -= 1
    if index >= 0:
        return None
    content = [word for word in taken if word.lower() not in _CONNECTORS]
    if len(content) < 2:
        return None
    return " ".join(reversed(taken))
