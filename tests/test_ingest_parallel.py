"""A large corpus is read by worker processes, with the same result as one process."""

from __future__ import annotations

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


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers are used from two cores")
def test_workers_read_the_same_documents_skips_and_hashes_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path, reader.PARALLEL_FROM_FILES + 10)
    pools: list[object] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(reader, "ProcessPoolExecutor", CountedPool)
    in_workers = read_corpus(tmp_path)
    assert len(pools) == 1, "a corpus this large is read by worker processes"
    monkeypatch.setattr(reader, "PARALLEL_FROM_FILES", 10**9)
    in_one_process = read_corpus(tmp_path)
    assert in_workers == in_one_process
    assert in_workers.documents[7].source == "Wire"
    assert [skipped.path for skipped in in_workers.skipped] == ["broken.txt"]
