"""Sorting a page's lines into article text, footer labels and header facts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from retrieval.ingest.bylines import strip_source_tags
from retrieval.ingest.furniture import is_footer_label, is_furniture
from retrieval.ingest.metalines import MetaLine, read_meta_line


class Kind(Enum):
    TEXT = auto()
    LABEL = auto()
    """A footer heading such as "Related Articles": teasers sit around it."""
    META = auto()


@dataclass(frozen=True, slots=True)
class Line:
    kind: Kind
    text: str
    meta: MetaLine | None = None
    tagged_outlet: str | None = None
    """The outlet of a "[Source: …]" tag removed from this line's text."""


def classify(lines: list[str]) -> list[Line]:
    """The lines worth keeping, each with its kind; furniture is dropped here."""
    classified: list[Line] = []
    for text in lines:
        line = _classify_line(text)
        if line is not None:
            classified.append(line)
    return classified


def _classify_line(text: str) -> Line | None:
    if is_footer_label(text):
        return Line(Kind.LABEL, text)
    if is_furniture(text):
        return None
    meta = read_meta_line(text)
    if meta is not None:
        return Line(Kind.META, text, meta=meta)
    outlet, stripped = strip_source_tags(text)
    if not stripped:
        return Line(Kind.META, text, meta=MetaLine(outlet=outlet))
    return Line(Kind.TEXT, stripped, tagged_outlet=outlet)
