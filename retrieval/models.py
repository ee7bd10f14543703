"""The data that crosses the retrieval core's boundaries.

Everything the core hands to a caller (the bot, the terminal, the evaluation,
other tools reading ``--json``) is one of these pydantic models, so its shape is
checked and serialises the same way everywhere. Inside the hot loops the core
keeps plain lists and NumPy arrays instead; these models are made at the edge.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict


class DocumentInfo(BaseModel):
    """What a reader needs to cite an article: everything but its text."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    title: str
    source: str | None = None
    published: date | None = None
    url: str | None = None
    path: str
    """The file the article came from, relative to the corpus directory."""


class Document(DocumentInfo):
    """An article as ingested: its metadata and its cleaned body text.

    ``text`` holds the body only (no headline, no page furniture), with
    paragraphs separated by a blank line.
    """

    text: str

    def info(self) -> DocumentInfo:
        return DocumentInfo(**self.model_dump(exclude={"text"}))


class SkippedFile(BaseModel):
    """A corpus file that could not be used, and why, so a reload can say so."""

    model_config = ConfigDict(frozen=True)

    path: str
    reason: str


class CorpusLoad(BaseModel):
    """The result of reading a corpus directory."""

    directory: str
    documents: list[Document]
    skipped: list[SkippedFile]
    file_hashes: dict[str, str]
    """Content hash of every file read (used or skipped), keyed by relative path."""


class Quote(BaseModel):
    """One cited excerpt of an answer.

    ``text`` is the passage exactly as quoted (possibly trimmed with "…");
    ``sentence_start``/``sentence_end`` delimit the answering sentence inside it
    and ``mark_start``/``mark_end`` the answer itself, which renderers emphasise
    (bold in Telegram, a marker in the terminal).
    """

    number: int
    passage_id: str
    """``doc_id:position`` of the quoted passage."""
    document: DocumentInfo
    text: str
    highlight: str
    """The answering sentence, verbatim."""
    sentence_start: int
    sentence_end: int
    mark_start: int
    mark_end: int
    score: float
    """The model's probability that this passage's sentence answers."""

    @property
    def answer(self) -> str:
        """The marked answer, verbatim."""
        return self.text[self.mark_start : self.mark_end]


AnswerStatus = Literal["answered", "declined", "empty", "unsupported_language"]


class Answer(BaseModel):
    """The reply to one question, before rendering."""

    question: str
    status: AnswerStatus
    quotes: list[Quote]
    document_count: int
    """How many articles the corpus holds (a declined answer says so)."""
    truncated_from: int | None = None
    """Original length when the question was cut to the maximum length."""
    confidence: float | None = None
    """The model's probability that the first quote answers the question, which declining
    compares with the threshold; 0 when the question names what no article mentions; none
    when no model was asked (an empty question, another language)."""

    @property
    def found(self) -> bool:
        return self.status == "answered"


class EvalQuestion(BaseModel):
    """A question of a question set, with every answer people accept (none: unanswerable)."""

    id: str
    question: str
    answers: list[str]
    doc: str | None = None


class ReloadReport(BaseModel):
    """What a reload changed, for the admin who asked for it."""

    documents_before: int
    documents_after: int
    passages_before: int
    passages_after: int
    added: list[str]
    removed: list[str]
    changed: list[str]
    skipped: list[SkippedFile]
    seconds: float
    engine: str
