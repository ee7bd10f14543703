"""``python -m bot``: the terminal face (``ask``, ``chat``) and the Telegram bot (``run``).

``ask`` prints exactly what a Telegram user would read, as plain text: the same
``Library.answer`` call, rendered by ``retrieval.render`` instead of HTML.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from bot.health import HEALTHY_WITHIN_SECONDS, check, check_webhook
from retrieval.cli import add_common_options, add_version_option, load_settings, open_library
from retrieval.library import Library
from retrieval.progress import disable_progress
from retrieval.render import answer_payload, render_plain

CHAT_EXIT_WORDS = frozenset({"quit", "exit", ":q"})


def build_parser(prog: str = "citebot") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Citebot answers questions about news articles by quoting the passages "
        "that answer them, each with its source. Settings come from the environment and .env "
        "(see .env.example).",
    )
    add_version_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ask = commands.add_parser(
        "ask",
        help="answer one question in the terminal, as the bot would in Telegram",
        description="Answer QUESTION from the corpus and print the reply as plain text "
        "(the answering span between ** **), or with --json as "
        '{"question", "found", "confidence", "text", "passages": [...]}.',
    )
    ask.add_argument("question", nargs="*", help="the question (quote it or not)")
    add_common_options(ask)
    chat = commands.add_parser(
        "chat",
        help="ask questions one after another in an interactive session",
        description="Read questions from standard input, one a line, and answer each; "
        "an empty line, 'quit' or end of input ends the session.",
    )
    add_common_options(chat)
    run = commands.add_parser(
        "run",
        help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)",
        description="Serve the corpus on Telegram: long polling, or a webhook when WEBHOOK_URL "
        "is set. Needs TELEGRAM_BOT_TOKEN; ADMIN_USER_IDS may /reload and upload articles. "
        "With --json, log lines are JSON objects.",
    )
    add_common_options(run)
    health = commands.add_parser(
        "health",
        help="exit 0 if the running bot is alive: it polled Telegram in the last two minutes, "
        "or its webhook server answers",
        description="Polling: read the heartbeat file (HEARTBEAT_FILE) that the bot refreshes "
        "with every successful getUpdates. With WEBHOOK_URL set: ask the webhook server's "
        "/healthz on WEBHOOK_PORT. For Docker's HEALTHCHECK or a supervisor.",
    )
    health.add_argument(
        "--within", type=float, default=HEALTHY_WITHIN_SECONDS, metavar="SECONDS",
        help=f"how recent the last poll must be (default {HEALTHY_WITHIN_SECONDS:g})",
    )  # fmt: skip
    return parser


def main(argv: list[str] | None = None, prog: str = "citebot") -> int:
    args = build_parser(prog).parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "health":
        return _health(args.within)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    library = open_library(args.corpus)
    if args.command == "ask":
        _print_answer(library, " ".join(args.question), as_json=args.json)
        return 0
    return _chat(library, as_json=args.json)


def _print_answer(library: Library, question: str, as_json: bool) -> None:
    answer = library.answer(question)
    if as_json:
        print(json.dumps(answer_payload(answer), ensure_ascii=False))
    else:
        print(render_plain(answer))


def _chat(library: Library, as_json: bool) -> int:
    interactive = sys.stdin.isatty()
    if interactive:
        import readline  # noqa: F401  (input() gains line editing and history)

        print(
            f"Citebot knows {len(library.documents)} articles. Ask a question; "
            "an empty line or 'quit' ends."
        )
    while True:
        try:
            line = input("? " if interactive else "")
        except (EOFError, KeyboardInterrupt):
            if interactive:
                print()  # end the prompt's line, so the shell's prompt starts on its own
            break
        if not line.strip() or line.strip().lower() in CHAT_EXIT_WORDS:
            break
        _print_answer(library, line, as_json=as_json)
        if not as_json:
            print()
    return 0


def _health(within: float) -> int:
    from bot.settings import BotSettings

    settings = load_settings(BotSettings)
    if settings.webhook_url is not None:
        healthy, line = check_webhook(settings.webhook_port)
    else:
        healthy, line = check(settings.heartbeat_file, within)
    print(line)
    return 0 if healthy else 1


def _run(args: argparse.Namespace) -> int:
    """Serve on Telegram; a failure to start is one line naming what to check, exit 1,
    and never shows the token."""
    from telegram.error import InvalidToken, TelegramError

    from bot.app import require_token, run_bot
    from bot.logging_setup import REDACTED
    from bot.settings import BotSettings

    settings = load_settings(BotSettings)
    if args.json:
        settings = settings.model_copy(update={"log_format": "json"})
    token = require_token(settings)
    disable_progress()  # the bot logs in lines; a progress bar is for a person at a terminal
    library = open_library(args.corpus)
    try:
        run_bot(settings, library)
    except InvalidToken:
        print(
            "error: Telegram rejected TELEGRAM_BOT_TOKEN: check it against the token "
            "@BotFather gave you (it may have been revoked)",
            file=sys.stderr,
        )
        return 1
    except (TelegramError, ValueError, OSError) as error:
        message = str(error).replace(token, REDACTED)
        print(
            f"error: the bot could not start: {message} "
            "(check TELEGRAM_API_BASE_URL, WEBHOOK_* and the network)",
            file=sys.stderr,
        )
        return 1
    return 0
