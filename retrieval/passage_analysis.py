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
from multiprocessing import get_context

from retrieval.analysis import Analyzer
from retrieval.models import Document
from retrieval.passages import split_passages
from retrieval.progress import progress

PARALLEL_FROM_DOCUMENTS = 2_000
"""Below this many documents, starting workers costs more than it saves."""
CHUNK_DOCUMENTS = 250

Job = tuple[str, str]
"""A document's title and body."""
Analysed = tuple[list[str], list[list[str]]]
"""A document's passages, and the terms each is indexed under (title terms first)."""


def analyse_documents(
    documents: Sequence[Document], analyzer: Analyzer, min_chars: int, max_chars: int
) -> Iterator[Analysed]:
    """Each document's passages and their terms, in document order."""
    jobs = [(document.title, document.text) for document in documents]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM_DOCUMENTS or workers < 2:
        analysed: Iterator[Analysed] = (
            _analyse(job, analyzer, min_chars, max_chars) for job in jobs
        )
    else:
        analysed = _in_workers(jobs, analyzer, min_chars, max_chars, workers)
    yield from progress(analysed, "indexing documents", total=len(jobs))


def _analyse(job: Job, analyzer: Analyzer, min_chars: int, max_chars: int) -> Analysed:
    title, text = job
    title_terms = analyzer.passage_terms(title)
    pieces = split_passages(text, min_chars, max_chars)
    return pieces, [title_terms + analyzer.passage_terms(piece) for piece in pieces]


def _in_workers(
    jobs: list[Job], analyzer: Analyzer, min_chars: int, max_chars: int, workers: int
) -> Iterator[Analysed]:
    chunks = [
        jobs[start : start + CHUNK_DOCUMENTS] for start in range(0, len(jobs), CHUNK_DOCUMENTS)
    ]
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(start_method()),
        initializer=_start_worker,
        initargs=(analyzer.equivalences, min_chars, max_chars),
    ) as pool:
        for chunk in pool.map(_analyse_chunk, chunks):
            for pieces, joined in chunk:
                yield pieces, [terms.split() for terms in joined]


def start_method() -> str:
    """``fork`` while it is safe (one thread), else ``spawn``."""
    return "fork" if threading.active_count() == 1 else "spawn"


_worker: tuple[Analyzer, int, int] | None = None


def _start_worker(equivalences: list[list[str]], min_chars: int, max_chars: int) -> None:
    global _worker
    _worker = (Analyzer(equivalences), min_chars, max_chars)


def _analyse_chunk(chunk: list[Job]) -> list[tuple[list[str], list[str]]]:
    """A chunk's results, each passage's terms joined by spaces: one string pickles far
    faster than a list of short ones, and terms never contain spaces."""
    assert _worker is not None, "the worker was not started by _start_worker"
    analyzer, min_chars, max_chars = _worker
    results = []
    for job in chunk:
        pieces, terms = _analyse(job, analyzer, min_chars, max_chars)
        results.append((pieces, [" ".join(passage) for passage in terms]))
    return results
