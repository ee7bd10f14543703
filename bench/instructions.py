"""Instructions per answered question, counted by valgrind: for comparing two commits.

On a shared machine the wall-clock time of the same answer path varies between
runs by more than most changes to it (the same commit measured 6.6 to 9.8 ms
at the 10k corpus's p50 in four runs). The instructions it executes do not:
valgrind's callgrind counts them. One process answers the questions after the
same warm-up as ``bench.measure`` serves them; another does everything but the
questions; the difference, divided by the number of questions, is the answer
path's cost. Run it in each commit's work tree on a corpus ``make bench`` has
generated (``python -m bench.instructions 10k``); it builds the index the first
time and keeps it under the corpus's folder. Needs valgrind; about five minutes
at 10k.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.measure import WARM_UP, settings_for
from bench.run import CORPORA
from retrieval.answering.builder import answer_question
from retrieval.index import build_index
from retrieval.index_store import cache_directory, fingerprint, load_index, save_index
from retrieval.ingest import read_corpus
from retrieval.settings import RetrievalSettings

_COLLECTED = re.compile(r"Collected : (\d+)")


def saved_index(label: str) -> tuple[RetrievalSettings, Path, str]:
    """The settings, folder and key of the corpus's bm25s index for the code as it is."""
    root = CORPORA / label
    settings = settings_for(root / "articles", root / "cache-instructions", "bm25s")
    key = fingerprint(settings)
    return settings, cache_directory(settings, key), key


def prepare(label: str) -> None:
    """Build and save the index unless it is saved already: outside valgrind, once."""
    settings, directory, key = saved_index(label)
    if not directory.exists():
        save_index(build_index(read_corpus(settings.corpus_dir), settings), directory, key)


def answer(label: str, questions: int) -> None:
    """Load the saved index and answer ``questions`` after the warm-up: what valgrind
    counts. A missing index means the code changed since ``prepare``: the two counts
    would not be of the same code."""
    settings, directory, key = saved_index(label)
    if not directory.exists():
        raise SystemExit("the code changed while counting; run again")
    index = load_index(directory, key)
    asked = json.loads((CORPORA / label / "questions.json").read_text(encoding="utf-8"))
    for question in asked[: WARM_UP + questions]:
        answer_question(index, question["text"], settings)


def count(label: str, questions: int) -> int:
    """Instructions executed by a process that answers ``questions`` questions."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={Path(scratch) / 'callgrind.out'}",
                sys.executable,
                "-m",
                "bench.instructions",
                label,
                "--answer",
                str(questions),
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    found = _COLLECTED.search(result.stderr)
    if result.returncode or found is None:
        raise RuntimeError(f"no instruction count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", help="a corpus make bench generated: 10k, 100k-frequent, …")
    parser.add_argument("--questions", type=int, default=80)
    parser.add_argument("--answer", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.answer is not None:
        answer(args.corpus, args.answer)
        return
    prepare(args.corpus)
    fixed = count(args.corpus, 0)
    total = count(args.corpus, args.questions)
    per_question = (total - fixed) / args.questions
    print(f"{args.corpus}: {per_question / 1e6:.1f} million instructions per question")


if __name__ == "__main__":
    main()
