"""The library: the corpus being served, answering questions and reloading in place.

Every face of the project (terminal, Telegram, evaluation, benchmark) holds one
``Library`` and calls ``answer``. A reload builds a complete new index while
the current one keeps answering, then swaps the reference in one assignment:
a question in flight finishes on the snapshot it started with, and a failed
reload leaves the served corpus untouched.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Sequence

from retrieval.answering.builder import answer_question
from retrieval.answering.language import is_english, load_identifier
from retrieval.answering.model import AnswerModel, load_model
from retrieval.answering.semantic import word_vectors
from retrieval.answering.word_classes import word_classes
from retrieval.gazetteer import is_place_name
from retrieval.index import SearchIndex, build_index
from retrieval.index_store import load_or_build
from retrieval.models import Answer, DocumentInfo, ReloadReport, SkippedFile
from retrieval.settings import RetrievalSettings

log = logging.getLogger(__name__)


class Library:
    def __init__(
        self,
        settings: RetrievalSettings | None = None,
        index: SearchIndex | None = None,
        model: AnswerModel | None = None,
    ) -> None:
        """Serve ``index``, or load and index ``settings.corpus_dir``; raises ``CorpusError``
        when it cannot. ``model`` replaces the fitted answer model (training tries some)."""
        self.settings = settings or RetrievalSettings()
        self.model = model or load_model()
        self._reloading = threading.Lock()
        self._index = index or self._build()
        settle_memory()

    @property
    def index(self) -> SearchIndex:
        return self._index

    @property
    def documents(self) -> Sequence[DocumentInfo]:
        return self._index.documents

    @property
    def passage_count(self) -> int:
        return len(self._index.passages)

    @property
    def engine(self) -> str:
        return self._index.engine

    @property
    def skipped(self) -> list[SkippedFile]:
        return self._index.skipped

    def answer(self, question: str) -> Answer:
        return answer_question(self._index, question, self.settings, self.model)

    def warm_up(self) -> None:
        """Load what answering loads on first use, about 0.8 s in all, so that a running
        bot's first questions are answered as fast as the rest. A one-question command
        leaves it out: it would pay for what its question may not need."""
        word_vectors().load_vocabulary()  # wordllama's vectors and whole words
        load_identifier()  # py3langid's model
        is_english("warm")  # simplemma's English dictionary
        word_classes("warm")  # lemminflect's table of word forms
        is_place_name("warm")  # pycountry's countries and regions

    def reload(self) -> ReloadReport:
        """Re-read the corpus directory and serve it; on any error the old corpus stays."""
        with self._reloading:
            before = self._index
            started = time.perf_counter()
            after = self._build()
            self._index = after
            report = _compare(before, after, time.perf_counter() - started)
            del before
            settle_memory()
        log.info(
            "reloaded %s: %d→%d documents, %d→%d passages in %.2fs",
            after.corpus_dir,
            report.documents_before,
            report.documents_after,
            report.passages_before,
            report.passages_after,
            report.seconds,
        )
        return report

    def _build(self) -> SearchIndex:
        return load_or_build(self.settings, self._index_corpus)

    def _index_corpus(self) -> SearchIndex:
        from retrieval.ingest import read_corpus  # HTML parsing and all: only when building

        return build_index(read_corpus(self.settings.corpus_dir), self.settings)


def settle_memory() -> None:
    """Leave everything loaded so far out of the garbage collector's full passes.

    A loaded index is hundreds of thousands of objects (term tables, document records),
    and a full pass over them paused a question by 100-150 ms every few hundred questions:
    at 100k passages the answer path's p99 was 53 ms with them and 17-25 ms without. The
    collector is run first, so that an index a reload replaced, and the garbage of
    building, are freed rather than kept for good; that one collection costs a load 0.2 s
    at 1M passages."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _compare(before: SearchIndex, after: SearchIndex, seconds: float) -> ReloadReport:
    old, new = before.file_hashes, after.file_hashes
    return ReloadReport(
        documents_before=len(before.documents),
        documents_after=len(after.documents),
        passages_before=len(before.passages),
        passages_after=len(after.passages),
        added=sorted(new.keys() - old.keys()),
        removed=sorted(old.keys() - new.keys()),
        changed=sorted(path for path in new.keys() & old.keys() if new[path] != old[path]),
        skipped=after.skipped,
        seconds=round(seconds, 3),
        engine=after.engine,
    )
