"""Analysing a large corpus in worker processes gives what one process gives."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import retrieval.passage_analysis as passage_analysis
from retrieval.analysis import Analyzer
from retrieval.ingest import read_corpus
from tests.conftest import SEEDS


def _analysed() -> list[tuple[list[str], list[list[str]]]]:
    """Each document's passages and their terms."""
    documents = read_corpus(SEEDS).documents
    analyzer = Analyzer.for_corpus((document.text for document in documents), [])
    chunks = passage_analysis.analyse_documents(documents, analyzer, 200, 1200)
    return [document for chunk in chunks for document in chunk.documents()]


def test_workers_give_the_passages_and_terms_one_process_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = _analysed()
    monkeypatch.setattr(passage_analysis, "PARALLEL_FROM_DOCUMENTS", 0)
    monkeypatch.setattr(passage_analysis, "CHUNK_DOCUMENTS", 2)
    assert _analysed() == alone


def test_workers_are_spawned_not_forked_while_other_threads_run() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert passage_analysis.start_method() == "spawn"
    finally:
        stop.set()
        other.join()


def test_spawned_workers_give_the_same_result(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    alone = _analysed()
    monkeypatch.setattr(passage_analysis, "PARALLEL_FROM_DOCUMENTS", 0)
    monkeypatch.setattr(passage_analysis, "start_method", lambda: "spawn")
    assert _analysed() == alone
