"""``python -m retrieval``: look inside a corpus and measure answers, without Telegram."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from retrieval.errors import CorpusError
from retrieval.evaluation import (
    QuestionSetError,
    evaluate,
    read_questions,
    result_line,
    summarize,
    summary_json,
    summary_lines,
)
from retrieval.library import Library
from retrieval.render import format_date
from retrieval.settings import RetrievalSettings


def run_command(main: Callable[[], int]) -> NoReturn:
    """Exit with ``main``'s status; quietly when the reader of our output (``head``) left."""
    try:
        status = main()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    raise SystemExit(status)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """``--corpus`` and ``--json``, which every command of both CLIs takes."""
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="corpus directory (default: CORPUS_DIR, or seeds/)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def open_library(corpus: Path | None) -> Library:
    """The library for ``--corpus`` (or the settings' directory); exits 2 naming the path if
    the corpus cannot be served."""
    settings = RetrievalSettings()
    if corpus is not None:
        settings = settings.model_copy(update={"corpus_dir": corpus})
    try:
        return Library(settings)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m retrieval",
        description="Inspect a corpus and evaluate Citebot's answers on a question set.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="list the documents with their metadata and passages")
    add_common_options(show)
    run_eval = commands.add_parser(
        "eval",
        help="answer a question set (JSON lines: id, question, answers, doc) and score it",
        description="Answer every question of FILE and print each result, then the summary: "
        "answerable, top1 (an answer in the first quoted passage), in_reply (anywhere in the "
        "reply), unanswerable, declined (rightly) and wrongly_declined.",
    )
    run_eval.add_argument("file", type=Path, metavar="FILE.jsonl")
    add_common_options(run_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    library = open_library(args.corpus)
    if args.command == "show":
        return _show(library, as_json=args.json)
    return _eval(library, args.file, as_json=args.json)


def _show(library: Library, as_json: bool) -> int:
    index = library.index
    listing = [
        {
            **document.model_dump(mode="json", exclude={"path"}),
            "passages": index.passages_of(number),
        }
        for number, document in enumerate(index.documents)
    ]
    if as_json:
        payload = {
            "documents": listing,
            "engine": library.engine,
            "skipped": [skipped.model_dump() for skipped in library.skipped],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(index.documents)} documents, {library.passage_count} passages "
        f"in {index.corpus_dir} (engine: {library.engine})"
    )
    for document, entry in zip(index.documents, listing, strict=True):
        details = ", ".join(v for v in (document.source, format_date(document)) if v)
        print(f"\n{document.doc_id}: {document.title}")
        print(f"  {details or 'no outlet or date'}; {len(entry['passages'])} passages")
    for skipped in library.skipped:
        print(f"\nskipped {skipped.path}: {skipped.reason}")
    return 0


def _eval(library: Library, path: Path, as_json: bool) -> int:
    try:
        questions = read_questions(path)
    except (OSError, QuestionSetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    results = evaluate(library, questions)
    summary = summarize(results)
    if as_json:
        print(summary_json(summary, results))
        return 0
    for result in results:
        print(result_line(result))
    print()
    print("\n".join(summary_lines(summary)))
    return 0
