"""The bot's own throughput: 1,000 questions from 50 chats through the Bot API stand-in.

The bot runs as it does in production: ``python -m bot run`` in its own
process, configured only through the environment (rate limiter off), long
polling the local stand-in of the Telegram Bot API over HTTP on 127.0.0.1. The
stand-in and the fifty chats run here, in the benchmark's process, so their
work is not charged to the bot's interpreter: on two cores each side has one.
The chats ask at once, each sending its next question when the previous one is
answered, as people in a busy newsroom chat would; so this measures our side
(polling, parsing, answering in the worker thread, rendering, sending), not
Telegram's limit of about 30 messages a second. The bot serves the benchmark's
100k corpus from the bm25s index ``make bench`` saved beside it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import numpy as np

from tests.bot_api_standin import ApiCall, BotApiStandIn, parse_telegram_html

CHATS = 50
QUESTIONS = 1_000
FIRST_CHAT = 700_000
PROBE_CHAT = 699_999
POLL_SECONDS = 0.001
ENGINE = "bm25s"
READY_SECONDS = 300.0
"""Start-up bound: loading takes seconds, but a changed ``retrieval`` means a rebuild."""
STOP_SECONDS = 20.0
ROOT = Path(__file__).resolve().parent.parent


class Replies:
    """Matches the bot's replies to the questions they answer, as they arrive."""

    def __init__(self, standin: BotApiStandIn) -> None:
        self._standin = standin
        self._seen = 0
        self._waiting: dict[tuple[int, int], asyncio.Future[ApiCall]] = {}

    def expect(self, chat: int, message_id: int) -> asyncio.Future[ApiCall]:
        future: asyncio.Future[ApiCall] = asyncio.get_running_loop().create_future()
        self._waiting[(chat, message_id)] = future
        return future

    async def watch(self) -> None:
        while True:
            calls = self._standin.calls
            for call in calls[self._seen :]:
                key = _replied_to(call)
                if key in self._waiting:
                    self._waiting.pop(key).set_result(call)
            self._seen = len(calls)
            await asyncio.sleep(POLL_SECONDS)


def _replied_to(call: ApiCall) -> tuple[int, int] | None:
    if call.method != "sendMessage" or not call.ok:
        return None
    reply = call.params.get("reply_parameters")
    if isinstance(reply, str):
        reply = json.loads(reply)
    if not isinstance(reply, dict):
        return None
    return int(call.params["chat_id"]), int(reply["message_id"])


async def _ask(
    standin: BotApiStandIn, replies: Replies, chat: int, text: str
) -> tuple[int, ApiCall]:
    update = standin.private_text(text, user_id=chat)
    future = replies.expect(chat, update["message"]["message_id"])
    update_id = standin.queue_update(update)
    return update_id, await asyncio.wait_for(future, 60)


async def _chat(
    standin: BotApiStandIn, replies: Replies, chat: int, questions: list[str]
) -> list[float]:
    latencies = []
    for question in questions:
        update_id, call = await _ask(standin, replies, chat, question)
        latencies.append((call.at - standin.queued_at[update_id]) * 1000)
    return latencies


def bot_environment(standin: BotApiStandIn, corpus_root: Path, home: Path) -> dict[str, str]:
    """Everything the bot reads, and nothing from the shell or a ``.env`` (it runs in ``home``)."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "TELEGRAM_BOT_TOKEN": standin.token,
        "TELEGRAM_API_BASE_URL": standin.api_root,
        "TELEGRAM_RATE_LIMITER": "false",
        "CORPUS_DIR": str(corpus_root / "articles"),
        "INDEX_CACHE_DIR": str(corpus_root / f"cache-{ENGINE}"),
        "RETRIEVAL_ENGINE": ENGINE,
        "SYNONYMS_FILE": str(home / "no-synonyms.txt"),
        "LOG_LEVEL": "WARNING",
    }


async def _until_ready(
    standin: BotApiStandIn, replies: Replies, bot: subprocess.Popen[bytes], log: Path
) -> int:
    """Wait until the bot polls and answers /help; returns the passages it says it serves."""
    started = standin.wait_for("deleteWebhook", timeout=READY_SECONDS)  # then it polls
    waiting = asyncio.ensure_future(started)
    while not waiting.done():
        if bot.poll() is not None:
            waiting.cancel()
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the bot exited with status {bot.returncode}:\n{tail}")
        await asyncio.wait({waiting}, timeout=0.2)
    waiting.result()
    _, reply = await _ask(standin, replies, PROBE_CHAT, "/help")
    shown = parse_telegram_html(str(reply.params["text"]))
    found = re.search(r"\((\d+) passages\)", shown)
    if found is None:
        raise RuntimeError(f"/help did not say how many passages the bot serves: {shown!r}")
    return int(found.group(1))


def _stop(bot: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person would stop it; killed if it does not stop in time."""
    if bot.poll() is None:
        bot.send_signal(signal.SIGINT)
        try:
            bot.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            bot.kill()
            bot.wait()


async def _push(
    corpus_root: Path, questions: list[str], log_file: IO[bytes], home: Path
) -> dict[str, Any]:
    standin = BotApiStandIn()
    await standin.start()
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=home,
        env=bot_environment(standin, corpus_root, home),
        stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    replies = Replies(standin)
    watcher = asyncio.create_task(replies.watch())
    try:
        passages = await _until_ready(standin, replies, bot, Path(log_file.name))
        per_chat = QUESTIONS // CHATS
        started = time.monotonic()
        latencies = await asyncio.gather(
            *(
                _chat(
                    standin, replies, FIRST_CHAT + n, questions[n * per_chat : (n + 1) * per_chat]
                )
                for n in range(CHATS)
            )
        )
        elapsed = time.monotonic() - started
    finally:
        watcher.cancel()
        await asyncio.to_thread(_stop, bot)
        await standin.stop()
    flat = np.asarray([ms for chat in latencies for ms in chat])
    p50, p99 = np.percentile(flat, [50, 99])
    return {
        "chats": CHATS,
        "questions": int(flat.size),
        "answered_per_s": flat.size / elapsed,
        "update_to_reply_ms": {"p50": float(p50), "p99": float(p99)},
        "engine": ENGINE,
        "passages": passages,
        "bot": "python -m bot run, its own process",
    }


def bot_throughput(corpus_root: Path) -> dict[str, Any]:
    """Start ``python -m bot run`` on ``corpus_root`` and push the questions through it."""
    asked = [q["text"] for q in json.loads((corpus_root / "questions.json").read_text())]
    questions = [asked[i % len(asked)] for i in range(QUESTIONS)]
    with tempfile.TemporaryDirectory(prefix="citebot-bench-") as directory:
        home = Path(directory)
        with (home / "bot.log").open("wb") as log_file:
            return asyncio.run(_push(corpus_root.resolve(), questions, log_file, home))


def main() -> None:
    print(json.dumps(bot_throughput(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
