"""Cutting a quote out of a passage: the passage itself, trimmed to its room.

A quote is the paragraph that answers, so the reader sees the answer in its
context. A passage longer than the room it is given keeps the answering
sentence and as many sentences around it as fit, the neighbour the model finds
likelier to answer first (a further quote often has room for one more sentence
only, and when the marked sentence is wrong the answer is often in the
passage's next likeliest), with "…" where text was left out; a sentence longer
than the room is cut around the answer at word breaks. Offsets of the answering
sentence and of the answer are carried along so renderers can mark both.
"""

from __future__ import annotations

from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class Excerpt:
    text: str
    sentence: tuple[int, int]
    mark: tuple[int, int]
    """Offsets into ``text``."""


def cut_quote(
    passage: str,
    sentences: list[tuple[int, int]],
    chosen: int,
    mark: tuple[int, int],
    room: int,
    likelihoods: list[float],
) -> Excerpt:
    """The excerpt of ``passage`` around sentence ``chosen``; ``mark`` is in passage offsets,
    ``likelihoods`` the model's score of each sentence."""
    sentence = sentences[chosen]
    start, end = _widen(sentences, chosen, room, likelihoods)
    if end - start > room:
        start, end = _window(passage, start, end, mark, room)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(passage) and not passage[start:end].endswith(ELLIPSIS) else ""
    shift = len(prefix) - start

    def moved(span: tuple[int, int]) -> tuple[int, int]:
        return max(span[0], start) + shift, min(span[1], end) + shift

    return Excerpt(prefix + passage[start:end] + suffix, moved(sentence), moved(mark))


def _widen(
    sentences: list[tuple[int, int]], chosen: int, room: int, likelihoods: list[float]
) -> tuple[int, int]:
    """The answering sentence with its neighbours while they fit, the likelier side first."""
    first = last = chosen
    while True:
        start, end = sentences[first][0], sentences[last][1]
        before = first > 0 and end - sentences[first - 1][0] <= room
        after = last + 1 < len(sentences) and sentences[last + 1][1] - start <= room
        if before and (not after or likelihoods[first - 1] >= likelihoods[last + 1]):
            first -= 1
        elif after:
            last += 1
        else:
            return start, end


def _window(
    passage: str, start: int, end: int, mark: tuple[int, int], room: int
) -> tuple[int, int]:
    """About ``room`` characters inside ``start:end`` centred on ``mark``, at word breaks."""
    mark_start, mark_end = mark
    margin = max(0, room - (mark_end - mark_start)) // 2
    left = max(start, mark_start - margin)
    right = min(end, mark_end + margin)
    if left > start:
        space = passage.find(" ", left, mark_start)
        left = space + 1 if space >= 0 else mark_start
    if right < end:
        space = passage.rfind(" ", mark_end, right)
        right = space if space >= 0 else mark_end
    return left, right
