"""``python -m retrieval``: look inside a corpus and measure answers, without Telegram."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import NoReturn, TypeVar

from pydantic import ValidationError
from pydantic_settings import BaseSettings

from retrieval.answering.model import MODEL_FILE, AnswerModel
from retrieval.errors import CorpusError
from retrieval.evaluation import (
    QuestionResult,
    QuestionSetError,
    evaluate,
    read_questions,
    result_line,
    summarize,
    summary_json,
    summary_lines,
)
from retrieval.index import build_index
from retrieval.library import Library
from retrieval.models import EvalQuestion
from retrieval.render import format_date
from retrieval.settings import RetrievalSettings, settings_errors
from retrieval.squad import SquadSet, read_squad

Settings = TypeVar("Settings", bound=BaseSettings)


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


def load_settings(factory: Callable[[], Settings]) -> Settings:
    """Settings from the environment and ``.env``; a bad one exits 2 with a line each."""
    try:
        return factory()
    except ValidationError as error:
        for line in settings_errors(error):
            print(f"error: bad setting {line}", file=sys.stderr)
        raise SystemExit(2) from None


def open_library(corpus: Path | None) -> Library:
    """The library for ``--corpus`` (or the settings' directory); exits 2 naming the path if
    the corpus cannot be served."""
    settings = load_settings(RetrievalSettings)
    if corpus is not None:
        settings = settings.model_copy(update={"corpus_dir": corpus})
    try:
        return Library(settings)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from error


def add_version_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")


def package_version() -> str:
    try:
        return metadata.version("citebot")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def build_parser(prog: str = "citebot-retrieval") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Inspect a corpus and evaluate Citebot's answers on a question set.",
    )
    add_version_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="list the documents with their metadata and passages")
    show.add_argument(
        "--passages", action="store_true", help="print every passage's text under its document"
    )
    add_common_options(show)
    run_eval = commands.add_parser(
        "eval",
        help="answer a question set (JSON lines: id, question, answers, doc) and score it",
        description="Answer every question of FILE and print each result, then the summary: "
        "answerable, top1 (an answer in the first quoted passage), in_reply (anywhere in the "
        "reply), unanswerable, declined (rightly) and wrongly_declined.",
    )
    source = run_eval.add_mutually_exclusive_group(required=True)
    source.add_argument("file", type=Path, metavar="FILE.jsonl", nargs="?")
    source.add_argument(
        "--squad",
        type=Path,
        metavar="FILE.json[.gz]",
        help="a SQuAD-format file: its articles are the corpus, its questions the set",
    )
    add_common_options(run_eval)
    run_train = commands.add_parser(
        "train",
        help="fit the answer model on ../shared/squad and write it (needs the dev extra)",
        description="Fit the answer model on SQuAD's training pieces, choose the decline "
        "threshold on the dev piece, write the model file and print the dev figures (also "
        "with each dev article's questions asked of that article alone).",
    )
    run_train.add_argument(
        "--shared", type=Path, default=Path("../shared"), metavar="DIR", help="default ../shared"
    )
    run_train.add_argument(
        "--out", type=Path, default=MODEL_FILE, metavar="FILE", help="default: the packaged model"
    )
    held_out = commands.add_parser(
        "held-out",
        help="fit twice, each time without half the articles of train-v2.0, and answer their "
        "questions (needs the dev extra; about 25 minutes)",
        description="Measure the whole answer path on articles no stage was fitted on and no "
        "setting was chosen on: each half of train-v2.0's articles is left out of fitting in "
        "turn and its questions, answerable and unanswerable, answered from those articles "
        "and from each article alone; dev's questions are asked of both too, as off-topic "
        "ones.",
    )
    held_out.add_argument(
        "--shared", type=Path, default=Path("../shared"), metavar="DIR", help="default ../shared"
    )
    return parser


def main(argv: list[str] | None = None, prog: str = "citebot-retrieval") -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser(prog).parse_args(argv)
    if args.command == "train":
        return _train(args.shared, args.out)
    if args.command == "held-out":
        return _held_out(args.shared)
    if args.command == "eval" and args.squad is not None:
        return _eval_squad(args.squad, as_json=args.json)
    library = open_library(args.corpus)
    if args.command == "show":
        return _show(library, as_json=args.json, passages=args.passages)
    return _eval(library, args.file, as_json=args.json)


def _show(library: Library, as_json: bool, passages: bool) -> int:
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
        if passages:
            for number, text in enumerate(entry["passages"]):
                print(f"\n  [{number}] {text}")
    for skipped in library.skipped:
        print(f"\nskipped {skipped.path}: {skipped.reason}")
    return 0


def _eval(library: Library, path: Path, as_json: bool) -> int:
    try:
        questions = read_questions(path)
    except (OSError, QuestionSetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return _report(library, list(questions), as_json)


def _eval_squad(path: Path, as_json: bool) -> int:
    try:
        squad = read_squad(path)
    except (OSError, ValueError, KeyError) as error:
        print(f"error: {path}: not a readable SQuAD file ({error})", file=sys.stderr)
        return 2
    return _report(_squad_library(squad), list(squad.questions), as_json)


def _squad_library(squad: SquadSet, model: AnswerModel | None = None) -> Library:
    settings = load_settings(RetrievalSettings)
    return Library(settings, build_index(squad.corpus, settings), model)


def _train(shared: Path, out: Path) -> int:
    """Fit, write the model, and show what it does on the dev data and the seeds."""
    from retrieval.training.train import train  # scikit-learn, LightGBM: only for this command

    logging.getLogger("retrieval").setLevel(logging.INFO)
    model = train(shared, RetrievalSettings())
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    dev = read_squad(next((shared / "squad").glob("dev-*.json.gz")))
    seeds = Library(RetrievalSettings(), model=model)
    for name, library, questions in (
        ("SQuAD dev", _squad_library(dev, model), list(dev.questions)),
        ("seeds", seeds, read_questions(shared / "eval" / "dev.jsonl")),
    ):
        print(f"\n{name}:")
        print("\n".join(summary_lines(summarize(evaluate(library, questions)))))
    print("\nSQuAD dev, each article's questions asked of that article alone:")
    print("\n".join(summary_lines(summarize(_each_article_alone(dev, model)))))
    return 0


def _each_article_alone(squad: SquadSet, model: AnswerModel) -> list[QuestionResult]:
    """News-sized corpora, where a fair question's ordinary word is more often one that no
    article uses, which the decline threshold, chosen on the whole dev corpus, does not
    see."""
    results: list[QuestionResult] = []
    for title in squad.titles:
        article = squad.only([title])
        results += evaluate(_squad_library(article, model), article.questions)
    return results


def _held_out(shared: Path) -> int:
    from retrieval.training.held_out import held_out  # scikit-learn, LightGBM, as for train

    logging.getLogger("retrieval").setLevel(logging.INFO)
    measured = held_out(shared, RetrievalSettings())
    for heading, results in (
        ("questions of the held-out articles", measured.judged),
        (
            "off-topic: dev questions asked of them (naming only what they mention)",
            measured.off_topic,
        ),
        ("each held-out article's questions asked of that article alone", measured.alone),
        ("off-topic: dev questions asked of each held-out article alone", measured.alone_off_topic),
    ):
        print(f"\n{heading}:")
        print("\n".join(summary_lines(summarize(results))))
    return 0


def _report(library: Library, questions: list[EvalQuestion], as_json: bool) -> int:
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
