"""The bot's own throughput: 1,000 questions from 50 chats through the Bot API stand-in.

The real ``Application`` (as ``bot run`` builds it, rate limiter off) polls the
local stand-in of the Telegram issue over HTTP on 127.0.0.1. Fifty chats ask
at once, each sending its next question when the previous one is answered, as
people in a busy newsroom chat would; so this measures our side (polling,
parsing, answering in the worker thread, rendering, sending), not Telegram's
limit of about 30 messages a second. The index is the benchmark's 100k corpus.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.measure import settings_for
from retrieval.library import Library
from tests.bot_api_standin import ApiCall, BotApiStandIn
from tests.bot_harness import running_bot

CHATS = 50
QUESTIONS = 1_000
FIRST_CHAT = 700_000
POLL_SECONDS = 0.001


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


async def _chat(
    standin: BotApiStandIn, replies: Replies, chat: int, questions: list[str]
) -> list[float]:
    latencies = []
    for question in questions:
        update = standin.private_text(question, user_id=chat)
        future = replies.expect(chat, update["message"]["message_id"])
        update_id = standin.queue_update(update)
        call = await asyncio.wait_for(future, 60)
        latencies.append((call.at - standin.queued_at[update_id]) * 1000)
    return latencies


async def _push(library: Library, questions: list[str]) -> dict[str, Any]:
    async with running_bot(library) as standin:
        replies = Replies(standin)
        watcher = asyncio.create_task(replies.watch())
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
        watcher.cancel()
    flat = np.asarray([ms for chat in latencies for ms in chat])
    p50, p99 = np.percentile(flat, [50, 99])
    return {
        "chats": CHATS,
        "questions": int(flat.size),
        "answered_per_s": flat.size / elapsed,
        "update_to_reply_ms": {"p50": float(p50), "p99": float(p99)},
        "engine": library.engine,
        "passages": library.passage_count,
    }


def bot_throughput(corpus_root: Path) -> dict[str, Any]:
    """Serve ``corpus_root``'s saved bm25s index and push the questions through the bot."""
    settings = settings_for(corpus_root / "articles", corpus_root / "cache-bm25s", "bm25s")
    library = Library(settings)
    asked = [q["text"] for q in json.loads((corpus_root / "questions.json").read_text())]
    questions = [asked[i % len(asked)] for i in range(QUESTIONS)]
    return asyncio.run(_push(library, questions))


def main() -> None:
    print(json.dumps(bot_throughput(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
