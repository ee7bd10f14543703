"""A rule-based English sentence splitter that reports offsets.

Offsets, not strings, because an answer quotes the article verbatim: the
answer builder cuts its excerpt out of the original passage text. Rules: a
sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets)
followed by space and a capital, digit or opening quote, unless the period ends
a known abbreviation ("Gen.", "U.S.", "Jan.") or a lone initial ("J. Smith").
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"""[.!?]+["'”’»)\]]*\s+(?=["'“‘«(\[]?[A-Z0-9])""")
_LAST_WORD = re.compile(r"(\S+)$")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "fr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "al",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
    ]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if _ends_with_abbreviation(text, start, boundary.start()):
            continue
        end = boundary.end()
        spans.append(_strip(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _ends_with_abbreviation(text: str, start: int, period: int) -> bool:
    if text[period] != ".":
        return False
    match = _LAST_WORD.search(text, start, period)
    if not match:
        return False
    word = match.group(1).lstrip("\"'“‘(").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
