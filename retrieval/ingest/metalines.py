"""Header lines that describe an article rather than belong to it: dates,
"Published on …" stamps, bylines, "Source: …" credits, or a mix of them
("By Jane Doe | Reuters | 21 November 2024").

A line counts only if every part of it is such a piece, so a sentence that
merely contains a date is never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from retrieval.ingest.bylines import is_outlet_like, parse_byline, source_line_outlet
from retrieval.ingest.dates import parse_date
from retrieval.ingest.furniture import is_furniture
from retrieval.ingest.text import ends_sentence, word_count


class DateKind(IntEnum):
    """How sure a stamp is to be the publication date; lower wins."""

    PUBLISHED = 0
    PLAIN = 1
    UPDATED = 2


@dataclass(frozen=True, slots=True)
class MetaLine:
    published: date | None = None
    date_kind: DateKind = DateKind.PLAIN
    outlet: str | None = None


_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")
_STAMP = re.compile(
    r"(?P<label>first published|published|last updated|last modified|updated|modified|posted"
    r"|date)\b\s*(?:on|at)?\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
_UPDATE_LABELS = frozenset({"last updated", "last modified", "updated", "modified"})
_MAX_META_WORDS = 25
_CLOCK_END = re.compile(r"[ap]\.m\.$", re.IGNORECASE)
_MAX_LOOSE_SEGMENT_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Piece:
    published: date | None = None
    date_kind: DateKind = DateKind.PLAIN
    outlet: str | None = None
    informative: bool = True
    byline: bool = False


def read_meta_line(line: str) -> MetaLine | None:
    """The facts a header line states, or None if it is not such a line."""
    if word_count(line) > _MAX_META_WORDS or _reads_as_sentence(line):
        return None
    segments = [segment for segment in _SEGMENTS.split(line) if segment]
    pieces = [_read_segment(segment) for segment in segments]
    known = [piece for piece in pieces if piece is not None]
    if len(known) == len(pieces):
        if not any(piece.informative for piece in known):
            return None
        return _combine(known)
    if len(segments) > 1 and _is_loose_credit_line(segments, known):
        return _combine(known + _loose_outlets(segments, pieces))
    return None


def _reads_as_sentence(line: str) -> bool:
    """Stamps end in a year, a time or a name; only "a.m."/"p.m." end in a full stop."""
    return ends_sentence(line) and _CLOCK_END.search(line) is None


def _read_segment(segment: str) -> _Piece | None:
    stamp = _STAMP.fullmatch(segment)
    if stamp is not None:
        return _read_stamp(stamp["label"].lower(), stamp["rest"])
    published = parse_date(segment)
    if published is not None:
        return _Piece(published=published)
    is_byline, outlet = parse_byline(segment)
    if is_byline:
        return _Piece(outlet=outlet, byline=True)
    outlet = source_line_outlet(segment)
    if outlet is not None:
        return _Piece(outlet=outlet)
    if is_furniture(segment):
        return _Piece(informative=False)
    return None


def _read_stamp(label: str, rest: str) -> _Piece | None:
    """ "Published on 21 Nov 2024", "Updated by Jane Doe": but not "Updated guidance…"."""
    kind = DateKind.UPDATED if label in _UPDATE_LABELS else DateKind.PUBLISHED
    published = parse_date(rest)
    if published is not None or not rest:
        return _Piece(published=published, date_kind=kind)
    is_byline, outlet = parse_byline(rest)
    return _Piece(outlet=outlet) if is_byline else None


def _is_loose_credit_line(segments: list[str], known: list[_Piece]) -> bool:
    """ "Jane Doe | Reuters | 21 Nov 2024", "By Jane Doe | Reuters": short name-like parts
    around a date or a "By …" credit."""
    return any(piece.published is not None or piece.byline for piece in known) and all(
        word_count(segment) <= _MAX_LOOSE_SEGMENT_WORDS
        and not ends_sentence(segment)
        and (is_outlet_like(segment) or _read_segment(segment) is not None)
        for segment in segments
    )


def _loose_outlets(segments: list[str], pieces: list[_Piece | None]) -> list[_Piece]:
    """The name-like parts of a credit line that nothing else claimed: the last is the
    outlet ("By Jane Doe | Reuters"), as bylines name the writer before the outlet."""
    loose = [segment for segment, piece in zip(segments, pieces, strict=True) if piece is None]
    return [_Piece(outlet=loose[-1])] if loose else []


def _combine(pieces: list[_Piece]) -> MetaLine:
    dated = [piece for piece in pieces if piece.published is not None]
    best = min(dated, key=lambda piece: piece.date_kind) if dated else None
    outlet = next((piece.outlet for piece in pieces if piece.outlet is not None), None)
    return MetaLine(
        published=best.published if best else None,
        date_kind=best.date_kind if best else DateKind.PLAIN,
        outlet=outlet,
    )
