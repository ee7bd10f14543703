"""Documents → passages and their terms, on every core when the corpus is large.

Analysis is most of the time indexing takes: at a million passages, over a
minute on one core. Documents are independent of each other, so a large corpus
is cut and analysed in chunks by worker processes, one per core. Workers are
forked when this process runs a single thread (they start at once, with the
modules already imported); otherwise, as when the bot reloads from a thread,
they are spawned, since a process forked while another thread holds a lock can
hang. The pickles exchanged are our own, between our own processes; nothing
pickled is stored.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from retrieval.analysis import Analyzer
from retrieval.models import Document
from retrieval.passages import split_passages
from retrieval.progress import progress
from retrieval.ranking.term_ids import TermIds

PARALLEL_FROM_DOCUMENTS = 2_000
"""Below this many documents, starting workers costs more than it saves."""
CHUNK_DOCUMENTS = 1000

Job = tuple[str, str]
"""A document's title and body."""


@dataclass(frozen=True)
class AnalysedChunk:
    """Consecutive documents cut into passages, and the terms each passage is indexed
    under (its title's first), as term ids with the chunk's own vocabulary."""

    pieces: list[list[str]]
    """Each document's passages."""
    titles: list[str]
    """Each document's title terms, joined by spaces."""
    terms: TermIds

    def documents(self) -> Iterator[tuple[list[str], list[list[str]]]]:
        """Each document's passages with their terms as lists."""
        terms = iter(self.terms.passages())
        for pieces in self.pieces:
            yield pieces, [next(terms) for _ in pieces]


def analyse_documents(
    documents: Sequence[Document], analyzer: Analyzer, min_chars: int, max_chars: int
) -> Iterator[AnalysedChunk]:
    """The documents' passages and terms, chunk by chunk, in document order."""
    jobs = [(document.title, document.text) for document in documents]
    chunks = [
        jobs[start : start + CHUNK_DOCUMENTS] for start in range(0, len(jobs), CHUNK_DOCUMENTS)
    ]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM_DOCUMENTS or workers < 2:
        analysed: Iterator[AnalysedChunk] = (
            _analyse(chunk, analyzer, min_chars, max_chars) for chunk in chunks
        )
    else:
        analysed = _in_workers(chunks, analyzer, min_chars, max_chars, workers)
    yield from progress(analysed, "indexing documents", total=len(chunks))


def _analyse(chunk: list[Job], analyzer: Analyzer, min_chars: int, max_chars: int) -> AnalysedChunk:
    pieces: list[list[str]] = []
    titles: list[str] = []
    terms: list[list[str]] = []
    for title, text in chunk:
        title_terms = analyzer.passage_terms(title)
        document_pieces = split_passages(text, min_chars, max_chars)
        pieces.append(document_pieces)
        titles.append(" ".join(title_terms))
        terms.extend(title_terms + analyzer.passage_terms(piece) for piece in document_pieces)
    return AnalysedChunk(pieces, titles, TermIds.of(terms))


def _in_workers(
    chunks: list[list[Job]], analyzer: Analyzer, min_chars: int, max_chars: int, workers: int
) -> Iterator[AnalysedChunk]:
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(start_method()),
        initializer=_start_worker,
        initargs=(analyzer.equivalences, min_chars, max_chars),
    ) as pool:
        yield from pool.map(_analyse_in_worker, chunks)


def start_method() -> str:
    """``fork`` while it is safe (one thread), else ``spawn``."""
    return "fork" if threading.active_count() == 1 else "spawn"


_worker: tuple[Analyzer, int, int] | None = None


def _start_worker(equivalences: list[list[str]], min_chars: int, max_chars: int) -> None:
    global _worker
    _worker = (Analyzer(equivalences), min_chars, max_chars)


def _analyse_in_worker(chunk: list[Job]) -> AnalysedChunk:
    """A chunk's result; its terms travel back as one array of ids and a short
    vocabulary, which pickle far faster than lists of short strings."""
    assert _worker is not None, "the worker was not started by _start_worker"
    analyzer, min_chars, max_chars = _worker
    return _analyse(chunk, analyzer, min_chars, max_chars)
