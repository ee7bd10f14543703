"""The bot end to end in private chats, groups, forum topics and channels.

The real Application polls the Bot API stand-in over 127.0.0.1; the assertions
are on the calls it makes, as Telegram would receive them.
"""

from __future__ import annotations

import copy
import time

import pytest

from bot.errors import APOLOGY
from retrieval.library import Library
from retrieval.models import Answer
from tests.bot_api_standin import ApiCall, parse_telegram_html
from tests.bot_harness import copy_seeds, make_library, run, running_bot

QUESTION = "Who wants Afghanistan back in the SCO?"
GROUP = -1001000000001
CHANNEL = -1002000000001
MARKUP_ARTICLE = """Tariffs at A&B <Holdings> rise

The board of A&B <Holdings> said on Monday that tariffs on copper wire rose by 40% & more.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    corpus = copy_seeds(tmp_path_factory.mktemp("chats"))
    (corpus / "markup.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    return make_library(corpus)


def answering_span(library: Library, question: str = QUESTION) -> tuple[str, str]:
    """The first quote's answering span and source title, as the library answers."""
    answer = library.answer(question)
    assert answer.found, f"the test corpus should answer {question!r}"
    first = answer.quotes[0]
    return first.text[first.mark_start : first.mark_end], first.document.title


def shown(call: ApiCall) -> str:
    return parse_telegram_html(str(call.params["text"]))


def replied_to(call: ApiCall) -> int:
    return int(call.params["reply_parameters"]["message_id"])


def test_private_question_gets_a_cited_html_reply(library: Library) -> None:
    span, title = answering_span(library)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            update = standin.private_text(QUESTION)
            standin.queue_update(update)
            [reply] = await standin.wait_for("sendMessage")
            await standin.settle()
            assert len(standin.bot_messages()) == 1
            assert reply.params["chat_id"] == 1001
            assert reply.params["parse_mode"] == "HTML"
            assert reply.params["link_preview_options"] == {"is_disabled": True}
            assert replied_to(reply) == update["message"]["message_id"]
            assert "<blockquote>" in reply.params["text"]
            assert span in shown(reply) and title in shown(reply)
            assert not standin.calls_to("sendChatAction"), "a quick answer needs no 'typing'"

    run(scenario)


def test_a_slow_answer_in_a_private_chat_shows_typing_first(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = library.answer

    def slow(question: str) -> Answer:
        time.sleep(0.5)
        return answer(question)

    monkeypatch.setattr(library, "answer", slow)
    monkeypatch.setattr("bot.handlers.TYPING_AFTER_SECONDS", 0.1)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_text(QUESTION))
            [reply] = await standin.wait_for("sendMessage")
            [typing] = standin.calls_to("sendChatAction")
            assert typing.params["action"] == "typing" and typing.at <= reply.at
            assert typing.params["chat_id"] == reply.params["chat_id"] == 1001

    run(scenario)


def test_markup_in_questions_and_articles_comes_back_escaped(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_text(
                "<b>How much</b> did tariffs on copper wire rise at A&B <Holdings>?"))
            [reply] = await standin.wait_for("sendMessage")
            assert reply.ok
            assert "A&amp;B &lt;Holdings&gt;" in reply.params["text"]
            assert "<Holdings>" not in reply.params["text"]
            assert "40% & more" in shown(reply)

    run(scenario)


def test_groups_answer_only_what_is_addressed_to_the_bot(library: Library) -> None:
    span, _ = answering_span(library)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            name = standin.bot_username
            silent = [
                standin.group_text(QUESTION),
                standin.group_text(f"/ask@OtherBot {QUESTION}"),
                standin.group_text("/start@OtherBot"),
                standin.group_text(f"email me at someone@{name}.example"),
            ]
            asked = [
                standin.group_text(f"/ask@{name} {QUESTION}"),
                standin.group_text(f"/ask {QUESTION}"),
                standin.group_text(f"@{name}, {QUESTION.lower()}"),
            ]
            usage = standin.group_text(f"/ask@{name}")
            for update in [*silent, *asked, usage]:
                standin.queue_update(update)
            replies = await standin.wait_for("sendMessage", len(asked) + 1)
            await standin.settle()
            assert len(standin.bot_messages()) == len(asked) + 1
            assert not standin.calls_to("sendChatAction"), "group flood quota is for answers"
            by_question = {replied_to(call): call for call in replies}
            for update in asked:
                reply = by_question[update["message"]["message_id"]]
                assert reply.params["chat_id"] == GROUP and span in shown(reply)
            usage_reply = by_question[usage["message"]["message_id"]]
            assert shown(usage_reply).startswith("Usage: /ask@")
            assert "\n" not in shown(usage_reply)

    run(scenario)


def test_a_reply_to_the_bot_is_a_question(library: Library) -> None:
    span, _ = answering_span(library)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.group_text(f"/ask@{standin.bot_username} anything"))
            [first] = await standin.wait_for("sendMessage")
            bots_message = first.result
            reply_to_human = standin.group_text("I disagree", reply_to_message=standin.message(
                standin.group_chat(), "earlier", sender=standin.user(77, "Cy")))
            reply_to_bot = standin.group_text(QUESTION, reply_to_message=bots_message)
            standin.queue_update(reply_to_human)
            standin.queue_update(reply_to_bot)
            [_, answer] = await standin.wait_for("sendMessage", 2)
            await standin.settle()
            assert len(standin.bot_messages()) == 2
            assert replied_to(answer) == reply_to_bot["message"]["message_id"]
            assert span in shown(answer)

    run(scenario)


def test_forum_topic_questions_are_answered_in_their_topic(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            topic_root = standin.message(
                standin.group_chat(forum=True), sender=standin.user(),
                forum_topic_created={"name": "SCO", "icon_color": 7322096})
            standin.queue_update(standin.group_text(
                f"/ask@{standin.bot_username} {QUESTION}",
                message_thread_id=topic_root["message_id"], is_topic_message=True,
                reply_to_message=topic_root))
            standin.queue_update(standin.group_text(
                "chatter in the topic", message_thread_id=topic_root["message_id"],
                is_topic_message=True, reply_to_message=topic_root))
            [reply] = await standin.wait_for("sendMessage")
            await standin.settle()
            assert len(standin.bot_messages()) == 1
            assert reply.params["message_thread_id"] == topic_root["message_id"]

    run(scenario)


def test_channel_posts_with_ask_or_a_mention_are_answered_in_the_channel(
    library: Library,
) -> None:
    span, _ = answering_span(library)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.channel_post("Morning briefing: " + QUESTION))
            ask = standin.channel_post(f"/ask {QUESTION}")
            mention = standin.channel_post(f"{QUESTION} @{standin.bot_username}")
            standin.queue_update(ask)
            standin.queue_update(mention)
            replies = await standin.wait_for("sendMessage", 2)
            await standin.settle()
            assert len(standin.bot_messages()) == 2
            assert {replied_to(call) for call in replies} == {
                ask["channel_post"]["message_id"], mention["channel_post"]["message_id"]}
            assert all(call.params["chat_id"] == CHANNEL and span in shown(call)
                       for call in replies)

    run(scenario)


def test_odd_and_duplicate_updates_neither_crash_nor_double_answer(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            asked = standin.private_text(QUESTION, via_future_field={"x": 1})
            odd = [
                {"edited_message": standin.private_text(QUESTION)["message"]},
                {"edited_channel_post": standin.channel_post(f"/ask {QUESTION}")["channel_post"]},
                standin.private_text(None, photo=[{"file_id": "p", "file_unique_id": "u",
                                                   "width": 1, "height": 1}]),
                standin.group_text(None, new_chat_members=[standin.user(9, "New")]),
                {"message_reaction": {"chat": standin.group_chat(), "message_id": 1,
                                      "date": 0, "old_reaction": [], "new_reaction": []}},
                {"some_future_update": {"anything": [1, 2, 3]}},
                standin.private_text(""),
            ]
            for update in odd:
                standin.queue_update(update)
            standin.queue_updates([asked, asked])
            same_message_new_update = copy.deepcopy(asked)
            del same_message_new_update["update_id"]
            standin.queue_update(same_message_new_update)
            await standin.wait_for("sendMessage")
            await standin.settle(0.5)
            assert len(standin.bot_messages()) == 1
            assert all(call.ok for call in standin.calls)

    run(scenario)


def test_a_failure_is_logged_and_the_user_told_without_internals(
    library: Library, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(question: str) -> None:
        raise RuntimeError("index pointer 0xdeadbeef went away")

    monkeypatch.setattr(library, "answer", broken)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_text(QUESTION))
            [reply] = await standin.wait_for("sendMessage")
            assert reply.params["text"] == APOLOGY

    run(scenario)
    assert "0xdeadbeef" in caplog.text and "Traceback" in caplog.text


def test_rate_limited_bot_retries_after_a_flood_wait(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library, telegram_rate_limiter=True) as standin:
            standin.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1)
            standin.queue_update(standin.private_text(QUESTION))
            calls = await standin.wait_for("sendMessage", 2)
            assert [call.ok for call in calls] == [False, True]

    run(scenario)


def test_a_slow_question_does_not_stall_the_others(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = library.answer

    def slow_for_some(question: str) -> Answer:
        if question.startswith("slow"):
            time.sleep(1.5)
        return answer(question)

    monkeypatch.setattr(library, "answer", slow_for_some)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_text(f"slow {QUESTION}", user_id=1))
            standin.queue_update(standin.private_text(QUESTION, user_id=2))
            first, second = await standin.wait_for("sendMessage", 2)
            assert (first.params["chat_id"], second.params["chat_id"]) == (2, 1)
            assert second.at - first.at > 1

    run(scenario)
