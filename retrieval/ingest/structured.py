"""Articles delivered as data (.json, .jsonl): trusted fields, no page to clean.

A .json holds one article object or a list of them; a .jsonl one object a line.
A bad record is left out and reported, and its file's other records are served.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from retrieval.ingest.article import Article, FileArticles, UnreadableFile
from retrieval.ingest.dates import parse_date
from retrieval.ingest.text import clean_lines, join_paragraphs, normalise_space
from retrieval.models import SkippedFile


class _BadRecord(Exception):
    pass


def parse_json(text: str, path: str) -> FileArticles:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"invalid JSON: {error}") from error
    if isinstance(data, dict):
        try:
            return FileArticles([record_article(data, path)], [])
        except _BadRecord as error:
            raise UnreadableFile(str(error)) from error
    if isinstance(data, list):
        return _collect((f"{path}#{number}", item) for number, item in enumerate(data, start=1))
    raise UnreadableFile("JSON is neither an article object nor a list of them")


def parse_jsonl(text: str, path: str) -> FileArticles:
    articles: list[Article] = []
    rejected: list[SkippedFile] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        doc_id = f"{path}#{number}"
        try:
            articles.append(record_article(json.loads(line), doc_id))
        except json.JSONDecodeError as error:
            rejected.append(SkippedFile(path=doc_id, reason=f"invalid JSON: {error}"))
        except _BadRecord as error:
            rejected.append(SkippedFile(path=doc_id, reason=str(error)))
    return FileArticles(articles, rejected)


def _collect(records: Iterable[tuple[str, object]]) -> FileArticles:
    articles: list[Article] = []
    rejected: list[SkippedFile] = []
    for doc_id, item in records:
        try:
            articles.append(record_article(item, doc_id))
        except _BadRecord as error:
            rejected.append(SkippedFile(path=doc_id, reason=str(error)))
    return FileArticles(articles, rejected)


def record_article(record: object, doc_id: str) -> Article:
    if not isinstance(record, dict):
        raise _BadRecord("record is not a JSON object")
    title = _text_field(record, "title")
    body = join_paragraphs(clean_lines(_text_field(record, "text")))
    if not title or not body:
        raise _BadRecord("record needs a non-empty 'title' and 'text'")
    return Article(
        doc_id=doc_id,
        title=normalise_space(title),
        text=body,
        source=_optional_text(record, "source"),
        published=parse_date(_text_field(record, "published")),
        url=_optional_text(record, "url"),
    )


def _text_field(record: dict[str, Any], key: str) -> str:
    """A field's text; values of the wrong type count as absent."""
    value = record.get(key)
    return value if isinstance(value, str) else ""


def _optional_text(record: dict[str, Any], key: str) -> str | None:
    return normalise_space(_text_field(record, key)) or None
