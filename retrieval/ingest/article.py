"""What a file yields before it becomes a Document, and how a file fails."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from retrieval.models import SkippedFile

_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")
FALLBACK_TITLE_CHARS = 100


class UnreadableFile(Exception):
    """A file (or sidecar) that yields no article; the message is the reason."""


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    title: str
    text: str
    source: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class FileArticles:
    """The articles of one file, and the records in it that had to be left out."""

    articles: list[Article]
    rejected: list[SkippedFile]


def fallback_title(text: str) -> str:
    """A page without a recognisable headline is cited by its opening words."""
    opening = text.split("\n", 1)[0]
    match = _FIRST_SENTENCE.match(opening)
    sentence = match[0] if match else opening
    if len(sentence) <= FALLBACK_TITLE_CHARS:
        return sentence
    return sentence[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
