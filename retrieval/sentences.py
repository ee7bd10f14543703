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
    """``(start, end)`` of each sentence in ``text``, without surrounding spaces.

    A line break always ends a sentence: in a passage it separates paragraphs,
    and a paragraph without a final full stop (a standfirst) is a sentence too.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line_end in [*_line_ends(text), len(text)]:
        spans.extend(_line_sentences(text, line_start, line_end))
        line_start = line_end + 1
    return spans


def _line_ends(text: str) -> list[int]:
    return [index for index, char in enumerate(text) if char == "\n"] if "\n" in text else []


def _line_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for boundary in _BOUNDARY.finditer(text, start, end):
        if _ends_with_abbreviation(text, start, boundary.start()):
            continue
        spans.append(_strip(text, start, boundary.end()))
        start = boundary.end()
    if text[start:end].strip():
        spans.append(_strip(text, start, end))
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
