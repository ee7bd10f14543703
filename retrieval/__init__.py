"""Citebot's retrieval core: cited answers from a corpus of news articles.

Usable without Telegram::

    from retrieval import Library, RetrievalSettings, render_plain

    library = Library(RetrievalSettings(corpus_dir="seeds"))
    print(render_plain(library.answer("When was the SCO founded?")))

The pipeline: files → documents (``ingest``) → passages (``passages``) → index
(``analysis``, ``ranking``, ``index``) → ranked passages → answer
(``answering``) → rendered reply (``render``; the bot renders HTML itself).
"""

from retrieval.errors import CorpusError
from retrieval.library import Library
from retrieval.models import Answer, DocumentInfo, Quote, ReloadReport, SkippedFile
from retrieval.render import render_plain
from retrieval.settings import RetrievalSettings

__all__ = [
    "Answer",
    "CorpusError",
    "DocumentInfo",
    "Library",
    "Quote",
    "ReloadReport",
    "RetrievalSettings",
    "SkippedFile",
    "render_plain",
]
