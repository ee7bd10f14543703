"""A large corpus is read by worker processes, with the same result as one process."""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from retrieval.ingest import reader
from retrieval.ingest.reader import read_corpus


def write_corpus(directory: Path, files: int) -> None:
    for number in range(files):
        (directory / f"story-{number:04}.txt").write_text(
            f"Story number {number} about the railway\n"
            f"Engineers laid {number} metres of track on the new line this week, the "
            "ministry said on Monday.\n",
            encoding="utf-8",
        )
    (directory / "story-0007.meta.json").write_text('{"source": "Wire"}', encoding="utf-8")
    (directory / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The worker pools the reader starts, counted."""
    started: list[object] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(reader, "ProcessPoolExecutor", CountedPool)
    return started


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers are used from two cores")
def test_workers_read_the_same_documents_skips_and_hashes_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[object]
) -> None:
    write_corpus(tmp_path, reader.PARALLEL_FROM_FILES + 10)
    in_workers = read_corpus(tmp_path)
    assert len(pools) == 1, "a corpus this large is read by worker processes"
    monkeypatch.setattr(reader, "PARALLEL_FROM_FILES", 10**9)
    in_one_process = read_corpus(tmp_path)
    assert in_workers == in_one_process
    assert in_workers.documents[7].source == "Wire"
    assert [skipped.path for skipped in in_workers.skipped] == ["broken.txt"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers are used from two cores")
def test_a_few_large_files_are_read_by_workers_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[object]
) -> None:
    """An archive exported as a few big JSON Lines files is large by its bytes, not its
    file count: it is shared among the workers file by file."""
    for part in range(4):
        lines = [
            json.dumps(
                {
                    "title": f"Railway report {part}-{number}",
                    "text": f"Engineers laid {number} metres of track in section {part}.",
                    "source": "Wire",
                    "published": "2025-07-03",
                }
            )
            for number in range(20)
        ]
        (tmp_path / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(reader, "PARALLEL_FROM_BYTES", 1_000)
    in_workers = read_corpus(tmp_path)
    assert len(pools) == 1
    monkeypatch.setattr(reader, "PARALLEL_FROM_BYTES", 10**12)
    assert read_corpus(tmp_path) == in_workers
    assert len(pools) == 1
    assert len(in_workers.documents) == 80
