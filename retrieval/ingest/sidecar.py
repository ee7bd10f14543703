"""NAME.meta.json files: an editor's corrections to an article's fields.

Whatever the page or record says, a sidecar has the last word (a wrong outlet,
a missing date). A sidecar is never an article itself.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from retrieval.ingest.article import Article, UnreadableFile
from retrieval.ingest.dates import parse_date
from retrieval.ingest.text import clean_lines, join_paragraphs, normalise_space

SIDECAR_SUFFIX = ".meta.json"


class Overrides(BaseModel):
    """The fields a sidecar sets; only those it names are overridden (null clears)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    text: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None

    @field_validator("title", "source", "url")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return normalise_space(value) or None

    @field_validator("text")
    @classmethod
    def _paragraphs(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return join_paragraphs(clean_lines(value)) or None

    @field_validator("published", mode="before")
    @classmethod
    def _human_date(cls, value: object) -> object:
        """Editors write dates the way pages print them, not only in ISO form."""
        if not isinstance(value, str):
            return value
        published = parse_date(value)
        if published is None:
            raise ValueError(f"{value!r} is not a date")
        return published

    def changes(self) -> dict[str, Any]:
        changed = self.model_dump(include=self.model_fields_set)
        for required in ("title", "text"):
            if required in changed and changed[required] is None:
                raise UnreadableFile(f"sidecar cannot clear the {required}")
        return changed


NO_OVERRIDES = Overrides()


def is_sidecar(path: str) -> bool:
    return path.endswith(SIDECAR_SUFFIX)


def sidecar_path(article_path: str) -> str:
    """ "news/a.txt" → "news/a.meta.json" (the article name without its extension)."""
    path = PurePosixPath(article_path)
    return str(path.with_name(path.stem + SIDECAR_SUFFIX))


def parse_sidecar(text: str) -> Overrides:
    try:
        overrides = Overrides.model_validate_json(text)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, problem['loc'])) or 'file'}: {problem['msg']}"
            for problem in error.errors()
        )
        raise UnreadableFile(f"invalid sidecar ({problems})") from error
    overrides.changes()
    return overrides


def apply_overrides(article: Article, overrides: Overrides) -> Article:
    return dataclasses.replace(article, **overrides.changes())
