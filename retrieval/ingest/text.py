"""Whitespace normalisation and the shapes of lines (prose, headline, teaser).

The cleaning rules decide by shape rather than by site: real paragraphs end in
sentence punctuation, headlines do not, and teaser blurbs are cut off with "…".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_INVISIBLE = re.compile("[\u200b\ufeff]")
_TAIL_CHARS = 8
_CLOSERS = "\"'”’»)\\]"
_SENTENCE_END = re.compile(rf"(?:[.!?]|…(?=[{_CLOSERS}]))[{_CLOSERS}]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[(?:\.\.\.|…)\])$")
_CLAUSE_END = re.compile(rf"[.;:,][{_CLOSERS}]*$")

HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 200
PROSE_MIN_WORDS = 6


def normalise_space(line: str) -> str:
    """Collapse every kind of blank (no-break, thin, tab) so rules see one shape."""
    if "\u200b" in line or "\ufeff" in line:
        line = _INVISIBLE.sub("", line)
    return " ".join(line.split())


def clean_lines(text: str) -> list[str]:
    """The non-blank lines of a text: scraped pages hold one paragraph per line."""
    return [line for line in map(normalise_space, text.splitlines()) if line]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraphs)


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as running text, which reads better than a list literal."""
    return frozenset(text.split())


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line[-_TAIL_CHARS:]) is not None and not is_truncated(line)


def is_truncated(line: str) -> bool:
    """Teaser blurbs are cut mid-sentence and end in an ellipsis."""
    return _TRUNCATED.search(line[-_TAIL_CHARS:]) is not None


def is_prose(line: str) -> bool:
    return ends_sentence(line) and word_count(line) >= PROSE_MIN_WORDS


def is_headline_like(line: str) -> bool:
    """Short and not closed like a sentence: a headline, label or teaser title."""
    return (
        len(line) <= HEADLINE_MAX_CHARS
        and word_count(line) <= HEADLINE_MAX_WORDS
        and _CLAUSE_END.search(line[-_TAIL_CHARS:]) is None
        and not is_truncated(line)
    )


def is_paragraph(line: str) -> bool:
    """Prose that cannot be a headline either: evidence that article text goes on."""
    return is_prose(line) and not is_headline_like(line)
