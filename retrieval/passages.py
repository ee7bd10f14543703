"""Documents → passages: the units that are ranked and quoted.

A passage is one paragraph, so a quote reads as the article wrote it. Short
paragraphs (one-line transitions) are merged into the next so they carry enough
context to be found; long ones are split at sentence boundaries so a passage's
BM25 length stays comparable to the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from retrieval.sentences import sentence_spans


def split_passages(text: str, min_chars: int, max_chars: int) -> list[str]:
    """The passages of a document body whose paragraphs are separated by blank lines."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    pieces = [piece for p in paragraphs if p for piece in _split_long(p, max_chars)]
    return list(_merge_short(pieces, min_chars, max_chars))


def _split_long(paragraph: str, max_chars: int) -> Iterator[str]:
    if len(paragraph) <= max_chars:
        yield paragraph
        return
    chunk_start = chunk_end = 0
    for start, end in sentence_spans(paragraph):
        if end - chunk_start > max_chars and chunk_end > chunk_start:
            yield paragraph[chunk_start:chunk_end]
            chunk_start = start
        chunk_end = end
    yield paragraph[chunk_start:chunk_end]


def _merge_short(pieces: list[str], min_chars: int, max_chars: int) -> Iterator[str]:
    pending = ""
    for piece in pieces:
        if pending and len(pending) + len(piece) + 1 > max_chars:
            yield pending
            pending = ""
        pending = f"{pending}\n{piece}" if pending else piece
        if len(pending) >= min_chars:
            yield pending
            pending = ""
    if pending:
        yield pending
