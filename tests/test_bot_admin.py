"""Commands, inline mode, and the admin-only corpus changes, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import GROUP_ANONYMOUS_BOT_ID
from retrieval.library import Library
from tests.bot_api_standin import ApiCall, parse_telegram_html
from tests.bot_harness import ADMIN_ID, copy_seeds, make_library, run, running_bot

QUESTION = "Who wants Afghanistan back in the SCO?"
NEW_ARTICLE = b"""Kirovgrad lantern festival breaks records

The Kirovgrad lantern festival drew 48,000 visitors this year, organisers said on Sunday.
"""
NEW_QUESTION = "How many visitors did the Kirovgrad lantern festival draw?"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path)


@pytest.fixture
def library(corpus: Path) -> Library:
    return make_library(corpus)


def shown(call: ApiCall) -> str:
    return parse_telegram_html(str(call.params["text"]))


def test_commands_are_registered_and_answered(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library, sources_page_size=2) as standin:
            registered = standin.calls_to("setMyCommands")
            assert {c["command"] for c in registered[0].params["commands"]} >= {
                "ask", "sources", "help", "start"}
            admin_scope = [c for c in registered if c.params.get("scope", {}).get("type") == "chat"]
            assert admin_scope[0].params["scope"]["chat_id"] == ADMIN_ID
            assert "reload" in {c["command"] for c in admin_scope[0].params["commands"]}
            commands = [standin.private_text(text) for text in ("/start", "/help", "/sources")]
            for update in commands:
                standin.queue_update(update)
            replies = {
                call.params["reply_parameters"]["message_id"]: call
                for call in await standin.wait_for("sendMessage", 3)
            }
            start, help_, sources = (replies[u["message"]["message_id"]] for u in commands)
            assert f"I know {len(library.documents)} articles" in shown(start)
            assert f"/ask@{standin.bot_username}" in shown(help_)
            assert "page 1 of 3" in shown(sources)
            assert library.documents[0].title in shown(sources)
            next_button = sources.params["reply_markup"]["inline_keyboard"][0][-1]
            standin.queue_update({"callback_query": {
                "id": "cb1", "from": standin.user(), "chat_instance": "1",
                "data": next_button["callback_data"], "message": sources.result}})
            [edit] = await standin.wait_for("editMessageText")
            assert "page 2 of 3" in shown(edit) and library.documents[2].title in shown(edit)

    run(scenario)


def test_a_page_that_is_no_number_gets_the_first_page_and_says_so(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(library, sources_page_size=2) as standin:
            standin.queue_update(standin.private_text("/sources ²"))
            [reply] = await standin.wait_for("sendMessage")
            assert "“²” is not a page number" in shown(reply)
            assert "page 1 of 3" in shown(reply)

    run(scenario)


@pytest.mark.parametrize("data", ["sources:-1", "garbage", "sources:abc", ""])
def test_every_button_press_is_acknowledged(library: Library, data: str) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update({"callback_query": {
                "id": "cb9", "from": standin.user(), "chat_instance": "1", "data": data}})
            [answered] = await standin.wait_for("answerCallbackQuery")
            assert answered.params["callback_query_id"] == "cb9"
            assert not standin.calls_to("sendMessage")

    run(scenario)


def test_inline_query_offers_cited_quotes(library: Library) -> None:
    expected = library.answer(QUESTION)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            asked = standin.inline_query(QUESTION)
            standin.queue_update(asked)
            standin.queue_update(standin.inline_query("zebra quantum marmalade"))
            answers = await standin.wait_for("answerInlineQuery", 2)
            [found] = [a for a in answers
                       if a.params["inline_query_id"] == asked["inline_query"]["id"]]
            [missing] = [a for a in answers if a is not found]
            results = found.params["results"]
            assert 1 <= len(results) <= 3
            first = expected.quotes[0]
            content = results[0]["input_message_content"]
            assert content["parse_mode"] == "HTML" and "<blockquote>" in content["message_text"]
            text = parse_telegram_html(content["message_text"])
            assert first.text[first.mark_start : first.mark_end] in text
            assert first.document.title in text
            assert missing.params["results"] == []
            assert "not in the" in missing.params["button"]["text"]

    run(scenario)


def test_admin_reload_reports_counts_and_changes(library: Library, corpus: Path) -> None:
    before = (len(library.documents), library.passage_count)
    removed = sorted(corpus.iterdir())[0]
    removed.unlink()
    (corpus / "new.txt").write_bytes(NEW_ARTICLE)
    (corpus / "notes.bin").write_bytes(b"\x00\x01")

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_text("/reload", user_id=ADMIN_ID))
            [report] = await standin.wait_for("sendMessage")
            text = shown(report)
            assert f"Documents: {before[0]} → {len(library.documents)}" in text
            assert f"Passages: {before[1]} → {library.passage_count}" in text
            assert "\n• new.txt\n" in text
            assert f"Removed (1):\n• {removed.name}" in text
            assert "Changed: none" in text
            assert "Skipped (1):\n• notes.bin: " in text
            assert "Corpus reloaded in" in text

    run(scenario)


def test_reload_is_refused_to_everyone_else(library: Library) -> None:
    async def scenario() -> None:
        async with running_bot(
            library, admin_user_ids=frozenset({ADMIN_ID, GROUP_ANONYMOUS_BOT_ID})
        ) as standin:
            group = standin.group_chat()
            standin.queue_update(standin.private_text("/reload", user_id=555))
            standin.queue_update({"message": standin.message(
                group, f"/reload@{standin.bot_username}",
                sender=standin.user(GROUP_ANONYMOUS_BOT_ID, "Group"), sender_chat=group)})
            replies = await standin.wait_for("sendMessage", 2)
            assert all("only the bot's administrators" in shown(call) for call in replies)
            assert not standin.calls_to("sendChatAction")

    before = len(library.documents)
    run(scenario)
    assert len(library.documents) == before


def test_admin_upload_adds_an_article_that_is_then_answered(
    library: Library, corpus: Path
) -> None:
    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_document(
                NEW_ARTICLE, "../../etc/Lantern festival.TXT", user_id=ADMIN_ID))
            [added] = await standin.wait_for("sendMessage")
            assert "Added Lantern festival.txt" in shown(added)
            assert "Added (1):\n• Lantern festival.txt" in shown(added)
            standin.queue_update(standin.private_text(NEW_QUESTION))
            [_, answer] = await standin.wait_for("sendMessage", 2)
            assert "48,000 visitors" in shown(answer)

    run(scenario)
    assert (corpus / "Lantern festival.txt").read_bytes() == NEW_ARTICLE


def test_uploads_refused_politely(library: Library, corpus: Path) -> None:
    files_before = sorted(path.name for path in corpus.iterdir())

    async def scenario() -> None:
        async with running_bot(library, max_upload_bytes=1000) as standin:
            standin.queue_update(standin.private_document(b"MZ...", "tool.exe", user_id=ADMIN_ID))
            standin.queue_update(standin.private_document(
                b"x" * 2000, "huge.txt", user_id=ADMIN_ID))
            standin.queue_update(standin.private_document(NEW_ARTICLE, "a.txt", user_id=555))
            replies = await standin.wait_for("sendMessage", 3)
            texts = [shown(call) for call in replies]
            assert any("only add articles as .txt" in text for text in texts)
            assert any("too large" in text for text in texts)
            assert any("only the bot's administrators can add articles" in text
                       for text in texts)

    run(scenario)
    assert sorted(path.name for path in corpus.iterdir()) == files_before


def test_failed_reload_after_upload_restores_the_corpus(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files_before = sorted(path.name for path in corpus.iterdir())

    def failing_reload() -> None:
        raise OSError(28, "No space left on device", str(corpus))

    monkeypatch.setattr(library, "reload", failing_reload)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_document(
                NEW_ARTICLE, "lanterns.md", user_id=ADMIN_ID))
            [reply] = await standin.wait_for("sendMessage")
            text = shown(reply)
            assert "lanterns.md was not added" in text
            assert "Reload failed; nothing changed" in text
            assert "No space left on device" in text
            assert str(corpus) not in text  # the reply may be read in a group

    run(scenario)
    assert sorted(path.name for path in corpus.iterdir()) == files_before


def test_unusable_upload_is_removed_again(library: Library, corpus: Path) -> None:
    files_before = sorted(path.name for path in corpus.iterdir())

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_document(
                b"{not json", "broken.json", user_id=ADMIN_ID))
            [reply] = await standin.wait_for("sendMessage")
            assert "broken.json was not added:" in shown(reply)

    run(scenario)
    assert sorted(path.name for path in corpus.iterdir()) == files_before


def test_a_binary_upload_over_an_article_leaves_answers_as_they_were(
    library: Library, corpus: Path
) -> None:
    article = sorted(corpus.glob("*.txt"))[0]
    question = "when did Russia recognise the IEA"
    before = library.answer(question)

    async def scenario() -> None:
        async with running_bot(library) as standin:
            standin.queue_update(standin.private_document(
                b"\x00\x01binary\xff" * 50, article.name, user_id=ADMIN_ID))
            [reply] = await standin.wait_for("sendMessage")
            assert f"{article.name} was not added" in shown(reply)

    run(scenario)
    assert library.answer(question) == before
