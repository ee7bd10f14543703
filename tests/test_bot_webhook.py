"""``python -m bot run`` with ``WEBHOOK_URL`` set: Telegram posts updates to its server.

One bot process serves the module: each test posts what Telegram (or a stranger)
might post and checks the answer the server gives and what the bot then does.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.bot_api_standin import BotApiStandIn, StandInThread
from tests.test_bot_process import bot_environment, start_bot

SECRET = "s3cret-value"
PUBLIC_URL = "https://bot.example.org/telegram"


@dataclass
class WebhookBot:
    runner: StandInThread
    standin: BotApiStandIn
    port: int
    directory: Path
    process: subprocess.Popen[str]

    def post(self, body: bytes, secret: str = SECRET) -> httpx.Response:
        """POST like Telegram does, retrying while the server starts up."""
        deadline = time.monotonic() + 30
        while True:
            try:
                return httpx.post(
                    f"http://127.0.0.1:{self.port}/telegram", content=body, timeout=5,
                    headers={"X-Telegram-Bot-Api-Secret-Token": secret,
                             "Content-Type": "application/json"},
                )
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def post_update(self, update: dict[str, Any], secret: str = SECRET) -> int:
        return self.post(json.dumps(update).encode(), secret).status_code

    def question(self, text: str, update_id: int) -> dict[str, Any]:
        update = self.runner.call(lambda: self.standin.private_text(text))
        update["update_id"] = update_id
        return update


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def webhook_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebhookBot]:
    directory = tmp_path_factory.mktemp("webhook")
    port = free_port()
    runner = StandInThread()
    with runner as standin:
        process = start_bot(
            directory, standin, WEBHOOK_URL=PUBLIC_URL, WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port), WEBHOOK_SECRET_TOKEN=SECRET,
        )
        bot = WebhookBot(runner, standin, port, directory, process)
        try:
            yield bot
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=20)
            finally:
                process.kill()


def test_the_webhook_is_registered_with_its_secret(webhook_bot: WebhookBot) -> None:
    [webhook] = webhook_bot.runner.wait_for("setWebhook", timeout=30)
    assert webhook.params["url"] == PUBLIC_URL
    assert webhook.params["secret_token"] == SECRET


def test_an_update_with_the_secret_is_answered(webhook_bot: WebhookBot) -> None:
    question = webhook_bot.question("Who wants Afghanistan in SCO?", 101)
    assert webhook_bot.post_update(question) == 200
    [reply] = webhook_bot.runner.wait_for(
        "sendMessage", timeout=30,
        where=lambda call: call.params.get("reply_parameters", {}).get("message_id")
        == question["message"]["message_id"],
    )
    assert int(reply.params["chat_id"]) == question["message"]["chat"]["id"]


def test_an_update_with_a_wrong_secret_is_refused(webhook_bot: WebhookBot) -> None:
    forged = webhook_bot.question("forged question", 102)
    assert webhook_bot.post_update(forged, secret="wrong") == 403
    assert webhook_bot.post_update(forged, secret="") == 403


@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2]", b"\xff\xfe"])
def test_a_body_that_is_not_a_json_object_is_a_bad_request(
    webhook_bot: WebhookBot, body: bytes
) -> None:
    assert webhook_bot.post(body).status_code == 400


def test_an_update_that_cannot_be_parsed_is_accepted_and_skipped(
    webhook_bot: WebhookBot,
) -> None:
    """Telegram delivers a refused update again and again; a skipped one only once."""
    unreadable = {"update_id": 103, "message": {"message_id": "not a number", "chat": 5}}
    assert webhook_bot.post_update(unreadable) == 200
    question = webhook_bot.question("Who wants Afghanistan in SCO?", 104)
    assert webhook_bot.post_update(question) == 200
    webhook_bot.runner.wait_for(
        "sendMessage", timeout=30,
        where=lambda call: call.params.get("reply_parameters", {}).get("message_id")
        == question["message"]["message_id"],
    )


def test_healthz_answers_while_the_bot_runs(webhook_bot: WebhookBot) -> None:
    webhook_bot.post(b"{}")  # waits for the server to be up
    response = httpx.get(f"http://127.0.0.1:{webhook_bot.port}/healthz", timeout=5)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_the_health_command_asks_the_webhook_server(webhook_bot: WebhookBot) -> None:
    webhook_bot.post(b"{}")
    checked = subprocess.run(
        [sys.executable, "-m", "bot", "health"], cwd=webhook_bot.directory,
        env=bot_environment(webhook_bot.directory, WEBHOOK_URL=PUBLIC_URL,
                            WEBHOOK_PORT=str(webhook_bot.port)),
        capture_output=True, text=True, timeout=60,
    )
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("healthy")


def test_the_server_logs_neither_secret_nor_token(webhook_bot: WebhookBot) -> None:
    webhook_bot.post(b"{not json")
    webhook_bot.process.send_signal(signal.SIGINT)
    _, log = webhook_bot.process.communicate(timeout=20)
    assert webhook_bot.process.returncode == 0, log[-2000:]
    assert SECRET not in log
    assert webhook_bot.standin.token.split(":")[1] not in log
