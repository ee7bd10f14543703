"""Replies survive a Bot API that fails for passing reasons: the answer, not an apology."""

from __future__ import annotations

import time

import pytest

from bot.errors import APOLOGY
from bot.replies import Delivery
from retrieval.library import Library
from tests.bot_api_standin import parse_telegram_html
from tests.bot_harness import copy_seeds, make_library, run, running_bot

QUESTION = "Who wants Afghanistan back in the SCO?"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return make_library(copy_seeds(tmp_path_factory.mktemp("delivery")))


@pytest.mark.parametrize(
    ("code", "description"), [(500, "Internal Server Error"), (502, "Bad Gateway")]
)
def test_a_reply_that_meets_server_errors_is_sent_again(
    library: Library, code: int, description: str
) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.fail_next("sendMessage", code, description)
            standin.fail_next("sendMessage", code, description)
            standin.queue_update(standin.private_text(QUESTION))
            sent = await standin.wait_for("sendMessage", 3)
            await standin.settle()
            texts = [parse_telegram_html(str(call.params["text"])) for call in sent]
            assert "SCO" in texts[-1]
            assert not any(APOLOGY in text for text in texts)
            assert len(standin.calls_to("sendMessage")) == 3

    run(scenario)


def test_a_flood_wait_delays_the_reply_by_what_telegram_asks(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1)
            standin.queue_update(standin.private_text(QUESTION))
            first, second = await standin.wait_for("sendMessage", 2)
            assert second.at - first.at >= 1.0
            assert "SCO" in parse_telegram_html(str(second.params["text"]))

    run(scenario)


def test_a_reply_is_given_up_after_the_deadline_and_counted(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library, reply_deadline_seconds=1.0) as standin:
            for _ in range(10):
                standin.fail_next("sendMessage", 500, "Internal Server Error")
            before = Delivery.undelivered
            started = time.monotonic()
            standin.queue_update(standin.private_text(QUESTION))
            await standin.wait_for("sendMessage", 2)
            await standin.settle()
            assert time.monotonic() - started < 10
            assert Delivery.undelivered == before + 1
            assert len(standin.calls_to("sendMessage")) == 2  # no apology after giving up

    run(scenario)
