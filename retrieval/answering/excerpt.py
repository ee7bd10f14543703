"""Cutting the quoted excerpt out of a passage.

The excerpt is the answering sentence, with the sentence before it when the
answer opens with a pronoun ("He met with…") and both fit, trimmed with "…"
around the answer when the sentence alone is too long. Offsets of the answer
are carried along so renderers can emphasise it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ELLIPSIS = "…"
_OPENS_WITH_REFERENCE = re.compile(
    r"^[\"'“‘]?(?:He|She|It|They|This|These|That|Those|His|Her|Their|Its|The group|The move)\b"
)


@dataclass(frozen=True)
class Excerpt:
    text: str
    mark_start: int
    mark_end: int


def cut_excerpt(
    passage: str,
    sentences: list[tuple[int, int]],
    chosen: int,
    mark: tuple[int, int],
    max_chars: int,
) -> Excerpt:
    """The excerpt around sentence number ``chosen``; ``mark`` is in passage offsets."""
    start, end = sentences[chosen]
    if chosen > 0 and _OPENS_WITH_REFERENCE.match(passage[start:end]):
        previous_start = sentences[chosen - 1][0]
        if end - previous_start <= max_chars:
            start = previous_start
    if end - start > max_chars:
        start, end = _window(passage, start, end, mark, max_chars)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(passage) and not passage[start:end].endswith(ELLIPSIS) else ""
    text = prefix + passage[start:end] + suffix
    shift = len(prefix) - start
    return Excerpt(text, mark[0] + shift, mark[1] + shift)


def _window(
    passage: str, start: int, end: int, mark: tuple[int, int], max_chars: int
) -> tuple[int, int]:
    """A window of about ``max_chars`` inside ``start:end`` centred on ``mark``, at word breaks."""
    mark_start, mark_end = mark
    room = max(0, max_chars - (mark_end - mark_start)) // 2
    left = max(start, mark_start - room)
    right = min(end, mark_end + room)
    if left > start:
        space = passage.find(" ", left, mark_start)
        left = space + 1 if space >= 0 else mark_start
    if right < end:
        space = passage.rfind(" ", mark_end, right)
        right = space if space >= 0 else mark_end
    return left, right
