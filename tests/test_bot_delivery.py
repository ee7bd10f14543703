"""Replies survive a Bot API that fails for passing reasons: the answer, not an apology."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.errors import APOLOGY
from bot.replies import Delivery
from retrieval.library import Library
from tests.bot_api_standin import ApiCall, FaultMix, parse_telegram_html
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


def test_a_reply_whose_connection_is_dropped_is_sent_again(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.drop_next("sendMessage")
            standin.queue_update(standin.private_text(QUESTION))
            await standin.wait_for("sendMessage", 2)
            await standin.settle()
            [reply] = standin.bot_messages()
            assert "SCO" in parse_telegram_html(str(reply.params["text"]))

    run(scenario)


def test_a_bot_api_slower_than_ptbs_default_timeout_gets_no_second_copy(
    library: Library,
) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.hang_next("sendMessage", 6.0)  # PTB's default read timeout is 5 s
            standin.queue_update(standin.private_text(QUESTION))
            await standin.wait_for("sendMessage", timeout=10)
            await asyncio.sleep(1.0)  # a retry would have followed the timeout at once
            assert len(standin.calls_to("sendMessage")) == 1

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


def test_a_chats_replies_keep_the_order_of_its_questions(library: Library) -> None:
    questions = [
        "Who wants Afghanistan back in the SCO?",
        "when did Russia recognise the IEA",
        "Who did Shoigu meet in Kabul?",
        "How many people died in the concert hall attack near Moscow?",
        "Which countries have accepted Taliban ambassadors?",
    ]

    async def scenario() -> None:
        async with running_bot(library) as standin:
            asked = [standin.private_text(question) for question in questions]
            for update in asked:
                standin.queue_update(update)
            replies = await standin.wait_for("sendMessage", len(questions))
            answered = [call.params["reply_parameters"]["message_id"] for call in replies]
            assert answered == [update["message"]["message_id"] for update in asked]

    run(scenario)


def test_a_flood_wait_in_one_chat_does_not_hold_up_another(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library, telegram_rate_limiter=True) as standin:
            standin.fail_next("sendMessage", 429, "Too Many Requests: retry after 2", 2)
            standin.queue_update(standin.private_text(QUESTION, user_id=501))
            [refused] = await standin.wait_for("sendMessage")
            standin.queue_update(standin.private_text(QUESTION, user_id=502))
            [other] = await standin.wait_for(
                "sendMessage", where=lambda call: call.params["chat_id"] == 502
            )
            assert other.at - refused.at < 1.0
            [retried] = await standin.wait_for(
                "sendMessage", timeout=6, where=lambda call: call is not refused
                and call.params["chat_id"] == 501
            )
            assert retried.at - refused.at >= 2.0

    run(scenario)


def test_an_update_that_cannot_be_parsed_is_skipped_and_polling_goes_on(
    library: Library,
) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update({"message": {"message_id": 1, "date": "yesterday",
                                              "chat": {"id": 7, "type": "private"}}})
            standin.queue_update(standin.private_text(QUESTION))
            [reply] = await standin.wait_for("sendMessage", timeout=10)
            assert "SCO" in parse_telegram_html(str(reply.params["text"]))
            await standin.settle()
            assert len(standin.calls_to("getUpdates")) < 40  # not asking for it again and again

    run(scenario)


FAULT_MIX_QUESTIONS = [
    "Who wants Afghanistan back in the SCO?",
    "when did Russia recognise the IEA",
    "Who did Shoigu meet in Kabul?",
    "Which countries have accepted Taliban ambassadors?",
]


def replies_to(update: dict[str, object], sent: list[ApiCall]) -> list[ApiCall]:
    message = update["message"]
    assert isinstance(message, dict)
    return [
        call for call in sent
        if int(call.params["chat_id"]) == message["chat"]["id"]
        and call.params["reply_parameters"]["message_id"] == message["message_id"]
    ]


def test_under_a_mix_of_faults_every_question_is_answered_once_in_order(
    library: Library,
) -> None:
    """The issue's mix: 10% 500s, 10% 429s, 5% hangs past PTB's timeout, 5% drops."""
    mix = FaultMix(server_errors=0.10, flood_waits=0.10, hangs=0.05, drops=0.05,
                   hang_seconds=6.0, retry_after=1, seed=7)

    async def scenario() -> None:
        async with running_bot(library, telegram_rate_limiter=True) as standin:
            standin.fault_mix("sendMessage", mix)
            asked = [
                standin.private_text(question, user_id=600 + chat)
                for question in FAULT_MIX_QUESTIONS for chat in range(25)
            ]
            standin.queue_updates(asked)
            await standin.wait_for("sendMessage", len(asked), timeout=50,
                                   where=lambda call: call.ok)
            await standin.settle()
            sent = standin.bot_messages()
            assert all(len(replies_to(update, sent)) == 1 for update in asked)
            assert not any(APOLOGY in str(call.params["text"]) for call in sent)
            for chat in range(25):
                in_chat = [call.params["reply_parameters"]["message_id"]
                           for call in standin.bot_messages(600 + chat)]
                assert in_chat == sorted(in_chat)
            faults = len(standin.calls_to("sendMessage")) - len(sent)
            assert faults >= 15  # the mix really hit (about a quarter of 100 first tries)

    run(scenario, timeout=60)


def test_a_burst_of_a_thousand_questions_keeps_each_chats_order(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            asked = [
                standin.private_text(FAULT_MIX_QUESTIONS[turn % 4], user_id=700 + chat)
                for turn in range(20) for chat in range(50)
            ]
            standin.queue_updates(asked)
            await standin.wait_for("sendMessage", len(asked), timeout=100)
            for chat in range(50):
                in_chat = [call.params["reply_parameters"]["message_id"]
                           for call in standin.bot_messages(700 + chat)]
                assert in_chat == sorted(in_chat) and len(in_chat) == 20

    run(scenario, timeout=120)
