"""Small pieces on their own: addressing rules, file names, settings, log redaction."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from telegram import Message

from bot.addressing import Addressed, Me, addressed_question
from bot.logging_setup import REDACTED, JsonRedactingFormatter, RedactingFormatter
from bot.settings import BotSettings
from bot.upload import UploadRefused, safe_file_name
from tests.bot_api_standin import BotApiStandIn

ME = Me(123456789, "CitebotTestBot")


def message(update: dict[str, Any]) -> Message:
    data = update.get("message") or update["channel_post"]
    parsed = Message.de_json(data, None)
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/ask@CitebotTestBot  who met?", Addressed("who met?")),
        ("/ASK@citebottestbot who met?", Addressed("who met?")),
        ("/ask who met?", Addressed("who met?")),
        ("/ask", Addressed("")),
        ("/ask@OtherBot who met?", None),
        ("/asking who met?", None),
        ("/help", None),
        ("@CitebotTestBot, who met?", Addressed("who met?")),
        ("who met? @citebottestbot", Addressed("who met?")),
        ("who met @CitebotTestBotX?", None),
        ("who met?", None),
    ],
)
def test_group_addressing(text: str, expected: Addressed | None) -> None:
    standin = BotApiStandIn()
    assert addressed_question(message(standin.group_text(text)), ME) == expected


def test_private_messages_are_all_questions_but_other_commands_are_not() -> None:
    standin = BotApiStandIn()
    assert addressed_question(message(standin.private_text(" who met? ")), ME) == Addressed(
        "who met?")
    assert addressed_question(message(standin.private_text("/sources")), ME) is None


def test_channel_replies_forwards_and_own_messages_are_not_questions() -> None:
    standin = BotApiStandIn()
    bots = standin.message(standin.channel_chat(), "an answer", sender=standin.bot_user)
    assert addressed_question(
        message(standin.channel_post("who met?", reply_to_message=bots)), ME) is None
    forwarded = standin.group_text("/ask who met?", is_automatic_forward=True)
    assert addressed_question(message(forwarded), ME) is None
    echoed = {"message": standin.message(standin.group_chat(), "Usage: /ask@CitebotTestBot",
                                         sender=standin.bot_user)}
    assert addressed_question(message(echoed), ME) is None


@pytest.mark.parametrize(
    ("original", "saved"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\boot.ini.MD", "boot.ini.md"),
        (".hidden.json", "hidden.json"),
        ("a<b>|c?.html", "a_b_c_.html"),
        (".txt", "article.txt"),
        ("Статья о ШОС.jsonl", "Статья о ШОС.jsonl"),
    ],
)
def test_upload_names_are_flattened_and_sanitised(original: str, saved: str) -> None:
    assert safe_file_name(original) == saved


@pytest.mark.parametrize("original", ["tool.exe", "notes", None, "archive.txt.gz"])
def test_upload_names_with_other_extensions_are_refused(original: str | None) -> None:
    with pytest.raises(UploadRefused):
        safe_file_name(original)


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", "12, 34 56")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("HELP_EXAMPLES", "One? | Two?")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = BotSettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.admin_user_ids == {12, 34, 56}
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.api_file_base_url == "http://127.0.0.1:8081/file/bot"
    assert settings.help_examples == ("One?", "Two?")
    assert settings.log_level == "DEBUG"
    assert settings.telegram_rate_limiter is True


def test_log_lines_and_tracebacks_never_show_the_token() -> None:
    token = "123:SECRET-token"
    try:
        raise ValueError(f"GET https://api.telegram.org/bot{token}/getMe failed")
    except ValueError as error:
        record = logging.LogRecord("httpx", logging.ERROR, __file__, 1, "url %s", (token,),
                                   (type(error), error, error.__traceback__))
    for formatter in (RedactingFormatter("%(message)s", [token]), JsonRedactingFormatter([token])):
        line = formatter.format(record)
        assert token not in line and REDACTED in line
